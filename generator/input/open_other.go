//go:build !unix

package input

import (
	"os"
	"syscall"
)

// errIsDir is the error for a folder opened as a file.
var errIsDir = syscall.EISDIR

// openNonBlocking opens path for reading. Windows has no named pipes in
// the file system, and the mode was checked before.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }

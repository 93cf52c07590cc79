//go:build unix

package input

import (
	"os"
	"syscall"
)

// errIsDir is the error for a folder opened as a file.
var errIsDir = syscall.EISDIR

// openNonBlocking opens path for reading with O_NONBLOCK: opening a named
// pipe then returns at once instead of waiting for a writer. Reads of a
// regular file are not affected.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

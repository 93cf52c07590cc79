//go:build !unix && !windows

package batch

import "os"

// lockFile does nothing where the system has no file locks.
func lockFile(*os.File) error { return nil }

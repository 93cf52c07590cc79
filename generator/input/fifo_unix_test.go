//go:build unix

package input

import "syscall"

// mkfifo makes a named pipe, for the tests of what is refused unread.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }

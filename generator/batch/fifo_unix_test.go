//go:build unix

package batch

import "syscall"

// mkfifo makes a named pipe, for the streaming test.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }

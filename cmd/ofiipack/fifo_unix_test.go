//go:build unix

package main

import (
	"os"
	"syscall"
)

// mkfifo makes a named pipe, for the hostile-input scripts.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }

// heldByOther reports whether another process holds the lock of path
// (flock): the lock of a batch's output folder.
func heldByOther(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == syscall.EWOULDBLOCK {
		return true, nil
	}
	if err == nil {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	}
	return false, err
}

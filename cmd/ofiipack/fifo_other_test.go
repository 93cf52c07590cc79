//go:build !unix

package main

import "errors"

// mkfifo fails where there are no named pipes in the file system
// (Windows): the scripts that need one are skipped there ([fifo]).
func mkfifo(path string) error { return errors.New("no named pipes in the file system") }

// heldByOther is not used where the scripts that need it are skipped.
func heldByOther(path string) (bool, error) { return false, errors.New("no flock here") }

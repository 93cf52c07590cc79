//go:build !unix

package batch

import "errors"

// mkfifo fails where there are no named pipes in the file system (Windows):
// the streaming test is skipped there.
func mkfifo(path string) error { return errors.New("no named pipes in the file system") }

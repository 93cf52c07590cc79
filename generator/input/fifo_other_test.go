//go:build !unix

package input

import "errors"

// mkfifo fails where there are no named pipes in the file system (Windows).
func mkfifo(path string) error { return errors.New("no named pipes in the file system") }

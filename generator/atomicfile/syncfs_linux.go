package atomicfile

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// FolderSync makes every file written in a folder's file system durable
// at once (syncfs(2)), instead of one fsync per file. It holds the folder
// open from before the first write: syncfs reports the errors of writing
// back any file of the file system since the descriptor was opened.
type FolderSync struct {
	f   *os.File
	dir string
}

// OpenFolderSync opens dir for SyncFS. It returns nil, and no error, where
// syncfs cannot be trusted to report a failed write: before Linux 5.8 it
// returned success whatever the write-back found. The caller then writes
// each file with Write, which syncs it.
func OpenFolderSync(dir string) (*FolderSync, error) {
	var u unix.Utsname
	if err := unix.Uname(&u); err != nil || !kernelAtLeast(unix.ByteSliceToString(u.Release[:]), 5, 8) {
		return nil, nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil, msg.Wrap(err, "os.cannot_write", dir, msg.OS(err))
	}
	return &FolderSync{f, dir}, nil
}

// Sync writes to disk every file written in the folder's file system. A
// nil FolderSync does nothing.
func (s *FolderSync) Sync() error {
	if s == nil {
		return nil
	}
	if err := unix.Syncfs(int(s.f.Fd())); err != nil {
		return msg.Wrap(err, "os.cannot_write", s.dir, msg.OS(err))
	}
	return nil
}

// Close releases the folder. A nil FolderSync does nothing.
func (s *FolderSync) Close() error {
	if s == nil {
		return nil
	}
	return s.f.Close()
}

// kernelAtLeast reports whether a kernel release ("6.1.0-13-amd64") is
// major.minor or later.
func kernelAtLeast(release string, major, minor int) bool {
	parts := strings.SplitN(release, ".", 3)
	if len(parts) < 2 {
		return false
	}
	minorDigits := parts[1]
	if i := strings.IndexFunc(minorDigits, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		minorDigits = minorDigits[:i] // "8-rc1"
	}
	ma, err1 := strconv.Atoi(parts[0])
	mi, err2 := strconv.Atoi(minorDigits)
	if err1 != nil || err2 != nil {
		return false
	}
	return ma > major || ma == major && mi >= minor
}

package batch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// LockFile is the file of the output folder that a batch holds locked
// while it writes there: a second batch into the same folder would remove
// and replace the first one's summary and caseload files.
const LockFile = ".ofiipack-lock"

// errLocked is a lock another process holds.
var errLocked = errors.New("locked by another process")

// folderLock is the lock of an output folder, held until release.
type folderLock struct {
	f       *os.File
	created bool // this run created the lock file: it removes it
}

// lockFolder takes the lock of dir, or says that another batch holds it.
// The lock is the operating system's (flock, LockFileEx): a batch that is
// killed holds it no longer. A lock file this run finds is left there.
func lockFolder(dir string) (*folderLock, error) {
	path := filepath.Join(dir, LockFile)
	for tries := 0; ; tries++ {
		created := true
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			created = false
			f, err = os.OpenFile(path, os.O_RDWR, 0)
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && tries < 10 {
				continue // removed between the two opens: its batch ended
			}
			return nil, msg.Wrap(err, "batch.cannot_write", LockFile, msg.OS(err))
		}
		if err := lockFile(f); err != nil {
			f.Close()
			if errors.Is(err, errLocked) {
				return nil, msg.Wrap(err, "batch.folder_in_use", dir).WithHint(msg.New("batch.folder_in_use_hint"))
			}
			return nil, msg.Wrap(err, "batch.cannot_write", LockFile, msg.OS(err))
		}
		// The batch that held it may have removed the file between our
		// open and our lock: the lock is then on a file no other batch
		// can find. Take the one the folder holds now.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return &folderLock{f: f, created: created}, nil
		}
		f.Close()
		if tries >= 10 {
			return nil, msg.Wrap(errLocked, "batch.folder_in_use", dir).WithHint(msg.New("batch.folder_in_use_hint"))
		}
	}
}

// release removes the lock file when this run created it, then lets the
// lock go: a batch waiting for it finds the file gone and makes its own.
func (l *folderLock) release() {
	if l.created {
		os.Remove(l.f.Name())
	}
	l.f.Close()
}

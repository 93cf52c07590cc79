package atomicfile

import (
	"os"

	"golang.org/x/sys/unix"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// CanSyncFS is whether SyncFS makes every file of a folder durable at
// once. On Linux it is syncfs(2); elsewhere each file is synced as it is
// written (Write).
const CanSyncFS = true

// SyncFS writes to disk every file written in the file system that holds
// dir (syncfs(2)).
func SyncFS(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return msg.Wrap(err, "os.cannot_write", dir, msg.OS(err))
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil {
		return msg.Wrap(err, "os.cannot_write", dir, msg.OS(err))
	}
	return nil
}

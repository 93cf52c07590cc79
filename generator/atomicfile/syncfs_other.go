//go:build !linux

package atomicfile

// CanSyncFS is whether SyncFS makes every file of a folder durable at
// once: not on this system, where each file must be written with Write.
const CanSyncFS = false

// SyncFS does nothing here: see CanSyncFS.
func SyncFS(dir string) error { return nil }

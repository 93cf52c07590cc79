//go:build !linux

package atomicfile

// FolderSync is not available here: each file is synced as it is written
// (Write). See the Linux version.
type FolderSync struct{}

// OpenFolderSync returns nil: the caller writes each file with Write.
func OpenFolderSync(dir string) (*FolderSync, error) { return nil, nil }

// Sync does nothing.
func (s *FolderSync) Sync() error { return nil }

// Close does nothing.
func (s *FolderSync) Close() error { return nil }

package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/ofiipack/ofiipack/generator/msg"
)

func TestWriteReplacesAndSetsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pack.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "new" {
		t.Errorf("content = %q, want new", b)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != Perm {
		t.Errorf("mode = %v, want %v", st.Mode().Perm(), Perm)
	}
	assertOnly(t, dir, "pack.pdf")
}

func TestWriteFailureKeepsOldFileAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pack.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "old" {
		t.Errorf("content = %q, want old", b)
	}
	assertOnly(t, dir, "pack.pdf")
}

func TestWriteMissingFolder(t *testing.T) {
	err := WriteBytes(filepath.Join(t.TempDir(), "no", "such", "x.pdf"), []byte("x"))
	if err == nil {
		t.Fatal("want an error for a missing folder")
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	if len(ents) != len(names) {
		var got []string
		for _, e := range ents {
			got = append(got, e.Name())
		}
		t.Fatalf("folder holds %v, want %v", got, names)
	}
}

// TestWriteUnsynced: without the sync, the file is still complete, with
// its mode, and no temporary file is left; a FolderSync opened before the
// write syncs it (where the system has one), and a nil one does nothing.
func TestWriteUnsynced(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenFolderSync(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	path := filepath.Join(dir, "pack.pdf")
	if err := WriteUnsynced(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "pack")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "pack" {
		t.Errorf("content = %q, want pack", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != Perm {
		t.Errorf("mode = %v, want %v", st.Mode().Perm(), Perm)
	}
	assertOnly(t, dir, "pack.pdf")
	if err := s.Sync(); err != nil {
		t.Errorf("Sync: %v", err)
	}
	var none *FolderSync
	if err := none.Sync(); err != nil {
		t.Errorf("nil Sync: %v", err)
	}
	if _, err := OpenFolderSync(filepath.Join(dir, "missing")); s != nil && err == nil {
		t.Error("OpenFolderSync of a missing folder did not fail")
	}
}

// TestWriteErrorWorded: a write the system refuses (a full disk) is
// worded from the catalog, in the user's language, and still says what
// the system said to errors.Is.
func TestWriteErrorWorded(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pack.pdf")
	err := Write(path, func(w io.Writer) error {
		return &fs.PathError{Op: "write", Path: filepath.Join(dir, ".ofiipack-tmp-pack.pdf-1"), Err: syscall.ENOSPC}
	})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
	want := "écriture de " + path + " impossible : plus de place sur le disque"
	if got := msg.Localized(err, msg.French); got != want {
		t.Errorf("in French: %q, want %q", got, want)
	}
	assertOnly(t, dir)
}

// TestWritePanicLeavesNoTemp: a panic in write removes the temporary
// file as a failure does.
func TestWritePanicLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	func() {
		defer func() { recover() }()
		Write(filepath.Join(dir, "pack.pdf"), func(w io.Writer) error {
			io.WriteString(w, "half")
			panic("a bug")
		})
	}()
	assertOnly(t, dir)
}

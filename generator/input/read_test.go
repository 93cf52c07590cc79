package input

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/msg"
)

func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	what := msg.New("read.what.applicant")
	exact := filepath.Join(dir, "exact.yaml")
	os.WriteFile(exact, bytes.Repeat([]byte("#"), 1000), 0o600)
	if data, err := ReadFile(exact, 1000, false, what); err != nil || len(data) != 1000 {
		t.Errorf("a file of exactly the limit: %d bytes, %v", len(data), err)
	}
	if _, err := ReadFile(exact, 999, false, what); !errors.Is(err, ErrTooLarge) ||
		!strings.Contains(err.Error(), "more than 999 bytes, expected an applicant file of at most 999 bytes") {
		t.Errorf("a file over the limit: %v", err)
	}
	if got := msg.OS(TooLarge(1<<20, what)).In(msg.French); got != "il contient plus de 1 Mio, attendu un fichier de demandeur d’au plus 1 Mio" {
		t.Errorf("in French: %q", got)
	}
}

// TestReadFileNotRegular: a device, and a pipe unless allowed, are refused
// without reading or waiting (the test's timeout guards against a hang).
func TestReadFileNotRegular(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/zero nor named pipes in the file system")
	}
	what := msg.New("read.what.applicant")
	dir := t.TempDir()
	link := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", link} {
		for _, pipes := range []bool{false, true} {
			_, err := ReadFile(path, 1<<20, pipes, what)
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "it is a device") {
				t.Errorf("ReadFile(%s, pipes %v) = %v, want a device refused", path, pipes, err)
			}
		}
	}
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	if _, err := ReadFile(fifo, 1<<20, false, what); !errors.Is(err, ErrNotRegular) ||
		!strings.Contains(err.Error(), "it is a named pipe (FIFO), expected a regular file") {
		t.Errorf("a pipe = %v, want it refused", err)
	}
}

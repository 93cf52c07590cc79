package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/sheet"
)

// failingWriter fails every write with err, as a full disk does.
type failingWriter struct{ err error }

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }

// TestDiskFullStopsAtOnce: the first pack that finds the disk full stops
// the batch: no more pack is started, the error names the output folder
// once, and no temporary file is left.
func TestDiskFullStopsAtOnce(t *testing.T) {
	in := t.TempDir()
	var rows [][]string
	for i := range 40 {
		rows = append(rows, person(t, "DIALLO", fmt.Sprintf("Aminata %d", i)))
	}
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, sheet.ColumnNames(), rows...)
	out := t.TempDir()
	var calls atomic.Int32
	saved := writeFile
	defer func() { writeFile = saved }()
	writeFile = func(path string, _ bool, write func(io.Writer) error) error {
		n := calls.Add(1)
		return atomicfile.Write(path, func(w io.Writer) error {
			if n > 5 {
				// the disk fills up at the sixth pack
				w = failingWriter{&fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}}
			}
			return write(w)
		})
	}
	reported := 0
	s, err := Run(context.Background(), Options{Inputs: []string{path}, Dir: out, Jobs: 2, Today: today,
		OnEntry: func(r Result) {
			if !r.OK() {
				reported++
			}
		}})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want the disk full", err)
	}
	want := fmt.Sprintf("no space left on the disk of %s: the batch stopped, %d packs written before, no summary written", out, s.Written)
	if err.Error() != want {
		t.Errorf("err = %q\nwant %q", err, want)
	}
	var me *msg.Error
	if !errors.As(err, &me) || !strings.Contains(me.Hint.String(), "free some space") {
		t.Errorf("no hint: %#v", err)
	}
	if reported != 0 {
		t.Errorf("%d entries reported as failed: the full disk is said once, for the batch", reported)
	}
	// two workers: at most the packs in progress when the disk filled
	if n := calls.Load(); n > 5+2+1 {
		t.Errorf("%d packs started: the batch did not stop at the full disk", n)
	}
	pdfs := 0
	for _, name := range listDir(t, out) { // fails on a temporary file
		if name == SummaryFile || name == CaseloadPDF || name == CaseloadCalFile {
			t.Errorf("%s written on a full disk", name)
		}
		pdfs++
	}
	if pdfs != s.Written || pdfs > 5 {
		t.Errorf("%d PDFs in the folder, %d counted", pdfs, s.Written)
	}
}

func TestDiskFullErrno(t *testing.T) {
	if !diskFull(msg.Wrap(&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "os.cannot_write", "x", "y")) {
		t.Error("ENOSPC under a catalog error is not a full disk")
	}
	if diskFull(errors.New("no space")) || diskFull(syscall.EACCES) {
		t.Error("other errors taken for a full disk")
	}
}

// TestCancelWhileWaitingForPipe: a CSV or applicant file that is a pipe
// named on the command line, that nobody writes to, keeps the batch
// waiting, as cat would, until it is interrupted: then Run returns at once
// (go test -timeout catches a hang). The interrupt comes once the batch has
// had the time to start waiting on the pipe.
func TestCancelWhileWaitingForPipe(t *testing.T) {
	for _, name := range []string{"pipe.csv", "pipe.yaml"} {
		t.Run(name, func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), name)
			if err := mkfifo(fifo); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() {
				_, err := Run(ctx, Options{Inputs: []string{fifo}, Dir: t.TempDir(), Jobs: 1, Today: today})
				done <- err
			}()
			select {
			case err := <-done:
				t.Fatalf("Run returned before the interrupt: %v", err)
			case <-time.After(200 * time.Millisecond):
			}
			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
		})
	}
}

// TestPipeInFolderRefused: a named pipe found in a folder is refused
// without waiting for a writer, and the other files are made.
func TestPipeInFolderRefused(t *testing.T) {
	in := t.TempDir()
	if err := mkfifo(filepath.Join(in, "a.yaml")); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "b.yaml"), data, 0o600)
	var got []Result
	s, err := Run(context.Background(), Options{Inputs: []string{in}, Dir: t.TempDir(), Today: today,
		OnEntry: func(r Result) { got = append(got, r) }})
	if err != nil || s.Written != 1 || s.Failed != 1 {
		t.Fatalf("summary %+v, %v", s, err)
	}
	if msg := got[0].Problems[0].Error(); !strings.HasSuffix(msg, "a.yaml: cannot read it: it is a named pipe (FIFO), expected a regular file") {
		t.Errorf("problem = %q", msg)
	}
}

// TestPacksSyncedTogether: where the output folder's file system can be
// synced at once, every pack is written unsynced (the batch syncs them
// before summary.csv); elsewhere every pack is synced as it is written.
func TestPacksSyncedTogether(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, sheet.ColumnNames(),
		person(t, "DIALLO", "Aminata"), person(t, "KONE", "Awa"), person(t, "NGUYEN", "Lan"))
	folder, err := atomicfile.OpenFolderSync(out)
	if err != nil {
		t.Fatal(err)
	}
	folder.Close()
	var unsyncedWrites, syncedWrites atomic.Int32
	saved := writeFile
	defer func() { writeFile = saved }()
	writeFile = func(path string, unsynced bool, write func(io.Writer) error) error {
		if unsynced {
			unsyncedWrites.Add(1)
		} else {
			syncedWrites.Add(1)
		}
		return saved(path, unsynced, write)
	}
	if _, err := Run(context.Background(), Options{Inputs: []string{path}, Dir: out, Jobs: 2, Today: today}); err != nil {
		t.Fatal(err)
	}
	want := [2]int32{0, 3} // synced, unsynced
	if folder == nil {
		want = [2]int32{3, 0}
	}
	if got := [2]int32{syncedWrites.Load(), unsyncedWrites.Load()}; got != want {
		t.Errorf("packs written synced, unsynced: %v, want %v", got, want)
	}
}

// TestPrepareRecovers: a panic while an entry is read and planned (here
// a namer that is missing, as a bug would make it) fails that entry, with
// the internal error in its problems, and the walk goes on.
func TestPrepareRecovers(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	j := prepare(entry{source: "a.yaml", data: data}, today, nil, nil)
	if j.OK() || !strings.Contains(j.Problems[0].Error(), "internal error (a bug in ofiipack)") {
		t.Errorf("problems %v; want the internal error", j.Problems)
	}
}

package batch

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/msg"
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
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, ColumnNames(), rows...)
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

func TestLimitReader(t *testing.T) {
	read := func(data string, size, line int64) error {
		_, err := io.ReadAll(&limitReader{r: strings.NewReader(data), size: size, line: line})
		return err
	}
	if err := read("ab\ncd\n", 6, 2); err != nil {
		t.Errorf("at the limits: %v", err)
	}
	if err := read("ab\ncd\ne", 6, 2); err == nil || !strings.Contains(err.Error(), "more than 6 bytes, expected a spreadsheet of at most 6 bytes") {
		t.Errorf("past the size: %v", err)
	}
	if err := read("ab\ncde\n", 100, 2); err == nil || !strings.Contains(err.Error(), "found a line of more than 2 bytes") {
		t.Errorf("past the line: %v", err)
	}
}

// TestWorkbookCutShort: a workbook whose sheet is cut short (the zip is
// whole, its sheet's XML is not) is damaged, not a sheet without
// applicants, and a part whose checksum is wrong likewise.
func TestWorkbookCutShort(t *testing.T) {
	var tmpl bytes.Buffer
	if err := WriteXLSXTemplate(&tmpl); err != nil {
		t.Fatal(err)
	}
	rewrite := func(change func(name string, data []byte) []byte) string {
		src, err := zip.NewReader(bytes.NewReader(tmpl.Bytes()), int64(tmpl.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		z := zip.NewWriter(&out)
		for _, f := range src.File {
			r, _ := f.Open()
			data, _ := io.ReadAll(r)
			w, _ := z.Create(f.Name)
			w.Write(change(f.Name, data))
		}
		z.Close()
		path := filepath.Join(t.TempDir(), "c.xlsx")
		os.WriteFile(path, out.Bytes(), 0o600)
		return path
	}
	same := rewrite(func(_ string, d []byte) []byte { return d })
	cut := rewrite(func(name string, d []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			return d[:len(d)/2]
		}
		return d
	})
	for _, tc := range []struct {
		path, want string
	}{
		{same, ""},
		{cut, "the workbook is damaged or cut short"},
	} {
		var got []Result
		Run(context.Background(), Options{Inputs: []string{tc.path}, Dir: t.TempDir(), Today: today,
			OnEntry: func(r Result) { got = append(got, r) }})
		switch {
		case tc.want == "" && (len(got) != 1 || !got[0].OK()):
			t.Errorf("the template rewritten whole: %+v", got)
		case tc.want != "" && (len(got) != 1 || got[0].OK() || !strings.Contains(got[0].Problems[0].Error(), tc.want)):
			t.Errorf("cut short: %+v, want %q", got, tc.want)
		}
	}
}

// TestPacksSyncedTogether: where the output folder's file system can be
// synced at once, every pack is written unsynced (the batch syncs them
// before summary.csv); elsewhere every pack is synced as it is written.
func TestPacksSyncedTogether(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, ColumnNames(),
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

// TestUnbalancedQuote: a quote not closed on its line reads the lines
// after it into one cell; the row says where the quote opens, where the
// cell ends and how many rows were not read, and the rows after the cell
// are read again.
func TestUnbalancedQuote(t *testing.T) {
	const head = "applicant.family_name;applicant.given_names\n"
	for _, tc := range []struct {
		name, csv string
		want      []string // each entry's label, and the start of its first problem when it is the quote's
	}{
		{"never closed", head + "DIALLO;Aminata\n\"KONE;Awa\nNGUYEN;Lan\n\nSOW;Moussa\n",
			[]string{"row 2", "row 3 c.csv:row 3: column A: the quoted cell that opens on line 3 of the file runs to line 6: 2 rows on those lines could not be read, expected one row per line"}},
		{"closed later", head + "\"KONE;Awa\nNGUYEN;Lan\nSOW\";Moussa\nBA;Fatou\n",
			[]string{"row 2 c.csv:row 2: column A: the quoted cell that opens on line 2 of the file runs to line 4: 2 rows on those lines could not be read", "row 3"}},
		{"closed on the next line", head + "\"KONE;Awa\nNGUYEN\";Lan\nBA;Fatou\n",
			[]string{"row 2 c.csv:row 2: column A: the quoted cell that opens on line 2 of the file runs to line 3: 1 row on those lines could not be read", "row 3"}},
		{"typed on two lines", head + "\"KONE\nSégou\";Awa\nBA;Fatou\n", []string{"row 2", "row 3"}},
		{"in the header", "\"applicant.family_name;applicant.given_names\nDIALLO;Aminata\n",
			[]string{"row 1 c.csv:row 1: column A: the quoted cell that opens on line 1 of the file runs to line 2: 1 row on those lines could not be read"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "c.csv"), []byte(tc.csv), 0o600)
			wd, _ := os.Getwd()
			os.Chdir(dir)
			defer os.Chdir(wd)
			var got []string
			Run(context.Background(), Options{Inputs: []string{"c.csv"}, Dir: t.TempDir(), Today: today,
				OnEntry: func(r Result) {
					e := ""
					if r.Row > 0 {
						e = "row " + strconv.Itoa(r.Row)
					}
					if p := r.Problems; len(p) > 0 && strings.Contains(p[0].Error(), "quoted cell") {
						e += " " + p[0].Error()
					}
					got = append(got, e)
				}})
			if len(got) != len(tc.want) {
				t.Fatalf("entries %q, want %q", got, tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("entry %d: %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
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
	j := prepare(entry{source: "a.yaml", data: data}, today, nil)
	if j.OK() || !strings.Contains(j.Problems[0].Error(), "internal error (a bug in ofiipack)") {
		t.Errorf("problems %v; want the internal error", j.Problems)
	}
}

package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/sheet"
)

var today = civil.New(2026, 11, 22)

// exampleFile is the general example applicant file.
var exampleFile = func() []byte {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "diallo-general.yaml"))
	if err != nil {
		panic(err)
	}
	return data
}()

// cellName is the cell of the column of path in a sheet of every column, in
// the order of sheet.ColumnNames.
func cellName(path string, row int) string {
	return applicant.ColumnLetters(slices.Index(sheet.ColumnNames(), path)+1) + strconv.Itoa(row)
}

// cells returns the example row with some columns changed; "" empties one.
func cells(t testing.TB, set map[string]string) []string {
	t.Helper()
	row, err := sheet.ExampleRow()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range set {
		i := slices.Index(sheet.ColumnNames(), k)
		if i < 0 {
			t.Fatalf("no column %s", k)
		}
		row[i] = v
	}
	return row
}

func person(t testing.TB, family, given string) []string {
	return cells(t, map[string]string{"applicant.family_name": family, "applicant.given_names": given})
}

// writeCSV writes a CSV file with comma or semicolon separators, with or
// without a byte-order mark.
func writeCSV(t testing.TB, path string, comma rune, bom bool, header []string, rows ...[]string) string {
	t.Helper()
	var b bytes.Buffer
	if bom {
		b.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&b)
	w.Comma = comma
	if header != nil {
		w.Write(header)
	}
	for _, r := range rows {
		w.Write(r)
	}
	w.Flush()
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs a batch and collects the results in the order OnEntry gave them.
func run(t testing.TB, dir string, jobs int, inputs ...string) (Summary, []Result) {
	t.Helper()
	var got []Result
	s, err := Run(context.Background(), Options{Inputs: inputs, Dir: dir, Jobs: jobs, Today: today,
		OnEntry: func(r Result) { got = append(got, r) }})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got {
		if r.Index != i {
			t.Fatalf("OnEntry got index %d at position %d: not in input order", r.Index, i)
		}
	}
	return s, got
}

func readSummary(t testing.TB, dir string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, SummaryFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if b, _ := br.Peek(3); string(b) != "\uFEFF" {
		t.Fatalf("summary.csv starts with %q, want the byte-order mark", b)
	}
	br.Discard(3)
	r := csv.NewReader(br)
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], SummaryColumns()) {
		t.Fatalf("summary header = %v", recs[0])
	}
	return recs[1:]
}

// listDir returns the names in dir, sorted, and fails on temporary files.
func listDir(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), atomicfile.TempPrefix) {
			t.Errorf("temporary file left: %s", e.Name())
		}
		names = append(names, e.Name())
	}
	return names
}

func assertCompletePDF(t testing.TB, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")) {
		t.Errorf("%s is not a complete PDF (%d bytes)", path, len(b))
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != atomicfile.Perm {
		t.Errorf("%s has mode %v", path, fi.Mode().Perm())
	}
}

func TestFolderWithABadFile(t *testing.T) {
	in := t.TempDir()
	for name, content := range map[string]string{
		"a-good.yaml":        string(exampleFile),
		"sub/b-bad.yml":      strings.Replace(string(exampleFile), "birth_date: 1988-04-12", "birth_date: 1988-13-12", 1),
		"c-good.YAML":        strings.Replace(string(exampleFile), "given_names: Aminata", "given_names: Awa", 1),
		".hidden.yaml":       "not: read",
		".git/config.yaml":   "not: read",
		"notes.txt":          "not an applicant",
		"caseload-list.xlsx": "not read from a folder",
	} {
		p := filepath.Join(in, name)
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	s, got := run(t, out, 2, in)
	if s.Written != 2 || s.Failed != 1 {
		t.Fatalf("summary = %+v, want 2 written, 1 failed", s)
	}
	wantSources := []string{filepath.Join(in, "a-good.yaml"), filepath.Join(in, "c-good.YAML"), filepath.Join(in, "sub", "b-bad.yml")}
	for i, r := range got {
		if r.Source != wantSources[i] {
			t.Errorf("entry %d source = %s, want %s (lexical order)", i, r.Source, wantSources[i])
		}
	}
	bad := got[2]
	if bad.OK() || len(bad.Problems) != 1 {
		t.Fatalf("bad entry = %+v", bad)
	}
	wantErr := filepath.Join(in, "sub", "b-bad.yml") + ":9:15: applicant.birth_date: "
	if !strings.HasPrefix(bad.Problems[0].Error(), wantErr) {
		t.Errorf("problem = %q, want it to start with %q", bad.Problems[0].Error(), wantErr)
	}
	if got[0].PDF != "diallo-aminata.pdf" || got[1].PDF != "diallo-awa.pdf" || bad.PDF != "" {
		t.Errorf("PDF names = %q %q %q", got[0].PDF, got[1].PDF, bad.PDF)
	}
	rows := readSummary(t, out)
	if len(rows) != 3 {
		t.Fatalf("%d summary rows, want 3", len(rows))
	}
	want := []string{filepath.Join(in, "a-good.yaml"), "", "ok", "DIALLO Aminata", "diallo-aminata.pdf", "certificate_due", "certificate_to_ofii", "deadline", "2026-12-16", "2026-12-09"}
	if !slices.Equal(rows[0][:10], want) {
		t.Errorf("summary row 1 = %q, want %q…", rows[0], want)
	}
	if rows[0][10] == "" || !strings.Contains(rows[0][10], "certificat") {
		t.Errorf("next_step_text = %q, want the French title of the step", rows[0][10])
	}
	// the name read from the failed file, and no pack, no stage
	if rows[2][2] != "failed" || !strings.HasPrefix(rows[2][14], wantErr) || rows[2][5] != "" || rows[2][3] != "DIALLO Aminata" || rows[2][4] != "" {
		t.Errorf("summary row 3 = %q", rows[2])
	}
	if names := listDir(t, out); !slices.Equal(names, []string{"caseload.ics", "caseload.pdf", "diallo-aminata.pdf", "diallo-awa.pdf", "summary.csv", "summary.json"}) {
		t.Errorf("output folder = %v", names)
	}
	assertCompletePDF(t, filepath.Join(out, "diallo-aminata.pdf"))
	assertCompletePDF(t, filepath.Join(out, CaseloadPDF))
}

func TestSemicolonCSVWithBOM(t *testing.T) {
	in := t.TempDir()
	path := writeCSV(t, filepath.Join(in, "export.csv"), ';', true, sheet.ColumnNames(),
		person(t, "DIALLO", "Aminata"),
		cells(t, map[string]string{"applicant.birth_date": "1988-02-30", "applicant.given_names": "Awa"}),
		cells(t, map[string]string{"applicant.family_name": "KONÉ", "applicant.given_names": "Fatoumata",
			"situation.residence_proofs": "administration; bank_statements;", "procedure.ofii_requests": "2026-11-18 information; 20/11/2026 examination"}),
	)
	out := t.TempDir()
	s, got := run(t, out, 3, path)
	if s.Written != 2 || s.Failed != 1 {
		t.Fatalf("summary = %+v, want 2 written, 1 failed: %v", s, got)
	}
	p := got[1].Problems
	want := path + ":row 3: column \"applicant.birth_date\", cell " + cellName("applicant.birth_date", 3) + ": found \"1988-02-30\", which is not a day of the calendar"
	if len(p) != 1 || !strings.HasPrefix(p[0].Error(), want) {
		t.Errorf("problems = %v, want %q", p, want)
	}
	if got[2].PDF != "kone-fatoumata.pdf" {
		t.Errorf("PDF = %q, want kone-fatoumata.pdf", got[2].PDF)
	}
	// The two requests became two ofii_request_reply deadlines; the next
	// one is the first request's reply (18/11 + 15 days).
	if n := got[2].Next; n == nil || n.ID != "ofii_request_reply" || n.Date.String() != "2026-12-03" {
		t.Errorf("next deadline = %+v", n)
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNamesCollideInInputOrder(t *testing.T) {
	in := t.TempDir()
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, sheet.ColumnNames(),
		person(t, "DIALLO", "Aminata"),
		person(t, "Diallo", "Aminata"),
		person(t, "DIALLO", "Aminata 2"), // its own name is taken by then
		person(t, "DIALLO", "Âminata"),
		person(t, "CASELOAD", ""),
		cells(t, map[string]string{"applicant.family_name": "CASELOAD", "applicant.given_names": "-"}),
	)
	// Row 6 has no given names: it fails and takes no name.
	want := []string{"diallo-aminata.pdf", "diallo-aminata-2.pdf", "diallo-aminata-2-2.pdf", "diallo-aminata-3.pdf", "", "caseload-2.pdf"}
	for _, jobs := range []int{1, 4} {
		t.Run(fmt.Sprint("jobs=", jobs), func(t *testing.T) {
			out := t.TempDir()
			_, got := run(t, out, jobs, path)
			var names []string
			for _, r := range got {
				names = append(names, r.PDF)
			}
			if !slices.Equal(names, want) {
				t.Errorf("names = %q, want %q", names, want)
			}
			for _, n := range want {
				if n != "" {
					assertCompletePDF(t, filepath.Join(out, n))
				}
			}
		})
	}
}

func TestNamesNeverEscape(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	in := filepath.Join(root, "in")
	os.Mkdir(in, 0o700)
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, sheet.ColumnNames(),
		person(t, "../../../tmp/evil", "x"),
		person(t, "/etc/passwd", "/"),
		person(t, "..", ".."),
		person(t, ".bashrc", "."),
	)
	s, got := run(t, out, 2, path)
	if s.Written != 4 {
		t.Fatalf("summary = %+v: %+v", s, got)
	}
	want := []string{"caseload.ics", "caseload.pdf", "etc-passwd.pdf", "tmp-evil-x.pdf", "bashrc.pdf", "applicant.pdf", "summary.csv", "summary.json"}
	slices.Sort(want)
	if names := listDir(t, out); !slices.Equal(names, want) {
		t.Errorf("output folder = %v, want %v", names, want)
	}
	// Nothing was written anywhere else.
	if names := listDir(t, root); !slices.Equal(names, []string{"in", "out"}) {
		t.Errorf("parent folder = %v", names)
	}
	if names := listDir(t, in); !slices.Equal(names, []string{"c.csv"}) {
		t.Errorf("input folder = %v", names)
	}
}

func TestEmptyInputs(t *testing.T) {
	in := t.TempDir()
	emptyDir := filepath.Join(in, "empty")
	os.Mkdir(emptyDir, 0o700)
	os.WriteFile(filepath.Join(in, "zero.csv"), nil, 0o600)
	writeCSV(t, filepath.Join(in, "header-only.csv"), ';', true, sheet.ColumnNames())
	writeCSV(t, filepath.Join(in, "blank-rows.csv"), ',', false, nil, []string{"", ""}, []string{" "})
	os.WriteFile(filepath.Join(in, "empty.yaml"), nil, 0o600)
	tests := []struct{ input, want string }{
		{emptyDir, "found no applicant file, expected .yaml or .yml files in this folder"},
		{filepath.Join(in, "zero.csv"), "found no header row"},
		{filepath.Join(in, "blank-rows.csv"), "found no header row"},
		{filepath.Join(in, "header-only.csv"), "found no applicant row under the header"},
		{filepath.Join(in, "empty.yaml"), "the file is empty"},
		{filepath.Join(in, "missing.csv"), "cannot read it: no such file or folder"},
		{filepath.Join(in, "old.xls"), "cannot read it"},
	}
	os.WriteFile(filepath.Join(in, "old.xls"), []byte("x"), 0o600)
	tests[len(tests)-1].want = "cannot read this kind of spreadsheet, expected .xlsx or .csv"
	for _, tt := range tests {
		t.Run(filepath.Base(tt.input), func(t *testing.T) {
			out := t.TempDir()
			s, got := run(t, out, 1, tt.input)
			if s.Written != 0 || s.Failed != 1 || len(got) != 1 {
				t.Fatalf("summary = %+v, results %+v", s, got)
			}
			if p := got[0].Problems; len(p) == 0 || !strings.Contains(p[0].Error(), tt.want) {
				t.Errorf("problems = %v, want %q", p, tt.want)
			}
			// The batch still writes its summary and (empty) caseload files.
			if names := listDir(t, out); !slices.Equal(names, []string{"caseload.ics", "caseload.pdf", "summary.csv", "summary.json"}) {
				t.Errorf("output folder = %v", names)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	in := t.TempDir()
	var rows [][]string
	for i := range 12 {
		rows = append(rows, person(t, "DIALLO", fmt.Sprintf("Aminata %c", 'A'+i%4)))
	}
	rows = append(rows, cells(t, map[string]string{"applicant.birth_date": "bad"}))
	path := writeCSV(t, filepath.Join(in, "c.csv"), ';', true, sheet.ColumnNames(), rows...)
	folder := filepath.Join(in, "examples")
	os.Mkdir(folder, 0o700)
	for _, name := range []string{"diallo-general.yaml", "rahimi-asylum.yaml", "nguyen-hosted.yaml"} {
		os.WriteFile(filepath.Join(folder, name), mustRead(t, filepath.Join("..", "..", "examples", name)), 0o600)
	}
	outs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	for i, jobs := range []int{1, 4, 4} {
		run(t, outs[i], jobs, path, folder)
	}
	files := listDir(t, outs[0])
	if len(files) != 4+15 {
		t.Fatalf("files = %v", files)
	}
	for _, out := range outs[1:] {
		if other := listDir(t, out); !slices.Equal(other, files) {
			t.Fatalf("files differ: %v vs %v", files, other)
		}
		for _, name := range files {
			if !bytes.Equal(mustRead(t, filepath.Join(outs[0], name)), mustRead(t, filepath.Join(out, name))) {
				t.Errorf("%s differs between runs", name)
			}
		}
	}
	// A rerun into the same folder gives the same bytes.
	before := mustRead(t, filepath.Join(outs[0], "summary.csv"))
	run(t, outs[0], 2, path, folder)
	if !bytes.Equal(before, mustRead(t, filepath.Join(outs[0], "summary.csv"))) {
		t.Error("summary.csv changed on a rerun")
	}
}

func TestCaseloadCalendar(t *testing.T) {
	in := t.TempDir()
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, sheet.ColumnNames(),
		person(t, "DIALLO", "Aminata"), person(t, "KONÉ", "Awa"), cells(t, map[string]string{"applicant.birth_date": "x"}))
	out := t.TempDir()
	run(t, out, 2, path)
	cal, err := ics.ParseCalendar(bytes.NewReader(mustRead(t, filepath.Join(out, CaseloadCalFile))))
	if err != nil {
		t.Fatal(err)
	}
	// The example has two deadlines (certificate, domicile proof expiry)
	// and one_year_residence passed long ago: count them from the plan.
	events := cal.Events()
	var diallo, kone int
	for _, ev := range events {
		switch s := ev.GetProperty(ics.ComponentPropertySummary).Value; {
		case strings.HasPrefix(s, "DIALLO Aminata — "):
			diallo++
		case strings.HasPrefix(s, "KONÉ Awa — "):
			kone++
		default:
			t.Errorf("unexpected event %q", s)
		}
	}
	if diallo == 0 || diallo != kone || len(events) != diallo+kone {
		t.Errorf("events: %d for DIALLO, %d for KONÉ, %d in all", diallo, kone, len(events))
	}
}

// TestTemplates: the spreadsheets that init writes load, and make the pack
// of the YAML example, byte for byte.
func TestTemplates(t *testing.T) {
	dir := t.TempDir()
	var csvOut, xlsxOut, xlsxAgain bytes.Buffer
	if err := sheet.WriteCSVTemplate(&csvOut, sheet.CSV{Comma: ','}); err != nil {
		t.Fatal(err)
	}
	if err := sheet.WriteXLSXTemplate(&xlsxOut); err != nil {
		t.Fatal(err)
	}
	if err := sheet.WriteXLSXTemplate(&xlsxAgain); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(xlsxOut.Bytes(), xlsxAgain.Bytes()) {
		t.Error("the .xlsx template is not deterministic")
	}
	os.WriteFile(filepath.Join(dir, "t.csv"), csvOut.Bytes(), 0o600)
	os.WriteFile(filepath.Join(dir, "t.xlsx"), xlsxOut.Bytes(), 0o600)
	out := t.TempDir()
	s, got := run(t, out, 2, filepath.Join(dir, "t.csv"), filepath.Join(dir, "t.xlsx"))
	if s.Written != 2 || s.Failed != 0 {
		t.Fatalf("templates do not load: %+v", got)
	}
	pdfs := []string{got[0].PDF, got[1].PDF}
	if !slices.Equal(pdfs, []string{"diallo-aminata.pdf", "diallo-aminata-2.pdf"}) {
		t.Errorf("PDFs = %v", pdfs)
	}
	// Both spreadsheets give the pack of the YAML example, byte for byte.
	yamlOut := t.TempDir()
	run(t, yamlOut, 1, filepath.Join("..", "..", "examples", "diallo-general.yaml"))
	want := mustRead(t, filepath.Join(yamlOut, "diallo-aminata.pdf"))
	for _, p := range pdfs {
		if !bytes.Equal(mustRead(t, filepath.Join(out, p)), want) {
			t.Errorf("%s differs from the pack of the YAML example", p)
		}
	}
}

func TestCancelLeavesNoPartialFile(t *testing.T) {
	in := t.TempDir()
	var rows [][]string
	for i := range 60 {
		rows = append(rows, person(t, "DIALLO", fmt.Sprintf("Aminata %d", i)))
	}
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, sheet.ColumnNames(), rows...)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := 0
	s, err := Run(ctx, Options{Inputs: []string{path}, Dir: out, Jobs: 2, Today: today, OnEntry: func(Result) {
		seen++
		if seen == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if s.Written >= 60 {
		t.Errorf("written = %d: the cancellation did not stop the batch", s.Written)
	}
	pdfs := 0
	for _, name := range listDir(t, out) { // fails on a temporary file
		switch {
		case name == SummaryFile || name == CaseloadPDF || name == CaseloadCalFile:
			t.Errorf("%s written after the interrupt", name)
		case strings.HasSuffix(name, ".pdf"):
			pdfs++
			assertCompletePDF(t, filepath.Join(out, name))
		default:
			t.Errorf("unexpected file %s", name)
		}
	}
	if pdfs < 3 {
		t.Errorf("%d PDFs, want at least the 3 reported before the interrupt", pdfs)
	}
	if pdfs != s.Written {
		t.Errorf("%d PDFs in the folder, but the summary counts %d written", pdfs, s.Written)
	}
}

// TestOnlyOwnFilesRemoved: a batch removes only the files it made. A
// user's file named like a temporary file of ofiipack, and an input in
// the output folder named so, are left as they were.
func TestOnlyOwnFilesRemoved(t *testing.T) {
	out := t.TempDir()
	theirs := filepath.Join(out, atomicfile.TempPrefix+"diallo-aminata.pdf-123")
	os.WriteFile(theirs, []byte("%PDF-someone's"), 0o600)
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	input := filepath.Join(out, atomicfile.TempPrefix+"input.yaml")
	os.WriteFile(input, example, 0o600)
	s, _ := run(t, out, 1, input)
	if s.Written != 1 {
		t.Errorf("summary %+v, want the input's pack", s)
	}
	for path, want := range map[string][]byte{theirs: []byte("%PDF-someone's"), input: example} {
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %q, %v; want it untouched", filepath.Base(path), got, err)
		}
	}
}

// TestStreaming feeds a CSV through a pipe: the first pack must be written
// while the input is still open, which proves that entries are processed as
// they are read, not after the whole input is held in memory.
func TestStreaming(t *testing.T) {
	in := t.TempDir()
	fifo := filepath.Join(in, "pipe.csv")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	out := t.TempDir()
	first := make(chan struct{})
	var once sync.Once
	var mu sync.Mutex
	total := 0
	type ret struct {
		s   Summary
		err error
	}
	done := make(chan ret, 1)
	go func() {
		s, err := Run(context.Background(), Options{Inputs: []string{fifo}, Dir: out, Jobs: 2, Today: today,
			OnTotal: func(n int) { mu.Lock(); total = n; mu.Unlock() },
			OnEntry: func(Result) { once.Do(func() { close(first) }) }})
		done <- ret{s, err}
	}()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	cw := csv.NewWriter(w)
	cw.Write(sheet.ColumnNames())
	cw.Write(person(t, "DIALLO", "Aminata"))
	cw.Flush()
	select {
	case <-first:
	case r := <-done:
		t.Fatalf("batch ended before the input was closed: %+v", r)
	case <-time.After(2 * time.Minute): // a deadlock guard, not a timing assertion
		t.Fatal("no pack written while the input stays open: entries are not streamed")
	}
	for i := range 20 {
		cw.Write(person(t, "DIALLO", fmt.Sprintf("Awa %d", i)))
	}
	cw.Flush()
	w.Close()
	r := <-done
	if r.err != nil || r.s.Written != 21 {
		t.Fatalf("batch = %+v, %v", r.s, r.err)
	}
	mu.Lock()
	defer mu.Unlock()
	if total != -1 {
		t.Errorf("total = %d, want -1 (a pipe cannot be counted)", total)
	}
}

func TestOnTotal(t *testing.T) {
	in := t.TempDir()
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, sheet.ColumnNames(), person(t, "A", "B"), nil, person(t, "C", "D"))
	total := 0
	s, err := Run(context.Background(), Options{Inputs: []string{path, "../../examples"}, Dir: t.TempDir(), Today: today,
		OnTotal: func(n int) { total = n }})
	if err != nil {
		t.Fatal(err)
	}
	yamls, _ := filepath.Glob("../../examples/*.yaml")
	if want := s.Written + s.Failed; total != want || want != 2+len(yamls) {
		t.Errorf("total = %d, entries = %d, want %d", total, want, 2+len(yamls))
	}
}

func TestRunErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"no inputs", Options{Dir: t.TempDir(), Today: today}, "no input given"},
		{"no dir", Options{Inputs: []string{"x"}, Today: today}, "no output folder given"},
		{"no date", Options{Inputs: []string{"x"}, Dir: t.TempDir()}, "no date given"},
		{"dir is a file", Options{Inputs: []string{"x"}, Dir: filepath.Join(file, "out"), Today: today}, "cannot create the output folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func BenchmarkBatch(b *testing.B) {
	in := b.TempDir()
	var rows [][]string
	for i := range 100 {
		rows = append(rows, person(b, "DIALLO", fmt.Sprintf("Aminata %d", i)))
	}
	path := writeCSV(b, filepath.Join(in, "c.csv"), ';', true, sheet.ColumnNames(), rows...)
	out := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if s, err := Run(context.Background(), Options{Inputs: []string{path}, Dir: out, Today: today}); err != nil || s.Written != 100 {
			b.Fatal(s, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*100), "µs/entry")
}

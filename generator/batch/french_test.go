package batch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/sheet"
)

// The same person in several rows or files is flagged, case, accents and
// spacing aside, and every pack is still written.
func TestDuplicatesFlagged(t *testing.T) {
	in := t.TempDir()
	a := person(t, "DIALLO", "Aminata")
	b := person(t, "Diallo", "aminata ")
	c := person(t, "DIALLO", "Aminata")
	c[slices.Index(sheet.ColumnNames(), "applicant.birth_date")] = "1990-01-01" // another person
	d := person(t, "DIALLÖ", "Aminata")
	path := writeCSV(t, filepath.Join(in, "c.csv"), ';', true, sheet.ColumnNames(), a, b, c, d)
	out := t.TempDir()
	s, got := run(t, out, 2, path)
	if s.Written != 4 {
		t.Fatalf("written %d: %+v", s.Written, got)
	}
	first := path + ":row 2"
	want := []string{"", first, "", first}
	for i, r := range got {
		dup := ""
		if r.DuplicateOf != nil {
			dup = r.DuplicateOf.String()
		}
		if dup != want[i] {
			t.Errorf("row %d: duplicate_of = %q, want %q", i+2, dup, want[i])
		}
	}
	rows := readSummary(t, out)
	if rows[1][13] != first || rows[0][13] != "" {
		t.Errorf("summary duplicate_of = %q, %q", rows[0][13], rows[1][13])
	}
}

func TestNeutralise(t *testing.T) {
	tests := map[string]string{
		"":                         "",
		"DIALLO":                   "DIALLO",
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+33 6 12":                 "'+33 6 12",
		"-2":                       "'-2",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\tx":                      `\tx`, // escaped: no tab starts the cell
		"\rx":                      `\rx`,
		"dossier\x1b[2K.yaml":      `dossier\x1b[2K.yaml`,
		"a=b":                      "a=b",
		"2026-12-16":               "2026-12-16",
	}
	for in, want := range tests {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// A name that a spreadsheet would run as a formula reaches summary.csv as
// text.
func TestSummaryHasNoFormula(t *testing.T) {
	in := t.TempDir()
	path := writeCSV(t, filepath.Join(in, "c.csv"), ';', true, sheet.ColumnNames(), person(t, "=cmd|' /C calc'!A0", "Aminata"))
	out := t.TempDir()
	run(t, out, 1, path)
	for _, row := range readSummary(t, out) {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("summary cell %q starts a formula", cell)
			}
		}
	}
}

func TestSummaryComma(t *testing.T) {
	in := t.TempDir()
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, sheet.ColumnNames(), person(t, "DIALLO", "Aminata"))
	out := t.TempDir()
	if _, err := Run(t.Context(), Options{Inputs: []string{path}, Dir: out, Jobs: 1, Today: today, CSV: sheet.CSV{Comma: ','}}); err != nil {
		t.Fatal(err)
	}
	data := mustRead(t, filepath.Join(out, SummaryFile))
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Error("a comma summary starts with a byte-order mark")
	}
	if !bytes.HasPrefix(data, []byte(strings.Join(SummaryColumns(), ",")+"\r\n")) {
		t.Errorf("summary starts %q", data[:40])
	}
}

// The batch never replaces one of its inputs, and a rerun starts by
// removing the previous summary and caseload files.
func TestOutputNeverReplacesInput(t *testing.T) {
	out := t.TempDir()
	summary := writeCSV(t, filepath.Join(out, SummaryFile), ';', true, sheet.ColumnNames(), person(t, "DIALLO", "Aminata"))
	before := mustRead(t, summary)
	_, err := Run(t.Context(), Options{Inputs: []string{summary}, Dir: out, Jobs: 1, Today: today})
	if err == nil || !strings.Contains(err.Error(), "refusing to write the batch's files over its input") {
		t.Fatalf("err = %v", err)
	}
	if !bytes.Equal(mustRead(t, summary), before) {
		t.Error("the input summary.csv was replaced")
	}
	pdf := filepath.Join(out, "x.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4"), 0o600)
	if _, err := Run(t.Context(), Options{Inputs: []string{pdf}, Dir: out, Jobs: 1, Today: today}); err == nil {
		t.Error("a .pdf input inside the output folder was accepted")
	}

	// A stale summary is removed before the run: an interrupted run
	// leaves none.
	in := writeCSV(t, filepath.Join(t.TempDir(), "c.csv"), ';', true, sheet.ColumnNames(), person(t, "DIALLO", "Aminata"))
	out2 := t.TempDir()
	os.WriteFile(filepath.Join(out2, SummaryFile), []byte("old"), 0o600)
	os.WriteFile(filepath.Join(out2, CaseloadPDF), []byte("old"), 0o600)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	Run(ctx, Options{Inputs: []string{in}, Dir: out2, Jobs: 1, Today: today})
	for _, name := range []string{SummaryFile, CaseloadPDF} {
		if _, err := os.Stat(filepath.Join(out2, name)); err == nil {
			t.Errorf("%s of the previous run is still there after an interrupted run", name)
		}
	}
}

// No pack takes a device name of Windows (con.pdf cannot be created there).
func TestNoWindowsDeviceName(t *testing.T) {
	n := newNamer()
	for _, base := range []string{"con", "nul", "com1", "lpt9", "aux", "prn"} {
		if got := n.unique(base); got != base+"-2" {
			t.Errorf("unique(%q) = %q, want %q", base, got, base+"-2")
		}
	}
	if got := n.unique("console"); got != "console" {
		t.Errorf("unique(console) = %q", got)
	}
}

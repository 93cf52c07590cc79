package batch

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// SummaryColumns are the columns of summary.csv (SPEC §4).
var SummaryColumns = []string{"source", "entry", "status", "name", "pdf",
	"next_step", "next_step_kind", "next_step_date", "post_by", "next_step_text",
	"warnings", "warnings_text", "duplicate_of", "error"}

// Values of the status column.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// bom is the byte-order mark that makes a French Excel read a CSV file as
// UTF-8 (without it, it reads Windows-1252 and breaks every accent).
const bom = "\uFEFF"

// CSV is how ofiipack writes a spreadsheet as CSV: summary.csv and
// `init --csv`.
type CSV struct {
	// Comma is the field separator: ';' (the default, what a French Excel
	// or LibreOffice reads on a double-click) or ',' (--csv-comma).
	Comma rune
}

// writer returns a CSV writer on w, with the byte-order mark when the
// separator is ';' (the French convention: UTF-8 with BOM); with ',' the
// file is plain UTF-8, as other programs expect.
func (c CSV) writer(w io.Writer) (*csv.Writer, error) {
	comma := c.Comma
	if comma == 0 {
		comma = ';'
	}
	if comma == ';' {
		if _, err := io.WriteString(w, bom); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma = comma
	cw.UseCRLF = true // what spreadsheet programs write, and RFC 4180
	return cw, nil
}

// summary.csv has one row per entry, in input order; lists
// of IDs (warnings) separated by ";" as in the input spreadsheets, texts
// and problems by " | ". Texts are French (next_step_text, warnings_text:
// the plan's wording); the error column is in the language of the run.
//
// summaryWriter writes it row by row, as the entries are done, so that a
// batch holds no row of it.
type summaryWriter struct {
	cw   *csv.Writer
	lang msg.Lang
	rec  []string
}

func newSummaryWriter(w io.Writer, c CSV, lang msg.Lang) (*summaryWriter, error) {
	cw, err := c.writer(w)
	if err != nil {
		return nil, err
	}
	if err := cw.Write(SummaryColumns); err != nil {
		return nil, err
	}
	return &summaryWriter{cw: cw, lang: lang, rec: make([]string, len(SummaryColumns))}, nil
}

func (sw *summaryWriter) add(r Result) error {
	rec := sw.rec
	clear(rec)
	rec[0], rec[1], rec[2], rec[3], rec[4] = r.Source, r.Entry, StatusOK, r.Name, r.PDF
	if n := r.Next; n != nil {
		rec[5], rec[6] = n.ID, n.Kind
		if n.Date != nil { // an action has no date
			rec[7] = n.Date.String()
		}
		if r.PostBy != nil {
			rec[8] = r.PostBy.String()
		}
		rec[9] = r.NextText
	}
	rec[10] = strings.Join(r.Warnings, ListSeparator)
	rec[11] = strings.Join(r.WarningsText, " | ")
	rec[12] = r.DuplicateOf
	if !r.OK() {
		rec[2] = StatusFailed
		texts := make([]string, len(r.Problems))
		for i, p := range r.Problems {
			texts[i] = p.Text.In(sw.lang)
		}
		rec[13] = strings.Join(texts, " | ")
	}
	for i := range rec {
		rec[i] = Neutralise(rec[i])
	}
	return sw.cw.Write(rec)
}

func (sw *summaryWriter) close() error {
	sw.cw.Flush()
	return sw.cw.Error()
}

// Neutralise keeps a spreadsheet from reading a cell as a formula (OWASP,
// "CSV Injection"): a cell that starts with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe, which Excel and LibreOffice
// show as text and do not print. A name or a file's data can then never
// run a formula on the volunteer's machine. Control characters (a file
// name's ESC or NUL) are escaped (msg.Printable).
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	s = msg.Printable(s)
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

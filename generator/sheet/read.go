package sheet

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// Row is one row of a spreadsheet under its header: an applicant's
// fields, or the problems that keep them from being read. A problem of
// the whole sheet (it cannot be read, it has no header) is a Row
// numbered 0.
type Row struct {
	Source   string     // the spreadsheet's file name
	Number   int        // the sheet's row, from 1; 0 for the whole sheet
	Node     *yaml.Node // the row as the node tree of an applicant file; nil when Problems is set
	Problems applicant.Problems

	header *header // to name the row's problems by its columns
}

// Locate names the problems of the row's Node, found by the loader or the
// plan, as the sheet names its places (problemsOfRow).
func (r Row) Locate(ps applicant.Problems) applicant.Problems {
	return problemsOfRow(r.Source, r.header, r.Number, ps)
}

// Is reports whether path names a spreadsheet, by its extension: one that
// Read reads (.csv, .xlsx, .xlsm), or one it refuses with a hint (.xls,
// .ods, .numbers).
func Is(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".xlsx", ".xlsm", ".xls", ".ods", ".numbers":
		return true
	}
	return false
}

// Read calls emit with every row of the spreadsheet at path, a file named
// on the command line (it may be a pipe), in order: the rows under the
// header that are not blank, or one Row for the whole sheet when it
// cannot be read. It stops when emit returns false or ctx is done, and
// returns false then.
func Read(ctx context.Context, path string, emit func(Row) bool) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return guardSheet(path, emit, func() bool { return readCSV(ctx, path, emit) })
	case ".xlsx", ".xlsm":
		return guardSheet(path, emit, func() bool { return readXLSX(ctx, path, emit) })
	}
	return emit(failed(path, 0, msg.New("sheet.spreadsheet_kind"), msg.New("sheet.spreadsheet_kind_hint")))
}

// guardSheet runs walk, the reading of one spreadsheet, and turns a panic
// met while parsing it (a crafted workbook that a reader does not expect)
// into a failed Row for that file: no input ever stops a run with a stack
// trace, and the other inputs are still read.
func guardSheet(path string, emit func(Row) bool, walk func() bool) (more bool) {
	defer func() {
		if r := recover(); r != nil {
			more = emit(failed(path, 0, msg.New("sheet.damaged_workbook"), msg.New("sheet.damaged_workbook_hint")))
		}
	}()
	return walk()
}

// sheetRows yields the rows of a spreadsheet: row number (1-based) and cells.
type sheetRows interface {
	next() (row int, cells []string, err error) // io.EOF at the end
}

// walkSheet emits one Row per non-blank row under the header row; it
// returns false when emit or ctx stopped it.
func walkSheet(ctx context.Context, source string, rows sheetRows, wb *workbookCells, emit func(Row) bool) bool {
	w := &sheetWalk{source: source, wb: wb, emit: emit}
	for ctx.Err() == nil {
		row, cells, err := rows.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if row > applicant.MaxSheetRows {
			w.found = true
			if !emit(failed(source, 0, msg.New("sheet.too_many_rows", applicant.MaxSheetRows), msg.New("sheet.too_many_rows_hint"))) {
				return false
			}
			break
		}
		if more, done := w.row(row, cells, err); done {
			return more
		}
	}
	if ctx.Err() != nil {
		return false
	}
	switch {
	case w.h == nil:
		return emit(failed(source, 0, msg.New("sheet.no_header"), msg.New("sheet.no_header_hint")))
	case !w.found:
		return emit(failed(source, 0, msg.New("sheet.no_rows"), noHint))
	}
	return true
}

// sheetWalk is one walk of a sheet's rows: the header once it is read, and
// whether any row was emitted. Each of its steps returns done when the walk
// ends there, and then more: what walkSheet returns.
type sheetWalk struct {
	source string
	wb     *workbookCells
	emit   func(Row) bool
	h      *header // nil until the header row is read
	found  bool    // a row, or a row's problem, was emitted
}

// send emits r; the walk ends when emit wants no more rows.
func (w *sheetWalk) send(r Row) (more, done bool) { return false, !w.emit(r) }

// row reads one row of the sheet with the error met reading it, if any:
// a quote spanning lines, a row the reader could not parse, the header,
// or a row under it.
func (w *sheetWalk) row(row int, cells []string, err error) (more, done bool) {
	var qe *errQuoteSpans
	if errors.As(err, &qe) {
		if w.quoteLosesRows(qe, len(cells)) {
			return w.quoteSpans(row, qe)
		}
		err = nil // a cell typed on several lines: the loader says so
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && w.h != nil {
			return w.send(failed(w.source, row, msg.New("sheet.cannot_read_row", pe.Err.Error()), noHint))
		}
		return w.emit(cannotRead(w.source, err)), true
	}
	if w.h == nil {
		return w.header(row, cells)
	}
	if probs := strayCells(w.source, w.h, row, cells); len(probs) > 0 {
		w.found = true
		return w.send(Row{Source: w.source, Number: row, Problems: probs})
	}
	n := rowNode(w.h, row, cells, w.wb)
	if n == nil {
		return false, false // a blank row
	}
	w.found = true
	return w.send(Row{Source: w.source, Number: row, Node: n, header: w.h})
}

// quoteLosesRows counts in qe the rows of the table that a quoted cell of a row
// of cells read, and reports whether it read any: a quote in the header
// loses every line after it.
func (w *sheetWalk) quoteLosesRows(qe *errQuoteSpans, cells int) bool {
	width := cells
	if w.h != nil {
		width = len(w.h.names)
	}
	qe.rows = qe.rowsLost(cells, width)
	if w.h == nil {
		qe.rows = qe.lines // the header: every line after it is lost
		return true
	}
	return qe.rows != 0
}

// quoteSpans reports a quote that read rows of the table into one cell;
// the walk ends when it is in the header: no row can be read.
func (w *sheetWalk) quoteSpans(row int, qe *errQuoteSpans) (more, done bool) {
	w.found = true
	p := applicant.Problem{File: w.source, Line: row, Column: qe.col, Sheet: true, Message: msg.New("sheet.quote_spans_lines", qe.from, qe.to, qe.rows),
		Hint: msg.New("sheet.quote_spans_lines_hint", qe.from, qe.from+1, qe.to)}
	if !w.emit(Row{Source: w.source, Number: row, Problems: applicant.Problems{p}}) {
		return false, true
	}
	return true, w.h == nil
}

// header reads the header row, after the blank rows above it; the walk
// ends when the header is wrong, as every row would be read wrongly: one
// Row for the file.
func (w *sheetWalk) header(row int, cells []string) (more, done bool) {
	if blank(cells) {
		return false, false // blank lines above the header
	}
	var probs applicant.Problems
	w.h, probs = parseHeader(w.source, row, cells)
	if len(probs) > 0 {
		return w.emit(Row{Source: w.source, Number: row, Problems: capProblems(probs)}), true
	}
	return false, false
}

// strayCells reports non-empty cells under no column name: a row shifted
// by a cell, or data typed beside the table.
func strayCells(source string, h *header, row int, cells []string) applicant.Problems {
	var probs applicant.Problems
	for i, c := range cells {
		if strings.TrimSpace(c) == "" || (i < len(h.names) && h.names[i] != "") {
			continue
		}
		probs = append(probs, applicant.Problem{File: source, Line: row, Column: i + 1, Sheet: true, Message: msg.New("sheet.stray_cell")})
	}
	return capProblems(probs)
}

// capProblems keeps the first applicant.MaxProblems problems of a row
// and one that counts the others: a row of a million stray cells must not
// print a million lines.
func capProblems(probs applicant.Problems) applicant.Problems {
	if more := len(probs) - applicant.MaxProblems; more > 0 {
		probs = append(probs[:applicant.MaxProblems:applicant.MaxProblems], applicant.Problem{Message: msg.New("more_problems", more)})
	}
	return probs
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF")) != "" {
			return false
		}
	}
	return true
}

// noHint is the absence of a hint.
var noHint msg.Text

// failed is the Row of a sheet, or of one of its rows, that cannot be read.
func failed(source string, row int, message, hint msg.Text) Row {
	return Row{Source: source, Number: row, Problems: applicant.Problems{
		{File: source, Line: row, Sheet: true, Message: message, Hint: hint}}}
}

// cannotRead is the Row of a sheet that cannot be read, with the hint of
// the error when it has one (a device, a file too large).
func cannotRead(path string, err error) Row {
	hint := noHint
	var me *msg.Error
	if errors.As(err, &me) {
		hint = me.Hint
	}
	return failed(path, 0, msg.New("read.cannot_read", msg.OS(err)), hint)
}

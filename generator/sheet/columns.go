// Package sheet reads a caseload's spreadsheets — CSV files and .xlsx
// workbooks, one applicant per row — into the node trees that the
// applicant loader decodes, names their problems as the sheet shows them
// (the column's title, the cell), and writes the templates of `ofiipack
// init --csv/--xlsx`. It is the only package that reads a workbook
// (excelize): every check of a workbook's size and shape is here.
package sheet

import (
	"slices"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// A spreadsheet holds one applicant per row; its columns are the dotted
// paths of the fields of SPEC §1 ("applicant.address.postcode"). The cell
// forms are:
//
//   - text, numbers, enum values: as in the YAML file;
//   - dates: YYYY-MM-DD or DD/MM/YYYY as text, or a date cell of the
//     workbook (.xlsx);
//   - true/false: true or false (any case), or a TRUE/FALSE cell (.xlsx);
//   - lists (situation.residence_proofs, situation.refusal_grounds,
//     documents_ready) and lines (ofii_address, organisation.address):
//     items separated by ";" ("administration; bank_statements");
//   - procedure.ofii_requests: requests separated by ";", each the date of
//     OFII's letter then its kind, and for an examination the date of the
//     convocation if known ("2026-11-18 information; 2026-11-20 examination
//     2026-12-03").
//
// An empty cell means the field is absent. The format column is optional
// (ofiipack/v1 is assumed).

// cellKind tells how a cell becomes a YAML node: the kind of its field.
type cellKind = fields.Kind

const (
	cellText     = fields.Text     // one scalar
	cellDate     = fields.Date     // a scalar; a workbook's date serial is converted
	cellBool     = fields.Bool     // a scalar; a workbook's boolean is converted
	cellList     = fields.List     // a sequence of scalars separated by ";"
	cellRequests = fields.Requests // a sequence of {on, kind} separated by ";"
)

// ListSeparator separates the items of a list in one cell.
const ListSeparator = fields.ListSeparator

type column struct {
	path string
	kind cellKind
}

// columns are every column a spreadsheet may have: the fields of the
// applicant file, in the order of SPEC §1, which is the order of the header
// that `ofiipack init --csv` writes.
var columns = func() []column {
	all := fields.All()
	cs := make([]column, len(all))
	for i, f := range all {
		cs[i] = column{f.Path, f.Kind}
	}
	return cs
}()

// ColumnNames returns the paths of every spreadsheet column, in order.
func ColumnNames() []string {
	names := make([]string, len(columns))
	for i, c := range columns {
		names[i] = c.path
	}
	return names
}

func lookupColumn(name string) (column, bool) {
	for _, c := range columns {
		if c.path == name {
			return c, true
		}
	}
	return column{}, false
}

// header is the checked first row of a spreadsheet.
type header struct {
	names []string // as read, trimmed; "" for an empty header cell
	cols  []column // parallel to names; zero column for an ignored one
	used  []bool   // whether the column is read
}

// columnOf returns the 1-based index of the column that holds the field
// at path, 0 when the sheet has none.
func (h *header) columnOf(path string) int {
	for i, c := range h.cols {
		if h.used[i] && c.path == path {
			return i + 1
		}
	}
	return 0
}

// parseHeader checks the first row: every non-empty name is a known column,
// at most once. The problems name the column letter or index and suggest
// the nearest known column.
func parseHeader(source string, row int, names []string) (*header, applicant.Problems) {
	h := &header{names: make([]string, len(names)), cols: make([]column, len(names)), used: make([]bool, len(names))}
	var probs applicant.Problems
	first := map[string]int{}
	for i, raw := range names {
		name := strings.TrimSpace(raw)
		if i == 0 {
			name = strings.TrimLeft(name, "\uFEFF") // byte-order marks the reader did not remove
		}
		h.names[i] = name
		if name == "" {
			continue
		}
		c, ok := lookupColumn(strings.ToLower(name))
		if !ok {
			c, ok = columnByTitle(name)
		}
		if !ok {
			p := applicant.Problem{File: source, Line: row, Column: i + 1, Sheet: true, Message: msg.New("sheet.unknown_column", msg.Echo(name))}
			if s := nearestColumn(name); s != "" {
				p.Hint = msg.New("hint.did_you_mean", s)
			} else {
				p.Hint = msg.New("sheet.unknown_column_hint")
			}
			probs = append(probs, p)
			continue
		}
		if j, dup := first[c.path]; dup {
			probs = append(probs, applicant.Problem{File: source, Line: row, Column: i + 1, Sheet: true, Message: msg.New("sheet.column_twice", c.path, applicant.ColumnLetters(j+1))})
			continue
		}
		first[c.path] = i
		h.cols[i], h.used[i] = c, true
	}
	return h, probs
}

// nearestColumn returns the known column closest to name, or "" when none is
// close enough to be a typo: a path for a name shaped like a path, a
// French title for one shaped like a title. A bare key ("family_name")
// finds its full path.
func nearestColumn(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	paths := make([]string, len(columns))
	for i, c := range columns {
		paths[i] = c.path
		if c.path[strings.LastIndexByte(c.path, '.')+1:] == n {
			return c.path // the field's own name, without its path
		}
	}
	if strings.ContainsAny(n, "._") && !strings.Contains(n, " ") {
		return applicant.Nearest(name, paths)
	}
	titles := Titles()
	folded := make([]string, len(titles))
	for i, t := range titles {
		folded[i] = foldTitle(t)
	}
	if s := applicant.Nearest(foldTitle(name), folded); s != "" {
		return titles[slices.Index(folded, s)]
	}
	return applicant.Nearest(name, paths)
}

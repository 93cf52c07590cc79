package batch

import (
	"errors"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// rowNode turns one spreadsheet row into the node tree of an applicant
// file, so that applicant.DecodeNode applies every rule of the loader. Each
// node carries Line = the row number and Column = the column's index
// (1-based), which problemsOfRow turns back into "row N: column X". Mapping
// nodes have Column 0: a problem there (a missing field) is named by its
// field path. It returns nil when every cell is empty (a blank row).
func rowNode(h *header, row int, cells []string, workbook *workbookCells) *yaml.Node {
	var values []fields.Value
	empty := true
	for i, c := range h.cols {
		if !h.used[i] || i >= len(cells) {
			continue
		}
		v := strings.TrimSpace(cells[i])
		if v == "" {
			continue
		}
		if workbook != nil {
			v = workbook.convert(c.kind, v)
		}
		switch {
		case c.kind == cellBool:
			v = boolCell(v)
		case c.path == "situation.polygamy_declaration":
			v = yesNoCell(v)
		}
		f, _ := fields.Lookup(c.path)
		values = append(values, fields.Value{Name: fields.Name{Field: f, Index: -1}, Value: v, Line: row, Column: i + 1})
		empty = empty && c.path == "format"
	}
	if empty {
		return nil
	}
	return fields.Node(values, row)
}

// boolCell reads the ways a spreadsheet writes yes and no (SPEC §4): true,
// vrai, oui, yes, 1 and false, faux, non, no, 0, in any case; what a French
// Excel writes (VRAI, FAUX) and what a volunteer types (oui, Non). Other
// text is left for the loader to report.
func boolCell(v string) string {
	switch strings.ToLower(v) {
	case "true", "vrai", "oui", "yes", "1":
		return "true"
	case "false", "faux", "non", "no", "0":
		return "false"
	}
	return v
}

// yesNoCell reads the polygamy declaration's yes and no as boolCell does;
// auto stays auto.
func yesNoCell(v string) string {
	switch boolCell(v) {
	case "true":
		return "yes"
	case "false":
		return "no"
	}
	return v
}

// problemsOfRow turns the loader's problems of a row into problems named
// "file.csv:row N: column applicant.birth_date: …".
func problemsOfRow(source string, h *header, row int, err error) []Problem {
	var ps applicant.Problems
	if !errors.As(err, &ps) {
		return []Problem{{Text: msg.New("where", rowAt(source, row), err.Error())}}
	}
	out := make([]Problem, 0, len(ps))
	at := rowAt(source, row)
	for _, p := range ps {
		column := ""
		if p.Column > 0 && p.Column <= len(h.cols) && h.used[p.Column-1] {
			column = h.cols[p.Column-1].path
		}
		var text msg.Text
		switch {
		case column != "" && p.Field != "" && p.Field != column:
			text = msg.New("batch.at_column_field", at, column, p.Field, p.Message)
		case column != "":
			text = msg.New("batch.at_column", at, column, p.Message)
		case p.Field != "":
			if _, ok := lookupColumn(p.Field); ok {
				text = msg.New("batch.at_column", at, p.Field, p.Message)
			} else {
				text = msg.New("batch.at_columns", at, p.Field, p.Message)
			}
		default:
			text = msg.New("where", at, p.Message)
		}
		out = append(out, Problem{Text: text, Hint: p.Hint})
	}
	return out
}

// workbookCells converts the raw values of an .xlsx row by column kind: a
// date cell holds a day count since 1900 (or 1904), a boolean cell 1 or 0.
type workbookCells struct {
	date1904 bool
}

func (w *workbookCells) convert(kind cellKind, v string) string {
	switch kind {
	case cellDate:
		if x, err := strconv.ParseFloat(v, 64); err == nil && x >= 1 && x < 2958466 {
			// Whole days only: the time of day of a date cell is noise.
			if t, err := excelize.ExcelDateToTime(float64(int(x)), w.date1904); err == nil {
				return civil.Of(t).String()
			}
		}
		// An ISO date-time cell ("2026-11-18T00:00:00Z"): keep the day.
		if len(v) > 10 && v[10] == 'T' {
			if _, err := civil.Parse(v[:10]); err == nil {
				return v[:10]
			}
		}
	}
	return v
}

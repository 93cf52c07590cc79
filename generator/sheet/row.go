package sheet

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
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
		f, _ := fields.Lookup(c.path)
		values = append(values, fields.Value{Name: fields.Name{Field: f, Index: -1}, Value: v, Line: row, Column: i + 1})
		empty = empty && c.path == "format"
	}
	if empty {
		return nil
	}
	return fields.Node(values, row)
}

// problemsOfRow turns the loader's problems of a row into problems named
// as the sheet names its places (SPEC §4): the column by the title the sheet
// gives it and the cell, then the field path — « dossiers.xlsx:ligne 11 :
// colonne « Date de naissance », cellule E11 : applicant.birth_date : … ».
func problemsOfRow(source string, h *header, row int, ps applicant.Problems) applicant.Problems {
	out := make(applicant.Problems, len(ps))
	for i, p := range ps {
		p.File, p.Line, p.Sheet = source, row, true
		col := p.Column
		if col == 0 {
			// a field missing from the row: its empty cell, when the
			// sheet has its column
			col = h.columnOf(p.Field)
		}
		p.Column = 0
		switch {
		case col > 0 && col <= len(h.cols) && h.used[col-1]:
			p.Column, p.Title, p.Cell = col, h.names[col-1], applicant.ColumnLetters(col)+strconv.Itoa(row)
		case p.Field != "":
			if c, ok := lookupColumn(p.Field); ok {
				// a required column the sheet does not have
				p.Title = Titles()[columnIndex(c.path)]
			}
		}
		out[i] = p
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
		// Day 61 is 1 March 1900: Excel numbers days 1 to 60 of the 1900
		// system wrongly (it counts a 29 February 1900 that never was,
		// after Lotus 1-2-3), and no date of an applicant falls there. A
		// cell holding 1 is a number typed in a date column, not 1
		// January 1900 (read so, it passed as a birth date): it stays as
		// typed, and the loader says it is not a date.
		if x, err := strconv.ParseFloat(v, 64); err == nil && x >= 61 && x < 2958466 {
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

package sheet

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
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

// Writer returns a CSV writer on w, with the byte-order mark when the
// separator is ';' (the French convention: UTF-8 with BOM); with ',' the
// file is plain UTF-8, as other programs expect.
func (c CSV) Writer(w io.Writer) (*csv.Writer, error) {
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

// exampleFile is the general example (examples/diallo-general.yaml), the
// example row of the spreadsheets that `ofiipack init --csv/--xlsx` write.
//
//go:embed example.yaml
var exampleFile []byte

// TemplateSheet is the name of the sheet of the workbook template.
const TemplateSheet = "Dossiers"

// templateRows is how many rows of the workbook get drop-down lists and
// date cells: far more than one association's caseload of a season.
const templateRows = 2000

// WriteCSVTemplate writes a caseload spreadsheet as CSV: the French titles
// of every column and one example row, booleans as oui/non, dates as
// JJ/MM/AAAA, as a French spreadsheet shows them. Separator and encoding
// follow c (';' and UTF-8 with BOM by default).
func WriteCSVTemplate(w io.Writer, c CSV) error {
	row, err := ExampleRow()
	if err != nil {
		return err
	}
	cw, err := c.Writer(w)
	if err != nil {
		return err
	}
	cw.Write(Titles())
	civility := row[columnIndex("applicant.civility")]
	for i, col := range columns {
		row[i] = frenchCell(col, row[i], civility)
	}
	cw.Write(row)
	cw.Flush()
	return cw.Error()
}

// frenchCell writes an example value the way a French user would type it
// (SPEC §4): « Oui » and « Non », dates JJ/MM/AAAA, the French words of
// fixed values agreeing with the civility (« Mariée »), the country's name.
func frenchCell(c column, v, civility string) string {
	switch c.kind {
	case cellBool:
		yes := applicant.YesNoWords()
		switch v {
		case "true":
			return yes[0]
		case "false":
			return yes[1]
		}
	case cellDate:
		if d, err := civil.Parse(v); err == nil {
			return d.DayFirst()
		}
	case cellList:
		items := strings.Split(v, ListSeparator)
		for i, item := range items {
			items[i] = applicant.Word(c.path, strings.TrimSpace(item), civility)
		}
		return strings.Join(items, ListSeparator+" ")
	case cellRequests:
		reqs := strings.Split(v, ListSeparator)
		for i, r := range reqs {
			words := strings.Fields(r)
			for j, w := range words {
				if d, err := civil.Parse(w); err == nil {
					words[j] = d.DayFirst()
				} else {
					words[j] = strings.ToLower(applicant.Word("procedure.ofii_requests.kind", w, civility))
				}
			}
			reqs[i] = strings.Join(words, " ")
		}
		return strings.Join(reqs, ListSeparator+" ")
	}
	if c.path == "applicant.nationality" {
		if name := applicant.CountryName(v); name != "" {
			return name
		}
	}
	return applicant.Word(c.path, v, civility)
}

// columnIndex is the index of the column of path.
func columnIndex(path string) int {
	return slices.IndexFunc(columns, func(c column) bool { return c.path == path })
}

// WriteXLSXTemplate writes the caseload workbook: the sheet « Dossiers »
// (French titles, bold and frozen, one example row, text cells so that a
// spreadsheet never turns a postcode into a number, date cells for dates,
// drop-down lists for every field of fixed values and for yes/no), the
// sheet « Aide » (each column, its field path, whether it is required, its
// allowed values and what it holds) and the sheet « Valeurs » that the
// drop-down lists read.
func WriteXLSXTemplate(w io.Writer) error {
	t, err := wording()
	if err != nil {
		return err
	}
	row, err := ExampleRow()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &templateBook{f: f, t: t, titles: Titles()}
	if err := b.addSheets(); err != nil {
		return err
	}
	civility := row[columnIndex("applicant.civility")]
	for i, c := range columns {
		if err := b.column(i, c, row[i], civility); err != nil {
			return err
		}
	}
	if err := b.titleRow(); err != nil {
		return err
	}
	if err := writeHelpSheet(f, t, b.styles); err != nil {
		return err
	}
	if err := f.SetColWidth(t.HelpSheet.ValuesSheet, "A", "Z", 26); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// templateBook is the workbook template being written, column by column.
// excelize numbers the texts of a workbook in the order they are set, so
// the parts are written in one fixed order.
type templateBook struct {
	f         *excelize.File
	t         *sheetText
	styles    templateStyles
	titles    []string // the columns' French titles
	valuesCol int      // the columns of the sheet « Valeurs » filled so far
}

// addSheets names the three sheets, makes the styles and writes the
// titles of « Dossiers ».
func (b *templateBook) addSheets() error {
	if err := b.f.SetSheetName("Sheet1", TemplateSheet); err != nil {
		return err
	}
	hs := b.t.HelpSheet
	for _, name := range []string{hs.Name, hs.ValuesSheet} {
		if _, err := b.f.NewSheet(name); err != nil {
			return err
		}
	}
	var err error
	if b.styles, err = newStyles(b.f); err != nil {
		return err
	}
	return b.f.SetSheetRow(TemplateSheet, "A1", &b.titles)
}

// column writes the i-th column c of « Dossiers »: its cells' style and
// width, its cell of the example row (v) and its drop-down list.
func (b *templateBook) column(i int, c column, v, civility string) error {
	name, _ := excelize.ColumnNumberToName(i + 1)
	style := b.styles.text
	if c.kind == cellDate {
		style = b.styles.date
	}
	if err := b.f.SetColStyle(TemplateSheet, name, style); err != nil {
		return err
	}
	width := 18.0
	if c.kind == cellList || c.kind == cellRequests {
		width = 30
	}
	if err := b.f.SetColWidth(TemplateSheet, name, name, width); err != nil {
		return err
	}
	if err := b.exampleCell(name+"2", c, v, civility); err != nil {
		return err
	}
	return b.addDropDown(name, b.titles[i], c)
}

// exampleCell writes v, the example row's value of column c, into cell:
// a date as a date, anything else as the French text a user would type.
func (b *templateBook) exampleCell(cell string, c column, v, civility string) error {
	switch {
	case v == "":
		return nil
	case c.kind == cellDate:
		d, err := civil.Parse(v)
		if err != nil {
			return fmt.Errorf("the example row: %s: %w", c.path, err)
		}
		if err := b.f.SetCellValue(TemplateSheet, cell, d.Time()); err != nil {
			return err
		}
		return b.f.SetCellStyle(TemplateSheet, cell, cell, b.styles.date)
	default:
		if err := b.f.SetCellStr(TemplateSheet, cell, frenchCell(c, v, civility)); err != nil {
			return err
		}
		return b.f.SetCellStyle(TemplateSheet, cell, cell, b.styles.text)
	}
}

// addDropDown gives column c (named name, titled title) its drop-down
// list, when it has one: the words go into the next column of
// « Valeurs », which the list reads.
func (b *templateBook) addDropDown(name, title string, c column) error {
	values := dropDown(c)
	if values == nil {
		return nil
	}
	hs := b.t.HelpSheet
	b.valuesCol++
	vc, _ := excelize.ColumnNumberToName(b.valuesCol)
	if err := b.f.SetCellStr(hs.ValuesSheet, vc+"1", title); err != nil {
		return err
	}
	for j, v := range values {
		if err := b.f.SetCellStr(hs.ValuesSheet, fmt.Sprintf("%s%d", vc, j+2), v); err != nil {
			return err
		}
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s%d", name, name, templateRows))
	dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", hs.ValuesSheet, vc, vc, len(values)+1))
	if c.kind == cellList {
		// several values separated by ";" are typed by hand: the
		// list helps, it does not refuse
		dv.SetError(excelize.DataValidationErrorStyleInformation, title, hs.ListNote)
	} else {
		dv.SetError(excelize.DataValidationErrorStyleStop, title, strings.Join(values, ", "))
	}
	return b.f.AddDataValidation(TemplateSheet, dv)
}

// titleRow makes the titles of « Dossiers » bold, wrapped and frozen. It
// comes after the column styles, which SetColStyle applies to every cell
// of the column, the title row included.
func (b *templateBook) titleRow() error {
	last, _ := excelize.ColumnNumberToName(len(columns))
	if err := b.f.SetCellStyle(TemplateSheet, "A1", last+"1", b.styles.header); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(TemplateSheet, 1, 45); err != nil {
		return err
	}
	return b.f.SetPanes(TemplateSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

type templateStyles struct{ header, text, date, bold, wrap int }

func newStyles(f *excelize.File) (templateStyles, error) {
	var s templateStyles
	var err error
	dateFormat := "dd/mm/yyyy"
	for _, st := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}}}},
		{&s.text, excelize.Style{NumFmt: 49}}, // "@": text
		{&s.date, excelize.Style{CustomNumFmt: &dateFormat}},
		{&s.bold, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&s.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	} {
		if *st.dst, err = f.NewStyle(&st.style); err != nil {
			return s, err
		}
	}
	return s, nil
}

// dropDown returns the words of column c's drop-down list: the French
// words of the field's closed set of values, or « Oui » and « Non »; nil
// for a free field.
func dropDown(c column) []string {
	if c.kind == cellBool {
		return applicant.YesNoWords()
	}
	return applicant.FieldWords(c.path)
}

// writeHelpSheet fills the sheet « Aide »: how to fill the workbook, then
// one row per column.
func writeHelpSheet(f *excelize.File, t *sheetText, s templateStyles) error {
	hs := t.HelpSheet
	r := 1
	for _, line := range hs.Intro {
		if err := f.SetCellStr(hs.Name, fmt.Sprintf("A%d", r), line); err != nil {
			return err
		}
		r++
	}
	r++
	headers := hs.Headers
	if err := f.SetSheetRow(hs.Name, fmt.Sprintf("A%d", r), &headers); err != nil {
		return err
	}
	if err := f.SetCellStyle(hs.Name, fmt.Sprintf("A%d", r), fmt.Sprintf("E%d", r), s.bold); err != nil {
		return err
	}
	first := r + 1
	titles := Titles()
	for i, c := range columns {
		r++
		ct := t.Columns[c.path]
		cells := []any{titles[i], c.path, ct.Required, helpValues(t, c), ct.Help}
		if err := f.SetSheetRow(hs.Name, fmt.Sprintf("A%d", r), &cells); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(hs.Name, fmt.Sprintf("A%d", first), fmt.Sprintf("E%d", r), s.wrap); err != nil {
		return err
	}
	for col, width := range map[string]float64{"A": 34, "B": 38, "C": 16, "D": 40, "E": 60} {
		if err := f.SetColWidth(hs.Name, col, col, width); err != nil {
			return err
		}
	}
	return nil
}

// helpValues is what the sheet « Aide » says column c accepts: a date's
// form, or the words of its drop-down list and the values a file takes;
// "" for a free field.
func helpValues(t *sheetText, c column) string {
	hs := t.HelpSheet
	values := ""
	switch v := dropDown(c); {
	case c.kind == cellDate:
		values = "JJ/MM/AAAA"
	case v != nil:
		values = strings.Join(v, ", ")
		if c.kind == cellList {
			values += " (" + hs.ListNote + ")"
		}
		if stable := applicant.FieldValues(c.path); stable != nil {
			values += " ; " + strings.ReplaceAll(hs.FileValues, "{values}", strings.Join(stable, ", "))
		}
	}
	return values
}

// ExampleRow is the example applicant file flattened into the cells of
// every column: the inverse of rowNode.
func ExampleRow() ([]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(exampleFile, &doc); err != nil {
		return nil, fmt.Errorf("the example applicant file: %w", err)
	}
	return flatten(&doc), nil
}

// flatten returns the cells of an applicant file's node tree, one per
// column of ColumnNames.
func flatten(doc *yaml.Node) []string {
	cells := map[string]string{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			if c, ok := lookupColumn(path); ok && c.kind == cellRequests {
				return
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := n.Content[i].Value
				if path != "" {
					p = path + "." + p
				}
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			var items []string
			for _, it := range n.Content {
				if it.Kind == yaml.MappingNode {
					items = append(items, requestCell(it))
					continue
				}
				items = append(items, it.Value)
			}
			cells[path] = strings.Join(items, ListSeparator+" ")
		case yaml.ScalarNode:
			if n.ShortTag() != "!!null" {
				cells[path] = n.Value
			}
		}
	}
	walk(doc, "")
	row := make([]string, len(columns))
	for i, c := range columns {
		row[i] = cells[c.path]
	}
	return row
}

// requestCell is an OFII request of the file as the sheet writes it in its
// cell: "DATE kind".
func requestCell(req *yaml.Node) string {
	var on, kind string
	for i := 0; i+1 < len(req.Content); i += 2 {
		switch req.Content[i].Value {
		case "on":
			on = req.Content[i+1].Value
		case "kind":
			kind = req.Content[i+1].Value
		}
	}
	return strings.TrimSpace(on + " " + kind)
}

package batch

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
)

// exampleFile is the general example (examples/diallo-general.yaml), the
// example row of the spreadsheets that `ofiipack init --csv/--xlsx` write.
//
//go:embed example.yaml
var exampleFile []byte

// TemplateSheet is the name of the sheet of the workbook template.
const TemplateSheet = "Dossiers"

// WriteCSVTemplate writes a caseload spreadsheet as CSV (comma-separated,
// UTF-8): the header with every column, and one example row.
func WriteCSVTemplate(w io.Writer) error {
	row, err := exampleRow()
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write(ColumnNames())
	cw.Write(row)
	cw.Flush()
	return cw.Error()
}

// WriteXLSXTemplate writes the same as an .xlsx workbook, cells as text (so
// that a spreadsheet program does not turn a postcode into a number), the
// header row bold and frozen.
func WriteXLSXTemplate(w io.Writer) error {
	row, err := exampleRow()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", TemplateSheet); err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	names := ColumnNames()
	last, _ := excelize.ColumnNumberToName(len(names))
	for i, rowCells := range [][]string{names, row} {
		cells := make([]any, len(rowCells))
		for j, c := range rowCells {
			cells[j] = c
		}
		if err := f.SetSheetRow(TemplateSheet, fmt.Sprintf("A%d", i+1), &cells); err != nil {
			return err
		}
	}
	if err := f.SetColStyle(TemplateSheet, "A:"+last, text); err != nil {
		return err
	}
	if err := f.SetCellStyle(TemplateSheet, "A1", last+"1", bold); err != nil {
		return err
	}
	if err := f.SetColWidth(TemplateSheet, "A", last, 24); err != nil {
		return err
	}
	if err := f.SetPanes(TemplateSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// exampleRow is the example applicant file flattened into the cells of
// every column: the inverse of rowNode.
func exampleRow() ([]string, error) {
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
				if it.Kind == yaml.MappingNode { // an OFII request: "DATE kind"
					var on, kind string
					for i := 0; i+1 < len(it.Content); i += 2 {
						switch it.Content[i].Value {
						case "on":
							on = it.Content[i+1].Value
						case "kind":
							kind = it.Content[i+1].Value
						}
					}
					items = append(items, strings.TrimSpace(on+" "+kind))
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

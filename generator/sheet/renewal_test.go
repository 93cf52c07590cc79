package sheet

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// A renewal made from a CSV row or a workbook row under the French titles
// that `ofiipack init` writes gives the same file and the same plan as the
// YAML file (examples/sissoko-renewal.yaml): the permit held, its dates,
// the renewal's limit passed.
func TestRenewalRowSamePlan(t *testing.T) {
	path := filepath.Join("..", "..", "examples", "sissoko-renewal.yaml")
	data := mustRead(t, path)
	want, err := applicant.Load(path, data, today)
	if err != nil {
		t.Fatal(err)
	}
	if want.CurrentPermit == nil {
		t.Fatal("the example holds no current_permit")
	}
	wantPlan := planJSON(t, want)

	// The example's values by column, as a volunteer types them: dates
	// DD/MM/YYYY, lists separated by « ; », « non » for false.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	cells := map[string][]string{}
	for _, v := range fields.Flatten(&doc) {
		cells[v.Name.Field.Path] = append(cells[v.Name.Field.Path], v.Value)
	}
	titles := Titles()
	var header, row []string
	for i, c := range columns {
		vs, ok := cells[c.path]
		if !ok {
			continue
		}
		value := strings.Join(vs, fields.ListSeparator+" ")
		switch c.kind {
		case cellDate:
			d, err := civil.Parse(value)
			if err != nil {
				t.Fatal(err)
			}
			value = d.DayFirst()
		case cellBool:
			value = map[string]string{"true": "oui", "false": "non"}[value]
		}
		header, row = append(header, titles[i]), append(row, value)
	}
	for _, title := range []string{"Titre de séjour actuel", "Titre actuel valable jusqu’au", "Titre actuel délivré le"} {
		if !strings.Contains(strings.Join(header, "|"), title) {
			t.Fatalf("no column %q in %v", title, header)
		}
	}

	in := t.TempDir()
	csvPath := writeCSV(t, filepath.Join(in, "dossiers.csv"), ';', true, header, row)

	// The workbook: dates as date cells, booleans as boolean cells.
	xlsxPath := filepath.Join(in, "dossiers.xlsx")
	wb := excelize.NewFile()
	dateStyle, _ := wb.NewStyle(&excelize.Style{NumFmt: 14})
	for i := range header {
		c, _ := excelize.CoordinatesToCellName(i+1, 1)
		wb.SetCellValue("Sheet1", c, header[i])
		c, _ = excelize.CoordinatesToCellName(i+1, 2)
		col, _ := columnByTitle(header[i])
		switch col.kind {
		case cellDate:
			d, _ := civil.Parse(row[i])
			wb.SetCellValue("Sheet1", c, time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC))
			wb.SetCellStyle("Sheet1", c, c, dateStyle)
		case cellBool:
			wb.SetCellValue("Sheet1", c, row[i] == "oui")
		default:
			wb.SetCellValue("Sheet1", c, row[i])
		}
	}
	if err := wb.SaveAs(xlsxPath); err != nil {
		t.Fatal(err)
	}

	for _, sheet := range []string{csvPath, xlsxPath} {
		t.Run(filepath.Ext(sheet), func(t *testing.T) {
			_, entries := read(t, sheet)
			if len(entries) != 1 {
				t.Fatalf("%d entries, want 1", len(entries))
			}
			f := entries[0].File
			if f == nil {
				t.Fatalf("problems: %v", entries[0].Problems)
			}
			if *f.CurrentPermit != *want.CurrentPermit {
				t.Errorf("current_permit %+v, want %+v", f.CurrentPermit, want.CurrentPermit)
			}
			if got := planJSON(t, f); got != wantPlan {
				t.Errorf("the row's plan differs from the YAML file's:\n%s\nwant\n%s", got, wantPlan)
			}
			p, err := plan.Compute(f, today)
			if err != nil {
				t.Fatal(err)
			}
			if p.NextStep == nil || p.NextStep.ID != plan.DeadlineRenewalFiling || !p.NextStep.Late {
				t.Errorf("next step %+v, want the late renewal filing", p.NextStep)
			}
		})
	}
}

func planJSON(t testing.TB, f *applicant.File) string {
	t.Helper()
	p, err := plan.Compute(f, today)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(p, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A row whose permit does not fit is refused, naming the row and the
// column, and makes no pack.
func TestRenewalRowMismatch(t *testing.T) {
	in := t.TempDir()
	titles := Titles()
	title := func(path string) string {
		for i, c := range columns {
			if c.path == path {
				return titles[i]
			}
		}
		t.Fatalf("no column %s", path)
		return ""
	}
	header := []string{title("applicant.civility"), title("applicant.family_name"), title("applicant.given_names"),
		title("applicant.birth_date"), title("applicant.birth_place"), title("applicant.nationality"),
		title("applicant.marital_status"), title("applicant.address.street"), title("applicant.address.postcode"),
		title("applicant.address.city"), title("identity.document"), title("situation.arrived_on"),
		title("situation.long_stay_visa"), title("current_permit.kind"), title("current_permit.expires_on")}
	row := []string{"madame", "SISSOKO", "Mariam", "03/09/1979", "Kayes (Mali)", "DZ", "single", "1 rue X", "94200",
		"Ivry", "passport", "14/03/2021", "non", "card", "11/01/2027"}
	path := writeCSV(t, filepath.Join(in, "d.csv"), ';', true, header, row)
	_, got := read(t, path)
	if len(got) != 1 || len(got[0].Problems) != 1 {
		t.Fatalf("results %+v", got)
	}
	msg := got[0].Problems[0].Error()
	for _, w := range []string{"row 2", "current_permit.kind", `found "card"`, "expected for this file algerian_certificate"} {
		if !strings.Contains(msg, w) {
			t.Errorf("problem %q lacks %q", msg, w)
		}
	}
}

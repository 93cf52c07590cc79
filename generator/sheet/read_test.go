package sheet

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ofiipack/ofiipack/generator/applicant"
)

func TestCommaCSVEveryCellForm(t *testing.T) {
	in := t.TempDir()
	header := []string{"Applicant.Family_Name ", "applicant.given_names", "applicant.civility", "applicant.birth_date",
		"applicant.birth_place", "applicant.nationality", "applicant.marital_status", "applicant.address.street",
		"applicant.address.postcode", "applicant.address.city", "identity.document", "situation.arrived_on",
		"situation.long_stay_visa", "applicant.hosted_by.civility", "applicant.hosted_by.family_name",
		"applicant.hosted_by.given_names", "situation.sick_child.given_names", "situation.sick_child.family_name",
		"situation.sick_child.birth_date", "documents_ready", "ofii_address", "procedure.ofii_requests", ""}
	row := []string{"NGUYỄN", "Văn Đức", "monsieur", "31/01/1979", "Hải Phòng", "vn", "single", "5 chemin des Goyaviers",
		"97400", "Saint-Denis", "passport", "2025-02-20", "TRUE", "madame", "TRẦN", "Thị Hoa", "Lan", "NGUYỄN",
		"2015-06-01", "birth_certificate;e_photo", "OFII; 1 rue X; 97400 SAINT-DENIS", "2026-11-20 examination", ""}
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, header, row)
	rows := &csvRows{r: csv.NewReader(strings.NewReader(string(mustRead(t, path))))}
	_, hcells, _ := rows.next()
	h, probs := parseHeader(path, 1, hcells)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	_, rcells, _ := rows.next()
	f, err := applicant.DecodeNode(path, rowNode(h, 2, rcells, nil), today)
	if err != nil {
		t.Fatal(err)
	}
	if f.Applicant.FamilyName != "NGUYỄN" || f.Applicant.Nationality != "VN" || !f.Situation.LongStayVisa ||
		f.Applicant.BirthDate.String() != "1979-01-31" {
		t.Errorf("applicant = %+v", f.Applicant)
	}
	if f.Applicant.HostedBy == nil || f.Applicant.HostedBy.FamilyName != "TRẦN" {
		t.Errorf("hosted_by = %+v", f.Applicant.HostedBy)
	}
	if c := f.Situation.SickChild; c == nil || c.GivenNames != "Lan" || c.BirthDate.String() != "2015-06-01" {
		t.Errorf("sick_child = %+v", c)
	}
	if !slices.Equal(f.DocumentsReady, []string{"birth_certificate", "e_photo"}) {
		t.Errorf("documents_ready = %v", f.DocumentsReady)
	}
	if !slices.Equal(f.OFIIAddress, []string{"OFII", "1 rue X", "97400 SAINT-DENIS"}) {
		t.Errorf("ofii_address = %q", f.OFIIAddress)
	}
	if r := f.Procedure.OFIIRequests; len(r) != 1 || r[0].Kind != "examination" || r[0].On.String() != "2026-11-20" {
		t.Errorf("ofii_requests = %+v", r)
	}
	if f.Format != applicant.FormatV1 {
		t.Errorf("format = %q, want it assumed", f.Format)
	}
}

// TestRowProblems checks how the loader's problems of a row are named.
func TestRowProblems(t *testing.T) {
	tests := []struct {
		name string
		set  map[string]string
		want string // start of the only problem, after "x.csv:row 2: "
		hint string
	}{
		{"bad date", map[string]string{"applicant.birth_date": "12.04.1988"},
			`column "applicant.birth_date", cell {cell}: found "12.04.1988", expected a date`, `did you mean "12/04/1988"?`},
		{"missing required", map[string]string{"applicant.family_name": ""},
			`column "applicant.family_name", cell {cell}: missing, expected`, ""},
		{"missing mapping", map[string]string{"applicant.address.street": "", "applicant.address.postcode": "",
			"applicant.address.city": "", "applicant.address.extra": ""},
			"columns applicant.address.*: missing", ""},
		{"bad enum", map[string]string{"applicant.marital_status": "mariéee"},
			`column "applicant.marital_status", cell {cell}: found "mariéee", expected`, `did you mean "married"?`},
		{"bad list item", map[string]string{"documents_ready": "birth_certificate; e_foto"},
			`column "documents_ready", cell {cell}: documents_ready[1]: found "e_foto"`, `did you mean "e_photo"?`},
		{"request without kind", map[string]string{"procedure.ofii_requests": "2026-11-18"},
			`column "procedure.ofii_requests", cell {cell}: procedure.ofii_requests[0].kind: missing`, ""},
		{"request kind typo", map[string]string{"procedure.ofii_requests": "2026-11-18 informaton"},
			`column "procedure.ofii_requests", cell {cell}: procedure.ofii_requests[0].kind: found "informaton"`, `did you mean "information"?`},
		{"bool", map[string]string{"situation.long_stay_visa": "peut-être"},
			`column "situation.long_stay_visa", cell {cell}: found "peut-être", expected true or false`, ""},
		{"future date", map[string]string{"situation.arrived_on": "2027-01-01"},
			`column "situation.arrived_on", cell {cell}: found 2027-01-01, a date in the future`, ""},
		{"wrong format", map[string]string{"format": "ofiipack/v2"},
			`column "format", cell {cell}: found "ofiipack/v2", expected exactly ofiipack/v1`, `did you mean "ofiipack/v1"?`},
	}
	h, probs := parseHeader("x.csv", 1, ColumnNames())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := applicant.DecodeNode("x.csv", rowNode(h, 2, cells(t, tt.set), nil), today)
			if err == nil {
				t.Fatal("no problem found")
			}
			ps := problemsOfRow("x.csv", h, 2, err.(applicant.Problems))
			if len(ps) != 1 {
				t.Fatalf("problems = %v, want one", ps)
			}
			want := "x.csv:row 2: " + tt.want
			if _, path, ok := strings.Cut(tt.want, `column "`); ok {
				path, _, _ = strings.Cut(path, `"`)
				want = strings.Replace(want, "{cell}", cellName(path, 2), 1)
			}
			if !strings.HasPrefix(ps[0].Error(), want) {
				t.Errorf("problem = %q\nwant prefix %q", ps[0].Error(), want)
			}
			if ps[0].Hint.String() != tt.hint {
				t.Errorf("hint = %q, want %q", ps[0].Hint.String(), tt.hint)
			}
		})
	}
}

func TestHeaderProblems(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		want   []string
		hints  []string
	}{
		{"typo", []string{"applicant.family_nme"},
			[]string{`x.csv:row 1: column A: found the unknown column "applicant.family_nme"`}, []string{`did you mean "applicant.family_name"?`}},
		{"bare field name", []string{"applicant.civility", "birth_date"},
			[]string{`x.csv:row 1: column B: found the unknown column "birth_date"`}, []string{`did you mean "applicant.birth_date"?`}},
		{"nothing near", []string{"Notes du travailleur social"},
			[]string{`x.csv:row 1: column A: found the unknown column "Notes du travailleur social"`}, []string{"'ofiipack init --csv' writes a spreadsheet with every column"}},
		{"twice", []string{"applicant.phone", "applicant.email", "Applicant.Phone"},
			[]string{"x.csv:row 1: column C: found the column applicant.phone a second time (first in column A), expected it once"}, []string{""}},
		{"empty names are ignored", []string{"", "applicant.phone", " "}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := parseHeader("x.csv", 1, tt.header)
			if len(ps) != len(tt.want) {
				t.Fatalf("problems = %v, want %d", ps, len(tt.want))
			}
			for i, p := range ps {
				if !strings.HasPrefix(p.Error(), tt.want[i]) {
					t.Errorf("problem = %q, want prefix %q", p.Error(), tt.want[i])
				}
				if p.Hint.String() != tt.hints[i] {
					t.Errorf("hint = %q, want %q", p.Hint.String(), tt.hints[i])
				}
			}
		})
	}
}

func TestDelimiter(t *testing.T) {
	tests := []struct {
		line string
		want rune
	}{
		{"a,b,c", ','},
		{"a;b;c", ';'},
		{"a\tb\tc", '\t'},
		{`"a;b",c,d`, ','},
		{`a;"b,c,d";e`, ';'},
		{"single", ','},
		{"", ','},
	}
	for _, tt := range tests {
		if got := delimiter([]byte(tt.line)); got != tt.want {
			t.Errorf("delimiter(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestWorkbookCells(t *testing.T) {
	tests := []struct {
		kind     cellKind
		in, want string
		date1904 bool
	}{
		{cellDate, "32245", "1988-04-12", false},
		{cellDate, "32245.75", "1988-04-12", false}, // a time of day is dropped
		{cellDate, "30783", "1988-04-12", true},
		{cellDate, "61", "1900-03-01", false},
		{cellDate, "60", "60", false}, // Excel's 29 February 1900, a day that never was
		{cellDate, "1", "1", false},   // a number typed in a date column, not 1 January 1900
		{cellDate, "1", "1", true},
		{cellDate, "2026-11-18", "2026-11-18", false},
		{cellDate, "2026-11-18T00:00:00Z", "2026-11-18", false},
		{cellDate, "18/11/2026", "18/11/2026", false},
		{cellDate, "-3", "-3", false},
		{cellText, "1", "1", false},
	}
	for _, tt := range tests {
		w := &workbookCells{date1904: tt.date1904}
		if got := w.convert(tt.kind, tt.in); got != tt.want {
			t.Errorf("convert(%v, %q, 1904=%v) = %q, want %q", tt.kind, tt.in, tt.date1904, got, tt.want)
		}
	}
}

func TestStrayCellsAndBlankRows(t *testing.T) {
	in := t.TempDir()
	header := append(ColumnNames(), "")
	good := append(person(t, "DIALLO", "Aminata"), "")
	stray := append(person(t, "DIALLO", "Awa"), "shifted")
	blank := make([]string, len(header))
	path := writeCSV(t, filepath.Join(in, "c.csv"), ',', false, nil, blank, header, good, blank, stray)
	_, got := read(t, path)
	if len(got) != 2 {
		t.Fatalf("results = %+v, want 2 (blank rows skipped)", got)
	}
	if got[0].Row != 3 || !got[0].OK() {
		t.Errorf("first = %+v", got[0])
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	want := path + ":row 5: column " + last + ": found a value in a column without a name"
	if p := got[1].Problems; got[1].Row != 5 || len(p) != 1 || !strings.HasPrefix(p[0].Error(), want) {
		t.Errorf("second = %+v, want %q", got[1], want)
	}
}

func TestUnknownColumnFailsTheFileOnly(t *testing.T) {
	in := t.TempDir()
	header := ColumnNames()
	header[2] = "applicant.family_nme"
	bad := writeCSV(t, filepath.Join(in, "bad.csv"), ',', false, header, person(t, "A", "B"), person(t, "C", "D"))
	good := writeCSV(t, filepath.Join(in, "good.csv"), ',', false, ColumnNames(), person(t, "DIALLO", "Aminata"))
	s, got := read(t, bad, good)
	if s.Written != 1 || s.Failed != 1 || len(got) != 2 {
		t.Fatalf("summary = %+v, results %+v", s, got)
	}
	if p := got[0].Problems; len(p) != 1 || !strings.Contains(p[0].Error(), `"applicant.family_nme"`) || p[0].Hint.String() != `did you mean "applicant.family_name"?` {
		t.Errorf("problems = %+v", p)
	}
}

func TestWindows1252CSV(t *testing.T) {
	in := t.TempDir()
	header := "applicant.family_name;applicant.given_names;applicant.civility;applicant.birth_date;applicant.birth_place;applicant.nationality;applicant.marital_status;applicant.address.street;applicant.address.postcode;applicant.address.city;identity.document;situation.arrived_on;situation.long_stay_visa\r\n"
	// "KONÉ", "Hélène", "Ségou", "Vénissieux" in Windows-1252 (É = 0xC9, é = 0xE9).
	row := "KON\xc9;H\xe9l\xe8ne;madame;1990-01-01;S\xe9gou (Mali);ML;single;1 rue A;69200;V\xe9nissieux;passport;2024-05-02;true\r\n"
	path := filepath.Join(in, "excel.csv")
	os.WriteFile(path, []byte(header+row), 0o600)
	s, got := read(t, path)
	if s.Written != 1 || got[0].Name != "KONÉ Hélène" || got[0].File.Applicant.Address.City != "Vénissieux" {
		t.Fatalf("summary = %+v, results %+v", s, got)
	}
}

// A panic while one spreadsheet is parsed becomes a failed Row for that
// file, and the walk goes on with the next input.
func TestGuardSheetRecovers(t *testing.T) {
	var got []Row
	emit := func(r Row) bool { got = append(got, r); return true }
	more := guardSheet("crafted.xlsx", emit, func() bool {
		var cells []string
		_ = cells[-len(got)-1] // index out of range, as a crafted workbook may cause
		return true
	})
	if !more || len(got) != 1 || got[0].Source != "crafted.xlsx" || len(got[0].Problems) == 0 {
		t.Fatalf("guardSheet = %v, entries %+v; want one failed entry for crafted.xlsx", more, got)
	}
}
func TestWorkbook(t *testing.T) {
	in := t.TempDir()
	path := filepath.Join(in, "caseload.xlsx")
	f := excelize.NewFile()
	sheet := "Sheet1"
	names := ColumnNames()
	row := person(t, "DIALLO", "Aminata")
	for i, name := range names {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue(sheet, cell, name)
		cell, _ = excelize.CoordinatesToCellName(i+1, 2)
		f.SetCellValue(sheet, cell, row[i])
	}
	col := func(name string, rowNum int) string {
		c, _ := excelize.CoordinatesToCellName(slices.Index(names, name)+1, rowNum)
		return c
	}
	// Row 2: dates stored as Excel dates, a boolean cell, a number postcode.
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for name, d := range map[string]time.Time{
		"applicant.birth_date":               time.Date(1988, 4, 12, 0, 0, 0, 0, time.UTC),
		"procedure.certificate_available_on": time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC),
	} {
		f.SetCellValue(sheet, col(name, 2), d)
		f.SetCellStyle(sheet, col(name, 2), col(name, 2), dateStyle)
	}
	f.SetCellValue(sheet, col("situation.long_stay_visa", 2), true)
	f.SetCellValue(sheet, col("applicant.address.postcode", 2), 93200)
	// Row 3 is blank; row 4 has a text date in DD/MM/YYYY and a bad one.
	for i := range names {
		cell, _ := excelize.CoordinatesToCellName(i+1, 4)
		f.SetCellValue(sheet, cell, row[i])
	}
	f.SetCellValue(sheet, col("applicant.given_names", 4), "Awa")
	f.SetCellValue(sheet, col("applicant.birth_date", 4), "12/04/1988")
	f.SetCellValue(sheet, col("situation.arrived_on", 4), "2024-05-32")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s, got := read(t, path)
	if s.Written != 1 || s.Failed != 1 {
		t.Fatalf("summary = %+v: %+v", s, got)
	}
	if f := got[0].File; f.Applicant.BirthDate.String() != "1988-04-12" || f.Procedure.CertificateAvailableOn.String() != "2026-11-16" ||
		!f.Situation.LongStayVisa || f.Applicant.Address.Postcode != "93200" {
		t.Errorf("row 2 read as %+v, %+v, %+v", f.Applicant, f.Procedure, f.Situation)
	}
	want := path + ":row 4: column \"situation.arrived_on\", cell " + cellName("situation.arrived_on", 4) + ": found \"2024-05-32\""
	if p := got[1].Problems; len(p) != 1 || !strings.HasPrefix(p[0].Error(), want) {
		t.Errorf("problems = %v, want %q", p, want)
	}
}

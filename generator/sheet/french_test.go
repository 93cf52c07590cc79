package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// Every spelling of yes and no a spreadsheet or a volunteer writes (the
// table of French words, read by the loader).
func TestBoolCells(t *testing.T) {
	yes := []string{"true", "vrai", "oui", "yes", "1"}
	no := []string{"false", "faux", "non", "no", "0"}
	variants := func(s string) []string {
		return []string{s, strings.ToUpper(s), strings.ToUpper(s[:1]) + s[1:]}
	}
	h, probs := parseHeader("x.csv", 1, ColumnNames())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for want, spellings := range map[bool][]string{true: yes, false: no} {
		for _, s := range spellings {
			for _, v := range variants(s) {
				row := cells(t, map[string]string{"situation.long_stay_visa": v, "procedure.decision.oqtf": "",
					"situation.birth_transcription_decision": v})
				f, err := applicant.DecodeNode("x.csv", rowNode(h, 2, row, nil), today)
				if err != nil {
					t.Errorf("%q: %v", v, err)
					continue
				}
				if f.Situation.LongStayVisa != want || f.Situation.BirthTranscriptionDecision != want {
					t.Errorf("%q read as %v, want %v", v, f.Situation.LongStayVisa, want)
				}
			}
		}
	}
}

// A header may mix French titles (in any case, with or without accents)
// and dotted paths.
func TestFrenchTitlesAndPathsMixed(t *testing.T) {
	titles := Titles()
	header := ColumnNames()
	for i := range header {
		switch i % 3 {
		case 0:
			header[i] = titles[i]
		case 1:
			header[i] = strings.ToUpper(foldTitle(titles[i])) // "DATE DE NAISSANCE", no accents
		}
	}
	in := t.TempDir()
	path := writeCSV(t, filepath.Join(in, "mixed.csv"), ';', true, header, person(t, "KONÉ", "Ibrahim"))
	s, got := read(t, path)
	if s.Written != 1 {
		t.Fatalf("mixed header: %+v", got)
	}
	if got[0].Name != "KONÉ Ibrahim" {
		t.Errorf("name = %q", got[0].Name)
	}
}

func TestTitlesAreUniqueAndComplete(t *testing.T) {
	if _, err := wording(); err != nil {
		t.Fatal(err)
	}
	titles := Titles()
	if len(titles) != len(columns) {
		t.Fatalf("%d titles for %d columns", len(titles), len(columns))
	}
	for i, title := range titles {
		if title == columns[i].path {
			t.Errorf("%s has no French title", title)
		}
		if c, ok := columnByTitle(title); !ok || c.path != columns[i].path {
			t.Errorf("title %q reads as %q", title, c.path)
		}
	}
}

func TestHeaderTypoInFrenchTitle(t *testing.T) {
	titles := Titles()
	tests := []struct{ typed, hint string }{
		{"Date de naisance", `did you mean "Date de naissance"?`},
		{"nom de famile", `did you mean "Nom de famille"?`},
		{"applicant.birth_dat", `did you mean "applicant.birth_date"?`},
		{"Couleur préférée", `'ofiipack init --csv' writes a spreadsheet with every column`},
	}
	for _, tt := range tests {
		header := slices.Clone(titles)
		header[4] = tt.typed
		_, probs := parseHeader("x.csv", 1, header)
		if len(probs) != 1 {
			t.Fatalf("%q: %d problems", tt.typed, len(probs))
		}
		if got := probs[0].Hint.String(); got != tt.hint {
			t.Errorf("%q: hint %q, want %q", tt.typed, got, tt.hint)
		}
		fr := probs[0].In(msg.French)
		if !strings.Contains(fr, "x.csv:ligne 1 : colonne E : trouvé la colonne inconnue") {
			t.Errorf("French message = %q", fr)
		}
	}
}

// The workbook that init writes: French titles, date cells, drop-downs for
// every field of fixed values and for yes/no, the help sheet.
func TestWorkbookTemplate(t *testing.T) {
	f := openTemplate(t)
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{TemplateSheet, "Aide", "Valeurs"}) {
		t.Errorf("sheets = %v", got)
	}
	rows, err := f.GetRows(TemplateSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], Titles()) {
		t.Errorf("header = %v", rows[0])
	}
	if i := slices.Index(rows[0], "Civilité"); i < 0 || rows[1][i] != "Madame" {
		t.Errorf("the example row's civility: header %v", rows[0])
	}
	birth, _ := excelize.CoordinatesToCellName(slices.Index(ColumnNames(), "applicant.birth_date")+1, 2)
	if typ, _ := f.GetCellType(TemplateSheet, birth); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber && typ != excelize.CellTypeDate {
		t.Errorf("birth date cell type = %v, want a date cell", typ)
	}
	if v, _ := f.GetCellValue(TemplateSheet, birth); v != "12/04/1988" {
		t.Errorf("birth date shows %q, want 12/04/1988", v)
	}
	dvs, err := f.GetDataValidations(TemplateSheet)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]bool{}
	for _, dv := range dvs {
		lists[strings.SplitN(dv.Sqref, ":", 2)[0]] = true
	}
	for i, c := range columns {
		if c.kind != cellBool && applicant.FieldValues(c.path) == nil {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		if !lists[cell] {
			t.Errorf("%s has no drop-down list", c.path)
		}
	}
	if len(dvs) < 12 {
		t.Errorf("%d drop-down lists", len(dvs))
	}
	help, err := f.GetRows("Aide")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, r := range help {
		if len(r) >= 3 && slices.Contains(ColumnNames(), r[1]) {
			found++
			if r[2] == "" {
				t.Errorf("help row %v says nothing of required", r)
			}
		}
		if len(r) >= 4 && r[1] == "applicant.marital_status" && !strings.Contains(r[3], "Célibataire, Marié, Mariée") {
			t.Errorf("help row of marital_status lacks its values: %v", r)
		}
	}
	if found != len(columns) {
		t.Errorf("help sheet lists %d columns, want %d", found, len(columns))
	}
	if id, err := f.GetCellStyle(TemplateSheet, "C1"); err != nil {
		t.Error(err)
	} else if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("title row not bold: style %d %+v", id, st)
	}
	if panes, err := f.GetPanes(TemplateSheet); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row not frozen: %+v %v", panes, err)
	}
}

// What init writes, filled in by a script as a volunteer would (French
// booleans, date cells, typed dates, a title row untouched), goes through
// batch with no error: the workbook and the French CSV.
func TestTemplatesFilledIn(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "dossiers.xlsx")
	writeFilledWorkbook(t, xlsx, false)

	var c bytes.Buffer
	if err := WriteCSVTemplate(&c, CSV{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(c.Bytes(), []byte("\uFEFFFormat;Civilité;")) {
		t.Errorf("CSV template starts %q", c.Bytes()[:30])
	}
	// a row added below the example by hand, booleans as VRAI/FAUX
	r := csv.NewReader(bufio.NewReader(bytes.NewReader(bytes.TrimPrefix(c.Bytes(), []byte("\uFEFF")))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	extra := slices.Clone(recs[1])
	extra[slices.Index(ColumnNames(), "applicant.given_names")] = "Fatou"
	extra[slices.Index(ColumnNames(), "situation.long_stay_visa")] = "VRAI"
	csvPath := writeCSV(t, filepath.Join(dir, "dossiers.csv"), ';', true, recs[0], recs[1], extra)

	s, got := read(t, xlsx, csvPath)
	if s.Failed != 0 || s.Written != 1+len(filledRows)+2 {
		for _, r := range got {
			for _, p := range r.Problems {
				t.Error(p)
			}
		}
		t.Fatalf("filled-in templates: %+v", s)
	}
}

// TestWriteFilledWorkbook writes the filled-in workbook of
// TestTemplatesFilledIn into the folder $OFIIPACK_FILLED_XLSX, for
// .ci/check-spreadsheets, which saves it with LibreOffice as a user would:
// dossiers.xlsx, and erreur.xlsx, the same with a row more whose birth date
// is no day (row 8, cell E8); skipped otherwise.
func TestWriteFilledWorkbook(t *testing.T) {
	dir := os.Getenv("OFIIPACK_FILLED_XLSX")
	if dir == "" {
		t.Skip("OFIIPACK_FILLED_XLSX not set")
	}
	writeFilledWorkbook(t, filepath.Join(dir, "dossiers.xlsx"), false)
	writeFilledWorkbook(t, filepath.Join(dir, "erreur.xlsx"), true)
}

// writeFilledWorkbook writes the workbook of init with the filledRows
// under its example; with mistake, a row more whose birth date is 31/02.
func writeFilledWorkbook(t *testing.T, xlsx string, mistake bool) {
	t.Helper()
	f := openTemplate(t)
	col := func(path string) string {
		n, _ := excelize.ColumnNumberToName(slices.Index(ColumnNames(), path) + 1)
		return n
	}
	set := func(path string, row int, v any) {
		t.Helper()
		if err := f.SetCellValue(TemplateSheet, col(path)+itoa(row), v); err != nil {
			t.Fatal(err)
		}
	}
	example, _ := ExampleRow()
	rows := slices.Clone(filledRows)
	if mistake {
		rows = append(rows, map[string]any{"applicant.birth_date": "31/02/1990"})
	}
	for i, values := range rows {
		row := i + 3
		for j, c := range columns {
			if v := example[j]; v != "" && c.kind != cellDate {
				set(c.path, row, frenchCell(c, v, applicant.Madame))
			}
		}
		set("applicant.given_names", row, "Personne "+itoa(row))
		set("applicant.birth_date", row, time.Date(1980+row, 5, 2, 0, 0, 0, 0, time.UTC))
		set("situation.arrived_on", row, "01/02/2025")
		set("situation.domicile_proof_dated", row, "2026-10-01")
		set("procedure.filed_on", row, time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC))
		set("procedure.certificate_available_on", row, "18/11/2026")
		for path, v := range values {
			set(path, row, v)
		}
	}
	if err := f.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func itoa(n int) string { return strconv.Itoa(n) }

// openTemplate opens the workbook that init --xlsx writes.
func openTemplate(t *testing.T) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSXTemplate(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// The applicant's language, in the column « Langue de la personne », by
// its French name in any case and accent, or its code (SPEC §1, §4).
func TestLanguageCell(t *testing.T) {
	titles := Titles()
	i := slices.Index(ColumnNames(), "applicant.language")
	if i < 0 || titles[i] != "Langue de la personne" {
		t.Fatalf("the language column is titled %q", titles[i])
	}
	h, probs := parseHeader("x.csv", 1, titles)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for in, want := range map[string]string{"Géorgien": "ka", "GEORGIEN": "ka", "russe": "ru", "ar": "ar", "Arabe": "ar", "": "", "français": "fr"} {
		row := cells(t, map[string]string{"applicant.language": in})
		f, err := applicant.DecodeNode("x.csv", rowNode(h, 2, row, nil), today)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if f.Applicant.Language != want {
			t.Errorf("%q read as %q, want %q", in, f.Applicant.Language, want)
		}
	}
	row := cells(t, map[string]string{"applicant.language": "klingon"})
	if _, err := applicant.DecodeNode("x.csv", rowNode(h, 2, row, nil), today); err == nil || !strings.Contains(err.Error(), "ka (géorgien)") {
		t.Errorf("an unknown language: %v, want an error listing the languages", err)
	}
}

// filledRows are the rows a volunteer adds under the example of init, in
// French words as people type them: with or without accents, in capitals,
// abbreviated; countries by name; booleans as VRAI, Non or a boolean cell;
// dates as date cells or typed; an arrival known by its month only.
var filledRows = []map[string]any{
	{"applicant.civility": "MME", "applicant.marital_status": "celibataire", "applicant.nationality": "Côte d'Ivoire",
		"identity.document": "passeport", "situation.long_stay_visa": "FAUX", "situation.arrived_on": "03/2019",
		"situation.residence_proofs": "Relevés bancaires; courriers personnels", "documents_ready": "Acte de naissance; E-photo"},
	{"applicant.civility": "M.", "applicant.marital_status": "Inconnue", "applicant.nationality": "Géorgie",
		"identity.document": "Carte consulaire", "situation.long_stay_visa": "Non", "applicant.nationality_label": "géorgienne",
		"procedure.decision.outcome": "Refusée", "procedure.decision.notified_on": "20/11/2026",
		"procedure.decision.oqtf": "Oui", "procedure.decision.appeal_period": "1 mois"},
	{"applicant.civility": "Monsieur", "applicant.marital_status": "Veuf", "applicant.nationality": "Guinée-Bissau",
		"identity.document": "Attestation consulaire avec photo", "situation.long_stay_visa": false,
		"procedure.ofii_requests": "18/11/2026 Examen 03/12/2026", "situation.polygamy_declaration": "Non",
		"applicant.nationality_label": "bissau-guinéenne"},
	{"applicant.civility": "Madame", "applicant.marital_status": "Pacsée", "applicant.nationality": "Royaume-Uni",
		"identity.document": "Aucun document", "situation.long_stay_visa": "VRAI", "applicant.nationality_label": "britannique",
		"procedure.decision.outcome": "accordee", "procedure.decision.notified_on": time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)},
	{"applicant.civility": "madame", "applicant.marital_status": "MARIÉE", "applicant.nationality": "Sénégal",
		"identity.document": "Pièce d’identité avec photo", "situation.long_stay_visa": "non", "applicant.nationality_label": "sénégalaise",
		"situation.refusal_grounds": "OQTF non exécutée", "procedure.ofii_requests": "18/11/2026 information"},
}

package batch

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/sheet"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// summaryRows reads summary.csv as a French spreadsheet would: its header
// and its rows, by title.
func summaryRows(t *testing.T, dir string) (header []string, rows []map[string]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, SummaryFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	br.Discard(3) // the byte-order mark
	r := csv.NewReader(br)
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, v := range rec {
			row[recs[0][i]] = v
		}
		rows = append(rows, row)
	}
	return recs[0], rows
}

// A French run writes summary.csv in French (SPEC §4): titles, statuses,
// « ligne N », dates JJ/MM/AAAA; the name read from a row that failed; the
// problem with its hint, naming the column as the sheet titles it and the
// cell; no cell starting a formula. summary.json holds the same rows with
// the stable IDs and ISO dates.
func TestSummaryInFrench(t *testing.T) {
	in := t.TempDir()
	header := slices.Clone(sheet.Titles())
	good := person(t, "DIALLO", "Aminata")
	bad := person(t, "KONÉ", "Awa")
	birth := slices.Index(sheet.ColumnNames(), "applicant.birth_date")
	bad[birth] = "12.04.1988"
	dup := person(t, "DIALLO", "Aminata")
	formula := person(t, "=SOMME(A1)", "Fatou")
	formula[birth] = "31/02/1990"
	path := writeCSV(t, filepath.Join(in, "dossiers.csv"), ';', true, header, good, bad, dup, formula)
	out := t.TempDir()
	s, err := Run(t.Context(), Options{Inputs: []string{path}, Dir: out, Jobs: 2, Today: today, Lang: msg.French})
	if err != nil {
		t.Fatal(err)
	}
	if s.Written != 2 || s.Failed != 2 {
		t.Fatalf("summary %+v", s)
	}
	titles, rows := summaryRows(t, out)
	if !slices.Equal(titles, []string{"Fichier", "Ligne", "Statut", "Nom", "Dossier PDF", "Où en est le dossier", "Prochaine étape (code)", "Type", "Date",
		"À poster avant", "Prochaine étape", "Alertes (codes)", "Alertes", "Même personne que", "Problème"}) {
		t.Errorf("French titles %q", titles)
	}
	cell := cellName("applicant.birth_date", 3)
	for i, want := range []map[string]string{
		{"Ligne": "ligne 2", "Statut": "écrit", "Nom": "DIALLO Aminata", "Dossier PDF": "diallo-aminata.pdf",
			"Où en est le dossier": "certificat médical à envoyer à l’OFII", "Prochaine étape (code)": "certificate_to_ofii", "Type": "date limite", "Date": "16/12/2026", "À poster avant": "09/12/2026"},
		{"Ligne": "ligne 3", "Statut": "en erreur", "Nom": "KONÉ Awa", "Dossier PDF": "", "Date": "",
			"Problème": path + ":ligne 3 : colonne « Date de naissance », cellule " + cell + " : applicant.birth_date : trouvé \"12.04.1988\", attendu une date AAAA-MM-JJ ou JJ/MM/AAAA — vouliez-vous dire « 12/04/1988 » ?"},
		{"Ligne": "ligne 4", "Statut": "écrit", "Même personne que": path + ":ligne 2"},
		{"Ligne": "ligne 5", "Statut": "en erreur", "Nom": "'=SOMME(A1) Fatou"},
	} {
		for k, v := range want {
			if rows[i][k] != v {
				t.Errorf("row %d, %s = %q, want %q", i+2, k, rows[i][k], v)
			}
		}
	}
	for _, row := range rows {
		for k, v := range row {
			if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
				t.Errorf("%s = %q starts a formula", k, v)
			}
		}
	}

	var sj struct {
		Format, Today   string
		Written, Failed int
		Entries         []struct {
			Source, Status, Name, PDF string
			Row                       *int
			NextStep                  *struct {
				ID, Kind, Date, Text string
				PostBy               string `json:"post_by"`
			} `json:"next_step"`
			Warnings    []struct{ ID, Text string }
			DuplicateOf *struct {
				Source string
				Row    int
			} `json:"duplicate_of"`
			Problems []struct{ Message, Hint, Field, Column, Cell string }
		}
	}
	data, err := os.ReadFile(filepath.Join(out, SummaryJSON))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &sj); err != nil {
		t.Fatalf("summary.json: %v\n%s", err, data)
	}
	if sj.Format != SummaryFormat || sj.Today != "2026-11-22" || sj.Written != 2 || sj.Failed != 2 || len(sj.Entries) != 4 {
		t.Fatalf("summary.json: %+v", sj)
	}
	e := sj.Entries
	if e[0].Status != StatusOK || *e[0].Row != 2 || e[0].NextStep == nil || e[0].NextStep.Date != "2026-12-16" || e[0].NextStep.PostBy != "2026-12-09" ||
		e[0].NextStep.Kind != "deadline" || e[0].DuplicateOf != nil || len(e[0].Problems) != 0 {
		t.Errorf("entry 1: %+v", e[0])
	}
	if p := e[1].Problems; e[1].Status != StatusFailed || e[1].Name != "KONÉ Awa" || len(p) != 1 || p[0].Field != "applicant.birth_date" ||
		p[0].Column != "Date de naissance" || p[0].Cell != cell || p[0].Hint != "vouliez-vous dire « 12/04/1988 » ?" {
		t.Errorf("entry 2: %+v", e[1])
	}
	if d := e[2].DuplicateOf; d == nil || d.Source != path || d.Row != 2 {
		t.Errorf("entry 3 duplicate_of: %+v", d)
	}
	if e[3].Name != "=SOMME(A1) Fatou" {
		t.Errorf("summary.json holds the name as read: %q", e[3].Name)
	}
}

// An English run keeps summary.csv's stable IDs and ISO dates; a file
// without a row has no entry cell, and JSON's row is null.
func TestSummaryInEnglish(t *testing.T) {
	in := t.TempDir()
	yaml := filepath.Join(in, "a.yaml")
	os.WriteFile(yaml, mustRead(t, filepath.Join("..", "..", "examples", "diallo-general.yaml")), 0o600)
	out := t.TempDir()
	run(t, out, 1, yaml)
	rows := readSummary(t, out)
	if rows[0][1] != "" || rows[0][2] != "ok" || rows[0][5] != plan.StageCertificateDue || rows[0][8] != "2026-12-16" {
		t.Errorf("row %q", rows[0])
	}
	data := mustRead(t, filepath.Join(out, SummaryJSON))
	if !strings.Contains(string(data), `"source":"`+yaml+`","row":null,"status":"ok"`) || !strings.Contains(string(data), `"stage":"certificate_due"`) {
		t.Errorf("summary.json:\n%s", data)
	}
}

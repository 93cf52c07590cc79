package applicant

import (
	"testing"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// TestProblemPlaces checks how each kind of place is worded, in both
// languages: a file's text, a sheet's cell, a column the sheet lacks, a
// column, a whole input.
func TestProblemPlaces(t *testing.T) {
	m := msg.New("sheet.stray_cell")
	tests := []struct {
		name   string
		p      Problem
		en, fr string // the whole text
		what   string // What, in French
	}{
		{"file", Problem{File: "a.yaml", Line: 12, Column: 5, Field: "applicant.birth_date", Message: msg.Raw("bad")},
			"a.yaml:12:5: applicant.birth_date: bad", "a.yaml:12:5: applicant.birth_date: bad", "a.yaml:12:5: applicant.birth_date: bad"},
		{"whole input", Problem{File: "x.csv", Message: msg.Raw("bad")}, "x.csv: bad", "x.csv : bad", "x.csv : bad"},
		{"no file", Problem{Message: msg.Raw("bad")}, "bad", "bad", "bad"},
		{"cell", Problem{File: "x.csv", Line: 11, Column: 5, Sheet: true, Field: "applicant.birth_date", Title: "Date de naissance", Cell: "E11", Message: msg.Raw("bad")},
			`x.csv:row 11: column "Date de naissance", cell E11: applicant.birth_date: bad`,
			"x.csv:ligne 11 : colonne « Date de naissance », cellule E11 : applicant.birth_date : bad",
			"colonne « Date de naissance », cellule E11 : applicant.birth_date : bad"},
		{"cell titled by its path", Problem{File: "x.csv", Line: 3, Column: 4, Sheet: true, Field: "applicant.birth_date", Title: "applicant.birth_date", Cell: "D3", Message: msg.Raw("bad")},
			`x.csv:row 3: column "applicant.birth_date", cell D3: bad`,
			"x.csv:ligne 3 : colonne « applicant.birth_date », cellule D3 : bad",
			"colonne « applicant.birth_date », cellule D3 : bad"},
		{"absent column", Problem{File: "x.csv", Line: 2, Sheet: true, Field: "applicant.civility", Title: "Civilité", Message: msg.Raw("absent")},
			`x.csv:row 2: column "Civilité" (not in the sheet): applicant.civility: absent`,
			"x.csv:ligne 2 : colonne « Civilité » (absente du tableau) : applicant.civility : absent",
			"colonne « Civilité » (absente du tableau) : applicant.civility : absent"},
		{"column", Problem{File: "x.csv", Line: 2, Column: 86, Sheet: true, Message: m},
			"x.csv:row 2: column CH: " + m.In(msg.English), "x.csv:ligne 2 : colonne CH : " + m.In(msg.French), "colonne CH : " + m.In(msg.French)},
		{"fields of no column", Problem{File: "x.csv", Line: 2, Sheet: true, Field: "organisation", Message: msg.Raw("bad")},
			"x.csv:row 2: columns organisation.*: bad", "x.csv:ligne 2 : colonnes organisation.* : bad", "colonnes organisation.* : bad"},
		{"row", Problem{File: "x.csv", Line: 2, Sheet: true, Message: msg.Raw("bad")}, "x.csv:row 2: bad", "x.csv:ligne 2 : bad", "bad"},
	}
	for _, tt := range tests {
		if got := tt.p.In(msg.English); got != tt.en {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.en)
		}
		if got := tt.p.In(msg.French); got != tt.fr {
			t.Errorf("%s in French: %q, want %q", tt.name, got, tt.fr)
		}
		if got := tt.p.What().In(msg.French); got != tt.what {
			t.Errorf("%s: What %q, want %q", tt.name, got, tt.what)
		}
	}
}

func TestColumnLetters(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD", 16385: "16385", 0: "0"} {
		if got := ColumnLetters(col); got != want {
			t.Errorf("ColumnLetters(%d) = %q, want %q", col, got, want)
		}
	}
}

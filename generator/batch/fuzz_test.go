package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ofiipack/ofiipack/generator/sheet"
)

// FuzzCSV: no CSV file makes the reader, the column mapping or the loader
// panic; every entry either makes a pack, with a file name that stays in
// the output folder, or fails with problems that say why.
func FuzzCSV(f *testing.F) {
	header := sheet.ColumnNames()
	row := person(f, "DIALLO", "Aminata")
	for _, comma := range []rune{',', ';', '\t'} {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Comma = comma
		w.Write(header)
		w.Write(row)
		w.Flush()
		f.Add(b.Bytes())
	}
	for _, s := range []string{
		"",
		"\uFEFF",
		"\n\n\n",
		"applicant.family_name\n",
		"Nom de famille;Prénoms;Date de naissance\nDIALLO;Aminata;12/04/1988\n",
		"applicant.family_name,applicant.family_name\nA,B\n",
		"nom,prenom\n\"unterminated\n",
		"applicant.family_name;x\nA;B;C;D\n",
		"applicant.family_name;applicant.given_names\nKON\xc9;H\xe9l\xe8ne\n",
		"situation.residence_proofs;procedure.ofii_requests\nvisa; ;;administration;2026-11-18 information; 2026-99-01 examination\n",
		"applicant.birth_date;situation.long_stay_visa\n45000;VRAI\n=1+1;-2\n",
		"\"a\"\"b\";\"c\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		names := newNamer()
		sheet.ReadCSV(context.Background(), "f.csv", bytes.NewReader(data), func(r sheet.Row) bool {
			j := prepare(sheetEntry(r), today, nil, names)
			if j.OK() {
				if j.PDF == "" || strings.ContainsAny(j.PDF, `/\`) || strings.HasPrefix(j.PDF, ".") ||
					filepath.Base(j.PDF) != j.PDF || !utf8.ValidString(j.PDF) {
					t.Fatalf("pack name %q leaves the output folder", j.PDF)
				}
				return true
			}
			for _, p := range j.Problems {
				if p.Message.IsZero() || p.Message.Key == "batch.plan_failed" {
					t.Fatalf("problem %+v: empty, or a panic turned into a problem", p)
				}
				if strings.Contains(p.Error(), "internal error") {
					t.Fatalf("internal error: %s", p)
				}
			}
			return true
		})
	})
}

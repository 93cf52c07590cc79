package sheet

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Spreadsheets exported on Windows (Excel, LibreOffice) end their rows with
// CR LF. Such a CSV must give the same applicants and problems as the same
// table with LF endings.

// csvText writes a CSV table, rows ending with CR LF or LF.
func csvText(t *testing.T, comma rune, useCRLF bool, rows ...[]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = comma, useCRLF
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCRLFCSVAsLF(t *testing.T) {
	rows := [][]string{
		ColumnNames(),
		person(t, "DIALLO", "Aminata"),
		cells(t, map[string]string{"applicant.birth_date": "1988-02-30", "applicant.given_names": "Awa"}),
		make([]string, len(ColumnNames())), // a blank row
		// A cell with a line break (Alt+Enter in Excel) is one row.
		cells(t, map[string]string{"applicant.family_name": "KONÉ", "applicant.birth_place": "Ségou\n(Mali)"}),
		cells(t, map[string]string{"applicant.family_name": "SOW", "applicant.given_names": "Mamadou",
			"situation.residence_proofs": "administration; bank_statements", "procedure.ofii_requests": "2026-11-18 information"}),
	}
	for _, tc := range []struct {
		name  string
		comma rune
		bom   bool
	}{
		{"semicolons with BOM", ';', true},
		{"commas", ',', false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lf := csvText(t, tc.comma, false, rows...)
			if strings.Contains(lf, "\r") {
				t.Fatal("the LF table has a CR")
			}
			if tc.bom {
				lf = "\uFEFF" + lf
			}
			forms := map[string]string{
				"CRLF": csvText(t, tc.comma, true, rows...),
				// Excel keeps LF for the line break inside a cell.
				"CRLF between rows only": strings.ReplaceAll(strings.ReplaceAll(lf, "\n", "\r\n"), "Ségou\r\n", "Ségou\n"),
				"CRLF, no final":         strings.TrimSuffix(csvText(t, tc.comma, true, rows...), "\r\n"),
			}
			path := filepath.Join(t.TempDir(), "export.csv")
			runText := func(text string) (counts, []entry) {
				if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
					t.Fatal(err)
				}
				return read(t, path)
			}
			wantSum, want := runText(lf)
			if wantSum.Written != 2 || wantSum.Failed != 2 {
				t.Fatalf("with LF: %+v, want 2 written and 2 failed: %+v", wantSum, want)
			}
			if want[1].Row != 3 || want[2].Row != 5 || !strings.Contains(want[2].Problems[0].Error(), "found a line break") {
				t.Fatalf("with LF, the failed rows are %+v", want[1:3])
			}
			for form, text := range forms {
				if !tc.bom && strings.HasPrefix(text, "\uFEFF") {
					t.Fatal("BOM where none was asked")
				}
				if tc.bom && !strings.HasPrefix(text, "\uFEFF") {
					text = "\uFEFF" + text
				}
				sum, got := runText(text)
				if sum != wantSum {
					t.Errorf("%s: summary %+v, with LF %+v", form, sum, wantSum)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: results\n%+v\nwith LF\n%+v", form, got, want)
				}
			}
		})
	}
}

// TestCRLFDelimiter checks that the CR of a CRLF header line is not taken
// for a cell's content when the separator is guessed.
func TestCRLFDelimiter(t *testing.T) {
	for _, tc := range []struct {
		line string
		want rune
	}{
		{"a;b;c\r", ';'},
		{"a,b,c\r", ','},
		{"a\tb\tc\r", '\t'},
		{"\r", ','},
	} {
		if got := delimiter([]byte(tc.line)); got != tc.want {
			t.Errorf("delimiter(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

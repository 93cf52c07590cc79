package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

var today = civil.New(2026, 11, 22)

// cells returns the example row with some columns changed; "" empties one.
func cells(t testing.TB, set map[string]string) []string {
	t.Helper()
	row, err := ExampleRow()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range set {
		i := slices.Index(ColumnNames(), k)
		if i < 0 {
			t.Fatalf("no column %s", k)
		}
		row[i] = v
	}
	return row
}

func person(t testing.TB, family, given string) []string {
	return cells(t, map[string]string{"applicant.family_name": family, "applicant.given_names": given})
}

// writeCSV writes a CSV file with comma or semicolon separators, with or
// without a byte-order mark.
func writeCSV(t testing.TB, path string, comma rune, bom bool, header []string, rows ...[]string) string {
	t.Helper()
	var b bytes.Buffer
	if bom {
		b.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&b)
	w.Comma = comma
	if header != nil {
		w.Write(header)
	}
	for _, r := range rows {
		w.Write(r)
	}
	w.Flush()
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// entry is a row read and decoded: its applicant file, or its problems.
type entry struct {
	Row      int
	Name     string // the decoded applicant's family and given names
	File     *applicant.File
	Problems applicant.Problems
}

func (e entry) OK() bool { return len(e.Problems) == 0 }

// counts are the rows that decoded and those that did not.
type counts struct{ Written, Failed int }

// read reads the spreadsheets at paths and decodes every row, as a batch
// does before it makes the packs.
func read(t testing.TB, paths ...string) (counts, []entry) {
	t.Helper()
	var (
		c   counts
		got []entry
	)
	for _, path := range paths {
		Read(context.Background(), path, func(r Row) bool {
			e := entry{Row: r.Number, Problems: r.Problems}
			if r.Problems == nil {
				f, err := applicant.DecodeNode(r.Source, r.Node, today)
				if err != nil {
					e.Problems = r.Locate(err.(applicant.Problems))
				} else {
					e.File, e.Name = f, f.Applicant.FamilyName+" "+f.Applicant.GivenNames
				}
			}
			if e.OK() {
				c.Written++
			} else {
				c.Failed++
			}
			got = append(got, e)
			return true
		})
	}
	return c, got
}

// cellName is the cell of the column of path in a sheet of every column, in
// the order of ColumnNames.
func cellName(path string, row int) string {
	return applicant.ColumnLetters(slices.Index(ColumnNames(), path)+1) + strconv.Itoa(row)
}

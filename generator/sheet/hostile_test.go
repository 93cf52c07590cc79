package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWorkbookCutShort: a workbook whose sheet is cut short (the zip is
// whole, its sheet's XML is not) is damaged, not a sheet without
// applicants, and a part whose checksum is wrong likewise.
func TestWorkbookCutShort(t *testing.T) {
	var tmpl bytes.Buffer
	if err := WriteXLSXTemplate(&tmpl); err != nil {
		t.Fatal(err)
	}
	rewrite := func(change func(name string, data []byte) []byte) string {
		src, err := zip.NewReader(bytes.NewReader(tmpl.Bytes()), int64(tmpl.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		z := zip.NewWriter(&out)
		for _, f := range src.File {
			r, _ := f.Open()
			data, _ := io.ReadAll(r)
			w, _ := z.Create(f.Name)
			w.Write(change(f.Name, data))
		}
		z.Close()
		path := filepath.Join(t.TempDir(), "c.xlsx")
		os.WriteFile(path, out.Bytes(), 0o600)
		return path
	}
	same := rewrite(func(_ string, d []byte) []byte { return d })
	cut := rewrite(func(name string, d []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			return d[:len(d)/2]
		}
		return d
	})
	for _, tc := range []struct {
		path, want string
	}{
		{same, ""},
		{cut, "the workbook is damaged or cut short"},
	} {
		_, got := read(t, tc.path)
		switch {
		case tc.want == "" && (len(got) != 1 || !got[0].OK()):
			t.Errorf("the template rewritten whole: %+v", got)
		case tc.want != "" && (len(got) != 1 || got[0].OK() || !strings.Contains(got[0].Problems[0].Error(), tc.want)):
			t.Errorf("cut short: %+v, want %q", got, tc.want)
		}
	}
}

// TestUnbalancedQuote: a quote not closed on its line reads the lines
// after it into one cell; the row says where the quote opens, where the
// cell ends and how many rows were not read, and the rows after the cell
// are read again.
func TestUnbalancedQuote(t *testing.T) {
	const head = "applicant.family_name;applicant.given_names\n"
	for _, tc := range []struct {
		name, csv string
		want      []string // each entry's label, and the start of its first problem when it is the quote's
	}{
		{"never closed", head + "DIALLO;Aminata\n\"KONE;Awa\nNGUYEN;Lan\n\nSOW;Moussa\n",
			[]string{"row 2", "row 3 c.csv:row 3: column A: the quoted cell that opens on line 3 of the file runs to line 6: 2 rows on those lines could not be read, expected one row per line"}},
		{"closed later", head + "\"KONE;Awa\nNGUYEN;Lan\nSOW\";Moussa\nBA;Fatou\n",
			[]string{"row 2 c.csv:row 2: column A: the quoted cell that opens on line 2 of the file runs to line 4: 2 rows on those lines could not be read", "row 3"}},
		{"closed on the next line", head + "\"KONE;Awa\nNGUYEN\";Lan\nBA;Fatou\n",
			[]string{"row 2 c.csv:row 2: column A: the quoted cell that opens on line 2 of the file runs to line 3: 1 row on those lines could not be read", "row 3"}},
		{"typed on two lines", head + "\"KONE\nSégou\";Awa\nBA;Fatou\n", []string{"row 2", "row 3"}},
		{"in the header", "\"applicant.family_name;applicant.given_names\nDIALLO;Aminata\n",
			[]string{"row 1 c.csv:row 1: column A: the quoted cell that opens on line 1 of the file runs to line 2: 1 row on those lines could not be read"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "c.csv"), []byte(tc.csv), 0o600)
			wd, _ := os.Getwd()
			os.Chdir(dir)
			defer os.Chdir(wd)
			var got []string
			_, rows := read(t, "c.csv")
			for _, r := range rows {
				e := ""
				if r.Row > 0 {
					e = "row " + strconv.Itoa(r.Row)
				}
				if p := r.Problems; len(p) > 0 && strings.Contains(p[0].Error(), "quoted cell") {
					e += " " + p[0].Error()
				}
				got = append(got, e)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("entries %q, want %q", got, tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("entry %d: %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
)

// minimalWorkbook writes a workbook of one sheet: sst is its table of
// shared strings, rows the XML of its rows (<row>…</row>…).
func minimalWorkbook(t testing.TB, sst []string, rows string) string {
	t.Helper()
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ` + ns + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dossiers" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst ` + ns + `><si><t>` + strings.Join(sst, `</t></si><si><t>`) + `</t></si></sst>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + ns + `><sheetData>` + rows + `</sheetData></worksheet>`},
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.data))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.xlsx")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// header is the header row of the minimal workbooks: the shared strings 1
// and 2.
const sharedHeader = `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c></row>`

func firstProblem(t *testing.T, path string) string {
	t.Helper()
	_, got := read(t, path)
	if len(got) == 0 || got[0].OK() {
		return ""
	}
	return got[0].Problems[0].Error()
}

// TestSharedStringAmplification: a cell that names a shared string counts
// as the string's text; a row past 64 KiB of text, or a sheet past 64 MiB,
// refuses the workbook before excelize writes the texts out, however the
// index is written.
func TestSharedStringAmplification(t *testing.T) {
	names := []string{"applicant.family_name", "applicant.given_names"}
	row := func(r int, cells ...string) string {
		return fmt.Sprintf(`<row r="%d">%s</row>`, r, strings.Join(cells, ""))
	}
	s := func(v string) string { return `<c t="s"><v>` + v + `</v></c>` }
	const tooLong = "found more than 64 KiB of text in row 2 once the texts the workbook repeats are written out, expected the rows of a caseload, of at most 64 KiB each"

	// On the row's limit, and one byte past it.
	half := strings.Repeat("x", applicant.MaxLineSize/2)
	on := minimalWorkbook(t, append([]string{half}, names...), sharedHeader+row(2, s("0"), s("0")))
	if got := firstProblem(t, on); strings.Contains(got, "of text in row") {
		t.Errorf("a row of exactly 64 KiB: %s", got)
	}
	past := minimalWorkbook(t, append([]string{half + "x"}, names...), sharedHeader+row(2, s("0"), s("0")))
	if got := firstProblem(t, past); !strings.HasSuffix(got, tooLong) {
		t.Errorf("a row of 64 KiB and 2 bytes: %q", got)
	}

	// However the index is written, as excelize reads it: spaces, an
	// entity, CDATA, a word (read as 0).
	long := strings.Repeat("x", 40000)
	for _, v := range []string{" 0 ", "&#48;", "<![CDATA[0]]>", "abc"} {
		path := minimalWorkbook(t, append([]string{long}, names...), sharedHeader+row(2, s(v), s("0")))
		if got := firstProblem(t, path); !strings.HasSuffix(got, tooLong) {
			t.Errorf("index %q: %q", v, got)
		}
	}

	// A sheet: rows under the row's limit, 64 MiB in all: the header's 42
	// bytes and 1,118 rows of 60,000 are under it, one row more is past.
	var rows strings.Builder
	rows.WriteString(sharedHeader)
	for r := 2; r <= 1200; r++ {
		rows.WriteString(row(r, s("0")))
	}
	path := minimalWorkbook(t, append([]string{strings.Repeat("x", 60000)}, names...), rows.String())
	want := "found more than 64 MiB of text in a sheet once the texts the workbook repeats are written out (at row 1120), expected a caseload of at most 64 MiB"
	if got := firstProblem(t, path); !strings.HasSuffix(got, want) {
		t.Errorf("a sheet past 64 MiB: %q", got)
	}
}

// TestWorkbookPartTwice: a workbook with two parts of the same name is
// damaged (excelize would read one of them).
func TestWorkbookPartTwice(t *testing.T) {
	path := minimalWorkbook(t, []string{"x", "applicant.family_name", "applicant.given_names"}, sharedHeader)
	data, _ := os.ReadFile(path)
	src, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, f := range src.File {
		r, _ := f.Open()
		w, _ := z.Create(f.Name)
		var buf bytes.Buffer
		buf.ReadFrom(r)
		w.Write(buf.Bytes())
		if f.Name == "xl/sharedStrings.xml" {
			w, _ := z.Create("XL/SharedStrings.xml")
			w.Write(buf.Bytes())
		}
	}
	z.Close()
	os.WriteFile(path, b.Bytes(), 0o600)
	if got := firstProblem(t, path); !strings.Contains(got, "the workbook is damaged") {
		t.Errorf("a part twice: %q", got)
	}
}

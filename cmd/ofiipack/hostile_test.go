package main

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ofiipack/ofiipack/generator/batch"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// TestHostile runs testdata/hostile/*.txtar: one script per class of
// hostile or huge input (an endless file, a device, a pipe, a zip bomb, a
// name of ten thousand letters, a million keys…), each asserting the exit
// status, the message, and that nothing is left behind, neither in the
// output folder nor in $TMPDIR (testscript points it at $WORK/.tmp). The
// large inputs are made by the gen command, never committed. A hang is
// caught by go test -timeout; nothing here is timed.
func TestHostile(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/hostile",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":    cmdStatus,
			"notemp":    cmdNoTemp,
			"emptytemp": cmdEmptyTemp,
			"gen":       cmdGen,
			"locked":    cmdLocked,
			"feed":      cmdFeed,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "fifo":
				return runtime.GOOS != "windows", nil
			}
			return false, nil
		},
		RequireExplicitExec: true,
		Setup:               englishLocale,
	})
}

// cmdLocked waits (10 s at most) until another process holds the lock of
// a batch's output folder: locked DIR.
func cmdLocked(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: locked DIR")
	}
	path := filepath.Join(ts.MkAbs(args[0]), batch.LockFile)
	for i := 0; i < 1000; i++ {
		if held, _ := heldByOther(path); held {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	ts.Fatalf("%s: no batch holds the lock", args[0])
}

// cmdFeed writes a file into a named pipe: feed FIFO FILE.
func cmdFeed(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: feed FIFO FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_WRONLY, 0)
	ts.Check(err)
	_, err = f.Write(data)
	ts.Check(err)
	ts.Check(f.Close())
}

// cmdEmptyTemp checks that $TMPDIR is empty: no excelize-* file, no
// temporary file of ofiipack was left in the system's temporary folder.
func cmdEmptyTemp(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: emptytemp")
	}
	dir := ts.Getenv("TMPDIR")
	if dir == "" {
		ts.Fatalf("TMPDIR is not set")
	}
	entries, err := os.ReadDir(dir)
	ts.Check(err)
	for _, e := range entries {
		ts.Fatalf("left in $TMPDIR: %s", e.Name())
	}
}

// cmdGen makes a large or special input:
//
//	gen big FILE BYTES          an applicant file padded with a comment to BYTES
//	gen longname FILE CHARS     an applicant file whose family name has CHARS letters
//	gen keys FILE N             an applicant file with N unknown keys
//	gen items FILE N            an applicant file with a list of N bad items
//	gen aliases FILE CHARS N    an applicant file with N aliases of a value of CHARS characters
//	gen longkey FILE CHARS      an applicant file with an unknown key of CHARS letters (an explicit key: "? key")
//	gen longcolumn FILE CHARS   a CSV whose second column title has CHARS letters
//	gen rows FILE N             a CSV with a header and N blank rows
//	gen bigcsv FILE BYTES       a CSV of BYTES bytes, one endless cell
//	gen bomb FILE BYTES         an .xlsx whose sheet inflates to BYTES
//	gen truncate FILE SRC BYTES the first BYTES of SRC
//	gen utf16 FILE SRC          SRC in UTF-16LE with its byte-order mark, lines ending CR LF (Excel's « Texte Unicode »)
//	gen cr FILE SRC             SRC with its lines ending with a lone CR
//	gen boms FILE SRC N         SRC after N UTF-8 byte-order marks
//	gen sstbomb FILE CHARS ROWS COLS a workbook of ROWS rows of COLS cells, each naming one shared string of CHARS letters
//	gen sstindex FILE SRC INDEX the workbook SRC with cell A2's shared-string index set to INDEX
//	gen edit FILE OLD NEW       the base file with OLD replaced by NEW (Go escapes: \x00)
//	gen fifo FILE               a named pipe
//	gen link FILE TARGET        a symbolic link
func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: gen KIND FILE [ARG]")
	}
	kind, path := args[0], ts.MkAbs(args[1])
	num := func(i int) int {
		if len(args) <= i {
			ts.Fatalf("gen %s: missing a number", kind)
		}
		n, err := strconv.Atoi(args[i])
		ts.Check(err)
		return n
	}
	write := func(b []byte) { ts.Check(os.WriteFile(path, b, 0o600)) }
	switch kind {
	case "big":
		n := num(2)
		b := []byte(hostileBase)
		b = append(b, "# "...)
		b = append(b, bytes.Repeat([]byte("x"), max(0, n-len(b)-1))...)
		write(append(b, '\n'))
	case "longname":
		write([]byte(strings.Replace(hostileBase, "family_name: DIALLO", "family_name: "+strings.Repeat("A", num(2)), 1)))
	case "keys":
		var b strings.Builder
		b.WriteString(hostileBase)
		for i := range num(2) {
			b.WriteString("k" + strconv.Itoa(i) + ": 1\n")
		}
		write([]byte(b.String()))
	case "items":
		var b strings.Builder
		b.WriteString(hostileBase + "documents_ready:\n")
		for range num(2) {
			b.WriteString("- x\n")
		}
		write([]byte(b.String()))
	case "aliases":
		s := strings.Replace(hostileBase, "  marital_status: married\n", "  marital_status: married\n  phone: &a "+strings.Repeat("x", num(2))+"\n", 1)
		write([]byte(s + "documents_ready: [" + strings.TrimSuffix(strings.Repeat("*a, ", num(3)), ", ") + "]\n"))
	case "longkey":
		write([]byte(strings.Replace(hostileBase, "  civility: madame\n", "  civility: madame\n  ? "+strings.Repeat("k", num(2))+"\n  : 1\n", 1)))
	case "longcolumn":
		write([]byte("applicant.family_name;" + strings.Repeat("c", num(2)) + "\nDIALLO;x\n"))
	case "rows":
		var b strings.Builder
		b.WriteString("applicant.family_name;applicant.given_names\n")
		for range num(2) {
			b.WriteString(";\n")
		}
		write([]byte(b.String()))
	case "bigcsv":
		n := num(2)
		b := []byte("applicant.family_name;applicant.given_names\n")
		write(append(b, bytes.Repeat([]byte("A"), max(0, n-len(b)))...))
	case "bomb":
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		w, err := z.Create("xl/worksheets/sheet1.xml")
		ts.Check(err)
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for left := num(2); left > 0; left -= len(chunk) {
			_, err := w.Write(chunk[:min(len(chunk), left)])
			ts.Check(err)
		}
		ts.Check(z.Close())
		write(buf.Bytes())
	case "sstbomb":
		rows := `<row r="1"><c t="inlineStr"><is><t>applicant.family_name</t></is></c></row>`
		cell := strings.Repeat(`<c t="s"><v>0</v></c>`, num(4))
		for r := range num(3) {
			rows += `<row r="` + strconv.Itoa(r+2) + `">` + cell + `</row>`
		}
		write(workbook(ts, []string{strings.Repeat("x", num(2))}, rows))
	case "utf16", "cr", "boms":
		data, err := os.ReadFile(ts.MkAbs(args[2]))
		ts.Check(err)
		switch kind {
		case "utf16":
			out := []byte{0xFF, 0xFE}
			for _, r := range utf16.Encode([]rune(strings.ReplaceAll(string(data), "\n", "\r\n"))) {
				out = append(out, byte(r), byte(r>>8))
			}
			data = out
		case "cr":
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r"))
		case "boms":
			data = append(bytes.Repeat([]byte("\uFEFF"), num(3)), data...)
		}
		write(data)
	case "truncate":
		data, err := os.ReadFile(ts.MkAbs(args[2]))
		ts.Check(err)
		write(data[:min(len(data), num(3))])
	case "sstindex":
		if len(args) != 4 {
			ts.Fatalf("usage: gen sstindex FILE SRC INDEX")
		}
		write(rezip(ts, ts.MkAbs(args[2]), "xl/worksheets/sheet1.xml", func(b []byte) []byte {
			re := regexp.MustCompile(`(<c r="A2"[^>]*t="s"[^>]*><v>)[0-9]+(</v>)`)
			if !re.Match(b) {
				ts.Fatalf("gen sstindex: no shared string in A2")
			}
			return re.ReplaceAll(b, []byte("${1}"+args[3]+"${2}"))
		}))
	case "edit":
		if len(args) != 4 {
			ts.Fatalf("usage: gen edit FILE OLD NEW")
		}
		old, err := strconv.Unquote(`"` + args[2] + `"`)
		ts.Check(err)
		new, err := strconv.Unquote(`"` + args[3] + `"`)
		ts.Check(err)
		if !strings.Contains(hostileBase, old) {
			ts.Fatalf("gen edit: the base file has no %q", old)
		}
		write([]byte(strings.Replace(hostileBase, old, new, 1)))
	case "fifo":
		if err := mkfifo(path); err != nil {
			ts.Fatalf("mkfifo: %v", err)
		}
	case "link":
		if len(args) != 3 {
			ts.Fatalf("usage: gen link FILE TARGET")
		}
		ts.Check(os.Symlink(args[2], path))
	default:
		ts.Fatalf("gen: unknown kind %q", kind)
	}
}

// workbook returns a workbook of one sheet: sst is its table of shared
// strings, rows the XML of its rows.
func workbook(ts *testscript.TestScript, sst []string, rows string) []byte {
	const (
		ns   = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
		rels = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
		typ  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	)
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<Relationships ` + rels + `><Relationship Id="rId1" Type="` + typ + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook ` + ns + ` xmlns:r="` + strings.TrimSuffix(typ, "/") + `"><sheets><sheet name="Dossiers" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships ` + rels + `><Relationship Id="rId1" Type="` + typ + `worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<sst ` + ns + `><si><t>` + strings.Join(sst, `</t></si><si><t>`) + `</t></si></sst>`},
		{"xl/worksheets/sheet1.xml", `<worksheet ` + ns + `><sheetData>` + rows + `</sheetData></worksheet>`},
	} {
		w, err := z.Create(p[0])
		ts.Check(err)
		_, err = w.Write([]byte(p[1]))
		ts.Check(err)
	}
	ts.Check(z.Close())
	return buf.Bytes()
}

// rezip returns the zip file src with the part named part rewritten by edit.
func rezip(ts *testscript.TestScript, src, part string, edit func([]byte) []byte) []byte {
	z, err := zip.OpenReader(src)
	ts.Check(err)
	defer z.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range z.File {
		r, err := f.Open()
		ts.Check(err)
		data, err := io.ReadAll(r)
		ts.Check(err)
		r.Close()
		if f.Name == part {
			data = edit(data)
		}
		out, err := w.Create(f.Name)
		ts.Check(err)
		_, err = out.Write(data)
		ts.Check(err)
	}
	ts.Check(w.Close())
	return buf.Bytes()
}

// hostileBase is a valid applicant file that gen makes large or wrong.
const hostileBase = `format: ofiipack/v1
applicant:
  civility: madame
  family_name: DIALLO
  given_names: Aminata
  birth_date: 1988-04-12
  birth_place: Bamako (Mali)
  nationality: ML
  marital_status: married
  address:
    street: 12 rue des Lilas
    postcode: "93200"
    city: Saint-Denis
identity:
  document: passport
situation:
  arrived_on: 2024-05-02
  long_stay_visa: false
`

// TestDiskFullWorded: a pack that the disk has no room for is reported in
// the user's language, naming the file, with nothing left behind.
func TestDiskFullWorded(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	a := newApp(strings.NewReader(""), io.Discard, &stderr)
	a.lang = msg.French
	path := filepath.Join(dir, "diallo-pack.pdf")
	err := a.writePDF(t.Context(), path, "pack", func(w io.Writer) (int, error) {
		io.WriteString(w, "%PDF-1.4 half")
		return 0, &fs.PathError{Op: "write", Path: filepath.Join(dir, ".ofiipack-tmp-x"), Err: syscall.ENOSPC}
	})
	if code := a.report(nil, err); code != exitFailure {
		t.Errorf("exit status %d, want %d", code, exitFailure)
	}
	want := "ofiipack: error: écriture de " + path + " impossible : plus de place sur le disque\n"
	if stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left in the folder: %v", ents)
	}
}

package applicant

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/templates"
)

// Files saved on Windows (Notepad, Word's "text only") end their lines with
// CR LF, and Notepad may start them with a UTF-8 byte-order mark. Such a
// file must load as the same file with LF endings, and its problems must
// point at the same line and column.

// crlf returns s with CR LF line endings.
func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

// windowsForms are the ways a Windows editor may save the text s.
func windowsForms(s string) map[string]string {
	return map[string]string{
		"CRLF":           crlf(s),
		"CRLF and BOM":   "\uFEFF" + crlf(s),
		"CRLF, no final": strings.TrimSuffix(crlf(s), "\r\n"),
	}
}

// problemLines renders every problem with its line, column and hint.
func problemLines(err error) []string {
	ps, _ := err.(Problems)
	var out []string
	for _, p := range ps {
		out = append(out, render(p))
	}
	return out
}

func TestCRLFLoadsAsLF(t *testing.T) {
	inputs := map[string]string{"base": base}
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(p)] = string(data)
	}
	// The commented example of 'ofiipack init', which a person fills in,
	// on Windows often in Notepad.
	tmpl, err := fs.ReadFile(templates.FS, "init/applicant.yaml")
	if err != nil {
		t.Fatal(err)
	}
	inputs["init template"] = string(tmpl)
	// One-line texts written over several lines, in each YAML form that
	// folds them.
	inputs["folded texts"] = edit(t,
		"    street: 12 rue des Lilas\n", "    street: >-\n      12 rue\n      des Lilas\n",
		"birth_place: Bamako (Mali)", "birth_place: Bamako\n    (Mali)",
		"city: Saint-Denis", "city: \"Saint-\\\n      Denis\"")

	for name, lf := range inputs {
		want, err := Load("a.yaml", []byte(lf), today)
		if err != nil {
			t.Fatalf("%s does not load with LF endings:\n%v", name, err)
		}
		for form, text := range windowsForms(lf) {
			got, err := Load("a.yaml", []byte(text), today)
			if err != nil {
				t.Errorf("%s with %s does not load:\n%v", name, form, err)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s with %s loads as\n%+v\nwith LF as\n%+v", name, form, got, want)
			}
		}
	}
}

func TestCRLFProblemsAsLF(t *testing.T) {
	for _, tc := range []struct {
		name string
		yaml string
		want string // the first problem, with LF endings
	}{
		{"bad date", edit(t, "1988-04-12", "1988-02-30"), "a.yaml:6:15: applicant.birth_date: "},
		{"bad value at the end of the file", edit(t, "filed_on: 2026-11-02", "filed_on: soon"), "a.yaml:21:13: procedure.filed_on: "},
		{"unknown key", edit(t, "  email:", "  emial:"), "a.yaml:14:3: applicant.emial: "},
		{"duplicate key", edit(t, "  nationality: ML\n", "  nationality: ML\n  nationality: SN\n"), "a.yaml:9:3: "},
		{"quoted value with a bad character", edit(t, "birth_place: Bamako (Mali)", "birth_place: \"Bamako\\u0007\""), "a.yaml:7:16: applicant.birth_place: "},
		{"tab", edit(t, "  civility: madame", "\tcivility: madame"), "a.yaml:3:1: invalid YAML: found a tab character"},
		{"bad indentation", edit(t, "  family_name: DIALLO", "    family_name: DIALLO"), "a.yaml:4:"},
		{"second document", edit(t, "", "---\nformat: ofiipack/v1\n"), "a.yaml:22:1: found a second YAML document"},
		{"unknown anchor", edit(t, "city: Saint-Denis", "city: *ville"), "a.yaml:13:11: applicant.address.city: invalid YAML: unknown anchor"},
		{"line break in a literal block", edit(t, "    street: 12 rue des Lilas\n", "    street: |\n      12 rue\n      des Lilas\n"), "a.yaml:11:13: applicant.address.street: found a line break"},
		{"empty", "# nothing yet\n\n", "a.yaml:1:1: found no data in the file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load("a.yaml", []byte(tc.yaml), today)
			want := problemLines(err)
			if len(want) == 0 {
				t.Fatalf("no problem with LF endings (%v)", err)
			}
			if !strings.HasPrefix(want[0], tc.want) {
				t.Errorf("with LF endings the first problem is\n%s\nwant it to start with\n%s", want[0], tc.want)
			}
			for form, text := range windowsForms(tc.yaml) {
				_, err := Load("a.yaml", []byte(text), today)
				got := problemLines(err)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("with %s the problems are\n%s\nwith LF\n%s", form, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}

// TestCRLFOrganisation checks the --org file in Windows form.
func TestCRLFOrganisation(t *testing.T) {
	lf := "name: Association Exemple\naddress:\n  - 1 rue A\n  - 75001 Paris\nphone: 01 23 45 67 89\n"
	want, err := LoadOrganisation("org.yaml", []byte(lf))
	if err != nil {
		t.Fatal(err)
	}
	for form, text := range windowsForms(lf) {
		got, err := LoadOrganisation("org.yaml", []byte(text))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("with %s: %+v, %v; with LF: %+v", form, got, err, want)
		}
	}
}

package render

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/fontset"
	"github.com/ofiipack/ofiipack/templates"
)

// TestWordingDrawable: every string of the documents' wording parses as a
// template and uses only characters the embedded fonts draw (fpdf would
// print an empty box, or panic above U+FFFF).
func TestWordingDrawable(t *testing.T) {
	for _, name := range wordingFiles {
		data, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n := 0
		var walk func(*yaml.Node)
		walk = func(nd *yaml.Node) {
			if nd.Kind == yaml.ScalarNode {
				n++
				if r, bad := fontset.FirstUncovered(nd.Value); bad {
					t.Errorf("%s:%d: %q (U+%04X) cannot be drawn", name, nd.Line, r, r)
				}
				if strings.Contains(nd.Value, "{{") {
					if _, err := template.New("").Funcs(wordingFuncs).Parse(nd.Value); err != nil {
						t.Errorf("%s:%d: %v", name, nd.Line, err)
					}
				}
			}
			for _, c := range nd.Content {
				walk(c)
			}
		}
		walk(&root)
		if n < 10 {
			t.Errorf("%s: only %d strings", name, n)
		}
	}
	if _, err := readWording(templates.FS); err != nil {
		t.Fatal(err)
	}
}

// TestWordingStrict: a misspelt key in a wording file is an error, not a
// sentence silently missing from the documents.
func TestWordingStrict(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range wordingFiles {
		data, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	fsys["text/checklist.yaml"] = &fstest.MapFile{Data: []byte("documnet: x\n")}
	if _, err := readWording(fsys); err == nil || !strings.Contains(err.Error(), "documnet") {
		t.Errorf("error %v, want one naming the unknown key", err)
	}
}

// TestWordingColumnCount: a table’s column titles dropped in an edit of the
// wording are an error naming the key, not a crash while drawing.
func TestWordingColumnCount(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range wordingFiles {
		data, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	if _, err := readWording(fsys); err != nil {
		t.Fatalf("embedded wording: %v", err)
	}
	cal := string(fsys["text/calendar.yaml"].Data)
	cut := strings.Replace(cal, "post_soon_columns: [À poster avant, Jour,", "post_soon_columns: [À poster avant,", 1)
	if cut == cal {
		t.Fatal("calendar.yaml no longer has the post_soon_columns line this test edits")
	}
	fsys["text/calendar.yaml"] = &fstest.MapFile{Data: []byte(cut)}
	if _, err := readWording(fsys); err == nil || !strings.Contains(err.Error(), "caseload.post_soon_columns has 5 titles, expected 6") {
		t.Errorf("error %v, want one naming caseload.post_soon_columns", err)
	}
}

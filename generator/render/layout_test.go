package render

import (
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/civil"
)

func mustDate(t testing.TB, s string) civil.Date {
	t.Helper()
	d, err := civil.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// allText is every run of text of a layout, in drawing order.
func allText(l *layout) []string {
	var out []string
	for _, p := range l.Pages {
		for _, t := range p.Texts {
			out = append(out, t.Text)
		}
	}
	return out
}

// pageText is the text of one page joined with spaces (a paragraph’s
// lines and runs join into the sentence they print).
func pageText(p pageRec) string {
	var b strings.Builder
	for _, t := range p.Texts {
		b.WriteString(t.Text)
		b.WriteString(" ")
	}
	return b.String()
}

// docText is the text of one document of a layout.
func docText(l *layout, doc string) string {
	var b strings.Builder
	for _, p := range l.Pages {
		if p.Doc == doc {
			b.WriteString(pageText(p))
		}
	}
	return b.String()
}

// normalize folds every kind of space to a plain space, so that tests can
// look for sentences whatever typography and line breaks did to them.
func normalize(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func containsText(runs []string, want string) bool {
	return indexText(runs, want) >= 0
}

// indexText finds want in the runs joined by spaces (whatever the spaces).
func indexText(runs []string, want string) int {
	return strings.Index(normalize(strings.Join(runs, " ")), normalize(want))
}

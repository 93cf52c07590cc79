package sheet

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/ofiipack/ofiipack/templates"
)

// sheetText is templates/text/spreadsheet.yaml: the French titles of the
// columns and the words of the workbook's help sheet.
type sheetText struct {
	HelpSheet struct {
		Name        string   `yaml:"name"`
		Intro       []string `yaml:"intro"`
		Headers     []string `yaml:"headers"`
		ValuesSheet string   `yaml:"values_sheet"`
		ListNote    string   `yaml:"list_note"`
		FileValues  string   `yaml:"file_values"`
	} `yaml:"help_sheet"`
	Columns map[string]columnText `yaml:"columns"`
}

type columnText struct {
	Title    string   `yaml:"title"`
	Aliases  []string `yaml:"aliases"` // older titles, still read
	Required string   `yaml:"required"`
	Help     string   `yaml:"help"`
}

var (
	textOnce sync.Once
	text     *sheetText
	textErr  error
	byTitle  map[string]int // folded title → index in columns
)

// wording returns the spreadsheet wording, read once. Every column must
// have a title, and no two titles may fold to the same key.
func wording() (*sheetText, error) {
	textOnce.Do(func() {
		data, err := fs.ReadFile(templates.FS, "text/spreadsheet.yaml")
		if err != nil {
			textErr = err
			return
		}
		var t sheetText
		if err := yaml.Unmarshal(data, &t); err != nil {
			textErr = fmt.Errorf("templates/text/spreadsheet.yaml: %w", err)
			return
		}
		byTitle = map[string]int{}
		for i, c := range columns {
			ct, ok := t.Columns[c.path]
			if !ok || ct.Title == "" {
				textErr = fmt.Errorf("templates/text/spreadsheet.yaml: the column %s has no title", c.path)
				return
			}
			for _, title := range append([]string{ct.Title}, ct.Aliases...) {
				k := foldTitle(title)
				if j, dup := byTitle[k]; dup {
					textErr = fmt.Errorf("templates/text/spreadsheet.yaml: the columns %s and %s have the same title %q", columns[j].path, c.path, title)
					return
				}
				byTitle[k] = i
			}
		}
		for p := range t.Columns {
			if _, ok := lookupColumn(p); !ok {
				textErr = fmt.Errorf("templates/text/spreadsheet.yaml: %s is not a column", p)
				return
			}
		}
		text = &t
	})
	return text, textErr
}

// Titles returns the French title of every spreadsheet column, in the
// order of ColumnNames: the header row that `ofiipack init` writes.
func Titles() []string {
	t, err := wording()
	out := make([]string, len(columns))
	for i, c := range columns {
		if err != nil {
			out[i] = c.path
			continue
		}
		out[i] = t.Columns[c.path].Title
	}
	return out
}

// foldTitle is the key a title is matched by: lowercase, without accents,
// with the spaces, dashes and punctuation people vary reduced to single
// spaces ("Date de naissance", "DATE DE NAISSANCE", "date de  naissance",
// "Adresse - numero et rue" all match their column).
func foldTitle(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		folded = strings.ToLower(s)
	}
	folded = strings.NewReplacer("’", " ", "'", " ").Replace(folded)
	var b strings.Builder
	space := false
	for _, r := range folded {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '€' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// columnByTitle finds the column whose French title is name.
func columnByTitle(name string) (column, bool) {
	if _, err := wording(); err != nil {
		return column{}, false
	}
	i, ok := byTitle[foldTitle(name)]
	if !ok {
		return column{}, false
	}
	return columns[i], true
}

package applicant

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/ofiipack/ofiipack/templates"
)

// wordsFile is the table of the French words of every closed set of
// values (SPEC §4): read by the loader, so by every path that reaches it
// (an applicant file, a spreadsheet row, the web form).
const wordsFile = "text/values.yaml"

// wordSet is the French words of one closed set of values.
type wordSet struct {
	shown map[string][]string // value → the words offered, in order
	value map[string]string   // folded word (or value) → value
	// keys are the folded words for the nearest one: the shown words
	// first, so that a hint offers one of them when it can
	keys []string
}

var (
	wordsOnce sync.Once
	wordSets  map[string]*wordSet
	wordsErr  error
)

// words returns the set of words named name (a top-level key of
// templates/text/values.yaml), nil when the table has none. The table is
// read at the first call: a file whose values are all stable values never
// reads it.
func words(name string) *wordSet {
	wordsOnce.Do(func() { wordSets, wordsErr = readWords(templates.FS) })
	if wordsErr != nil {
		// The table is embedded and checked by the tests: a bug of the build.
		panic(wordsErr)
	}
	return wordSets[name]
}

func readWords(fsys fs.FS) (map[string]*wordSet, error) {
	data, err := fs.ReadFile(fsys, wordsFile)
	if err != nil {
		return nil, err
	}
	var raw map[string]map[string]struct {
		Shown []string `yaml:"shown"`
		Also  []string `yaml:"also"`
	}
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("templates/%s: %w", wordsFile, err)
	}
	sets := make(map[string]*wordSet, len(raw))
	for name, values := range raw {
		s := &wordSet{shown: map[string][]string{}, value: map[string]string{}}
		for v, w := range values {
			if len(w.Shown) == 0 {
				return nil, fmt.Errorf("templates/%s: %s.%s shows no word", wordsFile, name, v)
			}
			s.shown[v] = w.Shown
			for _, word := range append(append([]string{v}, w.Shown...), w.Also...) {
				k := FoldWord(word)
				if k == "" {
					return nil, fmt.Errorf("templates/%s: %s.%s: the word %q has no letter or digit", wordsFile, name, v, word)
				}
				if other, ok := s.value[k]; ok && other != v {
					return nil, fmt.Errorf("templates/%s: %s: the word %q reads as both %s and %s", wordsFile, name, word, other, v)
				}
				s.value[k] = v
			}
		}
		var shown, other []string
		for k, v := range s.value {
			if slices.ContainsFunc(s.shown[v], func(w string) bool { return FoldWord(w) == k }) {
				shown = append(shown, k)
			} else {
				other = append(other, k)
			}
		}
		slices.Sort(shown)
		slices.Sort(other)
		s.keys = append(shown, other...)
		sets[name] = s
	}
	return sets, nil
}

// FoldWord is the key a typed word is matched by: lower case, without
// accents, each run of spaces and punctuation one space ("Marié(e)" and
// "MARIE E" are "marie e"; "2_months" is "2 months"; "M." is "m").
func FoldWord(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // an accent, once decomposed
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// lookup returns the value a typed word stands for.
func (s *wordSet) lookup(word string) (string, bool) {
	if s == nil {
		return "", false
	}
	v, ok := s.value[FoldWord(word)]
	return v, ok
}

// shownWords returns the words offered for values, in their order.
func (s *wordSet) shownWords(values []string) []string {
	var out []string
	for _, v := range values {
		if s == nil || len(s.shown[v]) == 0 {
			out = append(out, v)
			continue
		}
		out = append(out, s.shown[v]...)
	}
	return out
}

// nearest returns the value and the word nearest to a typed word that is
// none of the set's words: the word itself when it is shown, else the
// value's first shown word.
func (s *wordSet) nearest(typed string, values []string) (value, word string) {
	if s == nil {
		if v := Nearest(typed, values); v != "" {
			return v, v
		}
		return "", ""
	}
	k := Nearest(FoldWord(typed), s.keys)
	if k == "" {
		return "", ""
	}
	value = s.value[k]
	for _, w := range s.shown[value] {
		if FoldWord(w) == k {
			return value, w
		}
	}
	return value, s.shown[value][0]
}

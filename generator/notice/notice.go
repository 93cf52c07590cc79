// Package notice reads the catalogs of the notice in the applicant's
// language (SPEC §3, `applicant_notice`): templates/notice/CODE.yaml, one
// file per language, each with the same sentences and placeholders, and
// the list of languages a file may ask for (`applicant.language`),
// templates/notice/languages.yaml. Adding a language is adding a line and
// a catalog (and, for a new script, its font in fonts/ and
// generator/render).
package notice

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"text/template"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/ofiipack/ofiipack/generator/arabic"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/templates"
)

// French is the code of the language of the documents: asking for it
// makes no notice, and its catalog is printed beneath every other.
const French = "fr"

// Scripts of the catalogs: which fonts draw them.
const (
	ScriptLatin    = "latin"
	ScriptCyrillic = "cyrillic"
	ScriptGeorgian = "georgian"
	ScriptArabic   = "arabic"
)

// Language is a line of templates/notice/languages.yaml.
type Language struct {
	Code       string `yaml:"code"`
	Name       string `yaml:"name"`        // the language's own name
	FrenchName string `yaml:"french_name"` // « russe »
	Script     string `yaml:"script"`
	Direction  string `yaml:"direction"` // ltr or rtl
}

// Catalog is every sentence of the notice in one language. Its fields
// mirror templates/notice/fr.yaml, which explains them.
type Catalog struct {
	Language `yaml:"-"`

	Title    string   `yaml:"title"`
	Aid      string   `yaml:"aid"`
	Person   string   `yaml:"person"`
	Weekdays []string `yaml:"weekdays"` // Monday first
	Day      string   `yaml:"day"`

	Kinds map[string]string `yaml:"kinds"`
	Next  struct {
		Heading      string `yaml:"heading"`
		Date         string `yaml:"date"`
		PostBy       string `yaml:"post_by"`
		PostByPassed string `yaml:"post_by_passed"`
		Late         string `yaml:"late"`
		Notified     string `yaml:"notified"`
		None         string `yaml:"none"`
	} `yaml:"next"`
	Steps map[string]Step `yaml:"steps"`
	Dates struct {
		Heading string `yaml:"heading"`
		None    string `yaml:"none"`
	} `yaml:"dates"`
	Letter Block `yaml:"letter"`
	Secret Block `yaml:"secret"`
	Help   struct {
		Heading       string `yaml:"heading"`
		Organisation  string `yaml:"organisation"`
		Comede        string `yaml:"comede"`
		ComedeWhat    string `yaml:"comede_what"`
		Hours         string `yaml:"hours"`
		Time          string `yaml:"time"`
		Range         string `yaml:"range"`
		ListSeparator string `yaml:"list_separator"`
		ListAnd       string `yaml:"list_and"`
		Allo          string `yaml:"allo"`
	} `yaml:"help"`
	QR string `yaml:"qr"`
}

// Step is what one date or next step of SPEC §2 means in the language:
// Do for the date or the action, Late for what to do today when it passed.
type Step struct {
	Do   string `yaml:"do"`
	Late string `yaml:"late"`
}

// Block is a heading and its lines.
type Block struct {
	Heading string   `yaml:"heading"`
	Lines   []string `yaml:"lines"`
}

// RTL reports whether the language is written right to left.
func (c *Catalog) RTL() bool { return c.Direction == "rtl" }

// catalogs holds the languages of fsys, read once, and the catalogs
// read so far: a pack reads its language's and the French one, not the 48
// KB of all seven (a sixth of a letter's CPU when every file read them).
type catalogs struct {
	fsys  fs.FS
	once  sync.Once
	err   error
	langs []Language          // sorted by code
	byKey map[string]Language // code, own and French names, folded
	mu    sync.Mutex
	read  map[string]*Catalog // by code
}

var embedded = &catalogs{fsys: templates.FS}

// languages reads languages.yaml.
func (cs *catalogs) languages() error {
	cs.once.Do(func() { cs.err = cs.readLanguages() })
	return cs.err
}

func (cs *catalogs) readLanguages() error {
	const file = "notice/languages.yaml"
	b, err := fs.ReadFile(cs.fsys, file)
	if err != nil {
		return fmt.Errorf("read notice languages: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&cs.langs); err != nil {
		return fmt.Errorf("read templates/%s: %w", file, err)
	}
	cs.byKey, cs.read = map[string]Language{}, map[string]*Catalog{}
	for _, l := range cs.langs {
		switch l.Direction {
		case "ltr", "rtl":
		default:
			return fmt.Errorf("read templates/%s: %s: direction %q, expected ltr or rtl", file, l.Code, l.Direction)
		}
		for _, k := range []string{l.Code, l.Name, l.FrenchName} {
			cs.byKey[fold(k)] = l
		}
	}
	if _, ok := cs.byKey[French]; !ok {
		return fmt.Errorf("read templates/%s: no line for %s", file, French)
	}
	slices.SortFunc(cs.langs, func(a, b Language) int { return strings.Compare(a.Code, b.Code) })
	return nil
}

// catalog returns the catalog of code, reading it the first time.
func (cs *catalogs) catalog(code string) (*Catalog, error) {
	if err := cs.languages(); err != nil {
		return nil, err
	}
	l, ok := cs.byKey[code]
	if !ok || l.Code != code {
		return nil, fmt.Errorf("notice: no catalog for language %q", code)
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if c := cs.read[code]; c != nil {
		return c, nil
	}
	file := "notice/" + code + ".yaml"
	b, err := fs.ReadFile(cs.fsys, file)
	if err != nil {
		return nil, fmt.Errorf("read notice catalog: %w", err)
	}
	c := &Catalog{Language: l}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		return nil, fmt.Errorf("read templates/%s: %w", file, err)
	}
	if len(c.Weekdays) != 7 {
		return nil, fmt.Errorf("read templates/%s: %d weekdays, expected 7", file, len(c.Weekdays))
	}
	cs.read[code] = c
	return c, nil
}

// fold lowers s and drops its accents: « Géorgien » and « georgien » are
// one language.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(strings.TrimSpace(s))) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Codes returns the codes of every language, French included, sorted.
func Codes() ([]string, error) {
	if err := embedded.languages(); err != nil {
		return nil, err
	}
	codes := make([]string, len(embedded.langs))
	for i, l := range embedded.langs {
		codes[i] = l.Code
	}
	return codes, nil
}

// Lookup returns the code of the language s names: its code, its own name
// or its French name, in any case, with or without accents (« RU »,
// « russe », « Géorgien », « georgien », « русский »).
func Lookup(s string) (string, bool) {
	if err := embedded.languages(); err != nil {
		return "", false
	}
	l, ok := embedded.byKey[fold(s)]
	return l.Code, ok
}

// Load returns the catalog of code.
func Load(code string) (*Catalog, error) { return embedded.catalog(code) }

// Slot is a line of opening hours of templates/data/contacts.yaml: days
// (mon … sun) and time ranges ("14:30-17:30").
type Slot struct {
	Days  []string `yaml:"days"`
	Times []string `yaml:"times"`
}

var dayKeys = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// Hours returns the opening hours of slots in the language, one line per
// slot: « Lundi, jeudi et vendredi : de 14 h 30 à 17 h 30 ».
func (c *Catalog) Hours(slots []Slot) ([]string, error) {
	key := fmt.Sprint(c.Code, slots)
	if lines, ok := hoursCache.Load(key); ok {
		return lines.([]string), nil
	}
	lines, err := c.hours(slots)
	if err == nil {
		hoursCache.Store(key, lines)
	}
	return lines, err
}

// hoursCache keeps the hours worded in each language: the same few lines
// for every pack of a batch.
var hoursCache sync.Map // code and slots → []string

func (c *Catalog) hours(slots []Slot) ([]string, error) {
	var lines []string
	for _, s := range slots {
		var days []string
		for _, d := range s.Days {
			i := slices.Index(dayKeys, d)
			if i < 0 {
				return nil, fmt.Errorf("notice: unknown day %q in opening hours (expected one of %s)", d, strings.Join(dayKeys, ", "))
			}
			days = append(days, c.Weekdays[i])
		}
		var times []string
		for _, t := range s.Times {
			from, to, ok := strings.Cut(t, "-")
			if !ok {
				return nil, fmt.Errorf("notice: opening hours %q, expected HH:MM-HH:MM", t)
			}
			var ends [2]string
			for i, hm := range []string{from, to} {
				h, mm, ok := strings.Cut(strings.TrimSpace(hm), ":")
				if !ok || len(mm) != 2 {
					return nil, fmt.Errorf("notice: opening hours %q, expected HH:MM-HH:MM", t)
				}
				s, err := c.fill(c.Help.Time, map[string]any{"H": h, "MM": mm})
				if err != nil {
					return nil, err
				}
				ends[i] = s
			}
			r, err := c.fill(c.Help.Range, map[string]any{"From": ends[0], "To": ends[1]})
			if err != nil {
				return nil, err
			}
			times = append(times, r)
		}
		line, err := c.fill(c.Help.Hours, map[string]any{"Days": capitalize(c.list(days)), "Times": c.list(times)})
		if err != nil {
			return nil, err
		}
		lines = append(lines, line)
	}
	return lines, nil
}

// list joins items as the language does: « a, b et c ».
func (c *Catalog) list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	last := len(items) - 1
	return strings.Join(items[:last], c.Help.ListSeparator) + c.Help.ListAnd + items[last]
}

// capitalize upper-cases the first letter of a Latin or Cyrillic text;
// Georgian and Arabic have no capitals (Go would turn a Georgian letter
// into Mtavruli, which ordinary text does not use).
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.In(r, unicode.Latin, unicode.Cyrillic) {
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

var tplCache sync.Map // template text → *template.Template

// Fill executes one sentence of the catalog with data. In a right-to-left
// language, each text value of data is set as a left-to-right isolate (a
// date, a phone number, a name keeps its order); French gets French
// typography (no-break spaces before : ; ! ? and inside « »).
func (c *Catalog) Fill(text string, data map[string]any) (string, error) {
	if c.RTL() && len(data) > 0 {
		iso := make(map[string]any, len(data))
		for k, v := range data {
			if s, ok := v.(string); ok && s != "" && !arabic.Has(s) {
				v = arabic.Isolate(s)
			}
			iso[k] = v
		}
		data = iso
	}
	return c.fill(text, data)
}

func (c *Catalog) fill(text string, data map[string]any) (string, error) {
	s := text
	if strings.Contains(text, "{{") {
		t, ok := tplCache.Load(text)
		if !ok {
			parsed, err := template.New("").Option("missingkey=error").Parse(text)
			if err != nil {
				return "", fmt.Errorf("notice %s: %q: %w", c.Code, text, err)
			}
			t, _ = tplCache.LoadOrStore(text, parsed)
		}
		var b strings.Builder
		if err := t.(*template.Template).Execute(&b, data); err != nil {
			return "", fmt.Errorf("notice %s: %q: %w", c.Code, text, err)
		}
		s = b.String()
	}
	if c.Code == French {
		s = french.Typo(s)
	}
	return s, nil
}

// Languages returns every language that makes a notice (every one but
// French), sorted by code.
func Languages() ([]Language, error) {
	if err := embedded.languages(); err != nil {
		return nil, err
	}
	var out []Language
	for _, l := range embedded.langs {
		if l.Code != French {
			out = append(out, l)
		}
	}
	return out, nil
}

package applicant

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/templates"
)

// countriesFile is the table of countries: ISO codes, French and English
// names, and the other names people write (SPEC §4).
const countriesFile = "data/countries.tsv"

// countryRow is one country of the table.
type countryRow struct {
	code, alpha3, fr, en string
	also                 []string
}

// countryTable is templates/data/countries.tsv, read.
type countryTable struct {
	rows []countryRow // sorted by code

	// The names, folded, indexed at the first name looked up: a file
	// that gives a code (most of them) reads the table (0.2 ms) but
	// folds no name.
	namesOnce sync.Once
	byName    map[string][]string // folded name, other name or alpha-3 code → the codes it names
	names     []foldedName        // every folded name with its code, for the nearest names
}

type foldedName struct{ folded, code string }

var (
	countriesOnce sync.Once
	countries     *countryTable
	countriesErr  error
)

// countryData returns the table, read at the first call.
func countryData() *countryTable {
	countriesOnce.Do(func() { countries, countriesErr = readCountries(templates.FS) })
	if countriesErr != nil {
		panic(countriesErr) // embedded and checked by the tests: a bug of the build
	}
	return countries
}

func readCountries(fsys fs.FS) (*countryTable, error) {
	f, err := fsys.Open(countriesFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.Comment, r.FieldsPerRecord = '\t', '#', 5
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("templates/%s: %w", countriesFile, err)
	}
	t := &countryTable{rows: make([]countryRow, 0, len(recs))}
	for _, rec := range recs {
		if len(rec[0]) != 2 || len(rec[1]) != 3 || rec[2] == "" || rec[3] == "" {
			return nil, fmt.Errorf("templates/%s: %q: expected alpha-2, alpha-3, French name, English name, other names", countriesFile, rec)
		}
		row := countryRow{code: rec[0], alpha3: rec[1], fr: rec[2], en: rec[3]}
		for _, name := range strings.Split(rec[4], ";") {
			if name = strings.TrimSpace(name); name != "" {
				row.also = append(row.also, name)
			}
		}
		t.rows = append(t.rows, row)
	}
	if !slices.IsSortedFunc(t.rows, func(a, b countryRow) int { return strings.Compare(a.code, b.code) }) {
		return nil, fmt.Errorf("templates/%s: the countries are not in the order of their codes", countriesFile)
	}
	return t, nil
}

// index folds every name of the table, once.
func (t *countryTable) index() {
	t.namesOnce.Do(func() {
		t.byName = make(map[string][]string, 4*len(t.rows))
		add := func(name, code string) {
			k := foldName(name)
			if k != "" && !slices.Contains(t.byName[k], code) {
				t.byName[k] = append(t.byName[k], code)
				t.names = append(t.names, foldedName{k, code})
			}
		}
		for _, r := range t.rows {
			for _, name := range append([]string{r.fr, r.en, r.alpha3}, r.also...) {
				add(name, r.code)
			}
		}
		// "Myanmar (Birmanie)": each part is a name too, unless another
		// country has it ("Saint-Martin (partie néerlandaise)")
		for _, r := range t.rows {
			for _, name := range []string{r.fr, r.en} {
				before, inside, ok := strings.Cut(name, " (")
				if !ok || !strings.HasSuffix(inside, ")") {
					continue
				}
				for _, part := range []string{before, strings.TrimSuffix(inside, ")")} {
					if len(t.byName[foldName(part)]) == 0 {
						add(part, r.code)
					}
				}
			}
		}
		slices.SortFunc(t.names, func(a, b foldedName) int {
			return cmp.Or(strings.Compare(a.folded, b.folded), strings.Compare(a.code, b.code))
		})
	})
}

// codesNamed returns the countries a name stands for: one, several (a name
// they share, such as « Congo »), or none.
func (t *countryTable) codesNamed(s string) []string {
	t.index()
	return t.byName[foldName(s)]
}

// row returns the country of an alpha-2 code, in upper case; nil if none.
func (t *countryTable) row(code string) *countryRow {
	i, ok := slices.BinarySearchFunc(t.rows, code, func(r countryRow, c string) int { return strings.Compare(r.code, c) })
	if !ok {
		return nil
	}
	return &t.rows[i]
}

// country returns the ISO 3166-1 alpha-2 code (upper case) of s: a code of
// a country that exists, alpha-2 or alpha-3, in any case, or a country's
// name in French or English (CLDR's, or another name of the table), case,
// accents, spaces and punctuation aside ("Côte d'Ivoire", "COTE D’IVOIRE",
// "Guinée Bissau"). XK (Kosovo) is accepted: France recognises it and its
// people apply.
func country(s string) (string, bool) {
	t := countryData()
	if len(s) == 2 && isASCIILetter(s[0]) && isASCIILetter(s[1]) {
		code := strings.ToUpper(s)
		if t.row(code) != nil {
			return code, true
		}
		return "", false // a code that is none: not read as a name
	}
	if codes := t.codesNamed(s); len(codes) == 1 {
		return codes[0], true
	}
	return "", false
}

// ambiguousCountry returns the countries that the name s may mean when it
// names several ("Congo"), nil otherwise.
func ambiguousCountry(s string) []string {
	if codes := countryData().codesNamed(s); len(codes) > 1 {
		return codes
	}
	return nil
}

// maxNearestCountries is how many names a hint offers.
const maxNearestCountries = 3

// nearestCountries returns the countries whose names are nearest to s,
// which names none: a typo ("Géorgi", "Mallí"), a name cut short. At most
// maxNearestCountries, nearest first.
func nearestCountries(s string) []string {
	t := countryData()
	t.index()
	k := foldName(s)
	n := utf8.RuneCountInString(k)
	if n < 3 || n > 64 {
		return nil
	}
	type cand struct {
		code string
		dist int
	}
	best := map[string]int{}
	for _, name := range t.names {
		d := editDistance(k, name.folded)
		limit := max(1, utf8.RuneCountInString(name.folded)/4)
		if d > limit {
			// a name cut short: "guineebi" for Guinée-Bissau
			if n < 4 || !strings.HasPrefix(name.folded, k) {
				continue
			}
			d = limit + 1
		}
		if old, ok := best[name.code]; !ok || d < old {
			best[name.code] = d
		}
	}
	cands := make([]cand, 0, len(best))
	for c, d := range best {
		cands = append(cands, cand{c, d})
	}
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Or(cmp.Compare(a.dist, b.dist), strings.Compare(a.code, b.code)) })
	var out []string
	for _, c := range cands {
		if len(out) == maxNearestCountries || c.dist > cands[0].dist+1 {
			break
		}
		out = append(out, c.code)
	}
	return out
}

// countryList words countries for a hint: « Géorgie (GE) » in French,
// "Georgia (GE)" in English, joined by "or".
func countryList(codes []string) msg.Or {
	list := make(msg.Or, len(codes))
	for i, c := range codes {
		list[i] = msg.Lazy(func(l msg.Lang) string {
			r := countryData().row(c)
			if l == msg.French {
				return r.fr + " (" + c + ")"
			}
			return r.en + " (" + c + ")"
		})
	}
	return list
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// CountryName returns the French name of the country whose ISO 3166-1
// alpha-2 code is code ("ML": "Mali", "CI": "Côte d’Ivoire", in CLDR's
// spelling with a typographic apostrophe), or "" when code is not a
// country the loader accepts.
func CountryName(code string) string {
	if len(code) != 2 {
		return ""
	}
	if r := countryData().row(strings.ToUpper(code)); r != nil {
		return r.fr
	}
	return ""
}

// Country is a country of the table, for the web form's list.
type Country struct {
	Code, Name string // the ISO alpha-2 code, the French name
}

// Countries returns every country of the table, by French name.
func Countries() []Country {
	t := countryData()
	out := make([]Country, len(t.rows))
	for i, r := range t.rows {
		out[i] = Country{r.code, r.fr}
	}
	slices.SortFunc(out, func(a, b Country) int { return strings.Compare(foldName(a.Name), foldName(b.Name)) })
	return out
}

// foldName lowers s and keeps only its letters, without accents: "Côte
// d’Ivoire" and "cote d'ivoire" are "cotedivoire".
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	if isASCII(s) { // most names: no accent to take off
		for i := 0; i < len(s); i++ {
			if c := s[i]; isASCIILetter(c) {
				b.WriteByte(c | 0x20)
			}
		}
		return b.String()
	}
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

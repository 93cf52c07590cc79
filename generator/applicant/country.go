package applicant

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// notCountries are two-letter codes that golang.org/x/text accepts as
// countries but ISO 3166-1 only reserves exceptionally (Ascension,
// Clipperton, Diego Garcia, Ceuta and Melilla, the Canaries, Tristan da
// Cunha) or that name no country (UN, EZ).
var notCountries = map[string]bool{
	"AC": true, "CP": true, "DG": true, "EA": true, "EZ": true, "IC": true, "TA": true, "UN": true,
}

// frenchName returns the French name of the region of code, "" if none
// (see frenchCountryNames).
func frenchName(code string) string {
	i, ok := slices.BinarySearchFunc(frenchCountryNames[:], code, func(e struct{ code, name string }, c string) int {
		return strings.Compare(e.code, c)
	})
	if !ok {
		return ""
	}
	return frenchCountryNames[i].name
}

// country returns the ISO 3166-1 alpha-2 code of s (upper case) when s is
// the code of a country that exists, in either case. XK (Kosovo) is
// accepted: France recognises it and its people apply.
func country(s string) (string, bool) {
	if len(s) != 2 || !isASCIILetter(s[0]) || !isASCIILetter(s[1]) {
		return "", false
	}
	code := strings.ToUpper(s)
	if notCountries[code] {
		return "", false
	}
	r, err := language.ParseRegion(code)
	// Deprecated codes (TP, ZR, BU, UK…) canonicalise to another one;
	// withdrawn ones (YU, CS, SU, AN…) have no French name.
	if err != nil || !r.IsCountry() || r.String() != code || r.Canonicalize() != r || frenchName(code) == "" {
		return "", false
	}
	return code, true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// CountryName returns the French name of the country whose ISO 3166-1
// alpha-2 code is code ("ML": "Mali", "CI": "Côte d’Ivoire", in CLDR's
// spelling with a typographic apostrophe), or "" when code is not a
// country the loader accepts.
func CountryName(code string) string {
	c, ok := country(code)
	if !ok {
		return ""
	}
	return frenchName(c)
}

var (
	countryIndexOnce sync.Once
	countryIndex     map[string]string // folded French name or ISO alpha-3 code -> alpha-2 code
)

// guessCountry returns the alpha-2 code that s probably means when it is
// not a code: a French country name ("Mali", "côte d'ivoire") or an
// alpha-3 code ("MLI"). It only feeds hints.
func guessCountry(s string) string {
	countryIndexOnce.Do(func() {
		countryIndex = make(map[string]string, 600)
		for a := byte('A'); a <= 'Z'; a++ {
			for b := byte('A'); b <= 'Z'; b++ {
				code := string([]byte{a, b})
				if _, ok := country(code); !ok {
					continue
				}
				r := language.MustParseRegion(code)
				countryIndex[foldName(frenchName(code))] = code
				countryIndex[foldName(r.ISO3())] = code
			}
		}
	})
	return countryIndex[foldName(s)]
}

// foldName lowers s and keeps only its letters, without accents.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

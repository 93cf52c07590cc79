package applicant

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/ofiipack/ofiipack/generator/msg"
)

var writeCountries = flag.Bool("write-countries", false, "rewrite the generated part of templates/data/countries.yaml from golang.org/x/text")

// notCountries are two-letter codes that golang.org/x/text accepts as
// countries but ISO 3166-1 only reserves exceptionally (Ascension,
// Clipperton, Diego Garcia, Ceuta and Melilla, the Canaries, Tristan da
// Cunha) or that name no country (UN, EZ).
var notCountries = map[string]bool{
	"AC": true, "CP": true, "DG": true, "EA": true, "EZ": true, "IC": true, "TA": true, "UN": true,
}

// cldrCountries are the rows that golang.org/x/text gives: every two-letter
// code it parses as a country of its own (deprecated codes such as TP, ZR,
// BU or UK canonicalise to another; withdrawn ones such as YU, CS, SU or AN
// have no name), with its alpha-3 code and CLDR's French and English names.
func cldrCountries() [][4]string {
	fr, en := display.French.Regions(), display.English.Regions()
	var rows [][4]string
	for a := byte('A'); a <= 'Z'; a++ {
		for c := byte('A'); c <= 'Z'; c++ {
			code := string([]byte{a, c})
			r, err := language.ParseRegion(code)
			if err != nil || notCountries[code] || !r.IsCountry() || r.String() != code || r.Canonicalize() != r || fr.Name(r) == "" {
				continue
			}
			rows = append(rows, [4]string{code, r.ISO3(), fr.Name(r), en.Name(r)})
		}
	}
	return rows
}

// TestCountryTable checks templates/data/countries.tsv against
// golang.org/x/text's display names, for every two-letter code; with
// -write-countries it writes the table again from x/text (after an upgrade),
// keeping its comments and the other names of each country.
func TestCountryTable(t *testing.T) {
	path := "../../templates/" + countriesFile
	table, err := readCountries(os.DirFS("../../templates"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for line := range strings.Lines(string(src)) {
		if strings.HasPrefix(line, "#") {
			out.WriteString(line)
		}
	}
	also := map[string][]string{}
	for _, r := range table.rows {
		also[r.code] = r.also
	}
	want := cldrCountries()
	for i, w := range want {
		fmt.Fprintf(&out, "%s\t%s\t%s\t%s\t%s\n", w[0], w[1], w[2], w[3], strings.Join(also[w[0]], "; "))
		if i >= len(table.rows) || [4]string{table.rows[i].code, table.rows[i].alpha3, table.rows[i].fr, table.rows[i].en} != w {
			if !*writeCountries {
				t.Fatalf("%s differs from golang.org/x/text at %v: run go test ./generator/applicant -run TestCountryTable -write-countries", path, w)
			}
		}
	}
	if len(table.rows) != len(want) && !*writeCountries {
		t.Fatalf("%s has %d countries, golang.org/x/text %d", path, len(table.rows), len(want))
	}
	if *writeCountries {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A nationality is a code or a country's name in French or English, case,
// accents, hyphens and apostrophes aside: through the loader, as a file, a
// spreadsheet row and the web form give it.
func TestCountryNames(t *testing.T) {
	tests := map[string]string{
		"Mali": "ML", "mali": "ML", "MALI": "ML", "ml": "ML", "MLI": "ML",
		"Géorgie": "GE", "Georgie": "GE", "Georgia": "GE",
		"Côte d'Ivoire": "CI", "Côte d’Ivoire": "CI", "cote d ivoire": "CI", "Côte-d'Ivoire": "CI", "COTE D'IVOIRE": "CI", "Ivory Coast": "CI",
		"Guinée-Bissau": "GW", "Guinée Bissau": "GW", "guinee-bissau": "GW", "Guinea-Bissau": "GW",
		"Guinée": "GN", "Guinée-Conakry": "GN", "Guinée équatoriale": "GQ",
		"Royaume-Uni": "GB", "Royaume Uni": "GB", "United Kingdom": "GB", "Grande-Bretagne": "GB", "Angleterre": "GB",
		"Sénégal": "SN", "Senegal": "SN", "Algérie": "DZ", "Algeria": "DZ", "Maroc": "MA", "Morocco": "MA", "Tunisie": "TN",
		"Cameroun": "CM", "Cameroon": "CM", "République démocratique du Congo": "CD", "RDC": "CD", "RD Congo": "CD",
		"Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG", "République du Congo": "CG", "Congo - Brazzaville": "CG",
		"République centrafricaine": "CF", "Centrafrique": "CF", "Comores": "KM", "Haïti": "HT", "Haiti": "HT",
		"Russie": "RU", "Russia": "RU", "Fédération de Russie": "RU", "Arménie": "AM", "Azerbaïdjan": "AZ",
		"Tchétchénie": "", "Ukraine": "UA", "Afghanistan": "AF", "Bangladesh": "BD", "Sri Lanka": "LK",
		"Viêt Nam": "VN", "Vietnam": "VN", "Myanmar": "MM", "Birmanie": "MM", "Turquie": "TR", "Türkiye": "TR",
		"Égypte": "EG", "Egypte": "EG", "Éthiopie": "ET", "Érythrée": "ER", "Soudan": "SD", "Soudan du Sud": "SS",
		"Nigéria": "NG", "Nigeria": "NG", "Niger": "NE", "Burkina Faso": "BF", "Cap-Vert": "CV", "Cabo Verde": "CV",
		"Sao Tomé-et-Principe": "ST", "São Tomé & Príncipe": "ST", "Macédoine du Nord": "MK", "Bosnie-Herzégovine": "BA",
		"Kosovo": "XK", "Palestine": "PS", "Territoires palestiniens": "PS", "États-Unis": "US", "USA": "US",
		"Émirats arabes unis": "AE", "Arabie saoudite": "SA", "Iran": "IR", "Irak": "IQ", "Syrie": "SY",
		"Chine": "CN", "China": "CN", "Corée du Sud": "KR", "Moldavie": "MD", "Moldova": "MD",
		// names of no country, or of several: refused
		"Congo": "", "Corée": "", "Afrique": "", "XX": "", "UK": "", "ZR": "", "": "", "Mali Mali": "",
	}
	for in, want := range tests {
		got, ok := country(in)
		if want == "" {
			if ok {
				t.Errorf("country(%q) = %q, want it refused", in, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("country(%q) = %q, %v, want %q", in, got, ok, want)
			continue
		}
		f, err := Load("x.yaml", []byte(edit(t, "nationality: ML", "nationality: "+strconv.Quote(in))), today)
		if err != nil {
			t.Errorf("%q: %v", in, err)
		} else if f.Applicant.Nationality != want {
			t.Errorf("%q loaded as %q, want %q", in, f.Applicant.Nationality, want)
		}
	}
}

// A name of no country gets the nearest names as a hint, in the run's
// language.
func TestCountryHints(t *testing.T) {
	tests := []struct{ typed, fr, en string }{
		{"Géorgi", "vouliez-vous dire Géorgie (GE) ?", "did you mean Georgia (GE)?"},
		{"Senegall", "vouliez-vous dire Sénégal (SN) ?", "did you mean Senegal (SN)?"},
		{"Cote d'Ivoir", "vouliez-vous dire Côte d’Ivoire (CI) ?", "did you mean Côte d’Ivoire (CI)?"},
		{"Guinée-Bisau", "vouliez-vous dire Guinée-Bissau (GW) ?", "did you mean Guinea-Bissau (GW)?"},
		{"Bosnie-Herz", "vouliez-vous dire Bosnie-Herzégovine (BA) ?", "did you mean Bosnia & Herzegovina (BA)?"},
		{"Congo", "écrivez l’un d’eux : Congo-Kinshasa (CD) ou Congo-Brazzaville (CG)", "write one of them: Congo - Kinshasa (CD) or Congo - Brazzaville (CG)"},
		{"Nigeri", "vouliez-vous dire Niger (NE) ou Nigéria (NG) ?", "did you mean Niger (NE) or Nigeria (NG)?"},
		{"Tchétchénie", "", ""},
	}
	for _, tc := range tests {
		_, err := Load("x.yaml", []byte(edit(t, "nationality: ML", "nationality: "+strconv.Quote(tc.typed))), today)
		ps := problemsOf(t, err)
		if got := ps[0].Hint.In(msg.French); got != tc.fr {
			t.Errorf("%q: French hint %q, want %q", tc.typed, got, tc.fr)
		}
		if got := ps[0].Hint.In(msg.English); got != tc.en {
			t.Errorf("%q: English hint %q, want %q", tc.typed, got, tc.en)
		}
	}
}

// The web form lists every country by its French name, in the order of the
// alphabet, accents aside.
func TestCountries(t *testing.T) {
	cs := Countries()
	if len(cs) < 240 {
		t.Fatalf("%d countries", len(cs))
	}
	for i, c := range cs {
		if got, ok := country(c.Name); !ok || got != c.Code {
			t.Errorf("%s (%s) reads as %q", c.Name, c.Code, got)
		}
		if i > 0 && foldName(cs[i-1].Name) > foldName(c.Name) {
			t.Errorf("%s before %s", cs[i-1].Name, c.Name)
		}
	}
}

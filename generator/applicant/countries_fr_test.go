package applicant

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var writeCountries = flag.Bool("write-countries", false, "rewrite countries_fr.go from golang.org/x/text")

// TestFrenchCountryNames checks the table of French country names against
// golang.org/x/text's display names, for every two-letter code; with
// -write-countries it writes the table again (after an x/text upgrade).
func TestFrenchCountryNames(t *testing.T) {
	namer := display.French.Regions()
	var want strings.Builder
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			code := string([]byte{a, b})
			r, err := language.ParseRegion(code)
			name := ""
			if err == nil {
				name = namer.Name(r)
			}
			if name != "" {
				fmt.Fprintf(&want, "\t{%q, %q},\n", code, name)
			}
			if got := frenchName(code); got != name {
				t.Errorf("frenchName(%q) = %q, x/text says %q", code, got, name)
			}
		}
	}
	if *writeCountries {
		src, err := os.ReadFile("countries_fr.go")
		if err != nil {
			t.Fatal(err)
		}
		s := string(src)
		start := strings.Index(s, "{\n") + 2
		s = s[:start] + want.String() + "}\n"
		if err := os.WriteFile("countries_fr.go", []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

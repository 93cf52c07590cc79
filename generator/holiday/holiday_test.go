package holiday

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/templates"
)

func date(t testing.TB, s string) civil.Date {
	t.Helper()
	d, err := civil.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEmbeddedTableLoads(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
}

// The 11 days of Code du travail L. 3133-1, everywhere (2026 and 2027).
func TestNationalDays(t *testing.T) {
	tests := []struct {
		date, name string
	}{
		{"2026-01-01", "Jour de l’an"},
		{"2026-04-06", "Lundi de Pâques"},
		{"2026-05-01", "Fête du Travail"},
		{"2026-05-08", "Victoire 1945"},
		{"2026-05-14", "Ascension"},
		{"2026-05-25", "Lundi de Pentecôte"},
		{"2026-07-14", "Fête nationale"},
		{"2026-08-15", "Assomption"},
		{"2026-11-01", "Toussaint"},
		{"2026-11-11", "Armistice 1918"},
		{"2026-12-25", "Noël"},
		{"2027-01-01", "Jour de l’an"},
		{"2027-03-29", "Lundi de Pâques"},
		{"2027-05-06", "Ascension"},
		{"2027-05-17", "Lundi de Pentecôte"},
	}
	for _, tt := range tests {
		for _, pc := range []string{"75011", "93200", "67000", "97400", "97133", ""} {
			name, ok := Lookup(date(t, tt.date), pc)
			if !ok || name != tt.name {
				t.Errorf("Lookup(%s, %q) = %q, %v; want %q", tt.date, pc, name, ok, tt.name)
			}
		}
	}
	// exactly 11 in a year in Paris
	n := 0
	for d := date(t, "2026-01-01"); d.Year == 2026; d = d.AddDays(1) {
		if _, ok := Lookup(d, "75011"); ok {
			n++
		}
	}
	if n != 11 {
		t.Errorf("Paris has %d public holidays in 2026, want 11", n)
	}
}

func TestRegionalDays(t *testing.T) {
	tests := []struct {
		name     string
		date     string
		postcode string
		want     string // "" = not a holiday
	}{
		// Alsace-Moselle, L. 3134-13: Good Friday 2026 is 3 April, 2027 is 26 March.
		{"Good Friday in Bas-Rhin", "2026-04-03", "67000", "Vendredi saint"},
		{"Good Friday in Haut-Rhin", "2026-04-03", "68100", "Vendredi saint"},
		{"Good Friday in Moselle", "2026-04-03", "57000", "Vendredi saint"},
		{"Good Friday 2027 in Moselle", "2027-03-26", "57070", "Vendredi saint"},
		{"no Good Friday in Paris", "2026-04-03", "75011", ""},
		{"no Good Friday in Meurthe-et-Moselle", "2026-04-03", "54000", ""},
		{"Good Friday in Guadeloupe, by usage", "2026-04-03", "97110", "Vendredi saint"},
		{"no Good Friday in Saint-Martin", "2026-04-03", "97150", ""},
		{"26 December in Bas-Rhin", "2026-12-26", "67000", "Saint-Étienne (26 décembre)"},
		{"26 December in Haut-Rhin", "2026-12-26", "68000", "Saint-Étienne (26 décembre)"},
		{"26 December in Moselle", "2026-12-26", "57000", "Saint-Étienne (26 décembre)"},
		{"no 26 December in Paris", "2026-12-26", "75011", ""},
		{"no 26 December in Réunion", "2026-12-26", "97400", ""},
		// Abolition of slavery, L. 3422-2, décret 83-1003.
		{"Saint-Barthélemy 9 October", "2026-10-09", "97133", "Abolition de l’esclavage"},
		{"Saint-Barthélemy not 27 May", "2026-05-27", "97133", ""},
		{"Saint-Martin 28 May since 2018", "2026-05-28", "97150", "Abolition de l’esclavage"},
		{"Saint-Martin 28 May in 2018", "2018-05-28", "97150", "Abolition de l’esclavage"},
		{"Saint-Martin 27 May since 2018 too (the text of L. 3422-2)", "2018-05-27", "97150", "Abolition de l’esclavage"},
		{"Saint-Martin 27 May 2026", "2026-05-27", "97150", "Abolition de l’esclavage"},
		{"Saint-Martin not 26 May", "2026-05-26", "97150", ""},
		{"Saint-Martin not 29 May", "2026-05-29", "97150", ""},
		{"Saint-Martin 27 May before 2018", "2017-05-27", "97150", "Abolition de l’esclavage"},
		{"Saint-Martin not 28 May before 2018", "2017-05-28", "97150", ""},
		{"Guadeloupe 27 May", "2026-05-27", "97110", "Abolition de l’esclavage"},
		{"Guadeloupe not 28 May", "2026-05-28", "97110", ""},
		{"Guadeloupe not 9 October", "2026-10-09", "97100", ""},
		{"Martinique 22 May", "2026-05-22", "97200", "Abolition de l’esclavage"},
		{"Martinique not 27 May", "2026-05-27", "97200", ""},
		{"Guyane 10 June", "2026-06-10", "97300", "Abolition de l’esclavage"},
		{"Guyane not 22 May", "2026-05-22", "97300", ""},
		{"Réunion 20 December", "2026-12-20", "97400", "Abolition de l’esclavage"},
		{"Réunion not 10 June", "2026-06-10", "97400", ""},
		{"Mayotte 27 April", "2026-04-27", "97600", "Abolition de l’esclavage"},
		{"Mayotte not 20 December", "2026-12-20", "97600", ""},
		{"Paris not 20 December", "2026-12-20", "75011", ""},
		{"Paris not 27 April", "2026-04-27", "75011", ""},
		{"Paris not 22 May", "2026-05-22", "75011", ""},
		{"Saint-Pierre-et-Miquelon not 27 May", "2026-05-27", "97500", ""},
		{"empty postcode not 27 May", "2026-05-27", "", ""},
		{"short postcode 6 is not Alsace", "2026-04-03", "6", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, ok := Lookup(date(t, tt.date), tt.postcode)
			if ok != (tt.want != "") || name != tt.want {
				t.Errorf("Lookup(%s, %s) = %q, %v; want %q", tt.date, tt.postcode, name, ok, tt.want)
			}
		})
	}
}

// Days off by local usage in Guadeloupe and Martinique (SPEC §2): they are
// non-working but labelled as usage, never as legal holidays. 2026: Easter
// is 5 April, so Mardi gras is 17 February and Ash Wednesday 18 February.
func TestUsageDays(t *testing.T) {
	tests := []struct {
		name, date, postcode, want string
		usage                      bool
	}{
		{"Mardi gras in Guadeloupe", "2026-02-17", "97110", "Mardi gras", true},
		{"Ash Wednesday in Martinique", "2026-02-18", "97200", "Mercredi des Cendres", true},
		{"the day after Ash Wednesday is worked", "2026-02-19", "97200", "", false},
		{"the day before Mardi gras is worked", "2026-02-16", "97110", "", false},
		{"Good Friday in Martinique", "2026-04-03", "97200", "Vendredi saint", true},
		{"2 November in Guadeloupe", "2026-11-02", "97100", "Jour des défunts", true},
		{"1 November stays a legal holiday", "2026-11-01", "97100", "Toussaint", false},
		{"3 November is worked", "2026-11-03", "97100", "", false},
		{"Good Friday in Moselle is legal", "2026-04-03", "57000", "Vendredi saint", false},
		{"no Mardi gras in Paris", "2026-02-17", "75011", "", false},
		{"no Mardi gras in Guyane", "2026-02-17", "97300", "", false},
		{"no Mardi gras in Saint-Barthélemy", "2026-02-17", "97133", "", false},
		{"Mardi gras 2027 in Guadeloupe", "2027-02-09", "97110", "Mardi gras", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, usage := Default().Observance(date(t, tt.date), tt.postcode)
			if name != tt.want || usage != tt.usage {
				t.Errorf("Observance(%s, %s) = %q, %v; want %q, %v", tt.date, tt.postcode, name, usage, tt.want, tt.usage)
			}
			if tt.want != "" && Default().IsWorkingDay(date(t, tt.date), tt.postcode) {
				t.Errorf("%s is a working day in %s", tt.date, tt.postcode)
			}
		})
	}
}

func TestMayotteNote(t *testing.T) {
	if n := Default().Note("97600"); !strings.Contains(n, "à vérifier") {
		t.Errorf("Mayotte note %q", n)
	}
	if n := Default().Note("97400"); n != "" {
		t.Errorf("Réunion note %q", n)
	}
	if n := Default().Note(""); n != "" {
		t.Errorf("empty postcode note %q", n)
	}
}

func TestIsWorkingDay(t *testing.T) {
	tests := []struct {
		name     string
		date     string
		postcode string
		want     bool
	}{
		{"Friday", "2026-11-20", "75011", true},
		{"Saturday", "2026-11-21", "75011", false},
		{"Sunday", "2026-11-22", "75011", false},
		{"Monday", "2026-11-23", "75011", true},
		{"national holiday on a Wednesday", "2026-11-11", "75011", false},
		{"Good Friday in Strasbourg", "2026-04-03", "67000", false},
		{"Good Friday in Paris", "2026-04-03", "75011", true},
		{"20 December 2027 (Monday) in Réunion", "2027-12-20", "97400", false},
		{"20 December 2027 (Monday) in Paris", "2027-12-20", "75011", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsWorkingDay(date(t, tt.date), tt.postcode); got != tt.want {
				t.Errorf("IsWorkingDay(%s, %s) = %v, want %v", tt.date, tt.postcode, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	national := "national:\n  source: L. 3133-1\n  days:\n    - {rule: christmas, name: Noël}\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", national + "regionl: []\n", "field regionl not found"},
		{"no national source", "national:\n  days:\n    - {rule: christmas, name: Noël}\n", "missing source"},
		{"no national days", "national:\n  source: x\n", "no days"},
		{"unknown rule", "national:\n  source: x\n  days:\n    - {rule: boxing, name: X}\n", `unknown rule "boxing"`},
		{"rule and date", "national:\n  source: x\n  days:\n    - {rule: christmas, month: 12, day: 25, name: X}\n", "not both"},
		{"impossible date", national + "regional:\n  - {postcodes: ['971'], month: 2, day: 30, name: X, source: y}\n", "not a day of the year"},
		{"no name", national + "regional:\n  - {postcodes: ['971'], month: 5, day: 27, source: y}\n", "missing name"},
		{"no source", national + "regional:\n  - {postcodes: ['971'], month: 5, day: 27, name: X}\n", "missing source"},
		{"no postcodes", national + "regional:\n  - {month: 5, day: 27, name: X, source: y}\n", "no postcodes"},
		{"bad prefix", national + "regional:\n  - {postcodes: ['97A'], month: 5, day: 27, name: X, source: y}\n", "not 1 to 5 digits"},
		{"since after until", national + "regional:\n  - {postcodes: ['971'], month: 5, day: 27, since: 2019, until: 2018, name: X, source: y}\n", "after until"},
		{"not yaml", "national: [", "holidays table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// The longest matching prefix decides the region, whatever the table order.
func TestLongestPrefixWins(t *testing.T) {
	tab, err := Parse([]byte(`national:
  source: x
  days:
    - {rule: christmas, name: Noël}
regional:
  - {postcodes: ["9"], month: 3, day: 3, name: Nine, source: y}
  - {postcodes: ["97133"], month: 1, day: 2, name: Long, source: y}
  - {postcodes: ["971"], month: 1, day: 3, name: Mid, source: y}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		date, pc, want string
	}{
		{"2026-01-02", "97133", "Long"},
		{"2026-01-03", "97133", ""},
		{"2026-03-03", "97133", ""},
		{"2026-01-03", "97110", "Mid"},
		{"2026-03-03", "97110", ""},
		{"2026-03-03", "93200", "Nine"},
		{"2026-12-25", "97133", "Noël"},
	} {
		if got, _ := tab.Lookup(date(t, c.date), c.pc); got != c.want {
			t.Errorf("Lookup(%s, %s) = %q, want %q", c.date, c.pc, got, c.want)
		}
	}
}

func TestFallbackHasNationalDays(t *testing.T) {
	f := fallback()
	if _, ok := f.Lookup(civil.New(2026, time.December, 25), "67000"); !ok {
		t.Error("fallback table lacks Christmas")
	}
	if _, ok := f.Lookup(civil.New(2026, time.December, 26), "67000"); ok {
		t.Error("fallback table has regional days")
	}
}

func TestConcurrentLookups(t *testing.T) {
	tab, err := Parse(mustEmbedded(t))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := civil.New(2026+i%3, time.January, 1)
			for range 400 {
				tab.IsWorkingDay(d, "97150")
				d = d.AddDays(1)
			}
		}()
	}
	wg.Wait()
	if name, _ := tab.Lookup(civil.New(2027, time.May, 28), "97150"); name != "Abolition de l’esclavage" {
		t.Errorf("after concurrent use, 28 May 2027 in 97150 = %q", name)
	}
}

func BenchmarkIsWorkingDay(b *testing.B) {
	start := civil.New(2026, time.November, 1)
	postcodes := []string{"75011", "67000", "97133", "97400"}
	for i := 0; b.Loop(); i++ {
		IsWorkingDay(start.AddDays(i%400), postcodes[i%len(postcodes)])
	}
}

func mustEmbedded(t testing.TB) []byte {
	t.Helper()
	data, err := templates.FS.ReadFile(TablePath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Package holiday tells whether a day is a public holiday (jour férié) where
// the applicant lives, so that the plan can flag deadlines that fall on a
// non-working day and find the last day to post a letter (SPEC §2).
//
// The 11 national days of Code du travail L. 3133-1 are computed with
// github.com/rickar/cal/v2; the regional days (Alsace-Moselle, L. 3134-13;
// abolition of slavery overseas, L. 3422-2) are data in
// templates/data/holidays.yaml, chosen by the postcode's longest matching
// prefix. Results are cached per (year, region): the calendar asks about
// every day of several months for hundreds of applicants.
package holiday

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"
	"github.com/rickar/cal/v2/fr"
	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/templates"
)

// TablePath is the embedded data table, in templates.FS.
const TablePath = "data/holidays.yaml"

// rules are the calendar rules a table may name. The national ones are
// rickar/cal's package fr (Code du travail L. 3133-1); Good Friday and
// 26 December (Alsace-Moselle, L. 3134-13) come from its package aa.
var rules = map[string]*cal.Holiday{
	"new_year":      fr.NouvelAn,
	"easter_monday": fr.LundiDePâques,
	"labour_day":    fr.FêteDuTravail,
	"victory_day":   fr.FêteDeLaVictoire,
	"ascension":     fr.Ascension,
	"whit_monday":   fr.LundiDePentecôte,
	"bastille_day":  fr.FêteNationale,
	"assumption":    fr.Assomption,
	"all_saints":    fr.Toussaint,
	"armistice":     fr.Armistice1918,
	"christmas":     fr.Noël,
	"good_friday":   aa.GoodFriday,
	"st_stephen":    aa.ChristmasDay2,
	// days off by local usage in Guadeloupe and Martinique (not legal holidays)
	"shrove_tuesday": {Offset: -47, Func: cal.CalcEasterOffset},
	"ash_wednesday":  {Offset: -46, Func: cal.CalcEasterOffset},
}

// Day is one public holiday of a table, or a day off by local usage.
type Day struct {
	Name   string // French name, as printed ("Lundi de Pâques")
	Source string // the law that makes it a holiday, or the usage
	// Usage marks a day that is not a legal holiday but is not worked by
	// local usage or collective agreement (« jour chômé d'usage »): it
	// counts as non-working, and is labelled as such.
	Usage bool
	h     *cal.Holiday
}

// Table is a parsed holidays table.
type Table struct {
	national   []Day
	regions    map[string][]Day  // postcode prefix -> its regional days
	notes      map[string]string // postcode prefix -> what the table cannot compute there
	prefixLens []int             // distinct prefix lengths, longest first

	mu    sync.RWMutex
	cache map[yearRegion]*yearDays
}

type yearRegion struct {
	year   int
	region string // the matching prefix, "" for national days only
}

// yearDays holds the holidays of one year and region, by month and day.
type yearDays [13][32]observed

type observed struct {
	name  string
	usage bool
}

type fileTable struct {
	AsOf     string `yaml:"as_of"`
	National struct {
		Source string    `yaml:"source"`
		Days   []fileDay `yaml:"days"`
	} `yaml:"national"`
	Regional []fileDay `yaml:"regional"`
	Notes    []struct {
		Postcodes []string `yaml:"postcodes"`
		Note      string   `yaml:"note"`
	} `yaml:"notes"`
}

type fileDay struct {
	Postcodes []string `yaml:"postcodes"`
	Rule      string   `yaml:"rule"`
	Month     int      `yaml:"month"`
	Day       int      `yaml:"day"`
	Since     int      `yaml:"since"`
	Until     int      `yaml:"until"`
	Name      string   `yaml:"name"`
	Source    string   `yaml:"source"`
	Usage     bool     `yaml:"usage"`
}

// Parse reads a holidays table (the format of templates/data/holidays.yaml).
func Parse(data []byte) (*Table, error) {
	var ft fileTable
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&ft); err != nil {
		return nil, fmt.Errorf("holidays table: %w", err)
	}
	if ft.National.Source == "" {
		return nil, errors.New("holidays table: national: missing source")
	}
	if len(ft.National.Days) == 0 {
		return nil, errors.New("holidays table: national: no days")
	}
	t := &Table{regions: map[string][]Day{}, notes: map[string]string{}, cache: map[yearRegion]*yearDays{}}
	for i, fd := range ft.National.Days {
		if len(fd.Postcodes) > 0 || fd.Usage {
			return nil, fmt.Errorf("holidays table: national day %d: postcodes and usage belong to regional days", i+1)
		}
		if fd.Source == "" {
			fd.Source = ft.National.Source
		}
		d, err := fd.day()
		if err != nil {
			return nil, fmt.Errorf("holidays table: national day %d: %w", i+1, err)
		}
		t.national = append(t.national, d)
	}
	lens := map[int]bool{}
	for i, fd := range ft.Regional {
		d, err := fd.day()
		if err != nil {
			return nil, fmt.Errorf("holidays table: regional day %d: %w", i+1, err)
		}
		if len(fd.Postcodes) == 0 {
			return nil, fmt.Errorf("holidays table: regional day %d: no postcodes", i+1)
		}
		for _, p := range fd.Postcodes {
			if p == "" || len(p) > 5 || !allDigits(p) {
				return nil, fmt.Errorf("holidays table: regional day %d: postcode prefix %q is not 1 to 5 digits", i+1, p)
			}
			t.regions[p] = append(t.regions[p], d)
			lens[len(p)] = true
		}
	}
	for i, n := range ft.Notes {
		if n.Note == "" || len(n.Postcodes) == 0 {
			return nil, fmt.Errorf("holidays table: note %d: needs postcodes and a note", i+1)
		}
		for _, p := range n.Postcodes {
			if p == "" || len(p) > 5 || !allDigits(p) {
				return nil, fmt.Errorf("holidays table: note %d: postcode prefix %q is not 1 to 5 digits", i+1, p)
			}
			t.notes[p] = n.Note
		}
	}
	for n := 5; n >= 1; n-- {
		if lens[n] {
			t.prefixLens = append(t.prefixLens, n)
		}
	}
	return t, nil
}

func (fd fileDay) day() (Day, error) {
	if fd.Name == "" {
		return Day{}, errors.New("missing name")
	}
	if fd.Source == "" {
		return Day{}, errors.New("missing source")
	}
	if fd.Since != 0 && fd.Until != 0 && fd.Since > fd.Until {
		return Day{}, fmt.Errorf("since %d is after until %d", fd.Since, fd.Until)
	}
	var h *cal.Holiday
	switch {
	case fd.Rule != "" && (fd.Month != 0 || fd.Day != 0):
		return Day{}, errors.New("give either a rule or a month and day, not both")
	case fd.Rule != "":
		r, ok := rules[fd.Rule]
		if !ok {
			return Day{}, fmt.Errorf("unknown rule %q", fd.Rule)
		}
		h = r.Clone(&cal.Holiday{StartYear: fd.Since, EndYear: fd.Until})
	default:
		// A fixed date; 2024 is a leap year, so 29 February is allowed.
		if fd.Month < 1 || fd.Month > 12 || fd.Day < 1 || fd.Day > civil.DaysIn(2024, time.Month(fd.Month)) {
			return Day{}, fmt.Errorf("month %d, day %d is not a day of the year", fd.Month, fd.Day)
		}
		h = &cal.Holiday{Month: time.Month(fd.Month), Day: fd.Day, Func: cal.CalcDayOfMonth,
			StartYear: fd.Since, EndYear: fd.Until}
	}
	return Day{Name: fd.Name, Source: fd.Source, Usage: fd.Usage, h: h}, nil
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// region returns the longest prefix of postcode that the table knows, or "".
func (t *Table) region(postcode string) string {
	for _, n := range t.prefixLens {
		if len(postcode) >= n {
			if _, ok := t.regions[postcode[:n]]; ok {
				return postcode[:n]
			}
		}
	}
	return ""
}

// year returns the holidays of one year in one region, computed once.
func (t *Table) year(year int, region string) *yearDays {
	k := yearRegion{year, region}
	t.mu.RLock()
	yd := t.cache[k]
	t.mu.RUnlock()
	if yd != nil {
		return yd
	}
	yd = new(yearDays)
	add := func(days []Day, usage bool) {
		for _, d := range days {
			if d.Usage != usage {
				continue
			}
			at, _ := d.h.Calc(year)
			if at.IsZero() { // not observed that year (since/until)
				continue
			}
			_, m, day := at.Date()
			if yd[m][day].name == "" { // the first name wins when two days coincide
				yd[m][day] = observed{d.Name, d.Usage}
			}
		}
	}
	// legal holidays first: a usage day never hides one
	add(t.national, false)
	add(t.regions[region], false)
	add(t.regions[region], true)
	t.mu.Lock()
	if prev := t.cache[k]; prev != nil {
		yd = prev
	} else {
		t.cache[k] = yd
	}
	t.mu.Unlock()
	return yd
}

// Lookup reports whether d is a public holiday, or a day off by local
// usage, for the given postcode, and its French name.
func (t *Table) Lookup(d civil.Date, postcode string) (name string, ok bool) {
	name, _ = t.Observance(d, postcode)
	return name, name != ""
}

// Observance returns the French name of the holiday d falls on for the
// given postcode ("" when none), and whether it is a day off by local usage
// rather than a legal holiday.
func (t *Table) Observance(d civil.Date, postcode string) (name string, usage bool) {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return "", false
	}
	o := t.year(d.Year, t.region(postcode))[d.Month][d.Day]
	return o.name, o.usage
}

// Note returns what the table says it cannot compute for the postcode's
// region (Mayotte's religious days, which follow the lunar calendar), or "".
func (t *Table) Note(postcode string) string {
	for n := min(len(postcode), 5); n >= 1; n-- {
		if s, ok := t.notes[postcode[:n]]; ok {
			return s
		}
	}
	return ""
}

// IsWorkingDay reports whether d is a Monday to Friday that is not a public
// holiday for the given postcode.
func (t *Table) IsWorkingDay(d civil.Date, postcode string) bool {
	switch d.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	_, holiday := t.Lookup(d, postcode)
	return !holiday
}

var (
	loadOnce sync.Once
	embedded *Table
	loadErr  error
)

// Default returns the embedded table. When it cannot be read, it returns the
// national days of Code du travail L. 3133-1 alone, and Err says why.
func Default() *Table {
	loadOnce.Do(func() {
		data, err := templates.FS.ReadFile(TablePath)
		if err == nil {
			embedded, err = Parse(data)
		}
		if err != nil {
			loadErr = fmt.Errorf("reading %s: %w", TablePath, err)
			embedded = fallback()
		}
	})
	return embedded
}

// fallback is the national table of rickar/cal with its own names, used only
// when the embedded table is broken (Err then reports it).
func fallback() *Table {
	t := &Table{regions: map[string][]Day{}, notes: map[string]string{}, cache: map[yearRegion]*yearDays{}}
	for _, h := range fr.Holidays {
		t.national = append(t.national, Day{Name: h.Name, Source: "Code du travail, art. L. 3133-1", h: h})
	}
	return t
}

// Err returns the error met reading the embedded table, or nil.
func Err() error {
	Default()
	return loadErr
}

// Lookup reports whether d is a public holiday for the given postcode in the
// embedded table, and its French name ("Lundi de Pâques", "Vendredi saint",
// "Abolition de l'esclavage").
func Lookup(d civil.Date, postcode string) (name string, ok bool) {
	return Default().Lookup(d, postcode)
}

// IsWorkingDay reports whether d is a Monday to Friday that is not a public
// holiday for the given postcode, in the embedded table.
func IsWorkingDay(d civil.Date, postcode string) bool {
	return Default().IsWorkingDay(d, postcode)
}

package civil

import (
	"testing"
	"time"
)

func TestAddMonths(t *testing.T) {
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"31 January + 1 month, common year", "2025-01-31", 1, "2025-02-28"},
		{"31 January + 1 month, leap year", "2024-01-31", 1, "2024-02-29"},
		{"31 August + 1 month", "2026-08-31", 1, "2026-09-30"},
		{"29 February + 1 month", "2024-02-29", 1, "2024-03-29"},
		{"29 February + 12 months", "2024-02-29", 12, "2025-02-28"},
		{"+ 4 months across a year end", "2026-10-31", 4, "2027-02-28"},
		{"+ 3 months across a year end", "2026-11-30", 3, "2027-02-28"},
		{"+ 6 months plain", "2026-03-15", 6, "2026-09-15"},
		{"- 1 month", "2026-03-31", -1, "2026-02-28"},
		{"- 13 months", "2026-01-15", -13, "2024-12-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustParse(t, tt.from).AddMonths(tt.n)
			if got.String() != tt.want {
				t.Errorf("%s + %d months = %s, want %s", tt.from, tt.n, got, tt.want)
			}
		})
	}
}

func TestAddYearsLeapDay(t *testing.T) {
	if got := mustParse(t, "2024-02-29").AddYears(1).String(); got != "2025-02-28" {
		t.Errorf("29 February 2024 + 1 year = %s, want 2025-02-28", got)
	}
	if got := mustParse(t, "2024-02-29").AddYears(4).String(); got != "2028-02-29" {
		t.Errorf("29 February 2024 + 4 years = %s, want 2028-02-29", got)
	}
}

func TestAddDays(t *testing.T) {
	if got := mustParse(t, "2026-12-20").AddDays(15).String(); got != "2027-01-04" {
		t.Errorf("got %s", got)
	}
	if got := mustParse(t, "2028-02-20").AddDays(15).String(); got != "2028-03-06" {
		t.Errorf("got %s (2028 is a leap year)", got)
	}
}

func TestParse(t *testing.T) {
	good := map[string]string{
		"2026-11-22": "2026-11-22",
		"22/11/2026": "2026-11-22",
		"29/02/2024": "2024-02-29",
	}
	for in, want := range good {
		d, err := Parse(in)
		if err != nil || d.String() != want {
			t.Errorf("Parse(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"", "2026-2-3", "29/02/2025", "2026-13-01", "2026-00-10", "31/04/2026", "2026/11/22", "２０２６-11-22", "+026-11-22", "2026-1a-01"} {
		if d, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", in, d)
		}
	}
}

func TestDaysUntilAndCompare(t *testing.T) {
	a, b := mustParse(t, "2026-11-22"), mustParse(t, "2027-03-22")
	if n := a.DaysUntil(b); n != 120 {
		t.Errorf("DaysUntil = %d, want 120", n)
	}
	if !a.Before(b) || b.Before(a) || !b.After(a) || a.Compare(a) != 0 {
		t.Error("ordering is wrong")
	}
	if a.Weekday() != time.Sunday {
		t.Errorf("22 November 2026 is a Sunday, got %v", a.Weekday())
	}
}

func TestToday(t *testing.T) {
	// 23:30 UTC on 31 December is already 1 January in Paris.
	now := time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)
	if got := Today(now).String(); got != "2027-01-01" {
		t.Errorf("Today = %s, want 2027-01-01", got)
	}
}

func mustParse(t *testing.T, s string) Date {
	t.Helper()
	d, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDayFirst(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want string
	}{
		{New(2026, time.December, 2), "02/12/2026"},
		{New(1988, time.April, 12), "12/04/1988"},
		{New(900, time.January, 1), "01/01/0900"},
	} {
		if got := tt.d.DayFirst(); got != tt.want {
			t.Errorf("%v.DayFirst() = %q, want %q", tt.d, got, tt.want)
		}
		if back, err := Parse(tt.d.DayFirst()); err != nil || back != tt.d {
			t.Errorf("Parse(%q) = %v, %v", tt.d.DayFirst(), back, err)
		}
	}
}

func TestParseMonth(t *testing.T) {
	for in, want := range map[string]Date{
		"2019-03": New(2019, 3, 1), "03/2019": New(2019, 3, 1), "12/2024": New(2024, 12, 1), "2024-02": New(2024, 2, 1),
	} {
		got, err := ParseMonth(in)
		if err != nil || got != want {
			t.Errorf("ParseMonth(%q) = %v, %v, want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"2019-13", "00/2019", "3/2019", "2019-3", "2019-03-01", "03.2019", "", "ab/2019"} {
		if _, err := ParseMonth(in); err == nil {
			t.Errorf("ParseMonth(%q) accepted", in)
		}
	}
	for in, want := range map[Date]Date{
		New(2024, 2, 1): New(2024, 2, 29), New(2023, 2, 10): New(2023, 2, 28), New(2019, 3, 1): New(2019, 3, 31), New(2019, 4, 30): New(2019, 4, 30),
	} {
		if got := in.EndOfMonth(); got != want {
			t.Errorf("%v.EndOfMonth() = %v, want %v", in, got, want)
		}
	}
}

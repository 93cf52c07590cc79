// Package civil provides Date, a calendar day without time or zone, and the
// date arithmetic of the procedure (SPEC §2): "+ N months" lands on the same
// day number N months later, or on the last day of that month when it has no
// such day; "+ N days" counts calendar days.
package civil

import (
	"fmt"
	"strconv"
	"time"
	_ "time/tzdata" // Europe/Paris must resolve on machines without a zoneinfo database
)

// Date is a day of the Gregorian calendar. The zero Date means "absent".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// New returns the date y-m-d; it does not normalise out-of-range values.
func New(y int, m time.Month, d int) Date { return Date{y, m, d} }

// Of returns the calendar day of t in t's location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today returns the current date in Europe/Paris, the procedure's time zone.
func Today(now time.Time) Date {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil { // cannot happen with time/tzdata embedded by the binary
		return Of(now.UTC())
	}
	return Of(now.In(loc))
}

// Parse reads YYYY-MM-DD or DD/MM/YYYY and checks that the day exists.
func Parse(s string) (Date, error) {
	var y, m, d string
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = s[0:4], s[5:7], s[8:10]
	case len(s) == 10 && s[2] == '/' && s[5] == '/':
		d, m, y = s[0:2], s[3:5], s[6:10]
	default:
		return Date{}, fmt.Errorf("%q is not a date: expected YYYY-MM-DD or DD/MM/YYYY", s)
	}
	yi, e1 := digits(y)
	mi, e2 := digits(m)
	di, e3 := digits(d)
	if e1 != nil || e2 != nil || e3 != nil {
		return Date{}, fmt.Errorf("%q is not a date: expected YYYY-MM-DD or DD/MM/YYYY", s)
	}
	if yi < 1 || mi < 1 || mi > 12 || di < 1 || di > DaysIn(yi, time.Month(mi)) {
		return Date{}, fmt.Errorf("%q is not a day of the calendar", s)
	}
	return Date{yi, time.Month(mi), di}, nil
}

// ParseMonth reads a month alone, YYYY-MM or MM/YYYY (a date whose day is
// not known), and returns its first day.
func ParseMonth(s string) (Date, error) {
	var y, m string
	switch {
	case len(s) == 7 && s[4] == '-':
		y, m = s[0:4], s[5:7]
	case len(s) == 7 && s[2] == '/':
		m, y = s[0:2], s[3:7]
	default:
		return Date{}, fmt.Errorf("%q is not a month: expected YYYY-MM or MM/YYYY", s)
	}
	yi, e1 := digits(y)
	mi, e2 := digits(m)
	if e1 != nil || e2 != nil || yi < 1 || mi < 1 || mi > 12 {
		return Date{}, fmt.Errorf("%q is not a month: expected YYYY-MM or MM/YYYY", s)
	}
	return Date{yi, time.Month(mi), 1}, nil
}

// EndOfMonth returns the last day of d's month.
func (d Date) EndOfMonth() Date { return Date{d.Year, d.Month, DaysIn(d.Year, d.Month)} }

func digits(s string) (int, error) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

// DaysIn returns the number of days of month m in year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date (absent).
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d + n calendar days.
func (d Date) AddDays(n int) Date { return Of(d.Time().AddDate(0, 0, n)) }

// AddMonths returns d + n months: the same day number, or the last day of the
// target month when it is shorter (31 January + 1 month = 28 or 29 February).
func (d Date) AddMonths(n int) Date {
	total := int(d.Month) - 1 + n
	y := d.Year + floorDiv(total, 12)
	m := time.Month(total - floorDiv(total, 12)*12 + 1)
	day := min(d.Day, DaysIn(y, m))
	return Date{y, m, day}
}

// AddYears returns d + n years, with the month rule (29 February + 1 year = 28 February).
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.Time().Compare(e.Time()) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysUntil returns the number of calendar days from d to e (negative when e is before d).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// String returns d as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// DayFirst returns d as DD/MM/YYYY, as French readers write a date: in
// messages, spreadsheet cells and the web form's inputs.
func (d Date) DayFirst() string {
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// MarshalText writes YYYY-MM-DD, so a Date is a JSON string.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads either accepted form.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

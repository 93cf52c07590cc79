package plan

import "github.com/ofiipack/ofiipack/generator/civil"

// The run's date ("today": --date, the web form's date) lies between
// FirstToday and LastToday. The dates a plan computes reach about 20 years
// past it (a child's majority), and the .ics (RFC 5545) and the plan's
// JSON write a year in four digits: --date 9999-12-31 wrote years of five
// digits that no calendar reads. The window is far wider than any use of
// --date (packs of another day, tests).
var (
	FirstToday = civil.New(2000, 1, 1)
	LastToday  = civil.New(2199, 12, 31)
)

// TodayInRange reports whether d may be the run's date.
func TodayInRange(d civil.Date) bool {
	return !d.Before(FirstToday) && !d.After(LastToday)
}

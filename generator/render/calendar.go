package render

import (
	"strconv"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/holiday"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// calendar draws the deadline calendar (SPEC §3): the timeline table, the
// month grids from this month to the last deadline's, and a
// scan-to-calendar QR code for each upcoming deadline.
func (d *docData) calendar() {
	c, w := d.c, &d.w.Calendar
	d.begin(plan.DocCalendar, c.fill(w.Document, nil))
	org, contact := d.organisationLine()
	if org != "" {
		org += " — " + contact
	}
	d.title(c.fill(w.Title, nil)+" — "+d.person["Name"].(string), c.fill(w.Person, d.person), c.fill(w.Held, d.person), org)
	c.setInk(colInk)
	c.para(marginLeft, contentWidth, leadSmall+0.2, sizeSmall+0.5, alignLeft, plain(styleRegular, c.fill(w.Intro, nil)))
	if note := holiday.Default().Note(d.f.Applicant.Address.Postcode); note != "" {
		c.para(marginLeft, contentWidth, leadSmall+0.2, sizeSmall+0.5, alignLeft, plain(styleBold, french.Typo(note)))
	}
	c.y += 2
	d.timeline()
	d.monthGrids()
	d.eventCodes()
}

// upcoming reports whether a deadline is still to be met.
func upcoming(dl plan.Deadline) bool { return !dl.Done && !dl.Passed }

// toAct reports whether a date is still ahead and calls for an action by
// or on it (a deadline or an appointment): only those get a QR code.
func toAct(dl plan.Deadline) bool { return upcoming(dl) && dl.ToDo() }

// timeline draws the table of deadlines.
func (d *docData) timeline() {
	c, w := d.c, &d.w.Calendar.Timeline
	d.heading(c.fill(w.Heading, nil), 20)
	if len(d.p.Deadlines) == 0 {
		c.para(marginLeft, contentWidth, leadBody, sizeBody, alignLeft, plain(styleRegular, c.fill(w.None, nil)))
		c.y += 3
		return
	}
	cols := []column{
		{Title: w.Columns[0], Width: 22},
		{Title: w.Columns[1], Width: 25},
		{Title: w.Columns[2], Width: 66},
		{Title: w.Columns[3], Width: 22},
		{Title: w.Columns[4], Width: 17, Align: alignRight},
		{Title: w.Columns[5], Width: 18},
	}
	next := d.p.Next()
	var rows [][]cell
	for _, dl := range d.p.Deadlines {
		day := cell{Text: french.Weekday(dl.Date.Weekday())}
		if dl.NonWorkingDay {
			day.Sub = c.fill(w.NonWorking, nil)
			if dl.Holiday != "" {
				day.Sub = c.fill(w.Holiday, m{"Holiday": dl.Holiday})
			}
		}
		postBy := cell{}
		switch {
		case dl.PostBy != nil && upcoming(dl) && d.p.Today.After(*dl.PostBy):
			// the advised day is gone, the limit is not: send today (SPEC §2)
			postBy = cell{Text: c.fill(w.PostByPassed, nil), Style: styleBold, Ink: &colWarn}
		case dl.PostBy != nil:
			postBy = cell{Text: french.Short(*dl.PostBy), Style: styleBold, Sub: french.Weekday(dl.PostBy.Weekday())}
		}
		days := cell{Text: "—"}
		status := cell{Text: c.fill(w.Status.Upcoming, nil), Style: styleBold, Ink: &colAccent}
		switch {
		case dl.Done:
			status = cell{Text: c.fill(w.Status.Done, nil), Ink: &colMuted}
		case dl.Passed:
			status = cell{Text: c.fill(w.Status.Passed, nil), Style: styleBold, Ink: &colWarn}
		case dl.Date == d.p.Today:
			days = cell{Text: c.fill(w.Today, nil)}
		default:
			days = cell{Text: strconv.Itoa(d.p.Today.DaysUntil(dl.Date))}
		}
		what := cell{Text: french.Typo(plan.KindLabel(dl.Kind)+" : ") + french.Typo(dl.Title), Sub: french.Typo(dl.Detail)}
		row := []cell{{Text: french.Short(dl.Date), Style: styleBold}, day, what, postBy, days, status}
		if next != nil && dl.ID == next.ID && dl.Date == next.Date {
			for i := range row {
				row[i].Shade = &colAccentTint
			}
		}
		rows = append(rows, row)
	}
	c.table(cols, rows)
	c.y += 5
}

// monthGridHorizon bounds the month grids: a date further ahead (a child's
// 18th birthday years away) stays in the timeline, not in pages of grids.
const monthGridHorizon = 12

// monthSpan returns the first days of the months from today's month to
// the month of the last date within monthGridHorizon months (at least
// today's month).
func (d *docData) monthSpan() []civil.Date {
	first := civil.New(d.p.Today.Year, d.p.Today.Month, 1)
	last, horizon := first, first.AddMonths(monthGridHorizon-1)
	for _, dl := range d.p.Deadlines {
		if m := civil.New(dl.Date.Year, dl.Date.Month, 1); m.After(last) && !m.After(horizon) {
			last = m
		}
	}
	var months []civil.Date
	for m := first; !m.After(last); m = m.AddMonths(1) {
		months = append(months, m)
	}
	return months
}

// Month grid geometry.
const (
	gridCols   = 3
	gridGap    = 7.0
	gridWidth  = (contentWidth - (gridCols-1)*gridGap) / gridCols
	gridCell   = gridWidth / 7
	gridRowH   = 5.4
	gridTitleH = 6.0
	gridHeadH  = 4.6
	gridHeight = gridTitleH + gridHeadH + 6*gridRowH
)

// dayMarks are the marks of the month grids, one per kind of date (SPEC
// §3: a deadline is not drawn like a milestone or an expiry), in the order
// a day shows the first it has and the legend lists them.
const (
	markDeadline = iota
	markAppointment
	markExpiry
	markMilestone
	markPostBy
	numMarks
)

var kindMarks = map[string]int{plan.KindDeadline: markDeadline, plan.KindAppointment: markAppointment,
	plan.KindExpiry: markExpiry, plan.KindMilestone: markMilestone}

// monthGrids draws one grid per month: weekends and the applicant's public
// holidays shaded, each kind of date and the post-by dates marked in its
// own way, today circled; then the legend of the marks used.
func (d *docData) monthGrids() {
	c, w := d.c, &d.w.Calendar.Months
	months := d.monthSpan()
	d.heading(c.fill(w.Heading, nil), gridHeight+4)
	marks := map[civil.Date]int{}
	mark := func(day civil.Date, k int) {
		if old, ok := marks[day]; !ok || k < old {
			marks[day] = k
		}
	}
	for _, dl := range d.p.Deadlines {
		if k, ok := kindMarks[dl.Kind]; ok {
			mark(dl.Date, k)
		}
		if dl.PostBy != nil && upcoming(dl) {
			mark(*dl.PostBy, markPostBy)
		}
	}
	var used [numMarks]bool
	for i := 0; i < len(months); i += gridCols {
		c.need(gridHeight + 3)
		for j := 0; j < gridCols && i+j < len(months); j++ {
			d.monthGrid(marginLeft+float64(j)*(gridWidth+gridGap), c.y, months[i+j], marks, &used)
		}
		c.y += gridHeight + 4
	}
	d.legend(used)
	c.y += 4
}

func (d *docData) monthGrid(x, y float64, first civil.Date, marks map[civil.Date]int, used *[numMarks]bool) {
	c, w := d.c, &d.w.Calendar.Months
	postcode := d.f.Applicant.Address.Postcode
	title := french.Month(first.Month) + " " + strconv.Itoa(first.Year)
	c.setInk(colAccent)
	c.line(x, y, gridWidth, gridTitleH, styleBold, sizeBody, alignLeft, capitalize(title))
	c.setInk(colMuted)
	for i, wd := range w.Weekdays {
		c.line(x+float64(i)*gridCell, y+gridTitleH, gridCell, gridHeadH, styleBold, sizeTiny, alignCenter, wd)
	}
	top := y + gridTitleH + gridHeadH
	offset := (int(first.Weekday()) + 6) % 7 // Monday first
	n := civil.DaysIn(first.Year, first.Month)
	for day := 1; day <= n; day++ {
		date := civil.New(first.Year, first.Month, day)
		k := offset + day - 1
		cx, cy := x+float64(k%7)*gridCell, top+float64(k/7)*gridRowH
		_, isHoliday := holiday.Lookup(date, postcode)
		weekend := k%7 >= 5
		switch {
		case isHoliday:
			c.setFill(colHoliday)
			c.rect(cx+0.2, cy+0.2, gridCell-0.4, gridRowH-0.4, "F")
		case weekend:
			c.setFill(colShade)
			c.rect(cx+0.2, cy+0.2, gridCell-0.4, gridRowH-0.4, "F")
		}
		ink, style := colInk, styleRegular
		if mk, ok := marks[date]; ok {
			ink, style = d.dayMark(mk, cx, cy, gridCell, gridRowH)
			c.record(markNames[mk], cx, cy, gridCell, gridRowH)
			used[mk] = true
		}
		if date == d.p.Today {
			c.setDraw(colWarn)
			c.pdf.SetLineWidth(0.6)
			c.pdf.Circle(cx+gridCell/2, cy+gridRowH/2, gridRowH/2-0.1, "D")
			c.pdf.SetLineWidth(0.2)
			c.record("today", cx, cy, gridCell, gridRowH)
		}
		c.setInk(ink)
		c.line(cx, cy, gridCell, gridRowH, style, sizeSmall, alignCenter, strconv.Itoa(day))
	}
	c.setInk(colInk)
}

// markNames are the layout records of the marks, for the tests.
var markNames = [numMarks]string{"deadline_day", "appointment_day", "expiry_day", "milestone_day", "post_by_day"}

// dayMark draws mark mk in the cell at (x, y), w × h, and returns the ink
// and style of the day's number. Each differs in shape as well as colour,
// so that a black-and-white copy still tells them apart: a deadline is a
// dark box, an appointment a dark disc, an expiry a red bar beneath the
// number, a milestone a pale box, a post-by date a framed box.
func (d *docData) dayMark(mk int, x, y, w, h float64) (rgb, string) {
	c := d.c
	switch mk {
	case markDeadline:
		c.setFill(colAccent)
		c.rect(x+0.5, y+0.4, w-1, h-0.8, "F")
		return colWhite, styleBold
	case markAppointment:
		c.setFill(colAccent)
		c.pdf.Circle(x+w/2, y+h/2, h/2-0.2, "F")
		return colWhite, styleBold
	case markExpiry:
		c.setFill(colWarn)
		c.rect(x+1, y+h-1.3, w-2, 0.9, "F")
		return colWarn, styleBold
	case markMilestone:
		c.setFill(colAccentTint)
		c.rect(x+0.5, y+0.4, w-1, h-0.8, "F")
		c.setDraw(colRule)
		c.rect(x+0.5, y+0.4, w-1, h-0.8, "D")
		return colAccent, styleRegular
	}
	c.setDraw(colAccent)
	c.pdf.SetLineWidth(0.5)
	c.rect(x+0.6, y+0.5, w-1.2, h-1, "D")
	c.pdf.SetLineWidth(0.2)
	return colAccent, styleBold
}

// legend explains the marks of the month grids: the shading, the marks
// used, today.
func (d *docData) legend(used [numMarks]bool) {
	c, l := d.c, &d.w.Calendar.Months.Legend
	const sw, sh = 5.0, 4.0
	x := marginLeft
	c.need(12) // two lines at most
	y := c.y
	item := func(draw func(x, y float64), label string) {
		label = c.fill(label, nil)
		if x+sw+1.5+c.width(styleRegular, sizeSmall, label) > marginLeft+contentWidth {
			x, y = marginLeft, y+5.5 // the legend wraps
			c.y += 5.5
		}
		draw(x, y)
		c.setInk(colInk)
		c.line(x+sw+1.5, y, 60, sh, styleRegular, sizeSmall, alignLeft, label)
		x += sw + 1.5 + c.width(styleRegular, sizeSmall, label) + 6
	}
	item(func(x, y float64) { c.setFill(colShade); c.rect(x, y, sw, sh, "F") }, l.Weekend)
	item(func(x, y float64) { c.setFill(colHoliday); c.rect(x, y, sw, sh, "F") }, l.Holiday)
	labels := [numMarks]string{l.Deadline, l.Appointment, l.Expiry, l.Milestone, l.PostBy}
	for mk := range numMarks {
		if used[mk] {
			item(func(x, y float64) { d.dayMark(mk, x-0.5, y-0.4, sw+1, sh+0.8) }, labels[mk])
		}
	}
	item(func(x, y float64) {
		c.setDraw(colWarn)
		c.pdf.SetLineWidth(0.6)
		c.pdf.Circle(x+sw/2, y+2, 2, "D")
		c.pdf.SetLineWidth(0.2)
	}, l.Today)
	c.y += 6
}

// eventCodes draws a QR code per upcoming deadline: one all-day event
// (ical.EventPayload) that a phone's scanner adds to its calendar.
func (d *docData) eventCodes() {
	c, w := d.c, &d.w.Calendar.QR
	var list []plan.Deadline
	for _, dl := range d.p.Deadlines {
		if toAct(dl) {
			list = append(list, dl)
		}
	}
	if len(list) == 0 {
		return
	}
	const perRow, captionH = 4, 12.0
	gap := (contentWidth - perRow*qrEventSize) / (perRow - 1)
	d.heading(c.fill(w.Heading, nil), qrEventSize+captionH+leadSmall+2)
	c.setInk(colMuted)
	c.para(marginLeft, contentWidth, leadSmall, sizeSmall, alignLeft, plain(styleRegular, c.fill(w.Intro, nil)))
	c.setInk(colInk)
	c.y += 2
	for i := 0; i < len(list); i += perRow {
		c.need(qrEventSize + captionH)
		for j := 0; j < perRow && i+j < len(list); j++ {
			dl := list[i+j]
			x := marginLeft + float64(j)*(qrEventSize+gap)
			c.qr(x, c.y, qrEventSize, ical.EventPayload(d.f, dl), false)
			c.setInk(colInk)
			c.paraAt(x, c.y+qrEventSize+0.5, qrEventSize, leadTiny, sizeTiny+0.5, alignCenter,
				plain(styleRegular, c.fill(w.Caption, m{"Date": french.Short(dl.Date), "Title": dl.Title})))
		}
		c.y += qrEventSize + captionH
	}
}

// capitalize upper-cases the first letter ("novembre 2026" → "Novembre 2026").
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

package render

import (
	"cmp"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// CaseloadEntry is one applicant of an association's caseload: the name to
// print, the input file it comes from, and its plan's deadlines and warnings.
type CaseloadEntry struct {
	Name, Source string
	Deadlines    []plan.Deadline
	Warnings     []plan.Warning
	NextStep     *plan.NextStep // the plan's next step; the board opens with the late ones
	Phone        string         // the applicant's phone, printed beside the name: the association calls
}

// who is the line under an applicant's name on the board: the input file
// and, when known, the phone number.
func (e *CaseloadEntry) who() string {
	if p := strings.TrimSpace(e.Phone); p != "" {
		return e.Source + " · " + french.Typo(p)
	}
	return e.Source
}

// Caseload is every applicant an association follows, at a date.
type Caseload struct {
	Today        civil.Date
	Organisation *applicant.Organisation
	Entries      []CaseloadEntry
}

// compressBoardPages is whether the caseload board holds its pages done
// compressed; the tests compare the bytes with and without.
var compressBoardPages = true

// docCaseload is the ID of the caseload board in the layout record.
const docCaseload = "caseload"

// WriteCaseload writes the association's weekly board as a PDF: first what
// must be posted within 7 days (by post-by date), then every upcoming
// deadline (neither done nor before c.Today) of every applicant, sorted by
// date, grouped by ISO week ("Semaine du lundi 23 novembre 2026"), with
// post-by dates; then the warnings of each file.
func WriteCaseload(w io.Writer, c Caseload) error {
	_, err := caseload(w, c)
	return err
}

// caseloadRow is one deadline of the board: pointers, not a copy of the
// deadline, for a board of thousands of rows.
type caseloadRow struct {
	entry *CaseloadEntry
	d     *plan.Deadline
}

// upcoming lists the rows of the board in date order.
func (cl Caseload) upcoming() []caseloadRow {
	var rows []caseloadRow
	for i := range cl.Entries {
		e := &cl.Entries[i]
		for j := range e.Deadlines {
			d := &e.Deadlines[j]
			if d.Done || d.Date.Before(cl.Today) {
				continue
			}
			rows = append(rows, caseloadRow{e, d})
		}
	}
	slices.SortStableFunc(rows, func(a, b caseloadRow) int {
		return cmp.Or(a.d.Date.Compare(b.d.Date), cmp.Compare(a.entry.Name, b.entry.Name),
			cmp.Compare(a.entry.Source, b.entry.Source), cmp.Compare(a.d.ID, b.d.ID))
	})
	return rows
}

// postSoonDays is the span of the board's first table: what must be posted
// within a week from today, the rhythm of an association's weekly meeting.
const postSoonDays = 7

// toPostSoon returns the rows whose post-by date falls before today +
// postSoonDays (already past ones included: the deadline itself is still
// ahead, so the mail must go at once), by post-by date.
func (cl Caseload) toPostSoon(rows []caseloadRow) []caseloadRow {
	limit := cl.Today.AddDays(postSoonDays)
	var soon []caseloadRow
	for _, r := range rows {
		if r.d.PostBy != nil && r.d.PostBy.Before(limit) {
			soon = append(soon, r)
		}
	}
	slices.SortStableFunc(soon, func(a, b caseloadRow) int { return a.d.PostBy.Compare(*b.d.PostBy) })
	return soon
}

// caseloadColumns gives the board's six column titles their widths: date,
// weekday, person, deadline, second date, days.
func caseloadColumns(titles []string) []column {
	widths := [6]float64{22, 18, 38, 56, 22, 14}
	cols := make([]column, len(widths))
	for i, w := range widths {
		cols[i] = column{Title: titles[i], Width: w}
	}
	cols[5].Align = alignRight
	return cols
}

// boardTable draws one of the board's opening tables: its heading, the note
// that says what it holds, and the rows.
// Its n rows are made one at a time by row (see tableRows).
func (d *docData) boardTable(heading, note string, cols []column, n int, row func(i int) []cell) {
	c := d.c
	d.heading(heading, c.paraHeight(contentWidth, leadSmall, sizeSmall, []span{plain(styleRegular, note)})+1.5+c.tableStartRow(cols, row(0)))
	c.setInk(colMuted)
	c.para(marginLeft, contentWidth, leadSmall, sizeSmall, alignLeft, plain(styleRegular, note))
	c.setInk(colInk)
	c.y += 1.5
	c.tableRows(cols, n, row)
	c.y += 3
}

// monday returns the Monday of d's ISO week.
func monday(d civil.Date) civil.Date {
	wd := (int(d.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-wd)
}

func caseload(w io.Writer, cl Caseload) (*layout, error) {
	if cl.Today.IsZero() {
		return nil, errors.New("render: caseload without a date")
	}
	words, err := loadWording()
	if err != nil {
		return nil, err
	}
	cw := words.Calendar.Caseload
	c, err := newCanvas(cl.Today, "")
	if err != nil {
		return nil, err
	}
	// A board of thousands of applicants is thousands of pages: the pages
	// done are held compressed (the footers come back to them at the end).
	c.pdf.SetCompressLeftPages(compressBoardPages)
	orgName := ""
	if cl.Organisation != nil {
		orgName = strings.TrimSpace(cl.Organisation.Name)
	}
	title := c.fill(cw.Title, nil)
	c.pdf.SetTitle(strings.TrimSpace(title+" "+orgName), true)
	footer := c.fill(cw.Document, nil)
	if orgName != "" {
		footer += " — " + orgName
	}
	d := &docData{c: c, w: words}
	c.startDoc(docCaseload, c.fill(cw.Document, nil), footer)
	c.continued = func() {
		c.setInk(colMuted)
		c.line(marginLeft, c.y, contentWidth, leadSmall, styleRegular, sizeSmall, alignLeft, footer)
		c.setInk(colInk)
		c.y += leadSmall + 3
	}
	subtitle := c.fill(cw.SubtitleNoOrg, m{"Today": french.LongDate(cl.Today)})
	if orgName != "" {
		subtitle = c.fill(cw.Subtitle, m{"Organisation": orgName, "Today": french.LongDate(cl.Today)})
	}
	rows := cl.upcoming()
	// the count is of every file on the board, not only those with a date ahead
	count := c.fill(cw.Count, m{"Deadlines": len(rows), "People": len(cl.Entries)})
	d.title(title, subtitle, count)

	if len(rows) == 0 {
		c.para(marginLeft, contentWidth, leadBody, sizeBody, alignLeft, plain(styleRegular, c.fill(cw.None, nil)))
	}
	// First what is late (SPEC §2, next step: a passed deadline that still
	// matters), by date: the certificate and replies to OFII to send today.
	var late []caseloadRow
	for i := range cl.Entries {
		e := &cl.Entries[i]
		if n := e.NextStep; n != nil && n.Late {
			for j := range e.Deadlines {
				if dl := &e.Deadlines[j]; dl.ID == n.ID && dl.Date == n.Date {
					late = append(late, caseloadRow{e, dl})
				}
			}
		}
	}
	slices.SortStableFunc(late, func(a, b caseloadRow) int {
		return cmp.Or(a.d.Date.Compare(b.d.Date), cmp.Compare(a.entry.Name, b.entry.Name))
	})
	if len(late) > 0 {
		var buf []cell
		lateRow := func(i int) []cell {
			r := late[i]
			buf = append(buf[:0],
				cell{Text: french.Short(r.d.Date), Style: styleBold, Ink: &colWarn},
				cell{Text: french.Weekday(r.d.Date.Weekday())},
				cell{Text: r.entry.Name, Style: styleBold, Sub: r.entry.who()},
				cell{Text: french.Typo(r.d.Title), Sub: french.Typo(r.entry.NextStep.Now)},
				cell{Text: c.fill(cw.LateStatus, nil), Style: styleBold, Ink: &colWarn},
				cell{Text: strconv.Itoa(-r.d.DaysLeft)},
			)
			return buf
		}
		d.boardTable(c.fill(cw.LateHeading, nil), c.fill(cw.LateNote, nil), caseloadColumns(cw.LateColumns), len(late), lateRow)
	}
	if soon := cl.toPostSoon(rows); len(soon) > 0 {
		var buf []cell
		soonRow := func(i int) []cell {
			r := soon[i]
			buf = append(buf[:0],
				cell{Text: french.Short(*r.d.PostBy), Style: styleBold},
				cell{Text: french.Weekday(r.d.PostBy.Weekday())},
				cell{Text: r.entry.Name, Style: styleBold, Sub: r.entry.who()},
				cell{Text: r.d.Title},
				cell{Text: french.Short(r.d.Date)},
				cell{Text: strconv.Itoa(cl.Today.DaysUntil(*r.d.PostBy))},
			)
			return buf
		}
		until := cl.Today.AddDays(postSoonDays - 1)
		d.boardTable(c.fill(cw.PostSoonHeading, m{"Until": french.Date(until)}), c.fill(cw.PostSoonNote, nil),
			caseloadColumns(cw.PostSoonColumns), len(soon), soonRow)
	}

	cols := caseloadColumns(cw.Columns)
	for start := 0; start < len(rows); {
		weekOf := monday(rows[start].d.Date)
		end := start
		for end < len(rows) && monday(rows[end].d.Date) == weekOf {
			end++
		}
		week := rows[start:end]
		var buf []cell
		weekRow := func(i int) []cell {
			r := week[i]
			postBy := ""
			if r.d.PostBy != nil {
				postBy = french.Short(*r.d.PostBy)
			}
			buf = append(buf[:0],
				cell{Text: french.Short(r.d.Date), Style: styleBold},
				cell{Text: french.Weekday(r.d.Date.Weekday())},
				cell{Text: r.entry.Name, Style: styleBold, Sub: r.entry.who()},
				cell{Text: r.d.Title},
				cell{Text: postBy, Style: styleBold},
				cell{Text: strconv.Itoa(cl.Today.DaysUntil(r.d.Date))},
			)
			return buf
		}
		d.heading(c.fill(cw.Week, m{"Monday": french.LongDate(weekOf)}), c.tableStartRow(cols, weekRow(0)))
		c.tableRows(cols, len(week), weekRow)
		c.y += 3
		start = end
	}

	// Warnings, file by file, in the order of the entries.
	var withWarnings []*CaseloadEntry
	for i := range cl.Entries {
		if len(cl.Entries[i].Warnings) > 0 {
			withWarnings = append(withWarnings, &cl.Entries[i])
		}
	}
	if len(withWarnings) > 0 {
		d.heading(c.fill(cw.WarningsHeading, nil), 12)
		for _, e := range withWarnings {
			c.need(3*leadBody + 1) // the name stays with its first warning
			c.y += 1
			c.para(marginLeft, contentWidth, leadBody, sizeBody, alignLeft, plain(styleBold, e.Name), plain(styleRegular, " "), span{styleRegular, e.who()})
			for _, wn := range e.Warnings {
				text := wn.Short // the board is the association's: third person
				if text == "" {
					text = wn.Message
				}
				c.setInk(colWarn)
				d.bullet(marginLeft+2, plain(styleRegular, french.Typo(text)))
				c.setInk(colInk)
			}
		}
	}
	c.finish(func(n, total int) string {
		return c.fill(words.Checklist.Common.Page, m{"Page": n, "Pages": total})
	})
	if err := c.output(w); err != nil {
		return nil, err
	}
	return c.rec, nil
}

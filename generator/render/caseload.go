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
	// Count and Load, when Load is set, stand for Entries: the board asks
	// for the entries it draws one at a time (entry i, 0 <= i < Count, may
	// be asked several times), so that the entries need not be held in
	// memory in this form.
	Count int
	Load  func(i int) CaseloadEntry
	// Failed are the entries for which no pack was made, in input order
	// (the first ones: FailedCount says how many failed in all). The board
	// lists them first (SPEC §4): a volunteer who reads only the board must
	// not lose them.
	Failed      []FailedEntry
	FailedCount int
}

// FailedEntry is an entry of the caseload that failed: where it is, the
// name read from it when one was, and its first problem (in French).
type FailedEntry struct {
	Source  string
	Row     int // 0 for an applicant file
	Name    string
	Problem string
	Hint    string
}

// failedWidths are the widths of the table of failed entries: file, row,
// person, first problem.
var failedWidths = [...]float64{40, 14, 38, 78}

// entrySource gives the board its entries, from Entries or Load, holding
// at most the last one loaded.
type entrySource struct {
	cl   *Caseload
	last int
	cur  CaseloadEntry
}

func newEntrySource(cl *Caseload) *entrySource { return &entrySource{cl: cl, last: -1} }

func (s *entrySource) len() int {
	if s.cl.Load != nil {
		return s.cl.Count
	}
	return len(s.cl.Entries)
}

// get returns entry i, valid until the next call.
func (s *entrySource) get(i int32) *CaseloadEntry {
	if s.cl.Load == nil {
		return &s.cl.Entries[i]
	}
	if int(i) != s.last {
		s.cur, s.last = s.cl.Load(int(i)), int(i)
	}
	return &s.cur
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

// caseloadRow is one deadline of the board: where it is among the entries
// and its dates, 16 bytes, for a board of hundreds of thousands of rows.
type caseloadRow struct {
	date, postBy int32 // packDate; postBy 0 when none
	entry, dl    int32 // the entry, and the deadline among its Deadlines
}

// packDate gives a date as an int32 in the same order.
func packDate(d civil.Date) int32 {
	return int32(d.Year)<<9 | int32(d.Month)<<5 | int32(d.Day)
}

// rowsOf is what the board needs of every entry, in one pass over them: its
// upcoming rows (neither done nor before today), its late next step (a row
// with dl -1: it may be no deadline of the entry, get_help_now after a
// lapsed appeal), and the entries with warnings, each in the order of the
// entries.
func (cl *Caseload) rowsOf(src *entrySource) (rows, late []caseloadRow, withWarnings []int32) {
	for i := range int32(src.len()) {
		e := src.get(i)
		n := e.NextStep
		for j := range e.Deadlines {
			d := &e.Deadlines[j]
			r := caseloadRow{date: packDate(d.Date), entry: i, dl: int32(j)}
			if d.PostBy != nil {
				r.postBy = packDate(*d.PostBy)
			}
			if d.Done || d.Date.Before(cl.Today) {
				continue
			}
			rows = append(rows, r)
		}
		if n != nil && n.Late && n.Date != nil {
			late = append(late, caseloadRow{date: packDate(*n.Date), entry: i, dl: -1})
		}
		if len(e.Warnings) > 0 {
			withWarnings = append(withWarnings, i)
		}
	}
	return rows, late, withWarnings
}

// sortRows sorts rows, given in the order of the entries, by date, then
// those of a same date by name (and, when full, by source and deadline ID),
// stably: the order a stable sort by those keys gives, loading only the
// entries of one date at a time.
func sortRows(src *entrySource, rows []caseloadRow, full bool) {
	slices.SortStableFunc(rows, func(a, b caseloadRow) int { return cmp.Compare(a.date, b.date) })
	type tie struct {
		name, source, id string
		r                caseloadRow
	}
	var ties []tie
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && rows[end].date == rows[start].date {
			end++
		}
		if end-start > 1 {
			ties = ties[:0]
			for _, r := range rows[start:end] {
				e := src.get(r.entry)
				id := "" // a late next step
				if r.dl >= 0 {
					id = e.Deadlines[r.dl].ID
				}
				ties = append(ties, tie{e.Name, e.Source, id, r})
			}
			slices.SortStableFunc(ties, func(a, b tie) int {
				if !full {
					return cmp.Compare(a.name, b.name)
				}
				return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.source, b.source), cmp.Compare(a.id, b.id))
			})
			for k := range ties {
				rows[start+k] = ties[k].r
			}
		}
		start = end
	}
}

// postSoonDays is the span of the board's first table: what must be posted
// within a week from today, the rhythm of an association's weekly meeting.
const postSoonDays = 7

// toPostSoon returns the rows whose post-by date falls before today +
// postSoonDays (already past ones included: the deadline itself is still
// ahead, so the mail must go at once), by post-by date.
func (cl Caseload) toPostSoon(rows []caseloadRow) []caseloadRow {
	limit := packDate(cl.Today.AddDays(postSoonDays))
	var soon []caseloadRow
	for _, r := range rows {
		if r.postBy != 0 && r.postBy < limit {
			soon = append(soon, r)
		}
	}
	slices.SortStableFunc(soon, func(a, b caseloadRow) int { return cmp.Compare(a.postBy, b.postBy) })
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

// caseload draws the board WriteCaseload writes and returns its layout
// record: title, failed entries, late steps, what to post this week, the
// weeks ahead, and each file's warnings.
func caseload(w io.Writer, cl Caseload) (*layout, error) {
	if cl.Today.IsZero() {
		return nil, errors.New("render: caseload without a date")
	}
	words, err := loadWording()
	if err != nil {
		return nil, err
	}
	c, err := newCanvas(cl.Today, "")
	if err != nil {
		return nil, err
	}
	d := &docData{c: c, w: words}
	src := newEntrySource(&cl)
	rows, late, withWarnings := cl.rowsOf(src)
	sortRows(src, rows, true)
	sortRows(src, late, false)
	d.boardTitle(cl, len(rows), src.len())
	// First the entries that failed: no pack was made for them; then every
	// late next step (SPEC §2, next step, rule 1).
	d.failedTable(cl.Failed, max(cl.FailedCount, len(cl.Failed)))
	if len(rows) == 0 {
		c.para(marginLeft, contentWidth, leadBody, sizeBody, alignLeft, plain(styleRegular, c.fill(words.Calendar.Caseload.None, nil)))
	}
	d.lateTable(src, late, cl.Today)
	d.postSoonTable(src, cl.toPostSoon(rows), cl.Today)
	d.weekTables(src, rows, cl.Today)
	d.boardWarnings(src, withWarnings)
	c.finish(func(n, total int) string {
		return c.fill(words.Common.Page, m{"Page": n, "Pages": total})
	})
	if err := c.output(w); err != nil {
		return nil, err
	}
	return c.rec, nil
}

// boardTitle opens the board: the PDF's title, the footer and the head of
// the following pages, then the title block with what the board holds.
func (d *docData) boardTitle(cl Caseload, deadlines, people int) {
	c, cw := d.c, &d.w.Calendar.Caseload
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
	// the count is of every file on the board, not only those with a date ahead
	count := c.fill(cw.Count, m{"Deadlines": deadlines, "People": people, "Failed": max(cl.FailedCount, len(cl.Failed))})
	d.title(title, subtitle, count)
}

// failedTable draws the entries for which no pack was made, n in all (more
// than those given: a line says how many more).
func (d *docData) failedTable(failed []FailedEntry, n int) {
	if len(failed) == 0 {
		return
	}
	c, cw := d.c, &d.w.Calendar.Caseload
	cols := make([]column, len(failedWidths))
	for i, w := range failedWidths {
		cols[i] = column{Title: cw.FailedColumns[i], Width: w}
	}
	var buf []cell
	failedRow := func(i int) []cell {
		e := &failed[i]
		row := ""
		if e.Row > 0 {
			row = strconv.Itoa(e.Row)
		}
		buf = append(buf[:0],
			cell{Text: e.Source},
			cell{Text: row},
			cell{Text: e.Name, Style: styleBold},
			cell{Text: french.Typo(e.Problem), Ink: &colWarn, Sub: french.Typo(e.Hint)},
		)
		return buf
	}
	d.boardTable(c.fill(cw.FailedHeading, m{"Count": n}), c.fill(cw.FailedNote, nil), cols, len(failed), failedRow)
	if more := n - len(failed); more > 0 {
		c.y -= 2
		c.para(marginLeft, contentWidth, leadSmall, sizeSmall, alignLeft, plain(styleRegular, c.fill(cw.FailedMore, m{"More": more})))
		c.y += 3
	}
}

// lateTable draws every late next step, by date: the certificate and
// replies to OFII to send today, the lapsed limits after which the person
// needs help today.
func (d *docData) lateTable(src *entrySource, late []caseloadRow, today civil.Date) {
	if len(late) == 0 {
		return
	}
	c, cw := d.c, &d.w.Calendar.Caseload
	var buf []cell
	lateRow := func(i int) []cell {
		e := src.get(late[i].entry)
		n := e.NextStep
		date := *n.Date
		buf = append(buf[:0],
			cell{Text: french.Short(date), Style: styleBold, Ink: &colWarn},
			cell{Text: french.Weekday(date.Weekday())},
			cell{Text: e.Name, Style: styleBold, Sub: e.who()},
			cell{Text: french.Typo(n.Title), Sub: french.Typo(n.Now)},
			cell{Text: c.fill(cw.LateStatus, nil), Style: styleBold, Ink: &colWarn},
			cell{Text: strconv.Itoa(date.DaysUntil(today))},
		)
		return buf
	}
	d.boardTable(c.fill(cw.LateHeading, nil), c.fill(cw.LateNote, nil), caseloadColumns(cw.LateColumns), len(late), lateRow)
}

// postSoonTable draws the deadlines whose mail must go within
// postSoonDays (see toPostSoon), by post-by date.
func (d *docData) postSoonTable(src *entrySource, soon []caseloadRow, today civil.Date) {
	if len(soon) == 0 {
		return
	}
	c, cw := d.c, &d.w.Calendar.Caseload
	var buf []cell
	soonRow := func(i int) []cell {
		e := src.get(soon[i].entry)
		dl := &e.Deadlines[soon[i].dl]
		buf = append(buf[:0],
			cell{Text: french.Short(*dl.PostBy), Style: styleBold},
			cell{Text: french.Weekday(dl.PostBy.Weekday())},
			cell{Text: e.Name, Style: styleBold, Sub: e.who()},
			cell{Text: dl.Title},
			cell{Text: french.Short(dl.Date)},
			cell{Text: strconv.Itoa(today.DaysUntil(*dl.PostBy))},
		)
		return buf
	}
	until := today.AddDays(postSoonDays - 1)
	d.boardTable(c.fill(cw.PostSoonHeading, m{"Until": french.Date(until)}), c.fill(cw.PostSoonNote, nil),
		caseloadColumns(cw.PostSoonColumns), len(soon), soonRow)
}

// weekTables draws every upcoming deadline, sorted by date, one table per
// ISO week under its heading (« Semaine du lundi 23 novembre 2026 »).
func (d *docData) weekTables(src *entrySource, rows []caseloadRow, today civil.Date) {
	c, cw := d.c, &d.w.Calendar.Caseload
	cols := caseloadColumns(cw.Columns)
	for start := 0; start < len(rows); {
		weekOf := monday(src.get(rows[start].entry).Deadlines[rows[start].dl].Date)
		// the rows of the week: dates from weekOf to weekOf+6
		until := packDate(weekOf.AddDays(7))
		end := start
		for end < len(rows) && rows[end].date < until {
			end++
		}
		week := rows[start:end]
		var buf []cell
		weekRow := func(i int) []cell {
			e := src.get(week[i].entry)
			dl := &e.Deadlines[week[i].dl]
			postBy := ""
			if dl.PostBy != nil {
				postBy = french.Short(*dl.PostBy)
			}
			buf = append(buf[:0],
				cell{Text: french.Short(dl.Date), Style: styleBold},
				cell{Text: french.Weekday(dl.Date.Weekday())},
				cell{Text: e.Name, Style: styleBold, Sub: e.who()},
				cell{Text: dl.Title},
				cell{Text: postBy, Style: styleBold},
				cell{Text: strconv.Itoa(today.DaysUntil(dl.Date))},
			)
			return buf
		}
		d.heading(c.fill(cw.Week, m{"Monday": french.LongDate(weekOf)}), c.tableStartRow(cols, weekRow(0)))
		c.tableRows(cols, len(week), weekRow)
		c.y += 3
		start = end
	}
}

// boardWarnings draws the warnings file by file, in the order of the
// entries, in the third person: the board is the association's.
func (d *docData) boardWarnings(src *entrySource, withWarnings []int32) {
	if len(withWarnings) == 0 {
		return
	}
	c := d.c
	d.heading(c.fill(d.w.Calendar.Caseload.WarningsHeading, nil), 12)
	for _, i := range withWarnings {
		e := src.get(i)
		c.need(3*leadBody + 1) // the name stays with its first warning
		c.y += 1
		c.para(marginLeft, contentWidth, leadBody, sizeBody, alignLeft, plain(styleBold, e.Name), plain(styleRegular, " "), span{styleRegular, e.who()})
		for _, wn := range e.Warnings {
			text := wn.Short
			if text == "" {
				text = wn.Message
			}
			c.setInk(colWarn)
			d.bullet(marginLeft+2, plain(styleRegular, french.Typo(text)))
			c.setInk(colInk)
		}
	}
}

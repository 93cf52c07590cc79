package batch

import (
	"iter"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/render"
)

// kept is what caseload.pdf and caseload.ics print of a pack written, and
// nothing more: the batch holds one per pack, in input order, until it
// writes the two files at its end.
type kept struct {
	place Place
	// The names and the phone are copies: the applicant's strings may
	// share their memory with the whole spreadsheet row they were read
	// from.
	family, given, phone string
	birth                civil.Date // with the names, the calendar's UIDs
	deadlines            []keptDeadline
	warnings             []string // as the board words them (third person)
	// late is the plan's next step when it is late and dated, the only
	// next step the board prints; nil otherwise.
	late *plan.NextStep
}

// keptDeadline is a plan.Deadline without what neither file prints (its
// detail, holiday and start, its days left).
type keptDeadline struct {
	text                        *deadlineText
	date                        civil.Date
	postBy                      *civil.Date
	nonWorkingDay, passed, done bool
}

// deadlineText is what a deadline says; the caseload holds each text once,
// whatever the number of applicants whose deadline says it.
type deadlineText struct{ id, kind, title, source string }

// keep returns what the caseload files print of f and its plan, found at
// place.
func keep(f *applicant.File, p *plan.Plan, place Place) *kept {
	a := f.Applicant
	k := &kept{place: place, family: strings.Clone(a.FamilyName), given: strings.Clone(a.GivenNames),
		phone: strings.Clone(a.Phone), birth: a.BirthDate}
	if n := p.NextStep; n != nil && n.Late && n.Date != nil {
		k.late = n
	}
	if len(p.Deadlines) > 0 {
		k.deadlines = make([]keptDeadline, len(p.Deadlines))
		for i, d := range p.Deadlines {
			k.deadlines[i] = keptDeadline{text: &deadlineText{d.ID, d.Kind, d.Title, d.Source}, date: d.Date,
				postBy: d.PostBy, nonWorkingDay: d.NonWorkingDay, passed: d.Passed, done: d.Done}
		}
	}
	if len(p.Warnings) > 0 {
		k.warnings = make([]string, len(p.Warnings))
		for i, w := range p.Warnings {
			k.warnings[i] = w.Short
			if w.Short == "" {
				k.warnings[i] = w.Message
			}
		}
	}
	return k
}

// file is the applicant file as the caseload files read it: the names, the
// birth date and the phone.
func (k *kept) file() *applicant.File {
	return &applicant.File{Applicant: applicant.Applicant{FamilyName: k.family, GivenNames: k.given,
		BirthDate: k.birth, Phone: k.phone}}
}

// plan is the plan as the caseload files read it.
func (k *kept) plan() *plan.Plan {
	p := &plan.Plan{Deadlines: make([]plan.Deadline, len(k.deadlines)), NextStep: k.late}
	for i, d := range k.deadlines {
		p.Deadlines[i] = plan.Deadline{ID: d.text.id, Kind: d.text.kind, Title: d.text.title, Source: d.text.source,
			Date: d.date, PostBy: d.postBy, NonWorkingDay: d.nonWorkingDay, Passed: d.passed, Done: d.done}
	}
	return p
}

// boardEntry is the applicant's line of caseload.pdf.
func (k *kept) boardEntry() render.CaseloadEntry {
	e := render.CaseloadEntry{Name: ical.Name(k.file()), Source: k.place.Text().In(msg.French), // the board is French
		Deadlines: k.plan().Deadlines, NextStep: k.late, Phone: k.phone}
	if len(k.warnings) > 0 {
		e.Warnings = make([]plan.Warning, len(k.warnings))
		for i, w := range k.warnings {
			e.Warnings[i] = plan.Warning{Short: w}
		}
	}
	return e
}

// caseload is what the caseload files print of every pack written, in
// input order.
type caseload struct {
	entries []kept
	// texts and warnings hold each deadline's text and each warning once:
	// a caseload's applicants share most of them.
	texts    map[deadlineText]*deadlineText
	warnings map[string]string
}

// add appends k, sharing its texts with the entries before it.
func (c *caseload) add(k *kept) {
	if c.texts == nil {
		c.texts, c.warnings = map[deadlineText]*deadlineText{}, map[string]string{}
	}
	for i, d := range k.deadlines {
		if t, ok := c.texts[*d.text]; ok {
			k.deadlines[i].text = t
		} else {
			c.texts[*d.text] = d.text
		}
	}
	for i, w := range k.warnings {
		if s, ok := c.warnings[w]; ok {
			k.warnings[i] = s
		} else {
			c.warnings[w] = w
		}
	}
	c.entries = append(c.entries, *k)
}

func (c *caseload) len() int { return len(c.entries) }

// boardEntry is a loader of render.Caseload.
func (c *caseload) boardEntry(i int) render.CaseloadEntry {
	return c.entries[i].boardEntry()
}

// calendarEntries are the entries of caseload.ics.
func (c *caseload) calendarEntries() iter.Seq[ical.Entry] {
	return func(yield func(ical.Entry) bool) {
		for i := range c.entries {
			k := &c.entries[i]
			if !yield(ical.Entry{File: k.file(), Plan: k.plan()}) {
				return
			}
		}
	}
}

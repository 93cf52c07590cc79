package batch

import (
	"iter"
	"strings"
	"sync"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/render"
)

// kept is what caseload.pdf and caseload.ics print of a pack written, and
// nothing more: the batch holds one per applicant until the end, so it
// holds neither the applicant file nor the plan. Its strings are copies
// (a name cut from a spreadsheet row would keep the whole row) or shared
// with the other applicants' (a deadline's title, its source).
type kept struct {
	where                string // source, and row for a spreadsheet
	family, given, phone string
	birth                civil.Date // with the names, the calendar's UIDs
	// deadlines are the plan's, without what neither file prints (Detail,
	// Holiday, Start).
	deadlines []plan.Deadline
	warnings  []string // as the board words them (third person)
	next      *plan.NextStep
}

// keep returns what the caseload files need of f and its plan.
func keep(f *applicant.File, p *plan.Plan, where string, strs *interned) kept {
	k := kept{
		where:  strings.Clone(where),
		family: strings.Clone(f.Applicant.FamilyName),
		given:  strings.Clone(f.Applicant.GivenNames),
		phone:  strings.Clone(f.Applicant.Phone),
		birth:  f.Applicant.BirthDate,
	}
	if len(p.Deadlines) > 0 {
		k.deadlines = make([]plan.Deadline, len(p.Deadlines))
		for i, d := range p.Deadlines {
			k.deadlines[i] = plan.Deadline{ID: strs.get(d.ID), Kind: strs.get(d.Kind), Date: d.Date,
				NonWorkingDay: d.NonWorkingDay, Passed: d.Passed, Done: d.Done,
				Title: strs.get(d.Title), Source: strs.get(d.Source), DaysLeft: d.DaysLeft}
			if d.PostBy != nil {
				postBy := *d.PostBy
				k.deadlines[i].PostBy = &postBy
			}
		}
	}
	if len(p.Warnings) > 0 {
		k.warnings = make([]string, len(p.Warnings))
		for i, w := range p.Warnings {
			t := w.Short
			if t == "" {
				t = w.Message
			}
			k.warnings[i] = strs.get(t)
		}
	}
	if n := p.NextStep; n != nil {
		k.next = &plan.NextStep{ID: strs.get(n.ID), Date: n.Date, Kind: strs.get(n.Kind), Late: n.Late, Now: strs.get(n.Now)}
	}
	return k
}

// file is the applicant file as the caseload files read it: the names, the
// birth date and the phone.
func (k *kept) file() *applicant.File {
	return &applicant.File{Applicant: applicant.Applicant{FamilyName: k.family, GivenNames: k.given,
		BirthDate: k.birth, Phone: k.phone}}
}

// boardEntry is the applicant's line of caseload.pdf.
func (k *kept) boardEntry() render.CaseloadEntry {
	e := render.CaseloadEntry{Name: ical.Name(k.file()), Source: k.where, Deadlines: k.deadlines,
		NextStep: k.next, Phone: k.phone}
	if len(k.warnings) > 0 {
		e.Warnings = make([]plan.Warning, len(k.warnings))
		for i, w := range k.warnings {
			e.Warnings[i] = plan.Warning{Short: w}
		}
	}
	return e
}

// calendarEntries are the entries of caseload.ics, made one at a time.
func calendarEntries(ks []kept) iter.Seq[ical.Entry] {
	return func(yield func(ical.Entry) bool) {
		for i := range ks {
			if !yield(ical.Entry{File: ks[i].file(), Plan: &plan.Plan{Deadlines: ks[i].deadlines}}) {
				return
			}
		}
	}
}

// maxInterned bounds the strings shared between applicants: the wording of
// deadlines and warnings takes a few hundred; past the bound, strings are
// copied, never retained twice.
const maxInterned = 4096

// interned shares equal strings between the applicants of a batch. It is
// safe for concurrent use.
type interned struct {
	mu sync.Mutex
	m  map[string]string
}

func (t *interned) get(s string) string {
	if s == "" {
		return ""
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if v, ok := t.m[s]; ok {
		return v
	}
	s = strings.Clone(s)
	if t.m == nil {
		t.m = map[string]string{}
	}
	if len(t.m) < maxInterned {
		t.m[s] = s
	}
	return s
}

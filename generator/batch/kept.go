package batch

import (
	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/render"
)

// kept is what caseload.pdf and caseload.ics print of a pack written, and
// nothing more: encodeKept writes it to the batch's spill file as each pack
// is done, and decodeKept reads it back, one applicant at a time, for the
// caseload files.
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

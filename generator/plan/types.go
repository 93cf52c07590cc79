// Package plan computes, from an applicant file and the run's date, the
// personal plan that every document of the pack prints (SPEC §2): the route,
// the checklist, the deadlines, the warnings, the fees and the documents.
// It is pure data: it never prints, reads files or looks at the clock.
package plan

import "github.com/ofiipack/ofiipack/generator/civil"

// FormatV1 is the value of Plan.Format.
const FormatV1 = "ofiipack/plan/v1"

// Routes (SPEC §2).
const (
	RouteCard      = "card"       // carte de séjour temporaire, CESEDA L. 425-9
	RouteAPSParent = "aps_parent" // APS of the parent of a sick minor child, L. 425-10
)

// Legal bases (SPEC §2, `basis`): the text the documents cite.
const (
	BasisL4259          = "ceseda_l425_9"       // route card
	BasisL42510         = "ceseda_l425_10"      // route aps_parent
	BasisFrancoAlgerian = "franco_algerian_6_7" // route card, Algerian national: accord of 27 December 1968, art. 6, 7°
)

// Deadline kinds (SPEC §2): they decide how every document words and marks
// a date. Only a KindDeadline is a « date limite ».
const (
	KindDeadline    = "deadline"    // something must be sent or done by the date
	KindAppointment = "appointment" // be somewhere on the date
	KindExpiry      = "expiry"      // a document stops being valid on the date
	KindMilestone   = "milestone"   // something happens; nothing is due
)

// Document IDs, in print order.
const (
	DocChecklist              = "checklist"
	DocApplicantNotice        = "applicant_notice" // when applicant.language is set and not fr
	DocCoverLetter            = "cover_letter"
	DocNonPolygamyDeclaration = "non_polygamy_declaration"
	DocHostAttestation        = "host_attestation"
	DocCalendar               = "calendar"
)

// Plan is the computed plan. Its JSON form is the stable interface of
// `ofiipack plan --format json`; fields may be added, never renamed.
type Plan struct {
	Format    string     `json:"format"`
	Today     civil.Date `json:"today"`
	Route     string     `json:"route"`
	Basis     string     `json:"basis"`
	Checklist []Item     `json:"checklist"`
	Deadlines []Deadline `json:"deadlines"`
	// NextStep is the one date every document shows first (SPEC §2, "Next
	// step"), nil when nothing remains.
	NextStep  *NextStep `json:"next_step"`
	Warnings  []Warning `json:"warnings"`
	Fees      []Fee     `json:"fees"`
	Documents []string  `json:"documents"`
}

// Item is one entry of the checklist of documents to gather.
type Item struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Done    bool     `json:"done"`
	Details []string `json:"details,omitempty"` // explanatory lines printed under the title
	Source  string   `json:"source,omitempty"`
}

// Deadline is one dated step. PostBy is zero (and omitted) except for the
// deadlines met by posting something.
type Deadline struct {
	ID            string      `json:"id"`
	Kind          string      `json:"kind"`
	Date          civil.Date  `json:"date"`
	PostBy        *civil.Date `json:"post_by,omitempty"`
	NonWorkingDay bool        `json:"non_working_day"`
	Passed        bool        `json:"passed"`
	Done          bool        `json:"done"`
	Title         string      `json:"title"`
	Source        string      `json:"source"`
	DaysLeft      int         `json:"days_left"`         // calendar days from today to Date (negative when passed)
	Holiday       string      `json:"holiday,omitempty"` // the public holiday Date falls on, if any
	// HolidayUsage: Holiday is a day off by local usage, not a legal holiday.
	HolidayUsage bool   `json:"holiday_usage,omitempty"`
	Detail       string `json:"detail,omitempty"` // what the date means
	// Start is the day the limit started to run (the request, the
	// notification…): no posting date falls before it, and a deadline whose
	// clock has not started is not yet a next step.
	Start civil.Date `json:"-"`
}

// NextStep names the deadline chosen as the next step: its ID and date (a
// request reply's ID alone is not unique), its kind, and whether it is late
// (passed, not done, and still worth acting on), with what to do now.
type NextStep struct {
	ID   string     `json:"id"`
	Date civil.Date `json:"date"`
	Kind string     `json:"kind"`
	Late bool       `json:"late"`
	Now  string     `json:"now,omitempty"` // for a late step: what to do now
}

// Warning is something the applicant or the person helping must know.
type Warning struct {
	ID      string `json:"id"`
	Message string `json:"message"`         // to the applicant
	Short   string `json:"short,omitempty"` // the same in the third person, for an association's board
	Source  string `json:"source,omitempty"`
}

// Fee is an amount of the fee period in force on the run's date.
type Fee struct {
	ID        string  `json:"id"`
	AmountEUR float64 `json:"amount_eur"`
	Title     string  `json:"title,omitempty"`
	Note      string  `json:"note,omitempty"`  // e.g. the non-refundable part
	AsOf      string  `json:"as_of,omitempty"` // date of the amounts' source, YYYY-MM-DD
	// NonRefundableEUR is the part collected, and kept, when the application
	// is made (regularisation visa, CESEDA L. 436-4).
	NonRefundableEUR float64 `json:"non_refundable_eur,omitempty"`
	Source           string  `json:"source,omitempty"` // where the amount comes from
}

// ToDo reports whether the date is one to act by or on (a deadline or an
// appointment), as opposed to an expiry or a milestone: only those get a
// reminder, a scan-to-calendar code and advice about non-working days.
func (d Deadline) ToDo() bool { return d.Kind == KindDeadline || d.Kind == KindAppointment }

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

// Document IDs, in print order.
const (
	DocChecklist              = "checklist"
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
	Checklist []Item     `json:"checklist"`
	Deadlines []Deadline `json:"deadlines"`
	Warnings  []Warning  `json:"warnings"`
	Fees      []Fee      `json:"fees"`
	Documents []string   `json:"documents"`
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
	Date          civil.Date  `json:"date"`
	PostBy        *civil.Date `json:"post_by,omitempty"`
	NonWorkingDay bool        `json:"non_working_day"`
	Passed        bool        `json:"passed"`
	Done          bool        `json:"done"`
	Title         string      `json:"title"`
	Source        string      `json:"source"`
	DaysLeft      int         `json:"days_left"`         // calendar days from today to Date (negative when passed)
	Holiday       string      `json:"holiday,omitempty"` // the public holiday Date falls on, if any
	Detail        string      `json:"detail,omitempty"`  // what the date means, one line
}

// Warning is something the applicant or the person helping must know.
type Warning struct {
	ID      string `json:"id"`
	Message string `json:"message"`
	Source  string `json:"source,omitempty"`
}

// Fee is an amount to pay if the permit is granted.
type Fee struct {
	ID        string  `json:"id"`
	AmountEUR float64 `json:"amount_eur"`
	Title     string  `json:"title,omitempty"`
	Note      string  `json:"note,omitempty"`  // e.g. the non-refundable part
	AsOf      string  `json:"as_of,omitempty"` // date of the amounts' source, YYYY-MM-DD
	// NonRefundableEUR is the part paid, and kept, at the first prefecture
	// appointment (regularisation visa, seed 000).
	NonRefundableEUR float64 `json:"non_refundable_eur,omitempty"`
	Source           string  `json:"source,omitempty"` // where the amount comes from
}

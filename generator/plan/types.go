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

// Applications (SPEC §2, "Application and stage").
const (
	ApplicationFirst   = "first"   // no residence document held yet
	ApplicationRenewal = "renewal" // current_permit is set: the procedure renews it
)

// Stages (SPEC §2, "Application and stage"): where the file stands. Every
// document follows the stage: what it prints, and the next step.
const (
	StageToFile          = "to_file"          // nothing filed yet
	StageFiled           = "filed"            // filed; the medical certificate is awaited
	StageCertificateDue  = "certificate_due"  // the certificate is available, not yet sent
	StageWithOFII        = "with_ofii"        // the certificate is sent; OFII and the prefecture examine the file
	StageImplicitRefusal = "implicit_refusal" // the silence of the prefecture has become a refusal
	StageGranted         = "granted"          // the permit is granted
	StageRefused         = "refused"          // the application is refused by a written decision
)

// Kind of a next step that is an action with no date of its own (SPEC §2,
// "Next step"): the stage action.
const KindAction = "action"

// Next-step IDs that are not deadlines (SPEC §2, "Next step").
const (
	StepGetHelpNow       = "get_help_now"      // a limit has passed: see a lawyer or an association today
	StepReadDecisionNow  = "read_decision_now" // an OQTF whose appeal period is not entered
	StepFileApplication  = "file_application"  // route card: file online (ANEF)
	StepAskPrefecture    = "ask_prefecture"    // route aps_parent: ask the prefecture how it takes the request
	StepAwaitCertificate = "await_certificate" // filed: watch for the medical certificate
	StepAwaitDecision    = "await_decision"    // with OFII: answer its letters, keep the receipt valid
	StepCollectPermit    = "collect_permit"    // granted: pay the fees due at issuance, collect the permit
)

// Document IDs, in print order.
const (
	DocChecklist              = "checklist"
	DocApplicantNotice        = "applicant_notice" // when applicant.language is set and not fr
	DocCoverLetter            = "cover_letter"
	DocReasonsRequestLetter   = "reasons_request_letter"
	DocNonPolygamyDeclaration = "non_polygamy_declaration"
	DocHostAttestation        = "host_attestation"
	DocCalendar               = "calendar"
)

// Plan is the computed plan. Its JSON form is the stable interface of
// `ofiipack plan --format json`; fields may be added, never renamed.
type Plan struct {
	Format string     `json:"format"`
	Today  civil.Date `json:"today"`
	Route  string     `json:"route"`
	Basis  string     `json:"basis"`
	// Application is first or renewal; Stage is where the file stands
	// (SPEC §2, "Application and stage"), computed once, followed by
	// every document.
	Application string     `json:"application"`
	Stage       string     `json:"stage"`
	Checklist   []Item     `json:"checklist"`
	Deadlines   []Deadline `json:"deadlines"`
	// NextStep is what every document shows first (SPEC §2, "Next step"):
	// always an action for today or a coming date.
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

// NextStep is the one thing to do first (SPEC §2, "Next step"): a
// deadline or an appointment (its ID and date: a request reply's ID alone
// is not unique), an expiry close at hand, or an action (KindAction, Date
// nil); Late when something that still matters has passed; Now says what
// to do today when the step is late, an action, or a deadline whose
// posting date has passed (PostByPassed).
type NextStep struct {
	ID           string      `json:"id"`
	Kind         string      `json:"kind"`
	Date         *civil.Date `json:"date"`
	Late         bool        `json:"late"`
	Now          string      `json:"now,omitempty"`
	PostByPassed bool        `json:"post_by_passed,omitempty"`
	// Title is the step in a few words, as every document heads it: the
	// deadline's title, or the action's.
	Title string `json:"-"`
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

package plan

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/holiday"
)

// Compute returns the plan of f on the day today (SPEC §2). It reads the
// embedded wording and data tables, once per process; a broken table is an
// error, as is a file the loader would not have accepted.
func Compute(f *applicant.File, today civil.Date) (*Plan, error) {
	if err := checkArgs(f, today); err != nil {
		return nil, err
	}
	t, err := load()
	if err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	if err := holiday.Err(); err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	p, err := t.compute(f, today, holiday.Default())
	if err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	return p, nil
}

// NextText is the next step in one line: its title, and what to do today
// when the plan says it; "" when there is no next step. summary.csv and
// the web form print it.
func (p *Plan) NextText() string {
	s := p.NextStep
	if s == nil {
		return ""
	}
	if s.Now != "" {
		return s.Title + " — " + s.Now
	}
	return s.Title
}

// Next returns the deadline chosen as the next step, or nil when the next
// step is not one of the plan's deadlines (an action, get_help_now…).
func (p *Plan) Next() *Deadline {
	s := p.NextStep
	if s == nil || s.Date == nil {
		return nil
	}
	for i := range p.Deadlines {
		if d := &p.Deadlines[i]; d.ID == s.ID && d.Date == *s.Date {
			return d
		}
	}
	return nil
}

// facts is what the wording templates of templates/text/plan.yaml see.
// Optional dates are pointers: nil (absent) is false in {{if}}.
type facts struct {
	Today        civil.Date
	Route        string
	Card         bool        // route card (L. 425-9, or the Franco-Algerian agreement)
	Algerian     bool        // basis franco_algerian_6_7
	Permit       Permit      // the permit of the basis, as the documents name it
	Renewal      *renewal    // the renewal of current_permit (SPEC §2, "Renewal"); nil for a first application
	Receipt      *civil.Date // procedure.receipt_expires_on: the récépissé held now ends
	E            string      // "e" for a woman: "entré{{.E}}"
	AsylumSeeker bool

	AsylumRegisteredOn     *civil.Date
	FilingMonths           int // months to file after the asylum registration (L. 431-2, D. 431-7)
	CertificateAvailableOn *civil.Date
	CertificateSentOn      *civil.Date
	CertificateDue         *civil.Date // certificate_to_ofii, nil when its start is unknown
	MailNumber             string
	Doctor                 string
	FiledOn                *civil.Date
	// Filed: the application was filed (filed_on, or a certificate date:
	// the certificate exists only once the application is filed, SPEC §1).
	Filed bool
	// CertificateFromFiling is the second reading of the asylum seeker's
	// certificate limit: 3 months from the filing (F34953), when known.
	CertificateFromFiling *civil.Date
	Stage                 string

	ImplicitRefusalOn    *civil.Date
	AppealImplicitOn     *civil.Date
	AppealImplicitPassed bool

	GrantedOn         *civil.Date // a grant's notification
	NotifiedOn        *civil.Date // the decision's notification
	OQTF              bool
	AppealDue         *civil.Date // appeal_decision's date, nil when unknown
	AppealWords       string      // "2 mois", "7 jours"…
	AppealPeriodGiven bool
	Appeal48h         bool
	Overseas          bool // Guadeloupe, Guyane, Mayotte, Saint-Barthélemy, Saint-Martin: no suspensive appeal

	IssuedOn                     *civil.Date
	NationalityCertificateExpiry *civil.Date
	DomicileDated                *civil.Date
	DomicileExpiry               *civil.Date

	Host          string // "M. Ibrahim KONATÉ", "" when not hosted
	CareOf        string // applicant.address.care_of
	Domiciliation bool   // care_of names an organisation, not « chez » a person
	Child         string // "Noé MBARGA", "" for route card

	Held      []string // residence proofs held, in French
	Suggested []string // the other kinds

	ArrivedOn         *civil.Date
	Arrival           string // "le 2 mai 2024", or "en mars 2019" when the day is not known
	ArrivalMonthOnly  bool   // the one-year rule counts from the month's last day, by prudence
	OneYearOn         *civil.Date
	Reference         civil.Date // filed_on, else today
	ReferenceIsFiling bool

	Country          string // French name of the nationality's country
	PolygamyList     string // label of the list the country is in, "" when in none
	PolygamyOverride string
	// PolygamyQuestion: the marital status is not known and the country
	// decides: the declaration is asked as a question (SPEC §1)
	PolygamyQuestion bool
	PolygamySource   string

	StampDuty    float64
	VisaFee      float64
	VisaAtFiling float64
	APSTax       float64
	FeeCaveat    string // of the period in force
	FeeSource    string // of the period in force
	FeeLaw       string // the article of the fee being written
	Overridden   bool   // the fee being written comes from options.fees

	Grounds []string // refusal grounds, in French

	RequestOn     *civil.Date // the OFII request being written
	Examination   bool
	AppointmentOn *civil.Date // the examination's convocation, when known
	// LateConvocation: the examination falls on or after the 15th day
	// after the request, so no reply date is computed (SPEC §2).
	LateConvocation bool
	PassedRequests  []string // dates in words of the requests whose 15 days are over

	StepDate *civil.Date // the date of the next step being written
}

func opt(d civil.Date) *civil.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

// hasLines reports whether a multi-line field holds any non-blank line.
func hasLines(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return true
		}
	}
	return false
}

func person(civility, given, family string) string {
	prefix := "M."
	if civility == applicant.Madame {
		prefix = "Mme"
	}
	return strings.TrimSpace(prefix + " " + strings.TrimSpace(given+" "+family))
}

// Rule constants, each with its source.
const (
	// CESEDA L. 431-2, D. 431-7; service-public.fr F34953: an asylum seeker
	// files another application within 2 months of the registration, 3 for
	// the medical-care card.
	filingMonthsCard = 3
	filingMonthsAPS  = 2 // the 3-month extension is written for L. 425-9 only: by prudence
	// CESEDA R. 432-2: 4 months of silence on a residence card application.
	silenceMonthsCard = 4
	// CRPA L. 231-4 general rule, by prudence for the APS (R. 432-1 speaks of
	// residence cards): « à vérifier ».
	silenceMonthsAPS = 2
	// CJA R. 421-2: 2 months to appeal against an implicit refusal.
	appealImplicitMonths = 2
	// SPEC §2, next step: a passed reply still matters for 30 days.
	lateReplyDays = 30
	// CESEDA R. 425-12; F17164: 15 days to answer the OFII doctor.
	replyDays = 15
	// F17164 (asylum seeker): the certificate within 3 months; CESEDA D. 431-7.
	asylumCertificateMonths = 3
	// SPEC §2, next step, rule 3: an expiry this close is the step.
	expirySoonDays = 30
)

// applicationOf returns ApplicationRenewal when the file holds the
// residence document the person has now (current_permit), else
// ApplicationFirst (SPEC §2, "Application and stage").
func applicationOf(f *applicant.File) string {
	if f.CurrentPermit != nil {
		return ApplicationRenewal
	}
	return ApplicationFirst
}

// silenceEnds returns the day the prefecture's silence becomes a refusal:
// filed_on + 4 months for a card (CESEDA R. 432-1, R. 432-2; F17164), + 2
// months for the APS (CRPA L. 231-4, by prudence: R. 432-1 speaks of
// residence cards, « à vérifier »); ok is false without a filing date or
// once a decision is recorded.
func silenceEnds(pr applicant.Procedure, route string) (civil.Date, bool) {
	if pr.FiledOn.IsZero() || pr.Decision != nil {
		return civil.Date{}, false
	}
	if route == RouteAPSParent {
		return pr.FiledOn.AddMonths(silenceMonthsAPS), true
	}
	return pr.FiledOn.AddMonths(silenceMonthsCard), true
}

// stageOf returns where the file stands on today: the first stage of SPEC
// §2's table that holds. The silence becomes a refusal on the day it ends.
func stageOf(f *applicant.File, route string, today civil.Date) string {
	pr := f.Procedure
	refusal, silence := silenceEnds(pr, route)
	switch {
	case pr.Decision != nil && pr.Decision.Outcome == applicant.Refused:
		return StageRefused
	case pr.Decision != nil && pr.Decision.Outcome == applicant.Granted:
		return StageGranted
	case silence && !refusal.After(today):
		return StageImplicitRefusal
	case !pr.CertificateSentOn.IsZero():
		return StageWithOFII
	case !pr.CertificateAvailableOn.IsZero():
		return StageCertificateDue
	case !pr.FiledOn.IsZero():
		return StageFiled
	}
	return StageToFile
}

// overseasNoSuspension are the postcode prefixes where an appeal against a
// removal does not suspend it (Guadeloupe, Saint-Barthélemy and Saint-Martin
// under 971, Guyane 973, Mayotte 976; Gisti; former CESEDA L. 514-1).
var overseasNoSuspension = []string{"971", "973", "976"}

// appealDue returns the date of appeal_decision: the notification plus the
// period the decision states (CJA R. 421-1; CESEDA L. 911-1, L. 921-1,
// L. 921-2); without a period, 2 months unless the refusal carries an OQTF
// (then no date: ok is false).
func appealDue(d *applicant.Decision) (due civil.Date, ok bool) {
	n := d.NotifiedOn
	switch d.AppealPeriod {
	case applicant.AppealTwoMonths:
		return n.AddMonths(2), true
	case applicant.AppealOneMonth:
		return n.AddMonths(1), true
	case applicant.AppealSevenDays:
		return n.AddDays(7), true
	case applicant.Appeal48Hours:
		return n.AddDays(2), true // counted by the hour: the wording says act at once
	case applicant.AppealFifteenDay:
		return n.AddDays(15), true
	case "":
		if !d.OQTF {
			return n.AddMonths(2), true
		}
	}
	return civil.Date{}, false
}

// Outline returns the part of f's plan that the cover letter prints: the
// date, the route and the legal basis (SPEC §2), with the cover letter as
// its only document and no checklist, deadline, warning or fee. It reads
// none of the tables Compute reads, so that a letter does not parse the
// 52 KB of plan.yaml; render.Letter draws the same letter from it as from
// Compute's plan. It stays for its figure: with Compute, a letter process
// took 28.9-31.0 ms of CPU, 1.31-1.33 times the plain-fpdf floor, against
// 21.7-22.5 ms and 1.01-1.03 times with it (BenchmarkLetterProcess, three
// runs each; the guard is 1.2).
func Outline(f *applicant.File, today civil.Date) (*Plan, error) {
	if err := checkArgs(f, today); err != nil {
		return nil, err
	}
	p := newPlan(f, today)
	p.Documents = append(p.Documents, DocCoverLetter)
	return p, nil
}

// checkArgs reports what Compute and Outline cannot plan without.
func checkArgs(f *applicant.File, today civil.Date) error {
	if f == nil {
		return errors.New("plan: no applicant file")
	}
	if today.IsZero() {
		return errors.New("plan: no date for today")
	}
	return nil
}

// newPlan is f's plan at today before its lists are filled: the route and
// the basis, and empty lists (never null in the JSON).
func newPlan(f *applicant.File, today civil.Date) *Plan {
	p := &Plan{Format: FormatV1, Today: today, Checklist: []Item{}, Deadlines: []Deadline{},
		Warnings: []Warning{}, Fees: []Fee{}, Documents: []string{}}
	p.Route, p.Basis = routeOf(f)
	p.Application, p.Stage = applicationOf(f), stageOf(f, p.Route, today)
	return p
}

// routeOf returns f's route and legal basis. Route: the APS of the parent
// of a sick minor child (L. 425-10) when sick_child is set, else the card
// for care (L. 425-9). An Algerian on the card route is under the
// Franco-Algerian agreement of 27 December 1968, art. 6, 7° (Comede
// guide, « certification et droit au séjour »).
func routeOf(f *applicant.File) (route, basis string) {
	switch {
	case f.Situation.SickChild != nil:
		return RouteAPSParent, BasisL42510
	case strings.EqualFold(f.Applicant.Nationality, "DZ"):
		return RouteCard, BasisFrancoAlgerian
	}
	return RouteCard, BasisL4259
}

// compute fills f's plan at today section by section, each a method of
// planner, in the order where each finds what the ones before it found:
// the facts that the wording prints, the fees, the deadlines, the
// documents and the next step, the checklist, the warnings, the fees due.
func (t *tables) compute(f *applicant.File, today civil.Date, cal *holiday.Table) (*Plan, error) {
	c := &planner{t: t, f: f, today: today, cal: cal, p: newPlan(f, today),
		margin: max(f.Options.MailMarginDays, 0), postcode: f.Applicant.Address.Postcode}
	c.card = c.p.Route == RouteCard
	c.facts()
	for _, section := range []func() error{c.situation, c.feeFacts, c.procedureDeadlines, c.laterDeadlines} {
		if err := section(); err != nil {
			return nil, err
		}
	}
	c.sortDeadlines()
	for _, section := range []func() error{c.documents, c.checklist, c.warnings, c.fees} {
		if err := section(); err != nil {
			return nil, err
		}
	}
	return c.p, nil
}

// planner is one computation of a plan: the tables, the file and the day,
// the plan being filled, and what its sections find for the sections
// after them.
type planner struct {
	t     *tables
	f     *applicant.File
	today civil.Date
	cal   *holiday.Table
	p     *Plan
	fs    facts // what the wording prints

	card             bool   // the card's route, not the APS parent's
	margin           int    // days of post before a limit (options.mail_margin_days)
	postcode         string // the applicant's, for the holidays of Alsace-Moselle and overseas
	maritalUnknown   bool
	polyList         *polygamyList // the polygamy list of the applicant's country; nil when none
	rn               *renewal      // the permit to renew; nil when none
	period           *feePeriod    // the fees in force today
	stamp, visa      *feeEntry
	apsTax           *feeEntry // nil when the period has none
	overridden       map[string]bool
	dec              *applicant.Decision // a refusal; nil when none
	certificate      *Deadline           // certificate_to_ofii, once the deadlines are sorted
	implicit         *Deadline           // implicit_refusal, likewise
	passedRequests   []string            // the dates of OFII's letters whose reply date has passed
	polygamy, hosted bool
}

// dl adds the deadline id, due on date and counted from start, to the plan.
func (c *planner) dl(id string, date, start civil.Date, data *facts) error {
	d, err := c.t.deadline(id, date, start, c.today, c.margin, c.postcode, c.cal, data)
	if err == nil {
		c.p.Deadlines = append(c.p.Deadlines, d)
	}
	return err
}

// facts are what the wording prints of the file: dates, names, places.
func (c *planner) facts() {
	s, pr := c.f.Situation, c.f.Procedure
	c.fs = facts{
		Today:                  c.today,
		Route:                  c.p.Route,
		Card:                   c.card,
		Algerian:               c.p.Basis == BasisFrancoAlgerian,
		Permit:                 c.t.w.Permits[c.p.Basis],
		AsylumSeeker:           !s.AsylumRegisteredOn.IsZero(),
		AsylumRegisteredOn:     opt(s.AsylumRegisteredOn),
		FilingMonths:           filingMonthsCard,
		CertificateAvailableOn: opt(pr.CertificateAvailableOn),
		CertificateSentOn:      opt(pr.CertificateSentOn),
		MailNumber:             pr.RegisteredMailNumber,
		Doctor:                 pr.Doctor,
		FiledOn:                opt(pr.FiledOn),
		Filed:                  filedApplication(pr),
		Stage:                  c.p.Stage,
		ArrivedOn:              opt(s.ArrivedOn),
		Reference:              c.today,
		PolygamyOverride:       s.PolygamyDeclaration,
		PolygamySource:         c.t.poly.Source,
		CareOf:                 strings.TrimSpace(c.f.Applicant.Address.CareOf),
	}
	if !c.card {
		c.fs.FilingMonths = filingMonthsAPS
	}
	for _, pre := range overseasNoSuspension {
		c.fs.Overseas = c.fs.Overseas || strings.HasPrefix(c.postcode, pre)
	}
	if c.f.Applicant.Civility == applicant.Madame {
		c.fs.E = "e"
	}
	// care_of is either « chez » a person or the organisation that gives a
	// postal address (domiciliation), which issues an attestation (F17164).
	if c.fs.CareOf != "" && !strings.HasPrefix(strings.ToLower(c.fs.CareOf), "chez") {
		c.fs.Domiciliation = true
	}
	// Reference date of the one-year and six-month rules: the filing date
	// when the application was filed (the file is judged as it was then),
	// else today.
	if !pr.FiledOn.IsZero() {
		c.fs.Reference, c.fs.ReferenceIsFiling = pr.FiledOn, true
	}
	if h := c.f.Applicant.HostedBy; h != nil {
		c.fs.Host = person(h.Civility, h.GivenNames, h.FamilyName)
	}
	if child := s.SickChild; child != nil {
		c.fs.Child = strings.TrimSpace(child.GivenNames + " " + child.FamilyName)
	}
	if c.f.Identity.Document == applicant.NationalityCertificate && !c.f.Identity.IssuedOn.IsZero() {
		c.fs.IssuedOn = opt(c.f.Identity.IssuedOn)
		c.fs.NationalityCertificateExpiry = opt(c.f.Identity.IssuedOn.AddMonths(6)) // F17164: < 6 months
	}
	if !s.DomicileProofDated.IsZero() {
		c.fs.DomicileDated = opt(s.DomicileProofDated)
		c.fs.DomicileExpiry = opt(s.DomicileProofDated.AddMonths(6)) // F17164: < 6 months
	}
	if !s.ArrivedOn.IsZero() {
		// Comede note: one year of residence. A month alone counts from its
		// last day (SPEC §1: the later day, by prudence).
		c.fs.OneYearOn = opt(s.ArrivedOn.AddYears(1))
		c.fs.Arrival = "le " + french.Date(s.ArrivedOn)
		if s.ArrivedMonthOnly {
			c.fs.Arrival = "en " + french.Month(s.ArrivedOn.Month) + french.NBSP + strconv.Itoa(s.ArrivedOn.Year)
			c.fs.ArrivalMonthOnly = true
		}
	}
}

// situation adds the facts of the applicant's situation: the proofs of
// residence held, the grounds of a refusal, the country and its polygamy
// list.
func (c *planner) situation() error {
	s := c.f.Situation
	c.maritalUnknown = c.f.Applicant.MaritalStatus == applicant.MaritalUnknown
	c.fs.PolygamyQuestion = c.maritalUnknown && s.PolygamyDeclaration == applicant.PolygamyAuto
	for _, k := range residenceProofs {
		label := c.t.w.Labels.ResidenceProofs[k]
		if slices.Contains(s.ResidenceProofs, k) {
			c.fs.Held = append(c.fs.Held, label)
		} else {
			c.fs.Suggested = append(c.fs.Suggested, label)
		}
	}
	for _, g := range s.RefusalGrounds {
		if !slices.Contains(refusalGrounds, g) {
			return fmt.Errorf("situation.refusal_grounds: unknown ground %q", g)
		}
	}
	for _, g := range refusalGrounds { // stable order, each ground once
		if slices.Contains(s.RefusalGrounds, g) {
			c.fs.Grounds = append(c.fs.Grounds, c.t.w.Labels.RefusalGrounds[g])
		}
	}
	if c.fs.Country = applicant.CountryName(c.f.Applicant.Nationality); c.fs.Country == "" {
		c.fs.Country = c.f.Applicant.Nationality
	}
	c.polyList = c.t.polyList[strings.ToUpper(c.f.Applicant.Nationality)]
	if c.polyList != nil {
		c.fs.PolygamyList = c.polyList.Label
	}
	return nil
}

// feeFacts are the fees of the period of templates/data/fees.yaml in
// force today, overridable by options.fees (SPEC §2, "Fees"), and the
// permit to renew.
func (c *planner) feeFacts() error {
	pr := c.f.Procedure
	c.period = c.t.fees.period(c.today)
	c.fs.FeeCaveat, c.fs.FeeSource = c.period.Caveat, c.period.Source
	c.stamp, c.visa, c.apsTax = c.period.fee(FeeStampDuty), c.period.fee(FeeRegularisationVisa), c.period.fee(FeeAPSTax)
	c.fs.StampDuty, c.fs.VisaFee, c.fs.VisaAtFiling = c.stamp.AmountEUR, c.visa.AmountEUR, c.visa.AtFilingEUR
	if c.apsTax != nil {
		c.fs.APSTax = c.apsTax.AmountEUR
	}
	rn, err := c.t.renewalOf(c.f, c.today, c.period)
	if err != nil {
		return err
	}
	c.rn = rn
	c.fs.Renewal, c.fs.Receipt = c.rn, opt(pr.ReceiptExpiresOn)
	c.overridden = map[string]bool{}
	for k, v := range c.f.Options.Fees {
		if v < 0 {
			return fmt.Errorf("options.fees.%s: negative amount", k)
		}
		switch k {
		case c.stamp.Override:
			c.fs.StampDuty = v
		case c.visa.Override:
			c.fs.VisaFee = v
		case c.visa.AtFilingOverride:
			c.fs.VisaAtFiling = v
		case "aps_tax":
			c.fs.APSTax = v
		case FeeRenewalTax, FeeLateRenewalVisa: // in fs.Renewal
		default:
			return fmt.Errorf("options.fees: unknown fee %q, expected one of %s", k, strings.Join(overrideKeys, ", "))
		}
		c.overridden[k] = true
	}
	return nil
}

// procedureDeadlines are the deadlines of the application: its filing,
// the medical certificate, OFII's requests.
func (c *planner) procedureDeadlines() error {
	s, pr := c.f.Situation, c.f.Procedure
	// application_filing: an asylum seeker whose filing date is unknown
	// files within 3 months of the registration (card), 2 for the APS
	// (CESEDA L. 431-2, D. 431-7; F34953).
	if c.fs.AsylumSeeker && !c.fs.Filed && c.rn == nil {
		due := s.AsylumRegisteredOn.AddMonths(c.fs.FilingMonths)
		if err := c.dl(DeadlineApplicationFiling, due, s.AsylumRegisteredOn, &c.fs); err != nil {
			return err
		}
	}
	// certificate_to_ofii: asylum seeker, registration + 3 months (F17164,
	// D. 431-7) — F34953 says « à compter de l'enregistrement de votre
	// demande en préfecture », which may mean the filing: by prudence the
	// earlier of the two; otherwise availability in ANEF + 1 month (F17164).
	var certStart civil.Date
	switch {
	case c.fs.AsylumSeeker && c.rn == nil: // a renewal's certificate runs from its availability
		certStart = s.AsylumRegisteredOn
		due := s.AsylumRegisteredOn.AddMonths(asylumCertificateMonths)
		if !pr.FiledOn.IsZero() {
			fromFiling := pr.FiledOn.AddMonths(asylumCertificateMonths)
			c.fs.CertificateFromFiling = opt(fromFiling)
			if fromFiling.Before(due) {
				due = fromFiling
			}
		}
		c.fs.CertificateDue = opt(due)
	case !pr.CertificateAvailableOn.IsZero():
		certStart = pr.CertificateAvailableOn
		c.fs.CertificateDue = opt(pr.CertificateAvailableOn.AddMonths(1))
	}
	if c.fs.CertificateDue != nil {
		if err := c.dl(DeadlineCertificateToOFII, *c.fs.CertificateDue, certStart, &c.fs); err != nil {
			return err
		}
	}
	// ofii_request_reply: the date on OFII's letter + 15 days (R. 425-12,
	// F17164); ofii_examination: the convocation's date.
	for i, r := range pr.OFIIRequests {
		rf := c.fs
		rf.RequestOn = opt(r.On)
		rf.Examination = r.Kind == applicant.RequestExamination
		if !slices.Contains(requestKinds, r.Kind) {
			return fmt.Errorf("procedure.ofii_requests[%d].kind: unknown kind %q", i, r.Kind)
		}
		if r.On.IsZero() {
			return fmt.Errorf("procedure.ofii_requests[%d].on: missing date", i)
		}
		// a convocation on or after the 15th day: the examination is the
		// step, and no reply date falls before it (SPEC §2, OFII examinations)
		reply := r.On.AddDays(replyDays)
		rf.AppointmentOn = opt(r.AppointmentOn)
		rf.LateConvocation = rf.Examination && !r.AppointmentOn.IsZero() && !r.AppointmentOn.Before(reply)
		if !rf.LateConvocation {
			if err := c.dl(DeadlineOFIIRequestReply, reply, r.On, &rf); err != nil {
				return err
			}
		}
		if rf.Examination && !r.AppointmentOn.IsZero() {
			if err := c.dl(DeadlineOFIIExamination, r.AppointmentOn, r.On, &rf); err != nil {
				return err
			}
		}
	}
	return nil
}

// laterDeadlines are the deadlines of the decision, of the documents'
// validity, of the residence and the child's age, and of the renewal.
func (c *planner) laterDeadlines() error {
	s, pr := c.f.Situation, c.f.Procedure
	// implicit_refusal and its appeal, while no decision is recorded:
	// filing + 4 months (F17164; R. 432-1, R. 432-2), 2 for the APS by
	// prudence; the appeal 2 months later (CJA R. 421-2).
	if refusal, ok := silenceEnds(pr, c.p.Route); ok {
		appeal := refusal.AddMonths(appealImplicitMonths)
		c.fs.ImplicitRefusalOn, c.fs.AppealImplicitOn = opt(refusal), opt(appeal)
		c.fs.AppealImplicitPassed = appeal.Before(c.today)
		if err := c.dl(DeadlineImplicitRefusal, refusal, pr.FiledOn, &c.fs); err != nil {
			return err
		}
		if err := c.dl(DeadlineAppealImplicitRefusal, appeal, refusal, &c.fs); err != nil {
			return err
		}
	}
	if d := pr.Decision; d != nil && d.Outcome == applicant.Granted {
		c.fs.GrantedOn = opt(d.NotifiedOn)
	}
	// appeal_decision: a refusal's notification + the period it states.
	if d := pr.Decision; d != nil && d.Outcome == applicant.Refused {
		c.dec = d
		c.fs.NotifiedOn, c.fs.OQTF = opt(d.NotifiedOn), d.OQTF
		c.fs.AppealPeriodGiven = d.AppealPeriod != ""
		c.fs.Appeal48h = d.AppealPeriod == applicant.Appeal48Hours
		c.fs.AppealWords = c.t.w.Labels.AppealPeriods[d.AppealPeriod]
		if !c.fs.AppealPeriodGiven {
			c.fs.AppealWords = c.t.w.Labels.AppealPeriods[applicant.AppealTwoMonths]
		}
		if due, ok := appealDue(d); ok {
			c.fs.AppealDue = opt(due)
			if err := c.dl(DeadlineAppealDecision, due, d.NotifiedOn, &c.fs); err != nil {
				return err
			}
		}
	}
	if c.fs.DomicileExpiry != nil { // F17164: proof of domicile < 6 months
		if err := c.dl(DeadlineDomicileProofExpiry, *c.fs.DomicileExpiry, s.DomicileProofDated, &c.fs); err != nil {
			return err
		}
	}
	if c.fs.NationalityCertificateExpiry != nil { // F17164: certificate of nationality < 6 months
		if err := c.dl(DeadlineNationalityCertificateExpiry, *c.fs.NationalityCertificateExpiry, c.f.Identity.IssuedOn, &c.fs); err != nil {
			return err
		}
	}
	// one_year_residence: arrival + 1 year, only while in the future, and only
	// for the card, which requires it (Comede note).
	if c.card && c.rn == nil && c.fs.OneYearOn != nil && c.fs.OneYearOn.After(c.today) {
		if err := c.dl(DeadlineOneYearResidence, *c.fs.OneYearOn, s.ArrivedOn, &c.fs); err != nil {
			return err
		}
	}
	// child_majority: the child's 18th birthday, while in the future
	// (CESEDA L. 425-10: the parent of a minor child).
	if child := s.SickChild; child != nil && !child.BirthDate.IsZero() {
		if adult := child.BirthDate.AddYears(18); adult.After(c.today) {
			if err := c.dl(DeadlineChildMajority, adult, child.BirthDate, &c.fs); err != nil {
				return err
			}
		}
	}
	// the renewal's dates and the récépissé's end (SPEC §2, "Renewal")
	if err := c.rn.deadlines(pr, func(id string, date, start civil.Date) error { return c.dl(id, date, start, &c.fs) }); err != nil {
		return err
	}
	return nil
}

// sortDeadlines orders the deadlines by date, and finds those that the
// warnings read.
func (c *planner) sortDeadlines() {
	sort.SliceStable(c.p.Deadlines, func(i, j int) bool {
		a, b := c.p.Deadlines[i], c.p.Deadlines[j]
		if d := a.Date.Compare(b.Date); d != 0 {
			return d < 0
		}
		return a.ID < b.ID
	})
	for i, d := range c.p.Deadlines {
		switch d.ID {
		case DeadlineCertificateToOFII:
			c.certificate = &c.p.Deadlines[i]
		case DeadlineImplicitRefusal:
			c.implicit = &c.p.Deadlines[i]
		case DeadlineOFIIRequestReply:
			if d.Passed {
				c.passedRequests = append(c.passedRequests, french.Date(d.Date.AddDays(-replyDays)))
			}
		}
	}
	c.fs.PassedRequests = c.passedRequests
}

// documents are the pack's documents and the plan's next step.
func (c *planner) documents() error {
	s, pr := c.f.Situation, c.f.Procedure
	var err error
	c.polygamy = false // F17164, L. 412-6: married and the country allows polygamy; override yes/no
	switch s.PolygamyDeclaration {
	case applicant.PolygamyYes:
		c.polygamy = true
	case applicant.PolygamyNo:
		c.polygamy = false
	default:
		// unknown: the item stays, worded as a question (SPEC §1)
		c.polygamy = (c.f.Applicant.MaritalStatus == applicant.Married || c.maritalUnknown) && c.polyList != nil
	}
	c.hosted = c.f.Applicant.HostedBy != nil
	c.p.Documents = documentsOf(c.p, c.f.Applicant.Language, c.polygamy, c.hosted)
	if c.p.NextStep, err = c.t.nextStep(c.p, &c.fs, pr.Decision); err != nil {
		return err
	}
	return nil
}

// checklist is the checklist (SPEC §2, "Checklist items"), in SPEC
// order: every piece of the application, whatever the stage (the printed
// checklist follows the stage).
func (c *planner) checklist() error {
	s, pr := c.f.Situation, c.f.Procedure
	applies := map[string]bool{
		ItemBirthCertificate:           true,
		ItemBirthTranscriptionDecision: s.BirthTranscriptionDecision,
		ItemIdentityDocument:           true,
		ItemDomicileProof:              true,
		ItemHostAttestation:            c.hosted, // CESEDA annexe 10
		ItemHostIdentity:               c.hosted,
		ItemHostDomicileProof:          c.hosted,
		ItemEPhoto:                     c.card,  // F17164: the online application takes an e-photo code
		ItemIdentityPhotos:             !c.card, // annexe 10: filed at the prefecture
		ItemRepublicCommitment:         true,    // L. 412-7; worded as not required for an Algerian
		ItemNonPolygamyDeclaration:     c.polygamy,
		ItemResidenceProof:             c.card,  // F17164, Comede note
		ItemPrefectureInPerson:         !c.card, // F17164, F17336: no online process for the APS parent
		ItemChildBirthCertificate:      !c.card, // L. 425-10, annexe 10, F17336
		ItemChildCareProof:             !c.card, // L. 425-10
		ItemMedicalCertificate:         true,
		ItemStampDuty:                  c.card,                     // L. 436-7
		ItemRegularisationVisaFee:      c.card && !s.LongStayVisa,  // L. 436-4
		ItemAPSTax:                     !c.card && c.apsTax != nil, // L. 436-1 II, loi de finances pour 2026
	}
	for _, id := range checklistIDs {
		if on, ok := c.rn.item(id, c.card); ok {
			applies[id] = on // a renewal's pieces (SPEC §2, "Renewal")
		}
		if !applies[id] {
			continue
		}
		done := slices.Contains(c.f.DocumentsReady, id) ||
			(id == ItemMedicalCertificate && !pr.CertificateSentOn.IsZero())
		data := c.fs
		switch id {
		case ItemStampDuty:
			data.FeeLaw = c.stamp.Law
		case ItemRegularisationVisaFee:
			data.FeeLaw = c.visa.Law
		case ItemAPSTax:
			data.FeeLaw = c.apsTax.Law
		case ItemRenewalTax:
			data.FeeLaw = c.period.fee(FeeRenewalTax).Law
		case ItemLateRenewalVisa:
			data.FeeLaw = c.period.fee(FeeLateRenewalVisa).Law
		}
		it, err := c.t.item(id, c.f.Identity.Document, done, &data)
		if err != nil {
			return err
		}
		c.p.Checklist = append(c.p.Checklist, it)
	}
	return nil
}

// warnings are the warnings (SPEC §2, "Warnings"), in the table's order.
func (c *planner) warnings() error {
	s, pr := c.f.Situation, c.f.Procedure
	warn := func(id string, data *facts) error {
		w := c.t.w.Warnings[id]
		msg, err := w.Message.render(data)
		if err != nil {
			return fmt.Errorf("warning %s: %w", id, err)
		}
		short, err := w.Short.render(data)
		if err != nil {
			return fmt.Errorf("warning %s: %w", id, err)
		}
		src, err := w.Source.render(data)
		if err != nil {
			return fmt.Errorf("warning %s: %w", id, err)
		}
		c.p.Warnings = append(c.p.Warnings, Warning{ID: id, Message: msg, Short: short, Source: src})
		return nil
	}
	filingLate := c.fs.AsylumSeeker && !pr.FiledOn.IsZero() &&
		pr.FiledOn.After(s.AsylumRegisteredOn.AddMonths(c.fs.FilingMonths))
	conds := []struct {
		id string
		on bool
	}{
		// Comede note: the card requires one year of residence at the reference date.
		{WarningLessThanOneYear, c.card && c.fs.OneYearOn != nil && c.fs.OneYearOn.After(c.fs.Reference)},
		{WarningRefusalRisk, len(c.fs.Grounds) > 0},
		{WarningApplicationLate, filingLate}, // L. 431-2, D. 431-7
		// SPEC §1: a certificate date without filed_on means the application
		// was filed; its date is unknown, and the silence cannot be counted.
		{WarningFilingDateUnknown, c.fs.Filed && pr.FiledOn.IsZero()},
		{WarningCertificateDeadlinePassed, c.certificate != nil && c.certificate.Passed && !c.certificate.Done},
		{WarningNoResponseToOFII, len(c.passedRequests) > 0},
		{WarningImplicitRefusalReached, c.implicit != nil && !c.implicit.Date.After(c.today)}, // CJA R. 421-2
		{WarningDecisionRefused, c.dec != nil},                                                // CJA R. 421-1; L. 911-1…
		{WarningAppealPeriodMissing, c.dec != nil && c.dec.OQTF && c.dec.AppealPeriod == ""},
		{WarningDomicileProofTooOld, c.fs.DomicileExpiry != nil && c.fs.DomicileExpiry.Before(c.fs.Reference)},
		{WarningNationalityCertificateTooOld, c.fs.NationalityCertificateExpiry != nil &&
			c.fs.NationalityCertificateExpiry.Before(c.fs.Reference)},
		{WarningNoIdentityDocument, c.f.Identity.Document == applicant.NoDocument},
		// L. 436-4: the visa fee is also due after 3 months without a card.
		// A month alone counts from its first day: the fee may be due (by prudence).
		{WarningVisaFeeMayApply, c.card && s.LongStayVisa && !s.ArrivedOn.IsZero() &&
			s.ArrivalFirstDay().AddMonths(3).Before(c.fs.Reference)},
		{WarningHostCareOfMissing, c.hosted && c.fs.CareOf == ""},
		// only while the pack holds the cover letter, whose box it leaves blank
		{WarningOFIIAddressMissing, !hasLines(c.f.OFIIAddress) && slices.Contains(c.p.Documents, DocCoverLetter)},
		{WarningAPSParentOffline, !c.card && c.p.Stage == StageToFile}, // how to file: only before filing
	}
	granted := pr.Decision != nil && pr.Decision.Outcome == applicant.Granted
	for _, id := range c.rn.warnings(granted) { // the renewal's first: its limit comes first
		if err := warn(id, &c.fs); err != nil {
			return err
		}
	}
	for _, cond := range conds {
		if cond.on && !(c.rn != nil && firstOnlyWarnings[cond.id]) {
			if err := warn(cond.id, &c.fs); err != nil {
				return err
			}
		}
	}
	return nil
}

// fees are the fees of the period in force: the card's stamp duty, its
// regularisation visa without a long-stay visa; the APS tax when the
// period has it; a renewal's tax and late visa.
func (c *planner) fees() error {
	s := c.f.Situation
	type feeRow struct {
		e             *feeEntry
		amount, kept  float64
		on, overriden bool
	}
	for _, r := range []feeRow{
		{c.stamp, c.fs.StampDuty, 0, c.card, c.overridden[c.stamp.Override]},
		{c.visa, c.fs.VisaFee, c.fs.VisaAtFiling, c.card && !s.LongStayVisa && c.rn == nil,
			c.overridden[c.visa.Override] || c.overridden[c.visa.AtFilingOverride]},
		{c.period.fee(FeeRenewalTax), c.rn.renewalTax(), 0, c.rn != nil && c.card, c.overridden[FeeRenewalTax]},
		{c.apsTax, c.fs.APSTax, 0, !c.card && c.apsTax != nil, c.overridden["aps_tax"]},
		{c.period.fee(FeeLateRenewalVisa), c.rn.lateVisa(), 0, c.rn.late(), c.overridden[FeeLateRenewalVisa]},
	} {
		if r.on {
			if err := c.t.addFee(c.p, c.period, r.e, r.amount, r.kept, r.overriden, c.fs); err != nil {
				return err
			}
		}
	}
	return nil
}

// documentsOf returns the pack's documents in print order, by stage (SPEC
// §2, "Documents by stage"): the notice in the applicant's language at
// every stage; the cover letter to OFII while the
// certificate is still to be sent; the request for the reasons of an
// implicit refusal while its appeal limit runs; the statements with the
// application only.
func documentsOf(p *Plan, language string, polygamy, hosted bool) []string {
	docs := []string{DocChecklist}
	if language != "" && language != "fr" {
		// second, so that it can be handed over alone (SPEC §3)
		docs = append(docs, DocApplicantNotice)
	}
	switch p.Stage {
	case StageToFile, StageFiled, StageCertificateDue:
		docs = append(docs, DocCoverLetter)
	case StageImplicitRefusal:
		for _, d := range p.Deadlines {
			if d.ID == DeadlineAppealImplicitRefusal && !d.Passed {
				docs = append(docs, DocReasonsRequestLetter)
			}
		}
	}
	if p.Stage == StageToFile && polygamy {
		docs = append(docs, DocNonPolygamyDeclaration)
	}
	if p.Stage == StageToFile && hosted {
		docs = append(docs, DocHostAttestation)
	}
	return append(docs, DocCalendar)
}

// lateSteps are the deadlines whose passing still matters (SPEC §2, next
// step, rule 1), in order, with the stages at which they do (nil: every
// stage), and how long after it a passed one still counts (0: always). The
// step says it is late and what to do today (the deadline's `late` text).
// After a decision, or once the silence has become a refusal, the appeal
// comes first: the certificate and OFII's letters are no longer the step.
var lateSteps = []struct {
	id     string
	stages []string
	within int
}{
	// a late certificate only once the application was filed: it appears
	// only after the filing (F17164); never « send it anyway » before
	{DeadlineCertificateToOFII, []string{StageFiled, StageCertificateDue}, 0},
	{DeadlineOFIIRequestReply, []string{StageWithOFII}, lateReplyDays},
	// a renewal not filed in time (CESEDA R. 431-5; computed with the renewal)
	{DeadlineRenewalFiling, []string{StageToFile}, 0},
}

// helpSteps are the passed limits after which the step is get_help_now:
// see a lawyer or an association today (SPEC §2, next step, rule 1).
var helpSteps = []string{DeadlineAppealImplicitRefusal, DeadlineAppealDecision, DeadlineApplicationFiling}

// heldExpiries are the expiries of a document the person holds now, with
// the stages at which they count (nil: every stage): one within 30 days is
// the step (SPEC §2, next step, rule 3). The pieces of the application
// matter only until it is filed.
var heldExpiries = map[string][]string{
	DeadlineReceiptExpiry:                nil,
	DeadlinePermitExpiry:                 nil,
	DeadlineDomicileProofExpiry:          {StageToFile},
	DeadlineNationalityCertificateExpiry: {StageToFile},
}

// ofiiSteps end with the decision: after a grant or a refusal, the
// certificate and OFII's letters are not the step any more.
var ofiiSteps = []string{DeadlineCertificateToOFII, DeadlineOFIIRequestReply, DeadlineOFIIExamination}

// nextStep chooses the plan's next step (SPEC §2, "Next step"), always an
// action for today or a coming date, never an event to wait for: (1)
// something late that still matters; (2) the earliest deadline or
// appointment to come, not done, whose clock has started; (3) an expiry
// within 30 days of a document held now; (4) the stage action. A
// milestone is never the step.
func (t *tables) nextStep(p *Plan, fs *facts, dec *applicant.Decision) (*NextStep, error) {
	today := p.Today
	at := func(stages []string) bool { return stages == nil || slices.Contains(stages, p.Stage) }
	find := func(ok func(d *Deadline) bool) *Deadline {
		for i := range p.Deadlines { // sorted by date
			if d := &p.Deadlines[i]; ok(d) {
				return d
			}
		}
		return nil
	}
	// 1. late
	for _, l := range lateSteps {
		d := find(func(d *Deadline) bool {
			return d.ID == l.id && d.Passed && !d.Done && at(l.stages) &&
				(l.within == 0 || !d.Date.Before(today.AddDays(-l.within)))
		})
		if d != nil {
			return t.deadlineStep(d, true, fs)
		}
	}
	for _, id := range helpSteps {
		if d := find(func(d *Deadline) bool { return d.ID == id && d.Passed && !d.Done }); d != nil {
			key := "get_help_now_appeal"
			if id == DeadlineApplicationFiling {
				key = "get_help_now_filing"
			}
			return t.actionStep(StepGetHelpNow, key, KindDeadline, &d.Date, true, fs)
		}
	}
	if dec != nil && dec.Outcome == applicant.Refused && dec.OQTF && dec.AppealPeriod == "" {
		return t.actionStep(StepReadDecisionNow, StepReadDecisionNow, KindAction, &dec.NotifiedOn, true, fs)
	}
	// 2. the earliest deadline or appointment to come
	over := p.Stage == StageGranted || p.Stage == StageRefused
	if d := find(func(d *Deadline) bool {
		return d.ToDo() && !d.Passed && !d.Done && !d.Start.After(today) && !(over && slices.Contains(ofiiSteps, d.ID))
	}); d != nil {
		return t.deadlineStep(d, false, fs)
	}
	// 3. an expiry close at hand
	if d := find(func(d *Deadline) bool {
		stages, held := heldExpiries[d.ID]
		return d.Kind == KindExpiry && held && at(stages) && !d.Passed && d.DaysLeft <= expirySoonDays &&
			!(d.ID == DeadlinePermitExpiry && fs.Renewal != nil && fs.Renewal.ReceiptCovers) // the récépissé takes over
	}); d != nil {
		return t.deadlineStep(d, false, fs)
	}
	// 4. the stage action
	id := stageActions[p.Stage]
	if id == StepFileApplication && p.Route == RouteAPSParent {
		id = StepAskPrefecture // the APS is not on ANEF (F17164, F17336)
	}
	return t.actionStep(id, id, KindAction, nil, false, fs)
}

// StepIDs returns the IDs a next step may have besides the deadlines'
// (SPEC §2, "Next step"): what every document must be able to word.
func StepIDs() []string {
	return []string{StepGetHelpNow, StepReadDecisionNow, StepFileApplication, StepAskPrefecture,
		StepAwaitCertificate, StepAwaitDecision, StepCollectPermit}
}

// stageActions are the stage actions of SPEC §2's table. At the
// certificate_due, implicit_refusal and refused stages a dated step
// always comes first for a file the loader accepts (the certificate's,
// the appeal's, or read_decision_now); getting help is the prudent action
// should it not.
var stageActions = map[string]string{
	StageToFile:          StepFileApplication,
	StageFiled:           StepAwaitCertificate,
	StageCertificateDue:  StepGetHelpNow,
	StageWithOFII:        StepAwaitDecision,
	StageImplicitRefusal: StepGetHelpNow,
	StageGranted:         StepCollectPermit,
	StageRefused:         StepGetHelpNow,
}

// deadlineStep makes a deadline the next step. A late step says what to
// do today; so does a deadline whose advised posting date has passed
// (SPEC §2: « envoyez aujourd'hui, en recommandé »).
func (t *tables) deadlineStep(d *Deadline, late bool, fs *facts) (*NextStep, error) {
	date := d.Date
	s := &NextStep{ID: d.ID, Kind: d.Kind, Date: &date, Late: late, Title: d.Title}
	var err error
	switch {
	case late:
		s.Now, err = t.w.Deadlines[d.ID].Late.render(fs)
	case d.PostBy != nil && fs.Today.After(*d.PostBy):
		s.PostByPassed = true
		s.Now, err = t.w.Text.PostByPassed.render(fs)
	}
	if err != nil {
		return nil, fmt.Errorf("next step %s: %w", d.ID, err)
	}
	return s, nil
}

// actionStep makes a step that is not one of the plan's deadlines, worded
// by steps[key] of the wording.
func (t *tables) actionStep(id, key, kind string, date *civil.Date, late bool, fs *facts) (*NextStep, error) {
	w, ok := t.w.Steps[key]
	if !ok {
		return nil, fmt.Errorf("next step %s: no wording %s", id, key)
	}
	data := *fs
	s := &NextStep{ID: id, Kind: kind, Late: late}
	if date != nil {
		d := *date
		s.Date, data.StepDate = &d, &d
	}
	var err error
	if s.Title, err = w.Title.render(&data); err != nil {
		return nil, fmt.Errorf("next step %s: %w", id, err)
	}
	if s.Now, err = w.Now.render(&data); err != nil {
		return nil, fmt.Errorf("next step %s: %w", id, err)
	}
	return s, nil
}

// deadline builds one deadline: non_working_day flags a Saturday, Sunday,
// public holiday or day off by usage where the applicant lives, without
// moving the date; post_by (posted deadlines only) is the latest working
// day at least margin calendar days before the date, left out when it would
// fall before start, the day the clock started (SPEC §2), and always for a
// 48-hour limit, which is acted on at once.
func (t *tables) deadline(id string, date, start, today civil.Date, margin int,
	postcode string, cal *holiday.Table, data *facts) (Deadline, error) {
	w := t.w.Deadlines[id]
	d := Deadline{
		ID:       id,
		Kind:     deadlineKinds[id],
		Date:     date,
		Start:    start,
		Passed:   date.Before(today),
		DaysLeft: today.DaysUntil(date),
		// done: the certificate has been posted (SPEC §2)
		Done: id == DeadlineCertificateToOFII && data.CertificateSentOn != nil,
	}
	d.Holiday, d.HolidayUsage = cal.Observance(date, postcode)
	d.NonWorkingDay = d.Holiday != "" || isWeekend(date)
	if posted[id] && !(id == DeadlineAppealDecision && data.Appeal48h) {
		pb := date.AddDays(-margin)
		for !cal.IsWorkingDay(pb, postcode) {
			pb = pb.AddDays(-1)
		}
		if !pb.Before(start) {
			d.PostBy = &pb
		}
	}
	var err error
	if d.Title, err = w.Title.render(data); err != nil {
		return d, fmt.Errorf("deadline %s: %w", id, err)
	}
	if d.Detail, err = w.Detail.render(data); err != nil {
		return d, fmt.Errorf("deadline %s: %w", id, err)
	}
	if d.Source, err = w.Source.render(data); err != nil {
		return d, fmt.Errorf("deadline %s: %w", id, err)
	}
	return d, nil
}

func isWeekend(d civil.Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// item renders one checklist item; identity_document takes the wording of
// the document held.
func (t *tables) item(id, document string, done bool, data *facts) (Item, error) {
	w := t.w.Items[id]
	source := w.Source
	if id == ItemIdentityDocument {
		var ok bool
		if w, ok = w.ByDocument[document]; !ok {
			return Item{}, fmt.Errorf("identity.document: unknown document %q", document)
		}
	}
	it := Item{ID: id, Done: done}
	var err error
	if it.Title, err = w.Title.render(data); err != nil {
		return it, fmt.Errorf("item %s: %w", id, err)
	}
	if it.Source, err = source.render(data); err != nil {
		return it, fmt.Errorf("item %s: %w", id, err)
	}
	for _, dt := range w.Details {
		line, err := dt.render(data)
		if err != nil {
			return it, fmt.Errorf("item %s: %w", id, err)
		}
		if line != "" {
			it.Details = append(it.Details, line)
		}
	}
	return it, nil
}

func (t *tables) addFee(p *Plan, period *feePeriod, e *feeEntry, amount, nonRefundable float64, overridden bool, fs facts) error {
	w := t.w.Fees[e.ID]
	data := &fs
	data.Overridden = overridden
	data.FeeLaw = e.Law
	note, err := w.Note.render(data)
	if err != nil {
		return fmt.Errorf("fee %s: %w", e.ID, err)
	}
	fee := Fee{ID: e.ID, AmountEUR: amount, Title: w.Title, Note: note, AsOf: period.AsOf,
		NonRefundableEUR: nonRefundable, Source: e.Law + " ; " + e.sourceIn(period)}
	if overridden {
		fee.Source = "montant indiqué dans le dossier"
	}
	p.Fees = append(p.Fees, fee)
	return nil
}

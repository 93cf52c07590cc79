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
// 35 KB of wording of the checklist, the deadlines and the warnings;
// render.Letter draws the same letter from it as from Compute's plan.
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

func (t *tables) compute(f *applicant.File, today civil.Date, cal *holiday.Table) (*Plan, error) {
	s, pr := f.Situation, f.Procedure
	p := newPlan(f, today)
	card := p.Route == RouteCard
	margin := max(f.Options.MailMarginDays, 0)
	postcode := f.Applicant.Address.Postcode

	fs := facts{
		Today:                  today,
		Route:                  p.Route,
		Card:                   card,
		Algerian:               p.Basis == BasisFrancoAlgerian,
		Permit:                 t.w.Permits[p.Basis],
		AsylumSeeker:           !s.AsylumRegisteredOn.IsZero(),
		AsylumRegisteredOn:     opt(s.AsylumRegisteredOn),
		FilingMonths:           filingMonthsCard,
		CertificateAvailableOn: opt(pr.CertificateAvailableOn),
		CertificateSentOn:      opt(pr.CertificateSentOn),
		MailNumber:             pr.RegisteredMailNumber,
		Doctor:                 pr.Doctor,
		FiledOn:                opt(pr.FiledOn),
		Filed:                  filedApplication(pr),
		Stage:                  p.Stage,
		ArrivedOn:              opt(s.ArrivedOn),
		Reference:              today,
		PolygamyOverride:       s.PolygamyDeclaration,
		PolygamySource:         t.poly.Source,
		CareOf:                 strings.TrimSpace(f.Applicant.Address.CareOf),
	}
	if !card {
		fs.FilingMonths = filingMonthsAPS
	}
	for _, pre := range overseasNoSuspension {
		fs.Overseas = fs.Overseas || strings.HasPrefix(postcode, pre)
	}
	if f.Applicant.Civility == applicant.Madame {
		fs.E = "e"
	}
	// care_of is either « chez » a person or the organisation that gives a
	// postal address (domiciliation), which issues an attestation (F17164).
	if fs.CareOf != "" && !strings.HasPrefix(strings.ToLower(fs.CareOf), "chez") {
		fs.Domiciliation = true
	}
	// Reference date of the one-year and six-month rules: the filing date
	// when the application was filed (the file is judged as it was then),
	// else today.
	if !pr.FiledOn.IsZero() {
		fs.Reference, fs.ReferenceIsFiling = pr.FiledOn, true
	}
	if h := f.Applicant.HostedBy; h != nil {
		fs.Host = person(h.Civility, h.GivenNames, h.FamilyName)
	}
	if c := s.SickChild; c != nil {
		fs.Child = strings.TrimSpace(c.GivenNames + " " + c.FamilyName)
	}
	if f.Identity.Document == applicant.NationalityCertificate && !f.Identity.IssuedOn.IsZero() {
		fs.IssuedOn = opt(f.Identity.IssuedOn)
		fs.NationalityCertificateExpiry = opt(f.Identity.IssuedOn.AddMonths(6)) // F17164: < 6 months
	}
	if !s.DomicileProofDated.IsZero() {
		fs.DomicileDated = opt(s.DomicileProofDated)
		fs.DomicileExpiry = opt(s.DomicileProofDated.AddMonths(6)) // F17164: < 6 months
	}
	if !s.ArrivedOn.IsZero() {
		// Comede note: one year of residence. A month alone counts from its
		// last day (SPEC §1: the later day, by prudence).
		fs.OneYearOn = opt(s.ArrivedOn.AddYears(1))
		fs.Arrival = "le " + french.Date(s.ArrivedOn)
		if s.ArrivedMonthOnly {
			fs.Arrival = "en " + french.Month(s.ArrivedOn.Month) + french.NBSP + strconv.Itoa(s.ArrivedOn.Year)
			fs.ArrivalMonthOnly = true
		}
	}
	maritalUnknown := f.Applicant.MaritalStatus == applicant.MaritalUnknown
	fs.PolygamyQuestion = maritalUnknown && s.PolygamyDeclaration == applicant.PolygamyAuto
	for _, k := range residenceProofs {
		label := t.w.Labels.ResidenceProofs[k]
		if slices.Contains(s.ResidenceProofs, k) {
			fs.Held = append(fs.Held, label)
		} else {
			fs.Suggested = append(fs.Suggested, label)
		}
	}
	for _, g := range s.RefusalGrounds {
		if !slices.Contains(refusalGrounds, g) {
			return nil, fmt.Errorf("situation.refusal_grounds: unknown ground %q", g)
		}
	}
	for _, g := range refusalGrounds { // stable order, each ground once
		if slices.Contains(s.RefusalGrounds, g) {
			fs.Grounds = append(fs.Grounds, t.w.Labels.RefusalGrounds[g])
		}
	}
	if fs.Country = applicant.CountryName(f.Applicant.Nationality); fs.Country == "" {
		fs.Country = f.Applicant.Nationality
	}
	polyList := t.polyList[strings.ToUpper(f.Applicant.Nationality)]
	if polyList != nil {
		fs.PolygamyList = polyList.Label
	}

	// Fees: the period of templates/data/fees.yaml in force today,
	// overridable by options.fees (SPEC §2, "Fees").
	period := t.fees.period(today)
	fs.FeeCaveat, fs.FeeSource = period.Caveat, period.Source
	stamp, visa, apsTax := period.fee(FeeStampDuty), period.fee(FeeRegularisationVisa), period.fee(FeeAPSTax)
	fs.StampDuty, fs.VisaFee, fs.VisaAtFiling = stamp.AmountEUR, visa.AmountEUR, visa.AtFilingEUR
	if apsTax != nil {
		fs.APSTax = apsTax.AmountEUR
	}
	rn, err := t.renewalOf(f, today, period)
	if err != nil {
		return nil, err
	}
	fs.Renewal, fs.Receipt = rn, opt(pr.ReceiptExpiresOn)
	overridden := map[string]bool{}
	for k, v := range f.Options.Fees {
		if v < 0 {
			return nil, fmt.Errorf("options.fees.%s: negative amount", k)
		}
		switch k {
		case stamp.Override:
			fs.StampDuty = v
		case visa.Override:
			fs.VisaFee = v
		case visa.AtFilingOverride:
			fs.VisaAtFiling = v
		case "aps_tax":
			fs.APSTax = v
		case FeeRenewalTax, FeeLateRenewalVisa: // in fs.Renewal
		default:
			return nil, fmt.Errorf("options.fees: unknown fee %q, expected one of %s", k, strings.Join(overrideKeys, ", "))
		}
		overridden[k] = true
	}

	// Deadlines (SPEC §2, "Deadlines").
	dl := func(id string, date, start civil.Date, data *facts) error {
		d, err := t.deadline(id, date, start, today, margin, postcode, cal, data)
		if err == nil {
			p.Deadlines = append(p.Deadlines, d)
		}
		return err
	}
	// application_filing: an asylum seeker whose filing date is unknown
	// files within 3 months of the registration (card), 2 for the APS
	// (CESEDA L. 431-2, D. 431-7; F34953).
	if fs.AsylumSeeker && !fs.Filed && rn == nil {
		due := s.AsylumRegisteredOn.AddMonths(fs.FilingMonths)
		if err := dl(DeadlineApplicationFiling, due, s.AsylumRegisteredOn, &fs); err != nil {
			return nil, err
		}
	}
	// certificate_to_ofii: asylum seeker, registration + 3 months (F17164,
	// D. 431-7) — F34953 says « à compter de l'enregistrement de votre
	// demande en préfecture », which may mean the filing: by prudence the
	// earlier of the two; otherwise availability in ANEF + 1 month (F17164).
	var certStart civil.Date
	switch {
	case fs.AsylumSeeker && rn == nil: // a renewal's certificate runs from its availability
		certStart = s.AsylumRegisteredOn
		due := s.AsylumRegisteredOn.AddMonths(asylumCertificateMonths)
		if !pr.FiledOn.IsZero() {
			fromFiling := pr.FiledOn.AddMonths(asylumCertificateMonths)
			fs.CertificateFromFiling = opt(fromFiling)
			if fromFiling.Before(due) {
				due = fromFiling
			}
		}
		fs.CertificateDue = opt(due)
	case !pr.CertificateAvailableOn.IsZero():
		certStart = pr.CertificateAvailableOn
		fs.CertificateDue = opt(pr.CertificateAvailableOn.AddMonths(1))
	}
	if fs.CertificateDue != nil {
		if err := dl(DeadlineCertificateToOFII, *fs.CertificateDue, certStart, &fs); err != nil {
			return nil, err
		}
	}
	// ofii_request_reply: the date on OFII's letter + 15 days (R. 425-12,
	// F17164); ofii_examination: the convocation's date.
	for i, r := range pr.OFIIRequests {
		rf := fs
		rf.RequestOn = opt(r.On)
		rf.Examination = r.Kind == applicant.RequestExamination
		if !slices.Contains(requestKinds, r.Kind) {
			return nil, fmt.Errorf("procedure.ofii_requests[%d].kind: unknown kind %q", i, r.Kind)
		}
		if r.On.IsZero() {
			return nil, fmt.Errorf("procedure.ofii_requests[%d].on: missing date", i)
		}
		// a convocation on or after the 15th day: the examination is the
		// step, and no reply date falls before it (SPEC §2, OFII examinations)
		reply := r.On.AddDays(replyDays)
		rf.AppointmentOn = opt(r.AppointmentOn)
		rf.LateConvocation = rf.Examination && !r.AppointmentOn.IsZero() && !r.AppointmentOn.Before(reply)
		if !rf.LateConvocation {
			if err := dl(DeadlineOFIIRequestReply, reply, r.On, &rf); err != nil {
				return nil, err
			}
		}
		if rf.Examination && !r.AppointmentOn.IsZero() {
			if err := dl(DeadlineOFIIExamination, r.AppointmentOn, r.On, &rf); err != nil {
				return nil, err
			}
		}
	}
	// implicit_refusal and its appeal, while no decision is recorded:
	// filing + 4 months (F17164; R. 432-1, R. 432-2), 2 for the APS by
	// prudence; the appeal 2 months later (CJA R. 421-2).
	if refusal, ok := silenceEnds(pr, p.Route); ok {
		appeal := refusal.AddMonths(appealImplicitMonths)
		fs.ImplicitRefusalOn, fs.AppealImplicitOn = opt(refusal), opt(appeal)
		fs.AppealImplicitPassed = appeal.Before(today)
		if err := dl(DeadlineImplicitRefusal, refusal, pr.FiledOn, &fs); err != nil {
			return nil, err
		}
		if err := dl(DeadlineAppealImplicitRefusal, appeal, refusal, &fs); err != nil {
			return nil, err
		}
	}
	if d := pr.Decision; d != nil && d.Outcome == applicant.Granted {
		fs.GrantedOn = opt(d.NotifiedOn)
	}
	// appeal_decision: a refusal's notification + the period it states.
	var dec *applicant.Decision
	if d := pr.Decision; d != nil && d.Outcome == applicant.Refused {
		dec = d
		fs.NotifiedOn, fs.OQTF = opt(d.NotifiedOn), d.OQTF
		fs.AppealPeriodGiven = d.AppealPeriod != ""
		fs.Appeal48h = d.AppealPeriod == applicant.Appeal48Hours
		fs.AppealWords = t.w.Labels.AppealPeriods[d.AppealPeriod]
		if !fs.AppealPeriodGiven {
			fs.AppealWords = t.w.Labels.AppealPeriods[applicant.AppealTwoMonths]
		}
		if due, ok := appealDue(d); ok {
			fs.AppealDue = opt(due)
			if err := dl(DeadlineAppealDecision, due, d.NotifiedOn, &fs); err != nil {
				return nil, err
			}
		}
	}
	if fs.DomicileExpiry != nil { // F17164: proof of domicile < 6 months
		if err := dl(DeadlineDomicileProofExpiry, *fs.DomicileExpiry, s.DomicileProofDated, &fs); err != nil {
			return nil, err
		}
	}
	if fs.NationalityCertificateExpiry != nil { // F17164: certificate of nationality < 6 months
		if err := dl(DeadlineNationalityCertificateExpiry, *fs.NationalityCertificateExpiry, f.Identity.IssuedOn, &fs); err != nil {
			return nil, err
		}
	}
	// one_year_residence: arrival + 1 year, only while in the future, and only
	// for the card, which requires it (Comede note).
	if card && rn == nil && fs.OneYearOn != nil && fs.OneYearOn.After(today) {
		if err := dl(DeadlineOneYearResidence, *fs.OneYearOn, s.ArrivedOn, &fs); err != nil {
			return nil, err
		}
	}
	// child_majority: the child's 18th birthday, while in the future
	// (CESEDA L. 425-10: the parent of a minor child).
	if c := s.SickChild; c != nil && !c.BirthDate.IsZero() {
		if adult := c.BirthDate.AddYears(18); adult.After(today) {
			if err := dl(DeadlineChildMajority, adult, c.BirthDate, &fs); err != nil {
				return nil, err
			}
		}
	}
	// the renewal's dates and the récépissé's end (SPEC §2, "Renewal")
	if err := rn.deadlines(pr, func(id string, date, start civil.Date) error { return dl(id, date, start, &fs) }); err != nil {
		return nil, err
	}
	sort.SliceStable(p.Deadlines, func(i, j int) bool {
		a, b := p.Deadlines[i], p.Deadlines[j]
		if c := a.Date.Compare(b.Date); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	})
	var certificate, implicit *Deadline
	var passedRequests []string
	for i, d := range p.Deadlines {
		switch d.ID {
		case DeadlineCertificateToOFII:
			certificate = &p.Deadlines[i]
		case DeadlineImplicitRefusal:
			implicit = &p.Deadlines[i]
		case DeadlineOFIIRequestReply:
			if d.Passed {
				passedRequests = append(passedRequests, french.Date(d.Date.AddDays(-replyDays)))
			}
		}
	}
	fs.PassedRequests = passedRequests
	polygamy := false // F17164, L. 412-6: married and the country allows polygamy; override yes/no
	switch s.PolygamyDeclaration {
	case applicant.PolygamyYes:
		polygamy = true
	case applicant.PolygamyNo:
		polygamy = false
	default:
		// unknown: the item stays, worded as a question (SPEC §1)
		polygamy = (f.Applicant.MaritalStatus == applicant.Married || maritalUnknown) && polyList != nil
	}
	hosted := f.Applicant.HostedBy != nil
	p.Documents = documentsOf(p, f.Applicant.Language, polygamy, hosted)
	if p.NextStep, err = t.nextStep(p, &fs, pr.Decision); err != nil {
		return nil, err
	}

	// Checklist (SPEC §2, "Checklist items"), in SPEC order: every piece
	// of the application, whatever the stage (the printed checklist
	// follows the stage).
	applies := map[string]bool{
		ItemBirthCertificate:           true,
		ItemBirthTranscriptionDecision: s.BirthTranscriptionDecision,
		ItemIdentityDocument:           true,
		ItemDomicileProof:              true,
		ItemHostAttestation:            hosted, // CESEDA annexe 10
		ItemHostIdentity:               hosted,
		ItemHostDomicileProof:          hosted,
		ItemEPhoto:                     card,  // F17164: the online application takes an e-photo code
		ItemIdentityPhotos:             !card, // annexe 10: filed at the prefecture
		ItemRepublicCommitment:         true,  // L. 412-7; worded as not required for an Algerian
		ItemNonPolygamyDeclaration:     polygamy,
		ItemResidenceProof:             card,  // F17164, Comede note
		ItemPrefectureInPerson:         !card, // F17164, F17336: no online process for the APS parent
		ItemChildBirthCertificate:      !card, // L. 425-10, annexe 10, F17336
		ItemChildCareProof:             !card, // L. 425-10
		ItemMedicalCertificate:         true,
		ItemStampDuty:                  card,                    // L. 436-7
		ItemRegularisationVisaFee:      card && !s.LongStayVisa, // L. 436-4
		ItemAPSTax:                     !card && apsTax != nil,  // L. 436-1 II, loi de finances pour 2026
	}
	for _, id := range checklistIDs {
		if on, ok := rn.item(id, card); ok {
			applies[id] = on // a renewal's pieces (SPEC §2, "Renewal")
		}
		if !applies[id] {
			continue
		}
		done := slices.Contains(f.DocumentsReady, id) ||
			(id == ItemMedicalCertificate && !pr.CertificateSentOn.IsZero())
		data := fs
		switch id {
		case ItemStampDuty:
			data.FeeLaw = stamp.Law
		case ItemRegularisationVisaFee:
			data.FeeLaw = visa.Law
		case ItemAPSTax:
			data.FeeLaw = apsTax.Law
		case ItemRenewalTax:
			data.FeeLaw = period.fee(FeeRenewalTax).Law
		case ItemLateRenewalVisa:
			data.FeeLaw = period.fee(FeeLateRenewalVisa).Law
		}
		it, err := t.item(id, f.Identity.Document, done, &data)
		if err != nil {
			return nil, err
		}
		p.Checklist = append(p.Checklist, it)
	}

	// Warnings (SPEC §2, "Warnings"), in the table's order.
	warn := func(id string, data *facts) error {
		w := t.w.Warnings[id]
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
		p.Warnings = append(p.Warnings, Warning{ID: id, Message: msg, Short: short, Source: src})
		return nil
	}
	filingLate := fs.AsylumSeeker && !pr.FiledOn.IsZero() &&
		pr.FiledOn.After(s.AsylumRegisteredOn.AddMonths(fs.FilingMonths))
	conds := []struct {
		id string
		on bool
	}{
		// Comede note: the card requires one year of residence at the reference date.
		{WarningLessThanOneYear, card && fs.OneYearOn != nil && fs.OneYearOn.After(fs.Reference)},
		{WarningRefusalRisk, len(fs.Grounds) > 0},
		{WarningApplicationLate, filingLate}, // L. 431-2, D. 431-7
		// SPEC §1: a certificate date without filed_on means the application
		// was filed; its date is unknown, and the silence cannot be counted.
		{WarningFilingDateUnknown, fs.Filed && pr.FiledOn.IsZero()},
		{WarningCertificateDeadlinePassed, certificate != nil && certificate.Passed && !certificate.Done},
		{WarningNoResponseToOFII, len(passedRequests) > 0},
		{WarningImplicitRefusalReached, implicit != nil && !implicit.Date.After(today)}, // CJA R. 421-2
		{WarningDecisionRefused, dec != nil},                                            // CJA R. 421-1; L. 911-1…
		{WarningAppealPeriodMissing, dec != nil && dec.OQTF && dec.AppealPeriod == ""},
		{WarningDomicileProofTooOld, fs.DomicileExpiry != nil && fs.DomicileExpiry.Before(fs.Reference)},
		{WarningNationalityCertificateTooOld, fs.NationalityCertificateExpiry != nil &&
			fs.NationalityCertificateExpiry.Before(fs.Reference)},
		{WarningNoIdentityDocument, f.Identity.Document == applicant.NoDocument},
		// L. 436-4: the visa fee is also due after 3 months without a card.
		// A month alone counts from its first day: the fee may be due (by prudence).
		{WarningVisaFeeMayApply, card && s.LongStayVisa && !s.ArrivedOn.IsZero() &&
			s.ArrivalFirstDay().AddMonths(3).Before(fs.Reference)},
		{WarningHostCareOfMissing, hosted && fs.CareOf == ""},
		// only while the pack holds the cover letter, whose box it leaves blank
		{WarningOFIIAddressMissing, !hasLines(f.OFIIAddress) && slices.Contains(p.Documents, DocCoverLetter)},
		{WarningAPSParentOffline, !card && p.Stage == StageToFile}, // how to file: only before filing
	}
	granted := pr.Decision != nil && pr.Decision.Outcome == applicant.Granted
	for _, id := range rn.warnings(granted) { // the renewal's first: its limit comes first
		if err := warn(id, &fs); err != nil {
			return nil, err
		}
	}
	for _, c := range conds {
		if c.on && !(rn != nil && firstOnlyWarnings[c.id]) {
			if err := warn(c.id, &fs); err != nil {
				return nil, err
			}
		}
	}

	// Fees of the period in force: the card's stamp duty, its regularisation
	// visa without a long-stay visa; the APS tax when the period has it.
	type feeRow struct {
		e             *feeEntry
		amount, kept  float64
		on, overriden bool
	}
	for _, r := range []feeRow{
		{stamp, fs.StampDuty, 0, card, overridden[stamp.Override]},
		{visa, fs.VisaFee, fs.VisaAtFiling, card && !s.LongStayVisa && rn == nil,
			overridden[visa.Override] || overridden[visa.AtFilingOverride]},
		{period.fee(FeeRenewalTax), rn.renewalTax(), 0, rn != nil && card, overridden[FeeRenewalTax]},
		{apsTax, fs.APSTax, 0, !card && apsTax != nil, overridden["aps_tax"]},
		{period.fee(FeeLateRenewalVisa), rn.lateVisa(), 0, rn.late(), overridden[FeeLateRenewalVisa]},
	} {
		if r.on {
			if err := t.addFee(p, period, r.e, r.amount, r.kept, r.overriden, fs); err != nil {
				return nil, err
			}
		}
	}

	return p, nil
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

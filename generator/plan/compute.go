package plan

import (
	"errors"
	"fmt"
	"slices"
	"sort"
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
	if f == nil {
		return nil, errors.New("plan: no applicant file")
	}
	if today.IsZero() {
		return nil, errors.New("plan: no date for today")
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

// Next returns the earliest deadline that is neither done nor passed, or nil.
func (p *Plan) Next() *Deadline {
	var next *Deadline
	for i := range p.Deadlines {
		d := &p.Deadlines[i]
		if d.Done || d.Passed {
			continue
		}
		if next == nil || d.Date.Before(next.Date) {
			next = d
		}
	}
	return next
}

// facts is what the wording templates of templates/text/plan.yaml see.
// Optional dates are pointers: nil (absent) is false in {{if}}.
type facts struct {
	Today        civil.Date
	Route        string
	Card         bool   // route card (L. 425-9)
	E            string // "e" for a woman: "entré{{.E}}"
	AsylumSeeker bool

	AsylumRegisteredOn     *civil.Date
	CertificateAvailableOn *civil.Date
	CertificateSentOn      *civil.Date
	CertificateDue         *civil.Date // certificate_to_ofii, nil when its start is unknown
	MailNumber             string
	Doctor                 string
	FiledOn                *civil.Date

	IssuedOn                     *civil.Date
	NationalityCertificateExpiry *civil.Date
	DomicileDated                *civil.Date
	DomicileExpiry               *civil.Date

	Host  string // "M. Ibrahim KONATÉ", "" when not hosted
	Child string // "Noé MBARGA", "" for route card

	Held      []string // residence proofs held, in French
	Suggested []string // the other kinds

	ArrivedOn         *civil.Date
	OneYearOn         *civil.Date
	Reference         civil.Date // filed_on, else today
	ReferenceIsFiling bool

	Country          string // French name of the nationality's country
	PolygamyList     string // label of the list the country is in, "" when in none
	PolygamyOverride string
	PolygamySource   string

	StampDuty    float64
	VisaFee      float64
	VisaAtFiling float64
	FeeCaveat    string
	Overridden   bool // the fee being written comes from options.fees

	Grounds []string // refusal grounds, in French

	RequestOn      *civil.Date // the OFII request being written
	RequestKind    string
	PassedRequests []string // dates in words of the requests whose 15 days are over
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

func (t *tables) compute(f *applicant.File, today civil.Date, cal *holiday.Table) (*Plan, error) {
	s, pr := f.Situation, f.Procedure
	p := &Plan{
		Format:    FormatV1,
		Today:     today,
		Route:     RouteCard,
		Checklist: []Item{},
		Deadlines: []Deadline{},
		Warnings:  []Warning{},
		Fees:      []Fee{},
		Documents: []string{},
	}
	// Route: the APS of the parent of a sick minor child (L. 425-10) when
	// sick_child is set, else the card for care (L. 425-9). SPEC §2.
	if s.SickChild != nil {
		p.Route = RouteAPSParent
	}
	card := p.Route == RouteCard
	margin := max(f.Options.MailMarginDays, 0)
	postcode := f.Applicant.Address.Postcode

	fs := facts{
		Today:                  today,
		Route:                  p.Route,
		Card:                   card,
		AsylumSeeker:           !s.AsylumRegisteredOn.IsZero(),
		AsylumRegisteredOn:     opt(s.AsylumRegisteredOn),
		CertificateAvailableOn: opt(pr.CertificateAvailableOn),
		CertificateSentOn:      opt(pr.CertificateSentOn),
		MailNumber:             pr.RegisteredMailNumber,
		Doctor:                 pr.Doctor,
		FiledOn:                opt(pr.FiledOn),
		ArrivedOn:              opt(s.ArrivedOn),
		Reference:              today,
		PolygamyOverride:       s.PolygamyDeclaration,
		PolygamySource:         t.poly.Source,
		FeeCaveat:              t.fees.Caveat,
	}
	if f.Applicant.Civility == applicant.Madame {
		fs.E = "e"
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
		fs.NationalityCertificateExpiry = opt(f.Identity.IssuedOn.AddMonths(6)) // seed 000: < 6 months
	}
	if !s.DomicileProofDated.IsZero() {
		fs.DomicileDated = opt(s.DomicileProofDated)
		fs.DomicileExpiry = opt(s.DomicileProofDated.AddMonths(6)) // seed 000: < 6 months
	}
	if !s.ArrivedOn.IsZero() {
		fs.OneYearOn = opt(s.ArrivedOn.AddYears(1)) // seed 004: one year of residence
	}
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

	// Fees: one dated table (seed 000, verified 31 July 2024), overridable
	// by options.fees.
	stamp, visa := t.fee(FeeStampDuty), t.fee(FeeRegularisationVisa)
	fs.StampDuty, fs.VisaFee, fs.VisaAtFiling = stamp.AmountEUR, visa.AmountEUR, visa.AtFilingEUR
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
		default:
			return nil, fmt.Errorf("options.fees: unknown fee %q, expected one of %s", k, strings.Join(overrideKeys, ", "))
		}
		overridden[k] = true
	}

	// Deadlines (SPEC §2, "Deadlines").
	dl := func(id string, date civil.Date, posted bool, data *facts) error {
		d, err := t.deadline(id, date, posted, today, margin, postcode, cal, data)
		if err == nil {
			p.Deadlines = append(p.Deadlines, d)
		}
		return err
	}
	// certificate_to_ofii: asylum seeker, registration + 3 months (D. 431-7);
	// otherwise availability in ANEF + 1 month (L. 431-2). Seed 000.
	switch {
	case fs.AsylumSeeker:
		fs.CertificateDue = opt(s.AsylumRegisteredOn.AddMonths(3))
	case !pr.CertificateAvailableOn.IsZero():
		fs.CertificateDue = opt(pr.CertificateAvailableOn.AddMonths(1))
	}
	if fs.CertificateDue != nil {
		if err := dl(DeadlineCertificateToOFII, *fs.CertificateDue, true, &fs); err != nil {
			return nil, err
		}
	}
	// ofii_request_reply: each request + 15 days (seed 000, R. 425-12).
	for i, r := range pr.OFIIRequests {
		rf := fs
		rf.RequestOn = opt(r.On)
		rf.RequestKind = t.w.Labels.RequestKinds[r.Kind]
		if rf.RequestKind == "" {
			return nil, fmt.Errorf("procedure.ofii_requests[%d].kind: unknown kind %q", i, r.Kind)
		}
		if r.On.IsZero() {
			return nil, fmt.Errorf("procedure.ofii_requests[%d].on: missing date", i)
		}
		if err := dl(DeadlineOFIIRequestReply, r.On.AddDays(15), true, &rf); err != nil {
			return nil, err
		}
	}
	// implicit_refusal: filing + 4 months of silence (seed 000, R. 432-1, R. 432-2).
	if !pr.FiledOn.IsZero() {
		if err := dl(DeadlineImplicitRefusal, pr.FiledOn.AddMonths(4), false, &fs); err != nil {
			return nil, err
		}
	}
	if fs.DomicileExpiry != nil { // seed 000: proof of domicile < 6 months
		if err := dl(DeadlineDomicileProofExpiry, *fs.DomicileExpiry, false, &fs); err != nil {
			return nil, err
		}
	}
	if fs.NationalityCertificateExpiry != nil { // seed 000: certificate of nationality < 6 months
		if err := dl(DeadlineNationalityCertificateExpiry, *fs.NationalityCertificateExpiry, false, &fs); err != nil {
			return nil, err
		}
	}
	// one_year_residence: arrival + 1 year, only while in the future, and only
	// for the card, which requires it (seed 004).
	if card && fs.OneYearOn != nil && fs.OneYearOn.After(today) {
		if err := dl(DeadlineOneYearResidence, *fs.OneYearOn, false, &fs); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(p.Deadlines, func(i, j int) bool {
		a, b := p.Deadlines[i], p.Deadlines[j]
		if c := a.Date.Compare(b.Date); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	})
	var certificate *Deadline
	var passedRequests []string
	for i, d := range p.Deadlines {
		switch d.ID {
		case DeadlineCertificateToOFII:
			certificate = &p.Deadlines[i]
		case DeadlineOFIIRequestReply:
			if d.Passed {
				passedRequests = append(passedRequests, french.Date(d.Date.AddDays(-15)))
			}
		}
	}
	fs.PassedRequests = passedRequests

	// Checklist (SPEC §2, "Checklist items"), in SPEC order.
	polygamy := false // seed 000: married and the country allows polygamy; override yes/no
	switch s.PolygamyDeclaration {
	case applicant.PolygamyYes:
		polygamy = true
	case applicant.PolygamyNo:
		polygamy = false
	default:
		polygamy = f.Applicant.MaritalStatus == applicant.Married && polyList != nil
	}
	hosted := f.Applicant.HostedBy != nil
	applies := map[string]bool{
		ItemBirthCertificate:           true,
		ItemBirthTranscriptionDecision: s.BirthTranscriptionDecision,
		ItemIdentityDocument:           true,
		ItemDomicileProof:              true,
		ItemHostAttestation:            hosted, // prefecture practice
		ItemHostIdentity:               hosted,
		ItemHostDomicileProof:          hosted,
		ItemEPhoto:                     true,
		ItemRepublicCommitment:         true,
		ItemNonPolygamyDeclaration:     polygamy,
		ItemResidenceProof:             card,  // seed 000, seed 004
		ItemPrefectureInPerson:         !card, // seed 000: no online process for the APS parent
		ItemMedicalCertificate:         true,
		ItemStampDuty:                  card,
		ItemRegularisationVisaFee:      card && !s.LongStayVisa,
	}
	for _, id := range checklistIDs {
		if !applies[id] {
			continue
		}
		done := slices.Contains(f.DocumentsReady, id) ||
			(id == ItemMedicalCertificate && !pr.CertificateSentOn.IsZero())
		it, err := t.item(id, f.Identity.Document, done, &fs)
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
		p.Warnings = append(p.Warnings, Warning{ID: id, Message: msg, Source: w.Source})
		return nil
	}
	conds := []struct {
		id string
		on bool
	}{
		// seed 004: the card requires one year of residence at the reference date.
		{WarningLessThanOneYear, card && fs.OneYearOn != nil && fs.OneYearOn.After(fs.Reference)},
		{WarningRefusalRisk, len(fs.Grounds) > 0},
		{WarningCertificateDeadlinePassed, certificate != nil && certificate.Passed && !certificate.Done},
		{WarningNoResponseToOFII, len(passedRequests) > 0},
		{WarningDomicileProofTooOld, fs.DomicileExpiry != nil && fs.DomicileExpiry.Before(fs.Reference)},
		{WarningNationalityCertificateTooOld, fs.NationalityCertificateExpiry != nil &&
			fs.NationalityCertificateExpiry.Before(fs.Reference)},
		{WarningNoIdentityDocument, f.Identity.Document == applicant.NoDocument},
		{WarningOFIIAddressMissing, !hasLines(f.OFIIAddress)},
		{WarningAPSParentOffline, !card},
	}
	for _, c := range conds {
		if c.on {
			if err := warn(c.id, &fs); err != nil {
				return nil, err
			}
		}
	}

	// Fees: route card; the regularisation visa only without a long-stay visa (seed 000).
	if card {
		if err := t.addFee(p, stamp, fs.StampDuty, 0, overridden[stamp.Override], fs); err != nil {
			return nil, err
		}
		if !s.LongStayVisa {
			o := overridden[visa.Override] || overridden[visa.AtFilingOverride]
			if err := t.addFee(p, visa, fs.VisaFee, fs.VisaAtFiling, o, fs); err != nil {
				return nil, err
			}
		}
	}

	// Documents, in print order (SPEC §2).
	p.Documents = append(p.Documents, DocChecklist, DocCoverLetter)
	if polygamy {
		p.Documents = append(p.Documents, DocNonPolygamyDeclaration)
	}
	if hosted {
		p.Documents = append(p.Documents, DocHostAttestation)
	}
	p.Documents = append(p.Documents, DocCalendar)
	return p, nil
}

// deadline builds one deadline: non_working_day flags a Saturday, Sunday or
// public holiday where the applicant lives, without moving the date; post_by
// (posted deadlines only) is the latest working day at least margin calendar
// days before the date (SPEC §2).
func (t *tables) deadline(id string, date civil.Date, posted bool, today civil.Date, margin int,
	postcode string, cal *holiday.Table, data *facts) (Deadline, error) {
	w := t.w.Deadlines[id]
	d := Deadline{
		ID:       id,
		Date:     date,
		Passed:   date.Before(today),
		Source:   w.Source,
		DaysLeft: today.DaysUntil(date),
		// done: the certificate has been posted (SPEC §2)
		Done: id == DeadlineCertificateToOFII && data.CertificateSentOn != nil,
	}
	d.Holiday, _ = cal.Lookup(date, postcode)
	d.NonWorkingDay = d.Holiday != "" || isWeekend(date)
	if posted {
		pb := date.AddDays(-margin)
		for !cal.IsWorkingDay(pb, postcode) {
			pb = pb.AddDays(-1)
		}
		d.PostBy = &pb
	}
	var err error
	if d.Title, err = w.Title.render(data); err != nil {
		return d, fmt.Errorf("deadline %s: %w", id, err)
	}
	if d.Detail, err = w.Detail.render(data); err != nil {
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

func (t *tables) addFee(p *Plan, e *feeEntry, amount, nonRefundable float64, overridden bool, fs facts) error {
	w := t.w.Fees[e.ID]
	data := &fs
	data.Overridden = overridden
	note, err := w.Note.render(data)
	if err != nil {
		return fmt.Errorf("fee %s: %w", e.ID, err)
	}
	fee := Fee{ID: e.ID, AmountEUR: amount, Title: w.Title, Note: note, AsOf: t.fees.AsOf,
		NonRefundableEUR: nonRefundable, Source: t.fees.Source}
	if overridden {
		fee.Source = "options.fees"
	}
	p.Fees = append(p.Fees, fee)
	return nil
}

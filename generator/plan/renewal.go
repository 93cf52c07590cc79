package plan

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/templates"
)

// The renewal of the permit held now (SPEC §2, "Renewal"): with
// current_permit set, the procedure's fields describe the renewal
// application, which goes through the same OFII procedure from its own
// dates. This file holds its rules; their wording is the renewal section of
// templates/text/plan.yaml, their fees in templates/data/fees.yaml.

// Checklist items of a renewal (SPEC §2, "Renewal").
const (
	ItemCurrentPermit   = "current_permit"    // a copy of the permit held
	ItemRenewalTax      = "renewal_tax"       // CESEDA L. 436-1
	ItemLateRenewalVisa = "late_renewal_visa" // CESEDA L. 436-5
)

// Deadlines of a renewal; receipt_expiry is also a first application's.
const (
	DeadlineRenewalWindowOpens = "renewal_window_opens"
	DeadlineRenewalFiling      = "renewal_filing"
	DeadlinePermitExpiry       = "permit_expiry"
	DeadlineReceiptExpiry      = "receipt_expiry"
)

// Warnings of a renewal; next_renewal follows any grant.
const (
	WarningRenewalLate               = "renewal_late"
	WarningPermitExpired             = "permit_expired"
	WarningMultiYearCard             = "multi_year_card"
	WarningChildMajorityBeforeExpiry = "child_majority_before_expiry"
	WarningNextRenewal               = "next_renewal"
)

// Fees of a renewal.
const (
	FeeRenewalTax      = "renewal_tax"       // CESEDA L. 436-1: the first-issue exemption does not cover renewals
	FeeLateRenewalVisa = "late_renewal_visa" // CESEDA L. 436-5: a renewal asked for after the limit
)

// Rule constants of CESEDA R. 431-5, 1° (décret n° 2021-313): a permit of
// the list of R. 431-2 (filed online, ANEF) is renewed between the 120th
// and the 60th day before its expiry; another within the 2 months before
// it. The card, the multi-year card and the Algerian certificate are
// treated as filed online, by prudence (the earlier limit; SPEC §2); the
// APS of L. 425-10 is filed at the prefecture.
const (
	windowOpensDays  = 120
	filingDueDays    = 60
	apsWindowMonths  = 2
	childNoticeMonth = 6 // SPEC §2: the child turns 18 within 6 months
)

// a2Rule is the day the A2 French level and the civic examination became
// conditions of a first multi-year card (loi n° 2024-42; décret n°
// 2025-647 du 15 juillet 2025).
var a2Rule = civil.New(2026, 1, 1)

// HeldPermit is how the documents name the permit held now.
type HeldPermit struct {
	Title string `yaml:"title"` // in titles
	Name  string `yaml:"name"`  // in sentences, without article
	Short string `yaml:"short"` // with its article: « la carte de séjour temporaire »
	Your  string `yaml:"your"`  // « votre carte de séjour temporaire »
	E     string `yaml:"e"`     // the agreement of a participle: "e" or ""
}

// renewalWording is the renewal section of plan.yaml: items, deadlines,
// warnings and fees that join the wording's own.
type renewalWording struct {
	Items     map[string]itemWording     `yaml:"items"`
	Deadlines map[string]deadlineWording `yaml:"deadlines"`
	Warnings  map[string]warningWording  `yaml:"warnings"`
	Fees      map[string]feeWording      `yaml:"fees"`
}

// permitKinds are the kinds of current_permit, in the loader's order.
var permitKinds = []string{applicant.PermitCard, applicant.PermitMultiYear, applicant.PermitAlgerian, applicant.PermitAPS}

// mergeRenewal adds the renewal section's items, deadlines, warnings and
// fees to the wording's; an ID in both is an error.
func (w *wording) mergeRenewal() error {
	if err := checkHeldPermits(w.HeldPermits); err != nil {
		return err
	}
	if err := merge(w.Items, w.Renewal.Items, "items"); err != nil {
		return err
	}
	if err := merge(w.Deadlines, w.Renewal.Deadlines, "deadlines"); err != nil {
		return err
	}
	if err := merge(w.Warnings, w.Renewal.Warnings, "warnings"); err != nil {
		return err
	}
	return merge(w.Fees, w.Renewal.Fees, "fees")
}

func merge[V any](into, from map[string]V, section string) error {
	for id, v := range from {
		if _, dup := into[id]; dup {
			return fmt.Errorf("%s: renewal: %s: %s is also in the wording's %s", WordingPath, section, id, section)
		}
		into[id] = v
	}
	return nil
}

// checkHeldPermits reports a kind of current_permit whose name is missing.
func checkHeldPermits(held map[string]HeldPermit) error {
	for _, k := range permitKinds {
		if p := held[k]; p.Title == "" || p.Name == "" || p.Short == "" || p.Your == "" {
			return fmt.Errorf("%s: held_permits: %s needs title, name, short and your", WordingPath, k)
		}
	}
	return nil
}

// loadHeldPermits reads the held_permits section of the embedded wording
// alone, once: the letter names the permit held and needs nothing else of
// plan.yaml (as loadPermits).
var loadHeldPermits = sync.OnceValues(func() (map[string]HeldPermit, error) {
	b, err := templates.FS.ReadFile(WordingPath)
	if err != nil {
		return nil, err
	}
	sec, line, ok := topLevelSection(b, "held_permits")
	if !ok {
		return nil, fmt.Errorf("%s: no top-level key held_permits", WordingPath)
	}
	sec = append(bytes.Repeat([]byte("\n"), line-1), sec...)
	var w struct {
		HeldPermits map[string]HeldPermit `yaml:"held_permits"`
	}
	if err := decodeStrict(WordingPath, sec, &w); err != nil {
		return nil, err
	}
	return w.HeldPermits, checkHeldPermits(w.HeldPermits)
})

// HeldPermitOf returns how the documents name a permit held now, by the
// kind of current_permit (the letter, the titles of a renewal).
func HeldPermitOf(kind string) (HeldPermit, error) {
	held, err := loadHeldPermits()
	if err != nil {
		return HeldPermit{}, fmt.Errorf("plan: %w", err)
	}
	p, ok := held[kind]
	if !ok {
		return HeldPermit{}, fmt.Errorf("plan: unknown permit kind %q", kind)
	}
	return p, nil
}

// renewal is what the wording sees of a renewal (.Renewal): nil for a
// first application. Its methods take a nil renewal as a first
// application's.
type renewal struct {
	Kind          string // current_permit.kind
	Held          HeldPermit
	ExpiresOn     civil.Date
	IssuedOn      *civil.Date
	WindowOpensOn civil.Date // renewal_window_opens
	FilingDue     civil.Date // renewal_filing: the last day to file in time
	ANEF          bool       // a card kind, filed online: the 120th to the 60th day
	Filed         bool       // the renewal application was filed
	Late          bool       // renewal_late: the limit passed, not filed, or filed after it
	Expired       bool       // the permit's last day is past
	Covered       bool       // a récépissé or attestation valid today
	// ReceiptCovers: the récépissé held ends after the permit does, so it
	// takes over as the proof of lawful stay (the permit's end is then not
	// a step: the récépissé's is).
	ReceiptCovers bool
	Decided       bool // the prefect's decision is recorded
	// ChildAdultOn: the sick child's 18th birthday, when it falls before
	// the APS's expiry or within 6 months (child_majority_before_expiry).
	ChildAdultOn           *civil.Date
	ChildAdultBeforeExpiry bool
	A2Rule                 bool // today is on or after 1 January 2026

	RenewalTax, LateVisa   float64
	TaxSource, TaxCaveat   string // of the renewal tax in force
	LateSource, LateCaveat string // of the late renewal visa in force
}

// renewalWindow returns the first day to file the renewal of a permit
// expiring on expires, and the last day to file it in time (CESEDA R.
// 431-5, 1°): the 120th and the 60th day before the expiry for a card
// kind; for the APS the 2 months before it, the last being the day before
// the expiry.
func renewalWindow(kind string, expires civil.Date) (opens, due civil.Date) {
	if kind == applicant.PermitAPS {
		return expires.AddMonths(-apsWindowMonths), expires.AddDays(-1)
	}
	return expires.AddDays(-windowOpensDays), expires.AddDays(-filingDueDays)
}

// filedApplication reports whether the application was filed: filed_on,
// or a date of the medical certificate, which exists only once the
// application is filed (SPEC §1).
func filedApplication(pr applicant.Procedure) bool {
	return !pr.FiledOn.IsZero() || !pr.CertificateAvailableOn.IsZero() || !pr.CertificateSentOn.IsZero()
}

// renewalOf returns the renewal facts of f on today, or nil for a first
// application.
func (t *tables) renewalOf(f *applicant.File, today civil.Date, period *feePeriod) (*renewal, error) {
	cp := f.CurrentPermit
	if cp == nil {
		return nil, nil
	}
	held, ok := t.w.HeldPermits[cp.Kind]
	if !ok {
		return nil, fmt.Errorf("current_permit.kind: unknown kind %q", cp.Kind)
	}
	if cp.ExpiresOn.IsZero() {
		return nil, fmt.Errorf("current_permit.expires_on: missing date")
	}
	pr := f.Procedure
	r := &renewal{Kind: cp.Kind, Held: held, ExpiresOn: cp.ExpiresOn, IssuedOn: opt(cp.IssuedOn),
		ANEF: cp.Kind != applicant.PermitAPS, Filed: filedApplication(pr), A2Rule: !today.Before(a2Rule)}
	r.WindowOpensOn, r.FilingDue = renewalWindow(cp.Kind, cp.ExpiresOn)
	// late: not filed and the limit passed, or filed after it (the visa of
	// L. 436-5 is due for a renewal asked for after the limit)
	r.Late = (!r.Filed && r.FilingDue.Before(today)) || (!pr.FiledOn.IsZero() && pr.FiledOn.After(r.FilingDue))
	r.Expired = cp.ExpiresOn.Before(today)
	r.Covered = !pr.ReceiptExpiresOn.IsZero() && !pr.ReceiptExpiresOn.Before(today)
	r.ReceiptCovers = pr.ReceiptExpiresOn.After(cp.ExpiresOn)
	r.Decided = pr.Decision != nil
	if c := f.Situation.SickChild; c != nil && cp.Kind == applicant.PermitAPS && !c.BirthDate.IsZero() {
		adult := c.BirthDate.AddYears(18)
		before := !adult.After(cp.ExpiresOn)
		if before || !adult.After(today.AddMonths(childNoticeMonth)) {
			r.ChildAdultOn, r.ChildAdultBeforeExpiry = opt(adult), before
		}
	}
	for _, fee := range []struct {
		id             string
		amount         *float64
		source, caveat *string
	}{
		{FeeRenewalTax, &r.RenewalTax, &r.TaxSource, &r.TaxCaveat},
		{FeeLateRenewalVisa, &r.LateVisa, &r.LateSource, &r.LateCaveat},
	} {
		e := period.fee(fee.id)
		if e == nil {
			return nil, fmt.Errorf("%s: no fee %s in the period in force", FeesPath, fee.id)
		}
		*fee.amount, *fee.source, *fee.caveat = e.AmountEUR, e.sourceIn(period), e.caveatIn(period)
		if v, ok := f.Options.Fees[fee.id]; ok {
			*fee.amount = v
		}
	}
	return r, nil
}

// renewalDeadlines adds the renewal's dates (SPEC §2, "Renewal") and the
// récépissé's expiry, which a first application has too. renewal_filing
// stands while the renewal is not filed; it runs from the permit's issue
// (zero when unknown): a renewal not yet filed always has it as a step.
func (r *renewal) deadlines(pr applicant.Procedure, add func(id string, date, start civil.Date) error) error {
	if !pr.ReceiptExpiresOn.IsZero() {
		if err := add(DeadlineReceiptExpiry, pr.ReceiptExpiresOn, civil.Date{}); err != nil {
			return err
		}
	}
	if r == nil {
		return nil
	}
	start := civil.Date{}
	if r.IssuedOn != nil {
		start = *r.IssuedOn
	}
	if !r.Filed {
		if err := add(DeadlineRenewalWindowOpens, r.WindowOpensOn, start); err != nil {
			return err
		}
		if err := add(DeadlineRenewalFiling, r.FilingDue, start); err != nil {
			return err
		}
	}
	return add(DeadlinePermitExpiry, r.ExpiresOn, start)
}

// renewalTax, lateVisa and late are the renewal's fees and lateness; 0
// and false for a first application.
func (r *renewal) renewalTax() float64 {
	if r == nil {
		return 0
	}
	return r.RenewalTax
}

func (r *renewal) lateVisa() float64 {
	if r == nil {
		return 0
	}
	return r.LateVisa
}

func (r *renewal) late() bool { return r != nil && r.Late }

// firstOnly are the checklist items of a first application that a renewal
// does not ask again (SPEC §2, "Renewal"): the birth certificates (unless
// the prefecture asks: the current_permit item says so), the proof of one
// year's residence, the regularisation visa.
var firstOnly = map[string]bool{
	ItemBirthCertificate:           true,
	ItemBirthTranscriptionDecision: true,
	ItemResidenceProof:             true,
	ItemRegularisationVisaFee:      true,
	ItemChildBirthCertificate:      true,
}

// items says which checklist items a renewal adds or drops: ok false
// leaves the first application's rule.
func (r *renewal) item(id string, card bool) (applies, ok bool) {
	if r == nil {
		switch id {
		case ItemCurrentPermit, ItemRenewalTax, ItemLateRenewalVisa:
			return false, true
		}
		return false, false
	}
	switch id {
	case ItemCurrentPermit:
		return true, true
	case ItemRenewalTax:
		return card, true // L. 436-1; the APS pays aps_tax instead
	case ItemLateRenewalVisa:
		return r.Late, true
	}
	if firstOnly[id] {
		return false, true
	}
	return false, false
}

// firstOnlyWarnings are the warnings about a first application's
// conditions: one year's residence, a late first filing of an asylum
// seeker, the regularisation visa.
var firstOnlyWarnings = map[string]bool{
	WarningLessThanOneYear: true,
	WarningApplicationLate: true,
	WarningVisaFeeMayApply: true,
}

// renewalWarningIDs are the warnings of a renewal and of a grant, in the
// order the plan lists them (before the others: a renewal's limit comes
// first).
var renewalWarningIDs = []string{WarningRenewalLate, WarningPermitExpired, WarningMultiYearCard,
	WarningChildMajorityBeforeExpiry, WarningNextRenewal}

// warnings returns the renewal's warnings that hold, in SPEC order, and
// next_renewal after any grant.
func (r *renewal) warnings(granted bool) []string {
	var ids []string
	if r != nil {
		if r.Late {
			ids = append(ids, WarningRenewalLate)
		}
		if r.Expired && !r.Covered {
			ids = append(ids, WarningPermitExpired)
		}
		if r.Kind == applicant.PermitCard && !r.Decided { // advice before the decision
			ids = append(ids, WarningMultiYearCard)
		}
		if r.ChildAdultOn != nil {
			ids = append(ids, WarningChildMajorityBeforeExpiry)
		}
	}
	if granted {
		ids = append(ids, WarningNextRenewal)
	}
	return ids
}

package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
)

// renewalFile is base() holding a permit of kind that expires on expires:
// an Algerian national for the certificate, the parent of a sick child
// (aged 7) for the APS.
func renewalFile(kind string, expires civil.Date) *applicant.File {
	f := base()
	f.Applicant.Nationality = "ML"
	switch kind {
	case applicant.PermitAlgerian:
		f.Applicant.Nationality = "DZ"
	case applicant.PermitAPS:
		f.Situation.SickChild = &applicant.Child{GivenNames: "Noé", FamilyName: "SOW", BirthDate: civil.New(2019, 6, 20)}
	}
	f.CurrentPermit = &applicant.Permit{Kind: kind, ExpiresOn: expires}
	return f
}

// computeOn is the plan of f on the day on.
func computeOn(t testing.TB, f *applicant.File, on civil.Date) *Plan {
	t.Helper()
	p, err := Compute(f, on)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func feeOf(p *Plan, id string) *Fee {
	for i := range p.Fees {
		if p.Fees[i].ID == id {
			return &p.Fees[i]
		}
	}
	return nil
}

// The renewal window of CESEDA R. 431-5, 1°: the 120th to the 60th day
// before the expiry for the card kinds (filed on ANEF, by prudence for the
// three); the 2 months before it for the APS, the last day being the day
// before the expiry. Months of 28, 29, 30 and 31 days.
func TestRenewalWindow(t *testing.T) {
	tests := []struct {
		kind, expires, opens, due string
	}{
		{applicant.PermitCard, "2027-01-11", "2026-09-13", "2026-11-12"},
		{applicant.PermitMultiYear, "2027-01-11", "2026-09-13", "2026-11-12"},
		{applicant.PermitAlgerian, "2027-01-11", "2026-09-13", "2026-11-12"},
		{applicant.PermitCard, "2027-03-01", "2026-11-01", "2026-12-31"}, // across February (28 days)
		{applicant.PermitCard, "2028-03-01", "2027-11-02", "2028-01-01"}, // across a 29-day February
		{applicant.PermitCard, "2027-12-31", "2027-09-02", "2027-11-01"},
		{applicant.PermitAPS, "2027-01-11", "2026-11-11", "2027-01-10"},
		{applicant.PermitAPS, "2027-03-31", "2027-01-31", "2027-03-30"},  // 31-day months
		{applicant.PermitAPS, "2027-04-30", "2027-02-28", "2027-04-29"},  // to a 28-day February: its last day
		{applicant.PermitAPS, "2028-04-30", "2028-02-29", "2028-04-29"},  // to a 29-day February
		{applicant.PermitAPS, "2027-04-29", "2027-02-28", "2027-04-28"},  // the 29th of a 28-day February
		{applicant.PermitAPS, "2027-03-01", "2027-01-01", "2027-02-28"},  // the day before is February's last
		{applicant.PermitAPS, "2028-03-01", "2028-01-01", "2028-02-29"},  // … in a leap year
		{applicant.PermitAPS, "2027-06-30", "2027-04-30", "2027-06-29"},  // 30-day months
		{applicant.PermitAPS, "2027-12-31", "2027-10-31", "2027-12-30"},  // across 30- and 31-day months
		{applicant.PermitAPS, "2027-01-01", "2026-11-01", "2026-12-31"},  // across the year
		{applicant.PermitAPS, "2027-05-31", "2027-03-31", "2027-05-30"},  // April has 30 days: 31 March stays
		{applicant.PermitAPS, "2027-07-31", "2027-05-31", "2027-07-30"},  // June has 30 days
		{applicant.PermitAPS, "2027-10-31", "2027-08-31", "2027-10-30"},  // September has 30 days
		{applicant.PermitAPS, "2027-08-31", "2027-06-30", "2027-08-30"},  // to a 30-day month: its last day
		{applicant.PermitCard, "2027-04-30", "2026-12-31", "2027-03-01"}, // 120 days span 31-, 28- and 31-day months
	}
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.expires, func(t *testing.T) {
			opens, due := renewalWindow(tt.kind, day(t, tt.expires))
			if opens != day(t, tt.opens) || due != day(t, tt.due) {
				t.Errorf("window %s – %s, want %s – %s", opens, due, tt.opens, tt.due)
			}
			// the same dates in the plan
			p := computeOn(t, renewalFile(tt.kind, day(t, tt.expires)), day(t, "2026-06-01"))
			if d := deadline(t, p, DeadlineRenewalWindowOpens); d == nil || d.Date != opens || d.Kind != KindMilestone {
				t.Errorf("renewal_window_opens %+v", d)
			}
			if d := deadline(t, p, DeadlineRenewalFiling); d == nil || d.Date != due || d.Kind != KindDeadline || d.PostBy != nil {
				t.Errorf("renewal_filing %+v", d)
			}
			if d := deadline(t, p, DeadlinePermitExpiry); d == nil || d.Date != day(t, tt.expires) || d.Kind != KindExpiry {
				t.Errorf("permit_expiry %+v", d)
			}
		})
	}
}

// For each permit kind, the day before, on and after the window's
// opening, the filing limit (the 60th day; the day before expiry for the
// APS) and the expiry: which dates have passed, the next step, the
// warnings and the late visa.
func TestRenewalBoundaries(t *testing.T) {
	// expiries after months of 31, 30, 28 and 29 days
	for _, expires := range []civil.Date{civil.New(2027, 3, 31), civil.New(2027, 4, 30), civil.New(2027, 3, 1), civil.New(2028, 3, 1)} {
		for _, kind := range permitKinds {
			boundaries(t, kind, expires)
		}
	}
}

func boundaries(t *testing.T, kind string, expires civil.Date) {
	opens, due := renewalWindow(kind, expires)
	for _, on := range []civil.Date{opens.AddDays(-1), opens, opens.AddDays(1), due.AddDays(-1), due,
		due.AddDays(1), expires.AddDays(-1), expires, expires.AddDays(1)} {
		w := struct{ openPassed, duePassed, expired bool }{on.After(opens), on.After(due), on.After(expires)}
		t.Run(fmt.Sprintf("%s expiring %s on %s", kind, expires, on), func(t *testing.T) {
			p := computeOn(t, renewalFile(kind, expires), on)
			if got := deadline(t, p, DeadlineRenewalWindowOpens).Passed; got != w.openPassed {
				t.Errorf("renewal_window_opens passed %v, want %v", got, w.openPassed)
			}
			if got := deadline(t, p, DeadlineRenewalFiling).Passed; got != w.duePassed {
				t.Errorf("renewal_filing passed %v, want %v", got, w.duePassed)
			}
			if got := deadline(t, p, DeadlinePermitExpiry).Passed; got != w.expired {
				t.Errorf("permit_expiry passed %v, want %v", got, w.expired)
			}
			// a renewal not filed always has its filing as the step: late once passed
			if s := p.NextStep; s == nil || s.ID != DeadlineRenewalFiling || s.Late != w.duePassed {
				t.Errorf("next step %+v, want renewal_filing late %v", s, w.duePassed)
			}
			if got := warning(p, WarningRenewalLate) != nil; got != w.duePassed {
				t.Errorf("renewal_late %v, want %v", got, w.duePassed)
			}
			if got := warning(p, WarningPermitExpired) != nil; got != w.expired {
				t.Errorf("permit_expired %v, want %v", got, w.expired)
			}
			if got := feeOf(p, FeeLateRenewalVisa) != nil; got != w.duePassed {
				t.Errorf("late_renewal_visa fee %v, want %v", got, w.duePassed)
			}
			if got := item(p, ItemLateRenewalVisa) != nil; got != w.duePassed {
				t.Errorf("late_renewal_visa item %v, want %v", got, w.duePassed)
			}
		})
	}
}

// Once the renewal is filed its window and limit go; filed after the
// limit, it stays late (L. 436-5). The procedure's dates run as for a first
// application, from the renewal's own dates.
func TestRenewalFiled(t *testing.T) {
	expires := civil.New(2027, 1, 11) // limit 12 November 2026
	tests := []struct {
		name      string
		filed     string
		available string
		late      bool
	}{
		{"filed the day of the limit", "2026-11-12", "", false},
		{"filed the day after", "2026-11-13", "", true},
		{"certificate available: filed, date unknown", "", "2026-11-16", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := renewalFile(applicant.PermitCard, expires)
			f.Situation.AsylumRegisteredOn = civil.New(2026, 9, 1) // no asylum clock at a renewal
			f.Procedure.FiledOn = day(t, tt.filed)
			f.Procedure.CertificateAvailableOn = day(t, tt.available)
			p := compute(t, f)
			for _, id := range []string{DeadlineRenewalWindowOpens, DeadlineRenewalFiling, DeadlineApplicationFiling} {
				if deadline(t, p, id) != nil {
					t.Errorf("%s still there once filed", id)
				}
			}
			if deadline(t, p, DeadlinePermitExpiry) == nil {
				t.Error("no permit_expiry")
			}
			if got := warning(p, WarningRenewalLate) != nil; got != tt.late {
				t.Errorf("renewal_late %v, want %v", got, tt.late)
			}
			if got := feeOf(p, FeeLateRenewalVisa) != nil; got != tt.late {
				t.Errorf("late visa %v, want %v", got, tt.late)
			}
			if tt.late && !strings.Contains(warning(p, WarningRenewalLate).Message, "déposée le "+french.Date(civil.New(2026, 11, 13))+", après la date limite du "+french.Date(civil.New(2026, 11, 12))) {
				t.Errorf("renewal_late: %s", warning(p, WarningRenewalLate).Message)
			}
			c := deadline(t, p, DeadlineCertificateToOFII)
			switch {
			case tt.available == "" && c != nil:
				t.Errorf("certificate_to_ofii %v from the asylum registration at a renewal", c.Date)
			case tt.available != "" && (c == nil || c.Date != civil.New(2026, 12, 16)):
				t.Errorf("certificate_to_ofii %+v, want 16 December 2026 (availability + 1 month)", c)
			}
			if tt.filed != "" {
				if d := deadline(t, p, DeadlineImplicitRefusal); d == nil || d.Date != day(t, tt.filed).AddMonths(4) {
					t.Errorf("implicit_refusal %+v, want the renewal's filing + 4 months", d)
				}
			}
		})
	}
}

// permit_expired holds after the expiry unless a récépissé is valid today;
// receipt_expiry is an expiry for a first application too.
func TestReceipt(t *testing.T) {
	expires := civil.New(2026, 11, 20) // two days before today
	tests := []struct {
		name    string
		receipt string
		expired bool
	}{
		{"no récépissé", "", true},
		{"récépissé ended yesterday", "2026-11-21", true},
		{"récépissé's last day today", "2026-11-22", false},
		{"récépissé valid", "2027-02-20", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := renewalFile(applicant.PermitMultiYear, expires)
			f.Procedure.FiledOn = civil.New(2026, 9, 1)
			f.Procedure.ReceiptExpiresOn = day(t, tt.receipt)
			p := compute(t, f)
			if got := warning(p, WarningPermitExpired) != nil; got != tt.expired {
				t.Errorf("permit_expired %v, want %v", got, tt.expired)
			}
			d := deadline(t, p, DeadlineReceiptExpiry)
			if (d != nil) != (tt.receipt != "") || (d != nil && (d.Kind != KindExpiry || d.Date != day(t, tt.receipt))) {
				t.Errorf("receipt_expiry %+v", d)
			}
		})
	}
	f := base()
	f.Procedure.FiledOn = civil.New(2026, 10, 1)
	f.Procedure.ReceiptExpiresOn = civil.New(2026, 12, 31)
	p := compute(t, f)
	if d := deadline(t, p, DeadlineReceiptExpiry); d == nil || d.Date != civil.New(2026, 12, 31) || !strings.Contains(d.Detail, "espace ANEF") {
		t.Errorf("first application: receipt_expiry %+v", d)
	}
	if deadline(t, p, DeadlinePermitExpiry) != nil || warning(p, WarningPermitExpired) != nil {
		t.Error("a permit's dates without a permit")
	}
}

// The renewal's checklist: the permit held, the new certificate, domicile,
// photo, the Republic contract, the fees; not the first application's
// birth certificate, one year's residence, regularisation visa.
func TestRenewalChecklist(t *testing.T) {
	for _, kind := range permitKinds {
		t.Run(kind, func(t *testing.T) {
			f := renewalFile(kind, civil.New(2027, 3, 31))
			f.Situation.LongStayVisa = false
			f.Situation.BirthTranscriptionDecision = true
			p := compute(t, f)
			got := checklistIDsOf(p)
			want := []string{ItemCurrentPermit, ItemIdentityDocument, ItemDomicileProof, ItemEPhoto,
				ItemRepublicCommitment, ItemMedicalCertificate, ItemStampDuty, ItemRenewalTax}
			if kind == applicant.PermitAPS {
				want = []string{ItemCurrentPermit, ItemIdentityDocument, ItemDomicileProof, ItemIdentityPhotos,
					ItemRepublicCommitment, ItemPrefectureInPerson, ItemChildCareProof, ItemMedicalCertificate, ItemAPSTax}
			}
			if !slices.Equal(got, want) {
				t.Errorf("checklist %v\nwant %v", got, want)
			}
			var fees []string
			for _, fe := range p.Fees {
				fees = append(fees, fe.ID)
			}
			wantFees := []string{FeeStampDuty, FeeRenewalTax}
			if kind == applicant.PermitAPS {
				wantFees = []string{FeeAPSTax}
			}
			if !slices.Equal(fees, wantFees) {
				t.Errorf("fees %v, want %v", fees, wantFees)
			}
			it := item(p, ItemCurrentPermit)
			if !strings.Contains(it.Title, "Copie de votre ") || !strings.Contains(strings.Join(it.Details, " "), "sauf si la préfecture les demande") {
				t.Errorf("current_permit item %+v", it)
			}
			cert := item(p, ItemMedicalCertificate)
			if !strings.Contains(strings.Join(cert.Details, " "), "nouveau certificat médical est exigé à chaque renouvellement") {
				t.Errorf("medical_certificate at a renewal: %v", cert.Details)
			}
			if kind == applicant.PermitAPS && !strings.Contains(strings.Join(it.Details, " "), "droit de travailler") {
				t.Errorf("APS item: %v", it.Details)
			}
		})
	}
}

// Fees at a renewal: the renewal tax of L. 436-1 in each period, its
// override, the late visa of L. 436-5; never the regularisation visa.
func TestRenewalFees(t *testing.T) {
	f := renewalFile(applicant.PermitCard, civil.New(2027, 1, 11)) // limit 12 November 2026: late today
	f.Situation.LongStayVisa = false
	p := compute(t, f)
	if fe := feeOf(p, FeeRenewalTax); fe == nil || fe.AmountEUR != 200 || !strings.Contains(fe.Source, "L. 436-1") || !strings.Contains(fe.Note, "à vérifier") {
		t.Errorf("renewal_tax %+v", fe)
	}
	if fe := feeOf(p, FeeLateRenewalVisa); fe == nil || fe.AmountEUR != 180 || !strings.Contains(fe.Source, "L. 436-5") || !strings.Contains(fe.Note, "à vérifier") {
		t.Errorf("late_renewal_visa %+v", fe)
	}
	if feeOf(p, FeeRegularisationVisa) != nil || item(p, ItemRegularisationVisaFee) != nil {
		t.Error("a regularisation visa at a renewal")
	}
	if fe := feeOf(p, FeeStampDuty); fe == nil || fe.AmountEUR != 50 {
		t.Errorf("stamp_duty %+v", fe)
	}
	// before the 2026 finance law: its own source, not service-public.fr's
	p = computeOn(t, f, civil.New(2026, 1, 15))
	if fe := feeOf(p, FeeRenewalTax); fe == nil || fe.AmountEUR != 200 || !strings.Contains(fe.Source, "finances pour 2020") {
		t.Errorf("renewal_tax in 2026's first weeks %+v", fe)
	}
	f.Options.Fees = map[string]float64{FeeRenewalTax: 50, FeeLateRenewalVisa: 0}
	p = compute(t, f)
	if fe := feeOf(p, FeeRenewalTax); fe == nil || fe.AmountEUR != 50 || fe.Source != "montant indiqué dans le dossier" {
		t.Errorf("renewal_tax overridden %+v", fe)
	}
	if fe := feeOf(p, FeeLateRenewalVisa); fe == nil || fe.AmountEUR != 0 {
		t.Errorf("late_renewal_visa overridden %+v", fe)
	}
	if it := item(p, ItemRenewalTax); it == nil || !strings.Contains(it.Title, french.Euros(50)) {
		t.Errorf("renewal_tax item %+v", it)
	}
}

// The first application's warnings about its own conditions do not come
// back at a renewal; multi_year_card is for the one-year card only.
func TestRenewalWarnings(t *testing.T) {
	for _, kind := range permitKinds {
		t.Run(kind, func(t *testing.T) {
			f := renewalFile(kind, civil.New(2027, 6, 30))
			f.Situation.ArrivedOn = civil.New(2026, 2, 1) // under a year
			f.Situation.LongStayVisa = true               // visa_fee_may_apply for a first application
			f.Situation.AsylumRegisteredOn = civil.New(2025, 1, 1)
			f.Procedure.FiledOn = civil.New(2026, 3, 1) // « late » for a first application of an asylum seeker
			p := compute(t, f)
			for _, id := range []string{WarningLessThanOneYear, WarningVisaFeeMayApply, WarningApplicationLate} {
				if warning(p, id) != nil {
					t.Errorf("%s at a renewal", id)
				}
			}
			if deadline(t, p, DeadlineOneYearResidence) != nil {
				t.Error("one_year_residence at a renewal")
			}
			if got := warning(p, WarningMultiYearCard) != nil; got != (kind == applicant.PermitCard) {
				t.Errorf("multi_year_card %v", got)
			}
		})
	}
	decided := renewalFile(applicant.PermitCard, civil.New(2027, 6, 30))
	decided.Procedure.FiledOn = civil.New(2026, 3, 1)
	decided.Procedure.Decision = &applicant.Decision{Outcome: applicant.Granted, NotifiedOn: civil.New(2026, 11, 2)}
	if warning(compute(t, decided), WarningMultiYearCard) != nil {
		t.Error("multi_year_card after the decision")
	}
	w := warning(compute(t, renewalFile(applicant.PermitCard, civil.New(2027, 6, 30))), WarningMultiYearCard)
	if !strings.Contains(w.Message, "Depuis le 1er janvier 2026") || !strings.Contains(w.Message, "décret n° 2025-647") || !strings.Contains(w.Message, "à vérifier") {
		t.Errorf("multi_year_card: %s", w.Message)
	}
	w = warning(computeOn(t, renewalFile(applicant.PermitCard, civil.New(2026, 6, 30)), civil.New(2025, 12, 31)), WarningMultiYearCard)
	if !strings.Contains(w.Message, "À partir du 1er janvier 2026") {
		t.Errorf("multi_year_card before 2026: %s", w.Message)
	}
}

// child_majority_before_expiry: the child turns 18 on or before the APS's
// expiry, or within the next 6 months.
func TestChildMajorityBeforeExpiry(t *testing.T) {
	adult := civil.New(2027, 8, 31) // 18th birthday of a child born 31 August 2009
	sixMonths := today.AddMonths(6) // 22 May 2027
	tests := []struct {
		name    string
		birth   civil.Date
		expires civil.Date
		want    bool
		before  bool
	}{
		{"18 the day before the expiry", civil.New(2009, 8, 31), adult.AddDays(1), true, true},
		{"18 the day of the expiry", civil.New(2009, 8, 31), adult, true, true},
		{"18 the day after the expiry, more than 6 months away", civil.New(2009, 8, 31), adult.AddDays(-1), false, false},
		{"18 within 6 months, after the expiry", civil.New(2009, 5, 22), civil.New(2027, 1, 10), true, false},
		{"18 the day after the 6 months", civil.New(2009, 5, 23), civil.New(2027, 1, 10), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := renewalFile(applicant.PermitAPS, tt.expires)
			f.Situation.SickChild.BirthDate = tt.birth
			p := compute(t, f)
			w := warning(p, WarningChildMajorityBeforeExpiry)
			if (w != nil) != tt.want {
				t.Fatalf("child_majority_before_expiry %v, want %v (6 months: %s)", w != nil, tt.want, sixMonths)
			}
			if w != nil && strings.Contains(w.Message, "avant la fin de validité") != tt.before {
				t.Errorf("message: %s", w.Message)
			}
		})
	}
	// never for a card kind
	if warning(compute(t, renewalFile(applicant.PermitCard, civil.New(2027, 1, 11))), WarningChildMajorityBeforeExpiry) != nil {
		t.Error("child_majority_before_expiry for a card")
	}
}

// After a grant, the next cycle: enter the new permit's expiry, and the
// window of its renewal.
func TestNextRenewal(t *testing.T) {
	for _, tt := range []struct {
		name string
		f    *applicant.File
		want string
	}{
		{"first card granted", base(), "entre le 120e et le 60e jour avant cette date"},
		{"APS renewal granted", renewalFile(applicant.PermitAPS, civil.New(2026, 12, 31)), "dans les 2 mois qui précèdent cette date"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Procedure.FiledOn = civil.New(2026, 8, 1)
			tt.f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Granted, NotifiedOn: civil.New(2026, 11, 2)}
			w := warning(compute(t, tt.f), WarningNextRenewal)
			if w == nil || !strings.Contains(w.Message, tt.want) || !strings.Contains(w.Message, "date de fin de validité") {
				t.Errorf("next_renewal %+v", w)
			}
		})
	}
	if warning(compute(t, base()), WarningNextRenewal) != nil {
		t.Error("next_renewal without a grant")
	}
}

// The letter reads the permits held from their section alone: the same
// names as the whole wording's.
func TestHeldPermitsSection(t *testing.T) {
	tab, err := load()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range permitKinds {
		got, err := HeldPermitOf(kind)
		if err != nil || got != tab.w.HeldPermits[kind] || got.Name == "" {
			t.Errorf("HeldPermitOf(%s) = %+v, %v; want %+v", kind, got, err, tab.w.HeldPermits[kind])
		}
	}
	if _, err := HeldPermitOf("card_x"); err == nil {
		t.Error("HeldPermitOf: no error for an unknown kind")
	}
}

// The next step of a renewal (SPEC §2, "Next step"): its filing limit while
// not filed (late once passed, rule 1; else rule 2); once filed, the
// permit's or the récépissé's expiry within 30 days (rule 3) before the
// stage action; the stages run from the renewal's own dates.
func TestRenewalNextStep(t *testing.T) {
	expires := civil.New(2026, 12, 22) // 30 days after today
	tests := []struct {
		name     string
		edit     func(f *applicant.File)
		stage    string
		id       string
		late     bool
		daysLeft int // of the step's date, when it is a deadline of the plan
	}{
		{"not filed, limit passed", func(f *applicant.File) {}, StageToFile, DeadlineRenewalFiling, true, -30},
		{"not filed, limit to come", func(f *applicant.File) { f.CurrentPermit.ExpiresOn = civil.New(2027, 3, 1) }, StageToFile,
			DeadlineRenewalFiling, false, 39},
		{"filed, permit ends in 30 days", func(f *applicant.File) { f.Procedure.FiledOn = civil.New(2026, 10, 1) }, StageFiled,
			DeadlinePermitExpiry, false, 30},
		{"filed, permit ends in 31 days", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 10, 1)
			f.CurrentPermit.ExpiresOn = expires.AddDays(1)
		}, StageFiled, StepAwaitCertificate, false, 0},
		{"filed, permit ended, récépissé ends in 30 days", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 9, 1)
			f.Procedure.CertificateAvailableOn = civil.New(2026, 9, 10)
			f.Procedure.CertificateSentOn = civil.New(2026, 9, 20)
			f.CurrentPermit.ExpiresOn = civil.New(2026, 11, 1)
			f.Procedure.ReceiptExpiresOn = expires
		}, StageWithOFII, DeadlineReceiptExpiry, false, 30},
		{"permit ends in 8 days, the récépissé after it: the récépissé's end", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 9, 1)
			f.Procedure.CertificateSentOn = civil.New(2026, 9, 20)
			f.CurrentPermit.ExpiresOn = civil.New(2026, 11, 30)
			f.Procedure.ReceiptExpiresOn = civil.New(2026, 12, 10)
		}, StageWithOFII, DeadlineReceiptExpiry, false, 18},
		{"permit ends in 8 days, the récépissé the same day: the permit's end", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 9, 1)
			f.Procedure.CertificateSentOn = civil.New(2026, 9, 20)
			f.CurrentPermit.ExpiresOn = civil.New(2026, 11, 30)
			f.Procedure.ReceiptExpiresOn = civil.New(2026, 11, 30)
		}, StageWithOFII, DeadlinePermitExpiry, false, 8},
		{"with OFII, récépissé ends in 31 days", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 9, 1)
			f.Procedure.CertificateSentOn = civil.New(2026, 9, 20)
			f.CurrentPermit.ExpiresOn = civil.New(2026, 11, 1)
			f.Procedure.ReceiptExpiresOn = expires.AddDays(1)
		}, StageWithOFII, StepAwaitDecision, false, 0},
		{"certificate available: its month", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 11, 2)
			f.Procedure.CertificateAvailableOn = civil.New(2026, 11, 16)
		}, StageCertificateDue, DeadlineCertificateToOFII, false, 24},
		{"granted", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 8, 1)
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Granted, NotifiedOn: civil.New(2026, 11, 2)}
			f.CurrentPermit.ExpiresOn = civil.New(2027, 6, 1)
		}, StageGranted, StepCollectPermit, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := renewalFile(applicant.PermitCard, expires)
			tt.edit(f)
			p := compute(t, f)
			if p.Application != ApplicationRenewal || p.Stage != tt.stage {
				t.Errorf("application %s, stage %s; want renewal, %s", p.Application, p.Stage, tt.stage)
			}
			s := p.NextStep
			if s == nil || s.ID != tt.id || s.Late != tt.late {
				t.Fatalf("next step %+v, want %s late %v", s, tt.id, tt.late)
			}
			if d := p.Next(); d != nil && d.DaysLeft != tt.daysLeft {
				t.Errorf("the step's date is %d days away, want %d", d.DaysLeft, tt.daysLeft)
			}
		})
	}
}

// A renewal whose filing limit is not yet a step (a permit issued after
// the run's date, which the loader refuses) falls back on the stage
// action, worded for a renewal.
func TestRenewalStageAction(t *testing.T) {
	for _, kind := range []string{applicant.PermitCard, applicant.PermitAPS} {
		f := renewalFile(kind, civil.New(2027, 6, 30))
		f.CurrentPermit.IssuedOn = today.AddDays(1)
		p := compute(t, f)
		want := StepFileApplication
		if kind == applicant.PermitAPS {
			want = StepAskPrefecture
		}
		if s := p.NextStep; s == nil || s.ID != want || !strings.Contains(s.Title+s.Now, "renouvellement") {
			t.Errorf("%s: next step %+v, want %s worded for a renewal", kind, s, want)
		}
	}
}

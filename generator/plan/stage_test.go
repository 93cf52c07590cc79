package plan

import (
	"slices"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

// Edits of base() that the stage tables combine.
func algerian(f *applicant.File) { f.Applicant.Nationality = "DZ" }

func apsParent(f *applicant.File) {
	f.Situation.SickChild = &applicant.Child{GivenNames: "Noé", FamilyName: "MBARGA", BirthDate: civil.New(2020, 1, 1)}
}

func asylum(registered civil.Date) func(*applicant.File) {
	return func(f *applicant.File) { f.Situation.AsylumRegisteredOn = registered }
}

func filedOn(d civil.Date) func(*applicant.File) {
	return func(f *applicant.File) { f.Procedure.FiledOn = d }
}

func available(d civil.Date) func(*applicant.File) {
	return func(f *applicant.File) { f.Procedure.CertificateAvailableOn = d }
}

// sent: filed on filed, the certificate available 4 days later and sent 10 days later.
func sent(filed civil.Date) func(*applicant.File) {
	return func(f *applicant.File) {
		f.Procedure.FiledOn = filed
		f.Procedure.CertificateAvailableOn = filed.AddDays(4)
		f.Procedure.CertificateSentOn = filed.AddDays(10)
	}
}

func request(on civil.Date, kind string, appointment civil.Date) func(*applicant.File) {
	return func(f *applicant.File) {
		f.Procedure.OFIIRequests = append(f.Procedure.OFIIRequests, applicant.OFIIRequest{On: on, Kind: kind, AppointmentOn: appointment})
	}
}

func decided(outcome string, notified civil.Date, oqtf bool, period string) func(*applicant.File) {
	return func(f *applicant.File) {
		if f.Procedure.FiledOn.IsZero() {
			sent(civil.New(2026, 3, 2))(f)
		}
		f.Procedure.Decision = &applicant.Decision{Outcome: outcome, NotifiedOn: notified, OQTF: oqtf, AppealPeriod: period}
	}
}

func edits(es ...func(*applicant.File)) func(*applicant.File) {
	return func(f *applicant.File) {
		for _, e := range es {
			e(f)
		}
	}
}

var (
	docsLetter  = []string{DocChecklist, DocCoverLetter, DocCalendar}
	docsBare    = []string{DocChecklist, DocCalendar}
	docsReasons = []string{DocChecklist, DocReasonsRequestLetter, DocCalendar}
)

// Where the file stands and its first line, for every stage and route
// (SPEC §2, "Application and stage", "Next step", "Documents by stage"),
// on the day before, on and after each limit. The run's date is Sunday 22
// November 2026.
func TestStages(t *testing.T) {
	d := civil.New
	tests := []struct {
		name     string
		edit     func(*applicant.File)
		stage    string
		id, kind string
		date     string // "" = null
		late     bool
		postBy   bool // post_by_passed
		docs     []string
	}{
		// to_file: the stage action, never an event years away
		{"card, nothing filed", func(f *applicant.File) {}, StageToFile, StepFileApplication, KindAction, "", false, false, docsLetter},
		{"Algerian, nothing filed", algerian, StageToFile, StepFileApplication, KindAction, "", false, false, docsLetter},
		{"APS parent, nothing filed: the prefecture, not the child's 18th birthday", apsParent,
			StageToFile, StepAskPrefecture, KindAction, "", false, false, docsLetter},
		{"a milestone is never the step", func(f *applicant.File) { f.Situation.ArrivedOn = d(2026, 3, 1) },
			StageToFile, StepFileApplication, KindAction, "", false, false, docsLetter},
		{"the statements go with the application", func(f *applicant.File) {
			f.Applicant.Nationality, f.Applicant.MaritalStatus = "ML", applicant.Married
			f.Applicant.HostedBy = &applicant.Host{Civility: applicant.Monsieur, FamilyName: "K", GivenNames: "I"}
		}, StageToFile, StepFileApplication, KindAction, "", false, false,
			[]string{DocChecklist, DocCoverLetter, DocNonPolygamyDeclaration, DocHostAttestation, DocCalendar}},
		// the pieces' expiries within 30 days, before filing
		{"proof of domicile 6 months old in 30 days", func(f *applicant.File) { f.Situation.DomicileProofDated = d(2026, 6, 22) },
			StageToFile, DeadlineDomicileProofExpiry, KindExpiry, "2026-12-22", false, false, docsLetter},
		{"proof of domicile 6 months old in 31 days", func(f *applicant.File) { f.Situation.DomicileProofDated = d(2026, 6, 23) },
			StageToFile, StepFileApplication, KindAction, "", false, false, docsLetter},
		{"certificate of nationality 6 months old today", func(f *applicant.File) {
			f.Identity = applicant.Identity{Document: applicant.NationalityCertificate, IssuedOn: d(2026, 5, 22)}
		}, StageToFile, DeadlineNationalityCertificateExpiry, KindExpiry, "2026-11-22", false, false, docsLetter},
		// asylum seeker who has not filed: 3 months (card), 2 (APS) from the registration
		{"asylum seeker, filing limit tomorrow", asylum(d(2026, 8, 23)),
			StageToFile, DeadlineApplicationFiling, KindDeadline, "2026-11-23", false, false, docsLetter},
		{"asylum seeker, filing limit today", asylum(d(2026, 8, 22)),
			StageToFile, DeadlineApplicationFiling, KindDeadline, "2026-11-22", false, false, docsLetter},
		{"asylum seeker, filing limit yesterday: help, never the certificate", asylum(d(2026, 8, 21)),
			StageToFile, StepGetHelpNow, KindDeadline, "2026-11-21", true, false, docsLetter},
		{"asylum seeker, APS parent: 2 months", edits(apsParent, asylum(d(2026, 9, 22))),
			StageToFile, DeadlineApplicationFiling, KindDeadline, "2026-11-22", false, false, docsLetter},
		{"asylum seeker, APS parent, 2 months and a day", edits(apsParent, asylum(d(2026, 9, 21))),
			StageToFile, StepGetHelpNow, KindDeadline, "2026-11-21", true, false, docsLetter},
		{"asylum seeker, Algerian", edits(algerian, asylum(d(2026, 10, 1))),
			StageToFile, DeadlineApplicationFiling, KindDeadline, "2027-01-01", false, false, docsLetter},

		// filed: wait for the certificate — nothing to wait for is the step
		{"card, filed", filedOn(d(2026, 11, 2)), StageFiled, StepAwaitCertificate, KindAction, "", false, false, docsLetter},
		{"APS parent, filed", edits(apsParent, filedOn(d(2026, 11, 2))), StageFiled, StepAwaitCertificate, KindAction, "", false, false, docsLetter},
		{"filed: the pieces' expiries no longer count", edits(filedOn(d(2026, 11, 2)), func(f *applicant.File) {
			f.Situation.DomicileProofDated = d(2026, 6, 1)
		}), StageFiled, StepAwaitCertificate, KindAction, "", false, false, docsLetter},
		{"filed: the future refusal by silence is not the step", filedOn(d(2026, 11, 20)),
			StageFiled, StepAwaitCertificate, KindAction, "", false, false, docsLetter},
		// asylum seeker who filed: the certificate within 3 months, by the earlier reading
		{"asylum seeker, filed: the certificate", edits(asylum(d(2026, 10, 1)), filedOn(d(2026, 10, 20))),
			StageFiled, DeadlineCertificateToOFII, KindDeadline, "2027-01-01", false, false, docsLetter},
		{"asylum seeker, certificate limit today", edits(asylum(d(2026, 8, 22)), filedOn(d(2026, 9, 1))),
			StageFiled, DeadlineCertificateToOFII, KindDeadline, "2026-11-22", false, true, docsLetter},
		{"asylum seeker, certificate limit yesterday: send it anyway", edits(asylum(d(2026, 8, 21)), filedOn(d(2026, 9, 1))),
			StageFiled, DeadlineCertificateToOFII, KindDeadline, "2026-11-21", true, false, docsLetter},

		// certificate_due: send it, late or not
		{"certificate due tomorrow", available(d(2026, 10, 23)),
			StageCertificateDue, DeadlineCertificateToOFII, KindDeadline, "2026-11-23", false, true, docsLetter},
		{"certificate due today", available(d(2026, 10, 22)),
			StageCertificateDue, DeadlineCertificateToOFII, KindDeadline, "2026-11-22", false, true, docsLetter},
		{"certificate due yesterday", available(d(2026, 10, 21)),
			StageCertificateDue, DeadlineCertificateToOFII, KindDeadline, "2026-11-21", true, false, docsLetter},
		{"certificate due in 24 days", edits(filedOn(d(2026, 11, 2)), available(d(2026, 11, 16))),
			StageCertificateDue, DeadlineCertificateToOFII, KindDeadline, "2026-12-16", false, false, docsLetter},
		{"Algerian, certificate due", edits(algerian, filedOn(d(2026, 11, 2)), available(d(2026, 11, 16))),
			StageCertificateDue, DeadlineCertificateToOFII, KindDeadline, "2026-12-16", false, false, docsLetter},
		{"APS parent, certificate given, filing date unknown", edits(apsParent, available(d(2026, 11, 10))),
			StageCertificateDue, DeadlineCertificateToOFII, KindDeadline, "2026-12-10", false, false, docsLetter},

		// with_ofii: OFII's letters, then the decision
		{"certificate sent", sent(d(2026, 9, 15)), StageWithOFII, StepAwaitDecision, KindAction, "", false, false, docsBare},
		{"APS parent, certificate sent", edits(apsParent, sent(d(2026, 10, 15))), StageWithOFII, StepAwaitDecision, KindAction, "", false, false, docsBare},
		{"OFII reply due today, posting date passed", edits(sent(d(2026, 9, 15)), request(d(2026, 11, 7), applicant.RequestInformation, civil.Date{})),
			StageWithOFII, DeadlineOFIIRequestReply, KindDeadline, "2026-11-22", false, true, docsBare},
		{"OFII reply due yesterday", edits(sent(d(2026, 9, 15)), request(d(2026, 11, 6), applicant.RequestInformation, civil.Date{})),
			StageWithOFII, DeadlineOFIIRequestReply, KindDeadline, "2026-11-21", true, false, docsBare},
		{"OFII reply late by 30 days", edits(sent(d(2026, 9, 15)), request(d(2026, 10, 8), applicant.RequestInformation, civil.Date{})),
			StageWithOFII, DeadlineOFIIRequestReply, KindDeadline, "2026-10-23", true, false, docsBare},
		{"OFII reply late by 31 days", edits(sent(d(2026, 9, 15)), request(d(2026, 10, 7), applicant.RequestInformation, civil.Date{})),
			StageWithOFII, StepAwaitDecision, KindAction, "", false, false, docsBare},
		// examinations: a convocation on or after the 15th day is the step
		{"examination after the 15 days", edits(sent(d(2026, 9, 28)), request(d(2026, 11, 16), applicant.RequestExamination, d(2026, 12, 8))),
			StageWithOFII, DeadlineOFIIExamination, KindAppointment, "2026-12-08", false, false, docsBare},
		{"examination on the 15th day", edits(sent(d(2026, 9, 28)), request(d(2026, 11, 16), applicant.RequestExamination, d(2026, 12, 1))),
			StageWithOFII, DeadlineOFIIExamination, KindAppointment, "2026-12-01", false, false, docsBare},
		{"examination the day before the 15th", edits(sent(d(2026, 9, 28)), request(d(2026, 11, 16), applicant.RequestExamination, d(2026, 11, 30))),
			StageWithOFII, DeadlineOFIIExamination, KindAppointment, "2026-11-30", false, false, docsBare},
		{"examination not yet held is never late", edits(sent(d(2026, 9, 28)), request(d(2026, 10, 20), applicant.RequestExamination, d(2026, 11, 25))),
			StageWithOFII, DeadlineOFIIExamination, KindAppointment, "2026-11-25", false, false, docsBare},
		{"with OFII, the pieces' expiries no longer count", edits(sent(d(2026, 9, 15)), func(f *applicant.File) {
			f.Situation.DomicileProofDated = d(2026, 6, 1)
		}), StageWithOFII, StepAwaitDecision, KindAction, "", false, false, docsBare},

		// implicit_refusal: filing + 4 months (APS: 2); the appeal 2 months later
		{"silence ends tomorrow", sent(d(2026, 7, 23)), StageWithOFII, StepAwaitDecision, KindAction, "", false, false, docsBare},
		{"silence ends today", sent(d(2026, 7, 22)),
			StageImplicitRefusal, DeadlineAppealImplicitRefusal, KindDeadline, "2027-01-22", false, false, docsReasons},
		{"silence ended, certificate never sent: the appeal first", edits(filedOn(d(2026, 6, 22)), available(d(2026, 6, 26))),
			StageImplicitRefusal, DeadlineAppealImplicitRefusal, KindDeadline, "2026-12-22", false, false, docsReasons},
		{"silence, appeal limit tomorrow", sent(d(2026, 5, 23)),
			StageImplicitRefusal, DeadlineAppealImplicitRefusal, KindDeadline, "2026-11-23", false, true, docsReasons},
		{"silence, appeal limit today", sent(d(2026, 5, 22)),
			StageImplicitRefusal, DeadlineAppealImplicitRefusal, KindDeadline, "2026-11-22", false, true, docsReasons},
		{"silence, appeal limit yesterday: help today, no letter", sent(d(2026, 5, 21)),
			StageImplicitRefusal, StepGetHelpNow, KindDeadline, "2026-11-21", true, false, docsBare},
		{"silence, appeal limit long past", sent(d(2025, 12, 1)),
			StageImplicitRefusal, StepGetHelpNow, KindDeadline, "2026-06-01", true, false, docsBare},
		{"APS parent, silence of 2 months ends today", edits(apsParent, sent(d(2026, 9, 22))),
			StageImplicitRefusal, DeadlineAppealImplicitRefusal, KindDeadline, "2027-01-22", false, false, docsReasons},
		{"Algerian, silence", edits(algerian, sent(d(2026, 7, 1))),
			StageImplicitRefusal, DeadlineAppealImplicitRefusal, KindDeadline, "2027-01-01", false, false, docsReasons},

		// the Algerian certificate and the asylum seeker at the later stages
		{"Algerian, filed", edits(algerian, filedOn(d(2026, 11, 2))), StageFiled, StepAwaitCertificate, KindAction, "", false, false, docsLetter},
		{"Algerian, certificate sent", edits(algerian, sent(d(2026, 9, 15))), StageWithOFII, StepAwaitDecision, KindAction, "", false, false, docsBare},
		{"asylum seeker, certificate sent", edits(asylum(d(2026, 8, 1)), sent(d(2026, 9, 15))), StageWithOFII, StepAwaitDecision, KindAction, "", false, false, docsBare},
		{"asylum seeker, silence ends today", edits(asylum(d(2026, 5, 1)), sent(d(2026, 7, 22))),
			StageImplicitRefusal, DeadlineAppealImplicitRefusal, KindDeadline, "2027-01-22", false, false, docsReasons},
		{"asylum seeker, APS parent, silence ended yesterday", edits(apsParent, asylum(d(2026, 8, 1)), sent(d(2026, 9, 21))),
			StageImplicitRefusal, DeadlineAppealImplicitRefusal, KindDeadline, "2027-01-21", false, false, docsReasons},

		// granted: collect the permit
		{"granted", decided(applicant.Granted, d(2026, 11, 16), false, ""),
			StageGranted, StepCollectPermit, KindAction, "", false, false, docsBare},
		{"granted, an OFII reply still open is not the step", edits(decided(applicant.Granted, d(2026, 11, 16), false, ""),
			request(d(2026, 11, 10), applicant.RequestInformation, civil.Date{})),
			StageGranted, StepCollectPermit, KindAction, "", false, false, docsBare},
		{"APS parent, granted", edits(apsParent, decided(applicant.Granted, d(2026, 11, 16), false, "")),
			StageGranted, StepCollectPermit, KindAction, "", false, false, docsBare},
		{"Algerian asylum seeker, granted", edits(algerian, asylum(d(2026, 1, 5)), decided(applicant.Granted, d(2026, 11, 16), false, "")),
			StageGranted, StepCollectPermit, KindAction, "", false, false, docsBare},

		// refused: the appeal, or help today
		{"refused without OQTF: 2 months", decided(applicant.Refused, d(2026, 11, 20), false, ""),
			StageRefused, DeadlineAppealDecision, KindDeadline, "2027-01-20", false, false, docsBare},
		{"refused with OQTF, 1 month, limit tomorrow", decided(applicant.Refused, d(2026, 10, 23), true, applicant.AppealOneMonth),
			StageRefused, DeadlineAppealDecision, KindDeadline, "2026-11-23", false, true, docsBare},
		{"refused with OQTF, 1 month, limit today", decided(applicant.Refused, d(2026, 10, 22), true, applicant.AppealOneMonth),
			StageRefused, DeadlineAppealDecision, KindDeadline, "2026-11-22", false, true, docsBare},
		{"refused with OQTF, 1 month, limit yesterday", decided(applicant.Refused, d(2026, 10, 21), true, applicant.AppealOneMonth),
			StageRefused, StepGetHelpNow, KindDeadline, "2026-11-21", true, false, docsBare},
		{"refused with OQTF, 48 hours", decided(applicant.Refused, d(2026, 11, 21), true, applicant.Appeal48Hours),
			StageRefused, DeadlineAppealDecision, KindDeadline, "2026-11-23", false, false, docsBare},
		{"refused with OQTF, period not entered: read the decision today", decided(applicant.Refused, d(2026, 11, 20), true, ""),
			StageRefused, StepReadDecisionNow, KindAction, "2026-11-20", true, false, docsBare},
		{"refused, an OFII reply due first is not the step", edits(decided(applicant.Refused, d(2026, 11, 20), false, ""),
			request(d(2026, 11, 18), applicant.RequestInformation, civil.Date{})),
			StageRefused, DeadlineAppealDecision, KindDeadline, "2027-01-20", false, false, docsBare},
		{"APS parent, refused", edits(apsParent, decided(applicant.Refused, d(2026, 11, 20), true, applicant.AppealSevenDays)),
			StageRefused, DeadlineAppealDecision, KindDeadline, "2026-11-27", false, true, docsBare},
		{"asylum seeker, Algerian, refused", edits(algerian, asylum(d(2026, 1, 5)), decided(applicant.Refused, d(2026, 11, 20), false, applicant.AppealTwoMonths)),
			StageRefused, DeadlineAppealDecision, KindDeadline, "2027-01-20", false, false, docsBare},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.edit(f)
			p := compute(t, f)
			if p.Application != ApplicationFirst {
				t.Errorf("application %q", p.Application)
			}
			if p.Stage != tt.stage {
				t.Errorf("stage %s, want %s", p.Stage, tt.stage)
			}
			n := p.NextStep
			if n == nil {
				t.Fatal("no next step")
			}
			date := ""
			if n.Date != nil {
				date = n.Date.String()
			}
			if n.ID != tt.id || n.Kind != tt.kind || date != tt.date || n.Late != tt.late || n.PostByPassed != tt.postBy {
				t.Errorf("next step %s %s %q late=%v post_by_passed=%v, want %s %s %q late=%v post_by_passed=%v",
					n.ID, n.Kind, date, n.Late, n.PostByPassed, tt.id, tt.kind, tt.date, tt.late, tt.postBy)
			}
			if n.Title == "" || ((n.Late || n.Kind == KindAction || n.PostByPassed) != (n.Now != "")) {
				t.Errorf("title %q, now %q", n.Title, n.Now)
			}
			if n.Kind == KindMilestone {
				t.Error("a milestone is the next step")
			}
			if d := p.Next(); (d != nil) != slices.Contains([]string{KindDeadline, KindAppointment, KindExpiry}, n.Kind) && n.ID != StepGetHelpNow {
				t.Errorf("Next() = %+v for a step %s", d, n.Kind)
			}
			if !slices.Equal(p.Documents, tt.docs) {
				t.Errorf("documents %v, want %v", p.Documents, tt.docs)
			}
		})
	}
}

// ofii_address_missing only while the pack holds the cover letter (SPEC §2).
func TestOFIIAddressMissingWithTheLetter(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*applicant.File)
		want bool
	}{
		{"to file", func(f *applicant.File) {}, true},
		{"certificate due", available(civil.New(2026, 11, 16)), true},
		{"certificate sent", sent(civil.New(2026, 9, 15)), false},
		{"granted", decided(applicant.Granted, civil.New(2026, 11, 16), false, ""), false},
	} {
		f := base()
		f.OFIIAddress = nil
		tt.edit(f)
		p := compute(t, f)
		if got := warning(p, WarningOFIIAddressMissing) != nil; got != tt.want || got != slices.Contains(p.Documents, DocCoverLetter) {
			t.Errorf("%s: warning %v, want %v (documents %v)", tt.name, got, tt.want, p.Documents)
		}
	}
}

// A renewal when the file holds the permit the person has now.
func TestApplication(t *testing.T) {
	f := base()
	if got := compute(t, f).Application; got != ApplicationFirst {
		t.Errorf("no permit held: %s", got)
	}
	f.CurrentPermit = &applicant.Permit{Kind: applicant.PermitCard, ExpiresOn: civil.New(2027, 2, 1)}
	if got := compute(t, f).Application; got != ApplicationRenewal {
		t.Errorf("a card held: %s", got)
	}
}

// The stage is the first of SPEC §2's table that holds.
func TestStageOrder(t *testing.T) {
	f := base()
	sent(civil.New(2026, 3, 2))(f) // silence ended in July
	if got := compute(t, f).Stage; got != StageImplicitRefusal {
		t.Errorf("sent, silence over: %s", got)
	}
	f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Granted, NotifiedOn: civil.New(2026, 11, 1)}
	if got := compute(t, f).Stage; got != StageGranted {
		t.Errorf("granted after the silence: %s", got)
	}
	f.Procedure.Decision.Outcome = applicant.Refused
	if got := compute(t, f).Stage; got != StageRefused {
		t.Errorf("refused: %s", got)
	}
	f = base()
	f.Procedure.CertificateSentOn = civil.New(2026, 11, 1) // no other date
	if got := compute(t, f).Stage; got != StageWithOFII {
		t.Errorf("sent alone: %s", got)
	}
}

// A certificate date without filed_on: filed, at an unknown date (SPEC §1):
// never advised to file again, and told the date is missing.
func TestFilingDateUnknown(t *testing.T) {
	f := base()
	asylum(civil.New(2026, 6, 1))(f) // the filing limit passed in September
	available(civil.New(2026, 11, 10))(f)
	p := compute(t, f)
	if deadline(t, p, DeadlineApplicationFiling) != nil {
		t.Error("application_filing computed for a filed application")
	}
	if warning(p, WarningFilingDateUnknown) == nil {
		t.Errorf("no %s warning: %+v", WarningFilingDateUnknown, p.Warnings)
	}
	if n := p.NextStep; n.ID == StepGetHelpNow || n.ID == StepFileApplication {
		t.Errorf("next step %+v: advises filing", n)
	}
	f.Procedure.FiledOn = civil.New(2026, 11, 2)
	if warning(compute(t, f), WarningFilingDateUnknown) != nil {
		t.Error("filing date known, still the warning")
	}
}

// The asylum seeker's certificate limit: both readings, the earlier kept
// (F17164: the asylum registration; F34953: « l'enregistrement de votre
// demande en préfecture », which may be the filing).
func TestAsylumCertificateReadings(t *testing.T) {
	f := base()
	asylum(civil.New(2026, 10, 1))(f)
	p := compute(t, f)
	c := deadline(t, p, DeadlineCertificateToOFII)
	if c == nil || c.Date != civil.New(2027, 1, 1) {
		t.Fatalf("not filed: %+v", c)
	}
	for _, want := range []string{"F17164", "F34953", "déposez-la d’abord"} {
		if !strings.Contains(c.Detail, want) {
			t.Errorf("detail lacks %q: %s", want, c.Detail)
		}
	}
	filedOn(civil.New(2026, 10, 20))(f)
	c = deadline(t, compute(t, f), DeadlineCertificateToOFII)
	if c.Date != civil.New(2027, 1, 1) || !strings.Contains(c.Detail, "20\u00a0janvier\u00a02027") || strings.Contains(c.Detail, "déposez-la d’abord") {
		t.Errorf("filed: %s %s", c.Date, c.Detail)
	}
	// filed before the registration (the filing's reading is the earlier)
	f.Procedure.FiledOn = civil.New(2026, 9, 20)
	if c = deadline(t, compute(t, f), DeadlineCertificateToOFII); c.Date != civil.New(2026, 12, 20) {
		t.Errorf("filed first: %s", c.Date)
	}
}

package plan

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

// One row per checklist item and condition (SPEC §2, "Checklist items").
func TestChecklistItems(t *testing.T) {
	child := &applicant.Child{GivenNames: "Noé", FamilyName: "MBARGA", BirthDate: civil.New(2019, 3, 8)}
	host := &applicant.Host{Civility: applicant.Monsieur, FamilyName: "KONATÉ", GivenNames: "Ibrahim"}
	tests := []struct {
		name string
		id   string
		edit func(*applicant.File)
		want bool
	}{
		{"birth certificate always", ItemBirthCertificate, func(f *applicant.File) {}, true},
		{"transcription decision on", ItemBirthTranscriptionDecision, func(f *applicant.File) { f.Situation.BirthTranscriptionDecision = true }, true},
		{"transcription decision off", ItemBirthTranscriptionDecision, func(f *applicant.File) {}, false},
		{"identity document always", ItemIdentityDocument, func(f *applicant.File) { f.Identity.Document = applicant.NoDocument }, true},
		{"domicile proof always", ItemDomicileProof, func(f *applicant.File) {}, true},
		{"host attestation when hosted", ItemHostAttestation, func(f *applicant.File) { f.Applicant.HostedBy = host }, true},
		{"host attestation off", ItemHostAttestation, func(f *applicant.File) {}, false},
		{"host identity when hosted", ItemHostIdentity, func(f *applicant.File) { f.Applicant.HostedBy = host }, true},
		{"host identity off", ItemHostIdentity, func(f *applicant.File) {}, false},
		{"host domicile proof when hosted", ItemHostDomicileProof, func(f *applicant.File) { f.Applicant.HostedBy = host }, true},
		{"host domicile proof off", ItemHostDomicileProof, func(f *applicant.File) {}, false},
		{"e-photo for the card", ItemEPhoto, func(f *applicant.File) {}, true},
		{"no e-photo for the APS parent", ItemEPhoto, func(f *applicant.File) { f.Situation.SickChild = child }, false},
		{"identity photos for the APS parent", ItemIdentityPhotos, func(f *applicant.File) { f.Situation.SickChild = child }, true},
		{"no identity photos for the card", ItemIdentityPhotos, func(f *applicant.File) {}, false},
		{"child's birth certificate for the APS parent", ItemChildBirthCertificate, func(f *applicant.File) { f.Situation.SickChild = child }, true},
		{"no child's birth certificate for the card", ItemChildBirthCertificate, func(f *applicant.File) {}, false},
		{"child care proof for the APS parent", ItemChildCareProof, func(f *applicant.File) { f.Situation.SickChild = child }, true},
		{"no child care proof for the card", ItemChildCareProof, func(f *applicant.File) {}, false},
		{"APS tax for the APS parent", ItemAPSTax, func(f *applicant.File) { f.Situation.SickChild = child }, true},
		{"no APS tax for the card", ItemAPSTax, func(f *applicant.File) {}, false},
		{"republic commitment always", ItemRepublicCommitment, func(f *applicant.File) { f.Situation.SickChild = child }, true},
		{"non-polygamy on", ItemNonPolygamyDeclaration, func(f *applicant.File) { f.Applicant.MaritalStatus = applicant.Married }, true},
		{"non-polygamy off", ItemNonPolygamyDeclaration, func(f *applicant.File) {}, false},
		{"residence proof for the card", ItemResidenceProof, func(f *applicant.File) {}, true},
		{"residence proof not for the APS parent", ItemResidenceProof, func(f *applicant.File) { f.Situation.SickChild = child }, false},
		{"prefecture in person for the APS parent", ItemPrefectureInPerson, func(f *applicant.File) { f.Situation.SickChild = child }, true},
		{"prefecture in person not for the card", ItemPrefectureInPerson, func(f *applicant.File) {}, false},
		{"medical certificate always (card)", ItemMedicalCertificate, func(f *applicant.File) {}, true},
		{"medical certificate always (APS parent)", ItemMedicalCertificate, func(f *applicant.File) { f.Situation.SickChild = child }, true},
		{"stamp duty for the card", ItemStampDuty, func(f *applicant.File) {}, true},
		{"stamp duty not for the APS parent", ItemStampDuty, func(f *applicant.File) { f.Situation.SickChild = child }, false},
		{"regularisation visa without a long-stay visa", ItemRegularisationVisaFee, func(f *applicant.File) { f.Situation.LongStayVisa = false }, true},
		{"no regularisation visa with a long-stay visa", ItemRegularisationVisaFee, func(f *applicant.File) {}, false},
		{"no regularisation visa for the APS parent", ItemRegularisationVisaFee, func(f *applicant.File) {
			f.Situation.LongStayVisa = false
			f.Situation.SickChild = child
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			f.Applicant.Nationality = "ML"
			tt.edit(f)
			p := compute(t, f)
			it := item(p, tt.id)
			if (it != nil) != tt.want {
				t.Fatalf("%s present = %v, want %v (checklist %v)", tt.id, it != nil, tt.want, checklistIDsOf(p))
			}
			if it != nil && (it.Title == "" || it.Source == "") {
				t.Errorf("%s: title %q source %q", tt.id, it.Title, it.Source)
			}
		})
	}
}

// All items on at once come in SPEC order.
func TestChecklistOrder(t *testing.T) {
	f := base()
	f.Applicant.Nationality, f.Applicant.MaritalStatus = "ML", applicant.Married
	f.Applicant.HostedBy = &applicant.Host{Civility: applicant.Madame, FamilyName: "TRẦN", GivenNames: "Thị Hoa"}
	f.Situation.BirthTranscriptionDecision = true
	f.Situation.LongStayVisa = false
	got := checklistIDsOf(compute(t, f))
	want := slices.DeleteFunc(slices.Clone(checklistIDs), func(id string) bool {
		switch id {
		case ItemPrefectureInPerson, ItemIdentityPhotos, ItemChildBirthCertificate, ItemChildCareProof, ItemAPSTax:
			return true // the APS parent's
		case ItemCurrentPermit, ItemRenewalTax, ItemLateRenewalVisa:
			return true // a renewal's
		}
		return false
	})
	if !slices.Equal(got, want) {
		t.Errorf("checklist %v\nwant %v", got, want)
	}
	f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"}
	got = checklistIDsOf(compute(t, f))
	want = []string{ItemBirthCertificate, ItemBirthTranscriptionDecision, ItemIdentityDocument, ItemDomicileProof,
		ItemHostAttestation, ItemHostIdentity, ItemHostDomicileProof, ItemIdentityPhotos, ItemRepublicCommitment,
		ItemNonPolygamyDeclaration, ItemPrefectureInPerson, ItemChildBirthCertificate, ItemChildCareProof,
		ItemMedicalCertificate, ItemAPSTax}
	if !slices.Equal(got, want) {
		t.Errorf("APS parent checklist %v\nwant %v", got, want)
	}
}

func TestChecklistDone(t *testing.T) {
	tests := []struct {
		name  string
		ready []string
		sent  string
		id    string
		want  bool
	}{
		{"ready", []string{"birth_certificate"}, "", ItemBirthCertificate, true},
		{"not ready", []string{"e_photo"}, "", ItemBirthCertificate, false},
		{"medical certificate via documents_ready", []string{"medical_certificate"}, "", ItemMedicalCertificate, true},
		{"medical certificate via certificate_sent_on", nil, "2026-11-20", ItemMedicalCertificate, true},
		{"medical certificate not yet", nil, "", ItemMedicalCertificate, false},
		{"certificate_sent_on ticks only the certificate", nil, "2026-11-20", ItemEPhoto, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			f.DocumentsReady = tt.ready
			f.Procedure.CertificateSentOn = day(t, tt.sent)
			if got := item(compute(t, f), tt.id).Done; got != tt.want {
				t.Errorf("%s done = %v, want %v", tt.id, got, tt.want)
			}
		})
	}
}

func TestIdentityWording(t *testing.T) {
	tests := []struct {
		doc, issued, title, detail string
	}{
		{applicant.Passport, "", "Passeport", "cachets d’entrée"},
		{applicant.ConsularAttestation, "", "Attestation consulaire avec photo", ""},
		{applicant.PhotoID, "", "Pièce d’identité avec photo", ""},
		{applicant.ConsularCard, "", "Carte consulaire avec photo", ""},
		{applicant.NationalityCertificate, "2026-06-01", "Certificat de nationalité de moins de 6 mois", "1er\u00a0décembre\u00a02026"},
		{applicant.NationalityCertificate, "", "Certificat de nationalité de moins de 6 mois", "date de délivrance"},
		{applicant.NoDocument, "", "vous n’en avez pas", "consulat"},
	}
	for _, tt := range tests {
		t.Run(tt.doc+tt.issued, func(t *testing.T) {
			f := base()
			f.Identity = applicant.Identity{Document: tt.doc, IssuedOn: day(t, tt.issued)}
			it := item(compute(t, f), ItemIdentityDocument)
			details := strings.Join(it.Details, "\n")
			if !strings.Contains(it.Title, tt.title) || !strings.Contains(details, tt.detail) {
				t.Errorf("title %q details %q; want %q and %q", it.Title, details, tt.title, tt.detail)
			}
		})
	}
	f := base()
	f.Identity.Document = "driving_licence"
	if _, err := Compute(f, today); err == nil || !strings.Contains(err.Error(), "driving_licence") {
		t.Errorf("unknown document: error %v", err)
	}
}

func TestResidenceProofWording(t *testing.T) {
	f := base()
	f.Situation.ResidenceProofs = []string{applicant.ProofBankStatements, applicant.ProofVisa}
	d := item(compute(t, f), ItemResidenceProof).Details
	if len(d) < 2 || !strings.HasPrefix(d[0], "Vous avez : un visa et des documents d’un établissement privé") ||
		!strings.Contains(d[1], "récépissé de demande d’asile") || strings.Contains(d[1], "visa") {
		t.Errorf("held/suggested lines:\n%s", strings.Join(d, "\n"))
	}
	f.Situation.ResidenceProofs = nil
	d = item(compute(t, f), ItemResidenceProof).Details
	if strings.Contains(d[0], "Vous avez") || !strings.HasPrefix(d[0], "Preuves possibles : un visa, ") {
		t.Errorf("none held:\n%s", strings.Join(d, "\n"))
	}
}

// The polygamy table of SPEC §2, list by list, and the override.
func TestPolygamy(t *testing.T) {
	spec := map[string]string{
		"legal":             "EG IR TZ SD UG IQ SA ML LK TD SO SN SS JO TG LY OM KW QA GM GW SZ KM SB BN EH",
		"conditional":       "ID BD PH MA SY ZM GN LB GA BT MV BF",
		"muslims_customary": "IN PK NG KE DZ AF YE MY CM AE CG SG PS CF MR BH DJ ZA NE MW ZW SL LR NA BW LS",
	}
	tab, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.poly.Lists) != len(spec) {
		t.Fatalf("%d lists, want %d", len(tab.poly.Lists), len(spec))
	}
	for _, l := range tab.poly.Lists {
		if got, want := strings.Join(l.Countries, " "), spec[l.ID]; got != want {
			t.Errorf("list %s: %s\nwant %s", l.ID, got, want)
		}
	}
	tests := []struct {
		name, country, status, override string
		want                            bool
		detail                          string
	}{
		{"married, legal list", "ML", applicant.Married, applicant.PolygamyAuto, true, "légale"},
		{"married, conditional list", "MA", applicant.Married, applicant.PolygamyAuto, true, "sous conditions"},
		{"married, customary list", "DZ", applicant.Married, applicant.PolygamyAuto, true, "coutumiers"},
		{"married, last of the customary list", "LS", applicant.Married, "", true, "coutumiers"},
		{"married, not in the table", "VN", applicant.Married, applicant.PolygamyAuto, false, ""},
		{"single, legal list", "ML", applicant.Single, applicant.PolygamyAuto, false, ""},
		{"pacs, legal list", "ML", applicant.PACS, applicant.PolygamyAuto, false, ""},
		{"widowed, legal list", "SN", applicant.Widowed, applicant.PolygamyAuto, false, ""},
		{"override yes, single, not in the table", "VN", applicant.Single, applicant.PolygamyYes, true, "Ajoutée"},
		{"override no, married, legal list", "ML", applicant.Married, applicant.PolygamyNo, false, ""},
		// unknown: asked as a question, never dropped silently (SPEC §1)
		{"unknown, legal list: a question", "ML", applicant.MaritalUnknown, applicant.PolygamyAuto, true, "n’est pas indiquée dans le dossier. Si vous êtes marié et que votre pays autorise la polygamie (Mali"},
		{"unknown, customary list: a question", "DZ", applicant.MaritalUnknown, applicant.PolygamyAuto, true, "sinon, ne la joignez pas"},
		{"unknown, not in the table", "VN", applicant.MaritalUnknown, applicant.PolygamyAuto, false, ""},
		{"unknown, override yes: no question", "ML", applicant.MaritalUnknown, applicant.PolygamyYes, true, "Ajoutée"},
		{"unknown, override no", "ML", applicant.MaritalUnknown, applicant.PolygamyNo, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			f.Applicant.Nationality, f.Applicant.MaritalStatus = tt.country, tt.status
			f.Situation.PolygamyDeclaration = tt.override
			p := compute(t, f)
			it := item(p, ItemNonPolygamyDeclaration)
			if (it != nil) != tt.want {
				t.Fatalf("item present = %v, want %v", it != nil, tt.want)
			}
			if slices.Contains(p.Documents, DocNonPolygamyDeclaration) != tt.want {
				t.Errorf("documents %v", p.Documents)
			}
			if it != nil && !strings.Contains(strings.Join(it.Details, " "), tt.detail) {
				t.Errorf("details %q lack %q", it.Details, tt.detail)
			}
			question := tt.status == applicant.MaritalUnknown && tt.override == applicant.PolygamyAuto
			if it != nil && strings.HasPrefix(it.Title, "Si vous êtes marié : ") != question {
				t.Errorf("title %q, want a question: %v", it.Title, question)
			}
			if it != nil && it.Done {
				t.Error("the item is ticked")
			}
			if it != nil && !strings.Contains(it.Source, "Pew") {
				t.Errorf("source %q does not name the table’s source", it.Source)
			}
		})
	}
}

// One row per warning and boundary (SPEC §2, "Warnings").
func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		id   string
		edit func(*applicant.File)
		want bool
		text string // in the message when on
	}{
		{"less than one year: reference today, boundary day", WarningLessThanOneYear,
			func(f *applicant.File) { f.Situation.ArrivedOn = civil.New(2025, 11, 22) }, false, ""},
		{"less than one year: reference today, one day short", WarningLessThanOneYear,
			func(f *applicant.File) { f.Situation.ArrivedOn = civil.New(2025, 11, 23) }, true, "23\u00a0novembre\u00a02026"},
		{"less than one year: filed on the boundary day", WarningLessThanOneYear, func(f *applicant.File) {
			f.Situation.ArrivedOn = civil.New(2025, 11, 22)
			f.Procedure.FiledOn = civil.New(2026, 11, 22)
		}, false, ""},
		{"less than one year: filed the day before", WarningLessThanOneYear, func(f *applicant.File) {
			f.Situation.ArrivedOn = civil.New(2025, 11, 22)
			f.Procedure.FiledOn = civil.New(2026, 11, 21)
		}, true, "dépôt"},
		{"less than one year: filed early, one year passed since", WarningLessThanOneYear, func(f *applicant.File) {
			f.Situation.ArrivedOn = civil.New(2025, 6, 1)
			f.Procedure.FiledOn = civil.New(2026, 5, 31)
		}, true, "autorisation provisoire de séjour"},
		{"less than one year: not for the APS parent", WarningLessThanOneYear, func(f *applicant.File) {
			f.Situation.ArrivedOn = civil.New(2026, 8, 1)
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"}
		}, false, ""},
		{"refusal risk on", WarningRefusalRisk, func(f *applicant.File) {
			f.Situation.RefusalGrounds = []string{applicant.GroundForgery, applicant.GroundUnexecutedOQTF}
		}, true, "obligation de quitter le territoire français (OQTF) et avoir commis des faits de faux"},
		{"refusal risk names each ground", WarningRefusalRisk, func(f *applicant.File) {
			f.Situation.RefusalGrounds = []string{applicant.GroundSeriousOffences, applicant.GroundViolenceAgainstOfficials}
		}, true, "crimes ou délits graves et avoir commis des violences"},
		{"refusal risk off", WarningRefusalRisk, func(f *applicant.File) {}, false, ""},
		{"certificate deadline passed", WarningCertificateDeadlinePassed,
			func(f *applicant.File) { f.Procedure.CertificateAvailableOn = civil.New(2026, 10, 21) }, true, "21\u00a0novembre\u00a02026"},
		{"certificate deadline today: not passed", WarningCertificateDeadlinePassed,
			func(f *applicant.File) { f.Procedure.CertificateAvailableOn = civil.New(2026, 10, 22) }, false, ""},
		{"certificate deadline passed but sent", WarningCertificateDeadlinePassed, func(f *applicant.File) {
			f.Procedure.CertificateAvailableOn = civil.New(2026, 9, 1)
			f.Procedure.CertificateSentOn = civil.New(2026, 9, 20)
		}, false, ""},
		{"no response to OFII", WarningNoResponseToOFII, func(f *applicant.File) {
			f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: civil.New(2026, 11, 6), Kind: applicant.RequestInformation}}
		}, true, "6\u00a0novembre\u00a02026"},
		{"OFII reply due today", WarningNoResponseToOFII, func(f *applicant.File) {
			f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: civil.New(2026, 11, 7), Kind: applicant.RequestInformation}}
		}, false, ""},
		{"domicile proof too old today", WarningDomicileProofTooOld,
			func(f *applicant.File) { f.Situation.DomicileProofDated = civil.New(2026, 5, 21) }, true, "aujourd’hui"},
		{"domicile proof six months today", WarningDomicileProofTooOld,
			func(f *applicant.File) { f.Situation.DomicileProofDated = civil.New(2026, 5, 22) }, false, ""},
		{"domicile proof too old at filing", WarningDomicileProofTooOld, func(f *applicant.File) {
			f.Situation.DomicileProofDated = civil.New(2026, 3, 1)
			f.Procedure.FiledOn = civil.New(2026, 9, 2)
		}, true, "dépôt"},
		{"domicile proof fine at filing though old today", WarningDomicileProofTooOld, func(f *applicant.File) {
			f.Situation.DomicileProofDated = civil.New(2026, 3, 1)
			f.Procedure.FiledOn = civil.New(2026, 9, 1)
		}, false, ""},
		{"nationality certificate too old", WarningNationalityCertificateTooOld, func(f *applicant.File) {
			f.Identity = applicant.Identity{Document: applicant.NationalityCertificate, IssuedOn: civil.New(2026, 5, 21)}
		}, true, "21\u00a0mai\u00a02026"},
		{"nationality certificate six months today", WarningNationalityCertificateTooOld, func(f *applicant.File) {
			f.Identity = applicant.Identity{Document: applicant.NationalityCertificate, IssuedOn: civil.New(2026, 5, 22)}
		}, false, ""},
		{"old passport: no certificate warning", WarningNationalityCertificateTooOld, func(f *applicant.File) {
			f.Identity = applicant.Identity{Document: applicant.Passport, IssuedOn: civil.New(2020, 1, 1)}
		}, false, ""},
		{"no identity document", WarningNoIdentityDocument, func(f *applicant.File) { f.Identity.Document = applicant.NoDocument }, true, "consulat"},
		{"identity document held", WarningNoIdentityDocument, func(f *applicant.File) {}, false, ""},
		{"OFII address missing", WarningOFIIAddressMissing, func(f *applicant.File) { f.OFIIAddress = nil }, true, "cadre"},
		{"OFII address blank lines only", WarningOFIIAddressMissing, func(f *applicant.File) { f.OFIIAddress = []string{" ", ""} }, true, "cadre"},
		{"OFII address given", WarningOFIIAddressMissing, func(f *applicant.File) {}, false, ""},
		{"APS parent offline", WarningAPSParentOffline, func(f *applicant.File) {
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"}
		}, true, "préfecture"},
		{"card: online", WarningAPSParentOffline, func(f *applicant.File) {}, false, ""},
		// application_late: L. 431-2, D. 431-7 (registered 2026-01-10, limit 2026-04-10)
		{"filed on the last day of the 3 months", WarningApplicationLate, func(f *applicant.File) {
			f.Situation.AsylumRegisteredOn = civil.New(2026, 1, 10)
			f.Procedure.FiledOn = civil.New(2026, 4, 10)
		}, false, ""},
		{"filed the day after the 3 months", WarningApplicationLate, func(f *applicant.File) {
			f.Situation.AsylumRegisteredOn = civil.New(2026, 1, 10)
			f.Procedure.FiledOn = civil.New(2026, 4, 11)
		}, true, "plus de 3 mois"},
		{"APS parent filed after 2 months", WarningApplicationLate, func(f *applicant.File) {
			f.Situation.AsylumRegisteredOn = civil.New(2026, 1, 10)
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"}
			f.Procedure.FiledOn = civil.New(2026, 3, 11)
		}, true, "plus de 2 mois"},
		{"not an asylum seeker: never late", WarningApplicationLate, func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 4, 11)
		}, false, ""},
		// implicit_refusal_reached: filed 2026-07-21, silence until 2026-11-21
		{"implicit refusal reached yesterday", WarningImplicitRefusalReached, func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 7, 21)
		}, true, "21\u00a0janvier\u00a02027"},
		// the refusal is born on the day the silence ends (the stage changes then)
		{"implicit refusal today: reached", WarningImplicitRefusalReached, func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 7, 22)
		}, true, "depuis le 22\u00a0novembre\u00a02026"},
		{"implicit refusal tomorrow: not yet", WarningImplicitRefusalReached, func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 7, 23)
		}, false, ""},
		{"implicit refusal, appeal limit over", WarningImplicitRefusalReached, func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 5, 21)
		}, true, "a pris fin le 21\u00a0novembre\u00a02026"},
		{"no implicit refusal once a decision is recorded", WarningImplicitRefusalReached, func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 5, 21)
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Granted, NotifiedOn: civil.New(2026, 11, 1)}
		}, false, ""},
		{"refused, no OQTF", WarningDecisionRefused, func(f *applicant.File) {
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Refused, NotifiedOn: civil.New(2026, 11, 20)}
		}, true, "au plus tard le 20\u00a0janvier\u00a02027"},
		{"refused with OQTF, 1 month", WarningDecisionRefused, func(f *applicant.File) {
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Refused, NotifiedOn: civil.New(2026, 11, 20),
				OQTF: true, AppealPeriod: applicant.AppealOneMonth}
		}, true, "un recours gracieux ne prolonge pas le délai"},
		{"refused with OQTF, 48 hours", WarningDecisionRefused, func(f *applicant.File) {
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Refused, NotifiedOn: civil.New(2026, 11, 21),
				OQTF: true, AppealPeriod: applicant.Appeal48Hours}
		}, true, "d’heure en heure"},
		{"refused with OQTF in Guyane", WarningDecisionRefused, func(f *applicant.File) {
			f.Applicant.Address.Postcode = "97300"
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Refused, NotifiedOn: civil.New(2026, 11, 20),
				OQTF: true, AppealPeriod: applicant.AppealOneMonth}
		}, true, "ne suspend pas l’éloignement"},
		{"granted: no refusal warning", WarningDecisionRefused, func(f *applicant.File) {
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Granted, NotifiedOn: civil.New(2026, 11, 20)}
		}, false, ""},
		{"OQTF without its period", WarningAppealPeriodMissing, func(f *applicant.File) {
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Refused, NotifiedOn: civil.New(2026, 11, 20), OQTF: true}
		}, true, "voies et délais de recours"},
		{"refusal without OQTF nor period: 2 months, no warning", WarningAppealPeriodMissing, func(f *applicant.File) {
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Refused, NotifiedOn: civil.New(2026, 11, 20)}
		}, false, ""},
		// visa_fee_may_apply: L. 436-4, arrival + 3 months before today
		{"long-stay visa, 3 months passed", WarningVisaFeeMayApply, func(f *applicant.File) {
			f.Situation.ArrivedOn = civil.New(2026, 8, 21)
		}, true, "si c’est votre cas"},
		{"long-stay visa, 3 months today", WarningVisaFeeMayApply, func(f *applicant.File) {
			f.Situation.ArrivedOn = civil.New(2026, 8, 22)
		}, false, ""},
		{"no long-stay visa: the fee is in the list instead", WarningVisaFeeMayApply, func(f *applicant.File) {
			f.Situation.LongStayVisa = false
		}, false, ""},
		{"hosted without « chez »", WarningHostCareOfMissing, func(f *applicant.File) {
			f.Applicant.HostedBy = &applicant.Host{Civility: applicant.Monsieur, FamilyName: "KONATÉ", GivenNames: "Ibrahim"}
		}, true, "« chez M. Ibrahim KONATÉ »"},
		{"hosted with « chez »", WarningHostCareOfMissing, func(f *applicant.File) {
			f.Applicant.HostedBy = &applicant.Host{Civility: applicant.Monsieur, FamilyName: "KONATÉ", GivenNames: "Ibrahim"}
			f.Applicant.Address.CareOf = "chez M. KONATÉ"
		}, false, ""},
		{"no identity document, asylum seeker: no consulate", WarningNoIdentityDocument, func(f *applicant.File) {
			f.Identity.Document = applicant.NoDocument
			f.Situation.AsylumRegisteredOn = civil.New(2026, 10, 1)
		}, true, "ne vous adressez ni au consulat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.edit(f)
			p := compute(t, f)
			w := warning(p, tt.id)
			if (w != nil) != tt.want {
				t.Fatalf("%s on = %v, want %v (warnings %+v)", tt.id, w != nil, tt.want, p.Warnings)
			}
			if w != nil && !strings.Contains(w.Message, tt.text) {
				t.Errorf("message %q lacks %q", w.Message, tt.text)
			}
		})
	}
	// the base file has no other warning than the visa fee that a long-stay
	// visa holder may owe: every "off" row above is meaningful
	if w := compute(t, base()).Warnings; len(w) != 1 || w[0].ID != WarningVisaFeeMayApply {
		t.Errorf("base file warnings %+v", w)
	}
}

// Warnings come in the order of SPEC §2's table.
func TestWarningOrder(t *testing.T) {
	f := base()
	f.Situation.ArrivedOn = civil.New(2026, 8, 1)
	f.Situation.RefusalGrounds = []string{applicant.GroundForgery}
	f.Situation.AsylumRegisteredOn = civil.New(2026, 1, 10)
	f.Procedure.FiledOn = civil.New(2026, 6, 1) // late, and refused since
	f.Situation.ArrivedOn = civil.New(2026, 1, 1)
	f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Refused, NotifiedOn: civil.New(2026, 11, 2), OQTF: true}
	f.Applicant.HostedBy = &applicant.Host{Civility: applicant.Monsieur, FamilyName: "K", GivenNames: "I"}
	f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: civil.New(2026, 10, 1), Kind: applicant.RequestExamination}}
	f.Situation.DomicileProofDated = civil.New(2025, 1, 1)
	f.Identity = applicant.Identity{Document: applicant.NationalityCertificate, IssuedOn: civil.New(2025, 1, 1)}
	f.OFIIAddress = nil
	var got []string
	for _, w := range compute(t, f).Warnings {
		got = append(got, w.ID)
	}
	want := slices.DeleteFunc(slices.Clone(warningIDs), func(id string) bool {
		// a decision and an implicit refusal exclude each other; the filing
		// date is known; the OFII address only matters with the cover letter,
		// not in the pack after a refusal
		return id == WarningNoIdentityDocument || id == WarningAPSParentOffline || id == WarningImplicitRefusalReached ||
			id == WarningFilingDateUnknown || id == WarningOFIIAddressMissing ||
			slices.Contains(renewalWarningIDs, id) // a renewal's, or after a grant
	})
	if !slices.Equal(got, want) {
		t.Errorf("warnings %v\nwant %v", got, want)
	}
}

func TestFees(t *testing.T) {
	type fee struct {
		id            string
		amount, noref float64
		overridden    bool
	}
	tests := []struct {
		name  string
		edit  func(*applicant.File)
		want  []fee
		title map[string]string // checklist titles
	}{
		{"card with a long-stay visa: stamp duty only", func(f *applicant.File) {},
			[]fee{{"stamp_duty", 50, 0, false}}, map[string]string{ItemStampDuty: "Timbre fiscal de 50\u00a0€"}},
		{"card without a long-stay visa", func(f *applicant.File) { f.Situation.LongStayVisa = false },
			[]fee{{"stamp_duty", 50, 0, false}, {"regularisation_visa_fee", 300, 100, false}},
			map[string]string{ItemRegularisationVisaFee: "Visa de régularisation de 300\u00a0€"}},
		{"APS parent: the APS tax only", func(f *applicant.File) {
			f.Situation.LongStayVisa = false
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"}
		}, []fee{{"aps_tax", 100, 0, false}}, map[string]string{ItemAPSTax: "Taxe de 100\u00a0€ sur l’autorisation provisoire de séjour"}},
		{"override the APS tax", func(f *applicant.File) {
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"}
			f.Options.Fees = map[string]float64{"aps_tax": 0}
		}, []fee{{"aps_tax", 0, 0, true}}, nil},
		{"override stamp duty", func(f *applicant.File) {
			f.Situation.LongStayVisa = false
			f.Options.Fees = map[string]float64{"stamp_duty": 55}
		}, []fee{{"stamp_duty", 55, 0, true}, {"regularisation_visa_fee", 300, 100, false}},
			map[string]string{ItemStampDuty: "Timbre fiscal de 55\u00a0€"}},
		{"override regularisation visa", func(f *applicant.File) {
			f.Situation.LongStayVisa = false
			f.Options.Fees = map[string]float64{"regularisation_visa": 350}
		}, []fee{{"stamp_duty", 50, 0, false}, {"regularisation_visa_fee", 350, 100, true}},
			map[string]string{ItemRegularisationVisaFee: "Visa de régularisation de 350\u00a0€"}},
		{"override the part paid at filing", func(f *applicant.File) {
			f.Situation.LongStayVisa = false
			f.Options.Fees = map[string]float64{"regularisation_visa_at_filing": 75.5}
		}, []fee{{"stamp_duty", 50, 0, false}, {"regularisation_visa_fee", 300, 75.5, true}}, nil},
		{"override all three", func(f *applicant.File) {
			f.Situation.LongStayVisa = false
			f.Options.Fees = map[string]float64{"stamp_duty": 0, "regularisation_visa": 250, "regularisation_visa_at_filing": 60}
		}, []fee{{"stamp_duty", 0, 0, true}, {"regularisation_visa_fee", 250, 60, true}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.edit(f)
			p := compute(t, f)
			if len(p.Fees) != len(tt.want) {
				t.Fatalf("fees %+v, want %+v", p.Fees, tt.want)
			}
			for i, w := range tt.want {
				g := p.Fees[i]
				if g.ID != w.id || g.AmountEUR != w.amount || g.NonRefundableEUR != w.noref {
					t.Errorf("fee %d: %+v, want %+v", i, g, w)
				}
				if !strings.Contains(g.Note, "loi de finances pour 2026") || !strings.Contains(g.Note, "à vérifier") {
					t.Errorf("fee %s note %q lacks the period's caveat", g.ID, g.Note)
				}
				if strings.Contains(g.Note, "dans le dossier") != w.overridden || (g.Source == "montant indiqué dans le dossier") != w.overridden {
					t.Errorf("fee %s overridden=%v: note %q source %q", g.ID, w.overridden, g.Note, g.Source)
				}
				if !w.overridden && (g.AsOf != "2026-02-20" || !strings.Contains(g.Source, "loi n° 2026-103") ||
					!strings.Contains(g.Source, "CESEDA art. L. 436-")) {
					t.Errorf("fee %s as_of %q source %q", g.ID, g.AsOf, g.Source)
				}
			}
			for id, title := range tt.title {
				if it := item(p, id); it == nil || it.Title != title {
					t.Errorf("checklist %s: %+v, want title %q", id, it, title)
				}
			}
		})
	}
	for _, bad := range []map[string]float64{{"stamp": 1}, {"stamp_duty": -1}} {
		f := base()
		f.Options.Fees = bad
		if _, err := Compute(f, today); err == nil {
			t.Errorf("options.fees %v: no error", bad)
		}
	}
}

// The fee period in force on the run's date (SPEC §2, "Fees"): the day
// before the 2026 finance law's period, and its first day.
func TestFeePeriods(t *testing.T) {
	tests := []struct {
		today                  string
		stamp, visa, kept, aps float64
		source                 string
	}{
		{"2026-02-19", 25, 200, 50, 0, "F17164"},
		{"2026-02-20", 25, 200, 50, 0, "F17164"},
		{"2026-02-21", 50, 300, 100, 100, "loi n° 2026-103"},
		{"2026-02-22", 50, 300, 100, 100, "loi n° 2026-103"},
	}
	for _, tt := range tests {
		t.Run(tt.today, func(t *testing.T) {
			f := base()
			f.Situation.LongStayVisa = false
			f.Situation.ArrivedOn = civil.New(2024, 5, 2)
			p, err := Compute(f, day(t, tt.today))
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Fees) != 2 || p.Fees[0].AmountEUR != tt.stamp || p.Fees[1].AmountEUR != tt.visa ||
				p.Fees[1].NonRefundableEUR != tt.kept || !strings.Contains(p.Fees[0].Source, tt.source) {
				t.Errorf("fees %+v, want %v, %v (%v kept) from %s", p.Fees, tt.stamp, tt.visa, tt.kept, tt.source)
			}
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B", BirthDate: civil.New(2020, 1, 1)}
			if p, err = Compute(f, day(t, tt.today)); err != nil {
				t.Fatal(err)
			}
			hasTax := item(p, ItemAPSTax) != nil
			if hasTax != (tt.aps > 0) || (hasTax && (len(p.Fees) != 1 || p.Fees[0].AmountEUR != tt.aps)) {
				t.Errorf("APS route: aps_tax item %v, fees %+v, want %v", hasTax, p.Fees, tt.aps)
			}
		})
	}
}

func TestDocuments(t *testing.T) {
	host := &applicant.Host{Civility: applicant.Monsieur, FamilyName: "K", GivenNames: "I"}
	tests := []struct {
		name string
		edit func(*applicant.File)
		want []string
	}{
		{"plain", func(f *applicant.File) {}, []string{"checklist", "cover_letter", "calendar"}},
		{"polygamy declaration", func(f *applicant.File) { f.Situation.PolygamyDeclaration = applicant.PolygamyYes },
			[]string{"checklist", "cover_letter", "non_polygamy_declaration", "calendar"}},
		{"hosted", func(f *applicant.File) { f.Applicant.HostedBy = host },
			[]string{"checklist", "cover_letter", "host_attestation", "calendar"}},
		{"both", func(f *applicant.File) {
			f.Applicant.HostedBy = host
			f.Applicant.Nationality, f.Applicant.MaritalStatus = "SN", applicant.Married
		}, []string{"checklist", "cover_letter", "non_polygamy_declaration", "host_attestation", "calendar"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.edit(f)
			if got := compute(t, f).Documents; !slices.Equal(got, tt.want) {
				t.Errorf("documents %v, want %v", got, tt.want)
			}
		})
	}
}

func TestComputeErrors(t *testing.T) {
	if _, err := Compute(nil, today); err == nil {
		t.Error("nil file: no error")
	}
	if _, err := Compute(base(), civil.Date{}); err == nil {
		t.Error("zero today: no error")
	}
	f := base()
	f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: today, Kind: "phone"}}
	if _, err := Compute(f, today); err == nil || !strings.Contains(err.Error(), "phone") {
		t.Errorf("unknown request kind: %v", err)
	}
	f = base()
	f.Situation.RefusalGrounds = []string{"theft"}
	if _, err := Compute(f, today); err == nil || !strings.Contains(err.Error(), "theft") {
		t.Errorf("unknown refusal ground: %v", err)
	}
	for _, err := range []error{errOf(Compute(nil, today)), errOf(Compute(f, today))} {
		if s := err.Error(); s != strings.ToLower(s[:1])+s[1:] || strings.HasSuffix(s, ".") {
			t.Errorf("error %q: want lowercase, no trailing period", s)
		}
	}
}

func errOf(_ *Plan, err error) error { return err }

// A gender agreement follows the civility.
func TestAgreement(t *testing.T) {
	f := base()
	f.Situation.LongStayVisa = false
	if it := item(compute(t, f), ItemRegularisationVisaFee); !strings.Contains(it.Details[0], "vous êtes entré en") {
		t.Errorf("monsieur: %q", it.Details[0])
	}
	f.Applicant.Civility = applicant.Madame
	if it := item(compute(t, f), ItemRegularisationVisaFee); !strings.Contains(it.Details[0], "vous êtes entrée en") {
		t.Errorf("madame: %q", it.Details[0])
	}
}

// The deadlines of SPEC §2 added for the whole procedure, each on its
// boundaries. The run's date is Sunday 22 November 2026.
func TestProcedureDeadlines(t *testing.T) {
	refused := func(notified string, oqtf bool, period string) func(*applicant.File) {
		return func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 1, 5)
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Refused, NotifiedOn: day(t, notified), OQTF: oqtf, AppealPeriod: period}
		}
	}
	tests := []struct {
		name   string
		edit   func(*applicant.File)
		id     string
		date   string // "" = absent
		postBy string // "" = no posting date
	}{
		// application_filing: asylum seeker, filing date unknown (L. 431-2, D. 431-7)
		{"asylum seeker: 3 months for the card", func(f *applicant.File) { f.Situation.AsylumRegisteredOn = civil.New(2026, 10, 1) },
			DeadlineApplicationFiling, "2027-01-01", ""},
		{"asylum seeker registered 31 January: end of April", func(f *applicant.File) { f.Situation.AsylumRegisteredOn = civil.New(2026, 1, 31) },
			DeadlineApplicationFiling, "2026-04-30", ""},
		{"asylum seeker, APS parent: 2 months by prudence", func(f *applicant.File) {
			f.Situation.AsylumRegisteredOn = civil.New(2026, 10, 1)
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B", BirthDate: civil.New(2020, 1, 1)}
		}, DeadlineApplicationFiling, "2026-12-01", ""},
		{"asylum seeker who filed: no filing deadline", func(f *applicant.File) {
			f.Situation.AsylumRegisteredOn = civil.New(2026, 10, 1)
			f.Procedure.FiledOn = civil.New(2026, 10, 20)
		}, DeadlineApplicationFiling, "", ""},
		{"not an asylum seeker: no filing deadline", func(f *applicant.File) {}, DeadlineApplicationFiling, "", ""},
		// certificate_to_ofii, 31 January + 1 month
		{"certificate available 31 January 2027: 28 February", func(f *applicant.File) { f.Procedure.CertificateAvailableOn = civil.New(2026, 1, 31) },
			DeadlineCertificateToOFII, "2026-02-28", "2026-02-20"},
		// ofii_examination: the convocation's date, an appointment
		{"examination appointment", func(f *applicant.File) {
			f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: civil.New(2026, 11, 16), Kind: applicant.RequestExamination, AppointmentOn: civil.New(2026, 12, 8)}}
		}, DeadlineOFIIExamination, "2026-12-08", ""},
		{"examination without a known date", func(f *applicant.File) {
			f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: civil.New(2026, 11, 16), Kind: applicant.RequestExamination}}
		}, DeadlineOFIIExamination, "", ""},
		// implicit_refusal and its appeal (R. 432-2; CJA R. 421-2)
		{"silence: filing + 4 months", func(f *applicant.File) { f.Procedure.FiledOn = civil.New(2026, 6, 10) },
			DeadlineImplicitRefusal, "2026-10-10", ""},
		{"appeal against the silence: + 2 months", func(f *applicant.File) { f.Procedure.FiledOn = civil.New(2026, 6, 10) },
			DeadlineAppealImplicitRefusal, "2026-12-10", "2026-12-03"},
		{"silence for the APS parent: 2 months by prudence", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 6, 10)
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B", BirthDate: civil.New(2020, 1, 1)}
		}, DeadlineImplicitRefusal, "2026-08-10", ""},
		{"no silence once a decision is recorded", func(f *applicant.File) {
			f.Procedure.FiledOn = civil.New(2026, 6, 10)
			f.Procedure.Decision = &applicant.Decision{Outcome: applicant.Granted, NotifiedOn: civil.New(2026, 9, 1)}
		}, DeadlineImplicitRefusal, "", ""},
		// appeal_decision (CJA R. 421-1; CESEDA L. 911-1, L. 921-1, L. 921-2)
		{"refusal without OQTF nor period: 2 months", refused("2026-11-20", false, ""), DeadlineAppealDecision, "2027-01-20", "2027-01-13"},
		{"OQTF, 1 month from 31 October", refused("2026-10-31", true, applicant.AppealOneMonth), DeadlineAppealDecision, "2026-11-30", "2026-11-23"},
		{"OQTF, 7 days", refused("2026-11-20", true, applicant.AppealSevenDays), DeadlineAppealDecision, "2026-11-27", "2026-11-20"},
		{"OQTF, 48 hours: no posting date", refused("2026-11-21", true, applicant.Appeal48Hours), DeadlineAppealDecision, "2026-11-23", ""},
		{"old notice, 15 days", refused("2026-11-13", true, applicant.AppealFifteenDay), DeadlineAppealDecision, "2026-11-28", "2026-11-20"},
		{"OQTF without a period: no date", refused("2026-11-20", true, ""), DeadlineAppealDecision, "", ""},
		// a decision notified on Friday 24 December 2027, before Christmas:
		// the date is not moved; posting leaves 7 days before a Monday
		{"notified on a Friday before a holiday", refused("2026-10-30", false, applicant.AppealTwoMonths), DeadlineAppealDecision, "2026-12-30", "2026-12-23"},
		// child_majority (L. 425-10)
		{"child turns 18", func(f *applicant.File) {
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B", BirthDate: civil.New(2008, 11, 23)}
		}, DeadlineChildMajority, "2026-11-23", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.edit(f)
			p := compute(t, f)
			ds := deadlines(p, tt.id)
			if tt.date == "" {
				if len(ds) != 0 {
					t.Fatalf("%s present: %+v", tt.id, ds)
				}
				return
			}
			if len(ds) != 1 {
				t.Fatalf("%s: %d entries (deadlines %+v)", tt.id, len(ds), p.Deadlines)
			}
			d := ds[0]
			if d.Date.String() != tt.date {
				t.Errorf("date %s, want %s", d.Date, tt.date)
			}
			if got := ""; d.PostBy != nil {
				got = d.PostBy.String()
				if got != tt.postBy {
					t.Errorf("post_by %s, want %q", got, tt.postBy)
				}
			} else if tt.postBy != "" {
				t.Errorf("no post_by, want %s", tt.postBy)
			}
			if d.Kind != deadlineKinds[tt.id] || d.Title == "" || d.Source == "" || strings.Contains(d.Source, "seed") {
				t.Errorf("kind %q title %q source %q", d.Kind, d.Title, d.Source)
			}
		})
	}
}

// An arrival known by its month only (SPEC §1): the one-year rule counts
// from the month's last day, the visa fee's 3 months from its first day,
// both by prudence; the documents print the month.
func TestArrivalMonth(t *testing.T) {
	month := func(y int, m time.Month) func(*applicant.File) {
		return func(f *applicant.File) {
			f.Situation.ArrivedOn, f.Situation.ArrivedMonthOnly = civil.New(y, m, 1).EndOfMonth(), true
		}
	}
	tests := []struct {
		name string
		id   string
		edit func(*applicant.File)
		want bool
		text string
	}{
		{"one year: the month's last day counts", WarningLessThanOneYear, month(2025, 11), true, "un an le 30\u00a0novembre\u00a02026 (arrivée en novembre\u00a02025 : le jour n’étant pas connu, le dernier jour du mois compte, par prudence)"},
		{"one year: the month before, over", WarningLessThanOneYear, month(2025, 10), false, ""},
		{"one year: filed on the boundary day", WarningLessThanOneYear, func(f *applicant.File) {
			month(2025, 10)(f)
			f.Procedure.FiledOn = civil.New(2026, 10, 31)
		}, false, ""},
		{"one year: filed the day before", WarningLessThanOneYear, func(f *applicant.File) {
			month(2025, 10)(f)
			f.Procedure.FiledOn = civil.New(2026, 10, 30)
		}, true, "arrivée en octobre\u00a02025"},
		{"visa fee: from the month's first day, on the boundary", WarningVisaFeeMayApply, func(f *applicant.File) {
			month(2026, 5)(f)
			f.Procedure.FiledOn = civil.New(2026, 8, 1)
		}, false, ""},
		{"visa fee: the day after", WarningVisaFeeMayApply, func(f *applicant.File) {
			month(2026, 5)(f)
			f.Procedure.FiledOn = civil.New(2026, 8, 2)
		}, true, "si c’est votre cas"},
		{"visa fee: the month's last day would say no", WarningVisaFeeMayApply, month(2026, 8), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.edit(f)
			p := compute(t, f)
			var w *Warning
			for i := range p.Warnings {
				if p.Warnings[i].ID == tt.id {
					w = &p.Warnings[i]
				}
			}
			if (w != nil) != tt.want {
				t.Fatalf("%s = %v, want %v", tt.id, w != nil, tt.want)
			}
			if w != nil && !strings.Contains(w.Message, tt.text) {
				t.Errorf("message %q lacks %q", w.Message, tt.text)
			}
		})
	}
	f := base()
	month(2026, 3)(f)
	p := compute(t, f)
	d := deadlines(p, DeadlineOneYearResidence)
	if len(d) != 1 || d[0].Date != civil.New(2027, 3, 31) || !strings.Contains(d[0].Detail, "Arrivée en France en mars\u00a02026 (le jour n’étant pas connu") {
		t.Errorf("one-year milestone %+v", d)
	}
	if it := item(p, ItemResidenceProof); it == nil || !strings.Contains(strings.Join(it.Details, " "), "Arrivée en France en mars\u00a02026.") {
		t.Errorf("residence proof item %+v", it)
	}
}

package plan

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

// today is the run’s date of every test: Sunday 22 November 2026.
var today = civil.New(2026, time.November, 22)

func day(t testing.TB, s string) civil.Date {
	t.Helper()
	if s == "" {
		return civil.Date{}
	}
	d, err := civil.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// base is a card applicant with nothing to warn about: more than one year in
// France, a passport, an OFII address, single, in Paris, nothing dated.
func base() *applicant.File {
	return &applicant.File{
		Format: applicant.FormatV1,
		Applicant: applicant.Applicant{
			Civility: applicant.Monsieur, FamilyName: "SOW", GivenNames: "Mamadou",
			BirthDate: civil.New(1983, time.November, 2), BirthPlace: "Labé (Guinée)",
			Nationality: "GN", MaritalStatus: applicant.Single,
			Address: applicant.Address{Street: "3 rue X", Postcode: "75011", City: "Paris"},
		},
		Identity:    applicant.Identity{Document: applicant.Passport},
		Situation:   applicant.Situation{ArrivedOn: civil.New(2024, time.May, 2), LongStayVisa: true, PolygamyDeclaration: applicant.PolygamyAuto},
		OFIIAddress: []string{"OFII – Service médical", "75000 PARIS"},
		Options:     applicant.Options{MailMarginDays: applicant.DefaultMailMarginDays},
	}
}

func compute(t testing.TB, f *applicant.File) *Plan {
	t.Helper()
	p, err := Compute(f, today)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func deadlines(p *Plan, id string) []Deadline {
	var out []Deadline
	for _, d := range p.Deadlines {
		if d.ID == id {
			out = append(out, d)
		}
	}
	return out
}

func deadline(t testing.TB, p *Plan, id string) *Deadline {
	t.Helper()
	ds := deadlines(p, id)
	if len(ds) > 1 {
		t.Fatalf("%d deadlines %s", len(ds), id)
	}
	if len(ds) == 0 {
		return nil
	}
	return &ds[0]
}

func item(p *Plan, id string) *Item {
	for i := range p.Checklist {
		if p.Checklist[i].ID == id {
			return &p.Checklist[i]
		}
	}
	return nil
}

func warning(p *Plan, id string) *Warning {
	for i := range p.Warnings {
		if p.Warnings[i].ID == id {
			return &p.Warnings[i]
		}
	}
	return nil
}

func checklistIDsOf(p *Plan) []string {
	var ids []string
	for _, it := range p.Checklist {
		ids = append(ids, it.ID)
	}
	return ids
}

func TestItemIDsAreTheLoaders(t *testing.T) {
	if !slices.Equal(checklistIDs, applicant.ChecklistIDs) {
		t.Errorf("plan checklist IDs %v\ndiffer from the loader’s %v", checklistIDs, applicant.ChecklistIDs)
	}
}

func TestRoute(t *testing.T) {
	f := base()
	if p := compute(t, f); p.Route != RouteCard || p.Format != FormatV1 || p.Today != today {
		t.Errorf("route %q, format %q, today %s", p.Route, p.Format, p.Today)
	}
	f.Situation.SickChild = &applicant.Child{GivenNames: "Noé", FamilyName: "MBARGA", BirthDate: civil.New(2019, 3, 8)}
	if p := compute(t, f); p.Route != RouteAPSParent {
		t.Errorf("with a sick child, route %q, want aps_parent", p.Route)
	}
}

// Outline gives the route and basis Compute gives, and nothing else of
// the plan: the card, the APS of a sick child's parent (also for an
// Algerian), the Franco-Algerian certificate whatever the case of the code.
func TestOutline(t *testing.T) {
	child := &applicant.Child{GivenNames: "Noé", FamilyName: "MBARGA", BirthDate: civil.New(2019, 3, 8)}
	for _, tt := range []struct {
		name        string
		nationality string
		child       *applicant.Child
		route       string
		basis       string
	}{
		{"card", "ML", nil, RouteCard, BasisL4259},
		{"Algerian", "DZ", nil, RouteCard, BasisFrancoAlgerian},
		{"Algerian, code in lower case", "dz", nil, RouteCard, BasisFrancoAlgerian},
		{"parent of a sick child", "ML", child, RouteAPSParent, BasisL42510},
		{"Algerian parent of a sick child", "DZ", child, RouteAPSParent, BasisL42510},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			f.Applicant.Nationality = tt.nationality
			f.Situation.SickChild = tt.child
			o, err := Outline(f, today)
			if err != nil {
				t.Fatal(err)
			}
			p := compute(t, f)
			if o.Route != tt.route || o.Basis != tt.basis || p.Route != tt.route || p.Basis != tt.basis {
				t.Errorf("outline %s %s, plan %s %s, want %s %s", o.Route, o.Basis, p.Route, p.Basis, tt.route, tt.basis)
			}
			if o.Today != today || o.Format != FormatV1 || !slices.Equal(o.Documents, []string{DocCoverLetter}) ||
				len(o.Checklist)+len(o.Deadlines)+len(o.Warnings)+len(o.Fees) != 0 || o.NextStep != nil {
				t.Errorf("outline %+v, want the date, the route, the basis and the cover letter only", o)
			}
		})
	}
	for _, name := range examples {
		f := loadExample(t, name)
		o, err := Outline(f, today)
		if err != nil {
			t.Fatal(err)
		}
		if p := compute(t, f); o.Route != p.Route || o.Basis != p.Basis {
			t.Errorf("%s: outline %s %s, plan %s %s", name, o.Route, o.Basis, p.Route, p.Basis)
		}
	}
	if _, err := Outline(nil, today); err == nil {
		t.Error("no error without a file")
	}
	if _, err := Outline(base(), civil.Date{}); err == nil {
		t.Error("no error without a date")
	}
}

// certificate_to_ofii: + 1 month from ANEF availability, + 3 months from the
// asylum registration (seed 000), month arithmetic of SPEC §2.
func TestCertificateDeadline(t *testing.T) {
	tests := []struct {
		name      string
		available string
		asylum    string
		want      string // "" = no deadline
	}{
		{"31 January + 1 month, common year", "2027-01-31", "", "2027-02-28"},
		{"31 January + 1 month, leap year", "2028-01-31", "", "2028-02-29"},
		{"31 August + 1 month", "2026-08-31", "", "2026-09-30"},
		{"29 February + 1 month", "2028-02-29", "", "2028-03-29"},
		{"30 January + 1 month, common year", "2027-01-30", "", "2027-02-28"},
		{"plain + 1 month", "2026-11-16", "", "2026-12-16"},
		{"+ 1 month across a year end", "2026-12-31", "", "2027-01-31"},
		{"asylum + 3 months across a year end", "", "2026-11-30", "2027-02-28"},
		{"asylum + 3 months to 29 February", "", "2027-11-30", "2028-02-29"},
		{"asylum 29 February + 3 months", "", "2028-02-29", "2028-05-29"},
		{"asylum wins over ANEF availability", "2026-11-16", "2026-10-01", "2027-01-01"},
		{"start unknown: no deadline", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			f.Procedure.CertificateAvailableOn = day(t, tt.available)
			f.Situation.AsylumRegisteredOn = day(t, tt.asylum)
			p := compute(t, f)
			d := deadline(t, p, DeadlineCertificateToOFII)
			if tt.want == "" {
				if d != nil {
					t.Fatalf("deadline %s present, want none", d.Date)
				}
				return
			}
			if d == nil {
				t.Fatal("no certificate_to_ofii deadline")
			}
			if d.Date.String() != tt.want {
				t.Errorf("date %s, want %s", d.Date, tt.want)
			}
			if d.PostBy == nil {
				t.Error("no post_by")
			}
		})
	}
}

// When the start date is unknown, the checklist says when the clock starts.
func TestCertificateClockExplained(t *testing.T) {
	p := compute(t, base())
	details := strings.Join(item(p, ItemMedicalCertificate).Details, "\n")
	for _, want := range []string{"1 mois", "3 mois", "espace personnel ANEF", "enregistrement de la demande d’asile"} {
		if !strings.Contains(details, want) {
			t.Errorf("medical_certificate details lack %q:\n%s", want, details)
		}
	}
	f := base()
	f.Procedure.CertificateAvailableOn = civil.New(2026, 11, 16)
	details = strings.Join(item(compute(t, f), ItemMedicalCertificate).Details, "\n")
	if !strings.Contains(details, "16\u00a0décembre\u00a02026") || strings.Contains(details, "3 mois") {
		t.Errorf("with a known start, details should give the date only:\n%s", details)
	}
}

func TestMedicalCertificateWording(t *testing.T) {
	card := strings.Join(item(compute(t, base()), ItemMedicalCertificate).Details, "\n")
	for _, want := range []string{"ANEF", "médecin", "« SECRET MÉDICAL »", "recommandée avec avis de réception",
		"Ne donnez jamais d’information médicale à la préfecture"} {
		if !strings.Contains(card, want) {
			t.Errorf("card route: medical_certificate lacks %q:\n%s", want, card)
		}
	}
	f := base()
	f.Situation.SickChild = &applicant.Child{GivenNames: "Noé", FamilyName: "MBARGA"}
	aps := strings.Join(item(compute(t, f), ItemMedicalCertificate).Details, "\n")
	if strings.Contains(aps, "Téléchargez") || !strings.Contains(aps, "Noé MBARGA") || !strings.Contains(aps, "SECRET MÉDICAL") {
		t.Errorf("aps_parent route: medical_certificate details:\n%s", aps)
	}
	if !strings.Contains(aps, "Demandez à la préfecture dans quel délai") || strings.Contains(aps, "ANEF") {
		t.Errorf("aps_parent route, start unknown: medical_certificate details:\n%s", aps)
	}
	f.Procedure.CertificateAvailableOn = civil.New(2026, 11, 10)
	aps = strings.Join(item(compute(t, f), ItemMedicalCertificate).Details, "\n")
	if !strings.Contains(aps, "10\u00a0décembre\u00a02026 (1 mois après sa mise à disposition)") {
		t.Errorf("aps_parent route, start known: medical_certificate details:\n%s", aps)
	}
}

func TestOtherDeadlines(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*applicant.File)
		id     string
		want   string // "" = absent
		postBy bool
	}{
		{"implicit refusal + 4 months across a year end", func(f *applicant.File) { f.Procedure.FiledOn = civil.New(2026, 10, 31) },
			DeadlineImplicitRefusal, "2027-02-28", false},
		{"implicit refusal + 4 months plain", func(f *applicant.File) { f.Procedure.FiledOn = civil.New(2026, 9, 15) },
			DeadlineImplicitRefusal, "2027-01-15", false},
		{"implicit refusal absent without filing", func(f *applicant.File) {}, DeadlineImplicitRefusal, "", false},
		{"domicile proof + 6 months to 28 February", func(f *applicant.File) { f.Situation.DomicileProofDated = civil.New(2026, 8, 31) },
			DeadlineDomicileProofExpiry, "2027-02-28", false},
		{"domicile proof + 6 months to 29 February", func(f *applicant.File) { f.Situation.DomicileProofDated = civil.New(2027, 8, 29) },
			DeadlineDomicileProofExpiry, "2028-02-29", false},
		{"domicile proof absent without its date", func(f *applicant.File) {}, DeadlineDomicileProofExpiry, "", false},
		{"nationality certificate + 6 months", func(f *applicant.File) {
			f.Identity = applicant.Identity{Document: applicant.NationalityCertificate, IssuedOn: civil.New(2026, 6, 1)}
		}, DeadlineNationalityCertificateExpiry, "2026-12-01", false},
		{"nationality certificate 31 March + 6 months", func(f *applicant.File) {
			f.Identity = applicant.Identity{Document: applicant.NationalityCertificate, IssuedOn: civil.New(2026, 3, 31)}
		}, DeadlineNationalityCertificateExpiry, "2026-09-30", false},
		{"no nationality certificate deadline for a passport", func(f *applicant.File) {
			f.Identity = applicant.Identity{Document: applicant.Passport, IssuedOn: civil.New(2026, 6, 1)}
		}, DeadlineNationalityCertificateExpiry, "", false},
		{"no nationality certificate deadline without its date", func(f *applicant.File) {
			f.Identity = applicant.Identity{Document: applicant.NationalityCertificate}
		}, DeadlineNationalityCertificateExpiry, "", false},
		{"one year ahead, tomorrow", func(f *applicant.File) { f.Situation.ArrivedOn = civil.New(2025, 11, 23) },
			DeadlineOneYearResidence, "2026-11-23", false},
		{"one year reached today: absent", func(f *applicant.File) { f.Situation.ArrivedOn = civil.New(2025, 11, 22) },
			DeadlineOneYearResidence, "", false},
		{"one year reached yesterday: absent", func(f *applicant.File) { f.Situation.ArrivedOn = civil.New(2025, 11, 21) },
			DeadlineOneYearResidence, "", false},
		{"one year from 29 February", func(f *applicant.File) {
			f.Situation.ArrivedOn = civil.New(2028, 2, 29) // arrival in the future of the run only in this test
		}, DeadlineOneYearResidence, "2029-02-28", false},
		{"one year: only for the card", func(f *applicant.File) {
			f.Situation.ArrivedOn = civil.New(2026, 8, 14)
			f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"}
		}, DeadlineOneYearResidence, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.edit(f)
			d := deadline(t, compute(t, f), tt.id)
			if tt.want == "" {
				if d != nil {
					t.Fatalf("%s present on %s, want none", tt.id, d.Date)
				}
				return
			}
			if d == nil {
				t.Fatalf("no %s", tt.id)
			}
			if d.Date.String() != tt.want {
				t.Errorf("%s on %s, want %s", tt.id, d.Date, tt.want)
			}
			if (d.PostBy != nil) != tt.postBy {
				t.Errorf("post_by %v, want present=%v", d.PostBy, tt.postBy)
			}
			if d.Title == "" || d.Source == "" {
				t.Errorf("title %q, source %q", d.Title, d.Source)
			}
		})
	}
}

func TestOFIIRequestReplies(t *testing.T) {
	f := base()
	f.Procedure.OFIIRequests = []applicant.OFIIRequest{
		{On: civil.New(2026, 11, 18), Kind: applicant.RequestInformation},
		{On: civil.New(2026, 10, 1), Kind: applicant.RequestExamination},
		{On: civil.New(2026, 11, 7), Kind: applicant.RequestExamination}, // due 22 Nov: today, not passed
	}
	p := compute(t, f)
	ds := deadlines(p, DeadlineOFIIRequestReply)
	if len(ds) != 3 {
		t.Fatalf("%d ofii_request_reply deadlines, want 3", len(ds))
	}
	want := []struct {
		date, postBy string
		passed       bool
		daysLeft     int
	}{
		{"2026-10-16", "2026-10-09", true, -37},
		{"2026-11-22", "2026-11-13", false, 0},
		{"2026-12-03", "2026-11-26", false, 11},
	}
	for i, w := range want {
		d := ds[i]
		if d.Date.String() != w.date || d.PostBy == nil || d.PostBy.String() != w.postBy || d.Passed != w.passed || d.DaysLeft != w.daysLeft || d.Done {
			t.Errorf("request %d: %+v, want %+v", i, d, w)
		}
	}
	if !strings.Contains(ds[2].Title, "18\u00a0novembre\u00a02026") {
		t.Errorf("title %q does not name the request’s date", ds[2].Title)
	}
	if !strings.Contains(ds[0].Detail, "examen") || !strings.Contains(ds[2].Detail, "informations") {
		t.Errorf("details do not name the kind: %q / %q", ds[0].Detail, ds[2].Detail)
	}
}

// non_working_day: Saturday, Sunday, public holiday where the applicant
// lives; the date is never moved (SPEC §2).
func TestNonWorkingDay(t *testing.T) {
	tests := []struct {
		name     string
		due      string // the certificate deadline (ANEF availability + 1 month)
		postcode string
		want     bool
		holiday  string
	}{
		{"Wednesday", "2026-12-16", "75011", false, ""},
		{"Saturday", "2026-12-19", "75011", true, ""},
		{"Sunday", "2026-12-20", "75011", true, ""},
		{"Christmas on a Friday", "2026-12-25", "75011", true, "Noël"},
		{"Good Friday in Strasbourg", "2027-03-26", "67000", true, "Vendredi saint"},
		{"Good Friday in Metz", "2027-03-26", "57000", true, "Vendredi saint"},
		{"Good Friday in Mulhouse", "2027-03-26", "68100", true, "Vendredi saint"},
		{"Good Friday in Paris", "2027-03-26", "75011", false, ""},
		{"26 December (Tuesday) in Strasbourg", "2028-12-26", "67000", true, "Saint-Étienne (26 décembre)"},
		{"26 December (Tuesday) in Paris", "2028-12-26", "75011", false, ""},
		{"20 December (Monday) in Réunion", "2027-12-20", "97400", true, "Abolition de l’esclavage"},
		{"20 December (Monday) in Mayotte", "2027-12-20", "97600", false, ""},
		{"27 April (Tuesday) in Mayotte", "2027-04-27", "97600", true, "Abolition de l’esclavage"},
		{"22 May (Monday) 2028 in Martinique", "2028-05-22", "97200", true, "Abolition de l’esclavage"},
		{"10 June (Thursday) 2027 in Guyane", "2027-06-10", "97300", true, "Abolition de l’esclavage"},
		{"27 May (Thursday) 2027 in Guadeloupe", "2027-05-27", "97110", true, "Abolition de l’esclavage"},
		{"27 May (Thursday) 2027 in Saint-Martin: the text of L. 3422-2", "2027-05-27", "97150", true, "Abolition de l’esclavage"},
		{"26 May (Wednesday) 2027 in Saint-Martin", "2027-05-26", "97150", false, ""},
		{"28 May (Friday) 2027 in Saint-Martin", "2027-05-28", "97150", true, "Abolition de l’esclavage"},
		{"9 October (Monday) 2028 in Saint-Barthélemy", "2028-10-09", "97133", true, "Abolition de l’esclavage"},
		{"9 October 2028 in Guadeloupe", "2028-10-09", "97110", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			f.Applicant.Address.Postcode = tt.postcode
			due := day(t, tt.due)
			f.Procedure.CertificateAvailableOn = due.AddMonths(-1)
			if f.Procedure.CertificateAvailableOn.AddMonths(1) != due {
				t.Fatalf("test setup: %s - 1 month + 1 month != itself", due)
			}
			d := deadline(t, compute(t, f), DeadlineCertificateToOFII)
			if d.Date != due {
				t.Errorf("date moved to %s, want %s", d.Date, due)
			}
			if d.NonWorkingDay != tt.want || d.Holiday != tt.holiday {
				t.Errorf("non_working_day %v holiday %q, want %v %q", d.NonWorkingDay, d.Holiday, tt.want, tt.holiday)
			}
		})
	}
}

// post_by: the latest Monday–Friday, not a public holiday, at least
// mail_margin_days calendar days before the date (SPEC §2).
func TestPostBy(t *testing.T) {
	tests := []struct {
		name     string
		date     string
		margin   int
		postcode string
		want     string
	}{
		{"margin lands on a Sunday: back to Friday", "2026-12-20", 7, "75011", "2026-12-11"},
		{"margin lands on a Saturday: back to Friday", "2026-12-19", 7, "75011", "2026-12-11"},
		{"margin lands on a Wednesday", "2026-12-16", 7, "75011", "2026-12-09"},
		{"margin lands on Christmas: back to 24 December", "2027-01-01", 7, "75011", "2026-12-24"},
		{"margin 0 on a working day: the date itself", "2026-12-16", 0, "75011", "2026-12-16"},
		{"margin 0 on a Sunday: the Friday before", "2026-12-20", 0, "75011", "2026-12-18"},
		{"margin 0 on a holiday: the day before", "2026-12-25", 0, "75011", "2026-12-24"},
		{"margin over Easter Monday and the weekend, Paris", "2027-04-05", 7, "75011", "2027-03-26"},
		{"margin over Easter Monday, the weekend and Good Friday, Strasbourg", "2027-04-05", 7, "67000", "2027-03-25"},
		{"margin on Good Friday, Metz", "2027-04-02", 7, "57000", "2027-03-25"},
		{"margin on Good Friday, Paris", "2027-04-02", 7, "75011", "2027-03-26"},
		{"margin on 26 December (Tuesday 2028), Colmar", "2029-01-02", 7, "68000", "2028-12-22"},
		{"margin on 26 December (Tuesday 2028), Paris", "2029-01-02", 7, "75011", "2028-12-26"},
		{"margin on 20 December, Réunion", "2027-12-27", 7, "97400", "2027-12-17"},
		{"margin on 20 December, Paris", "2027-12-27", 7, "75011", "2027-12-20"},
		{"margin 1 lands on 8 May: back to 7 May", "2026-05-09", 1, "75011", "2026-05-07"},
		{"margin 30 would fall before the request: no posting date", "2027-01-31", 30, "75011", ""},
		{"margin 15 lands on the request's own day", "2027-01-29", 15, "75011", "2027-01-14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			f.Applicant.Address.Postcode = tt.postcode
			f.Options.MailMarginDays = tt.margin
			f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: day(t, tt.date).AddDays(-15), Kind: applicant.RequestInformation}}
			d := deadline(t, compute(t, f), DeadlineOFIIRequestReply)
			if d.Date.String() != tt.date {
				t.Fatalf("test setup: date %s", d.Date)
			}
			if tt.want == "" {
				if d.PostBy != nil {
					t.Errorf("post_by %v, want none", d.PostBy)
				}
				return
			}
			if d.PostBy == nil || d.PostBy.String() != tt.want {
				t.Errorf("post_by %v, want %s", d.PostBy, tt.want)
			}
		})
	}
}

func TestDeadlineStates(t *testing.T) {
	tests := []struct {
		name       string
		available  string
		sent       string
		wantPassed bool
		wantDone   bool
		wantDays   int
	}{
		{"due tomorrow", "2026-10-23", "", false, false, 1},
		{"due today is not passed", "2026-10-22", "", false, false, 0},
		{"due yesterday is passed", "2026-10-21", "", true, false, -1},
		{"sent: done", "2026-11-16", "2026-11-20", false, true, 24},
		{"passed and sent: done", "2026-09-01", "2026-09-20", true, true, -52},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			f.Procedure.CertificateAvailableOn = day(t, tt.available)
			f.Procedure.CertificateSentOn = day(t, tt.sent)
			d := deadline(t, compute(t, f), DeadlineCertificateToOFII)
			if d.Passed != tt.wantPassed || d.Done != tt.wantDone || d.DaysLeft != tt.wantDays {
				t.Errorf("passed %v done %v days_left %d; want %v %v %d", d.Passed, d.Done, d.DaysLeft, tt.wantPassed, tt.wantDone, tt.wantDays)
			}
		})
	}
}

// Deadlines are sorted by date, then by ID.
func TestDeadlineOrder(t *testing.T) {
	f := base()
	f.Identity = applicant.Identity{Document: applicant.NationalityCertificate, IssuedOn: civil.New(2026, 9, 1)} // 2027-03-01
	f.Situation.DomicileProofDated = civil.New(2026, 9, 1)                                                       // 2027-03-01
	f.Procedure.FiledOn = civil.New(2026, 11, 1)                                                                 // 2027-03-01
	f.Procedure.CertificateAvailableOn = civil.New(2026, 11, 20)                                                 // 2026-12-20
	f.Procedure.OFIIRequests = []applicant.OFIIRequest{
		{On: civil.New(2026, 11, 20), Kind: applicant.RequestInformation}, // 2026-12-05
		{On: civil.New(2026, 12, 5), Kind: applicant.RequestInformation},  // 2026-12-20
	}
	f.Situation.ArrivedOn = civil.New(2026, 3, 1) // 2027-03-01
	p := compute(t, f)
	var got []string
	for _, d := range p.Deadlines {
		got = append(got, d.Date.String()+" "+d.ID)
	}
	want := []string{
		"2026-12-05 ofii_request_reply",
		"2026-12-20 certificate_to_ofii",
		"2026-12-20 ofii_request_reply",
		"2027-03-01 domicile_proof_expiry",
		"2027-03-01 implicit_refusal",
		"2027-03-01 nationality_certificate_expiry",
		"2027-03-01 one_year_residence",
		"2027-05-01 appeal_implicit_refusal",
	}
	if !slices.Equal(got, want) {
		t.Errorf("order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNext(t *testing.T) {
	f := base()
	if n := compute(t, f).Next(); n != nil {
		t.Errorf("no deadline, Next = %+v", n)
	}
	f.Procedure.CertificateAvailableOn = civil.New(2026, 9, 1) // passed
	f.Procedure.FiledOn = civil.New(2026, 11, 1)               // 2027-03-01
	f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: civil.New(2026, 11, 20), Kind: applicant.RequestInformation}}
	n := compute(t, f).Next()
	if n == nil || n.ID != DeadlineCertificateToOFII || !n.Passed {
		t.Fatalf("Next = %+v, want the late certificate before the OFII reply", n)
	}
	f.Procedure.OFIIRequests = nil
	f.Procedure.CertificateAvailableOn = civil.New(2026, 11, 16)
	f.Procedure.CertificateSentOn = civil.New(2026, 11, 20) // done: waiting for the decision is no deadline
	if p := compute(t, f); p.Next() != nil || p.NextStep.ID != StepAwaitDecision || p.NextText() == "" {
		t.Errorf("Next = %+v, step %+v, want await_decision", p.Next(), p.NextStep)
	}
}

package ical

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/plan"
)

func date(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func datePtr(s string) *civil.Date { d := date(s); return &d }

func diallo() *applicant.File {
	return &applicant.File{
		Format: applicant.FormatV1,
		Applicant: applicant.Applicant{
			Civility: applicant.Madame, FamilyName: "DIALLO", GivenNames: "Aminata",
			BirthDate: date("1988-04-12"),
		},
	}
}

// testPlan has one deadline of each kind that matters to a calendar: with a
// post-by date on a non-working day, without one, done, passed, and one on
// the last day of the year (DTEND in the next year).
func testPlan() *plan.Plan {
	return &plan.Plan{
		Format: plan.FormatV1,
		Today:  date("2026-11-22"),
		Route:  plan.RouteCard,
		Deadlines: []plan.Deadline{
			{ID: "certificate_to_ofii", Kind: plan.KindDeadline, Date: date("2026-12-20"), PostBy: datePtr("2026-12-11"),
				NonWorkingDay: true, Title: "Certificat médical à envoyer à l’OFII",
				Source: "service-public.fr, fiche F17164 ; CESEDA art. D. 431-7"},
			{ID: "domicile_proof_expiry", Kind: plan.KindExpiry, Date: date("2026-12-31"), Title: "Fin de validité du justificatif de domicile",
				Source: "service-public.fr, fiche F17164"},
			{ID: "ofii_examination", Kind: plan.KindAppointment, Date: date("2026-12-08"), Title: "Examen médical à l’OFII",
				Source: "CESEDA art. R. 425-12"},
			{ID: "implicit_refusal", Kind: plan.KindMilestone, Date: date("2027-03-02"), NonWorkingDay: false,
				Title: "Rejet implicite après 4 mois de silence", Source: "CESEDA art. R. 432-1, R. 432-2"},
			{ID: "ofii_request_reply", Kind: plan.KindDeadline, Date: date("2026-11-01"), PostBy: datePtr("2026-10-23"), Passed: true,
				Title: "Réponse à la demande de l'OFII", Source: "CESEDA art. R. 425-12"},
			{ID: "one_year_residence", Kind: plan.KindMilestone, Date: date("2027-01-10"), Done: true, Title: "Un an de résidence en France"},
		},
	}
}

func TestASCII(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"french accents", "Certificat médical à envoyer à l’OFII", "Certificat medical a envoyer a l'OFII"},
		{"ligatures", "Œuvre sœur ﬁn", "OEuvre soeur fin"},
		{"vietnamese", "NGUYỄN Văn Đức", "NGUYEN Van Duc"},
		{"fula hooked letters", "Mamadou Ɓoye", "Mamadou Boye"},
		{"no-break spaces", "Date\u00a0: 12\u202fdéc.", "Date : 12 dec."},
		{"quotes and dashes", "« SECRET MÉDICAL » – “x”", `" SECRET MEDICAL " - "x"`},
		{"controls become spaces", "a\r\nb\tc", "a  b c"},
		{"unknown scripts left out", "Ahmad 😀 أحمد", "Ahmad  "},
		{"plain ascii untouched", "DIALLO Aminata (93200)", "DIALLO Aminata (93200)"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ASCII(tt.in)
			if got != tt.want {
				t.Errorf("ASCII(%q) = %q, want %q", tt.in, got, tt.want)
			}
			assertPrintableASCII(t, got, false)
		})
	}
}

func assertPrintableASCII(t *testing.T, s string, crlfAllowed bool) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		c := s[i]
		if crlfAllowed && (c == '\r' || c == '\n') {
			continue
		}
		if c < 0x20 || c > 0x7e {
			t.Fatalf("byte %#x at %d is not printable ASCII in %q", c, i, s)
		}
	}
}

// assertLines checks the line structure of RFC 5545 §3.1: CRLF endings only,
// lines of at most 75 octets.
func assertLines(t *testing.T, s string) {
	t.Helper()
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("output does not end with CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d is %d octets long (> 75): %q", i+1, len(line), line)
		}
	}
}

func parse(t *testing.T, s string) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(s))
	if err != nil {
		t.Fatalf("cannot parse back: %v\n%s", err, s)
	}
	return cal
}

func prop(t *testing.T, c *ics.ComponentBase, p ics.ComponentProperty) *ics.IANAProperty {
	t.Helper()
	v := c.GetProperty(p)
	if v == nil {
		t.Fatalf("no %s", p)
	}
	return v
}

// assertAllDay checks DTSTART;VALUE=DATE:day and DTEND;VALUE=DATE:day+1.
func assertAllDay(t *testing.T, ev *ics.VEvent, day civil.Date) {
	t.Helper()
	for _, c := range []struct {
		p    ics.ComponentProperty
		want civil.Date
	}{{ics.ComponentPropertyDtStart, day}, {ics.ComponentPropertyDtEnd, day.AddDays(1)}} {
		v := prop(t, &ev.ComponentBase, c.p)
		if got := v.ICalParameters["VALUE"]; len(got) != 1 || got[0] != "DATE" {
			t.Errorf("%s VALUE = %v, want DATE", c.p, got)
		}
		want := c.want.Time().Format("20060102")
		if v.Value != want {
			t.Errorf("%s = %s, want %s", c.p, v.Value, want)
		}
	}
}

func TestEventPayload(t *testing.T) {
	f := diallo()
	// Names outside ASCII must not leak into the payload.
	f.Applicant.FamilyName, f.Applicant.GivenNames = "NGUYỄN", "Văn Đức"
	for _, d := range testPlan().Deadlines {
		t.Run(d.ID+"-"+d.Date.String(), func(t *testing.T) {
			got := EventPayload(f, d)
			assertPrintableASCII(t, got, true)
			assertLines(t, got)
			if again := EventPayload(f, d); again != got {
				t.Fatalf("payload is not deterministic")
			}
			// A QR code of version 10-M holds 213 bytes, of 13-M 346: stay
			// well under what a phone reads from a 3 cm printed code.
			if len(got) > 420 {
				t.Errorf("payload is %d bytes, want <= 420:\n%s", len(got), got)
			}
			for _, want := range []string{
				"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + ProductID + "\r\nBEGIN:VEVENT\r\n",
				"DTSTART;VALUE=DATE:" + d.Date.Time().Format("20060102") + "\r\n",
				"END:VEVENT\r\nEND:VCALENDAR\r\n",
			} {
				if !strings.Contains(got, want) {
					t.Errorf("payload lacks %q:\n%s", want, got)
				}
			}
			cal := parse(t, got)
			evs := cal.Events()
			if len(evs) != 1 {
				t.Fatalf("%d events, want 1", len(evs))
			}
			ev := evs[0]
			assertAllDay(t, ev, d.Date)
			if got, want := ev.Id(), UID(f, d)+"@ofiipack"; got != want {
				t.Errorf("UID = %q, want %q", got, want)
			}
			if got := prop(t, &ev.ComponentBase, ics.ComponentPropertyDtstamp).Value; got != d.Date.Time().Format("20060102")+"T000000Z" {
				t.Errorf("DTSTAMP = %s, want the deadline's date", got)
			}
			if got, want := prop(t, &ev.ComponentBase, ics.ComponentPropertySummary).Value, ASCII(d.Title); got != want {
				t.Errorf("SUMMARY = %q, want %q", got, want)
			}
			desc := ev.GetProperty(ics.ComponentPropertyDescription)
			switch {
			case d.PostBy != nil && (desc == nil || !strings.Contains(desc.Value, d.PostBy.Time().Format("02/01/2006"))):
				t.Errorf("DESCRIPTION = %v, want the post-by date", desc)
			case d.PostBy == nil && desc != nil:
				t.Errorf("DESCRIPTION = %q, want none without a post-by date", desc.Value)
			}
		})
	}
}

func TestEventPayloadSummaryIsTransliterated(t *testing.T) {
	d := testPlan().Deadlines[0]
	got := EventPayload(diallo(), d)
	if !strings.Contains(got, "\r\nSUMMARY:Certificat medical a envoyer a l'OFII\r\n") {
		t.Errorf("summary not transliterated:\n%s", got)
	}
}

func TestUID(t *testing.T) {
	d := testPlan().Deadlines[0]
	base := UID(diallo(), d)
	if !strings.HasPrefix(base, "certificate_to_ofii-20261220-") {
		t.Errorf("UID = %q, want the deadline ID and date first", base)
	}
	if strings.Contains(strings.ToUpper(base), "DIALLO") {
		t.Errorf("UID %q shows the applicant's name", base)
	}
	other := d
	other.Date = date("2026-12-21")
	tests := []struct {
		name string
		edit func(f *applicant.File)
		d    plan.Deadline
		same bool
	}{
		{"same data", func(*applicant.File) {}, d, true},
		{"case and spaces of names", func(f *applicant.File) { f.Applicant.FamilyName = " Diallo "; f.Applicant.GivenNames = "AMINATA" }, d, true},
		{"accent added to a name", func(f *applicant.File) { f.Applicant.GivenNames = "Amínata" }, d, true},
		{"address changed", func(f *applicant.File) { f.Applicant.Address.City = "Paris" }, d, true},
		{"another birth date", func(f *applicant.File) { f.Applicant.BirthDate = date("1988-04-13") }, d, false},
		{"another person", func(f *applicant.File) { f.Applicant.GivenNames = "Awa" }, d, false},
		{"another date", func(*applicant.File) {}, other, false},
		{"another deadline", func(*applicant.File) {}, plan.Deadline{ID: "implicit_refusal", Date: d.Date}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := diallo()
			tt.edit(f)
			if got := UID(f, tt.d); (got == base) != tt.same {
				t.Errorf("UID = %q, base %q, want same=%v", got, base, tt.same)
			}
		})
	}
}

func TestCalendar(t *testing.T) {
	f, p := diallo(), testPlan()
	var buf bytes.Buffer
	if err := Calendar(&buf, f, p); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	assertLines(t, out)
	var again bytes.Buffer
	if err := Calendar(&again, f, p); err != nil {
		t.Fatal(err)
	}
	if again.String() != out {
		t.Fatal("calendar is not deterministic")
	}
	cal := parse(t, out)
	evs := cal.Events()
	if len(evs) != len(p.Deadlines) {
		t.Fatalf("%d events, want %d", len(evs), len(p.Deadlines))
	}
	seen := map[string]bool{}
	for i, ev := range evs {
		d := p.Deadlines[i]
		t.Run(d.ID, func(t *testing.T) {
			assertAllDay(t, ev, d.Date)
			if seen[ev.Id()] {
				t.Errorf("UID %s repeated", ev.Id())
			}
			seen[ev.Id()] = true
			if got, want := ev.Id(), UID(f, d)+"@ofiipack"; got != want {
				t.Errorf("UID = %q, want %q (the QR code's)", got, want)
			}
			if got := prop(t, &ev.ComponentBase, ics.ComponentPropertyDtstamp).Value; got != "20261122T000000Z" {
				t.Errorf("DTSTAMP = %s, want the plan's date", got)
			}
			if got := prop(t, &ev.ComponentBase, ics.ComponentPropertySummary).Value; got != d.Title {
				t.Errorf("SUMMARY = %q, want the title in UTF-8 %q", got, d.Title)
			}
			desc := prop(t, &ev.ComponentBase, ics.ComponentPropertyDescription).Value
			word := map[string]string{plan.KindDeadline: "Date limite :", plan.KindAppointment: "Rendez-vous :",
				plan.KindExpiry: "Fin de validité :", plan.KindMilestone: "Événement :"}[d.Kind]
			wantDesc := []string{word, "ofiipack"}
			if d.Kind != plan.KindDeadline && strings.Contains(desc, "Date limite") {
				t.Errorf("a %s is called a « date limite »:\n%s", d.Kind, desc)
			}
			if d.PostBy != nil {
				wantDesc = append(wantDesc, "À poster au plus tard le "+french.LongDate(*d.PostBy))
			}
			if d.Source != "" {
				wantDesc = append(wantDesc, "Source : "+d.Source) // commas and semicolons round-trip
			}
			if d.NonWorkingDay {
				wantDesc = append(wantDesc, "pas ouvré")
			}
			if d.Done {
				wantDesc = append(wantDesc, "Étape faite")
			}
			for _, w := range wantDesc {
				if !strings.Contains(desc, w) {
					t.Errorf("DESCRIPTION lacks %q:\n%s", w, desc)
				}
			}
			alarms := ev.Alarms()
			if d.Done || d.Passed || !d.ToDo() {
				if len(alarms) != 0 {
					t.Errorf("%d reminders on a done, passed, expiry or milestone date, want none", len(alarms))
				}
				return
			}
			if len(alarms) != 2 {
				t.Fatalf("%d reminders, want 2", len(alarms))
			}
			for j, trigger := range []string{TriggerWeekBefore, TriggerDayBefore} {
				a := alarms[j]
				if got := prop(t, &a.ComponentBase, ics.ComponentPropertyTrigger).Value; got != trigger {
					t.Errorf("reminder %d TRIGGER = %s, want %s", j, got, trigger)
				}
				if got := prop(t, &a.ComponentBase, ics.ComponentPropertyAction).Value; got != "DISPLAY" {
					t.Errorf("reminder %d ACTION = %s, want DISPLAY", j, got)
				}
				if got := prop(t, &a.ComponentBase, ics.ComponentPropertyDescription).Value; !strings.Contains(got, d.Title) {
					t.Errorf("reminder %d DESCRIPTION = %q, want the title", j, got)
				}
			}
		})
	}
	if !strings.Contains(out, "X-WR-CALNAME:Titre de séjour pour soins — DIALLO Aminata\r\n") {
		t.Errorf("calendar name missing:\n%s", out)
	}
}

func TestCalendarWithoutDeadlines(t *testing.T) {
	var buf bytes.Buffer
	p := testPlan()
	p.Deadlines = nil
	if err := Calendar(&buf, diallo(), p); err != nil {
		t.Fatal(err)
	}
	if n := len(parse(t, buf.String()).Events()); n != 0 {
		t.Errorf("%d events, want 0", n)
	}
}

func TestCalendarUpdatesRatherThanDuplicates(t *testing.T) {
	// A later run (another day) keeps every UID and moves DTSTAMP forward,
	// which is what calendar programs need to replace the events.
	f := diallo()
	uids := func(today string) ([]string, string) {
		p := testPlan()
		p.Today = date(today)
		var buf bytes.Buffer
		if err := Calendar(&buf, f, p); err != nil {
			t.Fatal(err)
		}
		var ids []string
		var stamp string
		for _, ev := range parse(t, buf.String()).Events() {
			ids = append(ids, ev.Id())
			stamp = ev.GetProperty(ics.ComponentPropertyDtstamp).Value
		}
		return ids, stamp
	}
	first, stamp1 := uids("2026-11-22")
	second, stamp2 := uids("2026-12-01")
	if strings.Join(first, " ") != strings.Join(second, " ") {
		t.Errorf("UIDs changed with the run's date:\n%v\n%v", first, second)
	}
	if stamp2 <= stamp1 {
		t.Errorf("DTSTAMP %s of the later run is not after %s", stamp2, stamp1)
	}
}

func TestCaseload(t *testing.T) {
	a, b := diallo(), diallo()
	b.Applicant.FamilyName, b.Applicant.GivenNames = "RAHIMI", "Ahmad Zia"
	pa, pb := testPlan(), testPlan()
	pb.Deadlines = pb.Deadlines[:2]
	var buf bytes.Buffer
	if err := Caseload(&buf, date("2026-11-22"), slices.Values([]Entry{{a, pa}, {b, pb}})); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	assertLines(t, out)
	// Written entry by entry, the file is what one calendar holding every
	// event gives.
	whole, err := newCalendar(wording().caseloadName, fields{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []Entry{{a, pa}, {b, pb}} {
		for _, d := range e.Plan.Deadlines {
			summary, _ := execute(wording().caseloadSummary, fields{Name: Name(e.File), Title: title(d)})
			if err := addEvent(whole, date("2026-11-22"), e.File, d, summary, "@caseload.ofiipack"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if want := whole.Serialize(crlf); out != want {
		t.Errorf("streamed calendar differs from one calendar's serialization:\n%s\nwant\n%s", out, want)
	}
	evs := parse(t, out).Events()
	if want := len(pa.Deadlines) + len(pb.Deadlines); len(evs) != want {
		t.Fatalf("%d events, want %d", len(evs), want)
	}
	seen := map[string]bool{}
	for i, ev := range evs {
		wantName, d, f := "DIALLO Aminata", pa.Deadlines[0], a
		if i >= len(pa.Deadlines) {
			wantName, d, f = "RAHIMI Ahmad Zia", pb.Deadlines[i-len(pa.Deadlines)], b
		} else {
			d = pa.Deadlines[i]
		}
		if got := ev.GetProperty(ics.ComponentPropertySummary).Value; got != wantName+" — "+d.Title {
			t.Errorf("event %d SUMMARY = %q", i, got)
		}
		if got, want := ev.Id(), UID(f, d)+"@caseload.ofiipack"; got != want {
			t.Errorf("event %d UID = %q, want %q", i, got, want)
		}
		if seen[ev.Id()] {
			t.Errorf("UID %s repeated", ev.Id())
		}
		seen[ev.Id()] = true
		assertAllDay(t, ev, d.Date)
	}
	if !strings.Contains(out, "X-WR-CALNAME:Titre de séjour pour soins — échéances des dossiers\r\n") {
		t.Errorf("caseload calendar name missing")
	}
}

func TestCaseloadEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Caseload(&buf, date("2026-11-22"), slices.Values([]Entry(nil))); err != nil {
		t.Fatal(err)
	}
	assertLines(t, buf.String())
	if n := len(parse(t, buf.String()).Events()); n != 0 {
		t.Errorf("%d events, want 0", n)
	}
}

// A renewal's calendar (SPEC §2, "Renewal"): named for the renewal; the
// filing limit is a deadline with its two reminders, the window's opening
// a milestone and the permit's expiry an expiry, without any.
func TestRenewalCalendar(t *testing.T) {
	f := diallo()
	f.Applicant.Nationality, f.Applicant.MaritalStatus = "ML", applicant.Single
	f.Applicant.Address = applicant.Address{Street: "1 rue X", Postcode: "75011", City: "Paris"}
	f.Identity.Document = applicant.Passport
	f.Situation = applicant.Situation{ArrivedOn: date("2020-01-01"), PolygamyDeclaration: applicant.PolygamyAuto}
	f.Options.MailMarginDays = applicant.DefaultMailMarginDays
	f.CurrentPermit = &applicant.Permit{Kind: applicant.PermitCard, ExpiresOn: date("2027-03-31")}
	today := date("2026-11-22") // the window opens on 1 December, the limit is 30 January
	p, err := plan.Compute(f, today)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Calendar(&buf, f, p); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	assertLines(t, out)
	if !strings.Contains(strings.ReplaceAll(out, "\r\n ", ""), "X-WR-CALNAME:Renouvellement du titre de séjour pour soins — DIALLO Aminata\r\n") {
		t.Errorf("calendar name:\n%s", out)
	}
	alarms := map[string]int{}
	dates := map[string]string{}
	for _, ev := range parse(t, out).Events() {
		id := ev.Id()[:strings.IndexByte(ev.Id(), '-')]
		alarms[id] = len(ev.Alarms())
		dates[id] = prop(t, &ev.ComponentBase, ics.ComponentPropertyDtStart).Value
	}
	for _, want := range []struct {
		id, date string
		alarms   int
	}{
		{"renewal_window_opens", "20261201", 0},
		{"renewal_filing", "20270130", 2},
		{"permit_expiry", "20270331", 0},
	} {
		if dates[want.id] != want.date || alarms[want.id] != want.alarms {
			t.Errorf("%s: DTSTART %s with %d reminders, want %s with %d", want.id, dates[want.id], alarms[want.id], want.date, want.alarms)
		}
	}
}

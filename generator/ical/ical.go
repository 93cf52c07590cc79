// Package ical writes an applicant's deadlines as iCalendar (RFC 5545): the
// .ics file of `ofiipack calendar`, the caseload calendar of a batch, and the
// one-event payload of the scan-to-calendar QR codes of the deadline
// calendar (SPEC §3).
//
// Every event is an all-day event on the deadline's date. Its UID is derived
// from the applicant (names and birth date) and the deadline (ID and date),
// so importing a newer file updates the events instead of duplicating them;
// DTSTAMP comes from the data (the plan's date), never from the clock, so the
// same input gives the same bytes.
//
// Lines end with CRLF and are folded at 75 octets, as RFC 5545 §3.1 asks.
package ical

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"iter"
	"strings"
	"sync"
	"text/template"

	ics "github.com/arran4/golang-ical"
	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/templates"
)

// ProductID is the PRODID of every calendar ofiipack writes.
const ProductID = "-//ofiipack//FR"

// Reminder triggers, relative to the start of the all-day event (midnight):
// 9:00 seven days before and 9:00 the day before. A reminder at midnight
// would wake nobody up in time.
const (
	TriggerWeekBefore = "-P6DT15H"
	TriggerDayBefore  = "-PT15H"
)

// crlf is the line ending RFC 5545 §3.1 requires.
const crlf = ics.WithNewLine("\r\n")

// Entry is one applicant of a caseload calendar.
type Entry struct {
	File *applicant.File
	Plan *plan.Plan
}

// Calendar writes the deadlines of p as an iCalendar file: one all-day event
// per deadline, with its post-by date, source and two reminders (7 days and
// 1 day before) while it is neither done nor passed.
func Calendar(w io.Writer, f *applicant.File, p *plan.Plan) error {
	name := Name(f)
	cal, err := newCalendar(wording().calendarName, fields{Name: name, Renewal: f.CurrentPermit != nil})
	if err != nil {
		return err
	}
	for _, d := range p.Deadlines {
		if err := addEvent(cal, p.Today, f, d, d.Title, "@ofiipack"); err != nil {
			return err
		}
	}
	return serialize(w, cal)
}

// Caseload writes the deadlines of every applicant of a caseload in one
// iCalendar file, for the association's shared calendar: each summary starts
// with the applicant's name. The UIDs differ from those of the applicants'
// own calendars (another domain part), so that importing both into one
// account never collides.
//
// The events are written entry by entry, as they come, in the bytes one
// calendar holding them all would give: a caseload of any size is never
// held in memory as events.
func Caseload(w io.Writer, today civil.Date, entries iter.Seq[Entry]) error {
	cal, err := newCalendar(wording().caseloadName, fields{})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	const end = "END:VCALENDAR\r\n"
	io.WriteString(bw, strings.TrimSuffix(cal.Serialize(crlf), end))
	for e := range entries {
		one := &ics.Calendar{}
		name := Name(e.File)
		for _, d := range e.Plan.Deadlines {
			summary, err := execute(wording().caseloadSummary, fields{Name: name, Title: title(d)})
			if err != nil {
				return err
			}
			if err := addEvent(one, today, e.File, d, summary, "@caseload.ofiipack"); err != nil {
				return err
			}
		}
		for _, c := range one.Components {
			if err := c.SerializeTo(bw, &componentFormat); err != nil {
				return fmt.Errorf("cannot write the calendar: %w", err)
			}
		}
	}
	io.WriteString(bw, end)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot write the calendar: %w", err)
	}
	return nil
}

// componentFormat is how Calendar.SerializeTo(w, crlf) writes a calendar's
// components: the library's default line lengths, CRLF.
var componentFormat = ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: "\r\n"}

// EventPayload returns the content of the QR code of one deadline: a
// VCALENDAR holding one all-day VEVENT, in ASCII only (accents dropped) and
// as short as possible so that the code stays readable when printed. It is
// deterministic: DTSTAMP is the deadline's date, not the clock.
func EventPayload(f *applicant.File, d plan.Deadline) string {
	cal := ics.NewCalendarFor("ofiipack")
	cal.SetProductId(ProductID)
	ev := cal.AddEvent(UID(f, d) + "@ofiipack")
	ev.SetDtStampTime(d.Date.Time())
	ev.SetAllDayStartAt(d.Date.Time())
	ev.SetAllDayEndAt(d.Date.AddDays(1).Time())
	ev.SetSummary(ASCII(title(d)))
	if d.PostBy != nil {
		// The wording is fixed data, tested: it cannot fail to execute.
		s, _ := execute(wording().qrPostBy, fields{PostBy: french.Short(*d.PostBy)})
		ev.SetDescription(ASCII(s))
	}
	return cal.Serialize(crlf)
}

// UID returns the stable identifier of deadline d of applicant f, without
// domain part: the deadline's ID and date, and a hash of the applicant's
// names and birth date, so that no personal data shows in a calendar's
// internals. Names are compared in ASCII upper case, so that fixing an accent
// or the case of a name keeps the UID.
func UID(f *applicant.File, d plan.Deadline) string {
	a := f.Applicant
	key := strings.Join([]string{
		applicant.FormatV1,
		strings.Join(strings.Fields(strings.ToUpper(ASCII(a.FamilyName))), " "),
		strings.Join(strings.Fields(strings.ToUpper(ASCII(a.GivenNames))), " "),
		a.BirthDate.String(),
	}, "\x00")
	sum := sha256.Sum256([]byte(key))
	return fmt.Sprintf("%s-%04d%02d%02d-%s", d.ID, d.Date.Year, d.Date.Month, d.Date.Day,
		hex.EncodeToString(sum[:8]))
}

// Name returns the applicant as calendars name them: "DIALLO Aminata".
func Name(f *applicant.File) string {
	return strings.TrimSpace(f.Applicant.FamilyName + " " + f.Applicant.GivenNames)
}

// title is the summary of a deadline: its title, or its ID when the plan
// gave none.
func title(d plan.Deadline) string {
	if t := strings.TrimSpace(d.Title); t != "" {
		return t
	}
	return d.ID
}

func newCalendar(nameTmpl *template.Template, name fields) (*ics.Calendar, error) {
	cal := ics.NewCalendarFor("ofiipack")
	cal.SetProductId(ProductID)
	cal.SetCalscale("GREGORIAN")
	calName, err := execute(nameTmpl, name)
	if err != nil {
		return nil, err
	}
	cal.SetName(calName)
	cal.SetXWRCalName(calName)
	return cal, nil
}

// addEvent adds deadline d of applicant f to cal as an all-day event.
func addEvent(cal *ics.Calendar, today civil.Date, f *applicant.File, d plan.Deadline, summary, domain string) error {
	ev := cal.AddEvent(UID(f, d) + domain)
	ev.SetDtStampTime(today.Time())
	ev.SetAllDayStartAt(d.Date.Time())
	ev.SetAllDayEndAt(d.Date.AddDays(1).Time())
	ev.SetSummary(summary)
	desc, err := description(d)
	if err != nil {
		return err
	}
	ev.SetDescription(desc)
	ev.SetTimeTransparency(ics.TransparencyTransparent)
	// reminders only for what must be done by or on the date (SPEC §3): an
	// expiry or a milestone is shown, never alarmed
	if d.Done || d.Passed || !d.ToDo() {
		return nil
	}
	alarm, err := execute(wording().alarm, fields{Title: title(d), Date: french.Date(d.Date)})
	if err != nil {
		return err
	}
	for _, trigger := range []string{TriggerWeekBefore, TriggerDayBefore} {
		a := ev.AddAlarm()
		a.SetAction(ics.ActionDisplay)
		a.SetTrigger(trigger)
		a.SetProperty(ics.ComponentPropertyDescription, alarm)
	}
	return nil
}

// description is the text of the event: the date, the post-by date, a
// warning for a non-working day, whether it is done, and the rule's source.
func description(d plan.Deadline) (string, error) {
	v := fields{Title: title(d), Date: french.LongDate(d.Date), Source: d.Source, Kind: plan.KindLabel(d.Kind)}
	if d.PostBy != nil {
		v.PostBy = french.LongDate(*d.PostBy)
	}
	parts := []*template.Template{wording().due}
	if d.PostBy != nil {
		parts = append(parts, wording().postBy)
	}
	if d.NonWorkingDay && d.ToDo() {
		parts = append(parts, wording().nonWorkingDay)
	}
	if d.Done {
		parts = append(parts, wording().done)
	}
	if strings.TrimSpace(d.Source) != "" {
		parts = append(parts, wording().source)
	}
	parts = append(parts, wording().footer)
	lines := make([]string, 0, len(parts))
	for _, t := range parts {
		s, err := execute(t, v)
		if err != nil {
			return "", err
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n"), nil
}

func serialize(w io.Writer, cal *ics.Calendar) error {
	// The library writes line by line: buffer, so that a caseload of a
	// thousand applicants is not forty thousand system calls.
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := cal.SerializeTo(bw, crlf); err != nil {
		return fmt.Errorf("cannot write the calendar: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot write the calendar: %w", err)
	}
	return nil
}

// fields are the placeholders of the wording.
type fields struct {
	Name, Title, Date, PostBy, Source, Kind string
	Renewal                                 bool // the file renews the permit held (current_permit)
}

func execute(t *template.Template, v fields) (string, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, v); err != nil {
		return "", fmt.Errorf("calendar wording %s: %w", t.Name(), err)
	}
	// Control characters from the data would break the line structure of
	// the file; text/template does not escape them.
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, b.String()), nil
}

// wording returns templates/text/ical.yaml, parsed at its first use (the
// commands that write no calendar never parse it). It is embedded data
// covered by the tests: a defect in it is a programming error, and panics
// at that first use like a bad regular expression literal.
var wording = sync.OnceValue(mustLoadWording)

type wordingSet struct {
	calendarName, caseloadName, caseloadSummary *template.Template
	due, postBy, nonWorkingDay, done, source    *template.Template
	footer, alarm, qrPostBy                     *template.Template
}

func mustLoadWording() wordingSet {
	data, err := templates.FS.ReadFile("text/ical.yaml")
	if err != nil {
		panic(err)
	}
	var raw map[string]string
	if err := yaml.Unmarshal(data, &raw); err != nil {
		panic(fmt.Sprintf("templates/text/ical.yaml: %v", err))
	}
	get := func(key string) *template.Template {
		s, ok := raw[key]
		if !ok {
			panic("templates/text/ical.yaml: missing " + key)
		}
		return template.Must(template.New(key).Option("missingkey=error").Parse(s))
	}
	return wordingSet{
		calendarName:    get("calendar_name"),
		caseloadName:    get("caseload_name"),
		caseloadSummary: get("caseload_summary"),
		due:             get("due"),
		postBy:          get("post_by"),
		nonWorkingDay:   get("non_working_day"),
		done:            get("done"),
		source:          get("source"),
		footer:          get("footer"),
		alarm:           get("alarm"),
		qrPostBy:        get("qr_post_by"),
	}
}

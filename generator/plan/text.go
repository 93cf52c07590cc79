package plan

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
)

// textWidth is the column at which WriteText wraps its lines.
const textWidth = 78

// WriteText writes the plan for a person to read, in French (the output of
// `ofiipack plan --format text`): the route, the next step, the checklist,
// the deadlines, the warnings, the fees and the documents of the pack.
func WriteText(w io.Writer, p *Plan) error {
	if p == nil {
		return fmt.Errorf("plan: no plan to write")
	}
	t, err := load()
	if err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	tw := &textWriter{bw: bufio.NewWriter(w)}
	if err := t.writeText(tw, p); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	return tw.bw.Flush()
}

type textWriter struct {
	bw *bufio.Writer
}

// line writes s (French typography applied), wrapped at textWidth, the first
// line after first and the next ones after rest.
func (tw *textWriter) line(first, rest, s string) {
	words := strings.Split(french.Typo(s), " ")
	cur, n := first, utf8.RuneCountInString(first)
	start := true
	for _, wd := range words {
		if wd == "" {
			continue
		}
		wl := utf8.RuneCountInString(wd)
		if !start && n+1+wl > textWidth {
			tw.bw.WriteString(cur + "\n")
			cur, n, start = rest, utf8.RuneCountInString(rest), true
		}
		if !start {
			cur += " "
			n++
		}
		cur += wd
		n += wl
		start = false
	}
	tw.bw.WriteString(strings.TrimRight(cur, " ") + "\n")
}

func (tw *textWriter) blank() { tw.bw.WriteString("\n") }

func (tw *textWriter) heading(s string) {
	s = french.Typo(s)
	tw.bw.WriteString(s + "\n" + strings.Repeat("-", utf8.RuneCountInString(s)) + "\n")
}

// nextData is what text.next sees.
type nextData struct {
	Title  string
	Before string
	Date   civil.Date
	PostBy *civil.Date
	In     string
	Late   string // what to do now, for a late step
}

func (t *tables) in(days int) (string, error) {
	tx := t.w.Text
	switch days {
	case 0:
		return tx.Today, nil
	case 1:
		return tx.Tomorrow, nil
	}
	return tx.InDays.render(days)
}

// nextLine is the plan's next step in one line: a date to meet (and its
// posting date, or that the posting date has passed), a late step, or an
// action for today.
func (t *tables) nextLine(p *Plan) (string, error) {
	tx, s := t.w.Text, p.NextStep
	if s == nil {
		return "", fmt.Errorf("no next step")
	}
	nd := nextData{Title: s.Title, Late: s.Now}
	if s.Date != nil {
		nd.Date = *s.Date
	}
	next := p.Next()
	switch {
	case s.Late && s.Kind == KindDeadline:
		return tx.NextLate.render(nd)
	case next == nil:
		return tx.NextAction.render(nd)
	}
	in, err := t.in(next.DaysLeft)
	if err != nil {
		return "", err
	}
	nd.Before, nd.PostBy, nd.In = t.w.Deadlines[next.ID].Before, next.PostBy, in
	if s.PostByPassed {
		return tx.NextSoon.render(nd)
	}
	return tx.Next.render(nd)
}

// writeText writes the plan's sections in order: the top (heading, route,
// stage, next step), the checklist, the dates, the warnings, the fees and
// the documents.
func (t *tables) writeText(tw *textWriter, p *Plan) error {
	if err := t.writeTop(tw, p); err != nil {
		return err
	}
	t.writeChecklist(tw, p)
	if err := t.writeDeadlines(tw, p); err != nil {
		return err
	}
	t.writeWarnings(tw, p)
	if err := t.writeFees(tw, p); err != nil {
		return err
	}
	t.writeDocuments(tw, p)
	return nil
}

// writeTop writes the heading, the route, where the file stands and the
// next step.
func (t *tables) writeTop(tw *textWriter, p *Plan) error {
	tx := t.w.Text
	s, err := tx.Heading.render(p)
	if err != nil {
		return err
	}
	tw.heading(s)
	route := struct {
		Title   string
		Renewal bool
	}{t.w.Permits[p.Basis].Title, p.Application == ApplicationRenewal}
	if s, err = tx.Route.render(route); err != nil {
		return err
	}
	tw.line("", "", s)

	if s, err = tx.Stage.render(t.stageText(p)); err != nil {
		return err
	}
	tw.line("", "", s)
	tw.blank()

	if s, err = t.nextLine(p); err != nil {
		return err
	}
	tw.bw.WriteString(french.Typo(s) + "\n") // one line, never wrapped: it is the line people look for
	tw.blank()
	return nil
}

// writeChecklist writes the checklist, each item ticked or not, with its
// details.
func (t *tables) writeChecklist(tw *textWriter, p *Plan) {
	tw.heading(t.w.Text.Checklist)
	for _, it := range p.Checklist {
		mark := "[ ] "
		if it.Done {
			mark = "[x] "
		}
		tw.line(mark, "    ", it.Title)
		for _, d := range it.Details {
			tw.line("    ", "    ", d)
		}
	}
	tw.blank()
}

// writeDeadlines writes the dates, or that there are none.
func (t *tables) writeDeadlines(tw *textWriter, p *Plan) error {
	tx := t.w.Text
	tw.heading(tx.Deadlines)
	if len(p.Deadlines) == 0 {
		tw.line("", "", tx.NoDeadlines)
	}
	for _, d := range p.Deadlines {
		if err := t.writeDeadline(tw, d, p.Today); err != nil {
			return err
		}
	}
	tw.blank()
	return nil
}

// writeDeadline writes one date: its day and title, where it stands on
// today, its detail, its source and, for a date still to meet on a
// non-working day, what that changes.
func (t *tables) writeDeadline(tw *textWriter, d Deadline, today civil.Date) error {
	tx := t.w.Text
	tw.line("", "    ", french.Date(d.Date)+" ("+french.Weekday(d.Date.Weekday())+") — "+capitalize(tx.Kinds[d.Kind])+" : "+d.Title)
	state, err := t.deadlineState(d, today)
	if err != nil {
		return err
	}
	tw.line("    ", "    ", state)
	if d.Detail != "" {
		tw.line("    ", "    ", d.Detail)
	}
	if d.Source != "" {
		s, err := tx.Source.render(d.Source)
		if err != nil {
			return err
		}
		tw.line("    ", "    ", s)
	}
	if d.NonWorkingDay && d.ToDo() && !d.Done && !d.Passed {
		s, err := t.nonWorkingNote(d)
		if err != nil {
			return err
		}
		tw.line("    ", "    ", s)
	}
	return nil
}

// deadlineState says where a date stands on today: done, passed since how
// many days, or in how many days, and by when to post.
func (t *tables) deadlineState(d Deadline, today civil.Date) (string, error) {
	tx := t.w.Text
	switch {
	case d.Done:
		return tx.Done, nil
	case d.Passed:
		return tx.Passed.render(-d.DaysLeft)
	}
	in, err := t.in(d.DaysLeft)
	if err != nil || d.PostBy == nil {
		return in, err
	}
	tmpl, data := tx.PostBy, any(*d.PostBy)
	if today.After(*d.PostBy) { // SPEC §2: never « à poster avant » a day gone
		tmpl, data = tx.PostByPassed, nil
	}
	s, err := tmpl.render(data)
	if err != nil {
		return "", err
	}
	return in + " ; " + s, nil
}

// nonWorkingNote says why a date falls on a non-working day: the usage of
// a holiday, a holiday, or the weekend.
func (t *tables) nonWorkingNote(d Deadline) (string, error) {
	tx := t.w.Text
	switch {
	case d.HolidayUsage:
		return tx.NonWorkingUsage.render(d.Holiday)
	case d.Holiday != "":
		return tx.NonWorkingHoliday.render(d.Holiday)
	}
	return tx.NonWorkingWeekend.render(french.Weekday(d.Date.Weekday()))
}

// writeWarnings writes the warnings, if there are any.
func (t *tables) writeWarnings(tw *textWriter, p *Plan) {
	if len(p.Warnings) == 0 {
		return
	}
	tw.heading(t.w.Text.Warnings)
	for _, w := range p.Warnings {
		tw.line("  - ", "    ", w.Message)
	}
	tw.blank()
}

// writeFees writes the fees, each with its amount, note and source, or
// that there are none.
func (t *tables) writeFees(tw *textWriter, p *Plan) error {
	tx := t.w.Text
	tw.heading(tx.Fees)
	if len(p.Fees) == 0 {
		tw.line("", "", tx.NoFees)
	}
	for _, f := range p.Fees {
		tw.line("  ", "    ", f.Title+" : "+french.Euros(f.AmountEUR))
		if f.Note != "" {
			tw.line("    ", "    ", f.Note)
		}
		if f.Source != "" {
			s, err := tx.Source.render(f.Source)
			if err != nil {
				return err
			}
			tw.line("    ", "    ", s)
		}
	}
	tw.blank()
	return nil
}

// writeDocuments writes the numbered documents of the pack and the
// disclaimer that ends the plan.
func (t *tables) writeDocuments(tw *textWriter, p *Plan) {
	tx := t.w.Text
	tw.heading(tx.Documents)
	for i, d := range p.Documents {
		name := tx.DocumentNames[d]
		if name == "" {
			name = d
		}
		tw.line(fmt.Sprintf("  %d. ", i+1), "     ", name)
	}
	tw.blank()
	tw.line("", "", tx.Disclaimer)
}

// PermitOf returns how the documents name the permit of a legal basis
// (BasisL4259, BasisL42510, BasisFrancoAlgerian), from the embedded wording.
// It reads the permits section of templates/text/plan.yaml alone, once.
func PermitOf(basis string) (Permit, error) {
	permits, err := loadPermits()
	if err != nil {
		return Permit{}, fmt.Errorf("plan: %w", err)
	}
	p, ok := permits[basis]
	if !ok {
		return Permit{}, fmt.Errorf("plan: unknown basis %q", basis)
	}
	return p, nil
}

// StageText returns how every document names where the file stands
// (« demande déposée, certificat médical attendu »; a renewal's own words
// where it has them), from templates/text/plan.yaml.
func (p *Plan) StageText() string {
	t, err := load()
	if err != nil {
		return p.Stage
	}
	return t.stageText(p)
}

func (t *tables) stageText(p *Plan) string {
	st := t.w.Text.Stages
	if s := st[p.Application+"_"+p.Stage]; s != "" {
		return s
	}
	if s := st[p.Stage]; s != "" {
		return s
	}
	return p.Stage
}

// KindLabel returns how every document names a kind of date, capitalised
// (« Date limite », « Rendez-vous », « Fin de validité », « Événement »):
// one wording, in templates/text/plan.yaml, for the plan, the PDFs and the
// calendar files. An unknown kind is returned as it is.
func KindLabel(kind string) string {
	t, err := load()
	if err != nil || t.w.Text.Kinds[kind] == "" {
		return kind
	}
	return capitalize(t.w.Text.Kinds[kind])
}

package batch

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/sheet"
)

// Values of the status column, and of summary.json's status (the stable
// ones).
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// summaryColumn is one column of summary.csv: its stable ID (the English
// title, the key of summary.json) and how a Result fills it in a language.
type summaryColumn struct {
	id   string
	cell func(r *Result, l msg.Lang) string
}

// summaryColumns are the columns of summary.csv (SPEC §4), in order. A
// column is a row of this table; its French title is the catalog's
// batch.summary.ID.
var summaryColumns = []summaryColumn{
	{"source", func(r *Result, _ msg.Lang) string { return r.Source }},
	{"entry", func(r *Result, l msg.Lang) string {
		if r.Row == 0 {
			return ""
		}
		return msg.New("batch.summary.row", r.Row).In(l)
	}},
	{"status", func(r *Result, l msg.Lang) string {
		if r.OK() {
			return msg.New("batch.summary.ok").In(l)
		}
		return msg.New("batch.summary.failed").In(l)
	}},
	{"name", func(r *Result, _ msg.Lang) string { return r.Name }},
	{"pdf", func(r *Result, _ msg.Lang) string { return r.PDF }},
	// where the file stands (SPEC §2): its words in French, its ID otherwise
	{"stage", func(r *Result, l msg.Lang) string {
		if l == msg.French {
			return r.StageText
		}
		return r.Stage
	}},
	{"next_step", func(r *Result, _ msg.Lang) string { return nextOf(r, func(n *plan.NextStep) string { return n.ID }) }},
	{"next_step_kind", func(r *Result, l msg.Lang) string {
		return nextOf(r, func(n *plan.NextStep) string {
			if l == msg.French {
				return strings.ToLower(plan.KindLabel(n.Kind))
			}
			return n.Kind
		})
	}},
	{"next_step_date", func(r *Result, l msg.Lang) string {
		return nextOf(r, func(n *plan.NextStep) string { return dateIn(n.Date, l) })
	}},
	{"post_by", func(r *Result, l msg.Lang) string {
		return nextOf(r, func(*plan.NextStep) string { return dateIn(r.PostBy, l) })
	}},
	{"next_step_text", func(r *Result, _ msg.Lang) string { return r.NextText }},
	{"warnings", func(r *Result, _ msg.Lang) string { return strings.Join(r.Warnings, fields.ListSeparator) }},
	{"warnings_text", func(r *Result, _ msg.Lang) string { return strings.Join(r.WarningsText, " | ") }},
	{"duplicate_of", func(r *Result, l msg.Lang) string {
		if r.DuplicateOf == nil {
			return ""
		}
		return r.DuplicateOf.Text().In(l)
	}},
	{"error", func(r *Result, l msg.Lang) string {
		texts := make([]string, len(r.Problems))
		for i, p := range r.Problems {
			texts[i] = withHint(p).In(l)
		}
		return strings.Join(texts, " | ")
	}},
}

// summaryTitle is the French title of a column (in English, its ID).
func summaryTitle(id string) msg.Text {
	key := "batch.summary." + id
	return msg.New(key)
}

// SummaryColumns returns the stable IDs of the columns of summary.csv: its
// titles in English.
func SummaryColumns() []string {
	ids := make([]string, len(summaryColumns))
	for i, c := range summaryColumns {
		ids[i] = c.id
	}
	return ids
}

// nextOf is what f makes of the entry's next step, "" when it has none.
func nextOf(r *Result, f func(*plan.NextStep) string) string {
	if r.Next == nil {
		return ""
	}
	return f(r.Next)
}

// dateIn writes a date as a spreadsheet of language l shows it: JJ/MM/AAAA
// in French, YYYY-MM-DD otherwise; "" for none.
func dateIn(d *civil.Date, l msg.Lang) string {
	switch {
	case d == nil || d.IsZero():
		return ""
	case l == msg.French:
		return d.DayFirst()
	}
	return d.String()
}

// withHint is the problem followed by its hint, for one cell.
func withHint(p applicant.Problem) msg.Text {
	if p.Hint.IsZero() {
		return p.Text()
	}
	return msg.New("batch.summary.with_hint", p.Text(), p.Hint)
}

// summary.csv has one row per entry, in input order, in the language of the
// run (SPEC §4): under a French locale, French titles, statuses (« écrit »,
// « en erreur »), entries (« ligne 11 ») and dates (JJ/MM/AAAA); lists of IDs
// (warnings) separated by ";" as in the input spreadsheets, texts and
// problems by " | ". next_step_text and warnings_text are the plan's French
// wording in every language. summary.json holds the same rows for scripts.
//
// summaryWriter writes both row by row, as the entries are done, so that a
// batch holds no row of them.
type summaryWriter struct {
	cw    *csv.Writer
	lang  msg.Lang
	rec   []string
	json  io.Writer
	count int // entries written to summary.json
	ok    int // of which written
}

func newSummaryWriter(w, jw io.Writer, c sheet.CSV, lang msg.Lang, today civil.Date) (*summaryWriter, error) {
	cw, err := c.Writer(w)
	if err != nil {
		return nil, err
	}
	titles := make([]string, len(summaryColumns))
	for i, col := range summaryColumns {
		titles[i] = col.id
		if lang == msg.French {
			titles[i] = summaryTitle(col.id).In(lang)
		}
	}
	if err := cw.Write(titles); err != nil {
		return nil, err
	}
	sw := &summaryWriter{cw: cw, lang: lang, rec: make([]string, len(summaryColumns)), json: jw}
	_, err = fmt.Fprintf(jw, "{\n  \"format\": %q,\n  \"today\": %q,\n  \"entries\": [", SummaryFormat, today)
	return sw, err
}

func (sw *summaryWriter) add(r Result) error {
	for i, c := range summaryColumns {
		sw.rec[i] = Neutralise(c.cell(&r, sw.lang))
	}
	if err := sw.cw.Write(sw.rec); err != nil {
		return err
	}
	data, err := json.Marshal(summaryEntryOf(&r, sw.lang))
	if err != nil {
		return err
	}
	sep := ",\n    "
	if sw.count == 0 {
		sep = "\n    "
	}
	sw.count++
	if r.OK() {
		sw.ok++
	}
	if _, err := io.WriteString(sw.json, sep); err != nil {
		return err
	}
	_, err = sw.json.Write(data)
	return err
}

// close ends both files, with the counts of summary.json.
func (sw *summaryWriter) close() error {
	sw.cw.Flush()
	if err := sw.cw.Error(); err != nil {
		return err
	}
	end := "\n  ]"
	if sw.count == 0 {
		end = "]"
	}
	_, err := fmt.Fprintf(sw.json, "%s,\n  \"written\": %d,\n  \"failed\": %d\n}\n", end, sw.ok, sw.count-sw.ok)
	return err
}

// SummaryFormat is the format of summary.json.
const SummaryFormat = "ofiipack/summary/v1"

// summaryEntry is one entry of summary.json: the row of summary.csv with
// the stable IDs and ISO dates, for scripts.
type summaryEntry struct {
	Source      string           `json:"source"`
	Row         *int             `json:"row"` // null for an applicant file
	Status      string           `json:"status"`
	Name        string           `json:"name"`
	PDF         string           `json:"pdf"`
	Stage       string           `json:"stage"` // "" when the entry failed
	NextStep    *summaryNext     `json:"next_step"`
	Warnings    []summaryText    `json:"warnings"`
	DuplicateOf *summaryPlace    `json:"duplicate_of"`
	Problems    []summaryProblem `json:"problems"`
}

type summaryNext struct {
	ID     string      `json:"id"`
	Kind   string      `json:"kind"`
	Date   *civil.Date `json:"date"`
	PostBy *civil.Date `json:"post_by"`
	Late   bool        `json:"late"`
	Text   string      `json:"text"` // French
}

type summaryText struct {
	ID   string `json:"id"`
	Text string `json:"text"` // French
}

type summaryPlace struct {
	Source string `json:"source"`
	Row    *int   `json:"row"`
}

// summaryProblem is a problem: its message and hint in the run's language,
// and for a spreadsheet row its field, the column as the sheet titles it
// and the cell.
type summaryProblem struct {
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	Field   string `json:"field,omitempty"`
	Column  string `json:"column,omitempty"`
	Cell    string `json:"cell,omitempty"`
}

func rowPtr(row int) *int {
	if row == 0 {
		return nil
	}
	return &row
}

func summaryEntryOf(r *Result, l msg.Lang) summaryEntry {
	e := summaryEntry{Source: r.Source, Row: rowPtr(r.Row), Status: StatusOK, Name: r.Name, PDF: r.PDF, Stage: r.Stage,
		Warnings: []summaryText{}, Problems: []summaryProblem{}}
	if n := r.Next; n != nil {
		e.NextStep = &summaryNext{ID: n.ID, Kind: n.Kind, Date: n.Date, PostBy: r.PostBy, Late: n.Late, Text: r.NextText}
	}
	for i, id := range r.Warnings {
		w := summaryText{ID: id}
		if i < len(r.WarningsText) {
			w.Text = r.WarningsText[i]
		}
		e.Warnings = append(e.Warnings, w)
	}
	if d := r.DuplicateOf; d != nil {
		e.DuplicateOf = &summaryPlace{Source: d.Source, Row: rowPtr(d.Row)}
	}
	if !r.OK() {
		e.Status = StatusFailed
	}
	for _, p := range r.Problems {
		sp := summaryProblem{Message: p.In(l), Hint: p.Hint.In(l)}
		if p.Sheet {
			sp.Field, sp.Column, sp.Cell = p.Field, p.Title, p.Cell
		}
		e.Problems = append(e.Problems, sp)
	}
	return e
}

// Neutralise keeps a spreadsheet from reading a cell as a formula (OWASP,
// "CSV Injection"): a cell that starts with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe, which Excel and LibreOffice
// show as text and do not print. A name or a file's data can then never
// run a formula on the volunteer's machine. Control characters (a file
// name's ESC or NUL) are escaped (msg.Printable).
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	s = msg.Printable(s)
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/pipeline"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/render"
	"github.com/ofiipack/ofiipack/templates"
)

// assets are the files of templates/web that the page loads.
var assets = map[string]string{
	"/":        "web/index.html",
	"/app.css": "web/app.css",
	"/app.js":  "web/app.js",
}

func (s *Server) routes() {
	for route, name := range assets {
		pattern := "GET " + route
		if route == "/" {
			pattern = "GET /{$}"
		}
		s.mux.HandleFunc(pattern, asset(name))
	}
	s.mux.HandleFunc("POST /check", s.bounded(s.check))
	s.mux.HandleFunc("POST /open", s.bounded(s.open))
	s.mux.HandleFunc("POST /draft", s.bounded(s.draft))
	s.mux.HandleFunc("POST /pack", s.bounded(s.document("-pack.pdf", "application/pdf", func(b *bytes.Buffer, s *Server, a *applicantOf) error {
		return render.Pack(b, a.File, a.Plan, a.Org)
	})))
	s.mux.HandleFunc("POST /letter", s.bounded(s.document("-letter.pdf", "application/pdf", func(b *bytes.Buffer, _ *Server, a *applicantOf) error {
		return render.Letter(b, a.File, a.Plan)
	})))
	s.mux.HandleFunc("POST /calendar", s.bounded(s.document(".ics", "text/calendar; charset=utf-8", func(b *bytes.Buffer, _ *Server, a *applicantOf) error {
		return ical.Calendar(b, a.File, a.Plan)
	})))
	s.mux.HandleFunc("POST /yaml", s.bounded(s.document(".yaml", "application/yaml; charset=utf-8", func(b *bytes.Buffer, _ *Server, a *applicantOf) error {
		out, err := fields.Encode(fields.Canonical(a.fieldValues()))
		b.Write(out)
		return err
	})))
}

func asset(name string) http.HandlerFunc {
	ctype := mime.TypeByExtension(path.Ext(name))
	if strings.HasSuffix(name, ".html") {
		ctype = "text/html; charset=utf-8"
	}
	return func(w http.ResponseWriter, r *http.Request) {
		data, err := fs.ReadFile(templates.Web, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(name, ".html") {
			data = bytes.Replace(data, []byte(countriesList), countryOptions(), 1)
		}
		w.Header().Set("Content-Type", ctype)
		w.Write(data)
	}
}

// countriesList is the page's empty list of countries, which the server
// fills from the loader's table: the form offers every country by its
// French name (SPEC §5), from the one table the loader reads.
const countriesList = `<datalist id="countries"></datalist>`

var (
	countryOptionsOnce sync.Once
	countryOptionsHTML []byte
)

// countryOptions is the list of countries, by French name, each with its
// code as label.
func countryOptions() []byte {
	countryOptionsOnce.Do(func() {
		var b bytes.Buffer
		b.WriteString(`<datalist id="countries">`)
		for _, c := range applicant.Countries() {
			fmt.Fprintf(&b, "\n<option value=\"%s\" label=\"%s\"></option>", html.EscapeString(c.Name), c.Code)
		}
		b.WriteString("\n</datalist>")
		countryOptionsHTML = b.Bytes()
	})
	return countryOptionsHTML
}

// checkResponse is the answer of /check, and of any POST on invalid
// input (SPEC §5): the problems, and the plan when there are none.
type checkResponse struct {
	Problems []formProblem `json:"problems"`
	// Warnings are what the file holds that the user may not mean (a
	// comment after a value): the documents are made all the same.
	Warnings []formProblem `json:"warnings"`
	Plan     *plan.Plan    `json:"plan"`
	// NextStepText is the next step's title, and what to do now when it is
	// late: the line an association's board prints.
	NextStepText string `json:"next_step_text,omitempty"`
	// StageText is where the file stands, in French, as the checklist says it.
	StageText string `json:"stage_text,omitempty"`
	// KindLabels are the French names of the deadline kinds.
	KindLabels map[string]string `json:"kind_labels"`
}

func kindLabels() map[string]string {
	m := map[string]string{}
	for _, k := range []string{plan.KindDeadline, plan.KindAppointment, plan.KindExpiry, plan.KindMilestone} {
		m[k] = plan.KindLabel(k)
	}
	return m
}

// writeProblems answers with problems and no plan.
func writeProblems(w http.ResponseWriter, status int, probs applicant.Problems) {
	writeCheck(w, status, probs, nil)
}

// writeCheck answers with the problems of a post, or the plan that an
// applicant without problems has and the warnings that come with it.
func writeCheck(w http.ResponseWriter, status int, probs applicant.Problems, a *applicantOf) {
	resp := checkResponse{Problems: forForm(probs), Warnings: []formProblem{}, KindLabels: kindLabels()}
	if a != nil {
		resp.Plan, resp.Warnings = a.Plan, forForm(a.Warnings)
		resp.NextStepText, resp.StageText = a.Plan.NextText(), a.Plan.StageText()
	}
	writeJSON(w, status, resp)
}

// writeJSON answers with v in JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status, b = http.StatusInternalServerError, *bytes.NewBufferString(`{"problems":[],"warnings":[],"plan":null}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// check answers POST /check: the problems of the post, and its plan.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	p, probs, status := readPost(w, r)
	if status == http.StatusUnprocessableEntity {
		status = http.StatusOK // the answer to a check is its problems
	}
	if probs != nil {
		writeProblems(w, status, probs)
		return
	}
	a, probs := s.load(p)
	writeCheck(w, http.StatusOK, probs, a)
}

// openResponse is the answer of /open: the values of an applicant file as
// the form's inputs hold them, and the file's problems.
type openResponse struct {
	Fields   map[string][]string `json:"fields"`
	Problems []formProblem       `json:"problems"`
	// Warnings are what the file holds that the user may not mean (a
	// comment after a value, which the form does not keep).
	Warnings []formProblem `json:"warnings"`
}

// open answers POST /open: an applicant file read into the form. Its
// problems come with it, so that the form shows what to correct; fields
// the form does not have are among them (an unknown key).
func (s *Server) open(w http.ResponseWriter, r *http.Request) {
	p, probs, status := readPost(w, r)
	if probs != nil {
		writeProblems(w, status, probs)
		return
	}
	if !p.hasFile {
		writeProblems(w, http.StatusUnprocessableEntity, problem("", "web.no_file"))
		return
	}
	resp := openResponse{Fields: map[string][]string{}, Problems: []formProblem{}, Warnings: []formProblem{}}
	for _, v := range fileValues(p.file) {
		value := v.Value
		path := v.Name.Field.Path
		if v.Name.Key != "" {
			path += "." + v.Name.Key
		}
		// the form's choices hold the file's values, its country the name
		if s, ok := applicant.StableValue(path, value); ok {
			value = s
			if path == "applicant.nationality" {
				value = applicant.CountryName(s)
			}
		}
		if v.Name.Kind() == fields.Date {
			if d, err := civil.Parse(value); err == nil {
				value = d.DayFirst() // as the form's dates are typed
			} else if d, err := civil.ParseMonth(value); err == nil {
				value = d.DayFirst()[3:] // a month alone: MM/AAAA
			}
		}
		resp.Fields[v.Name.String()] = append(resp.Fields[v.Name.String()], value)
	}
	if a, probs := s.load(&post{file: p.file, hasFile: true, date: p.date}); probs != nil {
		resp.Problems = forForm(probs)
	} else {
		resp.Warnings = forForm(a.Warnings)
	}
	writeJSON(w, http.StatusOK, resp)
}

// document answers a POST that makes a file: the same bytes as the
// command line makes from the same applicant file and date, or 422 with
// the problems.
func (s *Server) document(suffix, ctype string, build func(*bytes.Buffer, *Server, *applicantOf) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, probs, status := readPost(w, r)
		if probs != nil {
			writeProblems(w, status, probs)
			return
		}
		a, probs := s.load(p)
		if probs != nil {
			writeProblems(w, http.StatusUnprocessableEntity, probs)
			return
		}
		select {
		case s.renders <- struct{}{}:
			defer func() { <-s.renders }()
		case <-r.Context().Done():
			return // the browser hung up while waiting
		}
		var b bytes.Buffer
		if err := build(&b, s, a); err != nil {
			writeProblems(w, http.StatusUnprocessableEntity, problem("", "web.render_failed"))
			return
		}
		name := pipeline.PackName(a.File) + suffix
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
		w.Write(b.Bytes())
	}
}

// draft answers POST /draft: the form's values as an applicant file,
// whatever their problems, for a volunteer who must stop before the form
// is complete. The file says at its top that it is a draft; opened again
// in the form, or given to ofiipack validate, it shows what is missing.
// /yaml stays the file that validate accepts.
func (s *Server) draft(w http.ResponseWriter, r *http.Request) {
	p, probs, status := readPost(w, r)
	if probs != nil {
		writeProblems(w, status, probs)
		return
	}
	values := p.values
	if p.hasFile {
		// A file that cannot be read is said so, not dropped from the
		// draft without a word.
		if _, err := applicant.Parse(fileName, p.file); err != nil {
			writeProblems(w, http.StatusUnprocessableEntity, problemsOf(err))
			return
		}
		values = merge(fileValues(p.file), p.values)
	}
	root := fields.Canonical(values)
	root.HeadComment = say("web.draft_comment")
	out, err := fields.Encode(root)
	if err != nil {
		writeProblems(w, http.StatusUnprocessableEntity, problem("", "web.render_failed"))
		return
	}
	var person applicant.File
	for _, v := range values {
		switch v.Name.Field.Path {
		case "applicant.family_name":
			person.Applicant.FamilyName = v.Value
		case "applicant.given_names":
			person.Applicant.GivenNames = v.Value
		}
	}
	name := "brouillon.yaml"
	if person.Applicant.FamilyName+person.Applicant.GivenNames != "" {
		name = pipeline.PackName(&person) + "-brouillon.yaml"
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Write(out)
}

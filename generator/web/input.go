package web

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/pipeline"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// Limits on what one request may send, beside those of the loader
// (applicant/limits.go), which apply to what the form sends as they apply
// to a file. The form of one applicant has about 60 fields and sends a few
// kilobytes. A request past a limit is refused before it is read whole,
// with a message that says which limit it passed.
const (
	// maxBody is the size of a request's body: a form post, or an
	// applicant file sent to be opened, which the loader would refuse past
	// the same size.
	maxBody = applicant.MaxFileSize
	// maxValues is the number of values a post may hold (inputs, list
	// items, the file): every field of the file with every list full is
	// under 500.
	maxValues = 1000
	// maxItems is the number of items of one list, the loader's.
	maxItems = applicant.MaxListItems
	// maxValueBytes is the size of one value other than the file, in
	// bytes: the loader's longest text (200 characters) in any script.
	maxValueBytes = 4 << 10
)

// fileName names the applicant file a form post makes, in the loader's
// messages; the web form shows only the field and the message.
const fileName = "formulaire"

// formProblem is a problem as the form shows it: the input it is about
// (its name, a dotted path; a section's path for a missing field; "" for
// the whole post), and the message in French. Every problem is an
// applicant.Problem until it is written.
type formProblem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

// forForm words problems for the form: the field path with list indexes
// as the form names them ("procedure.ofii_requests.0.on" for
// procedure.ofii_requests[0].on), the message in French; never null in
// the JSON.
func forForm(ps applicant.Problems) []formProblem {
	out := []formProblem{}
	seen := map[formProblem]bool{}
	for _, p := range ps {
		q := formProblem{Path: formPath(p.Field), Message: p.Message.In(msg.French)}
		if !p.Hint.IsZero() {
			q.Hint = p.Hint.In(msg.French)
		}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// problem is a problem of the post itself, about field ("" for the whole
// post).
func problem(field, key string, args ...any) applicant.Problems {
	return applicant.Problems{{Field: field, Message: msg.New(key, args...)}}
}

// post is what a request sent.
type post struct {
	values  []fields.Value // the form's fields, in the file's order
	file    []byte         // an applicant file, when one was sent
	hasFile bool
	date    string // the run's date, when given
}

// errTooLarge is a body past maxBody.
var errTooLarge = errors.New("request too large")

// readPost reads a form post, urlencoded or multipart, within the limits.
// The status is 413 for a body past maxBody, else 422.
func readPost(w http.ResponseWriter, r *http.Request) (*post, applicant.Problems, int) {
	if r.ContentLength > maxBody {
		// Refused before a byte of the body is read.
		return nil, problem("", "web.too_large", maxBody>>20), http.StatusRequestEntityTooLarge
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	ctype, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		ctype = ""
	}
	var pairs []pair
	switch ctype {
	case "multipart/form-data":
		pairs, err = readMultipart(multipart.NewReader(r.Body, params["boundary"]))
	case "application/x-www-form-urlencoded":
		pairs, err = readURLEncoded(r.Body)
	default:
		return nil, problem("", "web.bad_content_type"), http.StatusUnsupportedMediaType
	}
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe) || errors.Is(err, errTooLarge):
		return nil, problem("", "web.too_large", maxBody>>20), http.StatusRequestEntityTooLarge
	case errors.Is(err, errTooMany):
		return nil, problem("", "web.too_many_values", maxValues), http.StatusRequestEntityTooLarge
	case err != nil:
		return nil, problem("", "web.bad_post"), http.StatusBadRequest
	}
	return parsePairs(pairs)
}

type pair struct {
	name  string
	value []byte
}

var errTooMany = errors.New("too many values")

func readMultipart(mr *multipart.Reader) ([]pair, error) {
	var pairs []pair
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return pairs, nil
		}
		if err != nil {
			return nil, err
		}
		if len(pairs) == maxValues {
			return nil, errTooMany
		}
		name := part.FormName()
		limit := int64(maxValueBytes)
		if name == "file" {
			limit = maxBody
		}
		// A value is kept in memory, never in a temporary file.
		v, err := io.ReadAll(io.LimitReader(part, limit+1))
		part.Close()
		if err != nil {
			return nil, err
		}
		if int64(len(v)) > limit {
			if name == "file" {
				return nil, errTooLarge
			}
			v = v[:limit+1] // reported by parsePairs
		}
		if name != "" {
			pairs = append(pairs, pair{name, v})
		}
	}
}

func readURLEncoded(r io.Reader) ([]pair, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if n := bytes.Count(body, []byte("&")) + 1; n > maxValues {
		return nil, errTooMany
	}
	q, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, err
	}
	var pairs []pair
	for name, vs := range q {
		for _, v := range vs {
			pairs = append(pairs, pair{name, []byte(v)})
		}
	}
	// url.Values has no order: repeated names keep theirs, names the file's.
	slices.SortStableFunc(pairs, func(a, b pair) int { return strings.Compare(a.name, b.name) })
	return pairs, nil
}

// parsePairs checks each name and value: a known field, within the limits,
// in UTF-8. Every problem is reported, not only the first.
func parsePairs(pairs []pair) (*post, applicant.Problems, int) {
	p := &post{}
	var probs applicant.Problems
	items := map[string]int{}
	for _, kv := range pairs {
		switch kv.name {
		case "file":
			p.file, p.hasFile = kv.value, true
			continue
		case "date":
			p.date = strings.TrimSpace(string(kv.value))
			continue
		}
		name, ok := fields.ParseName(kv.name, maxItems)
		if !ok {
			probs = append(probs, unknownName(kv.name))
			continue
		}
		switch {
		case len(kv.value) > maxValueBytes:
			probs = append(probs, applicant.Problem{Field: name.String(), Message: msg.New("web.value_too_long", maxValueBytes>>10)})
			continue
		case !utf8.Valid(kv.value):
			probs = append(probs, applicant.Problem{Field: name.String(), Message: msg.New("web.not_utf8")})
			continue
		}
		v := strings.TrimSpace(string(kv.value))
		if v == "" {
			continue // an empty input: the field is not given
		}
		if kind := name.Field.Kind; kind == fields.List || kind == fields.Requests {
			limit := maxItems
			if kind == fields.Requests {
				limit *= len(fields.RequestKeys) // a value per key of each request
			}
			if items[name.Field.Path]++; items[name.Field.Path] > limit {
				probs = append(probs, applicant.Problem{Field: name.Field.Path, Message: msg.New("web.too_many_items", maxItems)})
				continue
			}
		}
		p.values = append(p.values, fields.Value{Name: name, Value: v})
	}
	if len(probs) > 0 {
		return nil, probs, http.StatusUnprocessableEntity
	}
	slices.SortStableFunc(p.values, func(a, b fields.Value) int { return fields.Order(a.Name, b.Name) })
	return p, nil, 0
}

// unknownName is the problem of an input the form does not have; the name
// is cut and escaped (msg.Echo), as batch quotes an unknown column.
func unknownName(name string) applicant.Problem {
	return applicant.Problem{Message: msg.New("web.unknown_field", msg.Echo(name))}
}

// applicantOf is the applicant a post describes, as the pipeline made it,
// and the values it was made of: a file alone loads as `ofiipack` loads it;
// form fields, alone or over a file, are read as a spreadsheet row is.
type applicantOf struct {
	pipeline.Result
	values []fields.Value // nil for a file sent alone: see source
	source []byte         // the file sent alone
}

// fieldValues are the values the applicant was made of.
func (a *applicantOf) fieldValues() []fields.Value {
	if a.values == nil && a.source != nil {
		return fileValues(a.source)
	}
	return a.values
}

// load makes the applicant a post describes, at the post's date or the
// server's, signed by the server's organisation or the file's.
func (s *Server) load(p *post) (*applicantOf, applicant.Problems) {
	today := s.opts.Today()
	if p.date != "" {
		d, err := civil.Parse(p.date)
		if err != nil {
			return nil, problem("date", "web.bad_date")
		}
		if !plan.TodayInRange(d) {
			return nil, problem("date", "web.date_range", plan.FirstToday, plan.LastToday)
		}
		today = d
	}
	a := &applicantOf{}
	in := pipeline.Input{Source: fileName}
	switch {
	case p.hasFile && len(p.values) == 0:
		in.Data = p.file
		a.source = p.file // its values are read only if /yaml writes them
	default:
		a.values = p.values
		if p.hasFile {
			a.values = merge(fileValues(p.file), p.values)
		}
		for i := range a.values {
			a.values[i].Line, a.values[i].Column = 1, i+1
		}
		in.Node = fields.Node(a.values, 0)
	}
	a.Result = pipeline.Run(in, today, s.opts.Org)
	if !a.OK() {
		return nil, a.Problems
	}
	return a, nil
}

// fileValues are the values of an applicant file, read within the
// loader's limits (a file whose aliases stand for more than the loader
// reads is not expanded); none when it cannot be read (the loader says
// why).
func fileValues(data []byte) []fields.Value {
	root, err := applicant.Parse(fileName, data)
	if err != nil {
		return nil
	}
	return fields.Flatten(root)
}

// merge puts the form's values over the file's: a field given in the form
// replaces the file's, a list given in the form replaces the whole list.
func merge(file, form []fields.Value) []fields.Value {
	given := map[string]bool{}
	for _, v := range form {
		given[v.Name.Field.Path] = true
	}
	var out []fields.Value
	for _, v := range file {
		if !given[v.Name.Field.Path] {
			out = append(out, v)
		}
	}
	out = append(out, form...)
	slices.SortStableFunc(out, func(a, b fields.Value) int { return fields.Order(a.Name, b.Name) })
	return out
}

// problemsOf is the loader's problems in err.
func problemsOf(err error) applicant.Problems {
	var ps applicant.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		return problem("", "web.bad_file")
	}
	return ps
}

func formPath(field string) string {
	r := strings.NewReplacer("[", ".", "]", "")
	return r.Replace(field)
}

// say is a message of the catalog, in French: the form's language.
func say(key string, args ...any) string { return msg.New(key, args...).In(msg.French) }

package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/render"
	"github.com/ofiipack/ofiipack/templates"
)

const (
	token  = "test-token-0123456789"
	port   = 8765
	origin = "http://127.0.0.1:8765"
)

var today = civil.New(2026, 12, 2)

func newServer(t testing.TB) *Server {
	t.Helper()
	s, err := New(Options{Token: token, Port: port, Today: func() civil.Date { return today }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// request is a request as the form's page sends it: the right Host, the
// token cookie, and the server's Origin on a POST.
func request(method, target string, body io.Reader, ctype string) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8765"
	r.AddCookie(&http.Cookie{Name: "ofiipack_token_8765", Value: token})
	if method == http.MethodPost {
		r.Header.Set("Origin", origin)
	}
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	return r
}

func serve(s *Server, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func form(values url.Values) (io.Reader, string) {
	return strings.NewReader(values.Encode()), "application/x-www-form-urlencoded"
}

func filePost(t testing.TB, data []byte, extra url.Values) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range extra {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, err := mw.CreateFormFile("file", "dossier.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return &b, mw.FormDataContentType()
}

func examples(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(paths) < 5 {
		t.Fatalf("want at least 5 examples, found %d (%v)", len(paths), err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = data
	}
	return out
}

// formValues is what the form posts for an applicant file: every value
// under its input's name.
func formValues(t testing.TB, data []byte) url.Values {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	v := url.Values{}
	for _, f := range fields.Flatten(&doc) {
		v.Add(f.Name.String(), f.Value)
	}
	return v
}

func TestForbidden(t *testing.T) {
	s := newServer(t)
	body := func() io.Reader { return strings.NewReader("applicant.family_name=X") }
	const ctype = "application/x-www-form-urlencoded"
	tests := []struct {
		name string
		req  func() *http.Request
	}{
		{"no token", func() *http.Request {
			r := httptest.NewRequest("GET", "/", nil)
			r.Host = "127.0.0.1:8765"
			return r
		}},
		{"wrong token", func() *http.Request {
			r := httptest.NewRequest("GET", "/?token=nope", nil)
			r.Host = "127.0.0.1:8765"
			return r
		}},
		{"wrong cookie", func() *http.Request {
			r := httptest.NewRequest("GET", "/", nil)
			r.Host = "127.0.0.1:8765"
			r.AddCookie(&http.Cookie{Name: "ofiipack_token_8765", Value: token + "x"})
			return r
		}},
		{"another port's cookie", func() *http.Request {
			r := httptest.NewRequest("GET", "/", nil)
			r.Host = "127.0.0.1:8765"
			r.AddCookie(&http.Cookie{Name: "ofiipack_token_8766", Value: token})
			return r
		}},
		{"foreign host", func() *http.Request {
			r := request("GET", "/", nil, "")
			r.Host = "evil.example:8765"
			return r
		}},
		{"foreign host with the token", func() *http.Request {
			r := request("GET", "/?token="+token, nil, "")
			r.Host = "attacker.example"
			return r
		}},
		{"other port", func() *http.Request {
			r := request("GET", "/", nil, "")
			r.Host = "127.0.0.1:8766"
			return r
		}},
		{"foreign origin", func() *http.Request {
			r := request("POST", "/check", body(), ctype)
			r.Header.Set("Origin", "http://evil.example")
			return r
		}},
		{"no origin", func() *http.Request {
			r := request("POST", "/pack", body(), ctype)
			r.Header.Del("Origin")
			return r
		}},
		{"null origin", func() *http.Request {
			r := request("POST", "/yaml", body(), ctype)
			r.Header.Set("Origin", "null")
			return r
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(s, tt.req())
			if w.Code != http.StatusForbidden {
				t.Errorf("status %d, want 403", w.Code)
			}
			if !strings.Contains(w.Body.String(), "accès refusé") {
				t.Errorf("body %q", w.Body)
			}
			if w.Header().Get("Content-Security-Policy") == "" {
				t.Error("no Content-Security-Policy")
			}
		})
	}
	// The same requests, done right, pass.
	for _, host := range []string{"127.0.0.1:8765", "localhost:8765"} {
		r := request("GET", "/", nil, "")
		r.Host = host
		if w := serve(s, r); w.Code != http.StatusOK {
			t.Errorf("GET / at %s: %d", host, w.Code)
		}
	}
	b, ct := form(url.Values{"applicant.family_name": {"X"}})
	if w := serve(s, request("POST", "/check", b, ct)); w.Code != http.StatusOK {
		t.Errorf("POST /check: %d", w.Code)
	}
}

func TestTokenSetsCookie(t *testing.T) {
	s := newServer(t)
	r := httptest.NewRequest("GET", "/?token="+token, nil)
	r.Host = "localhost:8765"
	w := serve(s, r)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Fatalf("status %d, Location %q; want 303 to /", w.Code, w.Header().Get("Location"))
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies %v", cookies)
	}
	c := cookies[0]
	if c.Name != "ofiipack_token_8765" || c.Value != token || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("cookie %+v", c)
	}
	// The page loads with it, with its assets, under a CSP that allows only
	// the server itself.
	for _, path := range []string{"/", "/app.css", "/app.js"} {
		r := httptest.NewRequest("GET", path, nil)
		r.Host = "localhost:8765"
		r.AddCookie(c)
		w := serve(s, r)
		if w.Code != http.StatusOK || w.Body.Len() < 1000 {
			t.Errorf("GET %s: %d, %d bytes", path, w.Code, w.Body.Len())
		}
		csp := w.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe") || strings.Contains(csp, "http") {
			t.Errorf("GET %s: CSP %q", path, csp)
		}
		if w.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: Cache-Control %q", path, w.Header().Get("Cache-Control"))
		}
	}
}

func decodeCheck(t *testing.T, w *httptest.ResponseRecorder) checkResponse {
	t.Helper()
	var c checkResponse
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q: %s", ct, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), &c); err != nil {
		t.Fatalf("%v: %s", err, w.Body)
	}
	return c
}

// Each class of bad input gets 422 and the /check JSON, with the input's
// name and a French message; never a 500.
func TestBadInput(t *testing.T) {
	s := newServer(t)
	good := formValues(t, examples(t)["diallo-general.yaml"])
	with := func(edit func(url.Values)) url.Values {
		v := url.Values{}
		for k, vs := range good {
			v[k] = append([]string(nil), vs...)
		}
		edit(v)
		return v
	}
	tests := []struct {
		name    string
		values  url.Values
		path    string
		message string
	}{
		{"missing field", with(func(v url.Values) { v.Del("applicant.family_name") }), "applicant.family_name", "absent"},
		{"bad date", with(func(v url.Values) { v.Set("applicant.birth_date", "31/02/1988") }), "applicant.birth_date", "31/02/1988"},
		{"date in the future", with(func(v url.Values) { v.Set("situation.arrived_on", "03/12/2026") }), "situation.arrived_on", "avenir"},
		{"bad enum", with(func(v url.Values) { v.Set("applicant.civility", "dame") }), "applicant.civility", "Madame ou Monsieur"},
		{"bad request date", with(func(v url.Values) {
			v.Set("procedure.ofii_requests.0.on", "2026-13-01")
			v.Set("procedure.ofii_requests.0.kind", "information")
		}), "procedure.ofii_requests.0.on", ""},
		{"bad list item", with(func(v url.Values) { v.Add("situation.residence_proofs", "passport") }), "situation.residence_proofs.2", ""},
		{"unknown field", with(func(v url.Values) { v.Set("applicant.shoe_size", "42") }), "", "applicant.shoe_size"},
		{"index past the limit", with(func(v url.Values) { v.Set("ofii_address.100", "x") }), "", "ofii_address.100"},
		{"value too long", with(func(v url.Values) { v.Set("applicant.birth_place", strings.Repeat("x", maxValueBytes+1)) }), "applicant.birth_place", "trop longue"},
		{"not UTF-8", with(func(v url.Values) { v.Set("applicant.birth_place", "Bamako\xff") }), "applicant.birth_place", "UTF-8"},
		{"too many items", with(func(v url.Values) {
			for i := 0; i <= maxItems; i++ {
				v.Add("documents_ready", "identity_document")
			}
		}), "documents_ready", "au plus 100"},
		{"bad day of the run", with(func(v url.Values) { v.Set("date", "hier") }), "date", "JJ/MM/AAAA"},
		{"character the fonts lack", with(func(v url.Values) { v.Set("applicant.given_names", "Aminata 😀") }), "applicant.given_names", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, endpoint := range []string{"/pack", "/letter", "/calendar", "/yaml"} {
				b, ct := form(tt.values)
				w := serve(s, request("POST", endpoint, b, ct))
				if w.Code != http.StatusUnprocessableEntity {
					t.Fatalf("%s: status %d, want 422: %s", endpoint, w.Code, w.Body)
				}
				c := decodeCheck(t, w)
				if c.Plan != nil || len(c.Problems) == 0 {
					t.Fatalf("%s: %+v", endpoint, c)
				}
				found := false
				for _, p := range c.Problems {
					if p.Path == tt.path && strings.Contains(p.Message, tt.message) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: no problem at %q with %q in %+v", endpoint, tt.path, tt.message, c.Problems)
				}
			}
			// /check answers 200 with the same problems.
			b, ct := form(tt.values)
			w := serve(s, request("POST", "/check", b, ct))
			if c := decodeCheck(t, w); w.Code != http.StatusOK || len(c.Problems) == 0 {
				t.Errorf("/check: %d %+v", w.Code, c)
			}
		})
	}
}

func TestBadFile(t *testing.T) {
	s := newServer(t)
	for name, data := range map[string]string{
		"syntax":      "format: ofiipack/v1\napplicant: [\n",
		"empty":       "",
		"unknown key": strings.Replace(string(examples(t)["minimal.yaml"]), "applicant:\n", "applicant:\n  shoe: 42\n", 1),
	} {
		b, ct := filePost(t, []byte(data), nil)
		w := serve(s, request("POST", "/pack", b, ct))
		c := decodeCheck(t, w)
		if w.Code != http.StatusUnprocessableEntity || len(c.Problems) == 0 || c.Problems[0].Message == "" {
			t.Errorf("%s: %d %+v", name, w.Code, c)
		}
	}
}

// A body past the limit is refused before it is read: 100 MB announced
// are not read at all, and a body without a length is read no further
// than the limit.
func TestBodyTooLarge(t *testing.T) {
	s := newServer(t)
	for _, announced := range []bool{true, false} {
		body := &countingReader{left: 100 << 20}
		r := request("POST", "/check", body, "application/x-www-form-urlencoded")
		r.ContentLength = -1
		if announced {
			r.ContentLength = 100 << 20
		}
		w := serve(s, r)
		if w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("announced=%v: status %d, want 413", announced, w.Code)
		}
		if c := decodeCheck(t, w); len(c.Problems) != 1 || !strings.Contains(c.Problems[0].Message, "trop grande") {
			t.Errorf("announced=%v: %+v", announced, c)
		}
		switch {
		case announced && body.read != 0:
			t.Errorf("read %d bytes of an announced 100 MB body, want 0", body.read)
		case body.read > maxBody+64<<10:
			t.Errorf("read %d bytes of an endless body, want at most about %d", body.read, maxBody)
		}
	}
}

type countingReader struct{ left, read int }

func (c *countingReader) Read(p []byte) (int, error) {
	if c.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), c.left)
	for i := range p[:n] {
		p[i] = 'a'
	}
	c.left -= n
	c.read += n
	return n, nil
}

func TestTooManyValues(t *testing.T) {
	s := newServer(t)
	var b strings.Builder
	for i := 0; i <= maxValues; i++ {
		fmt.Fprintf(&b, "applicant.phone=%d&", i)
	}
	w := serve(s, request("POST", "/check", strings.NewReader(b.String()), "application/x-www-form-urlencoded"))
	if c := decodeCheck(t, w); w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(c.Problems[0].Message, "trop de valeurs") {
		t.Errorf("%d %+v", w.Code, c)
	}
	w = serve(s, request("POST", "/check", strings.NewReader("x"), "text/plain"))
	if w.Code != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain: %d", w.Code)
	}
}

// The documents are the same bytes as the command line's for the same
// file and date, whether the file is sent or its fields are.
func TestSameBytesAsCommandLine(t *testing.T) {
	s := newServer(t)
	for name, data := range examples(t) {
		t.Run(name, func(t *testing.T) {
			f, err := applicant.Load(name, data, today)
			if err != nil {
				t.Fatal(err)
			}
			p, err := plan.Compute(f, today)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]*bytes.Buffer{"/pack": {}, "/letter": {}, "/calendar": {}}
			if err := render.Pack(want["/pack"], f, p, f.Organisation); err != nil {
				t.Fatal(err)
			}
			if err := render.Letter(want["/letter"], f, p); err != nil {
				t.Fatal(err)
			}
			if err := ical.Calendar(want["/calendar"], f, p); err != nil {
				t.Fatal(err)
			}
			for endpoint, w := range want {
				posts := map[string]func() (io.Reader, string){
					"file":   func() (io.Reader, string) { return filePost(t, data, nil) },
					"fields": func() (io.Reader, string) { return form(formValues(t, data)) },
				}
				for how, post := range posts {
					b, ct := post()
					got := serve(s, request("POST", endpoint, b, ct))
					if got.Code != http.StatusOK {
						t.Fatalf("%s by %s: status %d: %s", endpoint, how, got.Code, got.Body)
					}
					if !bytes.Equal(got.Body.Bytes(), w.Bytes()) {
						t.Errorf("%s by %s: %d bytes differ from the command line's %d", endpoint, how, got.Body.Len(), w.Len())
					}
					if cd := got.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=") {
						t.Errorf("%s: Content-Disposition %q", endpoint, cd)
					}
				}
			}
		})
	}
}

// /yaml gives back the file the fields make: loaded, it is the same
// applicant; and so is the file opened, shown and saved again.
func TestYAMLRoundTrip(t *testing.T) {
	s := newServer(t)
	for name, data := range examples(t) {
		t.Run(name, func(t *testing.T) {
			want, err := applicant.Load(name, data, today)
			if err != nil {
				t.Fatal(err)
			}
			// Open the file into the form, as the page does.
			b, ct := filePost(t, data, nil)
			w := serve(s, request("POST", "/open", b, ct))
			var opened openResponse
			if err := json.Unmarshal(w.Body.Bytes(), &opened); err != nil || w.Code != http.StatusOK {
				t.Fatalf("/open: %d %v %s", w.Code, err, w.Body)
			}
			if len(opened.Problems) != 0 {
				t.Fatalf("/open: %+v", opened.Problems)
			}
			if d, ok := opened.Fields["applicant.birth_date"]; !ok || len(d) != 1 || !strings.Contains(d[0], "/") {
				t.Errorf("birth date shown as %q, want JJ/MM/AAAA", d)
			}
			b, ct = form(url.Values(opened.Fields))
			w = serve(s, request("POST", "/yaml", b, ct))
			if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/yaml") {
				t.Fatalf("/yaml: %d %s", w.Code, w.Body)
			}
			got, err := applicant.Load("saved.yaml", w.Body.Bytes(), today)
			if err != nil {
				t.Fatalf("the saved file does not load:\n%v\n%s", err, w.Body)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the saved file loads as\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

// Fields override the file they are sent with.
func TestFieldsOverFile(t *testing.T) {
	s := newServer(t)
	b, ct := filePost(t, examples(t)["diallo-general.yaml"], url.Values{"applicant.family_name": {"KANTÉ"}, "ofii_address.0": {"OFII NANTES"}})
	w := serve(s, request("POST", "/yaml", b, ct))
	out := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(out, "family_name: KANTÉ") || !strings.Contains(out, "given_names: Aminata") {
		t.Fatalf("%d\n%s", w.Code, out)
	}
	if !strings.Contains(out, "ofii_address:\n  - OFII NANTES\n") || strings.Contains(out, "Service médical") {
		t.Errorf("the form's address should replace the file's whole list:\n%s", out)
	}
}

func TestCheckPlan(t *testing.T) {
	s := newServer(t)
	b, ct := form(formValues(t, examples(t)["diallo-general.yaml"]))
	w := serve(s, request("POST", "/check", b, ct))
	c := decodeCheck(t, w)
	if w.Code != http.StatusOK || len(c.Problems) != 0 || c.Plan == nil {
		t.Fatalf("%d %+v", w.Code, c)
	}
	if c.Plan.NextStep == nil || c.NextStepText == "" || c.KindLabels["deadline"] == "" {
		t.Errorf("next step %+v %q, labels %v", c.Plan.NextStep, c.NextStepText, c.KindLabels)
	}
	// where the file stands, as the checklist says it
	if c.Plan.Stage != plan.StageCertificateDue || c.StageText != c.Plan.StageText() {
		t.Errorf("stage %q %q", c.Plan.Stage, c.StageText)
	}
	// A date given with the post is the run's date.
	v := formValues(t, examples(t)["diallo-general.yaml"])
	v.Set("date", "20/12/2026")
	b, ct = form(v)
	c = decodeCheck(t, serve(s, request("POST", "/check", b, ct)))
	if c.Plan == nil || c.Plan.Today != civil.New(2026, 12, 20) {
		t.Errorf("date not used: %+v", c.Plan)
	}
}

// A real server answers 100 /check at once, and goes on answering after a
// client that hangs up in the middle of its request.
func TestConcurrentAndDisconnect(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := l.Addr().(*net.TCPAddr).Port
	s, err := New(Options{Token: token, Port: p, Today: func() civil.Date { return today }})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, l, s) }()
	base := fmt.Sprintf("http://127.0.0.1:%d", p)
	body := formValues(t, examples(t)["diallo-general.yaml"]).Encode()
	post := func(path string) (int, error) {
		r, err := http.NewRequest("POST", base+path, strings.NewReader(body))
		if err != nil {
			return 0, err
		}
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Origin", base)
		r.AddCookie(&http.Cookie{Name: fmt.Sprintf("ofiipack_token_%d", p), Value: token})
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		var c checkResponse
		if err := json.NewDecoder(resp.Body).Decode(&c); err != nil && path == "/check" {
			return resp.StatusCode, err
		}
		if path == "/check" && c.Plan == nil {
			return resp.StatusCode, fmt.Errorf("no plan: %+v", c.Problems)
		}
		return resp.StatusCode, nil
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if code, err := post("/check"); err != nil || code != http.StatusOK {
				errs <- fmt.Errorf("status %d: %v", code, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// A client announces a body and hangs up after half of it, and another
	// hangs up while its pack is being made.
	for _, path := range []string{"/check", "/pack"} {
		c, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nOrigin: %s\r\nCookie: ofiipack_token_%d=%s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s",
			path, p, base, p, token, len(body), body[:len(body)/2])
		c.Close()
	}
	if code, err := post("/pack"); err != nil || code != http.StatusOK {
		t.Errorf("after the hang-ups: %d %v", code, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// A form that is not complete can be saved as a draft: the values as they
// are, in the file's order, marked as a draft at the top; opened again, it
// gives back the same values.
func TestDraft(t *testing.T) {
	s := newServer(t)
	v := url.Values{
		"applicant.family_name":      {"KANTÉ"},
		"applicant.given_names":      {"Fanta"},
		"applicant.birth_date":       {"31/02/1988"}, // wrong, kept as typed
		"applicant.address.postcode": {"01000"},
		"ofii_address.0":             {"OFII"},
	}
	b, ct := form(v)
	w := serve(s, request("POST", "/draft", b, ct))
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	out := w.Body.String()
	for _, want := range []string{"# Brouillon", "family_name: KANTÉ", `birth_date: 31/02/1988`, `postcode: "01000"`, "ofii_address:\n  - OFII"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "kante-fanta-brouillon.yaml") {
		t.Errorf("Content-Disposition %q", cd)
	}
	b, ct = filePost(t, w.Body.Bytes(), nil)
	w = serve(s, request("POST", "/open", b, ct))
	var opened openResponse
	if err := json.Unmarshal(w.Body.Bytes(), &opened); err != nil {
		t.Fatal(err)
	}
	for k, want := range v {
		if got := opened.Fields[k]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s opened as %q, want %q", k, got, want)
		}
	}
	if len(opened.Problems) == 0 {
		t.Error("the draft opens without its problems")
	}
	// The limits hold for a draft too.
	b, ct = form(url.Values{"applicant.shoe_size": {"42"}})
	if w := serve(s, request("POST", "/draft", b, ct)); w.Code != http.StatusUnprocessableEntity {
		t.Errorf("unknown field in a draft: %d", w.Code)
	}
}

// The form offers every country by its French name, from the loader's
// table, and takes French words and country names as a spreadsheet does:
// /yaml writes the file's own values.
func TestFrenchWordsAndCountries(t *testing.T) {
	s := newServer(t)
	w := serve(s, request("GET", "/", nil, ""))
	page := w.Body.String()
	for _, want := range []string{`list="countries"`, `<option value="Côte d’Ivoire" label="CI"></option>`, `<option value="Géorgie" label="GE"></option>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := strings.Count(page, "<option value=") - strings.Count(templatesPage(t), "<option value="); n < 240 {
		t.Errorf("%d countries offered", n)
	}
	v := formValues(t, examples(t)["diallo-general.yaml"])
	v.Set("applicant.nationality", "cote d'ivoire")
	v.Set("applicant.marital_status", "MARIÉE")
	v.Set("identity.document", "Passeport")
	v.Set("situation.long_stay_visa", "non")
	v.Set("situation.arrived_on", "03/2019")
	b, ct := form(v)
	w = serve(s, request("POST", "/yaml", b, ct))
	out := w.Body.String()
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, out)
	}
	for _, want := range []string{"nationality: CI\n", "marital_status: married\n", "document: passport\n", "long_stay_visa: false\n", "arrived_on: 2019-03\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("/yaml lacks %q:\n%s", want, out)
		}
	}
	// Opened again, the form shows the country's name and the month.
	b, ct = filePost(t, w.Body.Bytes(), nil)
	w = serve(s, request("POST", "/open", b, ct))
	var opened openResponse
	if err := json.Unmarshal(w.Body.Bytes(), &opened); err != nil {
		t.Fatal(err)
	}
	if got := opened.Fields["applicant.nationality"]; len(got) != 1 || got[0] != "Côte d’Ivoire" {
		t.Errorf("nationality shown as %q", got)
	}
	if got := opened.Fields["situation.arrived_on"]; len(got) != 1 || got[0] != "03/2019" {
		t.Errorf("arrival shown as %q", got)
	}
}

func templatesPage(t *testing.T) string {
	t.Helper()
	data, err := templates.Web.ReadFile("web/index.html")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A file's warnings (a comment after a value, which the form does not
// keep) come with the opened file and with a check of the file, as the
// command line prints them: the volunteer sees that « # portable » was
// dropped.
func TestOpenShowsTheFileWarnings(t *testing.T) {
	s := newServer(t)
	data, err := os.ReadFile("../../examples/diallo-general.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`phone: "06 12 34 56 78"`), []byte("phone: 06 12 34 56 78 # portable"), 1)
	b, ct := filePost(t, data, nil)
	w := serve(s, request("POST", "/open", b, ct))
	var opened openResponse
	if err := json.Unmarshal(w.Body.Bytes(), &opened); err != nil || w.Code != http.StatusOK {
		t.Fatalf("/open: %d %v %s", w.Code, err, w.Body)
	}
	if len(opened.Problems) != 0 || len(opened.Warnings) != 1 || opened.Warnings[0].Path != "applicant.phone" ||
		!strings.Contains(opened.Warnings[0].Message, "portable") {
		t.Fatalf("/open: problems %+v, warnings %+v", opened.Problems, opened.Warnings)
	}
	b, ct = filePost(t, data, nil)
	w = serve(s, request("POST", "/check", b, ct))
	var checked checkResponse
	if err := json.Unmarshal(w.Body.Bytes(), &checked); err != nil || checked.Plan == nil {
		t.Fatalf("/check: %d %v %s", w.Code, err, w.Body)
	}
	if len(checked.Warnings) != 1 {
		t.Errorf("/check: warnings %+v", checked.Warnings)
	}
}

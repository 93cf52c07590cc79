package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// amplified is an applicant file of 65 KB whose aliases stand for 90 MB:
// a 60,000-character value repeated by 1,500 aliases.
func amplified(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "diallo-general.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "  phone: \"06 12 34 56 78\"", "  phone: &a "+strings.Repeat("x", 60000), 1)
	s = strings.Replace(s, "documents_ready: [birth_certificate, identity_document, e_photo]",
		"documents_ready: ["+strings.TrimSuffix(strings.Repeat("*a, ", 1500), ", ")+"]", 1)
	return []byte(s)
}

// TestAliasesNotExpanded: every endpoint that reads a file applies the
// loader's limits to it before anything is expanded or echoed: the file
// of 65 KB that stands for 90 MB gets a short answer that says why.
func TestAliasesNotExpanded(t *testing.T) {
	s := newServer(t)
	data := amplified(t)
	for _, path := range []string{"/check", "/open", "/draft", "/pack", "/letter", "/calendar", "/yaml"} {
		body, ctype := filePost(t, data, nil)
		w := serve(s, request(http.MethodPost, path, body, ctype))
		if n := w.Body.Len(); n > 64<<10 {
			t.Errorf("%s answered %d bytes (status %d) for a file of %d bytes", path, n, w.Code, len(data))
			continue
		}
		if !bytes.Contains(w.Body.Bytes(), []byte("alias *a")) {
			t.Errorf("%s: status %d, answer %.300s; want the alias's problem", path, w.Code, w.Body.String())
		}
	}
}

// TestNamesEchoedCut: /check echoes an unknown key of a file, or an
// unknown input's name, cut after 40 characters and with its control
// characters escaped, as it echoes a value.
func TestNamesEchoedCut(t *testing.T) {
	s := newServer(t)
	data := examples(t)["diallo-general.yaml"]
	long := strings.Repeat("k", 900000)
	file := strings.Replace(string(data), "applicant:\n", "applicant:\n  ? "+long+"\n  : 1\n  \"k\\e[2K\\rforged\": 1\n", 1)
	body, ctype := filePost(t, []byte(file), nil)
	w := serve(s, request(http.MethodPost, "/check", body, ctype))
	body2, ctype2 := form(url.Values{long: {"x"}, "k\x1b[2K\rforged": {"x"}})
	w2 := serve(s, request(http.MethodPost, "/check", body2, ctype2))
	for _, w := range []*httptest.ResponseRecorder{w, w2} {
		var resp checkResponse
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatalf("answer %.300s: %v", w.Body.String(), err)
		}
		if len(resp.Problems) != 2 {
			t.Errorf("problems %+v, want the two unknown names", resp.Problems)
		}
		for _, p := range resp.Problems {
			if len(p.Path)+len(p.Message) > 400 || strings.ContainsAny(p.Path+p.Message, "\x1b\r") {
				t.Errorf("problem echoes a name whole or raw: %.200q: %.300q", p.Path, p.Message)
			}
		}
	}
}

// TestBudgetOneLargeAtATime: a request that may send the largest body
// waits until it is alone; small posts pass beside each other, as many as
// the budget holds.
func TestBudgetOneLargeAtATime(t *testing.T) {
	s := newServer(t)
	var mu sync.Mutex
	in, most := 0, 0
	entered, release := make(chan struct{}), make(chan struct{})
	h := s.bounded(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		in++
		most = max(most, in)
		mu.Unlock()
		entered <- struct{}{}
		<-release
		mu.Lock()
		in--
		mu.Unlock()
	})
	const total = 2 * budgetUnits
	for _, tc := range []struct {
		name string
		size int64
		want int
	}{
		{"largest", maxBody, 1},
		{"chunked", -1, 1},
		{"small", 3000, budgetUnits},
	} {
		most = 0
		var wg sync.WaitGroup
		for range total {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := request(http.MethodPost, "/check", strings.NewReader(""), "")
				r.ContentLength = tc.size
				h(httptest.NewRecorder(), r)
			}()
		}
		// As many in as the budget lets in, then one out, one in.
		for range tc.want {
			<-entered
		}
		for n := tc.want; n < total; n++ {
			release <- struct{}{}
			<-entered
		}
		for range tc.want {
			release <- struct{}{}
		}
		wg.Wait()
		if most != tc.want {
			t.Errorf("%s: %d requests in the handler at once, want %d", tc.name, most, tc.want)
		}
	}
}

// TestParsingMemoryBounded: six files of 300 KB posted at once to /draft
// (each a list of 78,000 items: 100 MB each to read and write back
// without bounds) keep the server's heap far below what six at once
// would take.
func TestParsingMemoryBounded(t *testing.T) {
	data := examples(t)["diallo-general.yaml"]
	big := strings.Replace(string(data), "documents_ready: [birth_certificate, identity_document, e_photo]",
		"documents_ready:\n"+strings.Repeat("- x\n", 78000), 1)
	s := newServer(t)
	stop := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var most uint64
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				peak <- most
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			most = max(most, m.HeapAlloc)
		}
	}()
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, ctype := filePost(t, []byte(big), nil)
			r := request(http.MethodPost, "/draft", body, ctype)
			w := serve(s, r)
			if w.Code != http.StatusOK {
				t.Errorf("status %d", w.Code)
			}
		}()
	}
	wg.Wait()
	close(stop)
	if most := <-peak; most > 200<<20 {
		t.Errorf("peak heap %d MB for 6 files of %d KB at once, want under 200 MB", most>>20, len(big)>>10)
	}
}

// TestDateOutOfRange: the form's date of the day lies between 2000 and
// 2199, as --date does.
func TestDateOutOfRange(t *testing.T) {
	s := newServer(t)
	values := formValues(t, examples(t)["diallo-general.yaml"])
	values.Set("date", "9999-12-31")
	body, ctype := form(values)
	w := serve(s, request(http.MethodPost, "/calendar", body, ctype))
	want := `{"path":"date","message":"trouvé une date du jour hors limites, attendu un jour entre le 01/01/2000 et le 31/12/2199"}`
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), want) {
		t.Errorf("status %d, answer %.300s; want 422 and %s", w.Code, w.Body.String(), want)
	}
}

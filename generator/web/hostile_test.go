package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

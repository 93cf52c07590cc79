package web

import (
	"bytes"
	"net/http"
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

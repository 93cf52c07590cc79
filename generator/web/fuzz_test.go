package web

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// postEndpoints are the form's POST endpoints that FuzzPost tries, in the
// order its endpoint number picks them. /pack and /letter read a post as
// /calendar does and then draw a PDF (tested elsewhere), at a few
// executions a second: the fuzzer would spend its budget drawing.
var postEndpoints = []string{"/check", "/open", "/draft", "/yaml", "/calendar"}

// FuzzPost: no post makes a handler of the form panic (the server turns a
// panic into a 500 with « erreur interne »: here a failure), or answer
// with more than a few times what was sent, or with a status other than
// the documented ones; every JSON answer is valid JSON. A post is the
// fuzzed body sent as a file (multipart), as form fields (urlencoded), or
// as a multipart body of its own.
func FuzzPost(f *testing.F) {
	for _, data := range examples(f) {
		for endpoint := range postEndpoints {
			f.Add(uint8(endpoint), uint8(0), data)
		}
		f.Add(uint8(0), uint8(1), []byte(formValues(f, data).Encode()))
	}
	for _, s := range []string{
		"",
		"format: ofiipack/v1\n",
		"a: &a [x, *a]\n",
		"documents_ready: &l [*l]\n",
		"applicant.family_name=DIALLO&date=9999-12-31",
		"applicant.family_name=%00%1b&ofii_address.99=x&procedure.ofii_requests.3.on=2026-11-01",
		"--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nformat: x\r\n--B--\r\n",
	} {
		for mode := range 3 {
			f.Add(uint8(0), uint8(mode), []byte(s))
		}
	}
	s := newServer(f)
	f.Fuzz(func(t *testing.T, endpoint, mode uint8, data []byte) { fuzzPost(t, s, endpoint, mode, data) })
}

// fuzzPost is one execution of FuzzPost.
func fuzzPost(t *testing.T, s *Server, endpoint, mode uint8, data []byte) {
	path := postEndpoints[int(endpoint)%len(postEndpoints)]
	var (
		body  *bytes.Buffer
		ctype string
	)
	switch mode % 3 {
	case 0:
		body = &bytes.Buffer{}
		mw := multipart.NewWriter(body)
		fw, _ := mw.CreateFormFile("file", "dossier.yaml")
		fw.Write(data)
		mw.Close()
		ctype = mw.FormDataContentType()
	case 1:
		body, ctype = bytes.NewBuffer(data), "application/x-www-form-urlencoded"
	default:
		body, ctype = bytes.NewBuffer(data), "multipart/form-data; boundary=B"
	}
	sent := body.Len()
	w := serve(s, request(http.MethodPost, path, body, ctype))
	switch w.Code {
	case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
	default:
		t.Fatalf("%s: status %d: %.300s", path, w.Code, w.Body.String())
	}
	// Nothing grows past a few times the post (an .ics of every
	// date of a small file is some kilobytes).
	if limit := max(4*sent, 64<<10); w.Body.Len() > limit {
		t.Fatalf("%s: answered %d bytes for %d sent", path, w.Body.Len(), sent)
	}
	if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		var v map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("%s: answer is not JSON: %v: %.300s", path, err, w.Body.String())
		}
	}
}

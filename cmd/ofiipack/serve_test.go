package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// ofiipack serve prints the address with its token on one line, answers
// there, and ends with status 0 when interrupted.
func TestServe(t *testing.T) {
	url, stop := startServe(t, "--date", "2026-12-02")
	m := regexp.MustCompile(`^(http://127\.0\.0\.1:[0-9]+/)\?token=([A-Za-z0-9_-]{43})$`).FindStringSubmatch(url)
	if m == nil {
		t.Fatalf("printed %q", url)
	}
	// The link sets the cookie and the form loads with it.
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: time.Minute, Jar: jar}
	resp, err := client.Get(m[1] + "?token=" + m[2])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Request.URL.RawQuery != "" || !strings.Contains(string(body), "<form") {
		t.Errorf("GET with the token: %d at %s", resp.StatusCode, resp.Request.URL)
	}
	// Without it, 403.
	resp, err = http.Get(m[1])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("GET without the token: %d", resp.StatusCode)
	}
	// The applicant file of an example makes the pack that 'ofiipack pack'
	// makes.
	data, err := os.ReadFile("../../examples/diallo-general.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", "diallo-general.yaml")
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", m[1]+"pack", &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", strings.TrimSuffix(m[1], "/"))
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	out := filepath.Join(t.TempDir(), "pack.pdf")
	if c, _, stderr := runCLI(t, newApp(nil, io.Discard, io.Discard), "pack", "--date", "2026-12-02", "../../examples/diallo-general.yaml", "-o", out); c != 0 {
		t.Fatalf("pack: %d %s", c, stderr)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, want) {
		t.Errorf("POST /pack: %d, %d bytes, want the %d bytes of ofiipack pack", resp.StatusCode, len(got), len(want))
	}
	stderr := stop()
	if !strings.Contains(stderr, "form stopped") {
		t.Errorf("stderr %q", stderr)
	}
}

// startServe runs 'ofiipack serve' in process and returns the address it
// printed (with its token) and a function that stops it, checks that it
// ended with status 0, and returns what it wrote on stderr.
func startServe(t *testing.T, args ...string) (string, func() string) {
	t.Helper()
	pr, pw := io.Pipe()
	var stderr strings.Builder
	a := newApp(strings.NewReader(""), pw, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	code := make(chan int, 1)
	go func() {
		code <- a.execute(ctx, append([]string{"serve", "--no-open"}, args...))
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v (stderr %q)", err, stderr.String())
	}
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`^ofiipack: open (\S+)\n$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("printed %q", line)
	}
	return m[1], func() string {
		cancel()
		select {
		case c := <-code:
			if c != 0 {
				t.Errorf("serve exited with %d: %s", c, stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop")
		}
		return stderr.String()
	}
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
)

// chromium finds a Chromium to drive: $OFIIPACK_CHROMIUM, or one on the
// PATH. Without one the test is skipped, unless $OFIIPACK_BROWSER_TEST is
// set (CI installs Debian's chromium and sets it).
func chromium(t *testing.T) string {
	if p := os.Getenv("OFIIPACK_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("OFIIPACK_BROWSER_TEST") != "" {
		t.Fatal("OFIIPACK_BROWSER_TEST is set but no Chromium was found: install Debian's chromium package")
	}
	t.Skip("no Chromium on this machine (set OFIIPACK_CHROMIUM, or install chromium)")
	return ""
}

// The form in a real browser, as a volunteer uses it: fill it in for one
// applicant field by field, leave a date wrong and see its message beside
// the field, correct it, download the pack, and get the pack that
// 'ofiipack pack' makes of the same data.
func TestBrowserForm(t *testing.T) {
	exe := chromium(t)
	const date = "2026-12-02"
	url, stop := startServe(t, "--date", date)
	defer stop()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.WindowSize(1366, 900),
		chromedp.Flag("lang", "fr-FR"),
		chromedp.Env("LANGUAGE=fr", "LANG=fr_FR.UTF-8"), // the browser's own words (the file picker) in French too
		chromedp.Flag("no-sandbox", os.Geteuid() == 0),  // CI runs as root
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	ctx, cancel := context.WithTimeout(bctx, 3*time.Minute)
	defer cancel()

	downloads := t.TempDir()
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(what, expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	wait := func(what, expr string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	do("open the form",
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			allow := true
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior:      browser.SetDownloadBehaviorBehaviorAllowAndName,
				DownloadPath:  downloads,
				EventsEnabled: &allow,
			})
			return err
		}),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("#applicant-family_name")),
	)
	if location := eval("read the address", "location.href"); strings.Contains(location, "token") {
		t.Errorf("the token stays in the address bar: %s", location)
	}

	// Every input a person can reach has a label.
	if unlabelled := eval("check the labels", `[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
		.filter(e => !e.closest('template') && e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
		.map(e => e.id || e.name).join(' ')`); unlabelled != "" {
		t.Errorf("inputs without a label: %s", unlabelled)
	}

	// The applicant of examples/diallo-general.yaml, field by field.
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "diallo-general.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var ready []string
	for _, v := range fields.Flatten(&doc) {
		name, value := v.Name.String(), v.Value
		id := "#" + strings.ReplaceAll(name, ".", "-")
		switch {
		case name == "format":
			continue
		case v.Name.Field.Path == "documents_ready":
			ready = append(ready, value) // offered once the plan is known
			continue
		case v.Name.Field.Kind == fields.List && !strings.Contains(v.Name.Field.Path, "address"):
			do("tick "+name+" "+value, chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=%q][value=%q]`, v.Name.Field.Path, value))))
			continue
		case v.Name.Kind() == fields.Date:
			d, err := civil.Parse(value)
			if err != nil {
				t.Fatal(err)
			}
			value = d.DayFirst()
		}
		if eval("find "+name, fmt.Sprintf(`document.querySelector(%q).tagName`, id)) == "SELECT" {
			do("choose "+name, chromedp.SetValue(chromedp.CSS(id), value))
			eval("choose "+name, fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new Event('change', {bubbles: true})) && ''`, id))
			continue
		}
		if name == "applicant.birth_date" {
			// A day that does not exist, then the field is left.
			do("type a wrong date", chromedp.SendKeys(chromedp.CSS(id), "31/02/1988"+kb.Tab))
			if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.getElementById('applicant-birth_date-error').textContent.includes('31/02/1988')`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
				t.Fatalf("no message about 31/02/1988 beside the field: %q", eval("read its message", `document.getElementById('applicant-birth_date-error').textContent`))
			}
			// The file cannot be saved with a wrong date, but a draft can.
			drafts := chromedp.Events(ctx, browser.DownloadProgress)
			do("save the file", chromedp.Click(chromedp.CSS("#btn-yaml")))
			wait("be offered a draft", `!!document.querySelector('#download-status button')`)
			do("save a draft", chromedp.Click(chromedp.CSS("#download-status button")))
			if draft := downloaded(t, drafts, downloads); !strings.Contains(draft, "# Brouillon") || !strings.Contains(draft, "birth_date: 31/02/1988") {
				t.Errorf("the draft:\n%s", draft)
			}
			if invalid := eval("see it marked", fmt.Sprintf(`document.querySelector(%q).getAttribute('aria-invalid') || ''`, id)); invalid != "true" {
				t.Errorf("aria-invalid=%q on the wrong date", invalid)
			}
			// Select the wrong date, as a person would, and type over it.
			eval("select the date", fmt.Sprintf(`(e => { e.focus(); e.select(); return '' })(document.querySelector(%q))`, id))
			do("correct it", chromedp.SendKeys(chromedp.CSS(id), value+kb.Tab))
			if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.getElementById('applicant-birth_date-error').textContent.trim() === ''`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
				t.Fatalf("the message stays once the date is corrected to %q: %q", eval("read the date", fmt.Sprintf(`document.querySelector(%q).value`, id)),
					eval("read its message", `document.getElementById('applicant-birth_date-error').textContent`))
			}
			continue
		}
		do("type "+name, chromedp.SendKeys(chromedp.CSS(id), value+kb.Tab))
	}
	// The checklist's boxes are drawn again at each plan: each is ticked
	// once it is there, until it stays ticked.
	for _, id := range ready {
		wait("tick "+id, fmt.Sprintf(`(e => !!e && (e.checked || (e.click(), false)))(document.querySelector('input[name="documents_ready"][value=%q]'))`, id))
	}
	for _, id := range ready {
		wait(id+" stays ticked", fmt.Sprintf(`document.querySelector('input[name="documents_ready"][value=%q]').checked`, id))
	}
	// The plan beside the form: the certificate's deadline.
	wait("see the plan", `document.getElementById('plan').textContent.includes('16/12/2026')`)
	problems := eval("read the problems", `(document.getElementById('problems') || {}).textContent || ''`)

	if path := os.Getenv("OFIIPACK_SCREENSHOT"); path != "" {
		// The form from its first section, and the plan from its top.
		eval("scroll", `(document.querySelector('fieldset').scrollIntoView(), window.scrollBy(0, -8), document.getElementById('plan').scrollTop = 0, '')`)
		do("settle", chromedp.Sleep(300*time.Millisecond))
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// At 200 % zoom on a 1366 × 768 laptop (683 × 384 CSS pixels), and on a
	// 1280 × 720 screen, the page reflows: nothing is wider than the window.
	for _, size := range [][2]int64{{683, 384}, {1280, 720}} {
		do("resize", chromedp.EmulateViewport(size[0], size[1]))
		if wide := eval("measure", `(() => { const w = document.documentElement.clientWidth;
			return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && e.getClientRects().length)
				.slice(0, 5).map(e => e.tagName + '#' + (e.id || e.className)).join(' ') })()`); wide != "" {
			t.Errorf("at %d × %d, wider than the window: %s", size[0], size[1], wide)
		}
	}
	do("resize back", chromedp.EmulateViewport(1366, 900))
	// Changes are announced to screen readers.
	if live := eval("find the live region", `String(document.querySelectorAll('[aria-live]').length)`); live == "0" {
		t.Error("no aria-live region: problems would not be announced")
	}

	// The form holds every value of the file before the pack is asked for:
	// the page redraws parts of itself after each answer of the server.
	var expected [][2]string
	for _, v := range fields.Flatten(&doc) {
		name, value := v.Name.String(), v.Value
		if v.Name.Field.Kind == fields.List && !strings.Contains(name, "address") {
			name = v.Name.Field.Path
		}
		if v.Name.Kind() == fields.Date {
			d, _ := civil.Parse(value)
			value = d.DayFirst()
		}
		expected = append(expected, [2]string{name, value})
	}
	want, _ := json.Marshal(expected)
	held := `[...new FormData(document.getElementById('dossier')).entries()].filter(([k, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => k + '=' + v)`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](fmt.Sprintf(`(() => { const held = %s; const want = %s.map(([k, v]) => k + '=' + v);
		return held.length === want.length && want.every(w => held.includes(w)) })()`, held, want), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the form does not hold the file's values:\n held %s\n want %s", eval("read the form", "JSON.stringify("+held+")"), want)
	}

	progress := chromedp.Events(ctx, browser.DownloadProgress)
	do("download the pack", chromedp.Click(chromedp.CSS("#btn-pack")))
	got := downloaded(t, progress, downloads)
	out := filepath.Join(t.TempDir(), "pack.pdf")
	if c, _, stderr := runCLI(t, newApp(nil, io.Discard, io.Discard), "pack", "--date", date, filepath.Join("..", "..", "examples", "diallo-general.yaml"), "-o", out); c != 0 {
		t.Fatalf("pack: %d %s", c, stderr)
	}
	cli, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(cli) {
		// Say which values the form held, against the file's.
		posted := eval("read the form", `JSON.stringify([...new FormData(document.getElementById('dossier')).entries()].filter(([k, v]) => v !== '' && typeof v === 'string'))`)
		var pairs [][2]string
		if err := json.Unmarshal([]byte(posted), &pairs); err != nil {
			t.Fatal(err)
		}
		held := map[string]bool{}
		for _, p := range pairs {
			held[p[0]+"="+p[1]] = true
		}
		for _, v := range fields.Flatten(&doc) {
			k := v.Name.Field.Path + "=" + v.Value
			if v.Name.Field.Kind != fields.List || strings.Contains(k, "address") {
				k = v.Name.String() + "=" + v.Value
			}
			if !held[k] && v.Name.Kind() != fields.Date {
				t.Errorf("the form does not hold %s", k)
			}
		}
		t.Logf("the form holds %v", pairs)
		t.Errorf("the downloaded pack (%d bytes) differs from ofiipack pack's (%d bytes); problems shown: %q", len(got), len(cli), problems)
	}
}

// downloaded waits for the next download to complete and returns the
// file's content.
func downloaded(t *testing.T, progress iter.Seq2[browser.EventDownloadProgress, error], dir string) string {
	t.Helper()
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			data, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		case browser.DownloadProgressStateCanceled:
			t.Fatal("download canceled")
		}
	}
	t.Fatal("no download")
	return ""
}

// A file opened into the form with a comment after a value: the form says
// that the comment was not taken (the file's warning), beside the file's
// other points, as the command line prints it. $OFIIPACK_SCREENSHOTS names a
// folder to keep a picture of the page in.
func TestBrowserOpenShowsWarnings(t *testing.T) {
	exe := chromium(t)
	url, stop := startServe(t, "--date", "2026-12-02")
	defer stop()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "diallo-general.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "diallo.yaml")
	data = []byte(strings.Replace(string(data), `phone: "06 12 34 56 78"`, "phone: 06 12 34 56 78 # portable", 1))
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.WindowSize(1366, 900),
		chromedp.Flag("lang", "fr-FR"), chromedp.Flag("no-sandbox", os.Geteuid() == 0))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("#applicant-family_name")),
		chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{file}),
		chromedp.Poll[chromedp.Void](`!document.getElementById('problems').hidden && document.getElementById('problems').textContent.includes('portable')`,
			chromedp.WithPollingTimeout(20*time.Second)),
	); err != nil {
		t.Fatalf("open the file: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('problems').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Dans le fichier ouvert") || !strings.Contains(text, "applicant.phone") {
		t.Errorf("the file's warning is not among its points: %q", text)
	}
	if dir := os.Getenv("OFIIPACK_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#problems")))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "open-warnings.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

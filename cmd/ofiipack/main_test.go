package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// TestMain lets the scripts run "ofiipack" as a command: the test binary
// runs Main, exactly as the real main does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ofiipack": func() { os.Exit(Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar: one script per command and per
// class of bad input, each carrying its input files.
// updateScripts rewrites the files that cmp compares in testdata/script
// (go test -run TestScripts -update-scripts): look at the diff before
// committing it.
var updateScripts = flag.Bool("update-scripts", false, "rewrite the compared files of testdata/script")

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *updateScripts,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mode":   cmdMode,
			"status": cmdStatus,
			"notemp": cmdNoTemp,
		},
		RequireExplicitExec: true,
		Setup:               englishLocale,
	})
}

// englishLocale runs a script in English unless it sets LANG=fr_FR.UTF-8
// (or LANGUAGE…): the host's locale must not change what the scripts see.
func englishLocale(env *testscript.Env) error {
	env.Setenv("LANG", "C.UTF-8")
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		env.Setenv(k, "")
	}
	return nil
}

// cmdMode checks a file's permission bits: "mode 0600 out.pdf".
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mode PERM FILE")
	}
	want, err := strconv.ParseUint(args[0], 8, 32)
	if err != nil {
		ts.Fatalf("mode: bad permission %q", args[0])
	}
	fi, err := os.Stat(ts.MkAbs(args[1]))
	ts.Check(err)
	got := fi.Mode().Perm()
	if (uint64(got) == want) == neg {
		ts.Fatalf("mode of %s is %#o, want %s%#o", args[1], got, map[bool]string{true: "not ", false: ""}[neg], want)
	}
}

// cmdNoTemp checks that a folder holds no temporary file of an atomic
// write: "notemp .".
func cmdNoTemp(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: notemp DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), atomicfile.TempPrefix) {
			ts.Fatalf("temporary file left behind: %s", e.Name())
		}
	}
}

// cmdStatus runs a command and checks its exit status, which 'exec' does
// not tell apart: "status 2 ofiipack nosuchcommand". Its standard output
// and error are kept for the next stdout and stderr commands.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// runCLI runs one command line in process and returns its exit status,
// standard output and standard error.
func runCLI(t *testing.T, a *app, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	a.stdout, a.stderr = &stdout, &stderr
	code := a.execute(t.Context(), args)
	return code, stdout.String(), stderr.String()
}

// TestExamplesPlanJSON runs every file of examples/ through
// 'plan --format json --date 2026-11-22' and checks the JSON contract of
// SPEC §2.
func TestExamplesPlanJSON(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Fatalf("found %d examples, want at least 5", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			code, stdout, stderr := runCLI(t, newApp(nil, nil, nil), "plan", "--format", "json", "--date", "2026-11-22", file)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr not empty:\n%s", stderr)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, stdout)
			}
			for _, key := range []string{"format", "today", "route", "application", "stage", "checklist", "deadlines", "warnings", "fees", "documents"} {
				if _, ok := got[key]; !ok {
					t.Errorf("JSON has no %q", key)
				}
			}
			if got["format"] != plan.FormatV1 {
				t.Errorf("format = %v, want %s", got["format"], plan.FormatV1)
			}
			if got["today"] != "2026-11-22" {
				t.Errorf("today = %v, want 2026-11-22", got["today"])
			}
			if !strings.HasPrefix(stdout, "{\n  \"format\": ") {
				t.Errorf("JSON is not indented with two spaces:\n%.80s", stdout)
			}
			docs, _ := got["documents"].([]any)
			if len(docs) < 2 || docs[0] != plan.DocChecklist || docs[len(docs)-1] != plan.DocCalendar {
				t.Errorf("documents = %v, want checklist, …, calendar", docs)
			}
			// the cover letter only while the certificate is to be sent (SPEC §2)
			letter := slices.Contains(docs, any(plan.DocCoverLetter))
			stage, _ := got["stage"].(string)
			if want := slices.Contains([]string{plan.StageToFile, plan.StageFiled, plan.StageCertificateDue}, stage); letter != want {
				t.Errorf("stage %s: documents %v", stage, docs)
			}
		})
	}
}

// TestInitTemplateLoads checks that the file 'ofiipack init' writes is a
// valid applicant file as it is, and that it shows every section of
// SPEC §1.
func TestInitTemplateLoads(t *testing.T) {
	code, stdout, stderr := runCLI(t, newApp(nil, nil, nil), "init", "-o", "-")
	if code != exitOK {
		t.Fatalf("init -o -: exit %d, stderr:\n%s", code, stderr)
	}
	f, err := applicant.Load("applicant.yaml", []byte(stdout), civil.New(2026, 11, 22))
	if err != nil {
		t.Fatalf("the init template does not load:\n%v", err)
	}
	if f.Applicant.FamilyName == "" || f.Identity.Document == "" {
		t.Errorf("the init template lost its example person: %+v", f.Applicant)
	}
	for _, key := range []string{
		"format:", "applicant:", "civility:", "family_name:", "given_names:", "birth_date:",
		"birth_place:", "nationality:", "nationality_label:", "marital_status:", "address:",
		"care_of:", "street:", "extra:", "postcode:", "city:", "hosted_by:", "since:", "phone:",
		"email:", "foreigner_number:", "identity:", "document:", "issued_on:", "situation:",
		"arrived_on:", "long_stay_visa:", "asylum_registered_on:", "sick_child:",
		"birth_transcription_decision:", "residence_proofs:", "domicile_proof_dated:",
		"refusal_grounds:", "polygamy_declaration:", "procedure:", "filed_on:",
		"certificate_available_on:", "certificate_sent_on:", "registered_mail_number:",
		"doctor:", "ofii_requests:", "documents_ready:", "ofii_address:", "options:",
		"signing_city:", "mail_margin_days:", "fees:", "organisation:", "website:",
	} {
		if !strings.Contains(stdout, key) {
			t.Errorf("the init template does not show %s", key)
		}
	}
}

// TestStdoutTerminal checks that a PDF is never written to a terminal.
func TestStdoutTerminal(t *testing.T) {
	example, err := filepath.Abs(filepath.Join("..", "..", "examples", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	for _, cmd := range []string{"pack", "letter"} {
		a := newApp(nil, nil, nil)
		a.stdoutIsTerminal = true
		code, stdout, stderr := runCLI(t, a, cmd, example, "--date", "2026-11-22", "-o", "-")
		if code != exitFailure {
			t.Errorf("%s -o - to a terminal: exit %d, want %d", cmd, code, exitFailure)
		}
		if stdout != "" {
			t.Errorf("%s -o - to a terminal wrote %d bytes", cmd, len(stdout))
		}
		want := "ofiipack: error: refusing to write a PDF to the terminal\nofiipack: hint: redirect standard output to a file: ofiipack " + cmd + " FILE -o - > out.pdf\n"
		if !strings.HasPrefix(stderr, want) {
			t.Errorf("%s -o - to a terminal: stderr\n%s\nwant prefix\n%s", cmd, stderr, want)
		}
		if entries, _ := os.ReadDir("."); len(entries) != 0 {
			t.Errorf("%s -o - to a terminal left %d files behind", cmd, len(entries))
		}
	}
}

// TestPanicIsInternalError checks that a panic in a command becomes one
// error line and exit 1, with no stack trace.
func TestPanicIsInternalError(t *testing.T) {
	a := newApp(nil, nil, nil)
	a.now = func() time.Time { panic("clock broke") }
	code, _, stderr := runCLI(t, a, "validate", "whatever.yaml")
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if !strings.HasPrefix(stderr, "ofiipack: error: internal error: clock broke\nofiipack: hint: ") || strings.Contains(stderr, "goroutine") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// TestDefaultOutput checks the default PDF names of pack and letter.
func TestDefaultOutput(t *testing.T) {
	for _, tc := range []struct{ file, suffix, want string }{
		{"examples/diallo-general.yaml", "-pack.pdf", "diallo-general-pack.pdf"},
		{"diallo.yml", "-letter.pdf", "diallo-letter.pdf"},
		{"/tmp/dossiers/awa", "-pack.pdf", "awa-pack.pdf"},
		{"awa.v2.yaml", "-pack.pdf", "awa.v2-pack.pdf"},
		{".yaml", "-pack.pdf", ".yaml-pack.pdf"},
	} {
		if got := defaultOutput(tc.file, tc.suffix); got != tc.want {
			t.Errorf("defaultOutput(%q, %q) = %q, want %q", tc.file, tc.suffix, got, tc.want)
		}
	}
}

// TestVersion checks that -ldflags "-X main.version=…" wins.
func TestVersion(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "v9.8.7"
	code, stdout, _ := runCLI(t, newApp(nil, nil, nil), "--version")
	if code != exitOK || stdout != "ofiipack version v9.8.7\n" {
		t.Errorf("--version: exit %d, stdout %q", code, stdout)
	}
}

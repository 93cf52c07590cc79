package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// The run functions are tested here without the command line: each case
// gives a command's options and checks what it wrote, where, and what it
// said. The testscripts check the same commands through the command line.

// testIO is an app in English whose standard output and error are buffers.
func testIO() (*app, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	a := newApp(strings.NewReader(""), &stdout, &stderr)
	a.lang = msg.English
	return a, &stdout, &stderr
}

var runToday = civil.New(2026, 11, 22)

// inFolder copies the examples named to a new current folder, with an
// organisation file asso.yaml and a folder packs.
func inFolder(t *testing.T, examples ...string) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range examples {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	asso := "name: Association Exemple\naddress:\n  - 1 rue de l'Exemple\n  - 75019 Paris\n"
	if err := os.WriteFile(filepath.Join(dir, "asso.yaml"), []byte(asso), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "packs"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
}

// runCase is one run of a command that writes a document: where it
// should land (the file, or "-" for standard output, or "" for nothing),
// what it should say on standard error, and the error it should end with.
type runCase struct {
	name     string
	output   string // -o
	org      string // --org
	terminal bool   // standard output is a terminal
	quiet    bool
	wantFile string // "" nothing written, "-" standard output
	stderr   string // a regular expression
	err      string // the error's English text, "" for none
}

// checkRun runs one case with run and checks its outcome.
func checkRun(t *testing.T, tc runCase, run func(*app) error) {
	t.Helper()
	a, stdout, stderr := testIO()
	a.stdoutIsTerminal, a.quiet = tc.terminal, tc.quiet
	err := run(a)
	if got := errText(err); got != tc.err {
		t.Errorf("error %q, want %q", got, tc.err)
	}
	if !regexp.MustCompile(`^` + tc.stderr + `$`).MatchString(stderr.String()) {
		t.Errorf("stderr %q, want %q", stderr.String(), tc.stderr)
	}
	if got := strings.HasPrefix(stdout.String(), "%PDF-") || strings.HasPrefix(stdout.String(), "BEGIN:VCALENDAR"); got != (tc.wantFile == "-") {
		t.Errorf("standard output %.20q, want a document: %v", stdout.String(), tc.wantFile == "-")
	}
	if stdout.Len() > 0 && tc.wantFile != "-" {
		t.Errorf("standard output %.40q, want nothing", stdout.String())
	}
	if tc.wantFile != "" && tc.wantFile != "-" {
		if _, err := os.Stat(tc.wantFile); err != nil {
			t.Errorf("no %s: %v", tc.wantFile, err)
		}
	}
	written, _ := filepath.Glob("*.[pi][dc][fs]") // .pdf, .ics
	more, _ := filepath.Glob(filepath.Join("packs", "*"))
	if n := len(written) + len(more); n != map[bool]int{true: 1, false: 0}[tc.wantFile != "" && tc.wantFile != "-"] {
		t.Errorf("files written: %v %v", written, more)
	}
}

// errText is err as report would print it first, in English; "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return msg.Localized(err, msg.English)
}

func TestPackRun(t *testing.T) {
	const in = "diallo-general.yaml"
	for _, tc := range []runCase{
		{name: "default name", wantFile: "diallo-general-pack.pdf",
			stderr: `ofiipack: wrote diallo-general-pack\.pdf \(\d+ pages\)\n`},
		{name: "quiet", quiet: true, wantFile: "diallo-general-pack.pdf"},
		{name: "a file named", output: "out.pdf", wantFile: "out.pdf", stderr: `ofiipack: wrote out\.pdf .*\n`},
		{name: "an existing folder", output: "packs", wantFile: filepath.Join("packs", "diallo-general-pack.pdf"),
			stderr: `ofiipack: wrote packs.diallo-general-pack\.pdf .*\n`},
		{name: "a folder that does not exist", output: "nodir/", err: "cannot write nodir" + string(filepath.Separator) + ": no such folder"},
		{name: "standard output", output: "-", wantFile: "-"},
		{name: "standard output, a terminal", output: "-", terminal: true, err: "refusing to write a PDF to the terminal"},
		{name: "over the input", output: in, err: "refusing to write over the input file " + in},
		{name: "over the --org file", output: "asso.yaml", org: "asso.yaml", err: "refusing to write over the input file asso.yaml"},
		{name: "with --org", org: "asso.yaml", wantFile: "diallo-general-pack.pdf", stderr: `ofiipack: wrote .*\n`},
		{name: "a missing --org file", org: "none.yaml", err: "cannot read none.yaml: no such file or folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inFolder(t, in)
			checkRun(t, tc, func(a *app) error {
				return packRun(t.Context(), &PackOptions{IO: a, File: in, Output: tc.output, Org: tc.org, Today: runToday})
			})
		})
	}
}

func TestLetterRun(t *testing.T) {
	const in = "diallo-general.yaml"
	for _, tc := range []runCase{
		{name: "default name", wantFile: "diallo-general-letter.pdf",
			stderr: `ofiipack: wrote diallo-general-letter\.pdf \(1 page\)\n`},
		{name: "an existing folder", output: "packs", wantFile: filepath.Join("packs", "diallo-general-letter.pdf"), stderr: `.+\n`},
		{name: "standard output", output: "-", wantFile: "-"},
		{name: "standard output, a terminal", output: "-", terminal: true, err: "refusing to write a PDF to the terminal"},
		{name: "over the input", output: in, err: "refusing to write over the input file " + in},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inFolder(t, in)
			checkRun(t, tc, func(a *app) error {
				return letterRun(t.Context(), &LetterOptions{IO: a, File: in, Output: tc.output, Today: runToday})
			})
		})
	}
}

func TestCalendarRun(t *testing.T) {
	const in = "diallo-general.yaml"
	for _, tc := range []runCase{
		{name: "default name", wantFile: "diallo-general.ics",
			stderr: `ofiipack: wrote diallo-general\.ics \(\d+ events\)\n`},
		{name: "standard output", output: "-", wantFile: "-"},
		{name: "standard output, a terminal", output: "-", terminal: true, wantFile: "-"}, // text, not a PDF
		{name: "over the input", output: in, err: "refusing to write over the input file " + in},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inFolder(t, in)
			checkRun(t, tc, func(a *app) error {
				return calendarRun(t.Context(), &CalendarOptions{IO: a, File: in, Output: tc.output, Today: runToday})
			})
		})
	}
}

func TestPlanRun(t *testing.T) {
	inFolder(t, "diallo-general.yaml", "minimal.yaml")
	for _, tc := range []struct {
		file, format, stdout, err string
	}{
		{"diallo-general.yaml", "text", "(?s)^Votre plan au 22\u00a0novembre\u00a02026\n.*\n$", ""},
		{"diallo-general.yaml", "json", "(?s)^{\n  \"format\": .*}\n$", ""},
		{"none.yaml", "text", "^$", "cannot read none.yaml: no such file or folder"},
	} {
		a, stdout, _ := testIO()
		err := planRun(t.Context(), &PlanOptions{IO: a, File: tc.file, Format: tc.format, Today: runToday})
		if got := errText(err); got != tc.err {
			t.Errorf("%s %s: error %q, want %q", tc.file, tc.format, got, tc.err)
		}
		if !regexp.MustCompile(tc.stdout).MatchString(stdout.String()) {
			t.Errorf("%s %s: stdout %.80q, want %q", tc.file, tc.format, stdout.String(), tc.stdout)
		}
	}
}

func TestValidateRun(t *testing.T) {
	inFolder(t, "diallo-general.yaml", "minimal.yaml")
	if err := os.WriteFile("bad.yaml", []byte("format: ofiipack/v1\napplicant:\n  famly_name: X\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		files          []string
		stdout, stderr string // regular expressions
		invalid        bool
	}{
		{[]string{"minimal.yaml"}, "minimal.yaml: ok\n", "", false},
		{[]string{"minimal.yaml", "diallo-general.yaml"}, "minimal.yaml: ok\ndiallo-general.yaml: ok\n", "", false},
		{[]string{"bad.yaml"}, "", "(?s)ofiipack: error: bad.yaml:.*", true},
		{[]string{"bad.yaml", "minimal.yaml", "none.yaml"}, "minimal.yaml: ok\n",
			"(?s)ofiipack: error: bad.yaml:.*none.yaml.*ofiipack: 2 of 3 files have problems\n", true},
	} {
		a, stdout, stderr := testIO()
		err := validateRun(t.Context(), &ValidateOptions{IO: a, Files: tc.files, Today: runToday})
		if got := errors.As(err, &reportedError{}); got != tc.invalid || (err != nil && !got) {
			t.Errorf("%v: error %v, want invalid: %v", tc.files, err, tc.invalid)
		}
		if !regexp.MustCompile("^" + tc.stdout + "$").MatchString(stdout.String()) {
			t.Errorf("%v: stdout %q, want %q", tc.files, stdout.String(), tc.stdout)
		}
		if !regexp.MustCompile("^" + tc.stderr + "$").MatchString(stderr.String()) {
			t.Errorf("%v: stderr %q, want %q", tc.files, stderr.String(), tc.stderr)
		}
	}
}

// A command interrupted before it writes leaves nothing: no file, nothing
// on standard output, and an interruption (status 130).
func TestRunInterrupted(t *testing.T) {
	const in = "diallo-general.yaml"
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for _, tc := range []struct {
		name string
		run  func(a *app) error
	}{
		{"pack", func(a *app) error { return packRun(ctx, &PackOptions{IO: a, File: in, Today: runToday}) }},
		{"pack -o -", func(a *app) error { return packRun(ctx, &PackOptions{IO: a, File: in, Output: "-", Today: runToday}) }},
		{"letter", func(a *app) error { return letterRun(ctx, &LetterOptions{IO: a, File: in, Today: runToday}) }},
		{"calendar -o -", func(a *app) error {
			return calendarRun(ctx, &CalendarOptions{IO: a, File: in, Output: "-", Today: runToday})
		}},
		{"plan", func(a *app) error {
			return planRun(ctx, &PlanOptions{IO: a, File: in, Format: "text", Today: runToday})
		}},
		{"validate", func(a *app) error {
			return validateRun(ctx, &ValidateOptions{IO: a, Files: []string{in}, Today: runToday})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inFolder(t, in)
			a, stdout, _ := testIO()
			err := tc.run(a)
			if !errors.As(err, &interruptedError{}) {
				t.Errorf("error %v, want an interruption", err)
			}
			if stdout.Len() > 0 {
				t.Errorf("wrote %d bytes on standard output", stdout.Len())
			}
			if ents, _ := os.ReadDir("."); len(ents) != 3 {
				t.Errorf("the folder holds %d entries, want the 3 it had", len(ents))
			}
		})
	}
}

// The constructors turn the command line into options: each case parses
// one command line with a run function that keeps the options.
func TestCommandOptions(t *testing.T) {
	a, _, _ := testIO()
	a.now = func() time.Time { return time.Date(2026, 12, 7, 23, 30, 0, 0, time.UTC) } // the 8th in Paris
	paris := civil.New(2026, 12, 8)
	var got any
	keep := func(opts any) error { got = opts; return nil }
	for _, tc := range []struct {
		cmd  *cobra.Command
		args string
		want any
	}{
		{newCmdPack(a, func(o *PackOptions) error { return keep(*o) }), "a.yaml",
			PackOptions{IO: a, File: "a.yaml", Today: paris}},
		{newCmdPack(a, func(o *PackOptions) error { return keep(*o) }), "-o packs --org asso.yaml --date 2026-01-02 a.yaml",
			PackOptions{IO: a, File: "a.yaml", Output: "packs", Org: "asso.yaml", Today: civil.New(2026, 1, 2)}},
		{newCmdLetter(a, func(o *LetterOptions) error { return keep(*o) }), "a.yaml -o -",
			LetterOptions{IO: a, File: "a.yaml", Output: "-", Today: paris}},
		{newCmdPlan(a, func(o *PlanOptions) error { return keep(*o) }), "a.yaml",
			PlanOptions{IO: a, File: "a.yaml", Format: "text", Today: paris}},
		{newCmdPlan(a, func(o *PlanOptions) error { return keep(*o) }), "--format json a.yaml",
			PlanOptions{IO: a, File: "a.yaml", Format: "json", Today: paris}},
		{newCmdCalendar(a, func(o *CalendarOptions) error { return keep(*o) }), "a.yaml -o x.ics",
			CalendarOptions{IO: a, File: "a.yaml", Output: "x.ics", Today: paris}},
		{newCmdValidate(a, func(o *ValidateOptions) error { return keep(*o) }), "a.yaml b.yaml",
			ValidateOptions{IO: a, Files: []string{"a.yaml", "b.yaml"}, Today: paris}},
		{newCmdInit(a, func(o *InitOptions) error { return keep(*o) }), "",
			InitOptions{IO: a}},
		{newCmdInit(a, func(o *InitOptions) error { return keep(*o) }), "--csv --csv-comma -f -o -",
			InitOptions{IO: a, CSV: true, Comma: true, Force: true, Output: "-"}},
		{newCmdBatch(a, func(o *BatchOptions) error { return keep(*o) }), "a.csv b.xlsx -o packs -j 3 --org asso.yaml",
			BatchOptions{IO: a, Inputs: []string{"a.csv", "b.xlsx"}, Output: "packs", Jobs: 3, Org: "asso.yaml", Today: paris}},
		{newCmdServe(a, func(o *ServeOptions) error { return keep(served(*o)) }), "",
			served(ServeOptions{IO: a, Addr: "127.0.0.1:0", Today: func() civil.Date { return paris }})},
		{newCmdServe(a, func(o *ServeOptions) error { return keep(served(*o)) }), "--addr [::1]:8080 --no-open --date 2026-01-02",
			served(ServeOptions{IO: a, Addr: "[::1]:8080", NoOpen: true, Today: func() civil.Date { return civil.New(2026, 1, 2) }})},
	} {
		got = nil
		tc.cmd.SetArgs(strings.Fields(tc.args))
		if err := tc.cmd.Execute(); err != nil {
			t.Errorf("%s %s: %v", tc.cmd.Name(), tc.args, err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %s: options %+v, want %+v", tc.cmd.Name(), tc.args, got, tc.want)
		}
	}
}

func TestInitRun(t *testing.T) {
	for _, tc := range []struct {
		name     string
		opts     InitOptions
		terminal bool
		exists   string // a file there before
		wantFile string // "-": standard output
		stdout   string // its start
		err      string
	}{
		{name: "applicant file", wantFile: "applicant.yaml"},
		{name: "named", opts: InitOptions{Output: "aminata.yaml"}, wantFile: "aminata.yaml"},
		{name: "standard output", opts: InitOptions{Output: "-"}, wantFile: "-", stdout: "#"},
		{name: "exists", exists: "applicant.yaml", err: "applicant.yaml already exists"},
		{name: "exists, forced", opts: InitOptions{Force: true}, exists: "applicant.yaml", wantFile: "applicant.yaml"},
		{name: "csv", opts: InitOptions{CSV: true}, wantFile: "caseload.csv"},
		{name: "csv with commas", opts: InitOptions{CSV: true, Comma: true, Output: "-"}, wantFile: "-", stdout: "Format,Civilité,"},
		{name: "xlsx", opts: InitOptions{XLSX: true}, wantFile: "caseload.xlsx"},
		{name: "xlsx to a pipe", opts: InitOptions{XLSX: true, Output: "-"}, wantFile: "-", stdout: "PK"},
		{name: "xlsx to a terminal", opts: InitOptions{XLSX: true, Output: "-"}, terminal: true, err: "refusing to write a workbook to the terminal"},
		{name: "csv and xlsx", opts: InitOptions{CSV: true, XLSX: true}, err: "--csv and --xlsx cannot be used together"},
		{name: "comma without csv", opts: InitOptions{Comma: true}, err: "--csv-comma applies to --csv only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tc.exists != "" {
				if err := os.WriteFile(tc.exists, []byte("mine"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			a, stdout, _ := testIO()
			a.stdoutIsTerminal = tc.terminal
			opts := tc.opts
			opts.IO = a
			if got := errText(initRun(t.Context(), &opts)); got != tc.err {
				t.Errorf("error %q, want %q", got, tc.err)
			}
			if tc.wantFile == "-" != (stdout.Len() > 0) || !strings.HasPrefix(stdout.String(), tc.stdout) {
				t.Errorf("standard output %.20q, want %q…", stdout.String(), tc.stdout)
			}
			ents, _ := os.ReadDir(".")
			want := map[bool]int{true: 1, false: 0}[tc.wantFile != "" && tc.wantFile != "-" || tc.exists != ""]
			if len(ents) != want || want == 1 && ents[0].Name() != cmp.Or(tc.exists, tc.wantFile) {
				t.Errorf("folder holds %v, want %q", ents, cmp.Or(tc.exists, tc.wantFile))
			}
			if data, _ := os.ReadFile(tc.exists); tc.exists != "" && (string(data) == "mine") == tc.opts.Force {
				t.Errorf("%s holds %.20q after init, forced: %v", tc.exists, data, tc.opts.Force)
			}
		})
	}
}

func TestBatchRun(t *testing.T) {
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	for _, tc := range []struct {
		name    string
		ctx     context.Context
		opts    BatchOptions
		written int
		err     string
	}{
		{name: "two files", opts: BatchOptions{Output: "packs"}, written: 2},
		{name: "no output", err: "missing -o DIR: 'ofiipack batch' needs the folder to write the packs into"},
		{name: "jobs below", opts: BatchOptions{Output: "packs", Jobs: -1}, err: "--jobs -1: expected a number of workers from 1 to 256 (0: one per processor)"},
		{name: "jobs above", opts: BatchOptions{Output: "packs", Jobs: maxJobs + 1}, err: "--jobs 257: expected a number of workers from 1 to 256 (0: one per processor)"},
		{name: "with --org", opts: BatchOptions{Output: "packs", Org: "asso.yaml"}, written: 2},
		{name: "interrupted", ctx: cancelled, opts: BatchOptions{Output: "packs"}, err: "interrupted: 0 packs written in packs before the interrupt, no summary written"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inFolder(t, "diallo-general.yaml", "minimal.yaml")
			a, _, stderr := testIO()
			opts := tc.opts
			opts.IO, opts.Inputs, opts.Today = a, []string{"diallo-general.yaml", "minimal.yaml"}, runToday
			err := batchRun(cmp.Or(tc.ctx, t.Context()), &opts)
			if got := errText(err); got != tc.err {
				t.Errorf("error %q, want %q", got, tc.err)
			}
			packs, _ := filepath.Glob(filepath.Join("packs", "*-*.pdf")) // not caseload.pdf
			if len(packs) != tc.written {
				t.Errorf("wrote %v, want %d packs", packs, tc.written)
			}
			if tc.written > 0 && !strings.HasSuffix(stderr.String(), "ofiipack: 2 packs written, 0 failed, in packs\n") {
				t.Errorf("stderr %q", stderr.String())
			}
		})
	}
}

func TestServeRunAddress(t *testing.T) {
	for _, tc := range []struct{ addr, err string }{
		{"0.0.0.0:8080", "refusing to listen on 0.0.0.0:8080: the form holds personal data and answers only on this computer, expected a loopback address such as 127.0.0.1:8080"},
		{"127.0.0.2:8080", "found 127.0.0.2:8080 for --addr, expected the host 127.0.0.1, ::1 or localhost: the form answers only to these names (against DNS rebinding)"},
		{"localhost", `found the address "localhost" for --addr, expected HOST:PORT, such as 127.0.0.1:8080`},
		{"127.0.0.1:99999", `found the address "127.0.0.1:99999" for --addr, expected HOST:PORT, such as 127.0.0.1:8080`},
	} {
		a, stdout, _ := testIO()
		err := serveRun(t.Context(), &ServeOptions{IO: a, Addr: tc.addr, NoOpen: true, Today: func() civil.Date { return runToday }})
		if got := errText(err); got != tc.err || !errors.As(err, &usageError{}) {
			t.Errorf("--addr %s: error %q, want the usage error %q", tc.addr, got, tc.err)
		}
		if stdout.Len() > 0 {
			t.Errorf("--addr %s: printed %q", tc.addr, stdout.String())
		}
	}
}

// A form started once Ctrl-C came prints its address and stops at once,
// with status 0.
func TestServeRunStops(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	a, stdout, stderr := testIO()
	err := serveRun(ctx, &ServeOptions{IO: a, Addr: "127.0.0.1:0", NoOpen: true, Today: func() civil.Date { return runToday }})
	if err != nil || !strings.HasPrefix(stdout.String(), "ofiipack: open http://127.0.0.1:") || stderr.String() != "ofiipack: form stopped\n" {
		t.Errorf("error %v, stdout %q, stderr %q", err, stdout.String(), stderr.String())
	}
}

func TestHelpRun(t *testing.T) {
	for _, tc := range []struct {
		topic, stdout, err string
		hints              []string
	}{
		{"", "ofiipack turns", "", nil},
		{"pack", "Write the whole pack", "", nil},
		{"completion bash", "Generate the autocompletion script for the bash shell", "", nil},
		{"pakc", "", "unknown help topic \"pakc\"", []string{"did you mean 'ofiipack help pack'?", "run 'ofiipack --help' to see the commands"}},
	} {
		a, stdout, _ := testIO()
		root := newCmdRoot(a)
		err := helpRun(t.Context(), &HelpOptions{Root: root, Topic: strings.Fields(tc.topic)})
		if got := errText(err); got != tc.err {
			t.Errorf("help %s: error %q, want %q", tc.topic, got, tc.err)
		}
		var u usageError
		errors.As(err, &u)
		if fmt.Sprint(u.hints) != fmt.Sprint(tc.hints) {
			t.Errorf("help %s: hints %q, want %q", tc.topic, u.hints, tc.hints)
		}
		if !strings.HasPrefix(stdout.String(), tc.stdout) || (tc.stdout == "") != (stdout.Len() == 0) {
			t.Errorf("help %s: stdout %.60q, want %q…", tc.topic, stdout.String(), tc.stdout)
		}
	}
}

// served is a ServeOptions that reflect.DeepEqual can compare: its Today
// replaced by the day it gives.
func served(o ServeOptions) any {
	day := o.Today()
	o.Today = nil
	return struct {
		ServeOptions
		Day civil.Date
	}{o, day}
}

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/input"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// dateFlag is --date: the run's "today". Unset, it is the current date in
// Europe/Paris. A value that is not a date is a usage error (exit 2).
type dateFlag struct {
	date civil.Date
	set  bool
}

func (f *dateFlag) String() string {
	if !f.set {
		return ""
	}
	return f.date.String()
}

func (f *dateFlag) Set(s string) error {
	d, err := civil.Parse(s)
	if err != nil {
		if strings.Contains(err.Error(), "not a day of the calendar") {
			return msg.Wrap(err, "cli.flag.not_a_day")
		}
		return msg.Wrap(err, "cli.flag.not_a_date")
	}
	if !plan.TodayInRange(d) {
		return msg.Errorf("cli.flag.date_range", plan.FirstToday, plan.LastToday)
	}
	f.date, f.set = d, true
	return nil
}

func (f *dateFlag) Type() string { return "date" }

// today returns the date given with --date, or the current date in
// Europe/Paris, the procedure's time zone.
func (f *dateFlag) today(a *app) civil.Date {
	if f.set {
		return f.date
	}
	return civil.Today(a.now())
}

func (a *app) addDateFlag(fs *pflag.FlagSet, f *dateFlag) {
	fs.Var(f, "date", a.t("help.flag.date"))
}

// choiceFlag is a flag with a fixed set of values (--format text|json).
type choiceFlag struct {
	value   string
	choices []string
}

func (f *choiceFlag) String() string { return f.value }

func (f *choiceFlag) Set(s string) error {
	for _, c := range f.choices {
		if s == c {
			f.value = s
			return nil
		}
	}
	choices := make(msg.Or, len(f.choices))
	for i, c := range f.choices {
		choices[i] = c
	}
	return msg.Errorf("cli.flag.not_a_choice", choices)
}

func (f *choiceFlag) Type() string { return strings.Join(f.choices, "|") }

// oneFile checks that a command got exactly one FILE argument.
func oneFile(cmd *cobra.Command, args []string) error {
	switch len(args) {
	case 1:
		return nil
	case 0:
		return usage("cli.missing_file", cmd.CommandPath())
	default:
		err := usage("cli.one_file", cmd.CommandPath(), len(args))
		if c, _, ferr := cmd.Root().Find([]string{"batch"}); ferr == nil && c.Name() == "batch" {
			err.hints = append(err.hints, hint("cli.use_batch"))
		}
		return err
	}
}

// readFile reads a file the user named, with an error that names it once.
// It reads a regular file, or a named pipe (bash's <(…), /dev/stdin), of
// at most applicant.MaxFileSize bytes: what names the kind of file
// expected, for the message past that size. A device or a socket is
// refused unopened. Ctrl-C or SIGTERM (ctx cancelled) while it reads ends
// the command as interrupted (status 130), never with what was read so
// far: the program writing into the pipe, stopped by the same Ctrl-C,
// closes it first, and its empty end read as « le fichier est vide ».
func readFile(ctx context.Context, name string, what msg.Text) ([]byte, error) {
	type read struct {
		data []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		var r read
		// A goroutine of its own: the command's recover (execute) does
		// not see a panic here.
		r.err = safely(func() (err error) {
			r.data, err = readFileOnce(name, what)
			return err
		})
		done <- r
	}()
	select {
	case <-ctx.Done():
		return nil, interrupted()
	case r := <-done:
		if fi, err := os.Stat(name); (r.err != nil || len(bytes.TrimSpace(r.data)) == 0) && err == nil && !fi.Mode().IsRegular() {
			// A stream that ended empty or failed: the signal that
			// closed it may not have reached this process yet.
			select {
			case <-ctx.Done():
				return nil, interrupted()
			case <-time.After(200 * time.Millisecond):
			}
		}
		return r.data, r.err
	}
}

func readFileOnce(name string, what msg.Text) ([]byte, error) {
	data, err := input.ReadFile(name, applicant.MaxFileSize, true, what)
	if err != nil {
		var me *msg.Error
		if errors.As(err, &me) && (errors.Is(err, input.ErrNotRegular) || errors.Is(err, input.ErrTooLarge)) {
			return nil, msg.Wrap(err, "cli.cannot_read", name, me.Text).WithHint(me.Hint)
		}
		err = unwrapPathError(err)
		if fi, serr := os.Stat(name); serr == nil && fi.IsDir() {
			err = syscall.EISDIR // Windows says "Incorrect function" for a folder
		}
		if errors.Is(err, syscall.EISDIR) {
			return nil, withHints(failure("cli.is_folder", name), hint("cli.is_folder_hint", filepath.Join(name, "*.yaml")))
		}
		return nil, msg.Wrap(err, "cli.cannot_read", name, msg.OS(err))
	}
	return data, nil
}

// unwrapPathError drops the *fs.PathError wrapper, whose message repeats
// the file name the caller already prints.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readApplicantFile is readFile with a hint for a file that does not exist.
func readApplicantFile(ctx context.Context, name string) ([]byte, error) {
	data, err := readFile(ctx, name, msg.New("read.what.applicant"))
	if errors.Is(err, fs.ErrNotExist) {
		err = withHints(err, hint("cli.no_such_file_hint"))
	}
	return data, err
}

// loadApplicant reads and validates an applicant file. Its problems come
// back as a problemsError, printed by app.report with a hint to validate.
func (a *app) loadApplicant(ctx context.Context, name string, today civil.Date) (*applicant.File, error) {
	data, err := readApplicantFile(ctx, name)
	if err != nil {
		return nil, err
	}
	f, err := applicant.Load(name, data, today)
	if err != nil {
		var ps applicant.Problems
		if errors.As(err, &ps) && len(ps) > 0 {
			return nil, problemsError{file: name, problems: ps}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// loadPlan reads and validates an applicant file and computes its plan for
// today: the first step of every command that prints something about one
// applicant.
func (a *app) loadPlan(ctx context.Context, name string, today civil.Date) (*applicant.File, *plan.Plan, error) {
	f, err := a.loadApplicant(ctx, name, today)
	if err != nil {
		return nil, nil, err
	}
	a.printWarnings(f.Warnings)
	p, err := plan.Compute(f, today)
	if err != nil {
		return nil, nil, err
	}
	return f, p, nil
}

// loadOrganisation reads the --org file.
func loadOrganisation(ctx context.Context, name string) (*applicant.Organisation, error) {
	data, err := readFile(ctx, name, msg.New("read.what.organisation"))
	if err != nil {
		return nil, err
	}
	org, err := applicant.LoadOrganisation(name, data)
	if err != nil {
		var ps applicant.Problems
		if errors.As(err, &ps) && len(ps) > 0 {
			return nil, problemsError{file: name, problems: ps}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return org, nil
}

// defaultOutput is FILE's base name, extension dropped, with suffix, in the
// current folder: examples/diallo-general.yaml -> diallo-general-pack.pdf.
func defaultOutput(file, suffix string) string {
	return hostPaths.defaultOutput(file, suffix)
}

// outputPath resolves -o for a command that writes a file for input: the
// default name (see defaultOutput) when out is empty, that name inside out
// when out is an existing folder, "-" for standard output. It refuses a
// path that is one of the inputs: 'ofiipack pack a.yaml -o a.yaml' must not
// replace the applicant file with a PDF (nor calendar with a .ics).
func outputPath(out, input, suffix string, otherInputs ...string) (string, error) {
	def := defaultOutput(input, suffix)
	switch {
	case out == "-":
		return out, nil
	case out == "":
		out = def
	default:
		out = filepath.FromSlash(out) // on Windows "packs/" is a folder as "packs\" is
		fi, err := os.Stat(out)
		switch {
		case err == nil && fi.IsDir():
			out = filepath.Join(out, def)
		case err != nil && strings.HasSuffix(out, string(filepath.Separator)):
			return "", failure("cli.no_such_folder", out)
		}
	}
	for _, in := range append([]string{input}, otherInputs...) {
		if in != "" && atomicfile.SameFile(out, in) {
			return "", withHints(failure("cli.over_input", in), hint("cli.over_input_hint", shellQuote(def)))
		}
	}
	return out, nil
}

// writePDF writes what render produces to path, or to standard output when
// path is "-" (see writeStdout). A file is written atomically with mode
// 0600 (see writeFile): when render fails, nothing is left behind.
func (a *app) writePDF(ctx context.Context, path, cmdName string, render func(io.Writer) (pages int, err error)) error {
	pages := 0
	write := func(w io.Writer) (err error) {
		pages, err = render(w)
		return err
	}
	if path == "-" {
		if a.stdoutIsTerminal {
			return withHints(failure("cli.pdf_to_terminal"), hint("cli.pdf_to_terminal_hint", cmdName), hint("cli.pdf_to_terminal_hint2"))
		}
		return a.writeStdout(ctx, write)
	}
	if err := writeFile(ctx, path, write); err != nil {
		return err
	}
	a.info("cli.wrote_pdf", path, pages)
	return nil
}

// writeStdout writes what write produces to standard output at once, once
// it is whole: nothing at all when write fails (a panic turned into an
// internalError) or when Ctrl-C or SIGTERM came meanwhile.
func (a *app) writeStdout(ctx context.Context, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := safely(func() error { return write(&buf) }); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return interrupted()
	}
	_, err := a.stdout.Write(buf.Bytes())
	return err
}

// writeFile writes path atomically with what write produces, a panic turned
// into an internalError. An interrupt (Ctrl-C) or SIGTERM meanwhile cancels
// ctx: the document being written stops at its next write or, once drawn,
// is not renamed into place; its temporary file is removed and the command
// ends with status 130. The target is then either complete or untouched,
// and no temporary file is left behind.
func writeFile(ctx context.Context, path string, write func(io.Writer) error) error {
	err := atomicfile.Write(path, func(w io.Writer) error {
		if err := safely(func() error { return write(atomicfile.CancelWriter(ctx, w)) }); err != nil {
			return err
		}
		return ctx.Err() // drawn, but interrupted: not renamed
	})
	if ctx.Err() != nil {
		return interrupted()
	}
	return err
}

// safely runs fn and turns a panic into an internalError, so that the
// caller's cleanup (removing a temporary file) still runs.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = internalError{r}
		}
	}()
	return fn()
}

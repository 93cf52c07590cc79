package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// app is what every command needs from the outside world: the standard
// streams, whether they are terminals, the clock, the user's language, and
// the root's one flag, --quiet. It is the IO of every command's options
// (PackOptions.IO…); nothing is kept in package variables, so the tests
// can run many command lines in one process.
type app struct {
	stdin            io.Reader
	stdout           io.Writer
	stderr           io.Writer
	stdoutIsTerminal bool // refuse to write a PDF there
	stderrIsTerminal bool // a person is watching: show progress
	now              func() time.Time
	lang             msg.Lang // the language of messages and help (the locale)
	quiet            bool     // --quiet: only errors
	// noHelp is set for a command line that cannot print any help (see
	// printsHelp): the commands' help texts are then left empty, so that a
	// letter does not read and word the help of every command.
	noHelp bool
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{
		stdin:            stdin,
		stdout:           stdout,
		stderr:           stderr,
		stdoutIsTerminal: isTerminal(stdout),
		stderrIsTerminal: isTerminal(stderr),
		now:              time.Now,
		lang:             msg.FromEnv(os.Getenv),
	}
}

// t renders a message of the catalog in the user's language. The help
// texts (help.*) are empty for a command line that prints no help.
func (a *app) t(key string, args ...any) string {
	if a.noHelp && strings.HasPrefix(key, "help.") {
		return ""
	}
	return msg.New(key, args...).In(a.lang)
}

// printsHelp reports whether a command line may print help or usage, or
// complete a shell word: no argument, the help or completion command, or
// -h or --help anywhere (a cluster of short flags with an h counts). It
// errs towards yes: a file named "help" costs the reading of the help.
// Otherwise the commands print no help (errors give hints, not usage), so
// the help texts are not read: they were most of the catalog a letter
// parsed.
func printsHelp(args []string) bool {
	if len(args) == 0 {
		return true
	}
	for _, arg := range args {
		switch {
		case arg == "help", arg == "completion", strings.HasPrefix(arg, "__complete"),
			arg == "--help", strings.HasPrefix(arg, "--help="):
			return true
		case len(arg) > 1 && arg[0] == '-' && arg[1] != '-' && strings.ContainsRune(arg, 'h'):
			return true
		}
	}
	return false
}

// execute runs one command line in ctx and returns the exit status. It is
// the one place that prints errors.
func (a *app) execute(ctx context.Context, args []string) (code int) {
	collectLess()
	defer func() {
		if r := recover(); r != nil {
			code = a.report(nil, internalError{r})
		}
	}()
	a.noHelp = !printsHelp(args)
	root := newCmdRoot(a)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return 0
	}
	return a.report(cmd, err)
}

// Exit statuses (SPEC §4).
const (
	exitOK      = 0
	exitFailure = 1 // invalid input or failure
	exitUsage   = 2 // the command line itself is wrong

	exitInterrupted = 130 // Ctrl-C or SIGTERM while writing a file, as shells report SIGINT
)

// usageError is a mistake in the command line: unknown command or flag,
// wrong number of arguments, bad flag value. Exit status 2.
type usageError struct {
	text       msg.Text
	hints      []msg.Text
	noHelpHint bool // the hints already say where to look
}

func (e usageError) Error() string { return e.text.String() }

// usage is a usage error worded by a message of the catalog.
func usage(key string, args ...any) usageError { return usageError{text: msg.New(key, args...)} }

// hintError is an error with lines that tell the user what to type or change.
type hintError struct {
	err   error
	hints []msg.Text
}

func (e hintError) Error() string { return e.err.Error() }
func (e hintError) Unwrap() error { return e.err }

func withHints(err error, hints ...msg.Text) error { return hintError{err, hints} }

// failure is an error worded by a message of the catalog.
func failure(key string, args ...any) error { return msg.Errorf(key, args...) }

// hint is a hint worded by a message of the catalog.
func hint(key string, args ...any) msg.Text { return msg.New(key, args...) }

// reportedError means the problems were already printed (validate prints
// each file's problems as it goes); only the exit status remains.
type reportedError struct{}

func (reportedError) Error() string { return "invalid input" }

// problemsError is a file that did not load, with the command that tried,
// so the hint can name validate.
type problemsError struct {
	file     string
	problems applicant.Problems
}

func (e problemsError) Error() string { return e.problems.Error() }
func (e problemsError) Unwrap() error { return e.problems }

// interruptedError is a command stopped by Ctrl-C or SIGTERM after it
// cleaned up: exit status 130, as shells report SIGINT.
type interruptedError struct{ err error }

func (e interruptedError) Error() string { return e.err.Error() }
func (e interruptedError) Unwrap() error { return e.err }

// interrupted is the error of a command that stopped at Ctrl-C or SIGTERM.
func interrupted() error { return interruptedError{failure("cli.interrupted")} }

// internalError is a panic turned into an error: a bug in ofiipack, never
// the user's fault. No stack trace is printed (it could hold personal data
// and helps no user); the message asks for a report.
type internalError struct{ value any }

func (e internalError) Error() string { return msg.New("cli.internal", fmt.Sprint(e.value)).String() }

// maxProblemsShown is how many problems pack, letter and plan print before
// pointing to validate, which prints them all.
const maxProblemsShown = 5

// report prints err for a person and returns the exit status.
func (a *app) report(cmd *cobra.Command, err error) int {
	var (
		usage    usageError
		hinted   hintError
		probs    problemsError
		internal internalError
	)
	switch {
	case errors.As(err, &usage):
		a.errorf("%s", lowerFirst(usage.text.In(a.lang)))
		for _, h := range usage.hints {
			a.hintf("%s", h.In(a.lang))
		}
		if !usage.noHelpHint {
			a.hintf("%s", a.t("cli.run_help", commandPath(cmd)))
		}
		return exitUsage
	case strings.HasPrefix(err.Error(), "unknown command "):
		// cobra's own error for 'ofiipack nosuchcommand': unknown command "x" for "ofiipack"
		fields := strings.Fields(err.Error())
		typed, parent := "", "ofiipack"
		if len(fields) > 2 {
			typed = strings.Trim(fields[2], `"`)
		}
		if len(fields) > 4 {
			parent = strings.Trim(strings.Join(fields[4:], " "), `"`)
		}
		a.errorf("%s", a.t("cli.unknown_command", typed, parent))
		if cmd != nil && typed != "" {
			for _, s := range cmd.SuggestionsFor(typed) {
				a.hintf("%s", a.t("cli.did_you_mean_command", s))
			}
		}
		a.hintf("%s", a.t("cli.see_commands"))
		return exitUsage
	case errors.As(err, &reportedError{}):
		return exitFailure
	case errors.As(err, &interruptedError{}):
		a.report(cmd, errors.Unwrap(err))
		return exitInterrupted
	case errors.As(err, &probs):
		a.printProblems(probs.problems, maxProblemsShown)
		if n := problemCount(probs.problems); n > maxProblemsShown {
			a.hintf("%s", a.t("cli.more_problems", n-maxProblemsShown))
		}
		a.hintf("%s", a.t("cli.validate_all", shellQuote(probs.file)))
		return exitFailure
	case errors.As(err, &internal):
		a.errorf("%s", a.t("cli.internal", fmt.Sprint(internal.value)))
		a.hintf("%s", a.t("cli.internal_hint"))
		return exitFailure
	case errors.As(err, &hinted):
		a.errorf("%s", lowerFirst(msg.Localized(hinted.err, a.lang)))
		for _, h := range hinted.hints {
			a.hintf("%s", h.In(a.lang))
		}
		return exitFailure
	default:
		a.errorf("%s", lowerFirst(msg.Localized(err, a.lang)))
		var me *msg.Error
		if errors.As(err, &me) && !me.Hint.IsZero() {
			a.hintf("%s", me.Hint.In(a.lang))
		}
		return exitFailure
	}
}

// problemCount is the number of problems of a file: the loader lists the
// first applicant.MaxProblems and then one that counts the others.
func problemCount(ps applicant.Problems) int {
	n := len(ps)
	if n > 0 && ps[n-1].Message.Key == "more_problems" && len(ps[n-1].Message.Args) == 1 {
		if more, ok := ps[n-1].Message.Args[0].(int); ok {
			return n - 1 + more
		}
	}
	return n
}

// printProblems prints up to max problems (all when max <= 0), each with its
// hint.
func (a *app) printProblems(ps applicant.Problems, max int) {
	for i, p := range ps {
		if max > 0 && i == max {
			break
		}
		a.errorf("%s", p.In(a.lang))
		if !p.Hint.IsZero() {
			a.hintf("%s", p.Hint.In(a.lang))
		}
	}
}

// printWarnings prints what a file holds that ofiipack read but the user
// may not mean (a comment after a value), each with its hint. Warnings
// do not change the exit status; --quiet does not hide them.
func (a *app) printWarnings(ws applicant.Problems) {
	for _, w := range ws {
		a.warnf("%s", w.In(a.lang))
		if !w.Hint.IsZero() {
			a.hintf("%s", w.Hint.In(a.lang))
		}
	}
}

func (a *app) warnf(format string, args ...any) {
	a.say("warning: ", format, args...)
}

func (a *app) errorf(format string, args ...any) {
	a.say("error: ", format, args...)
}

func (a *app) hintf(format string, args ...any) {
	a.say("hint: ", format, args...)
}

// say prints one line on stderr, "ofiipack: " and kind first. What the
// line quotes of the input (a file name, a key) is printed with its
// control characters escaped (msg.Printable): nothing read can move the
// terminal's cursor or rewrite a line.
func (a *app) say(kind, format string, args ...any) {
	fmt.Fprintf(a.stderr, "ofiipack: %s%s\n", kind, msg.Printable(fmt.Sprintf(format, args...)))
}

// info says on stderr what a command did ("ofiipack: wrote a.pdf (7
// pages)"): a volunteer who double-clicked nothing needs to know it
// worked. --quiet silences it.
func (a *app) info(key string, args ...any) {
	if !a.quiet {
		a.say("", "%s", a.t(key, args...))
	}
}

// commandPath is "ofiipack pack" for the pack command, "ofiipack" when unknown.
func commandPath(cmd *cobra.Command) string {
	if cmd == nil {
		return "ofiipack"
	}
	return cmd.CommandPath()
}

// lowerFirst lowercases the first letter of messages that come from
// libraries (pflag writes "Invalid argument"), and drops a trailing period.
func lowerFirst(s string) string {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return s
	}
	if c := s[0]; 'A' <= c && c <= 'Z' && (len(s) < 2 || !('A' <= s[1] && s[1] <= 'Z')) {
		return string(c+'a'-'A') + s[1:]
	}
	return s
}

// shellQuote quotes a file name for a hint the user may copy and paste.
// On Windows it quotes for PowerShell (see pathStyle.quote).
func shellQuote(s string) string {
	return hostPaths.quote(s)
}

// buildVersion is what --version prints: main.version when set at link
// time, else the module version the Go toolchain recorded (set by
// 'go install module@version'), else "devel".
func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// collectLess lets the heap grow to 5 times its live data between
// collections (GOGC 400) unless GOGC is set: rendering makes much
// short-lived garbage, and with Go's default a letter runs collections
// from its start that cost a third of its CPU (27.7-29.2 against
// 19.1-22.0 ms; the plain-fpdf floor 18.8 ms). The web form, which runs
// until stopped, puts Go's default back.
func collectLess() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

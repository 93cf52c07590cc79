package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"time"

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

// t renders a message of the catalog in the user's language.
func (a *app) t(key string, args ...any) string {
	return msg.New(key, args...).In(a.lang)
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
	root := newCmdRoot(a)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return 0
	}
	return a.report(cmd, err)
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
// from its start that cost a quarter to a third of its CPU (40 letters,
// alternated: 1.53 and 1.42 s with Go's default against 1.14 and 1.18 s).
// The web form, which runs until stopped, puts Go's default back.
func collectLess() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

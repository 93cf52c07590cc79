package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/msg"
)

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
		a.reportUnknownCommand(cmd, err.Error())
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

// reportUnknownCommand words cobra's own error for 'ofiipack
// nosuchcommand' (unknown command "x" for "ofiipack") from the catalog,
// with the commands whose names are close.
func (a *app) reportUnknownCommand(cmd *cobra.Command, cobraError string) {
	fields := strings.Fields(cobraError)
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

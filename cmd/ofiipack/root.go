package main

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// newCmdRoot builds the whole command tree for one run. Every command gets
// a from its constructor; there are no package-level commands or flags.
func newCmdRoot(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:           "ofiipack",
		Short:         a.t("help.root.short"),
		Long:          a.t("help.root.long"),
		Example:       example(a.t("help.root.example")),
		Version:       buildVersion(),
		SilenceErrors: true, // app.report prints every error, once
		SilenceUsage:  true, // a usage error prints a hint, not the whole usage
		// cobra's "Did you mean" goes into the error text; report prints
		// suggestions as hint lines instead.
		DisableSuggestions:         true,
		SuggestionsMinimumDistance: 2,
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetHelpCommand(newCmdHelp(a, nil))
	root.SetUsageTemplate(a.usageTemplate())
	root.SetVersionTemplate("ofiipack version {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return flagError(err)
	})
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, a.t("help.flag.quiet"))

	root.AddCommand(
		newCmdPack(a, nil),
		newCmdLetter(a, nil),
		newCmdPlan(a, nil),
		newCmdValidate(a, nil),
		newCmdInit(a, nil),
		newCmdBatch(a, nil),
		newCmdCalendar(a, nil),
		newCmdServe(a, nil),
	)
	// What cobra adds when the root runs, added now to be worded from the
	// catalog: the help command, the completion command, -h and -v.
	root.InitDefaultHelpCmd()
	a.localizeCompletion(root)
	a.addHelpFlags(root)

	return root
}

// flagError words an error of the flag parser (pflag, in English) from the
// catalog, so that a French user reads it in French.
func flagError(err error) usageError {
	s := err.Error()
	for _, f := range []struct{ prefix, key string }{
		{"unknown flag: ", "cli.flag.unknown"},
		{"unknown shorthand flag: ", "cli.flag.unknown_shorthand"},
		{"flag needs an argument: ", "cli.flag.needs_argument"},
		{"bad flag syntax: ", "cli.flag.bad_syntax"},
	} {
		if rest, ok := strings.CutPrefix(s, f.prefix); ok {
			return usage(f.key, rest)
		}
	}
	// invalid argument "abc" for "-j, --jobs" flag: strconv.ParseInt: …
	if rest, ok := strings.CutPrefix(s, "invalid argument "); ok {
		if value, flagAndCause, ok := cutQuoted(rest); ok {
			if flag, cause, ok := cutQuoted(strings.TrimPrefix(flagAndCause, " for ")); ok {
				cause = strings.TrimPrefix(cause, " flag: ")
				var why msg.Text
				var me *msg.Error
				switch {
				case errors.As(err, &me):
					why = me.Text
				case strings.Contains(cause, "strconv."):
					why = msg.New("cli.flag.not_a_number")
				default:
					why = msg.Raw(cause)
				}
				return usage("cli.flag.invalid", value, flag, why)
			}
		}
	}
	return usageError{text: msg.Raw(s)}
}

// cutQuoted reads a Go-quoted string at the start of s and returns it
// unquoted, with the rest of s.
func cutQuoted(s string) (value, rest string, ok bool) {
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", s, false
	}
	v, err := strconv.Unquote(q)
	if err != nil {
		return "", s, false
	}
	return v, s[len(q):], true
}

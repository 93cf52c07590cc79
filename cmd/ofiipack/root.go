package main

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// newRootCmd builds the whole command tree for one run. Every command gets
// a from its constructor; there are no package-level commands or flags.
func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "ofiipack",
		Short: "Prepare the paperwork of a residence permit for medical care in France",
		Long: `ofiipack turns one applicant file (YAML) into a printable PDF pack for a
person who lives in France, is seriously ill, and applies for a residence
permit for medical care (titre de séjour pour soins, CESEDA L. 425-9; for the
parent of a sick minor child, the APS of L. 425-10).

The pack holds a personalised checklist, the cover letter to the OFII medical
service, the honour statements that apply, and a calendar of the deadlines.
The documents are in French.

ofiipack is not affiliated with OFII or the administration and gives no legal
advice: check your file with a professional (association, lawyer).`,
		Example: `  # Start a new applicant file, check it, then make the pack
  ofiipack init -o aminata.yaml
  ofiipack validate aminata.yaml
  ofiipack pack aminata.yaml

  # See the plan (documents, deadlines, warnings) without making a PDF
  ofiipack plan aminata.yaml`,
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
	root.SetHelpCommand(newHelpCmd())
	root.SetVersionTemplate("ofiipack version {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return flagError(err)
	})
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "print only errors: no line saying what was written, no progress bar, no total")

	root.AddCommand(
		newPackCmd(a),
		newLetterCmd(a),
		newPlanCmd(a),
		newValidateCmd(a),
		newInitCmd(a),
		newBatchCmd(a),
		newCalendarCmd(a),
	)

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

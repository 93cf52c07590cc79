package main

import (
	"github.com/spf13/cobra"
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
		return usageError{err: err}
	})

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

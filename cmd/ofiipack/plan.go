package main

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/plan"
)

func newPlanCmd(a *app) *cobra.Command {
	var (
		date   dateFlag
		format = choiceFlag{value: "text", choices: []string{"text", "json"}}
	)
	cmd := &cobra.Command{
		Use:        "plan FILE",
		Short:      "Print the computed plan: documents, deadlines, warnings, fees",
		SuggestFor: []string{"show", "deadlines", "dates"},
		Long: `Print the plan computed from the applicant file FILE, without making a PDF:
the route, the documents to gather, the deadlines with the date to post by,
the warnings and the fees.

--format text (the default) prints it in French for a person to read.
--format json prints the stable JSON form (format ofiipack/plan/v1) for
other programs; its field names and IDs do not change between versions.`,
		Example: `  ofiipack plan examples/diallo-general.yaml

  # As if today were 22 November 2026, in JSON
  ofiipack plan aminata.yaml --date 2026-11-22 --format json`,
		Args: oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			_, p, err := loadPlan(args[0], today)
			if err != nil {
				return err
			}
			if format.value == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(p)
			}
			return plan.WriteText(a.stdout, p)
		},
	}
	fl := cmd.Flags()
	fl.Var(&format, "format", "output format: text or json")
	addDateFlag(fl, &date)
	return cmd
}

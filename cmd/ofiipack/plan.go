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
		Use:        "plan " + a.t("help.plan.args"),
		Short:      a.t("help.plan.short"),
		SuggestFor: []string{"show", "deadlines", "dates"},
		Long:       a.t("help.plan.long"),
		Example:    example(a.t("help.plan.example")),
		Args:       oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			_, p, err := a.loadPlan(args[0], today)
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
	fl.Var(&format, "format", a.t("help.flag.format"))
	// The usage says the default in the user's language; pflag would add
	// its own "(default text)", in English.
	fl.Lookup("format").DefValue = ""
	a.addDateFlag(fl, &date)
	return cmd
}

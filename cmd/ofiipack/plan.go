package main

import (
	"context"
	"encoding/json"
	"io"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// PlanOptions is what 'ofiipack plan FILE' runs with.
type PlanOptions struct {
	IO     *app
	File   string     // the applicant file
	Format string     // --format: text or json
	Today  civil.Date // --date, or today in Europe/Paris
}

func newCmdPlan(a *app, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: a}
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
			opts.File, opts.Format, opts.Today = args[0], format.value, date.today(a)
			if runF != nil {
				return runF(opts)
			}
			return planRun(cmd.Context(), opts)
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

// planRun prints the plan of one applicant file on standard output, as
// text or as JSON.
func planRun(ctx context.Context, opts *PlanOptions) error {
	r, err := opts.IO.load(ctx, opts.File, opts.Today, nil, false)
	if err != nil {
		return err
	}
	p := r.Plan
	return opts.IO.writeStdout(ctx, func(w io.Writer) error {
		if opts.Format == "json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(p)
		}
		return plan.WriteText(w, p)
	})
}

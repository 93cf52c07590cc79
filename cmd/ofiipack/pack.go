package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/render"
)

func newPackCmd(a *app) *cobra.Command {
	var (
		out  string
		date dateFlag
		org  string
	)
	cmd := &cobra.Command{
		Use:        "pack " + a.t("help.pack.args"),
		Short:      a.t("help.pack.short"),
		SuggestFor: []string{"pdf", "make", "build", "generate"},
		Long:       a.t("help.pack.long"),
		Example:    example(a.t("help.pack.example")),
		Args:       oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			f, p, err := a.loadPlan(args[0], today)
			if err != nil {
				return err
			}
			o := f.Organisation
			if org != "" {
				if o, err = loadOrganisation(org); err != nil {
					return err
				}
			}
			path, err := outputPath(out, args[0], "-pack.pdf", org)
			if err != nil {
				return err
			}
			return a.writePDF(path, "pack", func(w io.Writer) (int, error) {
				return render.PackPages(w, f, p, o)
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", a.t("help.flag.output_pack"))
	a.addDateFlag(fl, &date)
	fl.StringVar(&org, "org", "", a.t("help.flag.org_pack"))
	return cmd
}

func newLetterCmd(a *app) *cobra.Command {
	var (
		out  string
		date dateFlag
	)
	cmd := &cobra.Command{
		Use:     "letter " + a.t("help.letter.args"),
		Short:   a.t("help.letter.short"),
		Long:    a.t("help.letter.long"),
		Example: example(a.t("help.letter.example")),
		Args:    oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			f, err := a.loadApplicant(args[0], today)
			if err != nil {
				return err
			}
			a.printWarnings(f.Warnings)
			// the letter prints the route and the basis, not the rest of
			// the plan
			p, err := plan.Outline(f, today)
			if err != nil {
				return err
			}
			path, err := outputPath(out, args[0], "-letter.pdf")
			if err != nil {
				return err
			}
			return a.writePDF(path, "letter", func(w io.Writer) (int, error) {
				return render.LetterPages(w, f, p)
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", a.t("help.flag.output_letter"))
	a.addDateFlag(fl, &date)
	return cmd
}

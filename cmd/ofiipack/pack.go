package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/render"
)

// PackOptions is what 'ofiipack pack FILE' runs with.
type PackOptions struct {
	IO     *app
	File   string     // the applicant file
	Output string     // -o: a file, a folder to write the default name in, "-" for standard output
	Org    string     // --org: an organisation file, over the applicant file's own block
	Today  civil.Date // --date, or today in Europe/Paris
}

func newCmdPack(a *app, runF func(*PackOptions) error) *cobra.Command {
	opts := &PackOptions{IO: a}
	var date dateFlag
	cmd := &cobra.Command{
		Use:        "pack " + a.t("help.pack.args"),
		Short:      a.t("help.pack.short"),
		SuggestFor: []string{"pdf", "make", "build", "generate"},
		Long:       a.t("help.pack.long"),
		Example:    example(a.t("help.pack.example")),
		Args:       oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File, opts.Today = args[0], date.today(a)
			if runF != nil {
				return runF(opts)
			}
			return packRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", a.t("help.flag.output_pack"))
	a.addDateFlag(fl, &date)
	fl.StringVar(&opts.Org, "org", "", a.t("help.flag.org_pack"))
	return cmd
}

// packRun writes the whole pack of one applicant file.
func packRun(ctx context.Context, opts *PackOptions) error {
	org, err := loadOrganisation(ctx, opts.Org)
	if err != nil {
		return err
	}
	r, err := opts.IO.load(ctx, opts.File, opts.Today, org, false)
	if err != nil {
		return err
	}
	path, err := outputPath(opts.Output, opts.File, "-pack.pdf", opts.Org)
	if err != nil {
		return err
	}
	return opts.IO.writePDF(ctx, path, "pack", func(w io.Writer) (int, error) {
		return render.PackPages(w, r.File, r.Plan, r.Org)
	})
}

// LetterOptions is what 'ofiipack letter FILE' runs with.
type LetterOptions struct {
	IO     *app
	File   string     // the applicant file
	Output string     // -o: a file, a folder to write the default name in, "-" for standard output
	Today  civil.Date // --date, or today in Europe/Paris
}

func newCmdLetter(a *app, runF func(*LetterOptions) error) *cobra.Command {
	opts := &LetterOptions{IO: a}
	var date dateFlag
	cmd := &cobra.Command{
		Use:     "letter " + a.t("help.letter.args"),
		Short:   a.t("help.letter.short"),
		Long:    a.t("help.letter.long"),
		Example: example(a.t("help.letter.example")),
		Args:    oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File, opts.Today = args[0], date.today(a)
			if runF != nil {
				return runF(opts)
			}
			return letterRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", a.t("help.flag.output_letter"))
	a.addDateFlag(fl, &date)
	return cmd
}

// letterRun writes the cover letter of one applicant file alone.
func letterRun(ctx context.Context, opts *LetterOptions) error {
	r, err := opts.IO.load(ctx, opts.File, opts.Today, nil, true)
	if err != nil {
		return err
	}
	path, err := outputPath(opts.Output, opts.File, "-letter.pdf")
	if err != nil {
		return err
	}
	return opts.IO.writePDF(ctx, path, "letter", func(w io.Writer) (int, error) {
		return render.LetterPages(w, r.File, r.Plan)
	})
}

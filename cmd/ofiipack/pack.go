package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/render"
)

func newPackCmd(a *app) *cobra.Command {
	var (
		out  string
		date dateFlag
		org  string
	)
	cmd := &cobra.Command{
		Use:        "pack FILE",
		Short:      "Write the whole pack as one PDF",
		SuggestFor: []string{"pdf", "make", "build", "generate"},
		Long: `Write the whole pack for the applicant file FILE as one PDF: the checklist,
the cover letter to the OFII medical service, the honour statements that
apply, and the deadline calendar, in that order, one bookmark each.

The PDF is written to FILE's name with -pack.pdf, in the current folder,
unless -o names another file or a folder to write it in; -o - writes it to
standard output. The input file is never replaced. The PDF is
created with mode 0600 (it holds personal data) and written atomically: an
interrupted run never leaves a half-written PDF.

An organisation (association) given with --org is printed on the checklist
and the calendar; it replaces the file's own organisation block.`,
		Example: `  # Writes diallo-general-pack.pdf in the current folder
  ofiipack pack examples/diallo-general.yaml

  # Deadlines computed as if today were 22 November 2026
  ofiipack pack aminata.yaml --date 2026-11-22 -o aminata.pdf

  # Print the association's contact details on the pack
  ofiipack pack aminata.yaml --org association.yaml

  # Write dossiers/aminata-pack.pdf
  ofiipack pack aminata.yaml -o dossiers/

  # Send the PDF to another program
  ofiipack pack aminata.yaml -o - | lp`,
		Args: oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			f, p, err := loadPlan(args[0], today)
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
	fl.StringVarP(&out, "output", "o", "", "write the PDF to `OUT.pdf` (- for standard output; default: FILE's name with -pack.pdf)")
	addDateFlag(fl, &date)
	fl.StringVar(&org, "org", "", "read the organisation printed on the pack from `ORG.yaml` (replaces the file's organisation block)")
	return cmd
}

func newLetterCmd(a *app) *cobra.Command {
	var (
		out  string
		date dateFlag
	)
	cmd := &cobra.Command{
		Use:   "letter FILE",
		Short: "Write the cover letter to the OFII medical service alone",
		Long: `Write only the cover letter for the applicant file FILE: one page, ready to
sign, fold in three and slip into a DL window envelope with the medical
certificate, sent by registered mail with acknowledgement of receipt.

The PDF is written to FILE's name with -letter.pdf, in the current folder,
unless -o names another file or a folder to write it in; -o - writes it to
standard output. The input file is never replaced.`,
		Example: `  # Writes diallo-general-letter.pdf in the current folder
  ofiipack letter examples/diallo-general.yaml

  ofiipack letter aminata.yaml --date 2026-11-22 -o lettre-ofii.pdf`,
		Args: oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			f, p, err := loadPlan(args[0], today)
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
	fl.StringVarP(&out, "output", "o", "", "write the PDF to `OUT.pdf` (- for standard output; default: FILE's name with -letter.pdf)")
	addDateFlag(fl, &date)
	return cmd
}

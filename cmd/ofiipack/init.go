package main

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/batch"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/templates"
)

// initTemplate is the commented example applicant file, embedded.
const initTemplate = "init/applicant.yaml"

func newInitCmd(a *app) *cobra.Command {
	var (
		out       string
		force     bool
		csv, xlsx bool
		comma     bool
	)
	cmd := &cobra.Command{
		Use:        "init",
		Short:      "Write a commented example applicant file to start from",
		SuggestFor: []string{"new", "create", "example", "template"},
		Long: `Write an example applicant file, commented in French and English, that shows
every field of the format with its allowed values. It is valid as it is:
replace the example person's details with the applicant's, then run
'ofiipack validate'.

With --csv or --xlsx, write instead an empty caseload spreadsheet for
'ofiipack batch': a header with every column (the dotted field paths of the
applicant file) and one example row.

The file is applicant.yaml (caseload.csv, caseload.xlsx) in the current
folder unless -o names another; -o - writes it to standard output. An
existing file is never replaced unless --force is given. The file is created
with mode 0600.`,
		Example: `  ofiipack init
  ofiipack init -o aminata.yaml
  ofiipack init -o - | less

  # A spreadsheet for an association's caseload
  ofiipack init --csv -o caseload.csv
  ofiipack init --xlsx`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usage("cli.init_args")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if csv && xlsx {
				return usage("cli.csv_and_xlsx")
			}
			if comma && !csv {
				return usage("cli.comma_without_csv")
			}
			var write func(io.Writer) error
			switch {
			case csv:
				c := batch.CSV{}
				if comma {
					c.Comma = ','
				}
				write = func(w io.Writer) error { return batch.WriteCSVTemplate(w, c) }
				if out == "" {
					out = "caseload.csv"
				}
			case xlsx:
				write = batch.WriteXLSXTemplate
				if out == "" {
					out = "caseload.xlsx"
				}
			default:
				data, err := fs.ReadFile(templates.FS, initTemplate)
				if err != nil {
					return err
				}
				write = func(w io.Writer) error {
					_, err := w.Write(data)
					return err
				}
				if out == "" {
					out = "applicant.yaml"
				}
			}
			if out == "-" {
				if xlsx && a.stdoutIsTerminal {
					return withHints(failure("cli.workbook_to_terminal"), hint("cli.workbook_to_terminal_hint"))
				}
				return safely(func() error { return write(a.stdout) })
			}
			if !force {
				if _, err := os.Lstat(out); err == nil {
					return withHints(failure("cli.exists", out), hint("cli.exists_hint"))
				} else if !errors.Is(err, fs.ErrNotExist) {
					return msg.Wrap(err, "cli.cannot_write", out, msg.OS(err))
				}
			}
			if err := a.writeFile(out, write); err != nil {
				return err
			}
			if csv || xlsx {
				a.info("cli.wrote_sheet", out, shellQuote(out))
			} else {
				a.info("cli.wrote_init", out, shellQuote(out))
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write the example to `FILE` (- for standard output; default applicant.yaml, caseload.csv or caseload.xlsx)")
	fl.BoolVarP(&force, "force", "f", false, "replace FILE if it exists")
	fl.BoolVar(&csv, "csv", false, "write a caseload spreadsheet as CSV for 'ofiipack batch'")
	fl.BoolVar(&xlsx, "xlsx", false, "write a caseload spreadsheet as an .xlsx workbook for 'ofiipack batch'")
	fl.BoolVar(&comma, "csv-comma", false, "with --csv: separate the cells with commas, in UTF-8 without a byte-order mark (default: semicolons and a byte-order mark, as a French Excel reads it)")
	return cmd
}

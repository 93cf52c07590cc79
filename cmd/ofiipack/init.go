package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/batch"
	"github.com/ofiipack/ofiipack/templates"
)

// initTemplate is the commented example applicant file, embedded.
const initTemplate = "init/applicant.yaml"

func newInitCmd(a *app) *cobra.Command {
	var (
		out       string
		force     bool
		csv, xlsx bool
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
				return usageErrorf("'ofiipack init' takes no arguments; use -o FILE to name the file to write")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if csv && xlsx {
				return usageErrorf("--csv and --xlsx cannot be used together")
			}
			var write func(io.Writer) error
			switch {
			case csv:
				write = batch.WriteCSVTemplate
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
					return withHints(errors.New("refusing to write a workbook to the terminal"),
						"redirect standard output to a file, or leave out -o to write caseload.xlsx")
				}
				return safely(func() error { return write(a.stdout) })
			}
			if !force {
				if _, err := os.Lstat(out); err == nil {
					return withHints(fmt.Errorf("%s already exists", out),
						"use --force to replace it, or -o to choose another name")
				} else if !errors.Is(err, fs.ErrNotExist) {
					return fmt.Errorf("cannot write %s: %w", out, unwrapPathError(err))
				}
			}
			if err := a.writeFile(out, write); err != nil {
				return err
			}
			if csv || xlsx {
				a.infof("wrote %s; fill in one row per applicant, then run 'ofiipack batch %s -o DIR'", out, shellQuote(out))
			} else {
				a.infof("wrote %s; fill it in, then run 'ofiipack validate %s'", out, shellQuote(out))
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write the example to `FILE` (- for standard output; default applicant.yaml, caseload.csv or caseload.xlsx)")
	fl.BoolVarP(&force, "force", "f", false, "replace FILE if it exists")
	fl.BoolVar(&csv, "csv", false, "write a caseload spreadsheet as CSV for 'ofiipack batch'")
	fl.BoolVar(&xlsx, "xlsx", false, "write a caseload spreadsheet as an .xlsx workbook for 'ofiipack batch'")
	return cmd
}

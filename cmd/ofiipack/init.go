package main

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/sheet"
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
		Short:      a.t("help.init.short"),
		SuggestFor: []string{"new", "create", "example", "template"},
		Long:       a.t("help.init.long"),
		Example:    example(a.t("help.init.example")),
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
				c := sheet.CSV{}
				if comma {
					c.Comma = ','
				}
				write = func(w io.Writer) error { return sheet.WriteCSVTemplate(w, c) }
				if out == "" {
					out = "caseload.csv"
				}
			case xlsx:
				write = sheet.WriteXLSXTemplate
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
			if err := writeFile(cmd.Context(), out, write); err != nil {
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
	fl.StringVarP(&out, "output", "o", "", a.t("help.flag.output_init"))
	fl.BoolVarP(&force, "force", "f", false, a.t("help.flag.force"))
	fl.BoolVar(&csv, "csv", false, a.t("help.flag.csv"))
	fl.BoolVar(&xlsx, "xlsx", false, a.t("help.flag.xlsx"))
	fl.BoolVar(&comma, "csv-comma", false, a.t("help.flag.csv_comma_init"))
	return cmd
}

package main

import (
	"cmp"
	"context"
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

// InitOptions is what 'ofiipack init' runs with.
type InitOptions struct {
	IO     *app
	Output string // -o: the file to write, "-" for standard output; "" for the default name
	Force  bool   // -f: replace an existing file
	CSV    bool   // --csv: a caseload sheet as CSV instead of an applicant file
	XLSX   bool   // --xlsx: a caseload workbook
	Comma  bool   // --csv-comma: the CSV separated by commas, not semicolons
}

func newCmdInit(a *app, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: a}
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
			if runF != nil {
				return runF(opts)
			}
			return initRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", a.t("help.flag.output_init"))
	fl.BoolVarP(&opts.Force, "force", "f", false, a.t("help.flag.force"))
	fl.BoolVar(&opts.CSV, "csv", false, a.t("help.flag.csv"))
	fl.BoolVar(&opts.XLSX, "xlsx", false, a.t("help.flag.xlsx"))
	fl.BoolVar(&opts.Comma, "csv-comma", false, a.t("help.flag.csv_comma_init"))
	return cmd
}

// initRun writes an example to start from: an applicant file, or an empty
// caseload sheet.
func initRun(ctx context.Context, opts *InitOptions) error {
	a := opts.IO
	write, name, err := initDocument(opts)
	if err != nil {
		return err
	}
	out := cmp.Or(opts.Output, name)
	if out == "-" {
		if opts.XLSX && a.stdoutIsTerminal {
			return withHints(failure("cli.workbook_to_terminal"), hint("cli.workbook_to_terminal_hint"))
		}
		return a.writeStdout(ctx, write)
	}
	if !opts.Force {
		if _, err := os.Lstat(out); err == nil {
			return withHints(failure("cli.exists", out), hint("cli.exists_hint"))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return msg.Wrap(err, "cli.cannot_write", out, msg.OS(err))
		}
	}
	if err := writeFile(ctx, out, write); err != nil {
		return err
	}
	if opts.CSV || opts.XLSX {
		a.info("cli.wrote_sheet", out, shellQuote(out))
	} else {
		a.info("cli.wrote_init", out, shellQuote(out))
	}
	return nil
}

// initDocument returns what init writes, and its default file name.
func initDocument(opts *InitOptions) (write func(io.Writer) error, name string, err error) {
	switch {
	case opts.CSV && opts.XLSX:
		return nil, "", usage("cli.csv_and_xlsx")
	case opts.Comma && !opts.CSV:
		return nil, "", usage("cli.comma_without_csv")
	case opts.CSV:
		c := sheet.CSV{}
		if opts.Comma {
			c.Comma = ','
		}
		return func(w io.Writer) error { return sheet.WriteCSVTemplate(w, c) }, "caseload.csv", nil
	case opts.XLSX:
		return sheet.WriteXLSXTemplate, "caseload.xlsx", nil
	}
	data, err := fs.ReadFile(templates.FS, initTemplate)
	if err != nil {
		return nil, "", err
	}
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, "applicant.yaml", nil
}

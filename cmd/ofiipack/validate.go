package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/pipeline"
)

// ValidateOptions is what 'ofiipack validate FILE...' runs with.
type ValidateOptions struct {
	IO    *app
	Files []string   // the applicant files, as typed (see pathStyle.expandPatterns)
	Today civil.Date // --date, or today in Europe/Paris
}

func newCmdValidate(a *app, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{IO: a}
	var date dateFlag
	cmd := &cobra.Command{
		Use:        "validate " + a.t("help.validate.args"),
		Short:      a.t("help.validate.short"),
		SuggestFor: []string{"check", "lint", "verify"},
		Long:       a.t("help.validate.long"),
		Example:    example(a.t("help.validate.example")),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage("cli.validate_missing")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files, opts.Today = args, date.today(a)
			if runF != nil {
				return runF(opts)
			}
			return validateRun(cmd.Context(), opts)
		},
	}
	a.addDateFlag(cmd.Flags(), &date)
	return cmd
}

// validateRun checks every file, prints the problems of each, and fails
// when one is invalid.
func validateRun(ctx context.Context, opts *ValidateOptions) error {
	a := opts.IO
	files := hostPaths.expandPatterns(opts.Files, filepath.Glob)
	invalid := 0
	for _, name := range files {
		ok, err := a.validateOne(ctx, name, opts.Today)
		if err != nil {
			return err // interrupted: the other files are not read
		}
		if !ok {
			invalid++
		}
	}
	if invalid == 0 {
		return nil
	}
	if len(files) > 1 {
		fmt.Fprintf(a.stderr, "ofiipack: %s\n", a.t("cli.validate_total", invalid, len(files)))
	}
	return reportedError{}
}

// validateOne checks one file, prints its problems or "FILE: ok", and
// reports whether it is valid; the error is an interruption while it
// read the file.
func (a *app) validateOne(ctx context.Context, name string, today civil.Date) (bool, error) {
	data, err := readApplicantFile(ctx, name)
	if errors.As(err, &interruptedError{}) {
		return false, err
	}
	if err != nil {
		a.report(nil, err)
		return false, nil
	}
	// The plan too: a file that validate passes makes its pack.
	r := pipeline.Run(pipeline.Input{Source: name, Data: data}, today, nil)
	if !r.OK() {
		a.printProblems(r.Problems, 0)
		return false, nil
	}
	a.printWarnings(r.Warnings)
	fmt.Fprintf(a.stdout, "%s\n", msg.Printable(a.t("cli.validate_ok", name)))
	return true, nil
}

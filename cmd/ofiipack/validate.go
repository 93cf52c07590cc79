package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
)

func newValidateCmd(a *app) *cobra.Command {
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
			today := date.today(a)
			invalid := 0
			args = hostPaths.expandPatterns(args, filepath.Glob)
			for _, name := range args {
				ok, err := a.validateOne(name, today)
				if err != nil {
					return err // interrupted: the other files are not read
				}
				if !ok {
					invalid++
				}
			}
			if invalid > 0 {
				if len(args) > 1 {
					fmt.Fprintf(a.stderr, "ofiipack: %s\n", a.t("cli.validate_total", invalid, len(args)))
				}
				return reportedError{}
			}
			return nil
		},
	}
	a.addDateFlag(cmd.Flags(), &date)
	return cmd
}

// validateOne checks one file, prints its problems or "FILE: ok", and
// reports whether it is valid; the error is an interruption while it
// read the file.
func (a *app) validateOne(name string, today civil.Date) (bool, error) {
	data, err := readApplicantFile(name)
	if errors.As(err, &interruptedError{}) {
		return false, err
	}
	var f *applicant.File
	if err == nil {
		f, err = applicant.Load(name, data, today)
	}
	if err == nil {
		a.printWarnings(f.Warnings)
		fmt.Fprintf(a.stdout, "%s\n", msg.Printable(a.t("cli.validate_ok", name)))
		return true, nil
	}
	var ps applicant.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		a.printProblems(ps, 0)
		return false, nil
	}
	a.report(nil, err)
	return false, nil
}

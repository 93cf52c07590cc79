package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

func newValidateCmd(a *app) *cobra.Command {
	var date dateFlag
	cmd := &cobra.Command{
		Use:        "validate FILE...",
		Short:      "Check applicant files and report every problem",
		SuggestFor: []string{"check", "lint", "verify"},
		Long: `Check one or more applicant files and report every problem of every file in
one run, one per line on standard error:

  ofiipack: error: FILE:LINE:COLUMN: field.path: what was found, what is expected

with a hint line where one helps (a "did you mean" for a misspelt key or
value). A valid file prints "FILE: ok" on standard output.

Dates of birth, arrival, filing and OFII requests may not lie after the
run's date (--date, default today in Europe/Paris).

Exit status: 0 when every file is valid, 1 when any is not.`,
		Example: `  ofiipack validate aminata.yaml

  # Check every file of a folder
  ofiipack validate dossiers/*.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("missing FILE: 'ofiipack validate' needs at least one applicant file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			invalid := 0
			args = hostPaths.expandPatterns(args, filepath.Glob)
			for _, name := range args {
				if !a.validateOne(name, today) {
					invalid++
				}
			}
			if invalid > 0 {
				if len(args) > 1 {
					fmt.Fprintf(a.stderr, "ofiipack: %d of %d files have problems\n", invalid, len(args))
				}
				return reportedError{}
			}
			return nil
		},
	}
	addDateFlag(cmd.Flags(), &date)
	return cmd
}

// validateOne checks one file, prints its problems or "FILE: ok", and
// reports whether it is valid.
func (a *app) validateOne(name string, today civil.Date) bool {
	data, err := readApplicantFile(name)
	if err == nil {
		_, err = applicant.Load(name, data, today)
	}
	if err == nil {
		fmt.Fprintf(a.stdout, "%s: ok\n", name)
		return true
	}
	var ps applicant.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		a.printProblems(ps, 0)
		return false
	}
	a.report(nil, err)
	return false
}

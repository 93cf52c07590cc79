package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/templates"
)

// initTemplate is the commented example applicant file, embedded.
const initTemplate = "init/applicant.yaml"

func newInitCmd(a *app) *cobra.Command {
	var (
		out   string
		force bool
	)
	cmd := &cobra.Command{
		Use:        "init",
		Short:      "Write a commented example applicant file to start from",
		SuggestFor: []string{"new", "create", "example", "template"},
		Long: `Write an example applicant file, commented in French and English, that shows
every field of the format with its allowed values. It is valid as it is:
replace the example person's details with the applicant's, then run
'ofiipack validate'.

The file is applicant.yaml in the current folder unless -o names another;
-o - writes it to standard output. An existing file is never replaced
unless --force is given. The file is created with mode 0600.`,
		Example: `  ofiipack init
  ofiipack init -o aminata.yaml
  ofiipack init -o - | less`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("'ofiipack init' takes no arguments; use -o FILE to name the file to write")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := fs.ReadFile(templates.FS, initTemplate)
			if err != nil {
				return err
			}
			if out == "-" {
				_, err := a.stdout.Write(data)
				return err
			}
			if !force {
				if _, err := os.Lstat(out); err == nil {
					return withHints(fmt.Errorf("%s already exists", out),
						"use --force to replace it, or -o to choose another name")
				} else if !errors.Is(err, fs.ErrNotExist) {
					return fmt.Errorf("cannot write %s: %w", out, unwrapPathError(err))
				}
			}
			if err := atomicfile.WriteBytes(out, data); err != nil {
				return err
			}
			a.infof("wrote %s; fill it in, then run 'ofiipack validate %s'", out, shellQuote(out))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "applicant.yaml", "write the example to `FILE` (- for standard output)")
	fl.BoolVarP(&force, "force", "f", false, "replace FILE if it exists")
	return cmd
}

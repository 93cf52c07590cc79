package main

import (
	"context"
	"errors"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/batch"
	"github.com/ofiipack/ofiipack/generator/msg"
)

func newBatchCmd(a *app) *cobra.Command {
	var (
		out   string
		jobs  int
		date  dateFlag
		org   string
		comma bool
	)
	cmd := &cobra.Command{
		Use:        "batch " + a.t("help.batch.args"),
		Short:      a.t("help.batch.short"),
		SuggestFor: []string{"bulk", "all", "caseload", "csv", "xlsx"},
		Long:       a.t("help.batch.long"),
		Example:    example(a.t("help.batch.example")),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage("cli.batch.missing_input")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError{text: msg.New("cli.batch.missing_output"),
					hints: []msg.Text{hint("cli.batch.missing_output_hint", shellQuote(args[0]))}}
			}
			if jobs < 0 || jobs > maxJobs {
				return usage("cli.batch.jobs", jobs, maxJobs)
			}
			opt := batch.Options{Inputs: args, Dir: out, Jobs: jobs, Today: date.today(a), Lang: a.lang}
			if comma {
				opt.CSV.Comma = ','
			}
			if org != "" {
				o, err := loadOrganisation(cmd.Context(), org)
				if err != nil {
					return err
				}
				opt.Org = o
			}

			var bar *progressbar.ProgressBar
			if a.stderrIsTerminal && !a.quiet {
				opt.OnTotal = func(n int) {
					bar = progressbar.NewOptions(n, progressbar.OptionSetWriter(a.stderr),
						progressbar.OptionSetDescription("ofiipack: "+a.t("cli.batch.progress")), progressbar.OptionShowCount(),
						progressbar.OptionSetWidth(30), progressbar.OptionThrottle(100*time.Millisecond),
						progressbar.OptionClearOnFinish())
				}
			}
			opt.OnEntry = func(r batch.Result) {
				if !r.OK() || r.DuplicateOf != nil {
					if bar != nil {
						bar.Clear()
					}
				}
				for _, p := range r.Problems {
					a.errorf("%s", p.In(a.lang))
					if !p.Hint.IsZero() {
						a.hintf("%s", p.Hint.In(a.lang))
					}
				}
				for _, w := range r.FileWarnings {
					if bar != nil {
						bar.Clear()
					}
					a.warnf("%s", w.In(a.lang))
					if !w.Hint.IsZero() {
						a.hintf("%s", w.Hint.In(a.lang))
					}
				}
				if r.DuplicateOf != nil {
					// the pack is written: a warning, not an error
					a.say("", "%s", a.t("cli.batch.duplicate", msg.New("batch.duplicate", r.Place.Text(), r.DuplicateOf.Text())))
					a.hintf("%s", a.t("batch.duplicate_hint"))
				}
				if bar != nil {
					bar.Add(1)
				}
			}
			s, err := batch.Run(cmd.Context(), opt)
			if bar != nil {
				bar.Finish()
			}
			if err != nil {
				if errors.Is(err, context.Canceled) {
					return interruptedError{withHints(failure("cli.batch.interrupted", s.Written, out), hint("cli.batch.interrupted_hint"))}
				}
				return err
			}
			a.info("cli.batch.total", s.Written, s.Failed, out)
			if s.Failed > 0 {
				a.hintf("%s", a.t("cli.batch.summary_hint", shellQuote(filepath.Join(out, batch.SummaryFile))))
				return reportedError{}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", a.t("help.flag.output_batch"))
	fl.IntVarP(&jobs, "jobs", "j", 0, a.t("help.flag.jobs"))
	a.addDateFlag(fl, &date)
	fl.StringVar(&org, "org", "", a.t("help.flag.org_batch"))
	fl.BoolVar(&comma, "csv-comma", false, a.t("help.flag.csv_comma_batch"))
	return cmd
}

// maxJobs bounds --jobs: each worker holds a pack being drawn (a few MB),
// and past the number of processors more workers only take memory; 256 is
// far above any machine an association uses. --jobs 1000000000 ended in an
// out-of-memory crash with a stack trace.
const maxJobs = 256

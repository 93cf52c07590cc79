package main

import (
	"context"
	"errors"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/batch"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// BatchOptions is what 'ofiipack batch INPUT... -o FOLDER' runs with.
type BatchOptions struct {
	IO     *app
	Inputs []string   // sheets, applicant files or folders of them
	Output string     // -o: the folder of the packs
	Jobs   int        // -j: packs drawn at once; 0 for one per processor
	Org    string     // --org: an organisation file, over each entry's own block
	Comma  bool       // --csv-comma: CSV sheets separated by commas
	Today  civil.Date // --date, or today in Europe/Paris
}

func newCmdBatch(a *app, runF func(*BatchOptions) error) *cobra.Command {
	opts := &BatchOptions{IO: a}
	var date dateFlag
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
			opts.Inputs, opts.Today = args, date.today(a)
			if runF != nil {
				return runF(opts)
			}
			return batchRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", a.t("help.flag.output_batch"))
	fl.IntVarP(&opts.Jobs, "jobs", "j", 0, a.t("help.flag.jobs"))
	a.addDateFlag(fl, &date)
	fl.StringVar(&opts.Org, "org", "", a.t("help.flag.org_batch"))
	fl.BoolVar(&opts.Comma, "csv-comma", false, a.t("help.flag.csv_comma_batch"))
	return cmd
}

// maxJobs bounds --jobs: each worker holds a pack being drawn (a few MB),
// and past the number of processors more workers only take memory; 256 is
// far above any machine an association uses. --jobs 1000000000 ended in an
// out-of-memory crash with a stack trace.
const maxJobs = 256

// batchRun writes a pack for every entry of the inputs into the output
// folder, printing each entry's problems as it goes.
func batchRun(ctx context.Context, opts *BatchOptions) error {
	a := opts.IO
	if opts.Output == "" {
		return usageError{text: msg.New("cli.batch.missing_output"),
			hints: []msg.Text{hint("cli.batch.missing_output_hint", shellQuote(opts.Inputs[0]))}}
	}
	if opts.Jobs < 0 || opts.Jobs > maxJobs {
		return usage("cli.batch.jobs", opts.Jobs, maxJobs)
	}
	run := batch.Options{Inputs: opts.Inputs, Dir: opts.Output, Jobs: opts.Jobs, Today: opts.Today, Lang: a.lang}
	if opts.Comma {
		run.CSV.Comma = ','
	}
	o, err := loadOrganisation(ctx, opts.Org)
	if err != nil {
		return err
	}
	run.Org = o
	progress := &batchProgress{a: a}
	if a.stderrIsTerminal && !a.quiet {
		run.OnTotal = progress.start
	}
	run.OnEntry = progress.entry
	s, err := batch.Run(ctx, run)
	progress.finish()
	if errors.Is(err, context.Canceled) {
		return interruptedError{withHints(failure("cli.batch.interrupted", s.Written, opts.Output), hint("cli.batch.interrupted_hint"))}
	}
	if err != nil {
		return err
	}
	a.info("cli.batch.total", s.Written, s.Failed, opts.Output)
	if s.Failed > 0 {
		a.hintf("%s", a.t("cli.batch.summary_hint", shellQuote(filepath.Join(opts.Output, batch.SummaryFile))))
		return reportedError{}
	}
	return nil
}

// batchProgress prints the problems and warnings of each entry of a batch
// as it is done, above a progress bar when a person watches a terminal.
type batchProgress struct {
	a   *app
	bar *progressbar.ProgressBar // nil: no bar
}

// start shows the bar, once the batch knows its number of entries.
func (p *batchProgress) start(entries int) {
	p.bar = progressbar.NewOptions(entries, progressbar.OptionSetWriter(p.a.stderr),
		progressbar.OptionSetDescription("ofiipack: "+p.a.t("cli.batch.progress")), progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30), progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish())
}

// entry prints what one entry's result says and moves the bar on.
func (p *batchProgress) entry(r batch.Result) {
	a := p.a
	if p.bar != nil && (!r.OK() || r.DuplicateOf != nil || len(r.FileWarnings) > 0) {
		p.bar.Clear()
	}
	a.printProblems(r.Problems, 0)
	a.printWarnings(r.FileWarnings)
	if r.DuplicateOf != nil {
		// the pack is written: a warning, not an error
		a.say("", "%s", a.t("cli.batch.duplicate", msg.New("batch.duplicate", r.Place.Text(), r.DuplicateOf.Text())))
		a.hintf("%s", a.t("batch.duplicate_hint"))
	}
	if p.bar != nil {
		p.bar.Add(1)
	}
}

// finish ends the bar, if there is one.
func (p *batchProgress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

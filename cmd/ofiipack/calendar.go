package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/ical"
)

// CalendarOptions is what 'ofiipack calendar FILE' runs with.
type CalendarOptions struct {
	IO     *app
	File   string     // the applicant file
	Output string     // -o: a file, a folder to write the default name in, "-" for standard output
	Today  civil.Date // --date, or today in Europe/Paris
}

func newCmdCalendar(a *app, runF func(*CalendarOptions) error) *cobra.Command {
	opts := &CalendarOptions{IO: a}
	var date dateFlag
	cmd := &cobra.Command{
		Use:        "calendar " + a.t("help.calendar.args"),
		Short:      a.t("help.calendar.short"),
		SuggestFor: []string{"ics", "ical", "agenda", "deadlines"},
		Long:       a.t("help.calendar.long"),
		Example:    example(a.t("help.calendar.example")),
		Args:       oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File, opts.Today = args[0], date.today(a)
			if runF != nil {
				return runF(opts)
			}
			return calendarRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", a.t("help.flag.output_calendar"))
	a.addDateFlag(fl, &date)
	return cmd
}

// calendarRun writes the deadlines of one applicant file as an iCalendar
// file.
func calendarRun(ctx context.Context, opts *CalendarOptions) error {
	r, err := opts.IO.load(ctx, opts.File, opts.Today, nil, false)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return ical.Calendar(w, r.File, r.Plan) }
	if opts.Output == "-" {
		return opts.IO.writeStdout(ctx, write)
	}
	path, err := outputPath(opts.Output, opts.File, ".ics")
	if err != nil {
		return err
	}
	if err := writeFile(ctx, path, write); err != nil {
		return err
	}
	opts.IO.info("cli.wrote_calendar", path, len(r.Plan.Deadlines))
	return nil
}

package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/ical"
)

func newCalendarCmd(a *app) *cobra.Command {
	var (
		out  string
		date dateFlag
	)
	cmd := &cobra.Command{
		Use:        "calendar FILE",
		Short:      "Write the deadlines as an iCalendar file (.ics) for a phone or calendar program",
		SuggestFor: []string{"ics", "ical", "agenda", "deadlines"},
		Long: `Write the deadlines of the applicant file FILE as an iCalendar file (RFC 5545)
that phones and calendar programs import: one all-day event per deadline,
with the date to post by and the rule's source, and two reminders, 7 days and
1 day before at 9:00, while the step is neither done nor passed.

Each event keeps the same identifier from one run to the next, so importing
a newer file updates the events instead of adding copies. The same file and
--date give the same bytes.

The file is written to FILE's name with .ics, in the current folder, unless
-o names another; -o - writes it to standard output. It is created with mode
0600 (it holds personal data) and written atomically.`,
		Example: `  # Writes diallo-general.ics in the current folder
  ofiipack calendar examples/diallo-general.yaml

  ofiipack calendar aminata.yaml --date 2026-11-22 -o echeances.ics`,
		Args: oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			f, p, err := loadPlan(args[0], today)
			if err != nil {
				return err
			}
			write := func(w io.Writer) error { return ical.Calendar(w, f, p) }
			if out == "-" {
				var buf bytes.Buffer // nothing at all on standard output on failure
				if err := write(&buf); err != nil {
					return err
				}
				_, err := a.stdout.Write(buf.Bytes())
				return err
			}
			path, err := outputPath(out, args[0], ".ics")
			if err != nil {
				return err
			}
			if err := a.writeFile(path, write); err != nil {
				return err
			}
			a.info("cli.wrote_calendar", path, len(p.Deadlines))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write the calendar to `OUT.ics` (- for standard output; default: FILE's name with .ics)")
	addDateFlag(fl, &date)
	return cmd
}

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
		Use:        "calendar " + a.t("help.calendar.args"),
		Short:      a.t("help.calendar.short"),
		SuggestFor: []string{"ics", "ical", "agenda", "deadlines"},
		Long:       a.t("help.calendar.long"),
		Example:    example(a.t("help.calendar.example")),
		Args:       oneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			today := date.today(a)
			f, p, err := a.loadPlan(args[0], today)
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
	fl.StringVarP(&out, "output", "o", "", a.t("help.flag.output_calendar"))
	a.addDateFlag(fl, &date)
	return cmd
}

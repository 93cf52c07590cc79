package main

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// dateFlag is --date: the run's "today". Unset, it is the current date in
// Europe/Paris. A value that is not a date is a usage error (exit 2).
type dateFlag struct {
	date civil.Date
	set  bool
}

func (f *dateFlag) String() string {
	if !f.set {
		return ""
	}
	return f.date.String()
}

func (f *dateFlag) Set(s string) error {
	d, err := civil.Parse(s)
	if err != nil {
		if strings.Contains(err.Error(), "not a day of the calendar") {
			return msg.Wrap(err, "cli.flag.not_a_day")
		}
		return msg.Wrap(err, "cli.flag.not_a_date")
	}
	if !plan.TodayInRange(d) {
		return msg.Errorf("cli.flag.date_range", plan.FirstToday, plan.LastToday)
	}
	f.date, f.set = d, true
	return nil
}

func (f *dateFlag) Type() string { return "date" }

// today returns the date given with --date, or the current date in
// Europe/Paris, the procedure's time zone.
func (f *dateFlag) today(a *app) civil.Date {
	if f.set {
		return f.date
	}
	return civil.Today(a.now())
}

func (a *app) addDateFlag(fs *pflag.FlagSet, f *dateFlag) {
	fs.Var(f, "date", a.t("help.flag.date"))
}

// choiceFlag is a flag with a fixed set of values (--format text|json).
type choiceFlag struct {
	value   string
	choices []string
}

func (f *choiceFlag) String() string { return f.value }

func (f *choiceFlag) Set(s string) error {
	for _, c := range f.choices {
		if s == c {
			f.value = s
			return nil
		}
	}
	choices := make(msg.Or, len(f.choices))
	for i, c := range f.choices {
		choices[i] = c
	}
	return msg.Errorf("cli.flag.not_a_choice", choices)
}

func (f *choiceFlag) Type() string { return strings.Join(f.choices, "|") }

// oneFile checks that a command got exactly one FILE argument.
func oneFile(cmd *cobra.Command, args []string) error {
	switch len(args) {
	case 1:
		return nil
	case 0:
		return usage("cli.missing_file", cmd.CommandPath())
	default:
		err := usage("cli.one_file", cmd.CommandPath(), len(args))
		if c, _, ferr := cmd.Root().Find([]string{"batch"}); ferr == nil && c.Name() == "batch" {
			err.hints = append(err.hints, hint("cli.use_batch"))
		}
		return err
	}
}

package main

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
)

// HelpOptions is what 'ofiipack help [COMMAND]' runs with.
type HelpOptions struct {
	Root  *cobra.Command // the command tree
	Topic []string       // the command to show, as typed; none for the root
}

// newCmdHelp replaces cobra's help command, which answers an unknown topic
// with the root help and exit status 0: 'ofiipack help pakc' is a usage
// error like 'ofiipack pakc', with the same suggestions.
func newCmdHelp(a *app, runF func(*HelpOptions) error) *cobra.Command {
	opts := &HelpOptions{}
	return &cobra.Command{
		Use:               "help " + a.t("help.help.args"),
		Short:             a.t("help.help.short"),
		Long:              a.t("help.help.long"),
		Example:           example(a.t("help.help.example")),
		ValidArgsFunction: completeTopic,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Root, opts.Topic = c.Root(), args
			if runF != nil {
				return runF(opts)
			}
			return helpRun(c.Context(), opts)
		},
	}
}

// helpRun prints the help of the command named by the topic.
func helpRun(_ context.Context, opts *HelpOptions) error {
	cmd, _, err := opts.Root.Find(opts.Topic)
	if err != nil || cmd == nil {
		uerr := usage("cli.help_topic", strings.Join(opts.Topic, " "))
		uerr.noHelpHint = true
		for _, s := range opts.Root.SuggestionsFor(opts.Topic[0]) {
			uerr.hints = append(uerr.hints, hint("cli.did_you_mean_help", s))
		}
		uerr.hints = append(uerr.hints, hint("cli.see_commands"))
		return uerr
	}
	cmd.InitDefaultHelpFlag()
	cmd.InitDefaultVersionFlag()
	return cmd.Help()
}

// completeTopic completes the words after 'ofiipack help': the commands
// under those already typed.
func completeTopic(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var names []cobra.Completion
	cmd, _, err := c.Root().Find(args)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	if cmd == nil {
		cmd = c.Root()
	}
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() || sub == c {
			if strings.HasPrefix(sub.Name(), toComplete) {
				names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
			}
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

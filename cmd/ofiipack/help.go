package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// newHelpCmd replaces cobra's help command, which answers an unknown topic
// with the root help and exit status 0: 'ofiipack help pakc' is a usage
// error like 'ofiipack pakc', with the same suggestions.
func newHelpCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "help " + a.t("help.help.args"),
		Short:   a.t("help.help.short"),
		Long:    a.t("help.help.long"),
		Example: example(a.t("help.help.example")),
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
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
		},
		RunE: func(c *cobra.Command, args []string) error {
			root := c.Root()
			cmd, _, err := root.Find(args)
			if err != nil || cmd == nil {
				uerr := usage("cli.help_topic", strings.Join(args, " "))
				uerr.noHelpHint = true
				for _, s := range root.SuggestionsFor(args[0]) {
					uerr.hints = append(uerr.hints, hint("cli.did_you_mean_help", s))
				}
				uerr.hints = append(uerr.hints, hint("cli.see_commands"))
				return uerr
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}

package main

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The help of every command is worded by the catalog
// (templates/text/messages/LANG/help.yaml), in the user's language: the
// commands' texts, the flags' usages, the usage template's headings, and
// the texts of what cobra adds itself (the completion command, -h/--help,
// -v/--version). In English it is word for word the help cobra prints.

func init() {
	// useLine, for the usage template: language-independent, so that the
	// one set of template functions serves every language.
	cobra.AddTemplateFunc("useLine", useLine)
}

// useLine is c.UseLine() with cobra's " [flags]" worded as flags
// ("[options]" in French).
func useLine(c *cobra.Command, flags string) string {
	line := c.UseLine()
	if rest, ok := strings.CutSuffix(line, " [flags]"); ok {
		return rest + " " + flags
	}
	return line
}

// usageTemplate is cobra's default usage template (UsageTemplate of a
// Command without one) with its words from the catalog. In English it
// prints exactly what cobra's own does; a test compares them.
func (a *app) usageTemplate() string {
	cmdArg := a.t("help.template.command")
	return a.t("help.template.usage") + `{{if .Runnable}}
  {{useLine . "` + a.t("help.template.flags_arg") + `"}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} ` + cmdArg + `{{end}}{{if gt (len .Aliases) 0}}

` + a.t("help.template.aliases") + `
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + a.t("help.template.examples") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

` + a.t("help.template.commands") + `{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

` + a.t("help.template.additional_commands") + `{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + a.t("help.template.flags") + `
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + a.t("help.template.global_flags") + `
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

` + a.t("help.template.help_topics") + `{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

` + a.t("help.template.more", "{{.CommandPath}}") + `{{end}}
`
}

// example indents the lines of an example of the catalog as cobra prints
// them, by two spaces.
func example(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}

// localizeCompletion words the completion command that cobra adds, and its
// subcommands, from the catalog. cobra adds it when the root runs; adding
// it now, with the root's output, is what cobra would do.
func (a *app) localizeCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = a.t("help.completion.short")
		c.Long = a.t("help.completion.long")
		for _, shell := range c.Commands() {
			switch shell.Name() {
			case "bash":
				shell.Long = a.t("help.completion.bash")
			case "zsh":
				shell.Long = a.t("help.completion.zsh")
			case "fish":
				shell.Long = a.t("help.completion.fish")
			case "powershell":
				shell.Long = a.t("help.completion.powershell")
			}
			shell.Short = a.t("help.completion.shell_short", shell.Name())
			if f := shell.Flags().Lookup("no-descriptions"); f != nil {
				f.Usage = a.t("help.flag.no_descriptions")
			}
		}
	}
}

// addHelpFlags gives c and every command under it the -h/--help flag that
// cobra would add, worded from the catalog, and the root its -v/--version.
func (a *app) addHelpFlags(c *cobra.Command) {
	if c.Flags().Lookup("help") == nil {
		c.Flags().BoolP("help", "h", false, a.t("help.flag.help", c.DisplayName()))
		setByCobra(c.Flags(), "help")
	}
	if !c.HasParent() && c.Version != "" && c.Flags().Lookup("version") == nil {
		c.Flags().BoolP("version", "v", false, a.t("help.flag.version", c.DisplayName()))
		setByCobra(c.Flags(), "version")
	}
	for _, sub := range c.Commands() {
		a.addHelpFlags(sub)
	}
}

// setByCobra marks a flag as cobra marks its own -h and -v: the shell
// completion then offers nothing more after them.
func setByCobra(fs *pflag.FlagSet, name string) {
	_ = fs.SetAnnotation(name, cobra.FlagSetByCobraAnnotation, []string{"true"})
}

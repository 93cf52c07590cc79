package main

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// helpTree builds the command tree in language l, as a run would.
func helpTree(l msg.Lang) *cobra.Command {
	a := newApp(nil, io.Discard, io.Discard)
	a.lang = l
	return newCmdRoot(a)
}

// commands returns c and every command under it, by command path.
func commands(c *cobra.Command) map[string]*cobra.Command {
	all := map[string]*cobra.Command{c.CommandPath(): c}
	for _, sub := range c.Commands() {
		for path, cmd := range commands(sub) {
			all[path] = cmd
		}
	}
	return all
}

// TestHelpEnglishIsCobras checks that the usage template worded from the
// catalog prints, in English, exactly what cobra's own prints, for every
// command.
func TestHelpEnglishIsCobras(t *testing.T) {
	root := helpTree(msg.English)
	cmds := commands(root)
	ours := map[string]string{}
	for path, c := range cmds {
		ours[path] = c.UsageString()
	}
	root.SetUsageTemplate("") // cobra's default usage
	for path, c := range cmds {
		if got, want := ours[path], c.UsageString(); got != want {
			t.Errorf("%s: the usage differs from cobra's:\n%s\nwant:\n%s", path, got, want)
		}
	}
	if len(cmds) < 14 {
		t.Errorf("found %d commands, want the 9 of ofiipack, completion's 4 and the root", len(cmds))
	}
}

// TestHelpFrench checks that every text of the help exists in French: each
// command's usage line, short line, long text and examples, each flag's
// usage, and the headings of the usage.
func TestHelpFrench(t *testing.T) {
	en, fr := commands(helpTree(msg.English)), commands(helpTree(msg.French))
	if len(en) != len(fr) {
		t.Fatalf("%d commands in English, %d in French", len(en), len(fr))
	}
	missing := func(what, s string) {
		t.Helper()
		if s == "" || strings.Contains(s, "help.") {
			t.Errorf("%s: %q, a message missing from the catalog", what, s)
		}
	}
	for path, e := range en {
		f := fr[path]
		if f == nil {
			t.Errorf("%s: no such command in French", path)
			continue
		}
		if e.Hidden {
			continue
		}
		missing(path+": use", f.Use)
		missing(path+": short", f.Short)
		missing(path+": long", f.Long)
		if f.Short == e.Short || f.Long == e.Long {
			t.Errorf("%s: short or long text not translated:\n%s\n%s", path, f.Short, f.Long)
		}
		if e.Example != "" {
			missing(path+": example", f.Example)
		}
		for _, fs := range []*pflag.FlagSet{f.LocalFlags(), f.InheritedFlags()} {
			fs.VisitAll(func(ff *pflag.Flag) {
				missing(path+" --"+ff.Name, ff.Usage)
				ef := e.LocalFlags().Lookup(ff.Name)
				if ef == nil {
					ef = e.InheritedFlags().Lookup(ff.Name)
				}
				if ef == nil || ef.Usage == ff.Usage {
					t.Errorf("%s --%s: usage not translated: %q", path, ff.Name, ff.Usage)
				}
				if ff.DefValue != "" && ff.DefValue != "false" && ff.DefValue != "0" {
					t.Errorf("%s --%s: pflag would print (default %s) in English", path, ff.Name, ff.DefValue)
				}
			})
		}
		usage := f.UsageString()
		for _, word := range []string{"Usage:", "Examples:", "Commands:", "Flags:", "[flags]", "[command]", "for more information", "help for", "version for"} {
			if strings.Contains(usage, word) {
				t.Errorf("%s: %q in the French usage:\n%s", path, word, usage)
			}
		}
	}
}

// Command ofiipack turns one applicant file (YAML) into a printable PDF pack
// for a seriously ill foreigner in France who applies for a residence permit
// for medical care: checklist, cover letter to the OFII medical service,
// honour statements and deadline calendar.
//
// Run 'ofiipack --help' for the commands. The logic lives under generator/;
// this package only parses the command line, reads and writes files, and
// turns errors into messages and exit status.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/inconshreveable/mousetrap"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// version is printed by --version. Release builds set it with
// -ldflags "-X main.version=v1.2.3"; otherwise the module version recorded
// by the Go toolchain is used (see buildVersion).
var version = ""

func main() { os.Exit(Main()) }

// Main runs ofiipack with the process's arguments and standard streams and
// returns the exit status: 0 success, 1 invalid input or failure, 2 usage
// error, 130 interrupted. The tests run the same function.
//
// Ctrl-C and SIGTERM cancel the context every command runs in: a command
// stops at its next read or write, removes what it had begun to write and
// ends with status 130 (the web form stops with 0). A second Ctrl-C ends
// the process at once.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	return run(ctx, launchArgs(os.Args[1:]), os.Stdin, os.Stdout, os.Stderr)
}

// launchArgs is the command line to run. ofiipack.exe double-clicked in the
// Windows Explorer (no arguments, a console of its own) opens the web form:
// a volunteer who never used a terminal gets the form, not cobra's "this is
// a command line tool". Elsewhere, and with arguments, args is unchanged.
func launchArgs(args []string) []string {
	if len(args) == 0 && mousetrap.StartedByExplorer() {
		cobra.MousetrapHelpText = ""
		return []string{"serve"}
	}
	return args
}

// run executes the command line args with the given streams in ctx.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newApp(stdin, stdout, stderr).execute(ctx, args)
}

// isTerminal reports whether w is a terminal (a PDF must not be written to one).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

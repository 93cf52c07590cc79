package main

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/web"
)

// ServeOptions is what 'ofiipack serve' runs with.
type ServeOptions struct {
	IO     *app
	Addr   string            // --addr: HOST:PORT on the loopback interface
	NoOpen bool              // --no-open: print the address, open no browser
	Org    string            // --org: an organisation file, over each form's own
	Today  func() civil.Date // --date, or the day of each request in Europe/Paris
}

func newCmdServe(a *app, runF func(*ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{IO: a}
	var date dateFlag
	cmd := &cobra.Command{
		Use:        "serve",
		Short:      a.t("help.serve.short"),
		SuggestFor: []string{"web", "form", "server", "gui"},
		Long:       a.t("help.serve.long"),
		Example:    example(a.t("help.serve.example")),
		Args:       cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Today = func() civil.Date { return date.today(a) }
			if runF != nil {
				return runF(opts)
			}
			return serveRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Addr, "addr", "127.0.0.1:0", a.t("help.flag.addr"))
	// The usage says the default in the user's language; pflag would add
	// its own "(default …)", in English.
	fl.Lookup("addr").DefValue = ""
	fl.BoolVar(&opts.NoOpen, "no-open", false, a.t("help.flag.no_open"))
	fl.StringVar(&opts.Org, "org", "", a.t("help.flag.org_serve"))
	a.addDateFlag(fl, &date)
	return cmd
}

// serveRun serves the web form on this computer until ctx is cancelled
// (Ctrl-C), its normal end.
func serveRun(ctx context.Context, opts *ServeOptions) error {
	a := opts.IO
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100) // see collectLess
	}
	host, err := loopback(opts.Addr)
	if err != nil {
		return err
	}
	o, err := loadOrganisation(ctx, opts.Org)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return withHints(failure("cli.serve.cannot_listen", opts.Addr, msg.OS(unwrapOpError(err))), hint("cli.serve.cannot_listen_hint"))
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	token, err := web.NewToken()
	if err != nil {
		return err
	}
	srv, err := web.New(web.Options{Token: token, Port: port, Org: o, Today: opts.Today})
	if err != nil {
		return err
	}
	url := "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/?token=" + token
	// One line, the same in every language: a script reads it.
	fmt.Fprintf(a.stdout, "ofiipack: open %s\n", url)
	if !opts.NoOpen {
		if err := openBrowser(url); err != nil {
			a.info("cli.serve.no_browser")
		}
	}
	if err := web.Serve(ctx, l, srv); err != nil {
		return err
	}
	a.info("cli.serve.stopped")
	return nil
}

// loopback checks that addr is HOST:PORT on the loopback interface, with
// a host that the server's Host check accepts (127.0.0.1, ::1 or
// localhost: web.New), and returns the host to print in the address: the
// form answers only on this computer (SPEC §5). Another loopback address
// (127.0.0.2, ::ffff:127.0.0.1) would listen where every request is then
// refused.
func loopback(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return "", usage("cli.serve.bad_addr", addr)
	}
	if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		return "", usage("cli.serve.bad_addr", addr)
	}
	if host == "localhost" {
		return "localhost", nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.IsLoopback() {
		err := usage("cli.serve.not_loopback", addr)
		err.hints = append(err.hints, hint("cli.serve.not_loopback_hint"))
		return "", err
	}
	if ip != netip.MustParseAddr("127.0.0.1") && ip != netip.IPv6Loopback() {
		err := usage("cli.serve.other_loopback", addr)
		err.hints = append(err.hints, hint("cli.serve.not_loopback_hint"))
		return "", err
	}
	return ip.String(), nil
}

// unwrapOpError drops the *net.OpError wrapper, whose message repeats the
// address.
func unwrapOpError(err error) error {
	if oe, ok := err.(*net.OpError); ok {
		if se, ok := oe.Err.(*os.SyscallError); ok {
			return se.Err
		}
		return oe.Err
	}
	return err
}

// openBrowser opens url in the default web browser, without waiting.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; its status says nothing about the browser
	return nil
}

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ofiipack/ofiipack/generator/atomicfile"
)

// defaultOutput is FILE's base name, extension dropped, with suffix, in the
// current folder: examples/diallo-general.yaml -> diallo-general-pack.pdf.
func defaultOutput(file, suffix string) string {
	return hostPaths.defaultOutput(file, suffix)
}

// outputPath resolves -o for a command that writes a file for input: the
// default name (see defaultOutput) when out is empty, that name inside out
// when out is an existing folder, "-" for standard output. It refuses a
// path that is one of the inputs: 'ofiipack pack a.yaml -o a.yaml' must not
// replace the applicant file with a PDF (nor calendar with a .ics).
func outputPath(out, input, suffix string, otherInputs ...string) (string, error) {
	def := defaultOutput(input, suffix)
	switch {
	case out == "-":
		return out, nil
	case out == "":
		out = def
	default:
		out = filepath.FromSlash(out) // on Windows "packs/" is a folder as "packs\" is
		fi, err := os.Stat(out)
		switch {
		case err == nil && fi.IsDir():
			out = filepath.Join(out, def)
		case err != nil && strings.HasSuffix(out, string(filepath.Separator)):
			return "", failure("cli.no_such_folder", out)
		}
	}
	for _, in := range append([]string{input}, otherInputs...) {
		if in != "" && atomicfile.SameFile(out, in) {
			return "", withHints(failure("cli.over_input", in), hint("cli.over_input_hint", shellQuote(def)))
		}
	}
	return out, nil
}

// writePDF writes what render produces to path, or to standard output when
// path is "-" (see writeStdout). A file is written atomically with mode
// 0600 (see writeFile): when render fails, nothing is left behind.
func (a *app) writePDF(ctx context.Context, path, cmdName string, render func(io.Writer) (pages int, err error)) error {
	pages := 0
	write := func(w io.Writer) (err error) {
		pages, err = render(w)
		return err
	}
	if path == "-" {
		if a.stdoutIsTerminal {
			return withHints(failure("cli.pdf_to_terminal"), hint("cli.pdf_to_terminal_hint", cmdName), hint("cli.pdf_to_terminal_hint2"))
		}
		return a.writeStdout(ctx, write)
	}
	if err := writeFile(ctx, path, write); err != nil {
		return err
	}
	a.info("cli.wrote_pdf", path, pages)
	return nil
}

// writeStdout writes what write produces to standard output at once, once
// it is whole: nothing at all when write fails (a panic turned into an
// internalError) or when Ctrl-C or SIGTERM came meanwhile.
func (a *app) writeStdout(ctx context.Context, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := safely(func() error { return write(&buf) }); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return interrupted()
	}
	_, err := a.stdout.Write(buf.Bytes())
	return err
}

// writeFile writes path atomically with what write produces, a panic turned
// into an internalError. An interrupt (Ctrl-C) or SIGTERM meanwhile cancels
// ctx: the document being written stops at its next write or, once drawn,
// is not renamed into place; its temporary file is removed and the command
// ends with status 130. The target is then either complete or untouched,
// and no temporary file is left behind.
func writeFile(ctx context.Context, path string, write func(io.Writer) error) error {
	err := atomicfile.Write(path, func(w io.Writer) error {
		if err := safely(func() error { return write(atomicfile.CancelWriter(ctx, w)) }); err != nil {
			return err
		}
		return ctx.Err() // drawn, but interrupted: not renamed
	})
	if ctx.Err() != nil {
		return interrupted()
	}
	return err
}

// safely runs fn and turns a panic into an internalError, so that the
// caller's cleanup (removing a temporary file) still runs.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = internalError{r}
		}
	}()
	return fn()
}

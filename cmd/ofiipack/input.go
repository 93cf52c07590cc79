package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/input"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/pipeline"
)

// readFile reads a file the user named, with an error that names it once.
// It reads a regular file, or a named pipe (bash's <(…), /dev/stdin), of
// at most applicant.MaxFileSize bytes: what names the kind of file
// expected, for the message past that size. A device or a socket is
// refused unopened. Ctrl-C or SIGTERM (ctx cancelled) while it reads ends
// the command as interrupted (status 130), never with what was read so
// far: the program writing into the pipe, stopped by the same Ctrl-C,
// closes it first, and its empty end read as « le fichier est vide ».
func readFile(ctx context.Context, name string, what msg.Text) ([]byte, error) {
	type read struct {
		data []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		var r read
		// A goroutine of its own: the command's recover (execute) does
		// not see a panic here.
		r.err = safely(func() (err error) {
			r.data, err = readFileOnce(name, what)
			return err
		})
		done <- r
	}()
	select {
	case <-ctx.Done():
		return nil, interrupted()
	case r := <-done:
		if fi, err := os.Stat(name); (r.err != nil || len(bytes.TrimSpace(r.data)) == 0) && err == nil && !fi.Mode().IsRegular() {
			// A stream that ended empty or failed: the signal that
			// closed it may not have reached this process yet.
			select {
			case <-ctx.Done():
				return nil, interrupted()
			case <-time.After(200 * time.Millisecond):
			}
		}
		return r.data, r.err
	}
}

func readFileOnce(name string, what msg.Text) ([]byte, error) {
	data, err := input.ReadFile(name, applicant.MaxFileSize, true, what)
	if err != nil {
		var me *msg.Error
		if errors.As(err, &me) && (errors.Is(err, input.ErrNotRegular) || errors.Is(err, input.ErrTooLarge)) {
			return nil, msg.Wrap(err, "cli.cannot_read", name, me.Text).WithHint(me.Hint)
		}
		err = unwrapPathError(err)
		if fi, serr := os.Stat(name); serr == nil && fi.IsDir() {
			err = syscall.EISDIR // Windows says "Incorrect function" for a folder
		}
		if errors.Is(err, syscall.EISDIR) {
			return nil, withHints(failure("cli.is_folder", name), hint("cli.is_folder_hint", filepath.Join(name, "*.yaml")))
		}
		return nil, msg.Wrap(err, "cli.cannot_read", name, msg.OS(err))
	}
	return data, nil
}

// unwrapPathError drops the *fs.PathError wrapper, whose message repeats
// the file name the caller already prints.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readApplicantFile is readFile with a hint for a file that does not exist.
func readApplicantFile(ctx context.Context, name string) ([]byte, error) {
	data, err := readFile(ctx, name, msg.New("read.what.applicant"))
	if errors.Is(err, fs.ErrNotExist) {
		err = withHints(err, hint("cli.no_such_file_hint"))
	}
	return data, err
}

// load reads an applicant file and runs it through the pipeline at today,
// signed by org when it is not nil (--org); the file's warnings are
// printed. Its problems come back as a problemsError, printed by
// app.report with a hint to validate. letterOnly plans only what the cover
// letter prints (see pipeline.Input).
func (a *app) load(ctx context.Context, name string, today civil.Date, org *applicant.Organisation, letterOnly bool) (pipeline.Result, error) {
	data, err := readApplicantFile(ctx, name)
	if err != nil {
		return pipeline.Result{}, err
	}
	r := pipeline.Run(pipeline.Input{Source: name, Data: data, LetterOnly: letterOnly}, today, org)
	if !r.OK() {
		return r, problemsError{file: name, problems: r.Problems}
	}
	a.printWarnings(r.Warnings)
	return r, nil
}

// loadOrganisation reads the --org file; none when name is "".
func loadOrganisation(ctx context.Context, name string) (*applicant.Organisation, error) {
	if name == "" {
		return nil, nil
	}
	data, err := readFile(ctx, name, msg.New("read.what.organisation"))
	if err != nil {
		return nil, err
	}
	org, err := applicant.LoadOrganisation(name, data)
	if err != nil {
		var ps applicant.Problems
		if errors.As(err, &ps) && len(ps) > 0 {
			return nil, problemsError{file: name, problems: ps}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return org, nil
}

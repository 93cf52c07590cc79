package main

import (
	"fmt"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// Exit statuses (SPEC §4).
const (
	exitOK      = 0
	exitFailure = 1 // invalid input or failure
	exitUsage   = 2 // the command line itself is wrong

	exitInterrupted = 130 // Ctrl-C or SIGTERM while writing a file, as shells report SIGINT
)

// usageError is a mistake in the command line: unknown command or flag,
// wrong number of arguments, bad flag value. Exit status 2.
type usageError struct {
	text       msg.Text
	hints      []msg.Text
	noHelpHint bool // the hints already say where to look
}

func (e usageError) Error() string { return e.text.String() }

// usage is a usage error worded by a message of the catalog.
func usage(key string, args ...any) usageError { return usageError{text: msg.New(key, args...)} }

// hintError is an error with lines that tell the user what to type or change.
type hintError struct {
	err   error
	hints []msg.Text
}

func (e hintError) Error() string { return e.err.Error() }
func (e hintError) Unwrap() error { return e.err }

func withHints(err error, hints ...msg.Text) error { return hintError{err, hints} }

// failure is an error worded by a message of the catalog.
func failure(key string, args ...any) error { return msg.Errorf(key, args...) }

// hint is a hint worded by a message of the catalog.
func hint(key string, args ...any) msg.Text { return msg.New(key, args...) }

// reportedError means the problems were already printed (validate prints
// each file's problems as it goes); only the exit status remains.
type reportedError struct{}

func (reportedError) Error() string { return "invalid input" }

// problemsError is a file that did not load, with the command that tried,
// so the hint can name validate.
type problemsError struct {
	file     string
	problems applicant.Problems
}

func (e problemsError) Error() string { return e.problems.Error() }
func (e problemsError) Unwrap() error { return e.problems }

// interruptedError is a command stopped by Ctrl-C or SIGTERM after it
// cleaned up: exit status 130, as shells report SIGINT.
type interruptedError struct{ err error }

func (e interruptedError) Error() string { return e.err.Error() }
func (e interruptedError) Unwrap() error { return e.err }

// interrupted is the error of a command that stopped at Ctrl-C or SIGTERM.
func interrupted() error { return interruptedError{failure("cli.interrupted")} }

// internalError is a panic turned into an error: a bug in ofiipack, never
// the user's fault. No stack trace is printed (it could hold personal data
// and helps no user); the message asks for a report.
type internalError struct{ value any }

func (e internalError) Error() string { return msg.New("cli.internal", fmt.Sprint(e.value)).String() }

// maxProblemsShown is how many problems pack, letter and plan print before
// pointing to validate, which prints them all.
const maxProblemsShown = 5

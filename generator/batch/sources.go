package batch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/input"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/sheet"
)

// entry is one applicant found in the inputs, before decoding: a YAML file's
// bytes, or a spreadsheet row as a node tree, or the problems that kept it
// from being read.
type entry struct {
	source string             // the file it comes from
	row    int                // the spreadsheet's row, 0 for an applicant file
	data   []byte             // a YAML file
	sheet  *sheet.Row         // a spreadsheet's row
	probs  applicant.Problems // set when the entry cannot be decoded at all

	uncounted bool // counting: the entries of this input cannot be counted
}

// walkInputs calls emit with every entry of inputs, in input order: files
// as given, folders searched recursively in lexical order for .yaml and .yml
// files (hidden ones skipped), spreadsheets row by row. It stops when emit
// returns false or ctx is done. With countOnly, YAML files are listed but
// not read.
func walkInputs(ctx context.Context, inputs []string, countOnly bool, emit func(entry) bool) {
	for _, in := range inputs {
		if ctx.Err() != nil {
			return
		}
		if !walkInput(ctx, in, countOnly, emit) {
			return
		}
	}
}

func walkInput(ctx context.Context, in string, countOnly bool, emit func(entry) bool) bool {
	fi, err := os.Stat(in)
	if err != nil {
		return emit(failed(in, 0, msg.New("read.cannot_read", msg.OS(err)), msg.New("batch.cannot_read_hint")))
	}
	if fi.IsDir() {
		return walkFolder(ctx, in, countOnly, emit)
	}
	if !fi.Mode().IsRegular() && fi.Mode()&fs.ModeNamedPipe == 0 {
		// A device or a socket: refused unopened, with what it is.
		return emit(readYAML(ctx, in, false, true))
	}
	if countOnly && !fi.Mode().IsRegular() {
		// A pipe or a device can be read only once: its entries are
		// not counted.
		return emit(entry{source: in, uncounted: true})
	}
	if sheet.Is(in) {
		return sheet.Read(ctx, in, func(r sheet.Row) bool { return emit(sheetEntry(r)) })
	}
	return emit(readYAML(ctx, in, countOnly, true))
}

// sheetEntry is the entry of a spreadsheet's row.
func sheetEntry(r sheet.Row) entry {
	if r.Problems != nil {
		return entry{source: r.Source, row: r.Number, probs: r.Problems}
	}
	return entry{source: r.Source, row: r.Number, sheet: &r}
}

func walkFolder(ctx context.Context, dir string, countOnly bool, emit func(entry) bool) bool {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isYAML(path) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil && ctx.Err() == nil {
		return emit(failed(dir, 0, msg.New("batch.cannot_read_folder", msg.OS(err)), noHint))
	}
	if len(files) == 0 && ctx.Err() == nil {
		return emit(failed(dir, 0, msg.New("batch.no_yaml_in_folder"), noHint))
	}
	for _, f := range files { // WalkDir visits in lexical order: deterministic
		// A pipe, a device or a socket found in a folder (a *.yaml link
		// to /dev/zero) is refused unopened: only a file named on the
		// command line may be a pipe.
		if ctx.Err() != nil || !emit(readYAML(ctx, f, countOnly, false)) {
			return false
		}
	}
	return true
}

// readYAML reads an applicant file, of at most applicant.MaxFileSize bytes;
// given tells a file named on the command line, which may be a pipe.
// A pipe's wait for its writer, and its reads, end with ctx.
func readYAML(ctx context.Context, path string, countOnly, given bool) entry {
	if countOnly {
		return entry{source: path}
	}
	what := msg.New("read.what.applicant")
	var (
		data []byte
		err  error
	)
	if given {
		var f *os.File
		var closeFile func()
		if f, closeFile, err = input.OpenContext(ctx, path); err == nil {
			data, err = input.ReadAll(f, applicant.MaxFileSize, what)
			closeFile()
		}
	} else {
		data, err = input.ReadFile(path, applicant.MaxFileSize, false, what)
	}
	if err != nil {
		return cannotRead(path, err)
	}
	return entry{source: path, data: data}
}

// cannotRead is the entry of an input that cannot be read, with the hint
// of the error when it has one (a device, a file too large).
func cannotRead(path string, err error) entry {
	hint := noHint
	var me *msg.Error
	if errors.As(err, &me) {
		hint = me.Hint
	}
	return failed(path, 0, msg.New("read.cannot_read", msg.OS(err)), hint)
}

func isYAML(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

// noHint is the absence of a hint.
var noHint msg.Text

// failed is the entry of an input, or of a spreadsheet's row, that cannot
// be read.
func failed(source string, row int, message, hint msg.Text) entry {
	return entry{source: source, row: row, probs: applicant.Problems{problem(source, row, message, hint)}}
}

// problem is a problem of a whole input, or of a spreadsheet's row.
func problem(source string, row int, message, hint msg.Text) applicant.Problem {
	return applicant.Problem{File: source, Line: row, Sheet: row > 0, Message: message, Hint: hint}
}

// rowAt names a row of a spreadsheet: "caseload.csv:row 4".
func rowAt(source string, row int) msg.Text { return msg.New("sheet.row", source, row) }

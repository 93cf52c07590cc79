// Package batch makes the packs of a whole caseload (association mode,
// `ofiipack batch`): from any mix of applicant files, folders of them, CSV
// files and .xlsx workbooks, it writes into one folder a PDF pack per
// applicant, summary.csv (what was written, what failed and why),
// caseload.pdf (every upcoming deadline of every applicant, week by week)
// and caseload.ics (the same deadlines for a shared calendar).
//
// # Guarantees
//
//   - One bad entry never stops the others: its problems are in its
//     [Result] and in summary.csv.
//   - Entries stream through a pool of workers: a caseload of any size
//     holds at most a few PDFs in memory at a time, and of each pack
//     written only what the caseload files print of it.
//   - Every file is written atomically; a cancelled context stops the
//     workers and leaves no partial or temporary file.
//   - The same inputs and date give the same bytes, whatever the number of
//     workers and their timing: PDF names are made unique in input order.
//   - No name taken from the data can escape the output folder ([Slug]).
//
// Spreadsheets are read by package sheet, whose columns are the dotted
// field paths of the applicant file or their French titles.
package batch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"syscall"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/pipeline"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/render"
	"github.com/ofiipack/ofiipack/generator/sheet"
)

// Names of the files a batch writes beside the packs.
const (
	SummaryFile     = "summary.csv"
	SummaryJSON     = "summary.json"
	CaseloadPDF     = "caseload.pdf"
	CaseloadCalFile = "caseload.ics"
)

// Options configure a batch.
type Options struct {
	Inputs []string   // applicant files, folders, .csv and .xlsx files, in order
	Dir    string     // output folder, created if needed
	Jobs   int        // workers; runtime.NumCPU() when < 1
	Today  civil.Date // the run's date (--date)
	// Org, when set, is printed on every pack instead of the file's own
	// organisation block (--org).
	Org *applicant.Organisation

	// CSV is how summary.csv is written: ';' and a byte-order mark by
	// default, ',' with --csv-comma.
	CSV sheet.CSV
	// Lang is the language of the messages (problems in Results and in the
	// error column of summary.csv).
	Lang msg.Lang

	// OnTotal, when set, is called once, before any entry, with the number
	// of entries: the inputs are read a first time to count them. It is -1
	// when an input cannot be read twice (a pipe).
	OnTotal func(n int)
	// OnEntry, when set, is called once per entry, in input order, from a
	// single goroutine, as soon as the entry and all before it are done.
	OnEntry func(Result)
}

// Place names an entry: the file it comes from, and for a spreadsheet its
// row.
type Place struct {
	Source string
	Row    int // the spreadsheet's row, from 1; 0 for an applicant file
}

// Text names the place in the run's language: "caseload.csv:row 4"
// (« caseload.csv:ligne 4 »), "folder/a.yaml".
func (p Place) Text() msg.Text {
	if p.Row == 0 {
		return msg.Raw(p.Source)
	}
	return rowAt(p.Source, p.Row)
}

// String names the place in English.
func (p Place) String() string { return p.Text().String() }

// Result is what became of one entry.
type Result struct {
	Index int // position in input order, from 0
	Place     // where the entry comes from
	PDF   string
	// Name is the applicant's family and given names, as read even when
	// the entry failed; "" when unread.
	Name      string
	Stage     string         // where the file stands (plan.Stage)
	StageText string         // the same in French
	Next      *plan.NextStep // the plan's next step; nil when the entry failed
	PostBy    *civil.Date    // the next step's posting date, when it has one
	NextText  string         // the next step in French: its title, and what to do today
	Warnings  []string       // the plan's warning IDs
	// WarningsText are the warnings in French, as the caseload board words
	// them (third person).
	WarningsText []string
	// DuplicateOf is the first entry of the same person (same family
	// name, given names and birth date), nil when none came before.
	DuplicateOf *Place
	Problems    applicant.Problems // why it failed; empty when the pack was written

	diskFull bool  // the pack could not be written: no space left on the disk
	kept     *kept // what the caseload files print of the pack written
	// FileWarnings are what the applicant file holds that ofiipack read
	// but the user may not mean (a YAML comment after a value); the pack
	// is written. Each also adds the ID FileWarningID to Warnings and its
	// French text to WarningsText.
	FileWarnings applicant.Problems
}

// FileWarningID is the ID, in Result.Warnings and summary.csv, of a
// warning about the file itself rather than the plan.
const FileWarningID = "file_text_comment"

// OK reports whether the pack was written.
func (r Result) OK() bool { return len(r.Problems) == 0 }

// Summary counts what a batch did.
type Summary struct {
	Dir     string
	Written int // packs written
	Failed  int // entries that failed
}

// writeCaseloadPDF writes the association's weekly board of deadlines,
// and the entries that failed.
func writeCaseloadPDF(w io.Writer, today civil.Date, entries *caseload, failures *failureList, org *applicant.Organisation) error {
	return render.WriteCaseload(w, render.Caseload{Today: today, Organisation: org, Count: entries.len(), Load: entries.boardEntry,
		Failed: failures.kept, FailedCount: failures.n})
}

// maxBoardFailures is how many failed entries the caseload board lists: a
// sheet whose every row fails (a wrong file) does not make a board of a
// thousand pages; summary.csv lists them all, and the board says so.
const maxBoardFailures = 300

// failureList is what the board prints of the entries that failed: the
// first maxBoardFailures, in input order, and their count.
type failureList struct {
	n    int
	kept []render.FailedEntry
}

func (l *failureList) add(r Result) {
	l.n++
	if len(l.kept) == maxBoardFailures {
		return
	}
	e := render.FailedEntry{Source: r.Source, Row: r.Row, Name: r.Name}
	if len(r.Problems) > 0 {
		p := r.Problems[0]
		e.Problem, e.Hint = p.What().In(msg.French), p.Hint.In(msg.French)
	}
	l.kept = append(l.kept, e)
}

func interrupted(err error) error {
	return msg.Wrap(err, "batch.interrupted")
}

// job is one entry decoded and planned, ready to render.
type job struct {
	Result
	file *applicant.File
	plan *plan.Plan
	org  *applicant.Organisation // who signs: the run's, else the file's
}

// prepare makes an entry's plan through the pipeline, as the command line
// and the web form make theirs, and names its PDF. It runs in input
// order, so names are unique the same way on every run. A bug met by one
// entry (a panic) makes that entry fail, never the batch.
func prepare(e entry, today civil.Date, org *applicant.Organisation, names *namer) (j job) {
	j = job{Result: Result{Place: Place{e.source, e.row}}}
	if e.probs != nil {
		j.Problems = e.probs
		return j
	}
	in := pipeline.Input{Source: e.source, Data: e.data}
	if e.sheet != nil {
		in.Node, in.Row = e.sheet.Node, e.row
	}
	defer func() {
		if v := recover(); v != nil {
			j = job{Result: Result{Place: j.Place, Name: j.Name, Problems: applicant.Problems{pipeline.Bug(in, v)}}}
			if e.sheet != nil {
				j.Problems = e.sheet.Locate(j.Problems)
			}
		}
	}()
	r := pipeline.Run(in, today, org)
	j.Name = r.Name
	if !r.OK() {
		j.Name = pipeline.NameOf(in)
		j.Problems = r.Problems
		if e.sheet != nil {
			j.Problems = e.sheet.Locate(r.Problems)
		}
		return j
	}
	j.file, j.plan, j.org = r.File, r.Plan, r.Org
	j.PDF = names.unique(pipeline.PackName(j.file)) + ".pdf"
	j.DuplicateOf = names.person(j.file, j.Place)
	j.Stage, j.StageText, j.Next, j.NextText = j.plan.Stage, j.plan.StageText(), j.plan.NextStep, j.plan.NextText()
	if d := j.plan.Next(); d != nil {
		j.PostBy = d.PostBy
	}
	for _, w := range j.plan.Warnings {
		j.Warnings = append(j.Warnings, w.ID)
		t := w.Short
		if t == "" {
			t = w.Message
		}
		j.WarningsText = append(j.WarningsText, t)
	}
	if len(r.Warnings) > 0 {
		j.Warnings = append(j.Warnings, FileWarningID)
		j.FileWarnings = r.Warnings
	}
	for _, w := range r.Warnings {
		j.WarningsText = append(j.WarningsText, w.In(msg.French))
	}
	return j
}

// work renders the pack of a prepared entry into dir.
func (j job) work(ctx context.Context, dir string, unsynced bool) Result {
	r := j.Result
	if !r.OK() {
		return r
	}
	err := writeFile(filepath.Join(dir, r.PDF), unsynced, func(w io.Writer) error {
		// The PDF library writes in small pieces: one system call per
		// 64 KiB instead of a hundred per pack.
		bw := bufio.NewWriterSize(atomicfile.CancelWriter(ctx, w), 64<<10)
		if err := safely(func() error { return render.Pack(bw, j.file, j.plan, j.org) }); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		r.Problems = applicant.Problems{problem(r.Source, r.Row, msg.New("batch.write_failed", r.PDF, msg.OS(err)), noHint)}
		r.PDF = ""
		r.diskFull = diskFull(err)
	}
	return r
}

// writeFile writes a pack, synced or not (see FolderSync in Run); the tests
// replace it to fail as a full disk does.
var writeFile = func(path string, unsynced bool, write func(io.Writer) error) error {
	if unsynced {
		return atomicfile.WriteUnsynced(path, write)
	}
	return atomicfile.Write(path, write)
}

// diskFull reports whether err says that the disk is full: ENOSPC, or on
// Windows ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL.
func diskFull(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	return errno == syscall.ENOSPC || (runtime.GOOS == "windows" && (errno == 112 || errno == 39))
}

// safely runs fn and turns a panic into an error: a bug met by one entry
// must not stop the others, nor skip the removal of a temporary file.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (a bug in ofiipack): %v", r)
		}
	}()
	return fn()
}

package batch

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// Run makes the packs of opt.Inputs into opt.Dir. Entry failures are
// counted in the Summary, reported through OnEntry and summary.csv, and do
// not make Run fail; the error is for the batch as a whole (no inputs, the
// output folder cannot be written, ctx cancelled). After a cancellation the
// packs already written stay, complete, and summary.csv and the caseload
// files are not written.
func Run(ctx context.Context, opt Options) (Summary, error) {
	sum := Summary{Dir: opt.Dir}
	if err := checkOptions(&opt); err != nil {
		return sum, err
	}
	release, err := claimFolder(opt)
	if err != nil {
		return sum, err
	}
	defer release()
	if opt.OnTotal != nil {
		n := count(ctx, opt.Inputs)
		if err := ctx.Err(); err != nil {
			return sum, interrupted(err)
		}
		opt.OnTotal(n)
	}

	// Where the folder's file system can be synced at once, the packs are
	// written unsynced and synced together: before summary.csv lists them,
	// and, whatever ends the run (an interruption, a full disk), before it
	// returns.
	folder, err := atomicfile.OpenFolderSync(opt.Dir)
	if err != nil {
		return sum, err
	}
	defer folder.Close()
	defer folder.Sync() // best effort: the run already reports its outcome

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w := startWorkers(ctx, cancel, opt, folder != nil)
	rows := make(chan Result, opt.Jobs)
	summaryDone := make(chan error, 1)
	go func() { summaryDone <- writeSummary(ctx, opt, folder, rows) }()

	var (
		entries  caseload
		failures failureList
	)
	inOrder(w.done, func(r Result) {
		rows <- r
		if r.OK() {
			sum.Written++
			entries.add(r.kept)
		} else {
			sum.Failed++
			failures.add(r)
		}
		if opt.OnEntry != nil {
			opt.OnEntry(r)
		}
	})
	close(rows)
	summaryErr := <-summaryDone
	if w.full.Load() {
		sum.Written = int(w.packs.Load())
		return sum, msg.Wrap(syscall.ENOSPC, "batch.disk_full", opt.Dir, sum.Written).WithHint(msg.New("batch.disk_full_hint"))
	}
	if err := ctx.Err(); err != nil {
		sum.Written = int(w.packs.Load())
		return sum, interrupted(err)
	}
	if summaryErr != nil {
		return sum, summaryErr
	}
	if err := writeCaseload(ctx, opt, &entries, &failures); err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, interrupted(err)
	}
	return sum, nil
}

// checkOptions checks what Run is given, and sets the number of workers
// when none is given.
func checkOptions(opt *Options) error {
	if opt.Dir == "" {
		return msg.Errorf("batch.no_output")
	}
	if len(opt.Inputs) == 0 {
		return msg.Errorf("batch.no_input")
	}
	if opt.Today.IsZero() {
		return msg.Errorf("batch.no_date")
	}
	if opt.Jobs < 1 {
		opt.Jobs = runtime.NumCPU()
	}
	// The batch writes summary.csv, caseload.pdf, caseload.ics and PDFs in
	// opt.Dir: it must not replace one of its own inputs
	// ('batch out/summary.csv -o out').
	for _, in := range opt.Inputs {
		for _, name := range []string{SummaryFile, SummaryJSON, CaseloadPDF, CaseloadCalFile, LockFile} {
			if atomicfile.SameFile(in, filepath.Join(opt.Dir, name)) {
				return msg.Errorf("batch.output_is_input", in)
			}
		}
		if strings.EqualFold(filepath.Ext(in), ".pdf") && atomicfile.SameFile(filepath.Dir(in), opt.Dir) {
			return msg.Errorf("batch.output_is_input", in)
		}
	}
	return nil
}

// claimFolder creates the output folder and locks it, and removes the
// summary and caseload files of a previous run. The function it returns
// releases the lock.
func claimFolder(opt Options) (release func(), err error) {
	if err := os.MkdirAll(opt.Dir, 0o700); err != nil {
		return nil, msg.Wrap(err, "batch.cannot_create_folder", opt.Dir, msg.OS(err))
	}
	// One batch at a time in a folder: a second one would remove the
	// first one's summary and write its own over it.
	lock, err := lockFolder(opt.Dir)
	if err != nil {
		return nil, err
	}
	// The summary and the caseload files of a previous run go first: an
	// interrupted run must not leave them beside packs of another day, as
	// if they described them.
	for _, name := range []string{SummaryFile, SummaryJSON, CaseloadPDF, CaseloadCalFile} {
		if err := os.Remove(filepath.Join(opt.Dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			lock.release()
			return nil, msg.Wrap(err, "batch.cannot_write", name, msg.OS(err))
		}
	}
	// The batch removes only the files it made: each temporary file is
	// removed by what made it (atomicfile), never by its name, which a
	// user's file or an input may share.
	return lock.release, nil
}

// count reads the inputs a first time and counts their entries; -1 when
// an input cannot be read twice (a pipe).
func count(ctx context.Context, inputs []string) int {
	n := 0
	walkInputs(ctx, inputs, true, func(e entry) bool {
		if e.uncounted {
			n = -1
			return false
		}
		n++
		return true
	})
	return n
}

// workers are the goroutines that prepare the entries in input order and
// render their packs in any order.
type workers struct {
	done chan Result // every entry's result, in any order; closed at the end
	// packs counts the packs written, in whatever order and whether or
	// not the results were reported before an interrupt: the count that
	// an interrupted run gives is the number of packs in the folder.
	packs atomic.Int64
	// full is set by the first pack that finds the disk full: the batch
	// stops scheduling at once, and says so once, naming the folder.
	full atomic.Bool
}

// startWorkers starts one goroutine that walks the inputs and prepares
// each entry (prepare), and opt.Jobs that render the packs (job.work).
func startWorkers(ctx context.Context, cancel func(), opt Options, unsynced bool) *workers {
	w := &workers{done: make(chan Result, opt.Jobs)}
	todo := make(chan job, opt.Jobs)
	go func() {
		defer close(todo)
		names := newNamer()
		i := 0
		walkInputs(ctx, opt.Inputs, false, func(e entry) bool {
			j := prepare(e, opt.Today, opt.Org, names)
			j.Index = i
			i++
			select {
			case todo <- j:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	var wg sync.WaitGroup
	for range opt.Jobs {
		wg.Go(func() {
			for j := range todo {
				if ctx.Err() != nil {
					continue // drain: the producer may be blocked on a send
				}
				r := j.work(ctx, opt.Dir, unsynced)
				if r.OK() {
					w.packs.Add(1)
				}
				if r.diskFull {
					w.full.Store(true)
					cancel()
				}
				if ctx.Err() != nil {
					continue
				}
				if r.OK() {
					r.kept = keep(j.file, j.plan, r.Place)
				}
				w.done <- r
			}
		})
	}
	go func() { wg.Wait(); close(w.done) }()
	return w
}

// writeSummary writes summary.csv and summary.json as the results come
// from rows, into temporary files renamed once every entry is done (and
// removed if the batch is interrupted), summary.json first. It reads rows
// to its end whatever happens.
func writeSummary(ctx context.Context, opt Options, folder *atomicfile.FolderSync, rows <-chan Result) error {
	err := atomicfile.Write(filepath.Join(opt.Dir, SummaryFile), func(w io.Writer) error {
		return atomicfile.Write(filepath.Join(opt.Dir, SummaryJSON), func(jw io.Writer) error {
			bw := bufio.NewWriterSize(atomicfile.CancelWriter(ctx, w), 64<<10)
			bj := bufio.NewWriterSize(atomicfile.CancelWriter(ctx, jw), 64<<10)
			sw, err := newSummaryWriter(bw, bj, opt.CSV, opt.Lang, opt.Today)
			for r := range rows {
				if err == nil {
					err = sw.add(r)
				}
			}
			if err == nil {
				err = ctx.Err()
			}
			if err == nil {
				// The packs written unsynced (writeFile) are on disk
				// before the summary lists them.
				err = folder.Sync()
			}
			if err == nil {
				err = sw.close()
			}
			if err == nil {
				err = bj.Flush()
			}
			if err == nil {
				err = bw.Flush()
			}
			return err
		})
	})
	for range rows { // the file could not be created
	}
	return err
}

// inOrder calls report with each result of done in input order: results
// come in any order, and wait until those before them are reported.
func inOrder(done <-chan Result, report func(Result)) {
	next := 0
	pending := map[int]Result{}
	for r := range done {
		pending[r.Index] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, r.Index)
			next++
			report(r)
		}
	}
}

// writeCaseload writes caseload.pdf and caseload.ics from the records of
// the packs written and the entries that failed.
func writeCaseload(ctx context.Context, opt Options, entries *caseload, failures *failureList) error {
	if err := atomicfile.Write(filepath.Join(opt.Dir, CaseloadPDF), func(w io.Writer) error {
		bw := bufio.NewWriterSize(atomicfile.CancelWriter(ctx, w), 64<<10)
		if err := safely(func() error { return writeCaseloadPDF(bw, opt.Today, entries, failures, opt.Org) }); err != nil {
			return err
		}
		return bw.Flush()
	}); err != nil {
		return msg.Wrap(err, "batch.cannot_write", CaseloadPDF, msg.OS(err))
	}
	return atomicfile.Write(filepath.Join(opt.Dir, CaseloadCalFile), func(w io.Writer) error {
		return ical.Caseload(atomicfile.CancelWriter(ctx, w), opt.Today, entries.calendarEntries())
	})
}

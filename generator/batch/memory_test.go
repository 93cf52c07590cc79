package batch

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/ofiipack/ofiipack/generator/sheet"
)

// retainedPerEntry returns the live heap a batch of n rows holds per
// applicant until its end: the unique names and first-seen people of the
// namer, and each pack's record (what the caseload files print of it). It
// reads and plans the rows as Run does, without rendering the packs, whose
// memory is freed as each is written.
func retainedPerEntry(t testing.TB, n int) float64 {
	in := t.TempDir()
	var rows [][]string
	for i := range n {
		rows = append(rows, person(t, "DIALLO", fmt.Sprintf("Aminata %d", i)))
	}
	path := writeCSV(t, filepath.Join(in, "c.csv"), ';', true, sheet.ColumnNames(), rows...)
	rows = nil
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	names := newNamer()
	var entries caseload
	// The first entry is not counted: it initialises what the process
	// holds once (the wording of the plans, the holidays' tables).
	var before uint64
	walkInputs(context.Background(), []string{path}, false, func(e entry) bool {
		j := prepare(e, today, nil, names)
		if !j.OK() {
			t.Fatalf("%s: %v", j.Place, j.Problems)
		}
		entries.add(keep(j.file, j.plan, j.Place))
		if entries.len() == 1 {
			before = heap()
		}
		return true
	})
	after := heap()
	if entries.len() != n {
		t.Fatalf("%d entries, want %d", entries.len(), n)
	}
	runtime.KeepAlive(names)
	runtime.KeepAlive(entries)
	return (float64(after) - float64(before)) / float64(n-1)
}

// TestRetainedPerEntry bounds the memory a batch holds per applicant (a
// memory bound, not a timing), so that a caseload of 5,000 stays within
// 1.5 times the memory of one of 1,000: the record of what the caseload
// files print of the applicant (for these rows, four deadlines, their texts
// shared with the other applicants') and the namer's names given and
// people seen (about 600 bytes in all, measured with Go 1.26).
func TestRetainedPerEntry(t *testing.T) {
	const bound = 768
	got := retainedPerEntry(t, 2000)
	if got > bound {
		t.Errorf("the batch holds %.0f bytes per applicant, want at most %d", got, bound)
	}
	t.Logf("%.0f bytes held per applicant", got)
}

// BenchmarkBatchMemory reports the live heap a batch holds per applicant
// until its end (retained-B/entry).
func BenchmarkBatchMemory(b *testing.B) {
	var sum float64
	for b.Loop() {
		sum += retainedPerEntry(b, 2000)
	}
	b.ReportMetric(sum/float64(b.N), "retained-B/entry")
}

package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/sheet"
)

// spillFiles returns the spill files in dir.
func spillFiles(t *testing.T, dir string) []os.DirEntry {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []os.DirEntry
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), atomicfile.TempPrefix+"caseload-entries-") {
			out = append(out, e)
		}
	}
	return out
}

// The spill file is in the output folder while the packs are made, private
// (0600), and gone once the batch ends, whether it ends well or is
// cancelled. Where the system allows it (not Windows) its name is gone at
// once: a run that is killed leaves nothing.
func TestSpillFileRemoved(t *testing.T) {
	in := t.TempDir()
	var rows [][]string
	for i := range 12 {
		rows = append(rows, person(t, "DIALLO", fmt.Sprintf("Aminata %d", i)))
	}
	path := writeCSV(t, filepath.Join(in, "c.csv"), ';', true, sheet.ColumnNames(), rows...)
	for _, cancelAt := range []int{0, 3} {
		t.Run(fmt.Sprintf("cancel at %d", cancelAt), func(t *testing.T) {
			out := t.TempDir()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			seen, during := 0, 0
			_, err := Run(ctx, Options{Inputs: []string{path}, Dir: out, Jobs: 2, Today: today, OnEntry: func(Result) {
				seen++
				files := spillFiles(t, out)
				during = max(during, len(files))
				for _, f := range files {
					info, err := f.Info()
					if err != nil {
						t.Fatal(err)
					}
					if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
						t.Errorf("spill file mode %v, want 0600", info.Mode().Perm())
					}
				}
				if seen == cancelAt {
					cancel()
				}
			}})
			if cancelAt == 0 && err != nil {
				t.Fatal(err)
			}
			if cancelAt > 0 && !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if want := map[bool]int{true: 1, false: 0}[runtime.GOOS == "windows"]; during != want {
				t.Errorf("%d spill files seen during the run, want %d", during, want)
			}
			listDir(t, out) // fails on a temporary file
		})
	}
}

// close removes the spill file itself, without the batch's final cleanup.
func TestSpillCloseRemoves(t *testing.T) {
	dir := t.TempDir()
	s, err := newSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.add([]byte{})
	if err := s.done(); err != nil {
		t.Fatal(err)
	}
	s.close()
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left after close: %v", ents)
	}
}

// A record read back from the spill file is what keep kept of the applicant.
func TestSpillRoundTrip(t *testing.T) {
	f, p := examplePlan(t, "diallo-general")
	p.Warnings = append(p.Warnings, plan.Warning{ID: "x", Message: "Un message sans forme courte."})
	p.NextStep = &plan.NextStep{ID: "ofii_reply", Date: &today, Kind: "reply", Late: true, Now: "Répondre aujourd’hui.",
		PostByPassed: true, Title: "Réponse à l’OFII"}
	s, err := newSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	for i := range 3 {
		s.add(encodeKept(f, p, fmt.Sprintf("c.csv:row %d", i+2)))
	}
	if err := s.done(); err != nil {
		t.Fatal(err)
	}
	k, err := s.load(1)
	if err != nil {
		t.Fatal(err)
	}
	if k.where != "c.csv:row 3" || k.family != f.Applicant.FamilyName || k.given != f.Applicant.GivenNames ||
		k.phone != f.Applicant.Phone || k.birth != f.Applicant.BirthDate {
		t.Errorf("applicant read back: %+v", k)
	}
	if len(k.deadlines) != len(p.Deadlines) {
		t.Fatalf("%d deadlines read back, want %d", len(k.deadlines), len(p.Deadlines))
	}
	for i, d := range p.Deadlines {
		want := plan.Deadline{ID: d.ID, Kind: d.Kind, Date: d.Date, PostBy: d.PostBy, NonWorkingDay: d.NonWorkingDay,
			Passed: d.Passed, Done: d.Done, Title: d.Title, Source: d.Source, DaysLeft: d.DaysLeft}
		if !reflect.DeepEqual(k.deadlines[i], want) {
			t.Errorf("deadline %d read back:\n%+v, want\n%+v", i, k.deadlines[i], want)
		}
	}
	if n := len(p.Warnings); len(k.warnings) != n || k.warnings[n-1] != "Un message sans forme courte." {
		t.Errorf("warnings read back: %q", k.warnings)
	}
	if !reflect.DeepEqual(k.next, p.NextStep) {
		t.Errorf("next step read back: %+v, want %+v", k.next, p.NextStep)
	}
	// an action has no date
	action := &plan.NextStep{ID: plan.StepAwaitDecision, Kind: plan.KindAction, Now: "Répondez à l’OFII.", Title: "Attendre"}
	q := *p
	q.NextStep = action
	if k, err := decodeKept(encodeKept(f, &q, "x")); err != nil || !reflect.DeepEqual(k.next, action) {
		t.Errorf("action read back: %+v (%v), want %+v", k.next, err, action)
	}
	rec := encodeKept(f, p, "x")
	for n := range len(rec) {
		if _, err := decodeKept(rec[:n]); err == nil {
			t.Fatalf("a record cut at %d of %d bytes decodes", n, len(rec))
		}
	}
}

func examplePlan(t testing.TB, name string) (*applicant.File, *plan.Plan) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := applicant.Load(name+".yaml", b, today)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Compute(f, today)
	if err != nil {
		t.Fatal(err)
	}
	return f, p
}

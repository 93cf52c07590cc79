package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/internal/golden"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// TestGolden compares a few renders byte for byte with the PDFs of
// testdata/. A change of layout or wording shows here first: look at the
// new PDFs, then refresh them with go test -run TestGolden -update.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		golden, example string
		docs            []string // nil: the whole pack
	}{
		{"diallo-general-letter.pdf", "diallo-general", []string{plan.DocCoverLetter}},
		{"nguyen-hosted-pack.pdf", "nguyen-hosted", nil},
		{"minimal-pack.pdf", "minimal", nil},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			f, p := examplePlan(t, tc.example)
			docs := tc.docs
			if docs == nil {
				docs = p.Documents
			}
			_, got := render(t, tc.golden, f, p, nil, docs)
			// Again, now that the fonts' subsets of these runes are kept:
			// a kept subset gives the bytes a fresh one gives.
			if _, again := render(t, tc.golden, f, p, nil, docs); !bytes.Equal(again, got) {
				t.Errorf("a second render differs from the first (%d bytes, first %d)", len(again), len(got))
			}
			// And as the commands render, without the layout's detail.
			production(t)
			if _, plain := render(t, tc.golden, f, p, nil, docs); !bytes.Equal(plain, got) {
				t.Errorf("a render without the layout's detail differs (%d bytes, with it %d)", len(plain), len(got))
			}
			golden.Check(t, tc.golden, got, func(want, got []byte) string {
				return fmt.Sprintf("%d bytes, golden %d", len(got), len(want))
			})
		})
	}
}

// TestCaseloadGolden compares an association's board with
// testdata/caseload-board.pdf byte for byte: every example's plan, two
// applicants of the same name, a late next step that is no deadline of its
// entry, and failed entries beyond those kept, so that each of the board's
// tables is drawn.
func TestCaseloadGolden(t *testing.T) {
	lapsed := today.AddDays(-12)
	cl := Caseload{
		Today:        today,
		Organisation: &applicant.Organisation{Name: "Association Accueil Solidarité"},
		Failed: []FailedEntry{
			{Source: "dossiers.xlsx", Row: 11, Name: "KONÉ Awa", Problem: "colonne « Date de naissance » : trouvé \"31/02/1990\"", Hint: "vérifiez le jour"},
			{Source: "b.yaml", Problem: "b.yaml:3:1 : applicant : absent"},
		},
		FailedCount: 3,
	}
	for i, name := range examples {
		f, p := examplePlan(t, name)
		e := CaseloadEntry{Name: fullName(f.Applicant.GivenNames, f.Applicant.FamilyName), Source: name + ".yaml",
			Deadlines: p.Deadlines, Warnings: p.Warnings, NextStep: p.NextStep}
		if i%2 == 0 {
			e.Phone = "06 12 34 56 7" + strconv.Itoa(i)
		}
		cl.Entries = append(cl.Entries, e)
	}
	twin := cl.Entries[0]
	twin.Source, twin.Phone = "homonyme.yaml", ""
	cl.Entries = append(cl.Entries, twin, CaseloadEntry{Name: "Awa KONÉ", Source: "k.yaml",
		NextStep: &plan.NextStep{ID: plan.StepGetHelpNow, Date: &lapsed, Kind: plan.KindDeadline, Late: true,
			Title: "Faites-vous aider aujourd’hui : le délai de recours a pris fin", Now: "Voyez aujourd’hui un avocat."}})
	var buf bytes.Buffer
	if _, err := caseload(&buf, cl); err != nil {
		t.Fatal(err)
	}
	if *dump != "" {
		if err := os.WriteFile(filepath.Join(*dump, "caseload-board.pdf"), buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	golden.Check(t, "caseload-board.pdf", buf.Bytes(), func(want, got []byte) string {
		return fmt.Sprintf("%d bytes, golden %d", len(got), len(want))
	})
}

// TestCachesChangeNoByte: what a process keeps from one document to the
// next (the fonts parsed, their subsets, widths and IDs, the QR plans, the
// laid-out paragraphs of a canvas) changes no byte of a pack. Each
// example's pack made by a fresh process, which has kept nothing, is
// compared with the pack made here after every other example's, from
// several goroutines at once.
func TestCachesChangeNoByte(t *testing.T) {
	if name := os.Getenv("OFIIPACK_FRESH_RENDER"); name != "" {
		t.Skip("rendering in a fresh process: TestFreshRender")
	}
	fresh := map[string][]byte{}
	dir := t.TempDir()
	for _, name := range examples {
		out := filepath.Join(dir, name+".pdf")
		cmd := exec.Command(os.Args[0], "-test.run=^TestFreshRender$")
		cmd.Env = append(os.Environ(), "OFIIPACK_FRESH_RENDER="+name, "OFIIPACK_FRESH_OUT="+out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("fresh render of %s: %v\n%s", name, err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		fresh[name] = b
	}
	production(t)
	for i := len(examples) - 1; i >= 0; i-- {
		renderExample(t, examples[i])
	}
	var wg sync.WaitGroup
	for range 2 {
		for _, name := range examples {
			f, p := examplePlan(t, name)
			wg.Go(func() {
				var b bytes.Buffer
				if err := Pack(&b, f, p, nil); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(b.Bytes(), fresh[name]) {
					t.Errorf("%s: the pack made after the others (%d bytes) differs from a fresh process's (%d bytes)", name, b.Len(), len(fresh[name]))
				}
			})
		}
	}
	wg.Wait()
}

// TestFreshRender is TestCachesChangeNoByte's fresh process.
func TestFreshRender(t *testing.T) {
	name := os.Getenv("OFIIPACK_FRESH_RENDER")
	if name == "" {
		t.Skip("run by TestCachesChangeNoByte")
	}
	f, p := examplePlan(t, name)
	production(t)
	var b bytes.Buffer
	if err := Pack(&b, f, p, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(os.Getenv("OFIIPACK_FRESH_OUT"), b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

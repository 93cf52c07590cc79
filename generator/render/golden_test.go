package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

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

package render

import (
	"bytes"
	"fmt"
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

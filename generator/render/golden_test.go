package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ofiipack/ofiipack/generator/plan"
)

var update = flag.Bool("update", false, "rewrite the golden PDFs of testdata/")

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
			path := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the render (%d bytes, golden %d): look at both, then refresh with -update", path, len(got), len(want))
			}
		})
	}
}

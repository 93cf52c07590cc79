// Command floor draws the cover letter (letter.go), or the whole pack
// (pack.go), of examples/diallo-general.yaml with fpdf as
// published and nothing else: no applicant file, no plan, no wording. It
// is the least a Go program must do to print that text with the same
// fonts, and the process benchmarks of cmd/ofiipack (BenchmarkLetterProcess,
// BenchmarkBatchProcess) compare ofiipack's CPU time with it.
//
// It is its own module, so that it builds against fpdf as published, not
// against ofiipack's patched copy. The benchmarks copy it and the fonts
// to a temporary folder before building it (go:embed cannot reach
// ../../../../fonts).
package main

import (
	_ "embed"
	"fmt"
	"os"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

type document struct {
	title string
	pages []page
}

type page struct {
	lines []line
	runs  []run
}

type line struct{ x1, y1, x2, y2 float64 }

type run struct {
	x, baseline float64
	style       string
	size        float64
	text        string
}

var (
	//go:embed NotoSans-Regular.ttf
	regular []byte
	//go:embed NotoSans-Bold.ttf
	bold []byte
)

func main() {
	doc := letter
	switch {
	case len(os.Args) == 3 && os.Args[2] == "pack":
		doc = pack
	case len(os.Args) != 2:
		fmt.Fprintln(os.Stderr, "usage: floor OUTPUT.pdf [pack]")
		os.Exit(2)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	day := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(day)
	pdf.SetModificationDate(day)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetTitle(doc.title, true)
	pdf.AddUTF8FontFromBytes("noto", "", regular)
	pdf.AddUTF8FontFromBytes("noto", "B", bold)
	for _, p := range doc.pages {
		pdf.AddPage()
		pdf.SetLineWidth(0.25)
		for _, l := range p.lines {
			pdf.Line(l.x1, l.y1, l.x2, l.y2)
		}
		for _, r := range p.runs {
			pdf.SetFont("noto", r.style, r.size)
			pdf.Text(r.x, r.baseline, r.text)
		}
	}
	if err := pdf.OutputFileAndClose(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

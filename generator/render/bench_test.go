package render

import (
	"os"

	"io"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/ofiipack/ofiipack/generator/plan"
)

// BenchmarkPack renders the whole pack of the general example.
func BenchmarkPack(b *testing.B) {
	f, p := examplePlan(b, "diallo-general")
	production(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Pack(io.Discard, f, p, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPackNotice renders the general example's pack without and with
// the notice in the applicant's language, one after the other in every
// iteration so that the load of the machine weighs on both alike, and
// reports the CPU time of each and their ratio. Arabic: shaping, right-to-left
// order and two more fonts; Georgian: two more fonts; Russian: the pack's
// own fonts. SPEC §3 asks for at most 1.3 × the pack without the notice:
//
//	go test ./generator/render -run '^$' -bench PackNotice -benchtime 300x
func BenchmarkPackNotice(b *testing.B) {
	for _, lang := range []string{"ar", "ka", "ru"} {
		b.Run(lang, func(b *testing.B) {
			f, p := examplePlan(b, "diallo-general")
			fn := *f
			fn.Applicant.Language = lang
			pn, err := plan.Compute(&fn, today)
			if err != nil {
				b.Fatal(err)
			}
			production(b)
			var without, with time.Duration
			for b.Loop() {
				t0 := cpuNow()
				if err := Pack(io.Discard, f, p, nil); err != nil {
					b.Fatal(err)
				}
				t1 := cpuNow()
				if err := Pack(io.Discard, &fn, pn, nil); err != nil {
					b.Fatal(err)
				}
				without, with = without+t1-t0, with+cpuNow()-t1
			}
			n := float64(b.N)
			b.ReportMetric(float64(without.Microseconds())/1000/n, "cpu-ms/pack")
			b.ReportMetric(float64(with.Microseconds())/1000/n, "cpu-ms/pack+notice")
			b.ReportMetric(float64(with)/float64(without), "notice/pack")
		})
	}
}

// BenchmarkLetter renders the cover letter alone.
func BenchmarkLetter(b *testing.B) {
	f, p := examplePlan(b, "diallo-general")
	production(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Letter(io.Discard, f, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontParse is the fixed cost of every PDF: fpdf parses the three
// embedded TrueType fonts for each document it makes.
func BenchmarkFontParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newCanvas(today, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCaseload renders a weekly board of 100 applicants.
func BenchmarkCaseload(b *testing.B) {
	_, p := examplePlan(b, "diallo-general")
	cl := Caseload{Today: today}
	for range 100 {
		cl.Entries = append(cl.Entries, CaseloadEntry{Name: "Aminata DIALLO", Source: "diallo-general.yaml", Deadlines: p.Deadlines, Warnings: p.Warnings})
	}
	production(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCaseload(io.Discard, cl); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontParseFull parses the full Noto Sans files the embedded
// subsets are made from (Debian’s fonts-noto-core), when they are
// installed: the cost the subsets save on every PDF.
func BenchmarkFontParseFull(b *testing.B) {
	var faces [][]byte
	for _, s := range []string{"Regular", "Bold"} {
		data, err := os.ReadFile("/usr/share/fonts/truetype/noto/NotoSans-" + s + ".ttf")
		if err != nil {
			b.Skip("full Noto Sans not installed")
		}
		faces = append(faces, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes(family, styleRegular, faces[0])
		pdf.AddUTF8FontFromBytes(family, styleBold, faces[1])
		pdf.SetFont(family, styleBold, sizeBody)
		if err := pdf.Error(); err != nil {
			b.Fatal(err)
		}
	}
}

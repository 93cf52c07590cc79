package render

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"rsc.io/qr"
)

func testCanvas(t *testing.T) *canvas {
	t.Helper()
	c, err := newCanvas(today, "test")
	if err != nil {
		t.Fatal(err)
	}
	c.rec.Docs = append(c.rec.Docs, docRec{ID: "test", FirstPage: 1})
	c.doc = &c.rec.Docs[0]
	c.addPage()
	return c
}

// TestWrap: lines break at plain spaces only, never at the no-break spaces
// of French typography, nor between a number and what it counts.
func TestWrap(t *testing.T) {
	c := testCanvas(t)
	for _, tc := range []struct {
		name, text string
		width      float64
		together   []string // must stay on one line
	}{
		{"no-break space before colon", "Date limite\u00a0: mercredi 16\u00a0décembre\u00a02026", 40, []string{"limite\u00a0:", "16\u00a0décembre\u00a02026"}},
		{"euros", "un an d’emprisonnement et de 15 000 € d’amende", 45, []string{"15 000 €"}},
		{"article", "prévu à l’art. L. 425-9 du CESEDA", 30, []string{"art. L. 425-9"}},
		{"days", "dans les 15 jours suivants", 20, []string{"15 jours"}},
		{"guillemets", "sous pli «\u202fSECRET MÉDICAL\u202f» fermé", 30, []string{"«\u202fSECRET"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := c.wrap(sizeBody, tc.width, []span{plain(styleRegular, tc.text)})
			if len(lines) < 2 {
				t.Fatalf("%q fits one line of %.0f mm: the test proves nothing", tc.text, tc.width)
			}
			var joined []string
			for _, l := range lines {
				var b strings.Builder
				for _, r := range l.runs {
					b.WriteString(r.Text)
				}
				joined = append(joined, b.String())
			}
			if got := strings.Join(joined, " "); got != tc.text {
				t.Errorf("lines %q lose text", joined)
			}
			for _, want := range tc.together {
				ok := false
				for _, l := range joined {
					ok = ok || strings.Contains(l, want)
				}
				if !ok {
					t.Errorf("%q split across lines %q", want, joined)
				}
			}
		})
	}
}

// TestWrapCutsOverlongWord: a word wider than the line (an e-mail address)
// is cut, never drawn past the margin.
func TestWrapCutsOverlongWord(t *testing.T) {
	c := testCanvas(t)
	word := strings.Repeat("w", 80) + "@example.org"
	lines := c.wrap(sizeBody, 40, []span{plain(styleRegular, word)})
	var got strings.Builder
	for _, l := range lines {
		if l.w > 40.01 {
			t.Errorf("line %.1f mm wide", l.w)
		}
		for _, r := range l.runs {
			if w := c.width(r.Style, sizeBody, r.Text); w > 40.01 {
				t.Errorf("run %q is %.1f mm wide", r.Text, w)
			}
			got.WriteString(r.Text)
		}
	}
	if got.String() != word || len(lines) < 2 {
		t.Errorf("cut into %d lines: %q", len(lines), got.String())
	}
}

// TestQRPayloadMustBeASCII: phone scanners disagree on non-ASCII
// payloads; drawing one is an error.
func TestQRPayloadMustBeASCII(t *testing.T) {
	c := testCanvas(t)
	c.qr(10, 10, 30, "BEGIN:VCALENDAR\r\nSUMMARY:Échéance\r\n", false)
	if c.err == nil || !strings.Contains(c.err.Error(), "ascii") {
		t.Errorf("error %v, want a non-ascii payload error", c.err)
	}
	c = testCanvas(t)
	c.qr(10, 10, 30, anefURL, true)
	if c.err != nil || len(c.page().QRs) != 1 || c.page().QRs[0].Payload != anefURL {
		t.Errorf("ASCII payload: error %v, recorded %+v", c.err, c.page().QRs)
	}
}

// cutByPrefixes is the definition of cut: for each piece, the longest
// prefix (at least one character, never the whole) of what remains whose
// width is at most w, found by measuring prefixes.
func cutByPrefixes(c *canvas, style string, size, w float64, text string) []string {
	var pieces []string
	rs := []rune(text)
	for len(rs) > 1 && c.width(style, size, string(rs)) > w {
		n := len(rs) - 1
		for n > 1 && c.width(style, size, string(rs[:n])) > w {
			n--
		}
		pieces = append(pieces, string(rs[:n]))
		rs = rs[n:]
	}
	return append(pieces, string(rs))
}

func TestCutMatchesItsDefinition(t *testing.T) {
	c := testCanvas(t)
	words := []string{
		strings.Repeat("w", 80) + "@example.org",
		strings.Repeat("iIl1", 50),
		strings.Repeat("Ŵŵ", 70) + "ŒœÆæ",
		"ab",
		strings.Repeat("Щ", 200),
	}
	for _, word := range words {
		for _, w := range []float64{3, 10, 40, 95} {
			got := c.cut(styleBold, sizeBody, w, word)
			want := cutByPrefixes(c, styleBold, sizeBody, w, word)
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("cut(%.0f mm, %.20q…) = %d pieces, want %d", w, word, len(got), len(want))
			}
		}
	}
	// a glyph wider than the column stands alone on its line
	if got := c.cut(styleRegular, sizeBody, 0.5, "WW"); strings.Join(got, "|") != "W|W" {
		t.Errorf("cut into a 0.5 mm column = %q", got)
	}
}

// BenchmarkWrapLongWord shows that cutting a long word is linear in its
// length: compare the 1 000- and 10 000-character cases (about 10×).
func BenchmarkWrapLongWord(b *testing.B) {
	c, err := newCanvas(today, "bench")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 10000, 100000} {
		word := strings.Repeat("DIALLO", n/6)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				c.wrap(sizeBody, 80, []span{plain(styleRegular, word)})
			}
		})
	}
}

// TestWrapRuns: the runs of a line are what the paragraph says, whether
// they are slices of one span's text or joined from several spans, with
// runs of spaces drawn as one and forced breaks kept; a paragraph laid
// out again with the same arguments gives the same lines.
func TestWrapRuns(t *testing.T) {
	c := testCanvas(t)
	for _, tc := range []struct {
		name  string
		spans []span
		want  [][]span // runs of each line
	}{
		{"one span", []span{plain(styleRegular, "Madame, Monsieur,")},
			[][]span{{{styleRegular, "Madame, Monsieur,"}}}},
		{"spaces collapse", []span{plain(styleRegular, "un  deux   trois")},
			[][]span{{{styleRegular, "un deux trois"}}}},
		{"leading space", []span{plain(styleRegular, " un deux")},
			[][]span{{{styleRegular, "un deux"}}}},
		{"break", []span{plain(styleRegular, "un deux\ntrois quatre")},
			[][]span{{{styleRegular, "un deux"}}, {{styleRegular, "trois quatre"}}}},
		{"styles", []span{plain(styleBold, "Objet :"), plain(styleRegular, " transmission du certificat")},
			[][]span{{{styleBold, "Objet :"}, {styleRegular, " transmission du certificat"}}}},
		{"same style across spans", []span{plain(styleRegular, "née le"), plain(styleRegular, " 12 avril"), plain(styleRegular, "1988")},
			[][]span{{{styleRegular, "née le 12 avril1988"}}}},
		{"space in its own span", []span{plain(styleBold, "Aminata DIALLO"), plain(styleRegular, " "), plain(styleRegular, "né le 1 janvier")},
			[][]span{{{styleBold, "Aminata DIALLO"}, {styleRegular, " né le 1 janvier"}}}},
		{"glued across spans", []span{plain(styleRegular, "art."), plain(styleRegular, " L. 425-9")},
			[][]span{{{styleRegular, "art. L. 425-9"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 2 { // the second time from the memo
				lines := c.wrap(sizeBody, 170, tc.spans)
				if len(lines) != len(tc.want) {
					t.Fatalf("%d lines %v, want %d", len(lines), lines, len(tc.want))
				}
				for i, l := range lines {
					if !slices.Equal(l.runs, tc.want[i]) {
						t.Errorf("line %d: runs %q, want %q", i+1, l.runs, tc.want[i])
					}
					w := 0.0
					for _, r := range l.runs {
						w += c.width(r.Style, sizeBody, r.Text)
					}
					if d := w - l.w; d > 0.001 || d < -0.001 {
						t.Errorf("line %d: width %.3f mm, its runs measure %.3f", i+1, l.w, w)
					}
				}
			}
		})
	}
}

// TestQRCodeIsQREncode: qrCode, which keeps each version's plan, gives the
// symbol qr.Encode gives, for payloads of each encoding and of versions
// from 1 to 26, encoded twice and from several goroutines at once.
func TestQRCodeIsQREncode(t *testing.T) {
	payloads := []string{"0123456789", "HTTPS://ADMINISTRATION-ETRANGERS-EN-FRANCE.INTERIEUR.GOUV.FR/", "https://administration-etrangers-en-france.interieur.gouv.fr/"}
	for n := 10; n <= 1200; n = n*3/2 + 7 {
		payloads = append(payloads, strings.Repeat("BEGIN:VEVENT;DTSTART=20261216\n", n/30+1)[:n])
	}
	var wg sync.WaitGroup
	for _, p := range payloads {
		want, err := qr.Encode(p, qr.M)
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			wg.Go(func() {
				got, err := qrCode(p, false)
				if err != nil {
					t.Error(err)
					return
				}
				if got.Size != want.Size || !bytes.Equal(got.Bitmap, want.Bitmap) || got.Stride != want.Stride {
					t.Errorf("%d bytes: version of side %d, qr.Encode %d; bitmaps equal: %v", len(p), got.Size, want.Size, bytes.Equal(got.Bitmap, want.Bitmap))
				}
			})
		}
	}
	wg.Wait()
	if _, err := qrCode(strings.Repeat("x", 3000), false); err == nil {
		t.Error("qrCode encoded 3000 bytes at level M, more than version 40 holds")
	}
}

// TestQRPathFillsTheDarkModules: the rectangles of qrPath cover every dark
// module of the code once and no light one, for codes of several sizes.
func TestQRPathFillsTheDarkModules(t *testing.T) {
	for _, payload := range []string{"HTTPS://EXAMPLE.ORG/", strings.Repeat("BEGIN:VEVENT;DTSTART=20261216\n", 12), strings.Repeat("x", 900)} {
		code, err := qrCode(payload, false)
		if err != nil {
			t.Fatal(err)
		}
		covered := make([]int, code.Size*code.Size)
		rects := 0
		for _, line := range strings.Split(string(qrPath(code, 2.83, 10, 10, 0.5)), "\n") {
			f := strings.Fields(line)
			if len(f) != 5 || f[4] != "re" {
				continue
			}
			var n [4]int
			for i := range n {
				if n[i], err = strconv.Atoi(f[i]); err != nil {
					t.Fatalf("%q: %v", line, err)
				}
			}
			rects++
			for r := n[1]; r < n[1]+n[3]; r++ {
				for c := n[0]; c < n[0]+n[2]; c++ {
					if r >= code.Size || c >= code.Size {
						t.Fatalf("%q leaves the %d-module code", line, code.Size)
					}
					covered[r*code.Size+c]++
				}
			}
		}
		for r := range code.Size {
			for c := range code.Size {
				dark := code.Black(c, r)
				want := 0
				if dark {
					want = 1
				}
				if covered[r*code.Size+c] != want {
					t.Fatalf("%d bytes: module (%d, %d), dark %v, filled %d times", len(payload), c, r, dark, covered[r*code.Size+c])
				}
			}
		}
		if rects == 0 {
			t.Errorf("%d bytes: no rectangle", len(payload))
		}
	}
}

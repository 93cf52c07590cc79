package render

import (
	"strings"
	"testing"
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

package render

import (
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// advances are the widths of an embedded face's characters in thousandths
// of the font size, rounded as fpdf rounds them, read from the font file
// itself. The notice measures its sentences with them rather than with
// fpdf, which selects the font in the current page to measure: a sentence
// laid out once (laidOut) and reused by a later pack must leave that pack's
// bytes as they would have been.
type advances struct {
	once sync.Once
	font *sfnt.Font
	err  error
	mu   sync.Mutex // guards buf
	buf  sfnt.Buffer
	w    sync.Map // rune → float64
}

var faceAdvances = func() map[string]*advances {
	m := map[string]*advances{}
	for style := range faces {
		m[style] = &advances{}
	}
	return m
}()

// of returns the advance of r in the face of style (0 for a character the
// face lacks: the drawing's check reports it).
func (a *advances) of(style string, r rune) float64 {
	if w, ok := a.w.Load(r); ok {
		return w.(float64)
	}
	a.once.Do(func() { a.font, a.err = sfnt.Parse(faces[style].data) })
	if a.err != nil {
		return 0
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	w := 0.0
	if g, err := a.font.GlyphIndex(&a.buf, r); err == nil && g != 0 {
		upem := fixed.Int26_6(a.font.UnitsPerEm())
		if adv, err := a.font.GlyphAdvance(&a.buf, g, upem<<6, font.HintingNone); err == nil {
			w = math.Round(1000 / float64(upem) * float64(adv>>6))
		}
	}
	a.w.Store(r, w)
	return w
}

// textWidth is the width (mm) of s in the face of style at size points,
// as fpdf's GetStringWidth gives it once the font is selected.
func textWidth(style string, size float64, s string) float64 {
	a := faceAdvances[style]
	if a == nil {
		return 0
	}
	units := 0.0
	for _, r := range s {
		units += a.of(style, r)
	}
	return units * size / 1000 * ptToMM
}

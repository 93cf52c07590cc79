// Package fontset knows which characters the embedded fonts can draw, so the
// loader can reject text that would print as an empty box (or panic the PDF
// library, above U+FFFF) before any rendering starts.
package fontset

import (
	"sync"

	"golang.org/x/image/font/sfnt"

	"github.com/ofiipack/ofiipack/fonts"
)

var (
	once  sync.Once
	faces []*sfnt.Font
	err   error
)

func load() {
	for _, b := range [][]byte{fonts.Regular, fonts.Bold, fonts.Italic} {
		f, e := sfnt.Parse(b)
		if e != nil {
			err = e
			return
		}
		faces = append(faces, f)
	}
}

// Covers reports whether every embedded font (regular, bold and italic) has
// a glyph for r. Characters above U+FFFF are never covered: the PDF library
// cannot encode them.
func Covers(r rune) bool {
	if r > 0xFFFF || r < 0x20 {
		return false
	}
	once.Do(load)
	if err != nil {
		return false
	}
	var buf sfnt.Buffer
	for _, f := range faces {
		g, e := f.GlyphIndex(&buf, r)
		if e != nil || g == 0 {
			return false
		}
	}
	return true
}

// FirstUncovered returns the first character of s that Covers rejects, and
// false when the whole string can be drawn.
func FirstUncovered(s string) (rune, bool) {
	for _, r := range s {
		if !Covers(r) {
			return r, true
		}
	}
	return 0, false
}

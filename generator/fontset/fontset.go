// Package fontset knows which characters the embedded fonts can draw, so the
// loader can reject text that would print as an empty box (or panic the PDF
// library, above U+FFFF) before any rendering starts.
package fontset

import (
	"sync"
	"sync/atomic"

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

// known and covered cache the answer for each character of the Basic
// Multilingual Plane: the renderer asks about every character it draws, and
// a glyph lookup allocates.
var known, covered [0x10000 / 64]atomic.Uint64

// Covers reports whether every embedded font (regular, bold and italic) has
// a glyph for r. Characters above U+FFFF are never covered: the PDF library
// cannot encode them.
func Covers(r rune) bool {
	if r > 0xFFFF || r < 0x20 {
		return false
	}
	word, bit := r/64, uint64(1)<<(r%64)
	if known[word].Load()&bit != 0 {
		return covered[word].Load()&bit != 0
	}
	ok := lookup(r)
	if ok {
		covered[word].Or(bit)
	}
	known[word].Or(bit)
	return ok
}

func lookup(r rune) bool {
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

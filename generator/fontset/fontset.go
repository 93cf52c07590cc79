// Package fontset knows which characters the embedded fonts can draw, so the
// loader can reject text that would print as an empty box (or panic the PDF
// library, above U+FFFF) before any rendering starts.
//
// The answer comes from a table (coverage.go) made from the fonts by
// TestCoverage, which fails when the fonts change and the table does not:
// reading the fonts' character maps at every start touched their 480 KB
// and cost a command several milliseconds, most of them page faults.
package fontset

// Covers reports whether every embedded font (regular, bold and italic) has
// a glyph for r. Characters above U+FFFF are never covered: the PDF library
// cannot encode them.
func Covers(r rune) bool {
	if r < 0x20 || r > 0xFFFF {
		return false
	}
	lo, hi := 0, len(coverage)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < coverage[m].first:
			hi = m
		case r > coverage[m].last:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// span is a run of consecutive characters that every font draws.
type span struct{ first, last rune }

// FirstUncovered returns the first character of s that Covers rejects.
func FirstUncovered(s string) (rune, bool) {
	for _, r := range s {
		if !Covers(r) {
			return r, true
		}
	}
	return 0, false
}

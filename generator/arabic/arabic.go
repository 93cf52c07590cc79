// Package arabic prepares Arabic text for a PDF library that draws one
// glyph per character, as fpdf does: it shapes the letters into their
// contextual forms (isolated, final, initial, medial, and the lam-alef
// ligatures) and orders a line for display, right to left, as printed
// Arabic reads, with digits and Latin names left to right inside it.
//
// The forms are the Arabic Presentation Forms-B (U+FE70–U+FEFF) that Noto
// Sans Arabic maps in its character map, so the font draws them without a
// shaping engine. Which letters join and their four forms are not typed in
// by hand: they are read from the Unicode compatibility decompositions of
// that block (golang.org/x/text/unicode/norm), where each letter's forms
// follow one another in the order isolated, final, initial, medial. The
// order of a line comes from the Unicode bidirectional algorithm
// (golang.org/x/text/unicode/bidi).
//
// This covers the text the notice prints: our own catalog, in the 36
// letters of the Arabic alphabet without vowel marks, with dates, numbers
// and names from the applicant's file. Vowel marks, Persian or Urdu
// letters and nested embeddings would need a full shaping engine
// (HarfBuzz); the tests keep the catalog within what is covered.
package arabic

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// forms are the presentation forms of a letter: isolated, final, initial,
// medial. A letter that joins only on its right (alef, dal, waw…) has no
// initial or medial form (0).
type forms [4]rune

const (
	isolated = iota
	final
	initial
	medial
)

// letters maps each Arabic letter to its forms; ligatures maps alef
// variants, after a lam, to the lam-alef ligature's isolated and final
// forms.
var letters, ligatures = readForms()

func readForms() (map[rune]forms, map[rune][2]rune) {
	letters := map[rune]forms{}
	ligatures := map[rune][2]rune{}
	const lam = '\u0644'
	for r := rune(0xFE70); r <= 0xFEFC; r++ {
		d := []rune(norm.NFKD.String(string(r)))
		switch {
		case len(d) == 1 && d[0] >= 0x0621 && d[0] <= 0x064A:
			f := letters[d[0]]
			for i := range f {
				if f[i] == 0 {
					f[i] = r
					break
				}
			}
			letters[d[0]] = f
		case len(d) >= 2 && d[0] == lam:
			// lam + alef (with madda, hamza above or below: NFKD
			// decomposes them, so the alef is rebuilt by NFC)
			alef := []rune(norm.NFC.String(string(d[1:])))
			if len(alef) == 1 {
				l := ligatures[alef[0]]
				if l[0] == 0 {
					l[0] = r
				} else {
					l[1] = r
				}
				ligatures[alef[0]] = l
			}
		}
	}
	// The letters with a hamza or a madda decompose further (U+0623 →
	// alef + hamza above): their forms are found through the letter NFC
	// composes again.
	for r := rune(0xFE80); r <= 0xFEF4; r++ {
		d := []rune(norm.NFKD.String(string(r)))
		c := []rune(norm.NFC.String(string(d)))
		if len(d) < 2 || len(c) != 1 || c[0] < 0x0621 || c[0] > 0x064A {
			continue
		}
		f := letters[c[0]]
		for i := range f {
			if f[i] == 0 {
				f[i] = r
				break
			}
		}
		letters[c[0]] = f
	}
	return letters, ligatures
}

// joinsBefore reports whether r connects to the letter that follows it in
// logical order (dual-joining letters and the tatweel).
func joinsBefore(r rune) bool {
	if r == '\u0640' {
		return true
	}
	f, ok := letters[r]
	return ok && f[initial] != 0
}

// joinsAfter reports whether r connects to the letter before it.
func joinsAfter(r rune) bool { _, ok := letters[r]; return ok || r == '\u0640' }

// transparent characters (vowel marks) let their neighbours join across.
func transparent(r rune) bool { return unicode.Is(unicode.Mn, r) }

// Shape returns s, in logical order, with each Arabic letter replaced by
// its contextual form and lam followed by alef by their ligature. Other
// characters are left as they are.
func Shape(s string) string {
	if !Has(s) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	neighbour := func(i, step int) rune {
		for i += step; i >= 0 && i < len(rs); i += step {
			if !transparent(rs[i]) {
				return rs[i]
			}
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := letters[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		prev := joinsBefore(neighbour(i, -1))
		if r == '\u0644' {
			if j := nextLetter(rs, i); j > 0 {
				if l, ok := ligatures[rs[j]]; ok {
					if prev {
						b.WriteRune(l[1])
					} else {
						b.WriteRune(l[0])
					}
					for k := i + 1; k < j; k++ { // marks between lam and alef
						b.WriteRune(rs[k])
					}
					i = j
					continue
				}
			}
		}
		next := f[initial] != 0 && joinsAfter(neighbour(i, +1))
		switch {
		case prev && next:
			b.WriteRune(f[medial])
		case prev:
			b.WriteRune(f[final])
		case next:
			b.WriteRune(f[initial])
		default:
			b.WriteRune(f[isolated])
		}
	}
	return b.String()
}

// nextLetter is the index of the first character after i that is not a
// vowel mark, or -1.
func nextLetter(rs []rune, i int) int {
	for j := i + 1; j < len(rs); j++ {
		if !transparent(rs[j]) {
			return j
		}
	}
	return -1
}

// Has reports whether s holds an Arabic letter or sign (the Arabic block
// or its presentation forms).
func Has(s string) bool {
	for _, r := range s {
		if isArabic(r) {
			return true
		}
	}
	return false
}

func isArabic(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

// Isolate wraps s in a left-to-right isolate (U+2066 … U+2069), so that a
// value set into a right-to-left sentence (a date, a phone number, a name
// with spaces or parentheses) keeps its own order as one block.
func Isolate(s string) string { return "\u2066" + s + "\u2069" }

// Visual returns one line of a right-to-left paragraph, in logical order,
// as it is drawn from left to right: the runs of the Unicode bidirectional
// algorithm in reverse order, each right-to-left run reversed with its
// brackets and guillemets mirrored, each left-to-right run (digits, Latin) as it is. The
// directional controls, which have no glyph, are dropped.
func Visual(line string) string {
	var p bidi.Paragraph
	// U+200F (right-to-left mark) first: the paragraph is right to left
	// even when the line begins with a Latin name or a number.
	if _, err := p.SetString("\u200f"+line, bidi.DefaultDirection(bidi.RightToLeft)); err != nil {
		return stripControls(line)
	}
	o, err := p.Order()
	if err != nil {
		return stripControls(line)
	}
	var b strings.Builder
	b.Grow(len(line))
	for i := o.NumRuns() - 1; i >= 0; i-- {
		r := o.Run(i)
		s := r.String()
		if r.Direction() == bidi.RightToLeft {
			s = mirrorQuotes(bidi.ReverseString(s))
		}
		b.WriteString(stripControls(s))
	}
	return b.String()
}

// mirrorQuotes turns the guillemets of a reversed run around: « and » are
// mirrored characters (Unicode Bidi_Mirrored), which ReverseString, made
// for paired brackets, leaves as they are.
func mirrorQuotes(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '«':
			return '»'
		case '»':
			return '«'
		case '‹':
			return '›'
		case '›':
			return '‹'
		}
		return r
	}, s)
}

// stripControls drops the bidirectional controls (marks, embeddings,
// isolates), which no font draws.
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
			'\u2066', '\u2067', '\u2068', '\u2069':
			return -1
		}
		return r
	}, s)
}

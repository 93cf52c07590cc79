package ical

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters maps the letters and signs that Unicode does not decompose into
// a Latin letter plus marks (Đ of Vietnamese, Ɓ of Fula, œ of French…) to
// their usual ASCII spelling.
var letters = map[rune]string{
	'Æ': "AE", 'æ': "ae", 'Œ': "OE", 'œ': "oe", 'ß': "ss",
	'Đ': "D", 'đ': "d", 'Ð': "D", 'ð': "d", 'Ɖ': "D", 'ɖ': "d", 'Ɗ': "D", 'ɗ': "d",
	'Ɓ': "B", 'ɓ': "b", 'Ƙ': "K", 'ƙ': "k", 'Ƴ': "Y", 'ƴ': "y",
	'Ŋ': "N", 'ŋ': "n", 'Ɲ': "N", 'ɲ': "n", 'Ɛ': "E", 'ɛ': "e", 'Ɔ': "O", 'ɔ': "o",
	'Ł': "L", 'ł': "l", 'Ø': "O", 'ø': "o", 'Þ': "Th", 'þ': "th", 'ı': "i", 'Ħ': "H", 'ħ': "h",
	'Ŧ': "T", 'ŧ': "t", 'ſ': "s", 'ʼ': "'", 'ʻ': "'",
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
	'“': `"`, '”': `"`, '„': `"`, '«': `"`, '»': `"`, '″': `"`,
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
	'•': "-", '·': ".", '°': "o", '€': "EUR", '×': "x",
}

// ASCII transliterates s to printable ASCII: accents are dropped
// ("Certificat médical à envoyer" → "Certificat medical a envoyer"), the
// letters without a decomposition are spelt out (œ → oe, Đ → D), typographic
// quotes, dashes and spaces become their ASCII forms, control characters
// become spaces, and anything else is left out. The result holds only bytes
// 0x20–0x7E. QR payloads and the file names of a batch both use it.
func ASCII(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining mark left by the decomposition: drop the accent
		case unicode.IsSpace(r) || unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteString(letters[r]) // "" when unknown: left out
		}
	}
	return b.String()
}

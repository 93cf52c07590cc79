package arabic

import (
	"testing"
	"unicode/utf8"
)

// TestForms: the table read from Unicode holds the 36 letters of the
// alphabet, the right-joining ones with two forms, the others with four,
// and the four lam-alef ligatures.
func TestForms(t *testing.T) {
	rightJoining := "آأؤإاةدذرزوى"
	n := 0
	for r := rune(0x0621); r <= 0x064A; r++ {
		f, ok := letters[r]
		if r >= 0x063B && r <= 0x0640 {
			if ok {
				t.Errorf("%U is not a letter of the alphabet, yet has forms", r)
			}
			continue
		}
		n++
		switch {
		case r == 'ء':
			if f != (forms{0xFE80}) {
				t.Errorf("hamza: %U", f)
			}
		case containsRune(rightJoining, r):
			if f[isolated] == 0 || f[final] == 0 || f[initial] != 0 || f[medial] != 0 {
				t.Errorf("%c joins on its right only, forms %U", r, f)
			}
		default:
			for i, g := range f {
				if g == 0 {
					t.Errorf("%c has no form %d: %U", r, i, f)
				}
			}
		}
	}
	if n != 36 || len(letters) != 36 {
		t.Errorf("%d letters, %d in the table; want 36", n, len(letters))
	}
	want := map[rune][2]rune{'آ': {0xFEF5, 0xFEF6}, 'أ': {0xFEF7, 0xFEF8}, 'إ': {0xFEF9, 0xFEFA}, 'ا': {0xFEFB, 0xFEFC}}
	if len(ligatures) != len(want) {
		t.Errorf("ligatures %U, want %U", ligatures, want)
	}
	for r, l := range want {
		if ligatures[r] != l {
			t.Errorf("lam-%c: %U, want %U", r, ligatures[r], l)
		}
	}
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// TestShape: words of the notice, letter by letter, against the forms a
// printed Arabic text shows (checked against the Unicode charts).
func TestShape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"باب", "\uFE91\uFE8E\uFE8F"},                              // initial beh, final alef, isolated beh
		{"محمد", "\uFEE3\uFEA4\uFEE4\uFEAA"},                       // initial, medial, medial, final dal
		{"سلام", "\uFEB3\uFEFC\uFEE1"},                             // lam-alef ligature, final; meem alone after alef
		{"لا", "\uFEFB"},                                           // the ligature alone
		{"الأربعاء", "\uFE8D\uFEF7\uFEAD\uFE91\uFECC\uFE8E\uFE80"}, // alef, lam-hamza-alef, then ra alone: alef does not join on
		{"مدرسة", "\uFEE3\uFEAA\uFEAD\uFEB3\uFE94"},                // dal and ra break the word; teh marbuta final
		{"في 14/12/2026", "\uFED3\uFEF2 14/12/2026"},
		{"OFII", "OFII"},
		{"إلى", "\uFE87\uFEDF\uFEF0"}, // alef maksura final
	} {
		if got := Shape(tc.in); got != tc.want {
			t.Errorf("Shape(%q) = %U, want %U", tc.in, []rune(got), []rune(tc.want))
		}
	}
}

// TestVisual: a right-to-left line drawn from left to right. Dates, phone
// numbers and Latin names keep their own order inside it.
func TestVisual(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"قبل 14/12/2026", "14/12/2026 لبق"},
		{"اتصل بـ " + Isolate("Comede") + " الآن", "نآلا Comede ـب لصتا"},
		{"الهاتف: " + Isolate("01 45 21 38 93"), "01 45 21 38 93 :فتاهلا"},
		{"(مجاني)", "(\u064a\u0646\u0627\u062c\u0645)"}, // reversed, brackets mirrored
		{Isolate("Aminata DIALLO") + " هنا", "انه Aminata DIALLO"},
		{"Hello", "Hello"},
		// « SECRET MÉDICAL » inside Arabic: the guillemets still open on
		// the left of the Latin words
		{"عليه « SECRET MÉDICAL »، وترسل", "لسرتو ،« SECRET MÉDICAL » هيلع"},
	} {
		if got := Visual(tc.in); got != tc.want {
			t.Errorf("Visual(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNoControlsLeft: nothing Visual returns is a directional control,
// whatever its input: no font has a glyph for them.
func TestNoControlsLeft(t *testing.T) {
	for _, s := range []string{"\u2066a\u2069 ب", "\u202eabc", "\u200fب\u200e", ""} {
		got := Visual(s)
		for _, r := range got {
			if stripControls(string(r)) == "" {
				t.Errorf("Visual(%q) = %q keeps %U", s, got, r)
			}
		}
		if !utf8.ValidString(got) {
			t.Errorf("Visual(%q) is not UTF-8", s)
		}
	}
}

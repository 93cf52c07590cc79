package french

import (
	"strings"
	"testing"
	"time"

	"github.com/ofiipack/ofiipack/generator/civil"
)

func TestDate(t *testing.T) {
	tests := []struct {
		in, words, short, long string
	}{
		{"1988-04-12", "12 avril 1988", "12/04/1988", "mardi 12 avril 1988"},
		{"2026-05-01", "1er mai 2026", "01/05/2026", "vendredi 1er mai 2026"},
		{"2026-08-15", "15 août 2026", "15/08/2026", "samedi 15 août 2026"},
		{"2026-12-20", "20 décembre 2026", "20/12/2026", "dimanche 20 décembre 2026"},
	}
	for _, tt := range tests {
		d, err := civil.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := plain(Date(d)); got != tt.words {
			t.Errorf("Date(%s) = %q, want %q", tt.in, got, tt.words)
		}
		if got := Short(d); got != tt.short {
			t.Errorf("Short(%s) = %q, want %q", tt.in, got, tt.short)
		}
		if got := plain(LongDate(d)); got != tt.long {
			t.Errorf("LongDate(%s) = %q, want %q", tt.in, got, tt.long)
		}
	}
}

func TestEuros(t *testing.T) {
	tests := map[float64]string{25: "25 €", 200: "200 €", 12.5: "12,50 €", 1200: "1 200 €", 0: "0 €", 1234567.891: "1 234 567,89 €"}
	for in, want := range tests {
		if got := plain(Euros(in)); got != want {
			t.Errorf("Euros(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestTypo(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Objet : transmission", "Objet" + NBSP + ": transmission"},
		{"« SECRET MÉDICAL »", "«" + NNBSP + "SECRET MÉDICAL" + NNBSP + "»"},
		{"Attention ! Vraiment ?", "Attention" + NNBSP + "! Vraiment" + NNBSP + "?"},
		{"n° 1A 234", "n°" + NBSP + "1A 234"},
		{"https://example.org : site", "https://example.org" + NBSP + ": site"},
		{"déjà" + NBSP + ": correct", "déjà" + NBSP + ": correct"},
		{"sans ponctuation", "sans ponctuation"},
	}
	for _, tt := range tests {
		if got := Typo(tt.in); got != tt.want {
			t.Errorf("Typo(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	if Month(time.August) != "août" || Weekday(time.Monday) != "lundi" {
		t.Error("month or weekday name is wrong")
	}
	if Days(1) != "1"+NBSP+"jour" || Days(15) != "15"+NBSP+"jours" {
		t.Error("Days is wrong")
	}
}

func plain(s string) string {
	r := []rune(s)
	for i := range r {
		if r[i] == '\u00a0' || r[i] == '\u202f' {
			r[i] = ' '
		}
	}
	return string(r)
}

// typoByRunes is Typo as first written, over a slice of runes, replacing a
// space by rewriting what was built: FuzzTypo holds the one-pass Typo to it.
func typoByRunes(s string) string {
	if !strings.ContainsAny(s, ":;!?«»°") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case (r == ':' || r == ';' || r == '!' || r == '?' || r == '»') && i > 0 && rs[i-1] == ' ' && !(r == ':' && i+2 < len(rs) && rs[i+1] == '/' && rs[i+2] == '/'):
			out := []rune(b.String())
			b.Reset()
			b.WriteString(string(out[:len(out)-1]))
			if r == ':' {
				b.WriteString(NBSP)
			} else {
				b.WriteString(NNBSP)
			}
			b.WriteRune(r)
		case r == '«' && i+1 < len(rs) && rs[i+1] == ' ':
			b.WriteRune(r)
			b.WriteString(NNBSP)
			i++
		case r == '°' && i > 0 && rs[i-1] == 'n' && i+1 < len(rs) && rs[i+1] == ' ':
			b.WriteRune(r)
			b.WriteString(NBSP)
			i++
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func FuzzTypo(f *testing.F) {
	for _, s := range []string{
		"Objet : demande", "« SECRET MÉDICAL »", "n° 12", "voir https://www.service-public.fr : ici",
		"Quoi ? Vite ! Oui ; non", "« :", "n° :", " :", ":", "n° ", "«  x  »", "a  : b", "\xff :", "é : €",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Typo(s), typoByRunes(s); got != want {
			t.Errorf("Typo(%q) = %q, want %q", s, got, want)
		}
	})
}

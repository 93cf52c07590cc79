// Package french formats dates, amounts and text the French way, for every
// document and message of ofiipack: "12 avril 1988" in prose, "12/04/1988" in
// tables, "25 €", and the non-breaking spaces of French typography.
package french

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ofiipack/ofiipack/generator/civil"
)

// NBSP is the no-break space (before ":" and in "25 €"); NNBSP the narrow
// no-break space (before ; ! ? and inside « »), as the Imprimerie nationale
// rules set them.
const (
	NBSP  = "\u00a0"
	NNBSP = "\u202f"
)

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

var weekdays = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

// Month returns the French name of m, lower case ("avril").
func Month(m time.Month) string { return months[m-1] }

// Weekday returns the French name of w, lower case ("lundi").
func Weekday(w time.Weekday) string { return weekdays[w] }

// Date returns d in words, as prose prints it: "12 avril 1988", "1er mai 2026".
// The spaces are no-break spaces so that a date never splits across lines.
func Date(d civil.Date) string {
	day := strconv.Itoa(d.Day)
	if d.Day == 1 {
		day = "1er"
	}
	return day + NBSP + Month(d.Month) + NBSP + strconv.Itoa(d.Year)
}

// LongDate returns d with its weekday: "lundi 14 décembre 2026".
func LongDate(d civil.Date) string { return Weekday(d.Weekday()) + " " + Date(d) }

// Short returns d as tables print it: "12/04/1988".
func Short(d civil.Date) string {
	return twoDigits(d.Day) + "/" + twoDigits(int(d.Month)) + "/" + strconv.Itoa(d.Year)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Euros returns an amount as "25 €" or "12,50 €", thousands grouped with a
// narrow no-break space ("1 200 €").
func Euros(amount float64) string {
	cents := int64(amount*100 + 0.5)
	if amount < 0 {
		cents = int64(amount*100 - 0.5)
	}
	neg := cents < 0
	if neg {
		cents = -cents
	}
	whole := strconv.FormatInt(cents/100, 10)
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(NNBSP)
		}
		b.WriteRune(c)
	}
	if cents%100 != 0 {
		b.WriteString("," + twoDigits(int(cents%100)))
	}
	b.WriteString(NBSP + "€")
	return b.String()
}

// Days returns "1 jour", "15 jours", "0 jour" (French singular below 2).
func Days(n int) string {
	if n >= -1 && n <= 1 {
		return strconv.Itoa(n) + NBSP + "jour"
	}
	return strconv.Itoa(n) + NBSP + "jours"
}

// Typo applies French typography to text written with plain spaces: a
// no-break space before ":", a narrow no-break space before ";", "!", "?" and
// "»" and after "«", and "n°" bound to its number. Text that already has the
// right spaces is returned unchanged. URLs ("https://") are left alone.
func Typo(s string) string {
	if !strings.ContainsAny(s, ":;!?«»°") {
		return s
	}
	// One pass over the runes; a space to replace is the last rune written.
	b := make([]byte, 0, len(s)+16)
	prev := rune(-1) // the rune before r in s
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		rest := s[i+n:]
		switch {
		case (r == ':' || r == ';' || r == '!' || r == '?' || r == '»') && prev == ' ' && !(r == ':' && strings.HasPrefix(rest, "//")):
			_, m := utf8.DecodeLastRune(b)
			b = b[:len(b)-m]
			if r == ':' {
				b = append(b, NBSP...)
			} else {
				b = append(b, NNBSP...)
			}
			b = utf8.AppendRune(b, r)
		case r == '«' && strings.HasPrefix(rest, " "):
			b = utf8.AppendRune(b, r)
			b = append(b, NNBSP...)
			n++ // the space
			r = ' '
		case r == '°' && prev == 'n' && strings.HasPrefix(rest, " "):
			b = utf8.AppendRune(b, r)
			b = append(b, NBSP...)
			n++
			r = ' '
		default:
			b = utf8.AppendRune(b, r)
		}
		prev = r
		i += n
	}
	return string(b)
}

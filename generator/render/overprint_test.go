package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// longest returns n characters of wide capitals in words of the given
// length: the widest text a field of n characters can hold.
func longest(n, word int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 && i%word == 0 {
			b.WriteByte(' ')
			continue
		}
		b.WriteByte("WM"[i%2])
	}
	return b.String()[:n]
}

// longestFile is an applicant file with every field that a letter prints
// at the longest the loader accepts, the names and the address in short
// words (many lines) or in one word each (cut inside the word).
func longestFile(t *testing.T, word int) *applicant.File {
	t.Helper()
	name := longest(applicant.MaxNameLength, word)
	text := longest(applicant.MaxTextLength, word)
	email := longest(applicant.MaxTextLength-12, 1000) + "@example.org"
	lines := func(n, w int) string {
		var b strings.Builder
		for range n {
			b.WriteString("\n    - " + longest(w, word))
		}
		return b.String()
	}
	yaml := fmt.Sprintf(`format: ofiipack/v1
applicant:
  civility: madame
  family_name: "%[1]s"
  given_names: "%[1]s"
  birth_date: 1988-04-12
  birth_place: "%[1]s"
  nationality: ML
  marital_status: married
  address:
    care_of: "%[2]s"
    street: "%[2]s"
    extra: "%[2]s"
    postcode: "93200"
    city: "%[2]s"
  phone: "%[2]s"
  email: "%[3]s"
  foreigner_number: "7501234567"
identity:
  document: passport
situation:
  arrived_on: 2024-05-02
  long_stay_visa: false
  asylum_registered_on: 2024-06-01
  sick_child: {given_names: "%[1]s", family_name: "%[1]s", birth_date: 2015-03-01}
procedure:
  filed_on: 2026-06-15
  registered_mail_number: "%[2]s"
  anef_number: "%[2]s"
  doctor: "%[2]s"
  prefecture_address:%[4]s
ofii_address:%[4]s
options:
  signing_city: "%[2]s"
`, name, text, email, lines(6, 38))
	f, err := applicant.Load("longest.yaml", []byte(yaml), today)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestLettersHoldLongestValues: whatever the lengths the loader accepts,
// no block of a letter overprints another, nothing but the recipient
// shows through the envelope's window, and each letter stays on its one
// page (SPEC §3).
func TestLettersHoldLongestValues(t *testing.T) {
	for _, word := range []int{6, 1000} {
		f := longestFile(t, word)
		for _, route := range []string{"card", "aps_parent"} {
			if route == "card" {
				f.Situation.SickChild = nil
			}
			p, err := plan.Compute(f, today)
			if err != nil {
				t.Fatal(err)
			}
			for _, doc := range []string{plan.DocCoverLetter, plan.DocReasonsRequestLetter} {
				t.Run(fmt.Sprintf("%s/%s/words of %d", doc, route, word), func(t *testing.T) {
					l, _ := render(t, fmt.Sprintf("longest-%s-%s-%d", doc, route, word), f, p, nil, []string{doc})
					checkLetterPage(t, l)
				})
			}
		}
	}
}

// checkLetterPage checks the one page of a letter: no two runs of text
// overlap, every run stays inside the page's margins and above the
// footer, and the window holds the recipient's lines only.
func checkLetterPage(t *testing.T, l *layout) {
	t.Helper()
	if len(l.Pages) != 1 {
		t.Fatalf("%d pages, want 1", len(l.Pages))
	}
	texts := l.Pages[0].Texts
	const eps = 0.05
	for i, a := range texts {
		footer := a.Top >= contentBottom // the page number
		if a.X < marginLeft-eps || a.X+a.W > pageWidth-windowRight+eps || a.Top < 0 || (!footer && a.Bottom() > contentBottom+eps) {
			t.Errorf("%q (x %.1f–%.1f, y %.1f–%.1f) leaves the page's margins", a.Text, a.X, a.X+a.W, a.Top, a.Bottom())
		}
		inWindow := a.X+a.W > windowLeft+eps && a.Bottom() > windowTop+eps && a.Top < windowTop+windowHeight-eps
		inside := a.X >= windowLeft-eps && a.X+a.W <= windowLeft+windowWidth+eps && a.Top >= windowTop-eps && a.Bottom() <= windowTop+windowHeight+eps
		if inWindow && !inside {
			t.Errorf("%q (x %.1f–%.1f, y %.1f–%.1f) crosses the window's edge", a.Text, a.X, a.X+a.W, a.Top, a.Bottom())
		}
		for _, b := range texts[i+1:] {
			if a.X < b.X+b.W-eps && b.X < a.X+a.W-eps && a.Top < b.Bottom()-eps && b.Top < a.Bottom()-eps {
				t.Errorf("%q (x %.1f–%.1f, y %.1f–%.1f) overprints %q (x %.1f–%.1f, y %.1f–%.1f)",
					a.Text, a.X, a.X+a.W, a.Top, a.Bottom(), b.Text, b.X, b.X+b.W, b.Top, b.Bottom())
			}
		}
	}
}

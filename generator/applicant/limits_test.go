package applicant

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/msg"
)

func TestFieldLengthLimits(t *testing.T) {
	long := strings.Repeat("A", MaxNameLength+1)
	_, err := Load("f.yaml", []byte(edit(t, "family_name: DIALLO", "family_name: "+long)), today)
	checkProblems(t, err, []string{"f.yaml:4:16: applicant.family_name: found 101 characters, expected at most 100 | hint: shorten it"})
	if _, err := Load("f.yaml", []byte(edit(t, "family_name: DIALLO", "family_name: "+long[1:])), today); err != nil {
		t.Errorf("a name of exactly %d characters: %v", MaxNameLength, err)
	}
	street := strings.Repeat("rue ", MaxTextLength/4) + "x"
	_, err = Load("f.yaml", []byte(edit(t, "street: 12 rue des Lilas", "street: "+street)), today)
	checkProblems(t, err, []string{"applicant.address.street: found 201 characters, expected at most 200"})
}

func TestListLengthLimit(t *testing.T) {
	items := strings.Repeat("\n  - visa", MaxListItems+5)
	_, err := Load("f.yaml", []byte(edit(t, "  long_stay_visa: false", "  long_stay_visa: false\n  residence_proofs:"+items)), today)
	checkProblems(t, err, []string{"situation.residence_proofs: found more than 100 items, expected at most 100"})
}

// TestProblemsCapped: a list of a hundred thousand bad items gives
// MaxProblems problems and one that counts the rest, in both languages.
func TestProblemsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(base)
	n := 100000
	for i := range n {
		b.WriteString("k")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(strconv.Itoa(i))
		b.WriteString(": 1\n")
	}
	_, err := Load("f.yaml", []byte(b.String()), today)
	ps := problemsOf(t, err)
	if len(ps) != MaxProblems+1 {
		t.Fatalf("%d problems, want %d", len(ps), MaxProblems+1)
	}
	last := ps[MaxProblems]
	if got, want := last.Error(), "f.yaml:122:1: and 99900 more problems, not listed: fix these first"; got != want {
		t.Errorf("last problem = %q, want %q", got, want)
	}
	if got, want := last.Message.In(msg.French), "et 99900 autres problèmes non listés : corrigez d’abord ceux-ci"; got != want {
		t.Errorf("in French: %q, want %q", got, want)
	}
	if got := msg.New("more_problems", 1).In(msg.French); got != "et 1 autre problème non listé : corrigez d’abord ceux-ci" {
		t.Errorf("one in French: %q", got)
	}
}

// TestEncodingPositions: a raw NUL or bytes that are not UTF-8 are
// reported at their line and column, with their field, not at 1:1.
func TestEncodingPositions(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"city: Saint-Denis", "city: Saint-\x00Denis", "x.yaml:13:17: applicant.address.city: found the control character U+0000, expected printable text | hint: remove it"},
		{"birth_place: Bamako (Mali)", "birth_place: Bamak\xe9 (Mali)", "x.yaml:7:21: applicant.birth_place: found bytes that are not UTF-8 text, expected text encoded as UTF-8 | hint: save the file as UTF-8"},
		{"  document: passport", "  document: passport\n  \x01", "x.yaml:17:3: identity: found the control character U+0001"},
	} {
		_, err := Load("x.yaml", []byte(edit(t, tc.old, tc.new)), today)
		checkProblems(t, err, []string{tc.want})
	}
}

// TestSyntaxErrorField: a YAML syntax error names the field of its line,
// inside lists too.
func TestSyntaxErrorField(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"  filed_on: 2026-11-02", "  filed_on: 2026-11-02\n  ofii_requests:\n  - on: 2026-11-03\n    kind: information\n  - on: 2026-11-04\n    kind: exam: x",
			"x.yaml:26:15: procedure.ofii_requests[1].kind: invalid YAML: mapping values are not allowed"},
		{"  long_stay_visa: false", "  long_stay_visa: false\n  residence_proofs:\n    - visa\n    - bank: x: y", "x.yaml:22:14: situation.residence_proofs[1].bank: invalid YAML"},
	} {
		_, err := Load("x.yaml", []byte(edit(t, tc.old, tc.new)), today)
		checkProblems(t, err, []string{tc.want})
	}
}

// TestCommentInValue: text after " #" on a value's line is a warning that
// names it; a comment written as one (after a wide gap, as in the example
// file of 'ofiipack init') and a quoted value are not.
func TestCommentInValue(t *testing.T) {
	f, err := Load("x.yaml", []byte(edit(t, "street: 12 rue des Lilas", "street: 27 bd National #appt 4",
		"city: Saint-Denis", `city: "Saint-Denis #2" # quoted`, "birth_place: Bamako (Mali)", "birth_place: Bamako (Mali)      # as on the passport")), today)
	if err != nil {
		t.Fatal(err)
	}
	if f.Applicant.Address.Street != "27 bd National" {
		t.Errorf("street = %q", f.Applicant.Address.Street)
	}
	var got []string
	for _, w := range f.Warnings {
		got = append(got, render(w))
	}
	want := []string{`x.yaml:11:28: applicant.address.street: the text "#appt 4" is a YAML comment, left out of the value (" #" starts a comment) | hint: put the whole value in quotes to keep it: street: "… #appt 4"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := f.Warnings[0].Message.In(msg.French); !strings.Contains(got, "le texte \"#appt 4\" est un commentaire YAML") {
		t.Errorf("in French: %q", got)
	}
	if f := loadExample(t, "diallo-general.yaml"); len(f.Warnings) != 0 {
		t.Errorf("the example has warnings: %v", f.Warnings)
	}
}

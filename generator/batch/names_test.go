package batch

import (
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

// The namer, which holds names as hashes, says where a person was seen
// first, for a row and a file.
func TestPersonFirstSeen(t *testing.T) {
	n := newNamer()
	who := func(family, given string, birth civil.Date) *applicant.File {
		return &applicant.File{Applicant: applicant.Applicant{FamilyName: family, GivenNames: given, BirthDate: birth}}
	}
	a, b, c := who("DIALLO", "Aminata", civil.New(1988, 4, 12)), who("Diallo", "AMINATA", civil.New(1988, 4, 12)), who("DIALLO", "Aminata", civil.New(1988, 4, 13))
	for _, step := range []struct {
		f     *applicant.File
		place Place
		want  string
	}{
		{a, Place{"c.csv", 4}, ""},
		{b, Place{"d.csv", 9}, "c.csv:row 4"},
		{c, Place{"folder/c.yaml", 0}, ""},
		{c, Place{"e.csv", 2}, "folder/c.yaml"},
		{who("KONÉ", "Ibrahim", civil.New(1990, 1, 1)), Place{"f.xlsx", 7}, ""},
		{who("Koné", "Ibrahim", civil.New(1990, 1, 1)), Place{"c.csv", 5}, "f.xlsx:row 7"},
		{who("DIALLO", "Aminata Fatou", civil.New(1988, 4, 12)), Place{"c.csv", 6}, ""},
	} {
		got := ""
		if first := n.person(step.f, step.place); first != nil {
			got = first.String()
		}
		if got != step.want {
			t.Errorf("person(%s %s, %s) = %q, want %q", step.f.Applicant.FamilyName, step.f.Applicant.GivenNames,
				step.place, got, step.want)
		}
	}
	// names given as a base and as a number stay unique
	for _, want := range []string{"a", "a-2", "a-2-2", "a-3", "a-4"} {
		base := "a"
		if want == "a-2-2" {
			base = "a-2"
		}
		if got := n.unique(base); got != want {
			t.Errorf("unique(%q) = %q, want %q", base, got, want)
		}
	}
}

package batch

import (
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

// The namer, which holds names as hashes, says where a person was seen
// first as Result.Where does, for a row, a file and any other label.
func TestPersonFirstSeen(t *testing.T) {
	n := newNamer()
	who := func(family, given string, birth civil.Date) *applicant.File {
		return &applicant.File{Applicant: applicant.Applicant{FamilyName: family, GivenNames: given, BirthDate: birth}}
	}
	a, b, c := who("DIALLO", "Aminata", civil.New(1988, 4, 12)), who("Diallo", "AMINATA", civil.New(1988, 4, 12)), who("DIALLO", "Aminata", civil.New(1988, 4, 13))
	for _, step := range []struct {
		f             *applicant.File
		source, label string
		want          string
	}{
		{a, "c.csv", "row 4", ""},
		{b, "d.csv", "row 9", "c.csv:row 4"},
		{c, "folder/c.yaml", "", ""},
		{c, "e.csv", "row 2", "folder/c.yaml"},
		{who("KONÉ", "Ibrahim", civil.New(1990, 1, 1)), "f.xlsx", "row 007", ""},
		{who("Koné", "Ibrahim", civil.New(1990, 1, 1)), "c.csv", "row 5", "f.xlsx:row 007"},
		{who("DIALLO", "Aminata Fatou", civil.New(1988, 4, 12)), "c.csv", "row 6", ""},
	} {
		if got := n.person(step.f, step.source, step.label); got != step.want {
			t.Errorf("person(%s %s, %s:%s) = %q, want %q", step.f.Applicant.FamilyName, step.f.Applicant.GivenNames,
				step.source, step.label, got, step.want)
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

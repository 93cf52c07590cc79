package batch

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// The caseload files read back from a kept record every field they print
// of the plan, and the place, names, birth date and phone of the applicant.
func TestKept(t *testing.T) {
	f, p := examplePlan(t, "diallo-general")
	p.Warnings = append(p.Warnings, plan.Warning{ID: "x", Message: "Un message sans forme courte."})
	p.NextStep = &plan.NextStep{ID: "ofii_reply", Date: &today, Kind: "reply", Late: true, Now: "Répondre aujourd’hui.",
		PostByPassed: true, Title: "Réponse à l’OFII"}
	k := keep(f, p, Place{Source: "c.csv", Row: 3})
	e := k.boardEntry()
	if e.Source != "c.csv:ligne 3" || e.Name != ical.Name(f) || e.Phone != f.Applicant.Phone {
		t.Errorf("board entry: source %q, name %q, phone %q", e.Source, e.Name, e.Phone)
	}
	if got := k.file().Applicant; got.FamilyName != f.Applicant.FamilyName || got.GivenNames != f.Applicant.GivenNames ||
		got.BirthDate != f.Applicant.BirthDate {
		t.Errorf("applicant read back: %+v", got)
	}
	if len(p.Deadlines) == 0 {
		t.Fatal("the example has no deadline")
	}
	for _, got := range [][]plan.Deadline{e.Deadlines, k.plan().Deadlines} {
		if len(got) != len(p.Deadlines) {
			t.Fatalf("%d deadlines read back, want %d", len(got), len(p.Deadlines))
		}
		for i, d := range p.Deadlines {
			want := plan.Deadline{ID: d.ID, Kind: d.Kind, Date: d.Date, PostBy: d.PostBy, NonWorkingDay: d.NonWorkingDay,
				Passed: d.Passed, Done: d.Done, Title: d.Title, Source: d.Source}
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("deadline %d read back:\n%+v, want\n%+v", i, got[i], want)
			}
		}
	}
	if n := len(p.Warnings); len(e.Warnings) != n || e.Warnings[n-1].Short != "Un message sans forme courte." {
		t.Errorf("warnings read back: %+v", e.Warnings)
	}
	if e.NextStep != p.NextStep {
		t.Errorf("next step read back: %+v, want %+v", e.NextStep, p.NextStep)
	}
	// the board prints a next step only when it is late
	p.NextStep = &plan.NextStep{ID: "ofii_reply", Date: &today, Kind: "reply", Title: "Réponse à l’OFII"}
	if k := keep(f, p, Place{Source: "c.yaml"}); k.late != nil || k.boardEntry().NextStep != nil {
		t.Errorf("a next step on time is kept: %+v", k.late)
	}
}

// The applicant's strings read from a spreadsheet share the memory of the
// whole row: the record holds copies, not the row.
func TestKeptCopiesNames(t *testing.T) {
	row := strings.Repeat("x", 4096) + "DIALLO;Aminata;06 12 34 56 78"
	f := &applicant.File{Applicant: applicant.Applicant{FamilyName: row[4096:4102], GivenNames: row[4103:4110], Phone: row[4111:]}}
	k := keep(f, &plan.Plan{}, Place{Source: "c.csv", Row: 2})
	start := uintptr(unsafe.Pointer(unsafe.StringData(row)))
	for _, s := range []string{k.family, k.given, k.phone} {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); p >= start && p < start+uintptr(len(row)) {
			t.Errorf("%q shares the row's memory", s)
		}
	}
	if k.family != "DIALLO" || k.given != "Aminata" || k.phone != "06 12 34 56 78" {
		t.Errorf("kept %q %q %q", k.family, k.given, k.phone)
	}
}

func examplePlan(t testing.TB, name string) (*applicant.File, *plan.Plan) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := applicant.Load(name+".yaml", b, today)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Compute(f, today)
	if err != nil {
		t.Fatal(err)
	}
	return f, p
}

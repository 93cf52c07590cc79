package pipeline

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/generator/msg"
)

var today = civil.Date{Year: 2026, Month: 12, Day: 7}

func example(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// valuesOf is a file's values as a form or a row gives them.
func valuesOf(t *testing.T, data []byte) []fields.Value {
	t.Helper()
	root, err := applicant.Parse("x.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	vs := fields.Flatten(root)
	for i := range vs {
		vs[i].Line, vs[i].Column = 1, i+1
	}
	return vs
}

// The same applicant as a file and as values gives the same plan: the
// command line, the form and a spreadsheet row take one road.
func TestFileAndValuesGiveOnePlan(t *testing.T) {
	for _, name := range []string{"diallo-general.yaml", "rahimi-asylum.yaml", "sissoko-renewal.yaml", "kone-refused.yaml"} {
		data := example(t, name)
		a := Run(Input{Source: name, Data: data}, today, nil)
		b := Run(Input{Source: "formulaire", Node: fields.Node(valuesOf(t, data), 0)}, today, nil)
		if !a.OK() || !b.OK() {
			t.Fatalf("%s: problems %v / %v", name, a.Problems, b.Problems)
		}
		if !reflect.DeepEqual(a.Plan, b.Plan) {
			t.Errorf("%s: the file's plan and the values' plan differ", name)
		}
		if a.Name == "" || a.Name != b.Name {
			t.Errorf("%s: names %q and %q", name, a.Name, b.Name)
		}
	}
}

// The run's organisation signs in place of the file's; without one, the
// file's signs; without either, nobody.
func TestOrganisationPrecedence(t *testing.T) {
	run := &applicant.Organisation{Name: "Comede"}
	withOrg, withoutOrg := example(t, "rahimi-asylum.yaml"), example(t, "diallo-general.yaml")
	tests := []struct {
		name string
		data []byte
		org  *applicant.Organisation
		want string
	}{
		{"run's over file's", withOrg, run, "Comede"},
		{"file's alone", withOrg, nil, "Association Accueil Solidarité"},
		{"run's alone", withoutOrg, run, "Comede"},
		{"none", withoutOrg, nil, ""},
	}
	for _, tt := range tests {
		r := Run(Input{Source: "x.yaml", Data: tt.data}, today, tt.org)
		got := ""
		if r.Org != nil {
			got = r.Org.Name
		}
		if got != tt.want {
			t.Errorf("%s: organisation %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A file with problems has no plan and says where each problem is; its
// name can still be read, for the lists that name failures.
func TestProblemsKeepTheName(t *testing.T) {
	data := strings.Replace(string(example(t, "diallo-general.yaml")), "birth_date: ", "birth_date: 31/02/", 1)
	r := Run(Input{Source: "d.yaml", Data: []byte(data)}, today, nil)
	if r.OK() || r.Plan != nil || r.File != nil {
		t.Fatalf("want problems and no plan, got %+v", r)
	}
	if r.Name != "" || NameOf(Input{Source: "d.yaml", Data: []byte(data)}) != "DIALLO Aminata" {
		t.Errorf("name %q, read %q", r.Name, NameOf(Input{Source: "d.yaml", Data: []byte(data)}))
	}
	p := r.Problems[0]
	if p.File != "d.yaml" || p.Line == 0 || p.Field != "applicant.birth_date" {
		t.Errorf("problem %q not placed", p.Error())
	}

	vs := valuesOf(t, []byte(data))
	in := Input{Source: "caseload.csv", Node: fields.Node(vs, 4), Row: 4}
	if r = Run(in, today, nil); r.OK() || NameOf(in) != "DIALLO Aminata" {
		t.Errorf("values: ok %v, name %q", r.OK(), NameOf(in))
	}
}

// What the file holds that the user may not mean comes with the plan.
func TestWarningsComeWithThePlan(t *testing.T) {
	data := strings.Replace(string(example(t, "diallo-general.yaml")), `phone: "06 12 34 56 78"`, "phone: 06 12 34 56 78 # portable", 1)
	r := Run(Input{Source: "d.yaml", Data: []byte(data)}, today, nil)
	if !r.OK() {
		t.Fatalf("problems: %v", r.Problems)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Field != "applicant.phone" {
		t.Fatalf("warnings %v, want one on applicant.phone", r.Warnings)
	}
	if !strings.Contains(r.Warnings[0].Message.In(msg.French), "portable") {
		t.Errorf("warning %q", r.Warnings[0].Message.In(msg.French))
	}
}

// A bug met while reading is a problem of the input, worded without the
// panic's value, which may hold the applicant's data.
func TestBugText(t *testing.T) {
	var e error
	func() {
		defer func() { e = recover().(error) }()
		var s []int
		_ = s[3]
	}()
	if got := bugText(e); !strings.Contains(got, "index out of range") {
		t.Errorf("runtime error worded %q", got)
	}
	if got := bugText("DIALLO Aminata 06 12 34 56 78"); strings.Contains(got, "DIALLO") {
		t.Errorf("panic value repeated: %q", got)
	}
}

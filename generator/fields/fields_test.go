package fields

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

var today = civil.New(2026, 12, 2)

func TestParseName(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when refused
		kind Kind
	}{
		{"applicant.family_name", "applicant.family_name", Text},
		{"applicant.birth_date", "applicant.birth_date", Date},
		{"situation.residence_proofs", "situation.residence_proofs", List},
		{"ofii_address.0", "ofii_address.0", Text},
		{"ofii_address.9", "ofii_address.9", Text}, // the last index below the bound
		{"ofii_address.10", "", Text},              // the bound itself
		{"ofii_address.01", "", Text},              // not how an index is written
		{"ofii_address.-1", "", Text},              // negative
		{"ofii_address.0.on", "", Text},            // a line has no keys
		{"procedure.ofii_requests.0.on", "procedure.ofii_requests.0.on", Date},
		{"procedure.ofii_requests.3.kind", "procedure.ofii_requests.3.kind", Text},
		{"procedure.ofii_requests.0.appointment_on", "procedure.ofii_requests.0.appointment_on", Date},
		{"procedure.ofii_requests.0", "", Text},      // a request is named by its keys
		{"procedure.ofii_requests.0.date", "", Text}, // not a key of a request
		{"procedure.ofii_requests", "procedure.ofii_requests", Requests},
		{"applicant.family_name.0", "", Text}, // not a list
		{"applicant", "", Text},
		{"", "", Text},
		{"options.fees.stamp_duty", "options.fees.stamp_duty", Number},
	}
	for _, tt := range tests {
		n, ok := ParseName(tt.in, 10)
		switch {
		case tt.want == "" && ok:
			t.Errorf("ParseName(%q) = %v, want refused", tt.in, n)
		case tt.want != "" && !ok:
			t.Errorf("ParseName(%q) refused, want %q", tt.in, tt.want)
		case ok && (n.String() != tt.want || n.Kind() != tt.kind):
			t.Errorf("ParseName(%q) = %q kind %v, want %q kind %v", tt.in, n, n.Kind(), tt.want, tt.kind)
		}
	}
}

func examples(t *testing.T) []string {
	paths, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(paths) < 5 {
		t.Fatalf("want at least 5 examples, found %d (%v)", len(paths), err)
	}
	return paths
}

// Every example, flattened to values and built again, loads as the same
// file: through Node (a form post, a spreadsheet row) and through the YAML
// that Canonical and Encode write (the file a form saves).
func TestRoundTripExamples(t *testing.T) {
	for _, path := range examples(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := applicant.Load(path, data, today)
			if err != nil {
				t.Fatal(err)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			values := Flatten(&doc)
			if len(values) < 12 {
				t.Fatalf("only %d values flattened", len(values))
			}
			got, err := applicant.DecodeNode(path, Node(values, 1), today)
			if err != nil {
				t.Fatalf("Node does not load:\n%v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Node loads as\n%+v\nwant\n%+v", got, want)
			}
			out, err := Encode(Canonical(values))
			if err != nil {
				t.Fatal(err)
			}
			got, err = applicant.Load("saved.yaml", out, today)
			if err != nil {
				t.Fatalf("the saved file does not load:\n%v\n%s", err, out)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the saved file loads as\n%+v\nwant\n%+v\n%s", got, want, out)
			}
			// Saving the saved file again changes nothing.
			var again yaml.Node
			if err := yaml.Unmarshal(out, &again); err != nil {
				t.Fatal(err)
			}
			out2, err := Encode(Canonical(Flatten(&again)))
			if err != nil || string(out2) != string(out) {
				t.Errorf("saving again gives\n%s\nwant\n%s", out2, out)
			}
		})
	}
}

func TestCanonicalWritesAsByHand(t *testing.T) {
	name := func(s string) Name {
		n, ok := ParseName(s, 10)
		if !ok {
			t.Fatalf("ParseName(%q) refused", s)
		}
		return n
	}
	values := []Value{
		{Name: name("ofii_address.1"), Value: "75011 PARIS"},
		{Name: name("applicant.address.postcode"), Value: "01000"},
		{Name: name("applicant.family_name"), Value: "true"},
		{Name: name("applicant.birth_date"), Value: "12/04/1988"},
		{Name: name("situation.long_stay_visa"), Value: "false"},
		{Name: name("ofii_address.0"), Value: "OFII"},
		{Name: name("options.mail_margin_days"), Value: "5"},
		{Name: name("procedure.ofii_requests.0.kind"), Value: "examination"},
		{Name: name("procedure.ofii_requests.0.on"), Value: "20/11/2026"},
		{Name: name("situation.residence_proofs"), Value: "visa"},
		{Name: name("situation.residence_proofs"), Value: "administration"},
	}
	out, err := Encode(Canonical(values))
	if err != nil {
		t.Fatal(err)
	}
	want := `format: ofiipack/v1
applicant:
  family_name: "true"
  birth_date: 1988-04-12
  address:
    postcode: "01000"
situation:
  long_stay_visa: false
  residence_proofs:
    - visa
    - administration
procedure:
  ofii_requests:
    - on: 2026-11-20
      kind: examination
ofii_address:
  - OFII
  - 75011 PARIS
options:
  mail_margin_days: 5
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// A spreadsheet's cells: lists and requests separated by ";".
func TestNodeCells(t *testing.T) {
	lookup := func(s string) Name { n, _ := ParseName(s, 10); return n }
	root := Node([]Value{
		{Name: lookup("situation.residence_proofs"), Value: "administration; bank_statements;", Line: 3, Column: 2},
		{Name: lookup("procedure.ofii_requests"), Value: "2026-11-18 information; 2026-11-20 examination 2026-12-03", Line: 3, Column: 5},
	}, 3)
	out, err := Encode(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"- administration\n", "- bank_statements\n", "on: \"2026-11-18\"", "kind: information", "appointment_on: \"2026-12-03\"", "format: ofiipack/v1"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if n := strings.Count(string(out), "- on:"); n != 2 {
		t.Errorf("%d requests, want 2:\n%s", n, out)
	}
}

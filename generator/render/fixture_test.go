package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/plan"
)

var dump = flag.String("dump", "", "write the rendered PDFs to this folder, to look at them")

// The tests read what each page holds.
func init() { recordDetail = true }

// production renders as the commands do, without the layout's detail,
// until the test or benchmark ends.
func production(t testing.TB) {
	recordDetail = false
	t.Cleanup(func() { recordDetail = true })
}

// today is the date every test renders at (a Sunday).
var today = civil.New(2026, 11, 22)

// loadExample loads examples/<name>.yaml.
func loadExample(t testing.TB, name string) *applicant.File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := applicant.Load(name+".yaml", b, today)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return f
}

// examples are the applicant files of examples/, by name.
var examples = []string{"diallo-general", "mbarga-sick-child", "minimal", "nguyen-hosted", "rahimi-asylum", "benali-algerian", "kone-refused", "sissoko-renewal", "camara-granted", "haddad-implicit-refusal"}

// examplePlan loads an example and computes its plan at today.
func examplePlan(t testing.TB, name string) (*applicant.File, *plan.Plan) {
	t.Helper()
	f := loadExample(t, name)
	p, err := plan.Compute(f, today)
	if err != nil {
		t.Fatalf("plan %s: %v", name, err)
	}
	return f, p
}

// renderExample renders the whole pack of an example.
func renderExample(t testing.TB, name string) (*layout, []byte) {
	t.Helper()
	f, p := examplePlan(t, name)
	return render(t, name, f, p, nil, p.Documents)
}

// render renders docs of f with plan p and returns the layout and bytes.
func render(t testing.TB, name string, f *applicant.File, p *plan.Plan, org *applicant.Organisation, docs []string) (*layout, []byte) {
	t.Helper()
	var buf bytes.Buffer
	l, err := pack(&buf, f, p, org, docs)
	if err != nil {
		t.Fatalf("render %s: %v", name, err)
	}
	if *dump != "" {
		if err := os.WriteFile(filepath.Join(*dump, name+".pdf"), buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return l, buf.Bytes()
}

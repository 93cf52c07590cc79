package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// A renewal entered in the form (the section « Titre de séjour actuel »)
// gives the same plan as the YAML file (examples/sissoko-renewal.yaml).
func TestRenewalFormSamePlan(t *testing.T) {
	data := examples(t)["sissoko-renewal.yaml"]
	f, err := applicant.Load("sissoko-renewal.yaml", data, today)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Compute(f, today)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	values := formValues(t, data)
	for _, name := range []string{"current_permit.kind", "current_permit.expires_on", "current_permit.issued_on"} {
		if values.Get(name) == "" {
			t.Fatalf("the form posts no %s", name)
		}
	}
	b, ct := form(values)
	w := serve(newServer(t), request("POST", "/check", b, ct))
	var body struct {
		Problems []formProblem  `json:"problems"`
		Plan     map[string]any `json:"plan"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || w.Code != http.StatusOK || len(body.Problems) != 0 {
		t.Fatalf("/check: %d %v %s", w.Code, err, w.Body)
	}
	var want map[string]any
	if err := json.Unmarshal(wantJSON, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(body.Plan, want) {
		t.Errorf("the form's plan differs from the file's:\n%v\nwant\n%v", body.Plan, want)
	}
	if next, _ := body.Plan["next_step"].(map[string]any); next["id"] != plan.DeadlineRenewalFiling {
		t.Errorf("next step %v, want renewal_filing", next)
	}
}

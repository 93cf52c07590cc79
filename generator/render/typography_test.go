package render

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// userValues returns every text of an applicant file: what the person
// typed is printed as typed, so the wording checks leave it out.
func userValues(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		if s := strings.TrimSpace(v.String()); s != "" {
			*out = append(*out, s)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			userValues(v.Elem(), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				userValues(v.Field(i), out)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			userValues(v.Index(i), out)
		}
	}
}

// badWording are the marks SPEC §3 forbids in what ofiipack writes: a
// straight apostrophe, "(s)" or "(e)" forms, an internal source name.
var badWording = regexp.MustCompile(`'|\((s|e|es)\)|(?i)seed`)

// Every text ofiipack writes for every example — the PDF's text, the plan
// as text and JSON, the .ics file — follows SPEC §3's typography.
func TestWordingTypography(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			f, p := examplePlan(t, name)
			var own []string
			userValues(reflect.ValueOf(f).Elem(), &own)
			l, _ := renderExample(t, name)
			var txt, ics bytes.Buffer
			if err := plan.WriteText(&txt, p); err != nil {
				t.Fatal(err)
			}
			if err := ical.Calendar(&ics, f, p); err != nil {
				t.Fatal(err)
			}
			js, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			for what, text := range map[string]string{"PDF": strings.Join(allText(l), "\n"), "plan text": txt.String(),
				"plan JSON": string(js), ".ics": unfold(ics.String())} {
				for _, v := range own {
					text = strings.ReplaceAll(text, v, "")
				}
				for _, line := range strings.Split(text, "\n") {
					if m := badWording.FindString(line); m != "" {
						t.Errorf("%s: %q in %q", what, m, line)
					}
				}
			}
		})
	}
}

// unfold joins the folded lines of an iCalendar file (RFC 5545 §3.1).
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

// The permit is named by the route and basis in the title, the letter's
// subject and the honour statements (SPEC §3): an APS is never a « titre
// de séjour », an Algerian asks for a « certificat de résidence ».
func TestPermitNamedByRoute(t *testing.T) {
	tests := []struct {
		example, title, subject, statement string
		not                                []string
	}{
		{"diallo-general", "Titre de séjour pour soins", "demande de titre de séjour pour raisons de santé (art. L. 425-9 du CESEDA)",
			"ma demande de titre de séjour", []string{"accord franco-algérien du 27 décembre 1968)"}},
		{"benali-algerian", "Certificat de résidence pour soins", "demande de certificat de résidence pour raisons de santé (art. 6, 7° de l’accord franco-algérien",
			"ma demande de certificat de résidence", []string{"L. 425-9 du CESEDA)", "demande de titre de séjour pour raisons de santé",
				"ma demande de titre de séjour"}},
		{"mbarga-sick-child", "Autorisation provisoire de séjour", "demande d’autorisation provisoire de séjour en qualité de parent",
			"", []string{"Titre de séjour pour soins —", "demande de titre de séjour pour raisons de santé", "ma demande de titre de séjour"}},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			// every document, whatever the example's stage: each names the permit
			f, p := examplePlan(t, tt.example)
			l, _ := render(t, tt.example, f, p, nil, []string{plan.DocChecklist, plan.DocCoverLetter,
				plan.DocNonPolygamyDeclaration, plan.DocCalendar})
			checklist := normalize(docText(l, plan.DocChecklist))
			letter := normalize(docText(l, plan.DocCoverLetter))
			if !strings.HasPrefix(checklist, normalize(tt.title)) {
				t.Errorf("checklist title: %.80q, want %q", checklist, tt.title)
			}
			if !strings.Contains(letter, normalize(tt.subject)) {
				t.Errorf("letter lacks the subject %q:\n%s", tt.subject, letter)
			}
			if tt.statement != "" {
				if s := normalize(docText(l, plan.DocNonPolygamyDeclaration)); !strings.Contains(s, normalize(tt.statement)) {
					t.Errorf("statement lacks %q:\n%s", tt.statement, s)
				}
			}
			all := normalize(strings.Join(allText(l), " "))
			for _, n := range tt.not {
				if strings.Contains(all, normalize(n)) {
					t.Errorf("the pack says %q", n)
				}
			}
		})
	}
}

// Month grids stop at a year ahead: the child's 18th birthday in 2037 is in
// the timeline, not in ten pages of grids.
func TestMonthGridsWithinAYear(t *testing.T) {
	f, p := examplePlan(t, "mbarga-sick-child")
	d := &docData{f: f, p: p}
	months := d.monthSpan()
	if len(months) == 0 || len(months) > monthGridHorizon {
		t.Errorf("%d month grids, want 1 to %d", len(months), monthGridHorizon)
	}
	far := false
	for _, dl := range p.Deadlines {
		far = far || dl.Date.After(p.Today.AddMonths(monthGridHorizon))
	}
	if !far {
		t.Error("test setup: no date beyond the horizon")
	}
}

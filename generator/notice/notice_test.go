package notice_test

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/notice"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/templates"
)

// specSteps are the IDs of SPEC §2 that a notice may print: every
// deadline (first application and renewal) and every next step.
var specSteps = []string{
	"application_filing", "certificate_to_ofii", "ofii_request_reply", "ofii_examination",
	"implicit_refusal", "appeal_implicit_refusal", "appeal_decision", "domicile_proof_expiry",
	"nationality_certificate_expiry", "one_year_residence", "child_majority",
	"renewal_window_opens", "renewal_filing", "permit_expiry", "receipt_expiry",
	"get_help_now", "read_decision_now", "file_application", "ask_prefecture",
	"await_certificate", "await_decision", "collect_permit",
}

// lateSteps are the steps that can be late and still matter (SPEC §2,
// "Next step", item 1): each says what to do today.
var lateSteps = []string{"application_filing", "certificate_to_ofii", "ofii_request_reply", "renewal_filing"}

// leaves returns every text of a YAML file by its path ("steps.x.do",
// "weekdays.3").
func leaves(t *testing.T, file string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(templates.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	out := map[string]string{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			walk(n.Content[0], path)
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], strings.TrimPrefix(path+"."+n.Content[i].Value, "."))
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, fmt.Sprintf("%s.%d", path, i))
			}
		default:
			out[path] = n.Value
		}
	}
	walk(&root, "")
	return out
}

var placeholder = regexp.MustCompile(`\.([A-Za-z]+)`)

// placeholders returns the template fields a sentence uses, sorted.
func placeholders(s string) []string {
	var out []string
	for _, action := range regexp.MustCompile(`\{\{[^}]*\}\}`).FindAllString(s, -1) {
		for _, m := range placeholder.FindAllStringSubmatch(action, -1) {
			if !slices.Contains(out, m[1]) {
				out = append(out, m[1])
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestEveryLanguageHasEverySentence: each catalog has exactly the
// sentences of the French one, with the same placeholders, none empty.
func TestEveryLanguageHasEverySentence(t *testing.T) {
	codes, err := notice.Codes()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ar", "en", "es", "fr", "ka", "pt", "ru"}; !slices.Equal(codes, want) {
		t.Errorf("languages %v, want %v", codes, want)
	}
	// every catalog has its line in languages.yaml, and every line its catalog
	files, _ := fs.Glob(templates.FS, "notice/*.yaml")
	var catalogs []string
	for _, f := range files {
		if code := strings.TrimSuffix(path.Base(f), ".yaml"); code != "languages" {
			catalogs = append(catalogs, code)
		}
	}
	if !slices.Equal(catalogs, codes) {
		t.Errorf("catalogs %v, languages.yaml %v", catalogs, codes)
	}
	fr := leaves(t, "notice/fr.yaml")
	for _, code := range codes {
		got := leaves(t, "notice/"+code+".yaml")
		for k, v := range fr {
			g, ok := got[k]
			switch {
			case !ok:
				t.Errorf("%s.yaml has no %s", code, k)
			case strings.TrimSpace(g) == "" && strings.TrimSpace(v) != "":
				t.Errorf("%s.yaml: %s is empty", code, k)
			case !slices.Equal(placeholders(g), placeholders(v)):
				t.Errorf("%s.yaml: %s uses %v, fr.yaml %v", code, k, placeholders(g), placeholders(v))
			}
		}
		for k := range got {
			if _, ok := fr[k]; !ok {
				t.Errorf("%s.yaml has %s, which fr.yaml has not", code, k)
			}
		}
		c, err := notice.Load(code)
		if err != nil {
			t.Fatal(err)
		}
		if c.Code != code {
			t.Errorf("Load(%q) = %q", code, c.Code)
		}
	}
}

// TestEveryStepHasASentence: every date and next step of SPEC §2, and
// every deadline the plan computes, has a sentence in French (hence, by
// the test above, in every language); those that can be late say what to
// do today.
func TestEveryStepHasASentence(t *testing.T) {
	c, err := notice.Load(notice.French)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range slices.Concat(specSteps, plan.DeadlineIDs(), plan.StepIDs()) {
		if c.Steps[id].Do == "" {
			t.Errorf("no sentence for %s", id)
		}
	}
	for _, id := range lateSteps {
		if c.Steps[id].Late == "" {
			t.Errorf("no sentence for %s when late", id)
		}
	}
	for _, kind := range []string{plan.KindDeadline, plan.KindAppointment, plan.KindExpiry, plan.KindMilestone, "action"} {
		if c.Kinds[kind] == "" {
			t.Errorf("no word for the kind %s", kind)
		}
	}
}

func TestLookup(t *testing.T) {
	for in, want := range map[string]string{
		"ru": "ru", "RU": "ru", "russe": "ru", "Russe": "ru", "русский": "ru",
		"géorgien": "ka", "GEORGIEN": "ka", "Géorgien": "ka", "ka": "ka", "ქართული": "ka",
		"arabe": "ar", "Arabe": "ar", "ar": "ar", "العربية": "ar",
		"anglais": "en", "espagnol": "es", "Portugais": "pt", "portugais ": "pt",
		"fr": "fr", "français": "fr", "francais": "fr",
	} {
		if got, ok := notice.Lookup(in); !ok || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "klingon", "r", "russian-ish", "de"} {
		if got, ok := notice.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want none", in, got)
		}
	}
}

// TestHours: the opening hours of templates/data/contacts.yaml, worded
// from their slots, are the French lines the checklist prints, and read
// naturally in another language.
func TestHours(t *testing.T) {
	b, err := fs.ReadFile(templates.FS, "data/contacts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var contacts []struct {
		ID    string        `yaml:"id"`
		Hours []yaml.Node   `yaml:"hours"`
		Slots []notice.Slot `yaml:"slots"`
	}
	if err := yaml.Unmarshal(b, &contacts); err != nil {
		t.Fatal(err)
	}
	fr, _ := notice.Load("fr")
	en, _ := notice.Load("en")
	ar, _ := notice.Load("ar")
	seen := 0
	for _, ct := range contacts {
		if len(ct.Slots) == 0 {
			continue
		}
		seen++
		var want []string
		for _, h := range ct.Hours {
			if h.Kind == yaml.MappingNode { // « Lundi : de … » is a one-key mapping for YAML
				want = append(want, h.Content[0].Value+" : "+h.Content[1].Value)
			} else {
				want = append(want, h.Value)
			}
		}
		got, err := fr.Hours(ct.Slots)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			got[i] = strings.ReplaceAll(strings.ReplaceAll(got[i], "\u202f", " "), "\u00a0", " ")
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: slots say %q in French, hours %q", ct.ID, got, want)
		}
		if ct.ID == "comede_medical_line" {
			lines, _ := en.Hours(ct.Slots)
			if want := []string{"Monday, Thursday and Friday: 14:30–17:30", "Tuesday and Wednesday: 9:30–12:30 and 14:30–17:30"}; !slices.Equal(lines, want) {
				t.Errorf("English hours %q, want %q", lines, want)
			}
			lines, _ = ar.Hours(ct.Slots)
			if want := "الاثنين، الخميس والجمعة: من 14:30 إلى 17:30"; lines[0] != want {
				t.Errorf("Arabic hours %q, want %q", lines[0], want)
			}
		}
	}
	if seen == 0 {
		t.Error("no contact has slots: the notice would print no hours")
	}
	if _, err := fr.Hours([]notice.Slot{{Days: []string{"lun"}, Times: []string{"9:00-12:00"}}}); err == nil {
		t.Error("an unknown day was accepted")
	}
}

// TestFillIsolatesValuesInArabic: a date or phone number set into an
// Arabic sentence is a left-to-right isolate; French gets its typography.
func TestFill(t *testing.T) {
	ar, _ := notice.Load("ar")
	got, err := ar.Fill(ar.Help.Comede, map[string]any{"Phone": "01 45 21 38 93"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "\u206601 45 21 38 93\u2069") {
		t.Errorf("Arabic sentence %q: the phone number is not isolated", got)
	}
	fr, _ := notice.Load("fr")
	got, _ = fr.Fill(fr.Next.Late, map[string]any{"Day": "lundi 14/12/2026"})
	if got != "En retard\u202f: la date était le lundi 14/12/2026." && got != "En retard\u00a0: la date était le lundi 14/12/2026." {
		t.Errorf("French %q lacks its no-break space before the colon", got)
	}
	if _, err := fr.Fill(fr.Next.Late, map[string]any{}); err == nil {
		t.Error("a missing placeholder was not an error")
	}
}

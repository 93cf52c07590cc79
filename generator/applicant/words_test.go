package applicant

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// wordFields puts a word in the field it belongs to, in a valid file, and
// reads the value the loader made of it.
var wordFields = []struct {
	path string
	set  *enum
	file func(t *testing.T, word, value string) string
	got  func(f *File) string
}{
	{"applicant.civility", &civilities,
		func(t *testing.T, w, _ string) string { return edit(t, "civility: madame", "civility: "+w) },
		func(f *File) string { return f.Applicant.Civility }},
	{"applicant.hosted_by.civility", &civilities,
		func(t *testing.T, w, _ string) string {
			return edit(t, "  email: a.diallo@example.org\n", "  email: a.diallo@example.org\n  hosted_by: {civility: "+w+", family_name: KONATÉ, given_names: Ibrahim}\n")
		},
		func(f *File) string { return f.Applicant.HostedBy.Civility }},
	{"applicant.marital_status", &maritalStatuses,
		func(t *testing.T, w, _ string) string {
			return edit(t, "marital_status: married", "marital_status: "+w)
		},
		func(f *File) string { return f.Applicant.MaritalStatus }},
	{"identity.document", &documents,
		func(t *testing.T, w, _ string) string { return edit(t, "document: passport", "document: "+w) },
		func(f *File) string { return f.Identity.Document }},
	{"situation.sick_child.sex", &sexes,
		func(t *testing.T, w, _ string) string {
			return edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  sick_child: {given_names: Noé, family_name: M, birth_date: 2019-03-08, sex: "+w+"}\n")
		},
		func(f *File) string { return f.Situation.SickChild.Sex }},
	{"situation.residence_proofs", &residenceProofs,
		func(t *testing.T, w, _ string) string {
			return edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  residence_proofs: ["+w+"]\n")
		},
		func(f *File) string { return strings.Join(f.Situation.ResidenceProofs, ";") }},
	{"situation.refusal_grounds", &refusalGrounds,
		func(t *testing.T, w, _ string) string {
			return edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  refusal_grounds: ["+w+"]\n")
		},
		func(f *File) string { return strings.Join(f.Situation.RefusalGrounds, ";") }},
	{"situation.polygamy_declaration", &polygamyValues,
		func(t *testing.T, w, _ string) string {
			return edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  polygamy_declaration: "+w+"\n")
		},
		func(f *File) string { return f.Situation.PolygamyDeclaration }},
	{"situation.long_stay_visa", &yesNo,
		func(t *testing.T, w, _ string) string { return edit(t, "long_stay_visa: false", "long_stay_visa: "+w) },
		func(f *File) string { return strconv.FormatBool(f.Situation.LongStayVisa) }},
	{"procedure.ofii_requests.kind", &requestKinds,
		func(t *testing.T, w, _ string) string {
			return edit(t, "", "  ofii_requests: [{on: 2026-11-18, kind: "+w+"}]\n")
		},
		func(f *File) string { return f.Procedure.OFIIRequests[0].Kind }},
	{"procedure.decision.outcome", &outcomes,
		func(t *testing.T, w, _ string) string {
			return edit(t, "", "  decision: {outcome: "+w+", notified_on: 2026-11-20}\n")
		},
		func(f *File) string { return f.Procedure.Decision.Outcome }},
	{"procedure.decision.appeal_period", &appealPeriods,
		func(t *testing.T, w, _ string) string {
			return edit(t, "", "  decision: {outcome: refused, notified_on: 2026-11-20, appeal_period: "+w+"}\n")
		},
		func(f *File) string { return f.Procedure.Decision.AppealPeriod }},
	{"current_permit.kind", &permitKinds,
		func(t *testing.T, w, value string) string {
			s := edit(t, "", "current_permit: {kind: "+w+", expires_on: 2027-01-31}\n")
			switch value { // a kind fits its route and nationality
			case PermitAlgerian:
				s = strings.Replace(s, "nationality: ML", "nationality: DZ", 1)
			case PermitAPS:
				s = strings.Replace(s, "  long_stay_visa: false\n", "  long_stay_visa: false\n  sick_child: {given_names: Noé, family_name: M, birth_date: 2019-03-08}\n", 1)
			}
			return s
		},
		func(f *File) string { return f.CurrentPermit.Kind }},
	{"documents_ready", &checklistItems,
		func(t *testing.T, w, _ string) string { return edit(t, "", "documents_ready: ["+w+"]\n") },
		func(f *File) string { return strings.Join(f.DocumentsReady, ";") }},
}

// spellings are the ways a word is typed: as in the table, in capitals, in
// small letters, without its accents.
func spellings(w string) []string {
	bare, _, _ := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), w)
	out := []string{w}
	for _, s := range []string{strings.ToUpper(w), strings.ToLower(w), bare} {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Every word of templates/text/values.yaml, in every spelling, reads as its
// value through the loader, in the field that takes it: the path of an
// applicant file, of a spreadsheet row and of the web form alike
// (DecodeNode).
func TestEveryFrenchWord(t *testing.T) {
	raw := readWordsRaw(t)
	n := 0
	for _, wf := range wordFields {
		set := raw[wf.set.words]
		if set == nil {
			t.Fatalf("%s: no set %q in templates/%s", wf.path, wf.set.words, wordsFile)
		}
		for _, value := range wf.set.values {
			words := append(slices.Clone(set[value].Shown), set[value].Also...)
			words = append(words, value)
			for _, w := range words {
				for _, typed := range spellings(w) {
					f, err := Load("x.yaml", []byte(wf.file(t, strconv.Quote(typed), value)), today)
					if err != nil {
						t.Errorf("%s: %q: %v", wf.path, typed, err)
						continue
					}
					if got := wf.got(f); got != value {
						t.Errorf("%s: %q read as %q, want %q", wf.path, typed, got, value)
					}
					n++
				}
			}
		}
	}
	t.Logf("%d spellings read", n)
}

type rawWords map[string]map[string]struct {
	Shown []string `yaml:"shown"`
	Also  []string `yaml:"also"`
}

func readWordsRaw(t *testing.T) rawWords {
	t.Helper()
	if _, err := readWords(os.DirFS("../../templates")); err != nil {
		t.Fatal(err)
	}
	var raw rawWords
	data, err := os.ReadFile("../../templates/" + wordsFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	return raw
}

// The table and the fields agree: every field of fixed values has its
// set, every value of the field shows a word, and the set has no value the
// field does not take.
func TestWordsTable(t *testing.T) {
	raw := readWordsRaw(t)
	enums := map[string]*enum{"yes_no": &yesNo}
	for path, e := range fieldEnums {
		if e.words == "" {
			t.Errorf("%s has no French words (make it with wordsEnum and add its set to templates/%s)", path, wordsFile)
			continue
		}
		enums[e.words] = e
	}
	for name, e := range enums {
		set := raw[name]
		for _, v := range e.values {
			if len(set[v].Shown) == 0 {
				t.Errorf("%s: the value %s shows no French word", name, v)
			}
		}
		for v := range set {
			if !slices.Contains(e.values, v) {
				t.Errorf("%s: %s is not a value of the field", name, v)
			}
		}
	}
	for name := range raw {
		if enums[name] == nil {
			t.Errorf("the set %s of templates/%s is read by no field", name, wordsFile)
		}
	}
}

// The words of a set never collide, and FoldWord reads alike what people
// type alike.
func TestFoldWord(t *testing.T) {
	for in, want := range map[string]string{
		"Marié(e)":               "marie e",
		"MARIÉE":                 "mariee",
		"  Veuf/Veuve ":          "veuf veuve",
		"2_months":               "2 months",
		"M.":                     "m",
		"Pièce d’identité":       "piece d identite",
		"pièce d'identité":       "piece d identite",
		"Quarante-huit  heures":  "quarante huit heures",
		"Célibataire":            "celibataire",
		"Attestation d’asile\t!": "attestation d asile",
	} {
		if got := FoldWord(in); got != want {
			t.Errorf("FoldWord(%q) = %q, want %q", in, got, want)
		}
	}
	dir := t.TempDir()
	os.MkdirAll(dir+"/text", 0o755)
	os.WriteFile(dir+"/"+wordsFile, []byte("x:\n  a: {shown: [Oui]}\n  b: {shown: [OUI]}\n"), 0o644)
	if _, err := readWords(os.DirFS(dir)); err == nil || !strings.Contains(err.Error(), "reads as both") {
		t.Errorf("two values sharing a word: %v", err)
	}
}

// A message expects the stable values in English and the French words in
// French; the hint offers the word nearest to what was typed.
func TestWordMessages(t *testing.T) {
	_, err := Load("x.yaml", []byte(edit(t, "marital_status: married", "marital_status: Mariéee")), today)
	ps := problemsOf(t, err)
	if got := ps[0].Message.In(msg.French); got != `trouvé "Mariéee", attendu l’une des valeurs Célibataire, Marié, Mariée, Pacsé, Pacsée, Divorcé, Divorcée, Veuf, Veuve ou Inconnue` {
		t.Errorf("French message %q", got)
	}
	if got := ps[0].Hint.In(msg.French); got != "vouliez-vous dire « Mariée » ?" {
		t.Errorf("French hint %q", got)
	}
	if got := ps[0].Hint.In(msg.English); got != `did you mean "married"?` {
		t.Errorf("English hint %q", got)
	}
	_, err = Load("x.yaml", []byte(edit(t, "long_stay_visa: false", "long_stay_visa: peut-être")), today)
	if got := problemsOf(t, err)[0].Message.In(msg.French); got != `trouvé "peut-être", attendu Oui ou Non` {
		t.Errorf("French message %q", got)
	}
}

// The French word of a value for the example row agrees with the civility.
func TestWord(t *testing.T) {
	for _, tc := range []struct{ path, value, civility, want string }{
		{"applicant.marital_status", Married, Madame, "Mariée"},
		{"applicant.marital_status", Married, Monsieur, "Marié"},
		{"applicant.marital_status", Single, Madame, "Célibataire"},
		{"applicant.civility", Madame, Madame, "Madame"},
		{"identity.document", Passport, Madame, "Passeport"},
		{"procedure.decision.appeal_period", AppealTwoMonths, "", "2 mois"},
		{"applicant.family_name", "DIALLO", "", "DIALLO"},
	} {
		if got := Word(tc.path, tc.value, tc.civility); got != tc.want {
			t.Errorf("Word(%s, %s, %s) = %q, want %q", tc.path, tc.value, tc.civility, got, tc.want)
		}
	}
	for _, tc := range []struct{ path, in, want string }{
		{"applicant.marital_status", "Marié(e)", Married},
		{"procedure.decision.appeal_period", "48 h", Appeal48Hours},
		{"applicant.nationality", "Côte d'Ivoire", "CI"},
		{"applicant.nationality", "ml", "ML"},
	} {
		if got, ok := StableValue(tc.path, tc.in); !ok || got != tc.want {
			t.Errorf("StableValue(%s, %q) = %q, %v, want %q", tc.path, tc.in, got, ok, tc.want)
		}
	}
	if _, ok := StableValue("applicant.nationality", "Congo"); ok {
		t.Error("Congo read as one country")
	}
}

// PersonName reads the names of a file that has other problems, as the
// loader reads them; a name that is itself wrong is left out.
func TestPersonName(t *testing.T) {
	for _, tc := range []struct{ src, family, given string }{
		{edit(t, "1988-04-12", "1988-13-12"), "DIALLO", "Aminata"},
		{"applicant:\n  family_name: \"  KONÉ \"\n  given_names: Awa\n  shoe_size: 42\n", "KONÉ", "Awa"},
		{"applicant:\n  family_name: \"KON\\u0007É\"\n  given_names: [Awa]\n", "", ""},
		{"applicant:\n  family_name: " + strings.Repeat("A", 300) + "\n  given_names: Awa\n", "", "Awa"},
		{"applicant:\n  family_name: true\n  given_names: &g Awa\n", "", "Awa"},
		{"- a list\n", "", ""},
		{"format: ofiipack/v1\n", "", ""},
	} {
		root, err := Parse("x.yaml", []byte(tc.src))
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		if f, g := PersonName(root); f != tc.family || g != tc.given {
			t.Errorf("PersonName(%q) = %q, %q, want %q, %q", tc.src, f, g, tc.family, tc.given)
		}
	}
}

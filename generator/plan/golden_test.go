package plan

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/internal/golden"
)

// examples are the applicant files of examples/, every one a test input.
var examples = []string{"diallo-general", "rahimi-asylum", "mbarga-sick-child", "nguyen-hosted", "minimal", "benali-algerian", "kone-refused", "sissoko-renewal", "camara-granted", "haddad-implicit-refusal"}

func loadExample(t testing.TB, name string) *applicant.File {
	t.Helper()
	path := filepath.Join("..", "..", "examples", name+".yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := applicant.Load(path, data, today)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f
}

// textDiff describes how a golden text differs from the output.
func textDiff(want, got []byte) string { return "\n" + firstDiff(string(want), string(got)) }

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

// The JSON and text plans of every example, as `ofiipack plan` prints them
// on 22 November 2026.
func TestGolden(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			p := compute(t, loadExample(t, name))
			js, err := json.MarshalIndent(p, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, name+".json.golden", append(js, '\n'), textDiff)
			var txt bytes.Buffer
			if err := WriteText(&txt, p); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, name+".txt.golden", txt.Bytes(), textDiff)
		})
	}
}

// The JSON keys are SPEC §2's (and the fields added since); lists are never
// null.
func TestJSONKeys(t *testing.T) {
	spec := map[string][]string{
		"": {"format", "today", "route", "basis", "application", "stage", "checklist", "deadlines", "next_step",
			"warnings", "fees", "documents"},
		"checklist": {"id", "title", "done"},
		"deadlines": {"id", "kind", "date", "post_by", "non_working_day", "passed", "done", "title", "source"},
		"warnings":  {"id", "message"},
		"fees":      {"id", "amount_eur"},
	}
	added := map[string][]string{
		"checklist": {"details", "source"},
		"deadlines": {"days_left", "holiday", "holiday_usage", "detail"},
		"warnings":  {"short", "source"},
		"fees":      {"title", "note", "as_of", "non_refundable_eur", "source"},
	}
	seen := map[string]map[string]bool{}
	for _, name := range examples {
		p := compute(t, loadExample(t, name))
		js, _ := json.Marshal(p)
		var top map[string]json.RawMessage
		if err := json.Unmarshal(js, &top); err != nil {
			t.Fatal(err)
		}
		if got := sortedKeys(top); !slices.Equal(got, sorted(spec[""])) {
			t.Errorf("%s: top-level keys %v, want %v", name, got, sorted(spec[""]))
		}
		// next_step: SPEC §2's shape exactly, post_by_passed where it applies
		var next map[string]json.RawMessage
		if err := json.Unmarshal(top["next_step"], &next); err != nil || next == nil {
			t.Fatalf("%s: next_step %s (%v)", name, top["next_step"], err)
		}
		if got := sortedKeys(next); !slices.Equal(got, []string{"date", "id", "kind", "late", "now"}) &&
			!slices.Equal(got, []string{"date", "id", "kind", "late"}) &&
			!slices.Equal(got, []string{"date", "id", "kind", "late", "now", "post_by_passed"}) {
			t.Errorf("%s: next_step keys %v", name, got)
		}
		for list := range added {
			if string(top[list]) == "null" {
				t.Errorf("%s: %s is null", name, list)
			}
			var entries []map[string]json.RawMessage
			if err := json.Unmarshal(top[list], &entries); err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				for k := range e {
					if !slices.Contains(spec[list], k) && !slices.Contains(added[list], k) {
						t.Errorf("%s: %s has unknown key %q", name, list, k)
					}
					if seen[list] == nil {
						seen[list] = map[string]bool{}
					}
					seen[list][k] = true
				}
				for _, k := range spec[list] {
					if _, ok := e[k]; !ok && k != "post_by" {
						t.Errorf("%s: %s entry lacks %q", name, list, k)
					}
				}
			}
		}
	}
	for list, keys := range spec {
		for _, k := range keys {
			if list != "" && !seen[list][k] {
				t.Errorf("no example shows %s.%s", list, k)
			}
		}
	}
}

func sortedKeys(m map[string]json.RawMessage) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

func TestEmptyListsAreNotNull(t *testing.T) {
	card := base() // no deadline, no warning
	card.Situation.LongStayVisa = false
	aps := base() // no fee: the run's date is before the APS tax
	aps.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"}
	marshal := func(f *applicant.File, day civil.Date) []byte {
		p, err := Compute(f, day)
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		// the only null is the date of a next step that is an action (SPEC §2)
		if bytes.Contains(bytes.ReplaceAll(js, []byte(`"kind":"action","date":null`), nil), []byte("null")) {
			t.Errorf("null in %s", js)
		}
		return js
	}
	js := marshal(card, today)
	for _, want := range []string{`"deadlines":[]`, `"warnings":[]`, `"next_step":{"id":"file_application","kind":"action","date":null`} {
		if !bytes.Contains(js, []byte(want)) {
			t.Errorf("%s lacks %s", js, want)
		}
	}
	if js = marshal(aps, civil.New(2026, 1, 5)); !bytes.Contains(js, []byte(`"fees":[]`)) {
		t.Errorf("%s lacks an empty fees list", js)
	}
}

func TestWriteText(t *testing.T) {
	nb := french.NBSP
	tests := []struct {
		name string
		edit func(*applicant.File)
		want []string
		not  []string
	}{
		{"next step with post-by", func(f *applicant.File) { f.Procedure.CertificateAvailableOn = civil.New(2026, 11, 20) },
			[]string{"Prochaine étape" + nb + ": Envoyer le certificat médical au service médical de l’OFII avant le 20" + nb + "décembre" + nb + "2026 — à poster au plus tard le 11" + nb + "décembre" + nb + "2026, dans 28" + nb + "jours\n",
				"20" + nb + "décembre" + nb + "2026 (dimanche) — Date limite" + nb + ": Envoyer",
				"tombe un dimanche" + nb + ": postez ou agissez plus tôt"},
			nil},
		{"holiday note", func(f *applicant.File) { f.Procedure.CertificateAvailableOn = civil.New(2026, 11, 25) },
			[]string{"tombe un jour férié (Noël)"}, []string{"tombe un vendredi"}},
		{"nothing dated: the stage action", func(f *applicant.File) {},
			[]string{"Où en est le dossier" + nb + ": demande à déposer\n",
				"Prochaine étape, aujourd’hui" + nb + ": Déposer la demande en ligne (ANEF). Rassemblez les pièces", "Aucune échéance datée"},
			[]string{"aucune échéance à venir"}},
		{"passed and done", func(f *applicant.File) {
			f.Procedure.CertificateAvailableOn = civil.New(2026, 9, 1)
			f.Procedure.CertificateSentOn = civil.New(2026, 9, 20)
			f.Procedure.OFIIRequests = []applicant.OFIIRequest{{On: civil.New(2026, 11, 1), Kind: applicant.RequestInformation}}
		}, []string{"    fait\n", "    passée depuis 6" + nb + "jours\n", "[x] Certificat médical"}, []string{"à poster au plus tard le 9"}},
		{"due today and tomorrow", func(f *applicant.File) {
			f.Procedure.OFIIRequests = []applicant.OFIIRequest{
				{On: civil.New(2026, 11, 7), Kind: applicant.RequestInformation},
				{On: civil.New(2026, 11, 8), Kind: applicant.RequestInformation}}
		}, []string{"    aujourd’hui" + french.NNBSP + "; la date conseillée d’envoi est passée", "    demain" + french.NNBSP + "; la date conseillée d’envoi est passée", "Prochaine étape" + nb + ": Réponse de votre médecin à l’OFII (courrier du 7" + nb + "novembre" + nb + "2026) avant le 22" + nb + "novembre" + nb + "2026, aujourd’hui — la date conseillée d’envoi est passée" + nb + ": envoyez aujourd’hui, en recommandé\n"},
			[]string{"Prochaine étape" + nb + ": Réponse de votre médecin à l’OFII (courrier du 7" + nb + "novembre" + nb + "2026) avant le 22" + nb + "novembre" + nb + "2026 — à poster au plus tard"}},
		{"checklist marks, fees, warnings, documents", func(f *applicant.File) {
			f.DocumentsReady = []string{"e_photo"}
			f.Situation.LongStayVisa = false
			f.OFIIAddress = nil
		}, []string{"[x] Code de la e-photo", "[ ] Copie intégrale", "Timbre fiscal" + nb + ": 50" + nb + "€",
			"Visa de régularisation" + nb + ": 300" + nb + "€", "Source" + nb + ": CESEDA art. L. 436-4", "Points d’attention", "  - L’adresse du service médical",
			"  1. Liste des documents et démarches\n  2. Lettre d’envoi", "  3. Calendrier des échéances\n",
			"n’est pas affilié"}, nil},
		{"APS parent: the APS tax", func(f *applicant.File) { f.Situation.SickChild = &applicant.Child{GivenNames: "A", FamilyName: "B"} },
			[]string{"Démarche" + nb + ": Autorisation provisoire de séjour", "Taxe sur l’autorisation provisoire de séjour" + nb + ": 100" + nb + "€"},
			[]string{"Aucun frais indiqué", "Carte de séjour"}},
		{"late certificate first, milestones worded as events", func(f *applicant.File) {
			f.Procedure.CertificateAvailableOn = civil.New(2026, 10, 1)
			f.Situation.ArrivedOn = civil.New(2026, 3, 1)
		}, []string{"Prochaine étape, en retard" + nb + ": Envoyer le certificat médical", "envoyez quand même le certificat",
			"Événement" + nb + ": Un an de résidence"}, []string{"Date limite" + nb + ": Un an"}},
		{"Algerian national: the agreement", func(f *applicant.File) { f.Applicant.Nationality = "DZ" },
			[]string{"Certificat de résidence d’un an", "accord franco-algérien du 27 décembre 1968", "n’est pas demandé aux ressortissants"},
			[]string{"L. 425-9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			tt.edit(f)
			var b bytes.Buffer
			if err := WriteText(&b, compute(t, f)); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("text lacks %q:\n%s", w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("text has %q:\n%s", n, out)
				}
			}
			for i, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "Prochaine") {
					continue
				}
				if n := len([]rune(line)); n > textWidth {
					t.Errorf("line %d is %d characters long: %q", i+1, n, line)
				}
			}
		})
	}
	if err := WriteText(&bytes.Buffer{}, nil); err == nil {
		t.Error("nil plan: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteTextError(t *testing.T) {
	if err := WriteText(failWriter{}, compute(t, base())); err == nil {
		t.Error("write error not returned")
	}
}

// Every source a user reads names a public reference (SPEC, top), never an
// internal name such as "seed 000".
func TestSourcesArePublic(t *testing.T) {
	for _, name := range examples {
		js, err := json.Marshal(compute(t, loadExample(t, name)))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(bytes.ToLower(js), []byte("seed")) {
			t.Errorf("%s: the plan names an internal source:\n%s", name, js)
		}
	}
}

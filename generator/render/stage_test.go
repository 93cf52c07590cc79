package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// stagePack renders the pack of an example, edited, on the run's date.
func stagePack(t *testing.T, name string, edit func(*applicant.File)) (*layout, *applicant.File, *plan.Plan) {
	t.Helper()
	f := loadExample(t, name)
	if edit != nil {
		edit(f)
	}
	p, err := plan.Compute(f, today)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := render(t, name, f, p, nil, p.Documents)
	return l, f, p
}

// The printed checklist follows the stage (SPEC §2, "Documents by
// stage"): the pieces only before filing, a page about the outcome after
// it, and nothing of another stage.
func TestChecklistFollowsTheStage(t *testing.T) {
	tests := []struct {
		example string
		stage   string
		want    []string
		not     []string
	}{
		{"minimal", plan.StageToFile, []string{"Les pièces à réunir", "Les conditions", "Déposer la demande en ligne (ANEF)", "À faire dès aujourd’hui"},
			[]string{"Votre demande déposée", "Ce qui vient ensuite", "Votre demande est"}},
		{"rahimi-asylum", plan.StageFiled, []string{"Votre demande déposée", "déposée le 20 octobre 2026", "Gardez les originaux", "Le certificat médical"},
			[]string{"Les pièces à réunir", "Les conditions", "Votre demande est"}},
		{"diallo-general", plan.StageCertificateDue, []string{"Votre demande déposée", "Le certificat médical", "Les étapes de la procédure"},
			[]string{"Les pièces à réunir", "Déclaration sur l’honneur"}},
		{"nguyen-hosted", plan.StageWithOFII, []string{"Ce qui vient ensuite", "15 janvier 2027", "Reste à payer"},
			[]string{"Les pièces à réunir", "Votre demande déposée", "Attestation d’hébergement —"}},
		{"haddad-implicit-refusal", plan.StageImplicitRefusal, []string{"Sans réponse, votre demande est refusée", "La lettre jointe demande au préfet les motifs",
			"ne remplace ni le recours", "au plus tard le 8 décembre 2026", "aide juridictionnelle"},
			[]string{"Les pièces à réunir", "Les taxes et droits à payer", "Lettre d’accompagnement"}},
		{"camara-granted", plan.StageGranted, []string{"Votre demande est accordée", "Payer les taxes et retirer la carte de séjour temporaire",
			"vous la remettre", "déjà perçus au dépôt", "Reste à payer"},
			[]string{"Les pièces à réunir", "Les étapes de la procédure", "SECRET MÉDICAL"}},
		{"kone-refused", plan.StageRefused, []string{"Votre demande est refusée", "au plus tard le 16 décembre 2026", "aide juridictionnelle"},
			[]string{"Les pièces à réunir", "Les taxes et droits à payer", "Lettre d’accompagnement"}},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			l, _, p := stagePack(t, tt.example, nil)
			if p.Stage != tt.stage {
				t.Fatalf("stage %s, want %s", p.Stage, tt.stage)
			}
			all := normalize(strings.Join(allText(l), " "))
			for _, w := range tt.want {
				if !strings.Contains(all, normalize(w)) {
					t.Errorf("the pack lacks %q", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(all, normalize(n)) {
					t.Errorf("the pack says %q", n)
				}
			}
		})
	}
}

// The request for the reasons of an implicit refusal: one page, to the
// prefecture's address in the window (or a blank box), the application's
// dates, CRPA L. 232-4, and when to post it.
func TestReasonsLetter(t *testing.T) {
	l, _, p := stagePack(t, "haddad-implicit-refusal", nil)
	if !slices.Contains(p.Documents, plan.DocReasonsRequestLetter) {
		t.Fatalf("documents %v", p.Documents)
	}
	var pages []pageRec
	for _, pg := range l.Pages {
		if pg.Doc == plan.DocReasonsRequestLetter {
			pages = append(pages, pg)
		}
	}
	if len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	text := normalize(pageText(pages[0]))
	for _, w := range []string{"Préfecture des Bouches-du-Rhône", "13282 MARSEILLE CEDEX 06", "article L. 232-4 du code des relations entre le public et l’administration",
		"Le 15 juin 2026, j’ai déposé une demande de titre de séjour pour raisons de santé", "enregistrée sous le n° ANEF-2026-0615777",
		"le 15 octobre 2026, une décision implicite de rejet", "À poster au plus tard le 8 décembre 2026", "le délai de recours prend fin le 15 décembre 2026",
		"Madame la Préfète, Monsieur le Préfet"} {
		if !strings.Contains(text, normalize(w)) {
			t.Errorf("letter lacks %q:\n%s", w, text)
		}
	}
	for _, n := range []string{"SECRET MÉDICAL", "certificat médical"} {
		if strings.Contains(text, normalize(n)) {
			t.Errorf("the letter says %q", n)
		}
	}
	// the address shows through the window; nothing else does
	for _, tx := range pages[0].Texts {
		in := tx.X >= windowLeft && tx.X < windowLeft+windowWidth && tx.Top >= windowTop && tx.Top < windowTop+windowHeight
		if in && !strings.Contains(strings.Join(loadExample(t, "haddad-implicit-refusal").Procedure.PrefectureAddress, " "), tx.Text) {
			t.Errorf("%q shows through the window", tx.Text)
		}
	}

	// without the prefecture's address: a blank box, the instruction outside the window
	l, _, _ = stagePack(t, "haddad-implicit-refusal", func(f *applicant.File) { f.Procedure.PrefectureAddress = nil })
	blank := false
	for _, pg := range l.Pages {
		if pg.Doc != plan.DocReasonsRequestLetter {
			continue
		}
		for _, r := range pg.Rects {
			blank = blank || r.Kind == "blank_address"
		}
		if !strings.Contains(normalize(pageText(pg)), "Adresse de la préfecture") {
			t.Error("no instruction for the blank address box")
		}
	}
	if !blank {
		t.Error("no blank address box")
	}

	// once the appeal limit has passed, no letter
	_, _, p = stagePack(t, "haddad-implicit-refusal", func(f *applicant.File) { f.Procedure.FiledOn = civil.New(2026, 5, 21) })
	if slices.Contains(p.Documents, plan.DocReasonsRequestLetter) {
		t.Errorf("limit passed, documents %v", p.Documents)
	}
}

// A section heading is never the last line of a page (SPEC §3): the
// lines that follow it come onto the same page, in every example at every
// stage.
func TestHeadingsNeverAloneAtTheFoot(t *testing.T) {
	for _, name := range examples {
		l, _ := renderExample(t, name)
		for n, pg := range l.Pages {
			for _, h := range pg.Texts {
				if h.Size != sizeHeading || h.Style != styleBold {
					continue
				}
				below := false
				for _, tx := range pg.Texts {
					if tx.Top > h.Top+1 && tx.Top < contentBottom && tx.Size < sizeHeading {
						below = true
					}
				}
				if !below {
					t.Errorf("%s, page %d: the heading %q ends the page", name, n+1, h.Text)
				}
			}
		}
	}
}

// Each kind of date has its own mark in the month grids, and the legend
// names each mark used, and no other (SPEC §3).
func TestMonthGridMarksByKind(t *testing.T) {
	for _, tt := range []struct {
		example string
		marks   map[string]string // record → legend
		not     []string
	}{
		{"sissoko-renewal", map[string]string{"deadline_day": "date limite", "expiry_day": "fin de validité"}, []string{"rendez-vous"}},
		{"benali-algerian", map[string]string{"appointment_day": "rendez-vous", "milestone_day": "événement", "expiry_day": "fin de validité",
			"post_by_day": "à poster avant"}, nil},
	} {
		l, _, _ := stagePack(t, tt.example, nil)
		marks := map[string]int{}
		for _, pg := range l.Pages {
			if pg.Doc != plan.DocCalendar {
				continue
			}
			for _, r := range pg.Rects {
				marks[r.Kind]++
			}
		}
		text := normalize(docText(l, plan.DocCalendar))
		_, legend, _ := strings.Cut(text, "aujourd’hui") // the legend's last entry is today
		legend = text[:len(text)-len(legend)]
		for rec, label := range tt.marks {
			if marks[rec] == 0 {
				t.Errorf("%s: no %s mark (%v)", tt.example, rec, marks)
			}
			if !strings.Contains(legend, label) {
				t.Errorf("%s: the legend lacks %q", tt.example, label)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(text, n) {
				t.Errorf("%s: the legend names %q, not used", tt.example, n)
			}
		}
	}
}

// A posting date gone, the limit not (SPEC §2, post_by_passed): every
// document says to send today, none « à poster au plus tard » that day.
func TestPostByPassedEverywhere(t *testing.T) {
	l, _, p := stagePack(t, "diallo-general", func(f *applicant.File) {
		f.Procedure.CertificateAvailableOn = civil.New(2026, 10, 23) // due 23 November, post by 13 November
	})
	if n := p.NextStep; n == nil || !n.PostByPassed {
		t.Fatalf("next step %+v", p.NextStep)
	}
	checklist, calendar := normalize(docText(l, plan.DocChecklist)), normalize(docText(l, plan.DocCalendar))
	if !strings.Contains(checklist, "la date conseillée d’envoi est passée") || strings.Contains(checklist, "À poster au plus tard le vendredi 13 novembre") {
		t.Errorf("checklist:\n%s", checklist)
	}
	if !strings.Contains(calendar, "passée : envoyez aujourd’hui") || strings.Contains(calendar, "13/11/2026") {
		t.Errorf("calendar:\n%s", calendar)
	}
}

package render

import (
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// A renewal's documents say « renouvellement » and name the permit held
// (SPEC §2, "Renewal"): the checklist's and the calendar's titles, the
// letter's subject, references and body, the honour statement; an APS is
// never called a « titre de séjour ».
func TestRenewalDocuments(t *testing.T) {
	tests := []struct {
		example, kind            string
		title, held              string
		subject, body, statement string
		not                      []string
	}{
		{"diallo-general", applicant.PermitCard, "Renouvellement du titre de séjour pour soins",
			"Titre détenu : carte de séjour temporaire portant la mention « vie privée et familiale », valable jusqu’au 11 janvier 2027",
			"demande de renouvellement de titre de séjour pour raisons de santé (art. L. 425-9 du CESEDA)",
			"Dans le cadre de ma demande de renouvellement de titre de séjour pour raisons de santé",
			"ma demande de renouvellement de titre de séjour", nil},
		{"diallo-general", applicant.PermitMultiYear, "Renouvellement du titre de séjour pour soins",
			"Titre détenu : carte de séjour pluriannuelle portant la mention « vie privée et familiale », valable jusqu’au 11 janvier 2027",
			"demande de renouvellement de titre de séjour", "ma demande de renouvellement de titre de séjour", "", nil},
		{"benali-algerian", applicant.PermitAlgerian, "Renouvellement du certificat de résidence pour soins",
			"Titre détenu : certificat de résidence d’un an portant la mention « vie privée et familiale », valable jusqu’au 11 janvier 2027",
			"demande de renouvellement de certificat de résidence pour raisons de santé (art. 6, 7° de l’accord franco-algérien",
			"ma demande de renouvellement de certificat de résidence", "", []string{"L. 425-9 du CESEDA)"}},
		{"mbarga-sick-child", applicant.PermitAPS, "Renouvellement de l’autorisation provisoire de séjour",
			"Autorisation détenue : autorisation provisoire de séjour du parent d’un enfant malade, valable jusqu’au 11 janvier 2027",
			"demande de renouvellement d’autorisation provisoire de séjour en qualité de parent de Noé MBARGA",
			"ma demande de renouvellement d’autorisation provisoire de séjour", "", []string{"titre de séjour", "Titre détenu"}},
	}
	for _, tt := range tests {
		t.Run(tt.example+" "+tt.kind, func(t *testing.T) {
			f := loadExample(t, tt.example)
			f.CurrentPermit = &applicant.Permit{Kind: tt.kind, ExpiresOn: civil.New(2027, 1, 11)}
			f.Procedure.FiledOn = civil.New(2026, 11, 2)
			p, err := plan.Compute(f, today)
			if err != nil {
				t.Fatal(err)
			}
			docs := []string{plan.DocChecklist, plan.DocCoverLetter, plan.DocCalendar}
			if tt.statement != "" {
				docs = []string{plan.DocChecklist, plan.DocCoverLetter, plan.DocNonPolygamyDeclaration, plan.DocCalendar}
			}
			l, _ := render(t, "renewal-"+tt.example+"-"+tt.kind, f, p, nil, docs)
			checklist := normalize(docText(l, plan.DocChecklist))
			letter := normalize(docText(l, plan.DocCoverLetter))
			calendar := normalize(docText(l, plan.DocCalendar))
			if !strings.HasPrefix(checklist, normalize(tt.title)) {
				t.Errorf("checklist title: %.90q, want %q", checklist, tt.title)
			}
			if !strings.Contains(checklist, normalize(tt.held)) {
				t.Errorf("checklist lacks %q", tt.held)
			}
			held := strings.ToLower(tt.held[:1]) + tt.held[1:]
			if !strings.Contains(letter, normalize(held)) {
				t.Errorf("letter's references lack %q:\n%s", held, letter)
			}
			for _, w := range []string{tt.subject, tt.body, "demande de renouvellement déposée"} {
				if !strings.Contains(letter, normalize(w)) {
					t.Errorf("letter lacks %q:\n%s", w, letter)
				}
			}
			if want := "Renouvellement : " + held[strings.Index(held, " : ")+3:]; !strings.Contains(calendar, normalize(want)) {
				t.Errorf("calendar lacks %q:\n%.300s", want, calendar)
			}
			if tt.statement != "" {
				if s := normalize(docText(l, plan.DocNonPolygamyDeclaration)); !strings.Contains(s, normalize(tt.statement)) {
					t.Errorf("statement lacks %q:\n%s", tt.statement, s)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(letter, w) || strings.Contains(checklist[:200], w) {
					t.Errorf("letter or checklist title holds %q", w)
				}
			}
			// the letter alone, as `ofiipack letter` writes it from the outline
			o, err := plan.Outline(f, today)
			if err != nil {
				t.Fatal(err)
			}
			lo, _ := render(t, "renewal-letter", f, o, nil, []string{plan.DocCoverLetter})
			if alone := normalize(docText(lo, plan.DocCoverLetter)); alone != letter {
				t.Errorf("the letter alone differs from the pack's:\n%s\n%s", alone, letter)
			}
		})
	}
}

// A first application's documents never speak of a renewal.
func TestFirstApplicationNotRenewal(t *testing.T) {
	for _, name := range []string{"diallo-general", "mbarga-sick-child", "benali-algerian"} {
		l, _ := renderExample(t, name)
		for _, doc := range []string{plan.DocChecklist, plan.DocCoverLetter, plan.DocCalendar} {
			if s := docText(l, doc); strings.Contains(strings.ToLower(s), "renouvel") || strings.Contains(s, "détenu") {
				t.Errorf("%s: %s speaks of a renewal", name, doc)
			}
		}
	}
}

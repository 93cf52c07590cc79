package render

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// TestExamples renders the pack of every example and checks what a reader
// would check on paper.
func TestExamples(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			f, p := examplePlan(t, name)
			l, pdf := render(t, name, f, p, nil, p.Documents)
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Fatalf("output is not a PDF")
			}

			// Documents in the plan’s order, one bookmark each, on its first page.
			var ids []string
			for _, d := range l.Docs {
				ids = append(ids, d.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(p.Documents) {
				t.Errorf("documents %v, want %v", ids, p.Documents)
			}
			if len(l.Bookmarks) != len(l.Docs) {
				t.Errorf("%d bookmarks for %d documents", len(l.Bookmarks), len(l.Docs))
			}
			for i, b := range l.Bookmarks {
				if i < len(l.Docs) && (b.Doc != l.Docs[i].ID || b.Page != l.Docs[i].FirstPage || b.Title == "") {
					t.Errorf("bookmark %d = %+v, want document %s on page %d", i, b, l.Docs[i].ID, l.Docs[i].FirstPage)
				}
			}

			// The applicant’s name, accents included, heads the checklist and the calendar.
			name := applicantName(f)
			for _, doc := range []string{plan.DocChecklist, plan.DocCalendar} {
				if !strings.Contains(normalize(docText(l, doc)), normalize(name)) {
					t.Errorf("%s does not name %q", doc, name)
				}
			}

			checkPageNumbers(t, l)
			checkNothingOverflows(t, l)
			checkTicks(t, l, p)
			checkDeadlines(t, l, f, p)
			checkANEFCode(t, l, p)
			if slices.Contains(p.Documents, plan.DocCoverLetter) {
				checkLetter(t, l, f)
			} else if letter, _ := render(t, name+"-letter", f, p, nil, []string{plan.DocCoverLetter}); letter != nil {
				checkLetter(t, letter, f) // ofiipack letter writes it on demand at any stage
			}
		})
	}
}

// checkPageNumbers: every page says "page X / Y" within its document.
func checkPageNumbers(t *testing.T, l *layout) {
	t.Helper()
	for _, d := range l.Docs {
		for n := 1; n <= d.PageCount; n++ {
			pg := l.Pages[d.FirstPage+n-2] // FirstPage is 1-based
			want := fmt.Sprintf("page %d / %d", n, d.PageCount)
			if pg.Doc != d.ID || pg.Number != n || !strings.Contains(normalize(pageText(pg)), want) {
				t.Errorf("page %d of %s: want %q, page says %q", n, d.ID, want, pageText(pg))
			}
		}
	}
}

// checkNothingOverflows: every run of text lies on the paper, inside the
// margins (the letter’s window reaches 10 mm from the right edge).
func checkNothingOverflows(t *testing.T, l *layout) {
	t.Helper()
	for i, pg := range l.Pages {
		right := pageWidth - marginRight
		if pg.Doc == plan.DocCoverLetter {
			right = pageWidth - windowRight
		}
		for _, tx := range pg.Texts {
			if tx.X < marginLeft-0.01 || tx.X+tx.W > right+0.01 || tx.Top < 10 || tx.Bottom() > pageHeight-8 {
				t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f overflows", i+1, tx.Text, tx.X, tx.X+tx.W, tx.Top, tx.Bottom())
			}
			if !strings.HasPrefix(normalize(tx.Text), "page ") && tx.Bottom() > contentBottom+0.5 && !isFooter(pg, tx) {
				t.Errorf("page %d: %q runs into the footer (bottom %.1f)", i+1, tx.Text, tx.Bottom())
			}
		}
	}
}

func isFooter(pg pageRec, tx textRec) bool { return tx.Baseline > footerBaseline-3 }

// checkTicks: the checklist has one box per item, ticked when done.
func checkTicks(t *testing.T, l *layout, p *plan.Plan) {
	t.Helper()
	var boxes []boxRec
	for _, pg := range l.Pages {
		if pg.Doc == plan.DocChecklist {
			boxes = append(boxes, pg.Boxes...)
		}
	}
	// the pieces to gather before filing; the medical certificate alone once
	// filed; none once the certificate is sent (SPEC §2, "Documents by stage")
	var items []plan.Item
	for _, it := range p.Checklist {
		switch p.Stage {
		case plan.StageToFile:
			items = append(items, it)
		case plan.StageFiled, plan.StageCertificateDue:
			if it.ID == plan.ItemMedicalCertificate {
				items = append(items, it)
			}
		}
	}
	if len(boxes) != len(items) {
		t.Fatalf("stage %s: %d boxes for %d checklist items", p.Stage, len(boxes), len(items))
	}
	for i, it := range items {
		if boxes[i].Label != french.Typo(it.Title) || boxes[i].Ticked != it.Done {
			t.Errorf("box %d = %q ticked %v, want %q ticked %v", i, boxes[i].Label, boxes[i].Ticked, it.Title, it.Done)
		}
	}
}

// checkDeadlines: the calendar lists every deadline (dd/mm/yyyy and its
// title) and carries one scan-to-calendar code per upcoming deadline.
func checkDeadlines(t *testing.T, l *layout, f *applicant.File, p *plan.Plan) {
	t.Helper()
	text := normalize(docText(l, plan.DocCalendar))
	var want []string
	for _, d := range p.Deadlines {
		for _, s := range []string{french.Short(d.Date), d.Title} {
			if !strings.Contains(text, normalize(french.Typo(s))) {
				t.Errorf("calendar lacks %q", s)
			}
		}
		if !d.Done && !d.Passed && d.ToDo() { // no code for an expiry or a milestone
			want = append(want, ical.EventPayload(f, d))
		}
	}
	var got []string
	for _, pg := range l.Pages {
		if pg.Doc != plan.DocCalendar {
			continue
		}
		for _, q := range pg.QRs {
			got = append(got, q.Payload)
			if !strings.HasPrefix(q.Payload, "BEGIN:VCALENDAR") || !strings.Contains(q.Payload, "DTSTART;VALUE=DATE:") {
				t.Errorf("calendar QR payload is not one all-day event: %q", q.Payload)
			}
			if q.Module < 0.45 {
				t.Errorf("calendar QR module %.2f mm: too small to scan", q.Module)
			}
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("calendar QR payloads:\n%q\nwant\n%q", got, want)
	}
	if next := p.NextStep; next != nil && len(p.Documents) > 0 && p.Documents[0] == plan.DocChecklist {
		checklist := normalize(docText(l, plan.DocChecklist))
		if !strings.Contains(checklist, normalize(french.Typo(next.Title))) {
			t.Errorf("the checklist’s next step does not name %q", next.Title)
		}
		if strings.Contains(checklist, "Aucune échéance à venir") {
			t.Errorf("the next-step box says nothing is to come")
		}
	}
}

const anefURL = "https://administration-etrangers-en-france.interieur.gouv.fr/"

// checkANEFCode: the checklist carries the ANEF QR code and link, except
// for the APS parent, whose procedure is not online.
func checkANEFCode(t *testing.T, l *layout, p *plan.Plan) {
	t.Helper()
	found, linked := false, false
	for _, pg := range l.Pages {
		if pg.Doc != plan.DocChecklist {
			continue
		}
		for _, q := range pg.QRs {
			found = found || q.Payload == anefURL
		}
		for _, k := range pg.Links {
			linked = linked || k.URL == anefURL
		}
	}
	if online := p.Route == plan.RouteCard; found != online || linked != online {
		t.Errorf("checklist, route %s: ANEF QR code %v, link %v", p.Route, found, linked)
	}
	text := normalize(docText(l, plan.DocChecklist))
	want := []string{"3939", "01 45 21 38 93", "n’est pas affilié à l’OFII"}
	// no fee to pay after a refusal
	if len(p.Fees) > 0 && p.Stage != plan.StageRefused && p.Stage != plan.StageImplicitRefusal {
		want = append(want, "montants à vérifier")
	}
	for _, want := range want {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("checklist lacks %q", want)
		}
	}
}

// checkLetter: one page; the recipient lines lie inside the window.
func checkLetter(t *testing.T, l *layout, f *applicant.File) {
	t.Helper()
	var pages []pageRec
	for _, pg := range l.Pages {
		if pg.Doc == plan.DocCoverLetter {
			pages = append(pages, pg)
		}
	}
	if len(pages) != 1 {
		t.Fatalf("the letter has %d pages, want 1", len(pages))
	}
	checkWindow(t, pages[0], f.OFIIAddress)
}

// checkWindow: each address line is printed once, inside the window
// (100 × 45 mm, top 35 mm, right edge 10 mm from the paper’s edge); without
// an address, a framed blank box stands inside the window.
func checkWindow(t *testing.T, pg pageRec, address []string) {
	t.Helper()
	inWindow := func(x0, y0, x1, y1 float64) bool {
		return x0 >= windowLeft && x1 <= windowLeft+windowWidth && y0 >= windowTop && y1 <= windowTop+windowHeight
	}
	if len(address) == 0 {
		ok := false
		for _, r := range pg.Rects {
			if r.Kind == "blank_address" {
				ok = inWindow(r.X, r.Y, r.X+r.W, r.Y+r.H)
			}
		}
		if !ok {
			t.Errorf("no blank address box inside the window")
		}
		for _, tx := range pg.Texts { // nothing shows through the window
			if tx.X < windowLeft+windowWidth && tx.X+tx.W > windowLeft && tx.Top < windowTop+windowHeight && tx.Bottom() > windowTop {
				t.Errorf("%q is printed inside the blank window at y %.1f–%.1f", tx.Text, tx.Top, tx.Bottom())
			}
		}
		return
	}
	for _, line := range address {
		n := 0
		for _, tx := range pg.Texts {
			if tx.Text == line {
				n++
				if !inWindow(tx.X, tx.Top, tx.X+tx.W, tx.Bottom()) {
					t.Errorf("address line %q at x %.1f–%.1f, y %.1f–%.1f is outside the window", line, tx.X, tx.X+tx.W, tx.Top, tx.Bottom())
				}
			}
		}
		if n != 1 {
			t.Errorf("address line %q printed %d times", line, n)
		}
	}
}

// TestLetterLongestInputs: the letter stays on one page, its recipient in
// the window, with the longest realistic inputs.
func TestLetterLongestInputs(t *testing.T) {
	long := func(f *applicant.File) {
		f.Applicant.GivenNames = "Marie-Françoise Ngozi Adaeze Oluwaseun"
		f.Applicant.FamilyName = "NWANKWO-OKONKWO-ADEYEMI-BAKARE DE LA FONTAINE"
		f.Applicant.BirthPlace = "Saint-Louis-du-Sénégal, région de Saint-Louis (Sénégal)"
		f.Applicant.Address.CareOf = "Association d’accueil et d’accompagnement des personnes étrangères (domiciliation)"
		f.Applicant.Address.Street = "127 bis boulevard du Maréchal-de-Lattre-de-Tassigny"
		f.Applicant.Address.Extra = "Résidence Les Jardins de la Vallée, bâtiment C, escalier 4, 11e étage, porte 1104"
		f.Applicant.Address.City = "Saint-Rémy-lès-Chevreuse-sur-Yvette"
		f.Applicant.Email = "marie-francoise.nwankwo-okonkwo@association-exemple.example.org"
		f.Applicant.Phone = "+33 6 12 34 56 78"
		f.Applicant.ForeignerNumber = "7501234567"
		f.Procedure.RegisteredMailNumber = "1A 234 567 8901 2"
		f.OFIIAddress = []string{
			strings.Repeat("W", 38),
			"OFFICE FRANCAIS DE L’IMMIGRATION ET DE",
			"L’INTEGRATION - SERVICE MEDICAL - DT 99",
			"DIRECTION TERRITORIALE DE MONTPELLIER-",
			"123 BOULEVARD DU MARECHAL-DE-LATTRE-DE",
			"34000 MONTPELLIER CEDEX 01 - FRANCE MM",
		}
	}
	for _, name := range []string{"diallo-general", "mbarga-sick-child", "rahimi-asylum"} {
		t.Run(name, func(t *testing.T) {
			f, _ := examplePlan(t, name)
			long(f)
			if f.Situation.SickChild != nil {
				f.Situation.SickChild.GivenNames = "Jean-Baptiste Chukwuemeka Oluwadamilare"
				f.Situation.SickChild.FamilyName = "NWANKWO-OKONKWO-ADEYEMI-BAKARE"
			}
			p, err := plan.Compute(f, today)
			if err != nil {
				t.Fatal(err)
			}
			l, _ := render(t, "long-"+name, f, p, nil, []string{plan.DocCoverLetter})
			if len(l.Pages) != 1 {
				t.Fatalf("the letter has %d pages", len(l.Pages))
			}
			checkWindow(t, l.Pages[0], f.OFIIAddress)
			checkNothingOverflows(t, l)
			// the sender block keeps clear of the window
			for _, tx := range l.Pages[0].Texts {
				if tx.Top < windowTop+windowHeight && tx.X < windowLeft && tx.X+tx.W > windowLeft-1 {
					t.Errorf("sender line %q reaches into the window", tx.Text)
				}
			}
			text := normalize(pageText(l.Pages[0]))
			for _, want := range []string{"Veuillez agréer, Madame, Monsieur", "SECRET MÉDICAL", "Pièce jointe", f.Applicant.FamilyName} {
				if !strings.Contains(text, normalize(want)) {
					t.Errorf("the letter lacks %q", want)
				}
			}
		})
	}
}

// TestLetterContent: the subject names the right article (and the child
// for aps_parent), the references, and never anything medical.
func TestLetterContent(t *testing.T) {
	for _, tc := range []struct {
		example string
		want    []string
		not     []string
	}{
		{"diallo-general", []string{"Objet : transmission du certificat médical — demande de titre de séjour pour raisons de santé (art. L. 425-9 du CESEDA)",
			"Lettre recommandée avec demande d’avis de réception n° 1A 234 567 8901 2", "numéro étranger 7501234567",
			"demande déposée en ligne (ANEF) le 2 novembre 2026", "À Saint-Denis, le 22 novembre 2026", "née le 12 avril 1988"},
			[]string{"L. 425-10", "Dr Claire MARTIN"}},
		{"mbarga-sick-child", []string{"art. L. 425-10 du CESEDA", "Noé MBARGA", "Hortense Marie-Claire MBARGA ÉTOUNDI", "À Strasbourg, le 22 novembre 2026"},
			[]string{"L. 425-9 "}},
		{"rahimi-asylum", []string{"demande d’asile enregistrée le 1er octobre 2026", "n° ……", "né le 30 juillet 1995", "Association Accueil Solidarité (domiciliation)"}, nil},
		{"minimal", []string{"Mamadou Ɓoye SOW", "À Lyon, le 22 novembre 2026"}, []string{"numéro étranger"}},
	} {
		t.Run(tc.example, func(t *testing.T) {
			f, p := examplePlan(t, tc.example)
			var buf bytes.Buffer
			if err := Letter(&buf, f, p); err != nil {
				t.Fatal(err)
			}
			l, _ := render(t, "letter-"+tc.example, f, p, nil, []string{plan.DocCoverLetter})
			text := normalize(pageText(l.Pages[0]))
			for _, w := range tc.want {
				if !strings.Contains(text, normalize(w)) {
					t.Errorf("letter lacks %q\n%s", w, text)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(text, normalize(w)) {
					t.Errorf("letter holds %q", w)
				}
			}
			var folds []float64
			for _, r := range l.Pages[0].Rects {
				if r.Kind == "fold_mark" {
					folds = append(folds, r.Y)
				}
			}
			if fmt.Sprint(folds) != "[99 198]" {
				t.Errorf("fold marks at %v, want [99 198]", folds)
			}
		})
	}
}

// TestStatements: the honour statements are filled from the file, with
// the agreements of the signatory’s civility, dotted lines where data is
// unknown, and the reminder of art. 441-7 of the code pénal.
func TestStatements(t *testing.T) {
	for _, tc := range []struct {
		example, doc string
		civility     string // override of the applicant’s (or host’s) civility; "" keeps it
		want         []string
	}{
		{"diallo-general", plan.DocNonPolygamyDeclaration, "", []string{"Je soussignée Mme Aminata DIALLO", "née le 12 avril 1988 à Bamako (Mali)",
			"de nationalité malienne", "demeurant 12 rue des Lilas, Bâtiment B, 3e étage, 93200 Saint-Denis",
			"déclare sur l’honneur ne pas vivre en France en état de polygamie", "Fait à Saint-Denis, le 22 novembre 2026", "article 441-7"}},
		{"diallo-general", plan.DocNonPolygamyDeclaration, applicant.Monsieur, []string{"Je soussigné M. Aminata DIALLO", "né le 12 avril 1988"}},
		{"nguyen-hosted", plan.DocHostAttestation, "", []string{"Je soussignée Mme Thị Hoa TRẦN", "née le …", "à …",
			"demeurant 5 chemin des Goyaviers, 97400 Saint-Denis", "atteste sur l’honneur héberger à mon domicile M. Văn Đức NGUYỄN, né le 31 janvier 1979 à Hải Phòng (Viêt Nam)",
			"depuis le 1er mars 2025", "Signature de l’hébergeante", "441-7"}},
		{"nguyen-hosted", plan.DocHostAttestation, applicant.Monsieur, []string{"Je soussigné M. Thị Hoa TRẦN", "né le …", "Signature de l’hébergeant "}},
		{"nguyen-hosted", plan.DocHostAttestation, "unknown", []string{"Je soussigné(e) Thị Hoa TRẦN", "né(e) le …"}},
	} {
		t.Run(tc.example+"/"+tc.doc+"/"+tc.civility, func(t *testing.T) {
			f, p := examplePlan(t, tc.example)
			if tc.civility != "" {
				if tc.doc == plan.DocHostAttestation {
					f.Applicant.HostedBy.Civility = tc.civility
				} else {
					f.Applicant.Civility = tc.civility
				}
			}
			l, _ := render(t, "statement", f, p, nil, []string{tc.doc})
			if len(l.Pages) != 1 {
				t.Errorf("%d pages, want 1", len(l.Pages))
			}
			text := normalize(pageText(l.Pages[0])) + " "
			for _, w := range tc.want {
				if !strings.Contains(text, normalize(w)) {
					t.Errorf("lacks %q\n%s", w, text)
				}
			}
			boxes := 0
			for _, r := range l.Pages[0].Rects {
				if r.Kind == "signature_box" {
					boxes++
				}
			}
			if boxes != 1 {
				t.Errorf("%d signature boxes", boxes)
			}
		})
	}
}

// TestOrganisation: the organisation that prepared the file is on the
// checklist, never on the letter; --org wins over the file’s.
func TestOrganisation(t *testing.T) {
	f, p := examplePlan(t, "rahimi-asylum")
	l, _ := render(t, "org-file", f, p, nil, p.Documents)
	if !strings.Contains(normalize(docText(l, plan.DocChecklist)), "Dossier préparé avec Association Accueil Solidarité") {
		t.Errorf("checklist does not name the file’s organisation")
	}
	other := &applicant.Organisation{Name: "Comité d’aide Médicale", Phone: "01 00 00 00 00"}
	l, _ = render(t, "org-flag", f, p, other, p.Documents)
	text := normalize(docText(l, plan.DocChecklist))
	if !strings.Contains(text, "Dossier préparé avec Comité d’aide Médicale") || strings.Contains(text, "préparé avec Association") {
		t.Errorf("--org does not replace the file’s organisation")
	}
	if strings.Contains(normalize(docText(l, plan.DocCoverLetter)), "Comité") {
		t.Errorf("the organisation appears on the letter")
	}
}

// TestDeterministic: the same input gives the same bytes.
func TestDeterministic(t *testing.T) {
	for _, name := range examples {
		_, a := renderExample(t, name)
		_, b := renderExample(t, name)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", name)
		}
	}
}

// TestRejectsUndrawableText: text the fonts cannot draw is an error, not a
// panic or an empty box (the loader refuses it first; this guards callers
// that build files by hand).
func TestRejectsUndrawableText(t *testing.T) {
	for _, s := range []string{"Amina 😀", "名前", "Amina ͸"} {
		f, p := examplePlan(t, "minimal")
		f.Applicant.GivenNames = s
		var buf bytes.Buffer
		err := Pack(&buf, f, p, nil)
		if err == nil || !regexp.MustCompile(`U\+[0-9A-F]{4,5}`).MatchString(err.Error()) {
			t.Errorf("%q: error %v, want one naming the character", s, err)
		}
	}
}

// TestUnknownDocument: a plan naming a document this version cannot draw.
func TestUnknownDocument(t *testing.T) {
	f, p := examplePlan(t, "minimal")
	p.Documents = append(p.Documents, "passport_copy")
	if err := Pack(&bytes.Buffer{}, f, p, nil); err == nil || !strings.Contains(err.Error(), "passport_copy") {
		t.Errorf("error %v, want unknown document", err)
	}
}

// TestLetterFromOutline: the letter drawn from plan.Outline, as `ofiipack
// letter` draws it, is the letter drawn from the whole plan, for every
// example.
func TestLetterFromOutline(t *testing.T) {
	for _, name := range examples {
		f, p := examplePlan(t, name)
		o, err := plan.Outline(f, today)
		if err != nil {
			t.Fatal(err)
		}
		var want, got bytes.Buffer
		if err := Letter(&want, f, p); err != nil {
			t.Fatal(err)
		}
		if err := Letter(&got, f, o); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: the letter drawn from the outline differs from the one drawn from the plan", name)
		}
	}
}

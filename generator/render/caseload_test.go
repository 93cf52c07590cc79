package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/plan"
)

func TestMonday(t *testing.T) {
	for _, tc := range []struct{ d, want string }{
		{"2026-11-23", "2026-11-23"}, // Monday
		{"2026-11-22", "2026-11-16"}, // Sunday belongs to the week before (ISO)
		{"2026-11-28", "2026-11-23"}, // Saturday
		{"2027-01-01", "2026-12-28"}, // across the year
	} {
		if got := monday(mustDate(t, tc.d)).String(); got != tc.want {
			t.Errorf("monday(%s) = %s, want %s", tc.d, got, tc.want)
		}
	}
}

func TestCaseloadGroupsUpcomingDeadlinesByWeek(t *testing.T) {
	dl := func(id, d string, done bool) plan.Deadline {
		return plan.Deadline{ID: id, Date: mustDate(t, d), Done: done, Title: "Échéance " + id}
	}
	cl := Caseload{
		Today:        today,
		Organisation: &applicant.Organisation{Name: "Association Accueil Solidarité"},
		Entries: []CaseloadEntry{
			{Name: "Văn Đức NGUYỄN", Source: "b.yaml", Deadlines: []plan.Deadline{
				dl("late", "2026-11-30", false), dl("sent", "2026-11-24", true), dl("old", "2026-11-20", false)}},
			{Name: "Aminata DIALLO", Source: "a.yaml", Deadlines: []plan.Deadline{
				dl("first", "2026-11-23", false), dl("same_week", "2026-11-29", false)},
				Warnings: []plan.Warning{{ID: "w", Message: "Le délai est passé"}}},
		},
	}
	var buf bytes.Buffer
	l, err := caseload(&buf, cl)
	if err != nil {
		t.Fatal(err)
	}
	if *dump != "" {
		if err := os.WriteFile(filepath.Join(*dump, "caseload.pdf"), buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	text := allText(l)
	for _, want := range []string{"Semaine du lundi 23\u00a0novembre\u00a02026", "Semaine du lundi 30\u00a0novembre\u00a02026",
		"Échéance first", "Échéance same_week", "Échéance late", "Văn Đức NGUYỄN", "Le délai est passé", "Association Accueil Solidarité"} {
		if !containsText(text, want) {
			t.Errorf("caseload lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Échéance sent", "Échéance old"} {
		if containsText(text, unwanted) {
			t.Errorf("caseload shows %q (done or passed)", unwanted)
		}
	}
	// Sorted by date: first (23/11) before same_week (29/11) before late (30/11).
	if a, b, c := indexText(text, "Échéance first"), indexText(text, "Échéance same_week"), indexText(text, "Échéance late"); !(a < b && b < c) {
		t.Errorf("deadlines out of date order: %d %d %d", a, b, c)
	}
}

// TestCaseloadPostSoon: the board opens with what must be posted within 7
// days, late ones included, by post-by date; a post-by date further away or a
// deadline without one stays out of that table.
func TestCaseloadPostSoon(t *testing.T) {
	dl := func(id, d, postBy string) plan.Deadline {
		out := plan.Deadline{ID: id, Date: mustDate(t, d), Title: "Échéance " + id}
		if postBy != "" {
			p := mustDate(t, postBy)
			out.PostBy = &p
		}
		return out
	}
	cl := Caseload{Today: today, Entries: []CaseloadEntry{
		{Name: "Aminata DIALLO", Source: "a.yaml", Deadlines: []plan.Deadline{
			dl("in_six_days", "2026-12-07", "2026-11-28"), dl("far", "2027-01-10", "2027-01-04"), dl("no_post_by", "2026-11-25", "")}},
		{Name: "Ahmad Zia RAHIMI", Source: "b.yaml", Deadlines: []plan.Deadline{
			dl("late_post", "2026-11-26", "2026-11-19"), dl("eighth_day", "2026-12-08", "2026-11-29")}},
	}}
	var buf bytes.Buffer
	l, err := caseload(&buf, cl)
	if err != nil {
		t.Fatal(err)
	}
	text := normalize(strings.Join(allText(l), " "))
	head := strings.Index(text, "À poster d’ici le 28 novembre 2026")
	week := strings.Index(text, "Semaine du lundi")
	if head < 0 || week < 0 || head > week {
		t.Fatalf("the post-soon table is missing or not first (at %d, weeks at %d)", head, week)
	}
	soon := text[head:week]
	late, six := strings.Index(soon, "Échéance late_post"), strings.Index(soon, "Échéance in_six_days")
	if late < 0 || six < 0 || late > six {
		t.Errorf("post-soon table: late_post at %d, in_six_days at %d; want both, late first", late, six)
	}
	for _, out := range []string{"Échéance far", "Échéance no_post_by", "Échéance eighth_day"} {
		if strings.Contains(soon, out) {
			t.Errorf("post-soon table lists %q", out)
		}
	}
}

// The board opens with what is late (SPEC §2, next step), before what must
// be posted soon; a passed deadline that is not the next step stays out.
func TestCaseloadOpensWithWhatIsLate(t *testing.T) {
	late := plan.Deadline{ID: plan.DeadlineCertificateToOFII, Kind: plan.KindDeadline, Date: mustDate(t, "2026-11-01"),
		Passed: true, DaysLeft: -21, Title: "Envoyer le certificat médical"}
	soonPost := mustDate(t, "2026-11-24")
	soon := plan.Deadline{ID: plan.DeadlineOFIIRequestReply, Kind: plan.KindDeadline, Date: mustDate(t, "2026-12-01"),
		PostBy: &soonPost, DaysLeft: 9, Title: "Réponse à l’OFII"}
	old := plan.Deadline{ID: plan.DeadlineOFIIRequestReply, Kind: plan.KindDeadline, Date: mustDate(t, "2026-09-01"),
		Passed: true, Title: "Vieille réponse"}
	lapsed := mustDate(t, "2026-11-10")
	cl := Caseload{Today: today, Entries: []CaseloadEntry{
		{Name: "Hamid RAHIMI", Source: "r.yaml", Deadlines: []plan.Deadline{old, late}, Phone: "07 11 22 33 44",
			Warnings: []plan.Warning{{ID: "no_identity_document", Message: "Vous n’avez pas de document", Short: "Aucun document d’identité"}},
			NextStep: &plan.NextStep{ID: late.ID, Date: &late.Date, Kind: late.Kind, Late: true, Now: "Envoyez-le sans attendre.", Title: late.Title}},
		{Name: "Aminata DIALLO", Source: "a.yaml", Deadlines: []plan.Deadline{soon},
			NextStep: &plan.NextStep{ID: soon.ID, Date: &soon.Date, Kind: soon.Kind, Title: soon.Title}},
		// a lapsed appeal: the late step is no deadline of the entry
		{Name: "Awa KONÉ", Source: "k.yaml",
			NextStep: &plan.NextStep{ID: plan.StepGetHelpNow, Date: &lapsed, Kind: plan.KindDeadline, Late: true,
				Title: "Faites-vous aider aujourd’hui : le délai de recours a pris fin", Now: "Voyez aujourd’hui un avocat."}},
	}}
	var buf bytes.Buffer
	l, err := caseload(&buf, cl)
	if err != nil {
		t.Fatal(err)
	}
	text := allText(l)
	joined := strings.Join(text, "\n")
	iLate, iSoon := strings.Index(joined, "En retard"), strings.Index(joined, "À poster d")
	if iLate < 0 || iSoon < 0 || iLate > iSoon {
		t.Errorf("late table at %d, post-soon table at %d: want the late one first\n%s", iLate, iSoon, joined)
	}
	if containsText(text, "Vous n’avez pas") {
		t.Error("the board addresses the applicant: want the third-person short text")
	}
	for _, want := range []string{"Envoyer le certificat médical", "Envoyez-le sans attendre.", "Hamid RAHIMI",
		"Aucun document d’identité", "r.yaml · 07\u00a011\u00a022\u00a033\u00a044", "1 échéance à venir dans 3 dossiers",
		"Faites-vous aider aujourd’hui\u00a0: le délai de recours a pris fin", "Voyez aujourd’hui un avocat.", "10/11/2026"} {
		if !containsText(text, want) {
			t.Errorf("caseload lacks %q", want)
		}
	}
	if containsText(text, "Vieille réponse") {
		t.Error("a passed deadline that is not the next step is on the board")
	}
}

// A week heading never stands alone at the foot of a page: its table's
// header and first row follow it on the same page.
func TestCaseloadKeepsHeadingsWithTheirTables(t *testing.T) {
	var entries []CaseloadEntry
	for i := range 40 {
		d := today.AddDays(1 + i*3)
		entries = append(entries, CaseloadEntry{Name: fmt.Sprintf("Personne %02d", i), Source: "c.csv:row " + fmt.Sprint(i+2),
			Deadlines: []plan.Deadline{{ID: plan.DeadlineOFIIRequestReply, Kind: plan.KindDeadline, Date: d,
				Title: "Réponse de votre médecin à l’OFII (courrier du 18 novembre 2026)"}}})
	}
	var buf bytes.Buffer
	l, err := caseload(&buf, Caseload{Today: today, Entries: entries})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) < 2 {
		t.Fatalf("test setup: the board has %d page", len(l.Pages))
	}
	for n, pg := range l.Pages {
		for _, tx := range pg.Texts {
			if !strings.HasPrefix(tx.Text, "Semaine du") {
				continue
			}
			below := 0
			for _, o := range pg.Texts {
				if o.Top > tx.Bottom() && o.Bottom() <= contentBottom {
					below++
				}
			}
			if below < 6+6 { // the column titles and a row of six cells
				t.Errorf("page %d: %q has %d texts below it on its page", n+1, tx.Text, below)
			}
		}
	}
}

// A board of many pages held compressed as it is drawn (fpdf's
// SetCompressLeftPages) has the bytes of one held in full.
func TestCaseloadCompressedPagesSameBytes(t *testing.T) {
	_, p := examplePlan(t, "diallo-general")
	cl := Caseload{Today: today}
	for i := range 300 {
		cl.Entries = append(cl.Entries, CaseloadEntry{Name: fmt.Sprintf("DIALLO Aminata %d", i), Source: fmt.Sprintf("c.csv:row %d", i+2),
			Deadlines: p.Deadlines, Warnings: p.Warnings, NextStep: p.NextStep})
	}
	var held, full bytes.Buffer
	l, err := caseload(&held, cl)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) < 10 {
		t.Fatalf("test setup: the board has %d pages", len(l.Pages))
	}
	compressBoardPages = false
	defer func() { compressBoardPages = true }()
	if _, err := caseload(&full, cl); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(held.Bytes(), full.Bytes()) {
		t.Errorf("the board held compressed differs: %d bytes, %d held in full", held.Len(), full.Len())
	}
}

// A board whose entries are loaded one at a time (Caseload.Load) has the
// bytes of one given every entry at once.
func TestCaseloadLoadSameBytes(t *testing.T) {
	_, p := examplePlan(t, "diallo-general")
	cl := Caseload{Today: today}
	for i := range 60 {
		// names and sources that tie, in an order that is not theirs
		cl.Entries = append(cl.Entries, CaseloadEntry{Name: fmt.Sprintf("DIALLO Aminata %d", (i*7)%5), Source: fmt.Sprintf("c.csv:row %d", 100-i),
			Deadlines: p.Deadlines, Warnings: p.Warnings, NextStep: p.NextStep})
	}
	var all, loaded bytes.Buffer
	if err := WriteCaseload(&all, cl); err != nil {
		t.Fatal(err)
	}
	entries := cl.Entries
	loads := 0
	byLoad := Caseload{Today: today, Count: len(entries), Load: func(i int) CaseloadEntry {
		loads++
		return entries[i]
	}}
	if err := WriteCaseload(&loaded, byLoad); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(all.Bytes(), loaded.Bytes()) {
		t.Errorf("the board of loaded entries differs: %d bytes, %d given at once", loaded.Len(), all.Len())
	}
	if loads < len(entries) {
		t.Errorf("%d loads for %d entries", loads, len(entries))
	}
}

// failAfter fails every write once n bytes are written.
type failAfter struct{ n int }

var errFull = errors.New("no space left")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

// A board stops at the first write error and returns it.
func TestCaseloadWriteError(t *testing.T) {
	_, p := examplePlan(t, "diallo-general")
	cl := Caseload{Today: today}
	for i := range 1200 {
		cl.Entries = append(cl.Entries, CaseloadEntry{Name: fmt.Sprintf("DIALLO Aminata %d", i), Source: "c.csv",
			Deadlines: p.Deadlines, NextStep: p.NextStep})
	}
	if err := WriteCaseload(&failAfter{n: 300 << 10}, cl); !errors.Is(err, errFull) {
		t.Errorf("got %v, want the write error", err)
	}
}

// TestCaseloadFailed: the entries for which no pack was made open the
// board, with their file, row, name when known and first problem, and the
// count says how many failed; past the entries kept, a line says how many
// more summary.csv lists.
func TestCaseloadFailed(t *testing.T) {
	cl := Caseload{
		Today: today,
		Entries: []CaseloadEntry{{Name: "Aminata DIALLO", Source: "a.yaml", Deadlines: []plan.Deadline{
			{ID: "first", Date: mustDate(t, "2026-11-30"), Title: "Échéance first"}}}},
		Failed: []FailedEntry{
			{Source: "dossiers.xlsx", Row: 11, Name: "KONÉ Awa", Problem: "colonne « Date de naissance », cellule E11 : trouvé \"31/02/1990\", qui n’est pas un jour du calendrier",
				Hint: "vérifiez le jour"},
			{Source: "b.yaml", Problem: "b.yaml:3:1 : applicant : absent"},
		},
		FailedCount: 5,
	}
	var buf bytes.Buffer
	l, err := caseload(&buf, cl)
	if err != nil {
		t.Fatal(err)
	}
	if *dump != "" {
		if err := os.WriteFile(filepath.Join(*dump, "caseload-failed.pdf"), buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	text := allText(l)
	for _, want := range []string{"1\u00a0échéance à venir dans 1\u00a0dossier\u00a0; 5\u00a0dossiers non traités", "Dossiers non traités (5)",
		"dossiers.xlsx", "KONÉ Awa", "cellule E11", "vérifiez le jour", "b.yaml",
		"… et 3\u00a0autres entrées non traitées\u00a0: voir summary.csv."} {
		if !containsText(text, want) {
			t.Errorf("caseload lacks %q", want)
		}
	}
	if a, b := indexText(text, "Dossiers non traités (5)"), indexText(text, "Échéance first"); a < 0 || a > b {
		t.Errorf("the failed entries come after the deadlines: %d %d", a, b)
	}
	// none failed: no table, and the count says nothing of failures
	cl.Failed, cl.FailedCount = nil, 0
	l, err = caseload(io.Discard, cl)
	if err != nil {
		t.Fatal(err)
	}
	if text := allText(l); containsText(text, "non traité") {
		t.Error("a board without failures speaks of them")
	}
}

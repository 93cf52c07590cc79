package render

import (
	"bytes"
	"os"
	"path/filepath"
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

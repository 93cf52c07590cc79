package applicant

import (
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// permitBase is a valid first application; the cases add a current_permit
// (line 22 on) and change the nationality or add a sick child.
const permitBase = `format: ofiipack/v1
applicant:
  civility: madame
  family_name: DIALLO
  given_names: Aminata
  birth_date: 1988-04-12
  birth_place: Bamako (Mali)
  nationality: ML
  marital_status: married
  address:
    street: 12 rue des Lilas
    postcode: "93200"
    city: Saint-Denis
identity:
  document: passport
situation:
  arrived_on: 2020-05-02
  long_stay_visa: false
procedure:
  receipt_expires_on: RECEIPT
`

const sickChild = "  sick_child: {given_names: Noé, family_name: DIALLO, birth_date: 2019-06-20}\n"

func permitFile(nationality string, child bool, receipt, permit string) string {
	s := strings.Replace(permitBase, "nationality: ML", "nationality: "+nationality, 1)
	s = strings.Replace(s, "RECEIPT", receipt, 1)
	if child {
		s = strings.Replace(s, "  long_stay_visa: false\n", "  long_stay_visa: false\n"+sickChild, 1)
	}
	return s + permit
}

// The input rules of current_permit (SPEC §1): the kind fits the route and
// the basis, the expiry is required and at most 10 years ahead (past is a
// late renewal), the issue date does not follow the expiry.
func TestCurrentPermitRules(t *testing.T) {
	ahead := today.AddYears(10) // 2036-11-22: the last expiry accepted
	permit := func(kind, expires, issued string) string {
		s := "current_permit:\n  kind: " + kind + "\n  expires_on: " + expires + "\n"
		if issued != "" {
			s += "  issued_on: " + issued + "\n"
		}
		return s
	}
	tests := []struct {
		name        string
		nationality string
		child       bool
		receipt     string
		permit      string
		want        []string // problems, in order; none: the file loads
	}{
		// The kind fits the route and the basis.
		{"card, route card", "ML", false, "null", permit("card", "2027-01-11", ""), nil},
		{"multi-year card, route card", "ML", false, "null", permit("multi_year_card", "2029-01-11", ""), nil},
		{"Algerian certificate, Algerian", "DZ", false, "null", permit("algerian_certificate", "2027-01-11", ""), nil},
		{"APS, sick child", "ML", true, "null", permit("aps", "2027-01-11", ""), nil},
		{"APS, Algerian parent of a sick child", "DZ", true, "null", permit("aps", "2027-01-11", ""), nil},
		{"APS without a sick child", "ML", false, "null", permit("aps", "2027-01-11", ""), []string{
			`x.yaml:22:9: current_permit.kind: found "aps", which is the APS of the parent of a sick child (CESEDA L. 425-10) and needs situation.sick_child, expected for this file card or multi_year_card`}},
		{"card with a sick child", "ML", true, "null", permit("card", "2027-01-11", ""), []string{
			`x.yaml:23:9: current_permit.kind: found "card", which is not the APS, while situation.sick_child makes this file the APS of the parent of a sick child (CESEDA L. 425-10), expected for this file aps`}},
		{"Algerian certificate, Malian", "ML", false, "null", permit("algerian_certificate", "2027-01-11", ""), []string{
			`x.yaml:22:9: current_permit.kind: found "algerian_certificate", which is the certificat de résidence of the Franco-Algerian agreement and needs nationality DZ (found ML), expected for this file card or multi_year_card`}},
		{"card, Algerian", "DZ", false, "null", permit("card", "2027-01-11", ""), []string{
			`x.yaml:22:9: current_permit.kind: found "card", which is a card of the CESEDA, while an Algerian national holds the certificat de résidence of the Franco-Algerian agreement of 1968, expected for this file algerian_certificate`}},
		{"multi-year card, Algerian", "dz", false, "null", permit("multi_year_card", "2027-01-11", ""), []string{
			`current_permit.kind: found "multi_year_card", which is a card of the CESEDA`}},
		{"Algerian certificate, sick child", "DZ", true, "null", permit("algerian_certificate", "2027-01-11", ""), []string{
			`current_permit.kind: found "algerian_certificate", which is not the APS`}},
		{"kind, French word", "ML", false, "null", permit("carte pluriannuelle", "2027-01-11", ""), nil},
		{"kind unknown, French word", "ML", false, "null", permit("carte pluriannuel", "2027-01-11", ""), []string{
			`x.yaml:22:9: current_permit.kind: found "carte pluriannuel", expected one of card, multi_year_card, algerian_certificate or aps | hint: did you mean "multi_year_card"?`}},
		{"kind near miss", "ML", false, "null", permit("multiyear_card", "2027-01-11", ""), []string{`| hint: did you mean "multi_year_card"?`}},
		{"kind missing", "ML", false, "null", "current_permit:\n  expires_on: 2027-01-11\n", []string{
			`x.yaml:22:3: current_permit.kind: missing, expected one of card, multi_year_card, algerian_certificate or aps`}},

		// The expiry: required, may be past, at most 10 years ahead.
		{"expiry missing", "ML", false, "null", "current_permit:\n  kind: card\n", []string{
			`x.yaml:22:3: current_permit.expires_on: missing, expected a date as YYYY-MM-DD or DD/MM/YYYY`}},
		{"expiry empty", "ML", false, "null", "current_permit:\n  kind: card\n  expires_on:\n", []string{
			`x.yaml:23:3: current_permit.expires_on: found an empty value`}},
		{"expiry past: a late renewal", "ML", false, "null", permit("card", "2025-01-11", ""), nil},
		{"expiry today", "ML", false, "null", permit("card", today.String(), ""), nil},
		{"expiry 10 years ahead", "ML", false, "null", permit("multi_year_card", ahead.String(), ""), nil},
		{"expiry 10 years and a day ahead", "ML", false, "null", permit("multi_year_card", ahead.AddDays(1).String(), ""), []string{
			`x.yaml:23:15: current_permit.expires_on: found 2036-11-23, more than 10 years ahead, expected a date on or before 2036-11-22 | hint: check the year`}},
		{"expiry a typo of the century", "ML", false, "null", permit("card", "11/01/2207", ""), []string{
			`current_permit.expires_on: found 2207-01-11, more than 10 years ahead`}},
		{"expiry not a day", "ML", false, "null", permit("card", "2027-02-30", ""), []string{
			`x.yaml:23:15: current_permit.expires_on: found "2027-02-30", which is not a day of the calendar`}},

		// The issue date: past, not after the expiry.
		{"issued the day of expiry", "ML", false, "null", permit("card", "2025-01-11", "2025-01-11"), nil},
		{"issued the day after expiry", "ML", false, "null", permit("card", "2025-01-11", "2025-01-12"), []string{
			`x.yaml:24:14: current_permit.issued_on: found 2025-01-12, after the expiry date, expected a date on or before current_permit.expires_on (2025-01-11) | hint: copy both dates from the permit: « valable du … au … »`}},
		{"issued in the future", "ML", false, "null", permit("card", "2027-11-22", "2026-11-23"), []string{
			`current_permit.issued_on: found 2026-11-23, a date in the future`}},
		{"current_permit not a mapping", "ML", false, "null", "current_permit: card\n", []string{
			`x.yaml:21:17: current_permit: found "card", expected a mapping with the keys kind, expires_on, issued_on`}},
		{"current_permit unknown key", "ML", false, "null", permit("card", "2027-01-11", "") + "  expire_on: 2027-01-11\n", []string{
			`current_permit.expire_on: found the unknown key "expire_on", expected one of kind, expires_on or issued_on | hint: did you mean "expires_on"?`}},
		{"expires_on at the top", "ML", false, "null", "expires_on: 2027-01-11\n", []string{
			`| hint: "expires_on" belongs under current_permit`}},
		{"current_permit null: a first application", "ML", false, "null", "current_permit: null\n", nil},

		// The récépissé's end: any real date, past or ahead, first or renewal.
		{"receipt ended", "ML", false, "2026-10-01", "", nil},
		{"receipt ahead", "ML", false, "2027-03-01", permit("card", "2026-12-01", ""), nil},
		{"receipt not a date", "ML", false, "bientôt", "", []string{
			`x.yaml:20:23: procedure.receipt_expires_on: found "bientôt", expected a date as YYYY-MM-DD or DD/MM/YYYY`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Load("x.yaml", []byte(permitFile(tc.nationality, tc.child, tc.receipt, tc.permit)), today)
			checkProblems(t, err, tc.want)
			if tc.want == nil && (f == nil || err != nil) {
				t.Fatalf("no file: %v", err)
			}
		})
	}
}

// What a valid current_permit and receipt_expires_on load as.
func TestCurrentPermitValues(t *testing.T) {
	f, err := Load("x.yaml", []byte(permitFile("DZ", false, "15/01/2027",
		"current_permit:\n  kind: Algerian_Certificate\n  expires_on: 11/01/2027\n  issued_on: 2026-01-12\n")), today)
	if err != nil {
		t.Fatal(err)
	}
	want := Permit{Kind: PermitAlgerian, ExpiresOn: civil.New(2027, 1, 11), IssuedOn: civil.New(2026, 1, 12)}
	if f.CurrentPermit == nil || *f.CurrentPermit != want {
		t.Errorf("current_permit %+v, want %+v", f.CurrentPermit, want)
	}
	if got := f.Procedure.ReceiptExpiresOn; got != civil.New(2027, 1, 15) {
		t.Errorf("receipt_expires_on %v", got)
	}
	f, err = Load("x.yaml", []byte(permitFile("ML", false, "null", "")), today)
	if err != nil || f.CurrentPermit != nil || !f.Procedure.ReceiptExpiresOn.IsZero() {
		t.Errorf("a first application: %+v %v", f, err)
	}
	if got := FieldValues("current_permit.kind"); strings.Join(got, " ") != "card multi_year_card algerian_certificate aps" {
		t.Errorf("FieldValues(current_permit.kind) = %v", got)
	}
}

// Every permit message reads in French too, with the same arguments.
func TestCurrentPermitFrench(t *testing.T) {
	_, err := Load("x.yaml", []byte(permitFile("ML", false, "null",
		"current_permit:\n  kind: aps\n  expires_on: 2040-01-11\n")), today)
	ps, ok := err.(Problems)
	if !ok || len(ps) != 2 {
		t.Fatalf("%v", err)
	}
	for i, want := range []string{
		"x.yaml:22:9: current_permit.kind: trouvé \"aps\", qui est l’APS du parent d’un enfant malade (article L. 425-10 du CESEDA) et demande situation.sick_child, attendu pour ce dossier card ou multi_year_card",
		"x.yaml:23:15: current_permit.expires_on: trouvé 11/01/2040, plus de 10 ans dans l’avenir, attendu une date au plus tard le 22/11/2036",
	} {
		if got := ps[i].In(msg.French); got != want {
			t.Errorf("problem %d in French:\n got %s\nwant %s", i, got, want)
		}
	}
}

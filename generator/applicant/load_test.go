package applicant

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
)

var today = civil.New(2026, 11, 22)

// base is a valid file; each case below changes it. Line numbers matter:
// some cases assert them.
const base = `format: ofiipack/v1
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
  email: a.diallo@example.org
identity:
  document: passport
situation:
  arrived_on: 2024-05-02
  long_stay_visa: false
procedure:
  filed_on: 2026-11-02
`

// edit returns base with each old text replaced by the new one; an old
// text of "" appends the new one at the end.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := base
	for i := 0; i+1 < len(pairs); i += 2 {
		old, new := pairs[i], pairs[i+1]
		if old == "" {
			s += new
			continue
		}
		if !strings.Contains(s, old) {
			t.Fatalf("base has no %q", old)
		}
		s = strings.Replace(s, old, new, 1)
	}
	return s
}

// render shows a problem as the tests match it: its Error() and its hint.
func render(p Problem) string {
	if p.Hint.IsZero() {
		return p.Error()
	}
	return p.Error() + " | hint: " + p.Hint.String()
}

func problemsOf(t *testing.T, err error) Problems {
	t.Helper()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is %T, not Problems: %v", err, err)
	}
	if len(ps) == 0 {
		t.Fatal("error is an empty Problems")
	}
	return ps
}

// checkProblems asserts that err holds exactly one problem per want, in
// order, each containing its want.
func checkProblems(t *testing.T, err error, want []string) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("unexpected problems:\n%v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("no problem, want %q", want)
	}
	ps := problemsOf(t, err)
	var got []string
	for _, p := range ps {
		got = append(got, render(p))
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s\nwant:\n%s", len(ps), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !matches(got[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant it to contain %s", i, got[i], want[i])
		}
	}
}

// matches reports whether got contains the parts of want separated by
// " ... ", in order.
func matches(got, want string) bool {
	for _, part := range strings.Split(want, " ... ") {
		i := strings.Index(got, part)
		if i < 0 {
			return false
		}
		got = got[i+len(part):]
	}
	return true
}

func TestLoadRules(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // one substring per problem, in order; none: valid
	}{
		// The base and the forms it may take.
		{"valid base", base, nil},
		{"date as DD/MM/YYYY", edit(t, "1988-04-12", "12/04/1988"), nil},
		{"quoted date", edit(t, "1988-04-12", `"1988-04-12"`), nil},
		{"lower-case country code", edit(t, "nationality: ML", "nationality: ml"), nil},
		{"unquoted postcode", edit(t, `"93200"`, "93200"), nil},
		{"unquoted postcode with a leading zero", edit(t, `"93200"`, "01000"), nil},
		{"enum in capitals", edit(t, "civility: madame", "civility: Madame"), nil},
		{"optional null", edit(t, "email: a.diallo@example.org", "email: ~"), nil},
		{"optional null word", edit(t, "email: a.diallo@example.org", "email: null"), nil},
		{"optional empty", edit(t, "email: a.diallo@example.org", "email:"), nil},
		{"optional empty string", edit(t, "email: a.diallo@example.org", `email: ""`), nil},
		{"optional sections null", edit(t, "procedure:\n  filed_on: 2026-11-02\n", "procedure: ~\noptions:\norganisation:\n"), nil},
		{"leading document marker and end marker", "---\n" + base + "...\n", nil},
		{"flow mappings", edit(t, "identity:\n  document: passport\n", "identity: {document: passport, issued_on: ~}\n"), nil},
		{"alias", edit(t, "  birth_place: Bamako (Mali)", "  birth_place: &city Bamako", "  city: Saint-Denis", "  city: *city"), nil},
		{"Vietnamese accents", edit(t, "DIALLO", "NGUYỄN", "Aminata", "Văn Đức"), nil},
		{"Greek and Cyrillic", edit(t, "DIALLO", "ΠΑΠΑΔΌΠΟΥΛΟΣ", "Aminata", "Анна"), nil},
		{"birth date today", edit(t, "1988-04-12", "2026-11-22", "2024-05-02", "2026-11-22"), nil},
		{"arrival on the birth day", edit(t, "2024-05-02", "1988-04-12"), nil},
		{"29 February of a leap year", edit(t, "1988-04-12", "29/02/1988"), nil},
		{"foreigner number with spaces", edit(t, "  email: a.diallo@example.org\n", "  email: a.diallo@example.org\n  foreigner_number: 75 0123 4567\n"), nil},
		{"comments everywhere", "# head\n" + strings.ReplaceAll(base, "ML\n", "ML # Mali\n") + "# tail\n", nil},

		// SPEC §1 rules of the revised format: the sick child is a minor on the
		// run's date (2026-11-22), the decision follows the filing, births
		// after 1900, an appointment only for an examination.
		{"child turns 18 tomorrow", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  sick_child: {given_names: Noé, family_name: M, birth_date: 2008-11-23, sex: male}\n"), nil},
		{"child turns 18 today", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  sick_child: {given_names: Noé, family_name: M, birth_date: 2008-11-22}\n"),
			[]string{"situation.sick_child.birth_date: found 2008-11-22: the child is 18 on 2026-11-22, expected a child under 18: the APS of CESEDA L. 425-10"}},
		{"child turned 18 yesterday", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  sick_child: {given_names: Noé, family_name: M, birth_date: 2008-11-21}\n"),
			[]string{"the child is 18 on 2026-11-22"}},
		{"child of 21", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  sick_child: {given_names: Noé, family_name: M, birth_date: 2005-06-01}\n"),
			[]string{"x.yaml:20:62: situation.sick_child.birth_date: found 2005-06-01: the child is 21"}},
		{"child's sex unknown", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  sick_child: {given_names: Noé, family_name: M, birth_date: 2019-03-08, sex: inconnu}\n"),
			[]string{`situation.sick_child.sex: found "inconnu", expected female or male`}},
		{"birth before 1900", edit(t, "1988-04-12", "1899-12-31"), []string{"applicant.birth_date: found 1899-12-31, before 1900, expected a real birth date"}},
		{"birth on 1 January 1900", edit(t, "1988-04-12", "1900-01-01"), nil},
		{"decision refused with OQTF", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  anef_number: X-1\n  decision: {outcome: refused, notified_on: 2026-11-20, oqtf: true, appeal_period: 48_hours}\n"), nil},
		{"decision on the filing day", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  decision: {outcome: granted, notified_on: 2026-11-02}\n"), nil},
		{"decision before the filing", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  decision: {outcome: refused, notified_on: 2026-11-01}\n"),
			[]string{"procedure.decision.notified_on: found 2026-11-01, before the filing date, expected a date on or after procedure.filed_on (2026-11-02)"}},
		// the order of the procedure (SPEC §1)
		{"certificate available on the filing day", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  certificate_available_on: 2026-11-02\n  certificate_sent_on: 2026-11-02\n"), nil},
		{"certificate available before the filing", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  certificate_available_on: 2026-11-01\n"),
			[]string{"procedure.certificate_available_on: found 2026-11-01, before the filing date, expected a date on or after procedure.filed_on (2026-11-02)"}},
		{"certificate sent before it was available", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  certificate_available_on: 2026-11-10\n  certificate_sent_on: 2026-11-09\n"),
			[]string{"procedure.certificate_sent_on: found 2026-11-09, before the day the certificate was available, expected a date on or after procedure.certificate_available_on (2026-11-10)"}},
		{"certificate without a filing date", edit(t, "  filed_on: 2026-11-02\n", "  certificate_available_on: 2026-11-10\n  certificate_sent_on: 2026-11-12\n"), nil},
		{"prefecture address", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  prefecture_address: [Préfecture de la Seine-Saint-Denis, 1 esplanade Jean Moulin, 93000 BOBIGNY]\n"), nil},
		{"prefecture address line too long", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  prefecture_address: [Préfecture de la Seine-Saint-Denis — service des étrangers]\n"),
			[]string{"procedure.prefecture_address[0]: "}},
		{"decision in the future", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  decision: {outcome: refused, notified_on: 2026-11-23}\n"),
			[]string{"procedure.decision.notified_on: found 2026-11-23, a date in the future"}},
		{"unknown appeal period", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  decision: {outcome: refused, notified_on: 2026-11-20, appeal_period: 3_months}\n"),
			[]string{`procedure.decision.appeal_period: found "3_months", expected one of 2_months, 1_month, 7_days, 48_hours or 15_days`}},
		{"decision without outcome", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  decision: {notified_on: 2026-11-20}\n"),
			[]string{"procedure.decision.outcome: missing, expected granted or refused"}},
		{"OQTF with a grant", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  decision: {outcome: granted, notified_on: 2026-11-20, oqtf: true}\n"),
			[]string{"procedure.decision.oqtf: found oqtf: true with outcome: granted"}},
		{"examination appointment ahead", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  ofii_requests: [{on: 2026-11-16, kind: examination, appointment_on: 2026-12-08}]\n"), nil},
		{"appointment for an information request", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  ofii_requests: [{on: 2026-11-16, kind: information, appointment_on: 2026-12-08}]\n"),
			[]string{"procedure.ofii_requests[0].appointment_on: found an appointment for a request of information"}},
		{"appointment before the letter", edit(t, "  filed_on: 2026-11-02\n", "  filed_on: 2026-11-02\n  ofii_requests: [{on: 2026-11-16, kind: examination, appointment_on: 2026-11-15}]\n"),
			[]string{"procedure.ofii_requests[0].appointment_on: found 2026-11-15, before the date of OFII's letter"}},

		// The file as a whole.
		{"empty file", "", []string{"x.yaml:1:1: the file is empty, expected an applicant file"}},
		{"blank file", "\n  \n", []string{"x.yaml:1:1: the file is empty"}},
		{"only comments", "# nothing yet\n# really\n", []string{"x.yaml:1:1: found no data in the file (only comments, blank lines or markers)"}},
		{"document marker only", "---\n", []string{"x.yaml:1:1: found no data in the file"}},
		{"null document", "~\n", []string{"x.yaml:1:1: found no data in the file"}},
		{"second document", base + "---\nformat: ofiipack/v1\n", []string{
			`x.yaml:22:1: found a second YAML document, expected one applicant per file`}},
		{"empty second document", base + "---\n", []string{"x.yaml:22:1: found a second YAML document"}},
		{"top is a list", "- format: ofiipack/v1\n", []string{`x.yaml:1:1: found a list, expected a mapping with the keys format, applicant, identity`}},
		{"top is text", "hello\n", []string{`x.yaml:1:1: found "hello", expected a mapping`}},
		{"syntax error", edit(t, "  family_name: DIALLO", "  family_name: DIALLO: Aminata"), []string{
			"x.yaml:4:22: applicant.family_name: invalid YAML: mapping values are not allowed in this context | hint: check the indentation"}},
		{"bad indentation", edit(t, "  given_names: Aminata", "   given_names: Aminata"), []string{"x.yaml:5:1: applicant.given_names: invalid YAML"}},
		{"tab indentation", edit(t, "  given_names: Aminata", "\tgiven_names: Aminata"), []string{
			"x.yaml:5:1: invalid YAML: found a tab character, expected spaces | hint: indent with spaces"}},
		{"unclosed quote", edit(t, `"93200"`, `"93200`), []string{"invalid YAML"}},
		{"unknown anchor", edit(t, "city: Saint-Denis", "city: *town"), []string{"x.yaml:13:11: applicant.address.city: invalid YAML: unknown anchor 'town' referenced"}},

		// format.
		{"format missing", strings.TrimPrefix(base, "format: ofiipack/v1\n"), []string{
			"x.yaml:1:1: format: missing, expected exactly ofiipack/v1"}},
		{"format wrong", edit(t, "ofiipack/v1", "ofiipack/v2"), []string{
			`x.yaml:1:9: format: found "ofiipack/v2", expected exactly ofiipack/v1`}},
		{"format near miss", edit(t, "ofiipack/v1", "ofiipak/v1"), []string{`| hint: did you mean "ofiipack/v1"?`}},
		{"format null", edit(t, "format: ofiipack/v1", "format:"), []string{"x.yaml:1:1: format: found an empty value, expected exactly ofiipack/v1"}},

		// Unknown keys.
		{"unknown top key, near miss", edit(t, "procedure:", "procedur:"), []string{
			`x.yaml:20:1: procedur: found the unknown key "procedur", expected one of format, applicant, identity, situation, procedure, documents_ready, current_permit, ofii_address, options or organisation | hint: did you mean "procedure"?`}},
		{"unknown key, case and separators", edit(t, "family_name: DIALLO", "Family-Name: DIALLO"), []string{
			"x.yaml:3:3: applicant.family_name: missing",
			`x.yaml:4:3: applicant.Family-Name: found the unknown key "Family-Name" ... | hint: did you mean "family_name"?`}},
		{"key at the wrong level", edit(t, "  email: a.diallo", "  postcode: \"93200\"\n  email: a.diallo"), []string{
			`x.yaml:14:3: applicant.postcode: found the unknown key "postcode" ... | hint: "postcode" belongs under applicant.address`}},
		{"unknown key, far from all", edit(t, "", "hobbies: [chess]\n"), []string{`x.yaml:22:1: hobbies: found the unknown key "hobbies"`}},
		{"merge key", edit(t, "", "options:\n  <<: {signing_city: Paris}\n"), []string{`options.<<: found the unknown key "<<" ... | hint: merge keys`}},
		{"key that is a list", edit(t, "", "[a, b]: c\n"), []string{"x.yaml:22:1: found a list as a key"}},

		// Duplicate keys.
		{"duplicate key", edit(t, "  given_names: Aminata", "  given_names: Aminata\n  family_name: KONATÉ"), []string{
			"x.yaml:6:3: applicant.family_name: found this key a second time, expected it once (first on line 4) | hint: keep only one"}},
		{"duplicate section", base + "identity:\n  document: none\n", []string{
			"x.yaml:22:1: identity: found this key a second time, expected it once (first on line 15)"}},

		// Wrong types.
		{"list for a mapping", edit(t, "address:\n    street: 12 rue des Lilas\n    postcode: \"93200\"\n    city: Saint-Denis", "address: [12 rue des Lilas, Saint-Denis]"), []string{
			"x.yaml:10:12: applicant.address: found a list, expected a mapping with the keys care_of, street, extra, postcode, city"}},
		{"text for a mapping", edit(t, "identity:\n  document: passport", "identity: passport"), []string{`x.yaml:15:11: identity: found "passport", expected a mapping`}},
		{"list for text", edit(t, "given_names: Aminata", "given_names: [Aminata, Fatou]"), []string{
			"x.yaml:5:16: applicant.given_names: found a list, expected the given names"}},
		{"mapping for a date", edit(t, "birth_date: 1988-04-12", "birth_date: {day: 12}"), []string{"applicant.birth_date: found a mapping, expected a date"}},
		{"text for a list", edit(t, "", "documents_ready: e_photo\n"), []string{`x.yaml:22:18: documents_ready: found "e_photo", expected a list of one of current_permit, birth_certificate`}},
		{"mapping for a list item", edit(t, "", "ofii_address:\n  - {a: b}\n"), []string{"ofii_address[0]: found a mapping, expected a line of text"}},
		{"text for a request", edit(t, "", "  ofii_requests: [2026-11-18]\n"), []string{
			`x.yaml:22:19: procedure.ofii_requests[0]: found "2026-11-18", expected a mapping with the keys on, kind`}},

		// Missing required fields, at the parent mapping.
		{"missing field", edit(t, "  family_name: DIALLO\n", ""), []string{
			"x.yaml:3:3: applicant.family_name: missing, expected the family name as on the passport"}},
		{"missing nested field", edit(t, "    postcode: \"93200\"\n", ""), []string{
			`x.yaml:11:5: applicant.address.postcode: missing, expected a postcode of 5 digits such as "93200"`}},
		{"missing section", edit(t, "identity:\n  document: passport\n", ""), []string{"x.yaml:1:1: identity: missing"}},
		{"required field null", edit(t, "family_name: DIALLO", "family_name: ~"), []string{
			"x.yaml:4:3: applicant.family_name: found an empty value, expected the family name"}},
		{"required field blank", edit(t, "family_name: DIALLO", `family_name: "  "`), []string{"applicant.family_name: found an empty value"}},
		{"missing field of an optional block", edit(t, "  email:", "  hosted_by:\n    civility: monsieur\n  email:"), []string{
			"x.yaml:15:5: applicant.hosted_by.family_name: missing",
			"x.yaml:15:5: applicant.hosted_by.given_names: missing"}},
		{"empty request", edit(t, "", "  ofii_requests: [~]\n"), []string{"x.yaml:22:19: procedure.ofii_requests[0]: found an empty item"}},
		{"missing request date", edit(t, "", "  ofii_requests:\n    - kind: information\n"), []string{"x.yaml:23:7: procedure.ofii_requests[0].on: missing, expected a date"}},

		// Enums.
		{"enum near miss", edit(t, "civility: madame", "civility: madam"), []string{
			`x.yaml:3:13: applicant.civility: found "madam", expected madame or monsieur | hint: did you mean "madame"?`}},
		{"enum French word", edit(t, "marital_status: married", "marital_status: mariée"), nil},
		{"enum French word misspelt", edit(t, "marital_status: married", "marital_status: mariéee"), []string{
			`applicant.marital_status: found "mariéee", expected one of single, married, pacs, divorced, widowed or unknown | hint: did you mean "married"?`}},
		{"enum abbreviation", edit(t, "civility: madame", "civility: Mme"), nil},
		{"enum English synonym", edit(t, "civility: madame", "civility: Mrs"), []string{`| hint: did you mean "madame"?`}},
		{"enum far miss", edit(t, "document: passport", "document: visa"), []string{`identity.document: found "visa", expected one of passport, consular_attestation`}},
		{"residence proof", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  residence_proofs: [visa, bank_statement, visa]\n"), []string{
			`situation.residence_proofs[1]: found "bank_statement" ... | hint: did you mean "bank_statements"?`}},
		{"refusal ground", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  refusal_grounds: [forgerie]\n"), []string{`situation.refusal_grounds[0]: found "forgerie" ... | hint: did you mean "forgery"?`}},
		{"request kind French", edit(t, "", "  ofii_requests:\n    - {on: 2026-11-18, kind: examen}\n"), nil},
		{"request kind", edit(t, "", "  ofii_requests:\n    - {on: 2026-11-18, kind: informatoins}\n"), []string{
			`procedure.ofii_requests[0].kind: found "informatoins", expected information or examination | hint: did you mean "information"?`}},
		{"checklist ID", edit(t, "", "documents_ready: [e-phtoo, birth_certificate]\n"), []string{
			`x.yaml:22:19: documents_ready[0]: found "e-phtoo" ... | hint: did you mean "e_photo"?`}},
		{"checklist word", edit(t, "", "documents_ready: [E-photo, acte de naissance]\n"), nil},
		{"empty list item", edit(t, "", "documents_ready: [e_photo, ~]\n"), []string{"documents_ready[1]: found an empty item"}},
		{"polygamy yes", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  polygamy_declaration: yes\n"), nil},
		{"polygamy true", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  polygamy_declaration: true\n"), nil},
		{"polygamy bad", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  polygamy_declaration: maybe\n"), []string{`situation.polygamy_declaration: found "maybe", expected one of auto, yes or no`}},
		{"polygamy French", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  polygamy_declaration: Non\n"), nil},

		// Booleans.
		{"boolean yes", edit(t, "long_stay_visa: false", "long_stay_visa: yes"), nil},
		{"boolean non", edit(t, "long_stay_visa: false", "long_stay_visa: non"), nil},
		{"boolean near miss", edit(t, "long_stay_visa: false", "long_stay_visa: nonn"), []string{
			`x.yaml:19:19: situation.long_stay_visa: found "nonn", expected true or false | hint: did you mean "false"?`}},
		{"boolean missing", edit(t, "  long_stay_visa: false\n", ""), []string{"x.yaml:18:3: situation.long_stay_visa: missing, expected true or false"}},
		{"boolean in capitals", edit(t, "long_stay_visa: false", "long_stay_visa: FALSE"), nil},

		// Dates.
		{"30 February", edit(t, "1988-04-12", "1988-02-30"), []string{
			`x.yaml:6:15: applicant.birth_date: found "1988-02-30", which is not a day of the calendar, expected a real date`}},
		{"30/02 French form", edit(t, "1988-04-12", "30/02/1988"), []string{"which is not a day of the calendar"}},
		{"29 February of a common year", edit(t, "1988-04-12", "29/02/1989"), []string{"which is not a day of the calendar"}},
		{"month 13", edit(t, "1988-04-12", "1988-13-01"), []string{"which is not a day of the calendar"}},
		{"dotted date", edit(t, "1988-04-12", "12.04.1988"), []string{
			`applicant.birth_date: found "12.04.1988", expected a date as YYYY-MM-DD or DD/MM/YYYY | hint: did you mean "12/04/1988"?`}},
		{"date without zeros", edit(t, "1988-04-12", "1988-4-12"), []string{`| hint: did you mean "1988-04-12"?`}},
		{"date with a time", edit(t, "1988-04-12", "1988-04-12T10:00:00Z"), []string{`| hint: did you mean "1988-04-12"?`}},
		{"date as words", edit(t, "1988-04-12", "12 avril 1988"), []string{`found "12 avril 1988", expected a date as YYYY-MM-DD or DD/MM/YYYY`}},
		{"date as a number", edit(t, "1988-04-12", "1988"), []string{`found "1988", expected a date`}},

		// Dates of past events may not lie after today; arrival not before birth.
		{"birth tomorrow", edit(t, "1988-04-12", "2026-11-23"), []string{
			"x.yaml:6:15: applicant.birth_date: found 2026-11-23, a date in the future, expected a date on or before today (2026-11-22)"}},
		{"arrival in the future", edit(t, "2024-05-02", "23/11/2026"), []string{"situation.arrived_on: found 23/11/2026, a date in the future"}},
		{"filing in the future", edit(t, "2026-11-02", "2027-01-04"), []string{"procedure.filed_on: found 2027-01-04, a date in the future"}},
		{"certificate dates in the future", edit(t, "", "  certificate_available_on: 2026-12-01\n  certificate_sent_on: 2026-12-02\n"), []string{
			"procedure.certificate_available_on: found 2026-12-01, a date in the future",
			"procedure.certificate_sent_on: found 2026-12-02, a date in the future"}},
		{"request in the future", edit(t, "", "  ofii_requests:\n    - on: 2026-11-18\n      kind: information\n    - on: 2026-11-30\n      kind: examination\n"), []string{
			"x.yaml:25:11: procedure.ofii_requests[1].on: found 2026-11-30, a date in the future"}},
		{"other past events in the future", edit(t, "document: passport", "document: passport\n  issued_on: 2026-12-01",
			"  long_stay_visa: false\n", "  long_stay_visa: false\n  asylum_registered_on: 2026-12-01\n  domicile_proof_dated: 2026-12-01\n"), []string{
			"identity.issued_on: found 2026-12-01, a date in the future",
			"situation.asylum_registered_on: found 2026-12-01, a date in the future",
			"situation.domicile_proof_dated: found 2026-12-01, a date in the future"}},
		{"sick child born in the future", edit(t, "  long_stay_visa: false\n", "  long_stay_visa: false\n  sick_child: {given_names: Noé, family_name: MBARGA, birth_date: 2027-01-01}\n"), []string{
			"situation.sick_child.birth_date: found 2027-01-01, a date in the future"}},
		{"arrival before birth", edit(t, "2024-05-02", "1988-04-11"), []string{
			"x.yaml:18:15: situation.arrived_on: found 1988-04-11, before the birth date, expected a date after 1988-04-12"}},

		// An arrival known by its month only (SPEC §1).
		{"arrival month", edit(t, "arrived_on: 2024-05-02", "arrived_on: 2019-03"), nil},
		{"arrival month day last", edit(t, "arrived_on: 2024-05-02", "arrived_on: 03/2019"), nil},
		{"arrival month of today", edit(t, "arrived_on: 2024-05-02", "arrived_on: 11/2026"), nil},
		{"arrival month ahead", edit(t, "arrived_on: 2024-05-02", "arrived_on: 12/2026"), []string{
			"x.yaml:18:15: situation.arrived_on: found 12/2026, a month after today (2026-11-22), expected a month that has begun"}},
		{"arrival month without zero", edit(t, "arrived_on: 2024-05-02", "arrived_on: 3/2019"), []string{
			`situation.arrived_on: found "3/2019", expected a date as YYYY-MM-DD or DD/MM/YYYY, or the month alone as YYYY-MM or MM/YYYY when the day is not known | hint: did you mean "03/2019"?`}},
		{"arrival month 13", edit(t, "arrived_on: 2024-05-02", "arrived_on: 13/2019"), []string{`situation.arrived_on: found "13/2019"`}},
		{"arrival month of the birth", edit(t, "arrived_on: 2024-05-02", "arrived_on: 1988-04"), nil},
		{"arrival month before the birth", edit(t, "arrived_on: 2024-05-02", "arrived_on: 1988-03"), []string{
			"situation.arrived_on: found 1988-03-31, before the birth date"}},
		{"month for another date", edit(t, "1988-04-12", "1988-04"), []string{`applicant.birth_date: found "1988-04", expected a date as YYYY-MM-DD or DD/MM/YYYY`}},

		// Countries.
		{"unknown country", edit(t, "nationality: ML", "nationality: XX"), []string{
			`x.yaml:8:16: applicant.nationality: found "XX", expected a country, by its name in French or English (Mali, Côte d’Ivoire, Georgia) or its ISO 3166-1 code (ML, CI, GE)`}},
		{"alpha-3 country", edit(t, "nationality: ML", "nationality: MLI"), nil},
		{"country name", edit(t, "nationality: ML", "nationality: côte d'ivoire"), nil},
		{"country name misspelt", edit(t, "nationality: ML", "nationality: Géorgi"), []string{`found "Géorgi", expected a country, by its name ... | hint: did you mean Georgia (GE)?`}},
		{"country name ambiguous", edit(t, "nationality: ML", "nationality: Congo"), []string{
			`applicant.nationality: found "Congo", the name of several countries, expected the name of one | hint: write one of them: Congo - Kinshasa (CD) or Congo - Brazzaville (CG)`}},
		{"numeric country", edit(t, "nationality: ML", "nationality: 466"), []string{`found "466", expected a country`}},
		{"not a country", edit(t, "nationality: ML", "nationality: UN"), []string{`found "UN"`}},
		{"withdrawn country", edit(t, "nationality: ML", "nationality: YU"), []string{`found "YU"`}},
		{"deprecated country", edit(t, "nationality: ML", "nationality: ZR"), []string{`found "ZR"`}},
		{"Kosovo", edit(t, "nationality: ML", "nationality: XK"), nil},
		{"Western Sahara", edit(t, "nationality: ML", "nationality: EH"), nil},

		// Postcodes and numbers.
		{"postcode of 4 digits", edit(t, `"93200"`, "1000"), []string{
			`x.yaml:12:15: applicant.address.postcode: found "1000", expected a postcode of 5 digits such as "93200" | hint: did you mean "01000"?`}},
		{"postcode with a space", edit(t, `"93200"`, `"93 200"`), []string{`| hint: did you mean "93200"?`}},
		{"postcode of 6 digits", edit(t, `"93200"`, "932000"), []string{`found "9320"…`}},
		{"postcode with letters", edit(t, `"93200"`, "2A004"), []string{`found "2A00"…`}},
		{"foreigner number short", edit(t, "  email: a.diallo@example.org\n", "  email: a.diallo@example.org\n  foreigner_number: \"750123456\"\n"), []string{
			"applicant.foreigner_number: found 9 digits, expected the 10 digits of the numéro étranger"}},
		{"foreigner number letters", edit(t, "  email: a.diallo@example.org\n", "  email: a.diallo@example.org\n  foreigner_number: AB01234567\n"), []string{"found characters other than digits"}},
		{"email without a domain dot", edit(t, "a.diallo@example.org", "a.diallo@example"), []string{
			`x.yaml:14:10: applicant.email: found "a.di"…, expected an email address such as name@example.org`}},
		{"email with a space", edit(t, "a.diallo@example.org", "a diallo@example.org"), []string{"applicant.email: found"}},
		{"email without @", edit(t, "a.diallo@example.org", "a.diallo.example.org"), []string{"applicant.email: found"}},

		// ofii_address.
		{"OFII address of 6 lines of 38", edit(t, "", "ofii_address:\n"+strings.Repeat("  - "+strings.Repeat("x", 38)+"\n", 6)), nil},
		{"OFII address of 7 lines", edit(t, "", "ofii_address: [a, b, c, d, e, f, g]\n"), []string{
			"x.yaml:22:34: ofii_address[6]: found more than 6 lines, expected at most 6"}},
		{"OFII address line of 39", edit(t, "", "ofii_address:\n  - "+strings.Repeat("é", 39)+"\n"), []string{
			"x.yaml:23:5: ofii_address[0]: found a line of 39 characters, expected at most 38 (the width of the envelope's window) | hint: split it"}},
		{"OFII address empty line", edit(t, "", "ofii_address: [OFII, '', Paris]\n"), []string{"ofii_address[1]: found an empty line"}},
		{"OFII address empty list", edit(t, "", "ofii_address: []\n"), nil},
		{"OFII address as text", edit(t, "", "ofii_address: OFII Paris\n"), []string{`ofii_address: found "OFII Paris", expected a list of address lines`}},

		// options.
		{"mail margin 0 and 60", edit(t, "", "options: {mail_margin_days: 0}\n"), nil},
		{"mail margin 60", edit(t, "", "options: {mail_margin_days: 60}\n"), nil},
		{"mail margin 61", edit(t, "", "options: {mail_margin_days: 61}\n"), []string{
			`x.yaml:22:29: options.mail_margin_days: found "61", expected a whole number of days from 0 to 60`}},
		{"mail margin negative", edit(t, "", "options: {mail_margin_days: -1}\n"), []string{`found "-1"`}},
		{"mail margin fraction", edit(t, "", "options: {mail_margin_days: 7.5}\n"), []string{`found "7.5"`}},
		{"mail margin words", edit(t, "", "options: {mail_margin_days: sept}\n"), []string{`found "sept"`}},
		{"fees", edit(t, "", "options:\n  fees: {stamp_duty: 30, regularisation_visa: 250.5, regularisation_visa_at_filing: 0}\n"), nil},
		{"fee negative", edit(t, "", "options:\n  fees: {stamp_duty: -5}\n"), []string{
			`options.fees.stamp_duty: found "-5", expected an amount in euros`}},
		{"fee with a comma", edit(t, "", "options:\n  fees: {stamp_duty: \"25,50\"}\n"), []string{`| hint: did you mean "25.50"?`}},
		{"fee not a number", edit(t, "", "options:\n  fees: {stamp_duty: NaN}\n"), []string{`found "NaN"`}},
		{"fee at the bound", edit(t, "", "options:\n  fees: {stamp_duty: 100000}\n"), nil},
		{"fee past the bound", edit(t, "", "options:\n  fees: {stamp_duty: 100000.01}\n"), []string{
			`options.fees.stamp_duty: found "100000.01", expected an amount under 100 000 €`}},
		{"fee that overflows", edit(t, "", "options:\n  fees: {stamp_duty: 1e17}\n"), []string{
			`options.fees.stamp_duty: found "1e17", expected an amount under 100 000 €`}},
		{"zero-width space", edit(t, "given_names: Aminata", `given_names: "Ami\u200Bnata"`), []string{
			`applicant.given_names: found the invisible format character U+200B, expected visible text | hint: remove it`}},
		{"right-to-left override", edit(t, "family_name: DIALLO", `family_name: "\u202EOLLAID"`), []string{
			`applicant.family_name: found the invisible format character U+202E`}},
		{"isolate in a city", edit(t, "city: Saint-Denis", `city: "Saint-Denis\u2066"`), []string{
			`applicant.address.city: found the invisible format character U+2066`}},
		{"name read as a boolean", edit(t, "family_name: DIALLO", "family_name: true"), []string{
			`applicant.family_name: found "true", which YAML reads as a yes/no value, expected the family name as on the passport | hint: put it in quotes: family_name: "true"`}},
		{"name read as a number", edit(t, "given_names: Aminata", "given_names: 1e3"), []string{
			`applicant.given_names: found "1e3", which YAML reads as a number`}},
		{"quoted name is text", edit(t, "family_name: DIALLO", `family_name: "No"`), nil},
		{"binary value", edit(t, "family_name: DIALLO", "family_name: !!binary RElBTExP"), []string{
			`applicant.family_name: found a value tagged !!binary, expected the family name ... | hint: remove the tag`}},
		{"local tag", edit(t, "city: Saint-Denis", "city: !ville Saint-Denis"), []string{
			`applicant.address.city: found a value tagged !ville`}},
		{"month first", edit(t, "arrived_on: 2024-05-02", "arrived_on: 12/13/2025"), []string{
			`situation.arrived_on: found "12/13/2025", which is not a day of the calendar, expected a real date | hint: dates are read day first (DD/MM/YYYY): did you mean "13/12/2025"?`}},
		{"not a day, no swap", edit(t, "arrived_on: 2024-05-02", "arrived_on: 31/02/2025"), []string{
			`situation.arrived_on: found "31/02/2025", which is not a day of the calendar, expected a real date`}},
		{"fee infinite", edit(t, "", "options:\n  fees: {stamp_duty: .inf}\n"), []string{`found ".inf"`}},
		{"fee unknown", edit(t, "", "options:\n  fees: {stamp: 30}\n"), []string{
			`options.fees.stamp: found the unknown key "stamp", expected one of regularisation_visa, regularisation_visa_at_filing, stamp_duty, aps_tax, renewal_tax or late_renewal_visa | hint: did you mean "stamp_duty"?`}},

		// Text the fonts cannot draw, and control characters.
		{"emoji", edit(t, "given_names: Aminata", "given_names: Aminata 😀"), []string{
			`x.yaml:5:16: applicant.given_names: found the character "😀" (U+1F600), which the pack's fonts cannot draw, expected Latin, Greek or Cyrillic letters`}},
		{"Arabic script", edit(t, "family_name: DIALLO", "family_name: ديالو"), []string{"applicant.family_name: found the character \"د\" (U+062F)"}},
		{"Chinese", edit(t, "  city: Saint-Denis", "  city: 巴黎"), []string{"applicant.address.city: found the character \"巴\" (U+5DF4)"}},
		{"tab in text", edit(t, "12 rue des Lilas", `"12\true des Lilas"`), []string{
			"applicant.address.street: found a tab character (U+0009), expected text on one line"}},
		{"line break in text", edit(t, "12 rue des Lilas", `"12 rue\ndes Lilas"`), []string{"applicant.address.street: found a line break, expected text on one line"}},
		{"block text", edit(t, "birth_place: Bamako (Mali)", "birth_place: |\n    Bamako\n    Mali"), []string{"applicant.birth_place: found a line break"}},
		{"control character", edit(t, "12 rue des Lilas", `"12 rue\u0007 des Lilas"`), []string{"found the control character U+0007"}},
		{"OFII address line with an emoji", edit(t, "", "ofii_address: [\"OFII 📮\"]\n"), []string{"ofii_address[0]: found the character \"📮\" (U+1F4EE)"}},
		{"organisation name with an emoji", edit(t, "", "organisation: {name: \"Asso ❤\"}\n"), []string{"organisation.name: found the character \"❤\" (U+2764)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Load("x.yaml", []byte(tc.yaml), today)
			checkProblems(t, err, tc.want)
			if err == nil && f == nil {
				t.Fatal("nil file without problems")
			}
			if err != nil && f != nil {
				t.Fatal("a file with problems")
			}
		})
	}
}

func TestLoadValues(t *testing.T) {
	f, err := Load("x.yaml", []byte(edit(t,
		"nationality: ML", "nationality: ml",
		`"93200"`, "01000",
		"civility: madame", "civility: MADAME",
		"  family_name: DIALLO", "  family_name: \"  DIALLO  \"",
		"  long_stay_visa: false\n", "  long_stay_visa: false\n  polygamy_declaration: false\n  residence_proofs: [visa, visa, Bank_Statements]\n",
		"", "documents_ready: [e_photo, e_photo]\n",
		"", "organisation:\n  name: Asso\n  address: [1 rue A, 75001 Paris]\n",
		"", "options: {fees: {stamp_duty: 30}}\n",
	)), today)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"format", f.Format, FormatV1},
		{"nationality upper-cased", f.Applicant.Nationality, "ML"},
		{"postcode keeps its zero", f.Applicant.Address.Postcode, "01000"},
		{"civility lower-cased", f.Applicant.Civility, Madame},
		{"text trimmed", f.Applicant.FamilyName, "DIALLO"},
		{"polygamy false is no", f.Situation.PolygamyDeclaration, PolygamyNo},
		{"repeats dropped", fmt.Sprint(f.Situation.ResidenceProofs), "[visa bank_statements]"},
		{"documents ready", fmt.Sprint(f.DocumentsReady), "[e_photo]"},
		{"organisation", fmt.Sprint(*f.Organisation), "{Asso [1 rue A 75001 Paris]   }"},
		{"mail margin default", f.Options.MailMarginDays, DefaultMailMarginDays},
		{"fee override", fmt.Sprint(f.Options.Fees), "map[stamp_duty:30]"},
		{"no host", f.Applicant.HostedBy == nil, true},
		{"no sick child", f.Situation.SickChild == nil, true},
		{"birth date", f.Applicant.BirthDate, civil.New(1988, 4, 12)},
		{"filing date", f.Procedure.FiledOn, civil.New(2026, 11, 2)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	// a month alone: its last day counts, by prudence; the first day is kept
	for _, month := range []string{"2019-03", "03/2019"} {
		f, err = Load("x.yaml", []byte(edit(t, "arrived_on: 2024-05-02", "arrived_on: "+month)), today)
		if err != nil {
			t.Fatal(err)
		}
		if s := f.Situation; s.ArrivedOn != civil.New(2019, 3, 31) || !s.ArrivedMonthOnly || s.ArrivalFirstDay() != civil.New(2019, 3, 1) {
			t.Errorf("arrived_on: %s read as %v, month only %v, first day %v", month, s.ArrivedOn, s.ArrivedMonthOnly, s.ArrivalFirstDay())
		}
	}
	f, err = Load("x.yaml", []byte(base), today)
	if err != nil {
		t.Fatal(err)
	}
	if f.Situation.PolygamyDeclaration != PolygamyAuto || f.Options.Fees != nil || f.Organisation != nil {
		t.Errorf("defaults: polygamy %q, fees %v, organisation %v", f.Situation.PolygamyDeclaration, f.Options.Fees, f.Organisation)
	}
}

// TestLoadZeroToday: without a run's date, no date is "in the future".
func TestLoadZeroToday(t *testing.T) {
	if _, err := Load("x.yaml", []byte(edit(t, "2024-05-02", "2099-01-01")), civil.Date{}); err != nil {
		t.Fatal(err)
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	src := `format: ofiipack/v2
applicant:
  civility: madam
  family_name: DIALLO
  given_names: Aminata 😀
  birth_date: 1988-02-30
  birth_place: Bamako
  nationality: XX
  marital_status: married
  adress:
    street: 12 rue des Lilas
identity:
  document: passport
  document: none
situation:
  arrived_on: 2027-01-01
  long_stay_visa: yess
options:
  mail_margin_days: 90
`
	_, err := Load("many.yaml", []byte(src), today)
	want := []string{
		`many.yaml:1:9: format: found "ofiipack/v2", expected exactly ofiipack/v1`,
		`many.yaml:3:3: applicant.address: missing, expected a mapping with the keys`,
		`many.yaml:3:13: applicant.civility: found "madam", expected madame or monsieur | hint: did you mean "madame"?`,
		`many.yaml:5:16: applicant.given_names: found the character "😀" (U+1F600)`,
		`many.yaml:6:15: applicant.birth_date: found "1988-02-30", which is not a day of the calendar`,
		`many.yaml:8:16: applicant.nationality: found "XX"`,
		`many.yaml:10:3: applicant.adress: found the unknown key "adress" ... | hint: did you mean "address"?`,
		`many.yaml:14:3: identity.document: found this key a second time, expected it once (first on line 13)`,
		`many.yaml:16:15: situation.arrived_on: found 2027-01-01, a date in the future`,
		`many.yaml:17:19: situation.long_stay_visa: found "yess", expected true or false | hint: did you mean "true"?`,
		`many.yaml:19:21: options.mail_margin_days: found "90"`,
	}
	checkProblems(t, err, want)
	// The joined error has one line per problem, without hints.
	if got := strings.Count(err.Error(), "\n") + 1; got != len(want) {
		t.Errorf("Error() has %d lines, want %d", got, len(want))
	}
}

// TestLoadDoesNotEchoLongValues: personal data stays out of messages.
func TestLoadDoesNotEchoLongValues(t *testing.T) {
	long := "Quartier Hamdallaye ACI 2000, rue 123, porte 45, Bamako"
	for _, tc := range []struct{ name, yaml string }{
		{"long bad enum", edit(t, "marital_status: married", "marital_status: "+long)},
		{"long text with an emoji", edit(t, "birth_place: Bamako (Mali)", "birth_place: "+long+" 😀")},
		{"foreigner number", edit(t, "  email: a.diallo@example.org\n", "  email: a.diallo@example.org\n  foreigner_number: \"75012345678\"\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load("x.yaml", []byte(tc.yaml), today)
			if err == nil {
				t.Fatal("no problem")
			}
			msg := err.Error()
			if strings.Contains(msg, long) || strings.Contains(msg, "hamdallaye ACI 2000, rue 123, porte 45") || strings.Contains(msg, "75012345678") {
				t.Errorf("message echoes the value: %s", msg)
			}
		})
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"full", Problem{File: "a.yaml", Line: 7, Column: 14, Field: "applicant.nationality", Message: msg.Raw("found x"), Hint: msg.Raw("h")}, "a.yaml:7:14: applicant.nationality: found x"},
		{"no field", Problem{File: "a.yaml", Line: 1, Column: 1, Message: msg.Raw("the file is empty")}, "a.yaml:1:1: the file is empty"},
		{"no column", Problem{File: "a.yaml", Line: 3, Message: msg.Raw("m")}, "a.yaml:3: m"},
		{"no position", Problem{File: "a.yaml", Message: msg.Raw("m")}, "a.yaml: m"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.Error(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	ps := Problems{tests[0].p, tests[1].p}
	if got, want := ps.Error(), tests[0].want+"\n"+tests[1].want; got != want {
		t.Errorf("Problems.Error() = %q, want %q", got, want)
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"XX", `"XX"`},
		{strings.Repeat("é", 40), `"` + strings.Repeat("é", 40) + `"`},
		{strings.Repeat("é", 41), `"` + strings.Repeat("é", 40) + `"…`},
		{"a\tb", `"a\tb"`},
	}
	for _, tc := range tests {
		if got := quote(tc.in); got != tc.want {
			t.Errorf("quote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"family_name", "given_names", "birth_date", "address"}
	tests := []struct{ in, want string }{
		{"famly_name", "family_name"},
		{"FamilyName", "family_name"},
		{"given-names", "given_names"},
		{"birht_date", "birth_date"}, // two letters swapped
		{"adress", "address"},
		{"phone", ""},
		{"", ""},
		{"x", ""},
	}
	for _, tc := range tests {
		if got := Nearest(tc.in, keys); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

package applicant

import (
	"testing"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// TestVisaFeesConsistent: the part of the regularisation visa collected at
// filing may not exceed the whole visa, each override checked against the
// other's, or against the amount in force on the run's date (300 €, of
// which 100 € at filing, on 22/11/2026); the error names both fields.
func TestVisaFeesConsistent(t *testing.T) {
	for _, tc := range []struct{ fees, want string }{
		{"{regularisation_visa: 300, regularisation_visa_at_filing: 300}", ""},
		{"{regularisation_visa: 300, regularisation_visa_at_filing: 300.01}", "options.fees.regularisation_visa_at_filing: found 300.01 €, more than the whole regularisation visa, options.fees.regularisation_visa (300 €), expected the part collected at filing to be at most the whole visa | hint: the part collected"},
		{"{regularisation_visa: 10, regularisation_visa_at_filing: 5000}", "options.fees.regularisation_visa_at_filing: found 5000 €, more than the whole regularisation visa, options.fees.regularisation_visa (10 €)"},
		{"{regularisation_visa_at_filing: 300}", ""},
		{"{regularisation_visa_at_filing: 300.01}", "options.fees.regularisation_visa_at_filing: found 300.01 €, more than the whole regularisation visa, options.fees.regularisation_visa (300 € in force on 2026-11-22)"},
		{"{regularisation_visa: 100}", ""},
		{"{regularisation_visa: 99.99}", "options.fees.regularisation_visa: found 99.99 €, less than the part of it collected at filing, options.fees.regularisation_visa_at_filing (100 € in force on 2026-11-22), expected the whole visa to be at least that part"},
		{"{stamp_duty: 12.345}", "options.fees.stamp_duty: found \"12.345\", expected euros with at most two decimals (cents)"},
		{"{stamp_duty: 12.5, aps_tax: .5, renewal_tax: 25.}", ""},
		{"{stamp_duty: 1e3}", "options.fees.stamp_duty: found \"1e3\", expected an amount in euros"},
	} {
		_, err := Load("f.yaml", []byte(edit(t, "", "options:\n  fees: "+tc.fees+"\n")), today)
		if tc.want == "" {
			checkProblems(t, err, nil)
			continue
		}
		checkProblems(t, err, []string{tc.want})
	}
}

// TestVisaFeesInFrench: the message names both fields in French too.
func TestVisaFeesInFrench(t *testing.T) {
	_, err := Load("f.yaml", []byte(edit(t, "", "options:\n  fees: {regularisation_visa: 10, regularisation_visa_at_filing: 5000}\n")), today)
	ps := problemsOf(t, err)
	want := "trouvé 5000 €, plus que le visa de régularisation entier, options.fees.regularisation_visa (10 €), attendu une part perçue au dépôt qui ne dépasse pas le visa entier"
	if got := ps[0].Message.In(msg.French); got != want {
		t.Errorf("in French: %q, want %q", got, want)
	}
}

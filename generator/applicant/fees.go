package applicant

import (
	"io/fs"
	"regexp"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/templates"
)

// The regularisation visa (CESEDA L. 436-4) is one fee of which a part,
// not refunded, is collected when the application is made (SPEC §2,
// "Fees"): options.fees may override either amount, and the two must
// stay consistent — « 10 € dont 5 000 € perçus » is no fee. An override
// of one is checked against the other's override, or against the amount
// in force on the run's date, read from the fee table the plan prints
// (templates/data/fees.yaml).

// amountPattern is an amount as options.fees takes it: euros, with at most
// two decimals (cents): 25, 12.50, 12.5, .5, 25.
var amountPattern = regexp.MustCompile(`^([0-9]+(\.[0-9]{0,2})?|\.[0-9]{1,2})$`)

// manyDecimals is an amount written with more decimals than cents.
var manyDecimals = regexp.MustCompile(`^[0-9]*\.[0-9]{3,}$`)

// visaFee is the regularisation visa of one period of the fee table.
type visaFee struct {
	from             *civil.Date
	amount, atFiling float64
}

// visaFees reads the regularisation visa of each period of the fee table.
var visaFees = sync.OnceValue(func() []visaFee {
	data, err := fs.ReadFile(templates.FS, "data/fees.yaml")
	if err != nil {
		panic("applicant: " + err.Error()) // embedded: a broken build
	}
	var table struct {
		Periods []struct {
			From *civil.Date `yaml:"from"`
			Fees []struct {
				Override    string  `yaml:"override"`
				AmountEUR   float64 `yaml:"amount_eur"`
				AtFilingEUR float64 `yaml:"at_filing_eur"`
			} `yaml:"fees"`
		} `yaml:"periods"`
	}
	if err := yaml.Unmarshal(data, &table); err != nil {
		panic("applicant: data/fees.yaml: " + err.Error())
	}
	var out []visaFee
	for _, p := range table.Periods {
		for _, f := range p.Fees {
			if f.Override == feeVisa {
				out = append(out, visaFee{p.From, f.AmountEUR, f.AtFilingEUR})
			}
		}
	}
	return out
})

// The keys of options.fees for the visa and its part collected at filing.
const (
	feeVisa         = "regularisation_visa"
	feeVisaAtFiling = "regularisation_visa_at_filing"
)

// visaInForce returns the regularisation visa in force on day: the last
// period that starts on or before it, as the plan reads the table.
func visaInForce(day civil.Date) (visaFee, bool) {
	var in visaFee
	found := false
	for _, v := range visaFees() {
		if v.from == nil || !v.from.After(day) {
			in, found = v, true
		}
	}
	return in, found
}

// checkVisaFees reports an override of the visa or of its part collected
// at filing that makes the part larger than the whole, naming both fields.
func (m *mapping) checkVisaFees(fees map[string]float64) {
	visa, hasVisa := fees[feeVisa]
	atFiling, hasAtFiling := fees[feeVisaAtFiling]
	if !hasVisa && !hasAtFiling {
		return
	}
	if !hasVisa || !hasAtFiling {
		inForce, ok := visaInForce(m.d.today)
		if m.d.today.IsZero() || !ok {
			return
		}
		if !hasVisa {
			visa = inForce.amount
		} else {
			atFiling = inForce.atFiling
		}
	}
	if atFiling <= visa {
		return
	}
	euros := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	path := join(m.path, feeVisaAtFiling)
	switch {
	case hasVisa && hasAtFiling:
		m.d.add(m.valueAt(feeVisaAtFiling), path, x("fee.at_filing_over_visa", euros(atFiling), join(m.path, feeVisa), euros(visa)), x("hint.fee_at_filing"))
	case hasAtFiling:
		m.d.add(m.valueAt(feeVisaAtFiling), path, x("fee.at_filing_over_visa_in_force", euros(atFiling), join(m.path, feeVisa), euros(visa), m.d.today), x("hint.fee_at_filing"))
	default:
		m.d.add(m.valueAt(feeVisa), join(m.path, feeVisa), x("fee.visa_under_at_filing_in_force", euros(visa), path, euros(atFiling), m.d.today), x("hint.fee_at_filing"))
	}
}

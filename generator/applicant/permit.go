package applicant

import (
	"strings"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// Kinds of the residence document held now (SPEC §1, current_permit): the
// one a renewal application renews.
const (
	// PermitCard is the carte de séjour temporaire « vie privée et
	// familiale » of CESEDA L. 425-9, one year.
	PermitCard = "card"
	// PermitMultiYear is the carte de séjour pluriannuelle with the same
	// mention (CESEDA L. 433-4).
	PermitMultiYear = "multi_year_card"
	// PermitAlgerian is the certificat de résidence of art. 6, 7° of the
	// Franco-Algerian agreement of 27 December 1968.
	PermitAlgerian = "algerian_certificate"
	// PermitAPS is the autorisation provisoire de séjour of the parent of
	// a sick child (CESEDA L. 425-10).
	PermitAPS = "aps"
)

// Permit is the residence document held now: set, it makes the file a
// renewal (SPEC §2, "Renewal"), and procedure describes the renewal
// application.
type Permit struct {
	Kind      string
	ExpiresOn civil.Date // the last day of validity; may lie in the past (a late renewal)
	IssuedOn  civil.Date // zero when not given
}

var (
	permitKeys  = newKeySet("kind", "expires_on", "issued_on")
	permitKinds = wordsEnum("permit_kind", PermitCard, PermitMultiYear, PermitAlgerian, PermitAPS)
)

// permitYearsAhead bounds current_permit.expires_on: no permit of these
// kinds lasts 10 years (a one-year card, a multi-year card for the length
// of care, an APS of 6 months at most); a later date is a typo.
const permitYearsAhead = 10

// currentPermit decodes current_permit and checks it against the file
// (SPEC §1): the kind fits the route and the basis, the expiry is not more
// than 10 years ahead, the issue date does not follow the expiry.
func (d *decoder) currentPermit(m *mapping, f *File) *Permit {
	p := &Permit{
		Kind:      m.enum("kind", true, &permitKinds),
		ExpiresOn: m.date("expires_on", true, false),
		IssuedOn:  m.date("issued_on", false, true),
	}
	if p.Kind != "" {
		d.permitFits(m, p.Kind, f)
	}
	if !p.ExpiresOn.IsZero() && !d.today.IsZero() {
		if limit := d.today.AddYears(permitYearsAhead); p.ExpiresOn.After(limit) {
			d.add(m.valueAt("expires_on"), "current_permit.expires_on",
				x("permit.too_far", p.ExpiresOn, limit), x("hint.check_year"))
			p.ExpiresOn = civil.Date{}
		}
	}
	if !p.IssuedOn.IsZero() && !p.ExpiresOn.IsZero() && p.IssuedOn.After(p.ExpiresOn) {
		d.add(m.valueAt("issued_on"), "current_permit.issued_on",
			x("permit.issued_after_expiry", p.IssuedOn, p.ExpiresOn), x("permit.hint_dates"))
	}
	return p
}

// permitFits reports a kind that does not fit the file's route and basis:
// the APS of L. 425-10 is the parent of a sick child's (situation.sick_child
// set); an Algerian national holds the certificat de résidence of the 1968
// agreement; anyone else the card of L. 425-9 or its multi-year card. A
// check that depends on a field the loader refused is left out.
func (d *decoder) permitFits(m *mapping, kind string, f *File) {
	child := f.Situation.SickChild != nil
	nat := f.Applicant.Nationality
	algerian := strings.EqualFold(nat, "DZ")
	var why msg.Text
	switch {
	case kind == PermitAPS && !child:
		why = x("permit.aps_needs_child")
	case kind != PermitAPS && child:
		why = x("permit.child_needs_aps")
	case kind == PermitAlgerian && nat != "" && !algerian:
		why = x("permit.algerian_needs_dz", nat)
	case (kind == PermitCard || kind == PermitMultiYear) && algerian:
		why = x("permit.dz_needs_algerian")
	default:
		return
	}
	var fits msg.Text
	switch {
	case child:
		fits = msg.Raw(PermitAPS)
	case algerian:
		fits = msg.Raw(PermitAlgerian)
	default:
		fits = x("expect.either", msg.Or{PermitCard, PermitMultiYear})
	}
	d.add(m.valueAt("kind"), "current_permit.kind", x("permit.kind_mismatch", quote(kind), why, fits), noHint)
}

package render

import (
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
)

// m is the data of a wording template.
type m = map[string]any

// fullName is "Aminata DIALLO": given names, then the family name as the
// file writes it (upper case by convention).
func fullName(given, family string) string {
	return strings.TrimSpace(strings.TrimSpace(given) + " " + strings.TrimSpace(family))
}

func applicantName(f *applicant.File) string {
	return fullName(f.Applicant.GivenNames, f.Applicant.FamilyName)
}

// civility returns the words of a civility (madame, monsieur, or unknown).
func (w *wording) civility(c string) civilityWords {
	cw, ok := w.Common.Civility[c]
	if !ok {
		cw = w.Common.Civility["unknown"]
	}
	return cw
}

// orDots returns s, or a dotted line to fill in by hand when s is empty.
func (w *wording) orDots(s string) string {
	if strings.TrimSpace(s) == "" {
		return w.Common.Dotted
	}
	return s
}

// dateOrDots returns d in words, or a dotted line when d is unknown.
func (w *wording) dateOrDots(d civil.Date) string {
	if d.IsZero() {
		return w.Common.DottedShort
	}
	return french.Date(d)
}

// postalLines returns the applicant's postal address, one line each.
func postalLines(a applicant.Address, withCareOf bool) []string {
	var lines []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			lines = append(lines, s)
		}
	}
	if withCareOf {
		add(a.CareOf)
	}
	add(a.Street)
	add(a.Extra)
	add(strings.TrimSpace(a.Postcode + " " + a.City))
	return lines
}

// addressLine is the address in one line, as prose prints it.
func addressLine(a applicant.Address) string {
	return strings.Join(postalLines(a, false), ", ")
}

// signingCity is where the documents are signed.
func signingCity(f *applicant.File) string {
	if s := strings.TrimSpace(f.Options.SigningCity); s != "" {
		return s
	}
	return f.Applicant.Address.City
}

// personData is the template data about the applicant that every document
// uses.
func (c *canvas) personData(w *wording, f *applicant.File, today civil.Date) m {
	cw := w.civility(f.Applicant.Civility)
	var nat string
	switch {
	case strings.TrimSpace(f.Applicant.NationalityLabel) != "":
		nat = c.fill(w.Common.Nationality, m{"Label": f.Applicant.NationalityLabel})
	default:
		nat = c.fill(w.Common.NationalityCountry, m{"E": cw.E, "Country": countryName(f.Applicant.Nationality)})
	}
	return m{
		"Name":        applicantName(f),
		"Civility":    cw.Long,
		"Short":       cw.Short,
		"E":           cw.E,
		"BirthDate":   w.dateOrDots(f.Applicant.BirthDate),
		"BirthPlace":  w.orDots(f.Applicant.BirthPlace),
		"Nationality": nat,
		"Address":     w.orDots(addressLine(f.Applicant.Address)),
		"City":        w.orDots(signingCity(f)),
		"Today":       french.Date(today),
	}
}

// countryName is the French name of an ISO code, or the code itself.
func countryName(code string) string {
	if n := applicant.CountryName(code); n != "" {
		return n
	}
	return code
}

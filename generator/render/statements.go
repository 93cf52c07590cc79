package render

import (
	"strings"

	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// Type of the honour statements: larger than the body, widely spaced, so
// that they read as formal documents and leave room for hand corrections.
const (
	sizeStatement = 11.5
	leadStatement = 7.2
)

// nonPolygamy draws the declaration on honour of non-polygamy (service-public.fr F17164; CESEDA L. 412-6),
// filled with what the file knows.
func (d *docData) nonPolygamy() {
	c, w := d.c, &d.w.Statements.NonPolygamy
	d.begin(plan.DocNonPolygamyDeclaration, w.Document)
	d.statementTitle(w.Title, w.Subtitle)
	for _, s := range []string{w.Identity, w.Born, w.Nationality, w.Address} {
		d.statementLine(styleRegular, c.fill(s, d.person))
	}
	c.y += leadStatement / 2
	d.statementLine(styleBold, c.fill(w.Statement, d.person))
	c.y += leadStatement / 2
	d.statementLine(styleRegular, c.fill(w.Purpose.of(d.p), d.person))
	d.signature(d.w.Statements.Signature, d.person["E"].(string))
}

// hostAttestation draws the host's attestation (hébergement), to be
// completed and signed by the person who hosts the applicant.
func (d *docData) hostAttestation() {
	c, w := d.c, &d.w.Statements.Host
	d.begin(plan.DocHostAttestation, w.Document)
	d.statementTitle(w.Title, w.Subtitle)
	h := d.f.Applicant.HostedBy
	var host m
	if h != nil {
		cw := d.w.civility(h.Civility)
		host = m{"Name": d.w.orDots(fullName(h.GivenNames, h.FamilyName)), "Short": cw.Short, "E": cw.E,
			// The file does not hold the host's birth: lines to fill in.
			"BirthDate": d.w.Common.DottedShort, "BirthPlace": d.w.Common.Dotted,
			"Address": d.person["Address"], "Since": d.w.dateOrDots(h.Since)}
	} else {
		cw := d.w.civility("")
		dots := d.w.Common.Dotted
		host = m{"Name": dots, "Short": cw.Short, "E": cw.E, "BirthDate": d.w.Common.DottedShort,
			"BirthPlace": dots, "Address": dots, "Since": d.w.Common.DottedShort}
	}
	guest := m{"GuestShort": d.person["Short"], "Guest": d.person["Name"], "GuestE": d.person["E"],
		"GuestBirthDate": d.person["BirthDate"], "GuestBirthPlace": d.person["BirthPlace"]}
	for _, s := range []string{w.Identity, w.Born, w.Address} {
		d.statementLine(styleRegular, c.fill(s, host))
	}
	c.y += leadStatement / 2
	d.statementLine(styleBold, c.fill(w.Statement, guest))
	d.statementLine(styleBold, c.fill(w.Since, host))
	c.y += leadStatement / 2
	d.statementLine(styleRegular, c.fill(w.Enclosed, host))
	d.signature(d.w.Statements.SignatureHost, host["E"].(string))
}

// statementTitle draws a statement's centred title.
func (d *docData) statementTitle(title, subtitle string) {
	c := d.c
	c.y = marginTop + 12
	c.setInk(colAccent)
	c.para(marginLeft, contentWidth, 10, 20, alignCenter, plain(styleBold, c.fill(title, nil)))
	c.para(marginLeft, contentWidth, 7, 13, alignCenter, plain(styleRegular, c.fill(subtitle, nil)))
	c.setInk(colInk)
	c.y += 18
}

// statementLine draws one clause of a statement.
func (d *docData) statementLine(style, s string) {
	d.c.para(marginLeft+8, contentWidth-16, leadStatement, sizeStatement, alignLeft, plain(style, squeeze(s)))
}

// squeeze removes the double spaces an empty field leaves ("M.  Name").
func squeeze(s string) string {
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return strings.TrimSpace(s)
}

// signature draws "Fait à …, le …", the signature box, and the reminder
// that a false statement is punishable (code pénal, art. 441-7).
func (d *docData) signature(label, e string) {
	c, w := d.c, &d.w.Statements
	c.y += 10
	x := marginLeft + contentWidth - 80
	c.line(x, c.y, 80, leadStatement, styleRegular, sizeStatement, alignLeft,
		c.fill(w.PlaceDate, m{"City": d.person["City"], "Date": french.Date(d.p.Today)}))
	c.y += leadStatement + 3
	const boxH = 38.0
	c.setDraw(colInk)
	c.pdf.SetLineWidth(0.3)
	c.rect(x, c.y, 80, boxH, "D")
	c.pdf.SetLineWidth(0.2)
	c.record("signature_box", x, c.y, 80, boxH)
	c.setInk(colMuted)
	c.line(x+2, c.y+1, 76, leadSmall, styleRegular, sizeSmall, alignLeft, c.fill(label, m{"E": e}))
	c.setInk(colInk)

	// The reminder sits at the foot of the page.
	text := c.fill(w.Penalty.of(d.p), nil)
	h := c.paraHeight(contentWidth-8, leadSmall, sizeSmall, []span{plain(styleRegular, text)})
	y := contentBottom - h - 6
	c.setFill(colShade)
	c.rect(marginLeft, y, contentWidth, h+4, "F")
	c.paraAt(marginLeft+4, y+2, contentWidth-8, leadSmall, sizeSmall, alignLeft, plain(styleRegular, text))
	c.y = contentBottom
}

package render

import (
	"errors"
	"fmt"
	"io"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// Pack writes the whole printable pack of f as one PDF: the documents of
// p.Documents in that order (checklist, notice in the applicant's language, cover letter, non-polygamy
// declaration, host's attestation, calendar), each with its bookmark and its
// own "page X / Y" numbering. org is the organisation that prepared the
// pack (may be nil); it is printed on the checklist, never on the letter.
// The same input gives the same bytes.
func Pack(w io.Writer, f *applicant.File, p *plan.Plan, org *applicant.Organisation) error {
	_, err := pack(w, f, p, org, p.Documents)
	return err
}

// Letter writes the cover letter to the OFII medical service alone: one page.
func Letter(w io.Writer, f *applicant.File, p *plan.Plan) error {
	_, err := pack(w, f, p, nil, []string{plan.DocCoverLetter})
	return err
}

// PackPages is Pack, and returns the number of pages written: what the
// command line tells the user.
func PackPages(w io.Writer, f *applicant.File, p *plan.Plan, org *applicant.Organisation) (int, error) {
	l, err := pack(w, f, p, org, p.Documents)
	if err != nil {
		return 0, err
	}
	return len(l.Pages), nil
}

// LetterPages is Letter, and returns the number of pages written.
func LetterPages(w io.Writer, f *applicant.File, p *plan.Plan) (int, error) {
	l, err := pack(w, f, p, nil, []string{plan.DocCoverLetter})
	if err != nil {
		return 0, err
	}
	return len(l.Pages), nil
}

// pack renders docs and returns the record of what it drew.
func pack(w io.Writer, f *applicant.File, p *plan.Plan, org *applicant.Organisation, docs []string) (*layout, error) {
	if f == nil || p == nil {
		return nil, errors.New("render: missing applicant file or plan")
	}
	if len(docs) == 0 {
		return nil, errors.New("render: the plan lists no document")
	}
	words, err := loadWording()
	if err != nil {
		return nil, err
	}
	c, err := newCanvas(p.Today, "")
	if err != nil {
		return nil, err
	}
	permit, err := plan.PermitOf(p.Basis)
	if err != nil {
		return nil, err
	}
	if org == nil {
		org = f.Organisation
	}
	d := &docData{c: c, w: words, f: f, p: p, org: org, person: c.personData(words, f, p.Today)}
	// what the wording needs of the legal basis (SPEC §3: the permit named
	// exactly; an APS is never a « titre de séjour »)
	d.person["APS"] = p.Route == plan.RouteAPSParent
	d.person["Algerian"] = p.Basis == plan.BasisFrancoAlgerian
	d.person["PermitTitle"] = permit.Title
	d.person["Fees"] = len(p.Fees) > 0
	// a renewal names the permit held (SPEC §2, "Renewal")
	d.person["Renewal"], d.person["Held"], d.person["HeldUntil"] = false, "", ""
	if cp := f.CurrentPermit; cp != nil {
		held, err := plan.HeldPermitOf(cp.Kind)
		if err != nil {
			return nil, err
		}
		d.person["Renewal"], d.person["Held"], d.person["HeldUntil"] = true, held.Name, french.Date(cp.ExpiresOn)
	}
	c.pdf.SetTitle(c.fill(words.Common.PDFTitle, d.person), true)
	for _, doc := range docs {
		switch doc {
		case plan.DocChecklist:
			d.checklist()
		case plan.DocApplicantNotice:
			d.applicantNotice()
		case plan.DocCoverLetter:
			d.letter()
		case plan.DocReasonsRequestLetter:
			d.reasonsLetter()
		case plan.DocNonPolygamyDeclaration:
			d.nonPolygamy()
		case plan.DocHostAttestation:
			d.hostAttestation()
		case plan.DocCalendar:
			d.calendar()
		default:
			return nil, fmt.Errorf("render: unknown document %q", doc)
		}
	}
	c.finish(func(n, total int) string {
		return c.fill(words.Common.Page, m{"Page": n, "Pages": total})
	})
	if err := c.output(w); err != nil {
		return nil, err
	}
	return c.rec, nil
}

// docData is what every document renderer reads.
type docData struct {
	c      *canvas
	w      *wording
	f      *applicant.File
	p      *plan.Plan
	org    *applicant.Organisation
	person m
}

// begin starts a document: bookmark, footer, running head of next pages.
func (d *docData) begin(id, title string) {
	c := d.c
	footer := c.fill(d.w.Common.Footer, m{"Document": title, "Name": d.person["Name"]})
	if id == plan.DocCoverLetter || id == plan.DocReasonsRequestLetter {
		footer = "" // a letter to an administration carries its page number only
	}
	c.startDoc(id, title, footer)
	running := c.fill(d.w.Common.Continued, m{"Document": title, "Name": d.person["Name"]})
	c.continued = func() {
		c.setInk(colMuted)
		c.line(marginLeft, c.y, contentWidth, leadSmall, styleRegular, sizeSmall, alignLeft, running)
		c.setDraw(colRule)
		c.hline(marginLeft, pageWidth-marginRight, c.y+leadSmall+0.5)
		c.setInk(colInk)
		c.y += leadSmall + 4
	}
}

// title draws a document's title block: title, optional subtitle lines.
func (d *docData) title(title string, subtitles ...string) {
	c := d.c
	c.setInk(colAccent)
	c.para(marginLeft, contentWidth, leadTitle, sizeTitle, alignLeft, plain(styleBold, title))
	c.setInk(colInk)
	for i, s := range subtitles {
		if s == "" {
			continue
		}
		style, size, lead := styleRegular, sizeSubtitle, 5.6
		if i > 0 {
			style, size, lead = styleRegular, sizeSmall, leadSmall
			c.setInk(colMuted)
		}
		c.para(marginLeft, contentWidth, lead, size, alignLeft, plain(style, s))
	}
	c.setInk(colInk)
	c.y += 2
	c.setDraw(colAccent)
	c.pdf.SetLineWidth(0.5)
	c.hline(marginLeft, pageWidth-marginRight, c.y)
	c.pdf.SetLineWidth(0.2)
	c.y += 5
}

// heading draws a section heading, keeping it with at least keep mm of
// what follows.
func (d *docData) heading(s string, keep float64) {
	c := d.c
	c.need(leadHeading + 2 + keep)
	c.y += 1.5
	c.setInk(colAccent)
	c.para(marginLeft, contentWidth, leadHeading, sizeHeading, alignLeft, plain(styleBold, s))
	c.setInk(colInk)
	c.y += 1.5
}

// bullet draws a bulleted paragraph; the bullet is a small drawn disc
// (the fonts have no U+25CF).
func (d *docData) bullet(x float64, spans ...span) {
	c := d.c
	const indent = 5.0
	h := c.paraHeight(contentWidth-(x-marginLeft)-indent, leadBody, sizeBody, spans)
	c.need(min(h, 3*leadBody))
	c.setFill(colAccent)
	c.pdf.Circle(x+1.4, c.y+leadBody/2+0.1, 0.7, "F")
	c.para(x+indent, contentWidth-(x-marginLeft)-indent, leadBody, sizeBody, alignLeft, spans...)
}

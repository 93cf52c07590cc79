package render

import (
	"strings"

	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// letterBlock is a part of the letter's body, measured before it is drawn
// so that the letter always fits on one page.
type letterBlock struct {
	label  string // drawn in bold at the left margin, on the block's first line
	spans  []span
	indent float64 // left indent (mm)
	align  align
	before float64 // space above, in lines
	cut    bool    // may be shortened with "…" when nothing else lets the letter fit (fit.go)
}

// letterSizes are the type sizes a letter's body may take, from the
// largest: long names and addresses shrink it.
var letterSizes = []float64{10, 9.5, 9, 8.5, 8, 7.5, 7}

// letter draws the cover letter to the OFII medical service: one page, for
// a DL window envelope folded in three (NF Z 11-001). No medical
// information: the schema has none, and the letter says only that the
// certificate is enclosed under sealed cover.
func (d *docData) letter() {
	w := d.w.Letter
	d.begin(plan.DocCoverLetter, w.Document)
	d.foldMarks()
	d.letterSender()
	d.letterRecipient(d.f.OFIIAddress, w.AddressUnknown)
	d.letterBody(d.letterBlocks(), w.Signature, 0)
}

// foldMarks draws the fold marks in the left margin, where they show on
// the sheet but not through the window.
func (d *docData) foldMarks() {
	c := d.c
	c.setDraw(colMuted)
	c.pdf.SetLineWidth(0.25)
	for _, y := range []float64{foldMark1, foldMark2} {
		c.hline(4, 4+foldMarkLen, y)
		c.record("fold_mark", 4, y, foldMarkLen, 0)
	}
	c.pdf.SetLineWidth(0.2)
}

// letterBody draws a letter's body, from below the window to the
// signature, at the largest size that fits the page with reserve mm left
// below the name (long names and addresses shrink it), then the space to
// sign and the name; when even the smallest size does not fit, the
// blocks that may be cut are shortened (fit.go).
func (d *docData) letterBody(blocks []letterBlock, signature string, reserve float64) {
	c := d.c
	const signatureSpace = 30.0
	sigWidth := contentWidth * 0.45
	paras := make([]fitPara, 0, len(blocks)+1)
	for _, b := range blocks {
		paras = append(paras, fitPara{spans: b.spans, w: contentWidth - b.indent, before: b.before, cut: b.cut})
	}
	paras = append(paras, fitPara{spans: []span{plain(styleBold, d.person["Name"].(string))}, w: sigWidth, cut: true})
	f := c.fit(paras, contentBottom-letterBodyTop-signatureSpace-reserve, letterSizes, leadBody/sizeBody)
	size, lead := f.size, f.lead
	draw := func(x float64, i int, a align) {
		for _, ln := range f.lines[i] {
			c.drawWrapped(x, c.y, paras[i].w, lead, size, a, ln)
			c.y += lead
		}
	}
	c.y = letterBodyTop
	for i, b := range blocks {
		c.y += b.before * lead
		if b.label != "" {
			c.line(marginLeft, c.y, b.indent, lead, styleBold, size, alignLeft, b.label)
		}
		draw(marginLeft+b.indent, i, b.align)
	}

	// Signature: the space to sign, then the name.
	x := marginLeft + contentWidth*0.55
	c.y += lead
	c.setInk(colMuted)
	c.line(x, c.y, sigWidth, lead, styleRegular, sizeSmall, alignLeft, c.fill(signature, nil))
	c.setInk(colInk)
	c.y += signatureSpace - 2*lead
	draw(x, len(blocks), alignLeft)
}

// letterSender draws the sender block, top left, clear of the window and
// above the body: long lines wrap, and shrink the type, and when even the
// smallest does not fit, each line is shortened (fit.go).
func (d *docData) letterSender() {
	c, w, a := d.c, d.w.Letter, d.f.Applicant
	const width = windowLeft - marginLeft - 5
	lines := []span{plain(styleBold, d.person["Name"].(string))}
	for _, l := range postalLines(a.Address, true) {
		lines = append(lines, plain(styleRegular, l))
	}
	if a.Phone != "" {
		lines = append(lines, plain(styleRegular, c.fill(w.Phone, m{"Phone": a.Phone})))
	}
	if a.Email != "" {
		lines = append(lines, plain(styleRegular, c.fill(w.Email, m{"Email": a.Email})))
	}
	if a.ForeignerNumber != "" {
		lines = append(lines, plain(styleRegular, c.fill(w.ForeignerNumber, m{"Number": a.ForeignerNumber})))
	}
	paras := make([]fitPara, len(lines))
	for i, l := range lines {
		paras[i] = fitPara{spans: []span{l}, w: width, cut: true}
	}
	f := c.fit(paras, letterBodyTop-2-letterSenderTop, []float64{9.5, 9, 8.5, 8, 7.5, 7}, 4.4/9.5)
	y := letterSenderTop
	for i := range paras {
		for _, ln := range f.lines[i] {
			c.drawWrapped(marginLeft, y, width, f.lead, f.size, alignLeft, ln)
			y += f.lead
		}
	}
}

// letterRecipient draws the recipient's address (the OFII medical
// service's, the prefecture's) inside the window, or a framed blank box to
// write it in by hand, empty, with the instruction unknown below the window.
func (d *docData) letterRecipient(address []string, unknown string) {
	c := d.c
	x, top := windowLeft+windowPad, windowTop+windowPad
	width, height := windowWidth-2*windowPad, windowHeight-2*windowPad
	var lines []string
	for _, l := range address {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		c.setDraw(colInk)
		c.pdf.SetLineWidth(0.3)
		c.rect(x-2, top-2, width+4, height+4, "D")
		c.pdf.SetLineWidth(0.2)
		c.record("blank_address", x-2, top-2, width+4, height+4)
		// the instruction stands just below the window, never inside it:
		// what is inside shows through the envelope (SPEC §3)
		c.setInk(colMuted)
		c.paraAt(windowLeft, windowTop+windowHeight+0.8, windowWidth, leadTiny, sizeTiny, alignLeft,
			plain(styleRegular, c.fill(unknown, nil)))
		c.setInk(colInk)
		return
	}
	// Shrink the type until the longest line fits the window's width, and
	// the lines its height (six lines of 38 capitals fit at 10 pt).
	size := sizeBody
	for size > 7 {
		fits := float64(len(lines))*size*0.5 <= height
		for i, l := range lines {
			st := styleRegular
			if i == 0 {
				st = styleBold // as it is drawn
			}
			if c.width(st, size, l) > width {
				fits = false
			}
		}
		if fits {
			break
		}
		size -= 0.5
	}
	lead := size * 0.5
	for i, l := range lines {
		st := styleRegular
		if i == 0 {
			st = styleBold
		}
		c.line(x, top+float64(i)*lead, width, lead, st, size, alignLeft, l)
	}
}

// letterBlocks is the letter's body, from the place and date to the
// closing formula.
func (d *docData) letterBlocks() []letterBlock {
	c, w, f := d.c, d.w.Letter, d.f
	child := ""
	if sc := f.Situation.SickChild; sc != nil {
		child = fullName(sc.GivenNames, sc.FamilyName)
	}
	renewal, _ := d.person["Renewal"].(bool)
	number := strings.TrimSpace(f.Procedure.RegisteredMailNumber)
	if number == "" {
		number = d.w.Common.Dotted
	}
	placeDate := c.fill(w.PlaceDate, m{"City": d.person["City"], "Date": french.Date(d.p.Today)})
	registered := c.fill(w.RegisteredMail, m{"Number": number})
	subject := c.fill(w.SubjectLabel, nil) + d.letterSubject(child, renewal)
	bs := []letterBlock{
		{spans: []span{plain(styleRegular, placeDate)}, align: alignRight},
		{spans: []span{plain(styleRegular, registered)}, before: 1.2, cut: true},
		{spans: []span{plain(styleBold, subject)}, before: 1},
	}
	bs = append(bs, d.letterReferences(child, renewal)...)
	return append(bs, d.letterParagraphs(child, renewal)...)
}

// letterSubject words the letter's subject: the card for care (L. 425-9),
// the Algerian residence certificate (1968 agreement, art. 6, 7°) or the
// APS of a sick child's parent (L. 425-10).
func (d *docData) letterSubject(child string, renewal bool) string {
	w, p := d.w.Letter, d.p
	subject := w.Subject.Card
	switch {
	case p.Route == plan.RouteAPSParent:
		subject = w.Subject.APSParent
	case p.Basis == plan.BasisFrancoAlgerian:
		subject = w.Subject.FrancoAlgerian
	}
	return d.c.fill(subject, m{"Child": child, "Renewal": renewal})
}

// letterReferences lays out the references, each a block that may be
// cut, hanging from their label: "Références : line 1 / line 2 …".
func (d *docData) letterReferences(child string, renewal bool) []letterBlock {
	c := d.c
	refs := d.referenceLines(child, renewal) // never empty: the applicant's comes first
	label := c.fill(d.w.Letter.ReferencesLabel, nil)
	indent := c.width(styleBold, sizeBody, label) + 1
	bs := make([]letterBlock, 0, len(refs))
	for _, r := range refs {
		bs = append(bs, letterBlock{spans: []span{plain(styleRegular, r)}, indent: indent, cut: true})
	}
	bs[0].label, bs[0].before = label, 0.5
	return bs
}

// referenceLines words what identifies the application: the applicant,
// the document held when it is a renewal, the foreigner's and ANEF
// numbers, the sick child, and when the application and an asylum claim
// were filed.
func (d *docData) referenceLines(child string, renewal bool) []string {
	c, w, f, p := d.c, d.w.Letter, d.f, d.p
	refs := []string{c.fill(w.References.Applicant, d.person)}
	if renewal {
		refs = append(refs, c.fill(w.References.Held, m{"APS": d.person["APS"], "Held": d.person["Held"], "Date": d.person["HeldUntil"]}))
	}
	if n := f.Applicant.ForeignerNumber; n != "" {
		refs = append(refs, c.fill(w.References.ForeignerNumber, m{"Number": n}))
	}
	if sc := f.Situation.SickChild; sc != nil {
		refs = append(refs, c.fill(w.References.Child, m{"Child": child, "Date": d.w.dateOrDots(sc.BirthDate)}))
	}
	if n := f.Procedure.ANEFNumber; n != "" {
		refs = append(refs, c.fill(w.References.ANEFNumber, m{"Number": n}))
	}
	if !f.Procedure.FiledOn.IsZero() {
		filed := w.References.Filed
		if p.Route == plan.RouteAPSParent { // filed at the prefecture, not in ANEF
			filed = w.References.FiledAtPrefecture
		}
		refs = append(refs, c.fill(filed, m{"Date": french.Date(f.Procedure.FiledOn), "Renewal": renewal}))
	}
	if !f.Situation.AsylumRegisteredOn.IsZero() {
		refs = append(refs, c.fill(w.References.Asylum, m{"Date": french.Date(f.Situation.AsylumRegisteredOn)}))
	}
	return refs
}

// letterParagraphs lays out the letter's text: the salutation, the body's
// paragraphs (the card's or the parent's APS), the enclosure in bold and
// the closing formula.
func (d *docData) letterParagraphs(child string, renewal bool) []letterBlock {
	c, w := d.c, d.w.Letter
	para := func(before float64, style, text string) letterBlock {
		return letterBlock{spans: []span{plain(style, text)}, before: before}
	}
	salutation := d.w.Common.Civility["unknown"].Long
	bs := []letterBlock{para(1.5, styleRegular, c.fill(w.Salutation, m{"Salutation": salutation}))}
	body := w.Body.Card
	if d.p.Route == plan.RouteAPSParent {
		body = w.Body.APSParent
	}
	for _, text := range body {
		bs = append(bs, para(0.8, styleRegular, c.fill(text, m{"Child": child, "Algerian": d.person["Algerian"], "Renewal": renewal})))
	}
	bs = append(bs, para(0.8, styleBold, c.fill(w.Enclosure, nil)))
	return append(bs, para(1, styleRegular, c.fill(w.Closing, m{"Salutation": salutation})))
}

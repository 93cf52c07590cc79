package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// checklist draws the personal checklist (SPEC §3), which follows the
// stage (SPEC §2, "Documents by stage"): the next step and the warnings,
// then — before filing — the conditions and the pieces to gather; once
// filed, what was filed and the medical certificate; with OFII, what
// comes next; after a grant, a refusal or a refusal by silence, a page
// about that outcome instead of the pieces. Then the steps of the
// procedure while it runs, the fees unless refused, who can help, the ANEF
// QR code and the disclaimer.
func (d *docData) checklist() {
	c, w := d.c, &d.w.Checklist
	d.begin(plan.DocChecklist, w.Document)
	d.title(c.fill(w.Title.of(d.p), d.person)+" — "+d.person["Name"].(string),
		c.fill(w.Person, d.person),
		c.fill(d.person["PermitTitle"].(string), nil),
		c.fill(w.Held, d.person),
		c.fill(w.Prepared, d.person))
	d.nextStep()
	d.warnings()
	switch d.p.Stage {
	case plan.StageFiled, plan.StageCertificateDue:
		d.filedSection()
		d.steps()
	case plan.StageWithOFII:
		d.lines(w.WithOFII.Heading, w.WithOFII.Lines, "")
		d.steps()
	case plan.StageGranted, plan.StageRefused, plan.StageImplicitRefusal:
		o := w.Outcome[d.p.Stage]
		d.lines(o.Heading, o.Lines, o.Source)
	default:
		d.conditions()
		d.documents()
		d.steps()
	}
	if d.p.Stage != plan.StageRefused && d.p.Stage != plan.StageImplicitRefusal {
		d.fees()
	}
	d.help()
	d.disclaimer()
}

// stageData is what the stage's and the outcome's wording read.
func (d *docData) stageData() m {
	p, pr := d.p, d.f.Procedure
	data := m{"FiledOn": "", "ANEF": strings.TrimSpace(pr.ANEFNumber), "Receipt": "", "SilenceOn": "",
		"Card": p.Route == plan.RouteCard, "APS": p.Route == plan.RouteAPSParent, "Renewal": d.person["Renewal"],
		"NotifiedOn": "", "OQTF": false, "Appeal48h": false, "AppealOn": "", "AppealPassed": false,
		"PostBy": "", "PostByPassed": false, "Letter": slices.Contains(p.Documents, plan.DocReasonsRequestLetter)}
	if !pr.FiledOn.IsZero() {
		data["FiledOn"] = french.Date(pr.FiledOn)
	}
	if !pr.ReceiptExpiresOn.IsZero() && !pr.ReceiptExpiresOn.Before(p.Today) {
		data["Receipt"] = french.Date(pr.ReceiptExpiresOn)
	}
	if dec := pr.Decision; dec != nil {
		data["NotifiedOn"], data["OQTF"] = french.Date(dec.NotifiedOn), dec.OQTF
		data["Appeal48h"] = dec.AppealPeriod == applicant.Appeal48Hours
	}
	for _, dl := range p.Deadlines {
		switch dl.ID {
		case plan.DeadlineImplicitRefusal:
			data["SilenceOn"] = french.Date(dl.Date)
		case plan.DeadlineAppealDecision, plan.DeadlineAppealImplicitRefusal:
			data["AppealOn"], data["AppealPassed"] = french.Date(dl.Date), dl.Passed
			if dl.PostBy != nil {
				data["PostBy"], data["PostByPassed"] = french.Date(*dl.PostBy), p.Today.After(*dl.PostBy)
			} else {
				data["PostBy"] = french.Date(dl.Date) // no posting date: the limit itself
			}
		}
	}
	permit, _ := plan.PermitOf(p.Basis)
	data["PermitCap"], data["Granted"] = capitalizeFirst(permit.Short), permit.Granted
	data["Pronoun"] = "le" // the object pronoun agrees with the permit: la carte, le certificat
	if strings.HasSuffix(permit.Granted, "e") {
		data["Pronoun"] = "la"
	}
	return data
}

// capitalizeFirst upper-cases the first letter (« La carte de séjour… »).
func capitalizeFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// lines draws a section of plain paragraphs (lines that render empty are
// left out), then its sources in small type.
func (d *docData) lines(heading string, lines []string, source string) {
	c := d.c
	data := d.stageData()
	var paras []string
	for _, l := range lines {
		if s := strings.TrimSpace(c.fill(l, data)); s != "" {
			paras = append(paras, s)
		}
	}
	if len(paras) == 0 {
		return
	}
	d.heading(c.fill(heading, nil), min(c.paraHeight(contentWidth-5, leadBody, sizeBody, []span{plain(styleRegular, paras[0])}), 3*leadBody))
	for _, s := range paras {
		d.bullet(marginLeft, plain(styleRegular, s))
		c.y += 1
	}
	if source != "" {
		c.setInk(colMuted)
		c.para(marginLeft, contentWidth, leadTiny, sizeTiny, alignLeft, plain(styleRegular, c.fill(source, nil)))
		c.setInk(colInk)
	}
	c.y += 2
}

// filedSection reminds what was filed, then the medical certificate's
// steps (its checklist item, ticked once sent).
func (d *docData) filedSection() {
	w := &d.w.Checklist.Filed
	d.lines(w.Heading, w.Lines, "")
	for _, it := range d.p.Checklist {
		if it.ID == plan.ItemMedicalCertificate {
			d.heading(d.c.fill(w.Certificate, nil), d.itemHeight(it))
			d.item(it)
		}
	}
	d.c.y += 1
}

// framedLine is a line of a framed box, measured before the frame is drawn.
type framedLine struct {
	spans       []span
	size, lead  float64
	ink         rgb
	spaceBefore float64
}

// framed draws lines in a tinted box with a coloured bar on its left.
func (d *docData) framed(lines []framedLine, tint, bar rgb) {
	c := d.c
	const pad, barW = 3.5, 1.6
	x, w := marginLeft+barW+pad, contentWidth-barW-2*pad
	h := 2 * pad
	for _, l := range lines {
		h += l.spaceBefore + c.paraHeight(w, l.lead, l.size, l.spans)
	}
	c.need(h)
	c.setFill(tint)
	c.rect(marginLeft, c.y, contentWidth, h, "F")
	c.setFill(bar)
	c.rect(marginLeft, c.y, barW, h, "F")
	y := c.y + pad
	for _, l := range lines {
		y += l.spaceBefore
		c.setInk(l.ink)
		y += c.paraAt(x, y, w, l.lead, l.size, alignLeft, l.spans...)
	}
	c.setInk(colInk)
	c.y += h + 4
}

// daysLeft is "dans 24 jours", "c'est demain", "c'est aujourd'hui".
func (d *docData) daysLeft(n int) string {
	w := &d.w.Checklist.Next
	switch n {
	case 0:
		return d.c.fill(w.Today, nil)
	case 1:
		return d.c.fill(w.Tomorrow, nil)
	}
	return d.c.fill(w.DaysLeft, m{"Days": french.Days(n)})
}

// nextStep draws the box "Prochaine étape" (SPEC §2, "Next step"): where
// the file stands, then the plan's next step — a date worded by its kind
// (only a deadline is a « date limite ») with its posting date, or an
// action for today; a late step, in red, says so and what to do today.
func (d *docData) nextStep() {
	c, w := d.c, &d.w.Checklist.Next
	s := d.p.NextStep
	if s == nil { // a plan that is an outline: nothing to say
		return
	}
	lines := []framedLine{{spans: []span{plain(styleBold, c.fill(w.Heading, nil))}, size: sizeSmall, lead: leadSmall, ink: colAccent},
		{spans: []span{plain(styleRegular, c.fill(w.Stage, m{"Stage": d.p.StageText()}))}, size: sizeSmall, lead: leadSmall, ink: colMuted}}
	next := d.p.Next()
	tint, bar, ink := colAccentTint, colAccent, colInk
	if s.Late {
		tint, bar, ink = colWarnTint, colWarn, colWarn
	}
	lines = append(lines, framedLine{spans: []span{plain(styleBold, french.Typo(s.Title))}, size: sizeBody + 2, lead: 6, ink: colInk, spaceBefore: 1})
	var when []span
	switch {
	case s.Late && s.Kind == plan.KindDeadline && s.Date != nil:
		when = []span{plain(styleBold, c.fill(w.Late, m{"Date": french.LongDate(*s.Date), "Days": french.Days(s.Date.DaysUntil(d.p.Today))}))}
	case s.Kind == plan.KindAction:
		when = []span{plain(styleBold, c.fill(w.Action, nil))}
	case s.Date != nil:
		when = []span{plain(styleBold, c.fill(w.Date, m{"Kind": plan.KindLabel(s.Kind), "Date": french.LongDate(*s.Date)})),
			plain(styleRegular, " — "+d.daysLeft(p0(d.p.Today.DaysUntil(*s.Date))))}
	}
	if when != nil {
		lines = append(lines, framedLine{spans: when, size: sizeBody, lead: leadBody + 0.3, ink: ink, spaceBefore: 0.5})
	}
	if s.Now != "" {
		nowInk := colInk
		if s.Late || s.PostByPassed {
			nowInk = colWarn
		}
		lines = append(lines, framedLine{spans: []span{plain(styleBold, french.Typo(s.Now))}, size: sizeBody, lead: leadBody + 0.3, ink: nowInk})
	}
	if next != nil && next.PostBy != nil && !s.Late && !s.PostByPassed {
		lines = append(lines, framedLine{spans: []span{plain(styleBold, c.fill(w.PostBy, m{"PostBy": french.LongDate(*next.PostBy)}))}, size: sizeBody, lead: leadBody + 0.3, ink: colWarn})
	}
	if next != nil && next.NonWorkingDay && next.ToDo() && !s.Late {
		lines = append(lines, framedLine{spans: []span{plain(styleRegular, c.fill(w.NonWorkingDay, nil))}, size: sizeSmall + 0.5, lead: leadSmall + 0.3, ink: colInk})
	}
	if slices.Contains(d.p.Documents, plan.DocReasonsRequestLetter) {
		data := d.reasonsData()
		lines = append(lines, framedLine{spans: []span{plain(styleBold, c.fill(w.Reasons, data))}, size: sizeBody, lead: leadBody + 0.3, ink: colInk, spaceBefore: 0.5})
	}
	// after an outcome, the page about it says the rest
	outcome := d.p.Stage == plan.StageRefused || d.p.Stage == plan.StageImplicitRefusal
	if next != nil && next.Detail != "" && !outcome {
		lines = append(lines, framedLine{spans: []span{plain(styleRegular, french.Typo(next.Detail))}, size: sizeSmall + 0.5, lead: leadSmall + 0.3, ink: colMuted, spaceBefore: 0.5})
	}
	d.framed(lines, tint, bar)
}

// p0 clamps a count of days at zero.
func p0(n int) int { return max(n, 0) }

// warnings draws each warning in its own red-barred box.
func (d *docData) warnings() {
	if len(d.p.Warnings) == 0 {
		return
	}
	c := d.c
	d.heading(c.fill(d.w.Checklist.Warnings.Heading, nil), 14)
	for _, wn := range d.p.Warnings {
		d.framed([]framedLine{{spans: []span{plain(styleRegular, french.Typo(wn.Message))}, size: sizeBody, lead: leadBody, ink: colWarn}}, colWarnTint, colWarn)
		c.y -= 2
	}
	c.y += 2
}

// conditions draws the conditions of the permit.
func (d *docData) conditions() {
	c, w := d.c, &d.w.Checklist.Conditions
	d.heading(c.fill(w.Heading, nil), 3*leadBody)
	list := w.Card
	if d.p.Route == plan.RouteAPSParent {
		list = w.APSParent
	}
	for _, s := range list {
		d.bullet(marginLeft, plain(styleRegular, c.fill(s, d.person)))
	}
	c.y += 1
	c.para(marginLeft, contentWidth, leadBody, sizeBody, alignLeft, plain(styleBold, c.fill(w.Irregular, nil)))
	c.setInk(colMuted)
	c.para(marginLeft, contentWidth, leadTiny, sizeTiny, alignLeft, plain(styleRegular, c.fill(w.Source, nil)))
	c.setInk(colInk)
	c.y += 2
}

// documents draws the checklist items as tick boxes, ticked when ready.
func (d *docData) documents() {
	c, w := d.c, &d.w.Checklist.Documents
	done := 0
	for _, it := range d.p.Checklist {
		if it.Done {
			done++
		}
	}
	intro := c.fill(w.Intro, nil)
	keep := c.paraHeight(contentWidth, leadSmall, sizeSmall, []span{plain(styleRegular, intro)}) + 1.5
	if len(d.p.Checklist) > 0 { // the heading stays with its first piece
		keep += d.itemHeight(d.p.Checklist[0])
	}
	d.heading(c.fill(w.Heading, nil)+"  ("+c.fill(w.Ready, m{"Done": done, "Total": len(d.p.Checklist)})+")", keep)
	c.setInk(colMuted)
	c.para(marginLeft, contentWidth, leadSmall, sizeSmall, alignLeft, plain(styleRegular, intro))
	c.setInk(colInk)
	c.y += 1.5
	for _, it := range d.p.Checklist {
		d.item(it)
	}
	c.y += 1
}

const itemBox, itemIndent = 4.2, 8.0

// itemHeight is what must stay with a heading above an item: its title
// and its first two lines of detail (a long item may continue on the next
// page).
func (d *docData) itemHeight(it plan.Item) float64 {
	c, tw := d.c, contentWidth-itemIndent
	h := c.paraHeight(tw, leadBody, sizeBody, []span{plain(styleBold, french.Typo(it.Title))})
	for _, det := range it.Details {
		h += c.paraHeight(tw, leadSmall, sizeSmall, []span{plain(styleRegular, det)})
	}
	return min(h, leadBody+2*leadSmall) + 2
}

// item draws one checklist item as a tick box, ticked when ready.
func (d *docData) item(it plan.Item) {
	c, tw := d.c, contentWidth-itemIndent
	title := french.Typo(it.Title)
	c.need(d.itemHeight(it))
	c.checkbox(marginLeft+0.5, c.y+0.4, itemBox, it.Done, title)
	ink := colInk
	if it.Done {
		ink = colMuted
	}
	c.setInk(ink)
	c.para(marginLeft+itemIndent, tw, leadBody, sizeBody, alignLeft, plain(styleBold, title))
	c.setInk(colMuted)
	for _, det := range it.Details {
		c.para(marginLeft+itemIndent, tw, leadSmall, sizeSmall, alignLeft, plain(styleRegular, french.Typo(det)))
	}
	c.setInk(colInk)
	c.y += 1.6
}

// stepDone returns the date a step was done, when the file says so.
func (d *docData) stepDone(id string) (civil.Date, bool) {
	pr := d.f.Procedure
	switch id {
	case "filing": // a certificate date means it was filed, its date maybe unknown
		return pr.FiledOn, d.p.Stage != plan.StageToFile
	case "certificate":
		return pr.CertificateAvailableOn, !pr.CertificateAvailableOn.IsZero() || !pr.CertificateSentOn.IsZero()
	case "doctor":
		return civil.Date{}, !pr.CertificateSentOn.IsZero()
	case "mail":
		return pr.CertificateSentOn, !pr.CertificateSentOn.IsZero()
	}
	return civil.Date{}, false
}

// steps draws the numbered steps of the procedure, marking those the file
// says are done.
func (d *docData) steps() {
	c, w := d.c, &d.w.Checklist.Steps
	d.heading(c.fill(w.Heading, nil), 14)
	list := w.Card
	if d.p.Route == plan.RouteAPSParent {
		list = w.APSParent
	}
	const indent = 8.0
	tw := contentWidth - indent
	for i, st := range list {
		text := []span{plain(styleRegular, c.fill(st.Text, d.person))}
		on, done := d.stepDone(st.ID)
		if done && !on.IsZero() {
			text = append(text, plain(styleBold, " ("+c.fill(w.Done, m{"Date": french.Date(on)})+")"))
		}
		keep := min(c.paraHeight(tw, leadBody, sizeBody, text), 3*leadBody)
		if i == len(list)-1 { // the decision stays with its two outcomes
			keep = c.paraHeight(tw, leadBody, sizeBody, text) + 1.2
			for _, s := range []string{w.Accepted, w.Refused.of(d.p)} {
				keep += c.paraHeight(tw-5, leadBody, sizeBody, []span{plain(styleRegular, c.fill(s, d.person))})
			}
		}
		c.need(keep)
		// the step's number in a disc; a done step's disc is grey
		disc := colAccent
		if done {
			disc = colRule
		}
		c.setFill(disc)
		c.pdf.Circle(marginLeft+2.6, c.y+leadBody/2, 2.4, "F")
		c.setInk(colWhite)
		c.line(marginLeft, c.y+leadBody/2-2, 5.2, 4, styleBold, sizeSmall, alignCenter, strconv.Itoa(i+1))
		c.setInk(colInk)
		if done {
			c.setInk(colMuted)
		}
		c.para(marginLeft+indent, tw, leadBody, sizeBody, alignLeft, text...)
		c.setInk(colInk)
		c.y += 1.2
	}
	for _, s := range []string{w.Accepted, w.Refused.of(d.p)} {
		label, rest, _ := strings.Cut(c.fill(s, d.person), ":")
		d.bullet(marginLeft+indent, plain(styleBold, label+":"), plain(styleRegular, " "+strings.TrimSpace(rest)))
	}
	c.y += 2
}

// fees draws the fees and their date, to be checked.
func (d *docData) fees() {
	c, w := d.c, &d.w.Checklist.Fees
	d.heading(c.fill(w.Heading, nil), float64(len(d.p.Fees)+2)*(leadBody+1.8)+2*leadSmall)
	if len(d.p.Fees) == 0 {
		c.para(marginLeft, contentWidth, leadBody, sizeBody, alignLeft, plain(styleRegular, c.fill(w.None, nil)))
		c.y += 2
		return
	}
	const amountW = 25.0
	total, kept := 0.0, 0.0
	source := ""
	// once filed, the part collected at filing is paid: the total is what
	// remains (CESEDA L. 436-4)
	paid := d.p.Stage != plan.StageToFile
	nonRefundable := w.NonRefundable
	if paid {
		nonRefundable = w.NonRefundablePaid
	}
	// the amounts, their total and their date stay on one page
	need := float64(len(d.p.Fees)+2)*(leadBody+1.8) + 2*leadSmall
	for _, fe := range d.p.Fees {
		if fe.NonRefundableEUR > 0 {
			need += leadSmall
		}
	}
	c.need(need)
	for _, fe := range d.p.Fees {
		total, kept = total+fe.AmountEUR, kept+fe.NonRefundableEUR
		if source == "" && fe.AsOf != "" { // an amount from the fee table, not from the file
			source = fe.Source
		}
		c.need(leadBody + leadSmall)
		c.line(marginLeft, c.y, contentWidth-amountW, leadBody, styleBold, sizeBody, alignLeft, french.Typo(fe.Title))
		c.line(marginLeft, c.y, contentWidth, leadBody, styleBold, sizeBody, alignRight, french.Euros(fe.AmountEUR))
		c.y += leadBody
		if fe.NonRefundableEUR > 0 {
			c.setInk(colMuted)
			c.para(marginLeft, contentWidth-amountW, leadSmall, sizeSmall, alignLeft,
				plain(styleRegular, c.fill(nonRefundable, m{"Amount": french.Euros(fe.NonRefundableEUR)})))
			c.setInk(colInk)
		}
		c.setDraw(colRule)
		c.hline(marginLeft, marginLeft+contentWidth, c.y+0.8)
		c.y += 1.8
	}
	switch {
	case paid && kept > 0:
		c.line(marginLeft, c.y, contentWidth-amountW, leadBody, styleRegular, sizeBody, alignLeft, c.fill(w.Remaining, nil))
		c.line(marginLeft, c.y, contentWidth, leadBody, styleBold, sizeBody, alignRight, french.Euros(total-kept))
		c.y += leadBody + 1
	case len(d.p.Fees) > 1:
		c.line(marginLeft, c.y, contentWidth-amountW, leadBody, styleRegular, sizeBody, alignLeft, c.fill(w.Total, nil))
		c.line(marginLeft, c.y, contentWidth, leadBody, styleBold, sizeBody, alignRight, french.Euros(total))
		c.y += leadBody + 1
	}
	if source == "" {
		source = d.p.Fees[0].Source
	}
	c.setInk(colWarn)
	c.para(marginLeft, contentWidth, leadSmall, sizeSmall, alignLeft, plain(styleBold, c.fill(w.AsOf, m{"Source": source})))
	c.setInk(colInk)
	c.y += 2
}

// help draws who can help: the ANEF site with its QR code, the help
// lines of templates/data/contacts.yaml, and the organisation that
// prepared the file. The section and the disclaimer stay together: a page
// holding only the end of a checklist helps nobody.
func (d *docData) help() {
	c, w := d.c, &d.w.Checklist.Help
	qrX := marginLeft + contentWidth - qrANEFSize
	textW := contentWidth - qrANEFSize - 6
	title := func(s string) framedLine {
		return framedLine{spans: []span{plain(styleBold, s)}, size: sizeBody + 0.5, lead: leadBody + 0.4, ink: colInk, spaceBefore: 2}
	}
	small := func(s string, ink rgb) framedLine {
		return framedLine{spans: []span{plain(styleRegular, s)}, size: sizeSmall, lead: leadSmall, ink: ink}
	}
	// route aps_parent: the procedure is not online, so no ANEF code (SPEC §3)
	anef := d.p.Route != plan.RouteAPSParent
	var blocks []framedLine
	if anef {
		blocks = append(blocks, title(c.fill(w.ANEF, nil)), small(w.ANEFURL, colAccent))
	} else {
		textW = contentWidth
	}
	for _, ct := range d.w.Contacts {
		t := title(french.Typo(ct.Name) + "  ")
		t.spans = append(t.spans, plain(styleRegular, french.Typo(ct.Phone)))
		var hrs []string
		for _, h := range ct.Hours {
			hrs = append(hrs, string(h))
		}
		if ct.Cost != "" {
			hrs = append(hrs, ct.Cost)
		}
		blocks = append(blocks, t, small(french.Typo(ct.What), colInk), small(french.Typo(strings.Join(hrs, " · ")), colMuted))
	}
	if name, contact := d.organisationLine(); name != "" {
		blocks = append(blocks, title(name), small(contact, colInk))
	}
	h := 0.0
	for _, b := range blocks {
		h += b.spaceBefore + c.paraHeight(textW, b.lead, b.size, b.spans)
	}
	if len(blocks) > 0 {
		blocks[0].spaceBefore = 0
	}
	if anef {
		h = max(h, qrANEFSize+8)
	}
	d.heading(c.fill(w.Heading, nil), h+d.disclaimerHeight()+6)

	top := c.y
	if anef {
		c.qr(qrX, top, qrANEFSize, w.ANEFURL, true)
		c.link(qrX, top, qrANEFSize, qrANEFSize, w.ANEFURL)
		c.setInk(colMuted)
		c.paraAt(qrX, top+qrANEFSize+0.5, qrANEFSize, leadTiny, sizeTiny, alignCenter, plain(styleRegular, c.fill(w.ANEFCaption, nil)))
	}
	y := top
	for i, b := range blocks {
		y += b.spaceBefore
		c.setInk(b.ink)
		bh := c.paraAt(marginLeft, y, textW, b.lead, b.size, alignLeft, b.spans...)
		if anef && i == 1 { // the ANEF address is a link too
			c.link(marginLeft, y, c.width(styleRegular, sizeSmall, w.ANEFURL), bh, w.ANEFURL)
		}
		y += bh
	}
	c.setInk(colInk)
	c.y = top + h + 2
}

// organisationLine is "Dossier préparé avec X" and its contact details in
// one line, or "" without an organisation.
func (d *docData) organisationLine() (string, string) {
	o := d.org
	if o == nil || strings.TrimSpace(o.Name) == "" {
		return "", ""
	}
	var lines []string
	lines = append(lines, o.Address...)
	for _, s := range []string{o.Phone, o.Email, o.Website} {
		if strings.TrimSpace(s) != "" {
			lines = append(lines, s)
		}
	}
	return d.c.fill(d.w.Common.PreparedWith, m{"Organisation": o.Name}), french.Typo(strings.Join(lines, " · "))
}

func (d *docData) disclaimerHeight() float64 {
	text := d.c.fill(d.w.Common.Disclaimer, nil)
	return d.c.paraHeight(contentWidth, leadSmall, sizeSmall, []span{plain(styleRegular, text)}) + 4
}

// disclaimer closes the checklist: ofiipack is not the administration.
func (d *docData) disclaimer() {
	c := d.c
	text := c.fill(d.w.Common.Disclaimer, nil)
	c.need(d.disclaimerHeight())
	c.y += 2
	c.setDraw(colRule)
	c.hline(marginLeft, pageWidth-marginRight, c.y)
	c.y += 2
	c.setInk(colMuted)
	c.para(marginLeft, contentWidth, leadSmall, sizeSmall, alignLeft, plain(styleRegular, text))
	c.setInk(colInk)
}

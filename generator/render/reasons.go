package render

import (
	"strings"

	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// reasonsLetter draws the request for the reasons of an implicit refusal
// (SPEC §3; CRPA art. L. 232-4): one page for the same DL window
// envelope as the cover letter, registered with acknowledgement of
// receipt, to the prefect at procedure.prefecture_address (else a framed
// blank box). It states the application, the day the silence became a
// refusal, and the request; beneath the signature, for the sender, the
// day to post it by. No legal argument, no medical information.
func (d *docData) reasonsLetter() {
	c, w, lw := d.c, d.w.Letter.Reasons, d.w.Letter
	d.begin(plan.DocReasonsRequestLetter, c.fill(w.Document, nil))
	d.foldMarks()
	d.letterSender()
	d.letterRecipient(d.f.Procedure.PrefectureAddress, w.AddressUnknown)

	data := d.reasonsData()
	var bs []letterBlock
	add := func(before float64, a align, indent float64, spans ...span) {
		bs = append(bs, letterBlock{spans: spans, indent: indent, align: a, before: before})
	}
	add(0, alignRight, 0, plain(styleRegular, c.fill(lw.PlaceDate, m{"City": d.person["City"], "Date": french.Date(d.p.Today)})))
	add(1.2, alignLeft, 0, plain(styleRegular, c.fill(lw.RegisteredMail, m{"Number": d.w.Common.Dotted})))
	add(1, alignLeft, 0, plain(styleBold, c.fill(lw.SubjectLabel, nil)+c.fill(w.Subject, nil)))
	refs := []string{c.fill(lw.References.Applicant, d.person)}
	if n := d.f.Applicant.ForeignerNumber; n != "" {
		refs = append(refs, c.fill(lw.References.ForeignerNumber, m{"Number": n}))
	}
	if n := data["ANEF"].(string); n != "" {
		refs = append(refs, c.fill(lw.References.ANEFNumber, m{"Number": n}))
	}
	refs = append(refs, c.fill(w.Filed, data))
	label := c.fill(lw.ReferencesLabel, nil)
	indent := c.width(styleBold, sizeBody, label) + 1
	for i, r := range refs {
		add(0, alignLeft, indent, plain(styleRegular, r))
		bs[len(bs)-1].cut = true
		if i == 0 {
			bs[len(bs)-1].label, bs[len(bs)-1].before = label, 0.5
		}
	}
	add(1.5, alignLeft, 0, plain(styleRegular, c.fill(w.Salutation, nil)))
	for _, para := range w.Body {
		add(0.8, alignLeft, 0, plain(styleRegular, c.fill(para, data)))
	}
	add(1, alignLeft, 0, plain(styleRegular, c.fill(w.Closing, nil)))

	note := c.fill(w.PostBy, data)
	noteH := c.paraHeight(contentWidth, leadSmall, sizeSmall, []span{plain(styleBold, note)}) + 4
	d.letterBody(bs, lw.Signature, noteH)
	c.y += 4
	c.setInk(colWarn)
	c.para(marginLeft, contentWidth, leadSmall, sizeSmall, alignLeft, plain(styleBold, note))
	c.setInk(colInk)
}

// reasonsData is what the request for reasons reads of the file and the
// plan: the application, the day the silence became a refusal, and the
// appeal limit with its posting date.
func (d *docData) reasonsData() m {
	p, pr := d.p, d.f.Procedure
	dots := d.w.Common.DottedShort
	data := m{"Permit": d.c.fill(d.w.Letter.Reasons.Permit.of(p), nil), "FiledOn": dots, "RefusalOn": dots,
		"ANEF": strings.TrimSpace(pr.ANEFNumber), "AtPrefecture": p.Route == plan.RouteAPSParent,
		"Renewal": d.person["Renewal"], "PostBy": dots, "PostByPassed": false, "Limit": dots}
	if !pr.FiledOn.IsZero() {
		data["FiledOn"] = french.Date(pr.FiledOn)
	}
	for _, dl := range p.Deadlines {
		switch dl.ID {
		case plan.DeadlineImplicitRefusal:
			data["RefusalOn"] = french.Date(dl.Date)
		case plan.DeadlineAppealImplicitRefusal:
			data["Limit"], data["PostBy"] = french.Date(dl.Date), french.Date(dl.Date)
			if dl.PostBy != nil {
				data["PostBy"], data["PostByPassed"] = french.Date(*dl.PostBy), p.Today.After(*dl.PostBy)
			}
		}
	}
	return data
}

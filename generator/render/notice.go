package render

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ofiipack/ofiipack/generator/arabic"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fontset"
	"github.com/ofiipack/ofiipack/generator/french"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/notice"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// The notice in the applicant's language (SPEC §3, `applicant_notice`):
// one page (two at most) printed second in the pack, so that it can be
// handed over alone. Each block is written in the applicant's language,
// with the French beneath in smaller type; every sentence comes from
// templates/notice. Arabic is shaped into its contextual forms and each
// line ordered right to left by generator/arabic, then drawn with Noto Sans
// Arabic; Georgian with Noto Sans Georgian; digits, Latin names and
// punctuation with Noto Sans.

// Type scale of the notice: the applicant's language first and larger.
const (
	noticeSize     = 9.2 // a sentence in the applicant's language
	noticeLead     = 4.1
	noticeFrSize   = 6.9 // its French beneath
	noticeFrLead   = 3.0
	noticeBigSize  = 13.0 // the next step
	noticeBigLead  = 6.0
	noticePicto    = 11.0 // side of a pictogram (mm)
	noticeQRSize   = 32.0
	noticeDateCol  = 36.0 // the dates block's date column
	noticeGapAfter = 1.8  // space after a block

	noticeNextPad    = 3.5              // inside the next step's box
	noticeNextPictoW = noticePicto + 12 // the column of its pictogram and word
)

// arabicRune and georgianRune are the characters the script faces draw
// (the ranges fonts/subset.sh keeps); every other character of a notice
// is drawn with Noto Sans.
func arabicRune(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || r >= 0xFE70 && r <= 0xFEFF ||
		strings.ContainsRune(" !,-.0123456789:\u00a0«»", r)
}

func georgianRune(r rune) bool {
	return r == ' ' || r == '\u00a0' || r >= 0x10A0 && r <= 0x10FF || r >= 0x1C90 && r <= 0x1CBF || r >= 0x2D00 && r <= 0x2D2F
}

// noticeWriter draws the notice of one language.
type noticeWriter struct {
	d        *docData
	c        *canvas
	lang, fr *notice.Catalog
	rtl      bool
	regular  string // the face of the script, "" for Latin and Cyrillic
	bold     string
	inScript func(rune) bool
}

// applicantNotice draws the notice in f's language.
func (d *docData) applicantNotice() {
	lang, err := notice.Load(d.f.Applicant.Language)
	if err == nil && lang.Code == notice.French {
		return
	}
	var fr *notice.Catalog
	if err == nil {
		fr, err = notice.Load(notice.French)
	}
	if err != nil {
		d.c.fail(err)
		return
	}
	n := &noticeWriter{d: d, c: d.c, lang: lang, fr: fr, rtl: lang.RTL()}
	switch lang.Script {
	case notice.ScriptArabic:
		n.regular, n.bold, n.inScript = styleArabic, styleArabicBold, arabicRune
	case notice.ScriptGeorgian:
		n.regular, n.bold, n.inScript = styleGeorgian, styleGeorgianBold, georgianRune
	}
	title := n.frFill(fr.Title, nil) + " — " + lang.FrenchName
	d.begin(plan.DocApplicantNotice, title)
	// The script's faces are registered here, at the top of the notice,
	// whether its sentences are laid out now or were for an earlier pack
	// (laidOut): registering selects the font in the page, and the same
	// file must give the same bytes.
	for _, style := range []string{n.regular, n.bold} {
		if style != "" {
			if err := d.c.loadFont(style); err != nil {
				d.c.fail(err)
				return
			}
		}
	}
	n.header()
	n.nextStep()
	n.dates()
	n.block(pictoEnvelope, lang.Letter, fr.Letter)
	n.block(pictoEnvelope, lang.Secret, fr.Secret)
	n.help()
}

// fill executes a sentence of the applicant's language; frFill the same
// sentence in French. A broken catalog is recorded on the canvas.
func (n *noticeWriter) fill(text string, data map[string]any) string {
	s, err := n.lang.Fill(text, data)
	if err != nil {
		n.c.fail(err)
	}
	return s
}

func (n *noticeWriter) frFill(text string, data map[string]any) string {
	s, err := n.fr.Fill(text, data)
	if err != nil {
		n.c.fail(err)
	}
	return s
}

// day is a date as every notice prints it: the weekday in words and the
// date in digits, JJ/MM/AAAA.
func day(c *notice.Catalog, d civil.Date) map[string]any {
	wd := (int(d.Weekday()) + 6) % 7 // Monday first
	return map[string]any{"Weekday": c.Weekdays[wd], "Date": french.Short(d)}
}

func (n *noticeWriter) days(d civil.Date) (lang, fr string) {
	return n.fill(n.lang.Day, day(n.lang, d)), n.frFill(n.fr.Day, day(n.fr, d))
}

// nline is one laid-out line: its runs, left to right as drawn, and width.
type nline struct {
	runs []span
	w    float64
}

// styles returns the regular or bold face of the notice's language.
func (n *noticeWriter) styles(bold bool) (base, script string) {
	if bold {
		return styleBold, n.bold
	}
	return styleRegular, n.regular
}

// runs cuts a line, in drawing order, into runs of one face: the script's
// face for its letters, Noto Sans for the rest; a character both faces
// draw (a space, a digit in Arabic) stays in the run it is in.
func (n *noticeWriter) runs(s string, bold bool) []span {
	base, script := n.styles(bold)
	if n.inScript == nil {
		return []span{{base, s}}
	}
	var out []span
	start, cur := 0, ""
	for i, r := range s {
		want := base
		if n.inScript(r) {
			want = script
			if i > 0 && fontset.Covers(r) {
				want = cur
			}
		}
		if i > 0 && want != cur {
			out = append(out, span{cur, s[start:i]})
			start = i
		}
		cur = want
	}
	if start < len(s) {
		out = append(out, span{cur, s[start:]})
	}
	return out
}

func (n *noticeWriter) width(runs []span, size float64) float64 {
	w := 0.0
	for _, r := range runs {
		w += textWidth(r.Style, size, r.Text)
	}
	return w
}

// lines lays out a sentence of the applicant's language in lines of at
// most w mm. Right to left, the sentence is shaped first (the contextual
// forms depend on the neighbouring letters only, never across a space),
// cut between words in logical order, and each line then ordered for
// drawing. A space inside an isolate (a phone number, a name) never
// breaks.
func (n *noticeWriter) lines(text string, size, w float64, bold bool) []nline {
	key := lineKey{text, n.regular, size, w, bold, n.rtl}
	if l, ok := laidOut.Load(key); ok {
		return l.([]nline)
	}
	l := n.layOut(text, size, w, bold)
	if laidOutCount.Add(1) <= laidOutMax {
		laidOut.Store(key, l)
	}
	return l
}

// laidOut keeps the lines of the notice's sentences, which are the same in
// every pack of a batch: shaping and ordering an Arabic sentence cost a
// third of an Arabic pack's notice (BenchmarkPackNotice, ratio 1.52 before,
// 1.25 with). It keeps at most laidOutMax sentences (those with a name or
// a date vary from pack to pack): a few hundred KB.
var (
	laidOut      sync.Map // lineKey → []nline, never changed once stored
	laidOutCount atomic.Int64
)

const laidOutMax = 2000

type lineKey struct {
	text, face string
	size, w    float64
	bold, rtl  bool
}

// layOut is lines without the cache.
func (n *noticeWriter) layOut(text string, size, w float64, bold bool) []nline {
	if n.rtl {
		text = arabic.Shape(text)
	}
	words := splitWords(text)
	// Each word is measured once: a line's width is the sum of its words'
	// and of the spaces between them, in whatever order they are drawn.
	base, _ := n.styles(bold)
	space := textWidth(base, size, " ")
	widths := make([]float64, len(words))
	for i, word := range words {
		widths[i] = n.width(n.runs(withoutIsolates(word), bold), size)
	}
	var out []nline
	add := func(from, to int) {
		s := strings.Join(words[from:to], " ")
		if n.rtl {
			s = arabic.Visual(s)
		}
		r := n.runs(s, bold)
		out = append(out, nline{r, n.width(r, size)})
	}
	from, lw := 0, 0.0
	for i, ww := range widths {
		if i > from && lw+space+ww > w {
			add(from, i)
			from, lw = i, 0
		}
		if i > from {
			lw += space
		}
		lw += ww
	}
	if from < len(words) {
		add(from, len(words))
	}
	// a word wider than the column (a long name) is cut between letters
	var fitted []nline
	for _, l := range out {
		if l.w <= w || n.rtl || len(l.runs) != 1 {
			fitted = append(fitted, l)
			continue
		}
		for _, piece := range cutText(l.runs[0].Style, size, w, l.runs[0].Text) {
			r := []span{{l.runs[0].Style, piece}}
			fitted = append(fitted, nline{r, n.width(r, size)})
		}
	}
	return fitted
}

// cutText cuts text, wider than w, into pieces that each fit (a piece holds
// one character at least).
func cutText(style string, size, w float64, text string) []string {
	var pieces []string
	start, acc := 0, 0.0
	for i, r := range text {
		cw := textWidth(style, size, string(r))
		if i > start && acc+cw > w {
			pieces = append(pieces, text[start:i])
			start, acc = i, 0
		}
		acc += cw
	}
	return append(pieces, text[start:])
}

// withoutIsolates drops the isolate controls, which take no room.
func withoutIsolates(s string) string {
	if !strings.ContainsAny(s, "\u2066\u2067\u2068\u2069") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '\u2066' && r <= '\u2069' {
			return -1
		}
		return r
	}, s)
}

// splitWords cuts text at its spaces, except inside an isolate
// (U+2066 … U+2069).
func splitWords(text string) []string {
	var words []string
	depth, start := 0, 0
	for i, r := range text {
		switch {
		case r == '\u2066' || r == '\u2067' || r == '\u2068':
			depth++
		case r == '\u2069' && depth > 0:
			depth--
		case r == ' ' && depth == 0:
			if i > start {
				words = append(words, text[start:i])
			}
			start = i + 1
		}
	}
	if start < len(text) {
		words = append(words, text[start:])
	}
	return words
}

// item is a sentence of the notice and its French, laid out and ready to
// draw: the applicant's language (aligned to the right when it is written
// right to left), then the French.
type item struct {
	lang               []nline
	fr                 []nline
	size, lead         float64
	frSize, frLead     float64
	ink                rgb
	spaceBefore, below float64
}

func (it item) height() float64 {
	return it.spaceBefore + float64(len(it.lang))*it.lead + float64(len(it.fr))*it.frLead + it.below
}

// pair lays out a sentence and its French in a column w mm wide.
func (n *noticeWriter) pair(lang, fr string, w, size, lead float64, bold bool, ink rgb) item {
	frSize, frLead := noticeFrSize, noticeFrLead
	if size >= noticeBigSize-0.1 {
		frSize, frLead = 9, 4.1
	}
	it := item{lang: n.lines(lang, size, w, bold), size: size, lead: lead, frSize: frSize, frLead: frLead, ink: ink}
	if fr != "" {
		it.fr = n.frLines(fr, frSize, w, bold)
	}
	return it
}

// frLines lays out the French of a sentence: Noto Sans, left to right,
// through the same cache as lines.
func (n *noticeWriter) frLines(text string, size, w float64, bold bool) []nline {
	fr := &noticeWriter{c: n.c}
	return fr.lines(text, size, w, bold)
}

// draw draws it at the top top of a column from x, w mm wide.
func (n *noticeWriter) draw(it item, x, top, w float64) float64 {
	c := n.c
	y := top + it.spaceBefore
	c.setInk(it.ink)
	for _, l := range it.lang {
		lx := x
		if n.rtl {
			lx = x + w - l.w
		}
		base := baseline(y, it.lead, it.size)
		for _, r := range l.runs {
			lx += c.textAt(lx, base, r.Style, it.size, r.Text)
		}
		y += it.lead
	}
	ink := colMuted
	if it.ink != colInk {
		ink = it.ink
	}
	c.setInk(ink)
	for _, l := range it.fr {
		n.drawLine(l, x, y, it.frLead, it.frSize)
		y += it.frLead
	}
	c.setInk(colInk)
	return y + it.below - top
}

// drawLine draws a laid-out line from x, in the line box of height lead
// whose top is top.
func (n *noticeWriter) drawLine(l nline, x, top, lead, size float64) {
	base := baseline(top, lead, size)
	for _, r := range l.runs {
		x += n.c.textAt(x, base, r.Style, size, r.Text)
	}
}

// column draws items one below the other from the cursor, with a new page
// when one does not fit (an item is never split).
func (n *noticeWriter) column(items []item, x, w float64) {
	for _, it := range items {
		n.c.need(it.height())
		n.c.y += n.draw(it, x, n.c.y, w)
	}
}

// header: the title, whom it is for and on which day, and that it is an
// aid beside the French documents, which are the reference.
func (n *noticeWriter) header() {
	c, l, f := n.c, n.lang, n.fr
	name := n.d.person["Name"].(string)
	today := french.Short(n.d.p.Today)
	title := n.pair(l.Title, f.Title, contentWidth, 15, 7, true, colAccent)
	title.frSize, title.frLead = 9, 4.2
	n.column([]item{
		title,
		n.pair(n.fill(l.Person, map[string]any{"Name": name, "Date": today}),
			n.frFill(f.Person, map[string]any{"Name": name, "Date": today}), contentWidth, noticeSize, noticeLead, false, colInk),
	}, marginLeft, contentWidth)
	c.y += 1.5
	aid := n.pair(l.Aid, f.Aid, contentWidth-8, noticeSize, noticeLead, true, colInk)
	h := aid.height() + 4
	c.need(h)
	c.setFill(colShade)
	c.rect(marginLeft, c.y, contentWidth, h, "F")
	n.draw(aid, marginLeft+4, c.y+2, contentWidth-8)
	c.y += h + noticeGapAfter
}

// next is the next step as the notice words it.
type next struct {
	id, kind     string
	date         civil.Date // zero: an action without a date
	late         bool
	postBy       *civil.Date
	postByPassed bool
	qr           *plan.Deadline // the next dated step, for the scan-to-calendar code
}

// nextOf reads the plan's next step (SPEC §2, "Next step").
func nextOf(p *plan.Plan) next {
	var nx next
	if s := p.NextStep; s != nil {
		nx = next{id: s.ID, kind: s.Kind, late: s.Late, postByPassed: s.PostByPassed}
		if s.Date != nil {
			nx.date = *s.Date
		}
		if d := p.Next(); d != nil && d.PostBy != nil && !s.Late {
			nx.postBy = d.PostBy
		}
	}
	// the code of the next date to act on: the next step when it is one
	for i := range p.Deadlines {
		d := &p.Deadlines[i]
		if !toAct(*d) || d.Start.After(p.Today) {
			continue
		}
		if nx.qr == nil || (d.ID == nx.id && d.Date == nx.date) {
			nx.qr = d
		}
	}
	return nx
}

// nextStep draws block 1, the next step: its pictogram and word, the
// action in large type, its date in digits with the weekday, the posting
// date or that it has passed, late in red; and block 6 beside it, the code
// that puts the next dated step into a phone's calendar.
func (n *noticeWriter) nextStep() {
	nx := nextOf(n.d.p)
	qrW := 0.0
	if nx.qr != nil {
		qrW = noticeQRSize + 4
	}
	textW := contentWidth - 2*noticeNextPad - noticeNextPictoW - qrW
	n.nextBox(nx, n.nextItems(nx, textW), textW, qrW)
}

// nextItems lays out the sentences of the next step in a column w mm wide:
// the heading, the action, its date, then what is late or must be posted.
func (n *noticeWriter) nextItems(nx next, w float64) []item {
	l, f := n.lang, n.fr
	items := []item{n.pair(l.Next.Heading, f.Next.Heading, w, noticeSize, noticeLead, true, colAccent)}
	if nx.id == "" {
		return append(items, n.pair(l.Next.None, f.Next.None, w, noticeSize+1, noticeLead+0.4, true, colInk))
	}
	act := n.pair(n.stepDo(l, nx.id), n.stepDo(f, nx.id), w, noticeBigSize, noticeBigLead, true, colInk)
	act.spaceBefore = 1
	items = append(items, act)
	if !nx.date.IsZero() {
		items = append(items, n.nextDate(nx, w))
	}
	return append(items, n.nextWarnings(nx, w)...)
}

// nextDate lays out the date of the next step, with its weekday: the day
// a decision to read was received, the day a late step was due (in red),
// or the day of the step, named by its kind.
func (n *noticeWriter) nextDate(nx next, w float64) item {
	l, f := n.lang, n.fr
	dl, df := n.days(nx.date)
	var it item
	switch {
	case nx.id == "read_decision_now":
		it = n.pair(n.fill(l.Next.Notified, map[string]any{"Day": dl}), n.frFill(f.Next.Notified, map[string]any{"Day": df}), w, 12, 5.6, true, colWarn)
	case nx.late:
		it = n.pair(n.fill(l.Next.Late, map[string]any{"Day": dl}), n.frFill(f.Next.Late, map[string]any{"Day": df}), w, 12, 5.6, true, colWarn)
	default:
		it = n.pair(n.fill(l.Next.Date, map[string]any{"Kind": l.Kinds[nx.kind], "Day": dl}),
			n.frFill(f.Next.Date, map[string]any{"Kind": f.Kinds[nx.kind], "Day": df}), w, 12, 5.6, true, colInk)
	}
	it.spaceBefore = 1.5
	return it
}

// nextWarnings lays out, in red, what a late step asks for, and that the
// posting date has passed or the day by which to post.
func (n *noticeWriter) nextWarnings(nx next, w float64) []item {
	l, f := n.lang, n.fr
	var items []item
	warn := func(lang, fr string) {
		it := n.pair(lang, fr, w, noticeSize+0.5, noticeLead+0.3, true, colWarn)
		it.spaceBefore = 1
		items = append(items, it)
	}
	if nx.late && l.Steps[nx.id].Late != "" {
		warn(l.Steps[nx.id].Late, f.Steps[nx.id].Late)
	}
	switch {
	case nx.postByPassed:
		warn(l.Next.PostByPassed, f.Next.PostByPassed)
	case nx.postBy != nil:
		dl, df := n.days(*nx.postBy)
		warn(n.fill(l.Next.PostBy, map[string]any{"Day": dl}), n.frFill(f.Next.PostBy, map[string]any{"Day": df}))
	}
	return items
}

// nextBox draws the next step's box: the pictogram of its kind and its
// word, the items in a column textW mm wide, and the calendar code in a
// column qrW mm wide (none when qrW is 0), on the side opposite the
// pictogram.
func (n *noticeWriter) nextBox(nx next, items []item, textW, qrW float64) {
	c, l, f := n.c, n.lang, n.fr
	const pad = noticeNextPad
	pictoX, textX, qrX := marginLeft+pad, marginLeft+pad+noticeNextPictoW, pageWidth-marginRight-pad-noticeQRSize
	if n.rtl { // the eye starts on the right: the pictogram goes there
		pictoX, textX, qrX = pageWidth-marginRight-pad-noticeNextPictoW, marginLeft+pad+qrW, marginLeft+pad
	}
	h := 0.0
	for _, it := range items {
		h += it.height()
	}
	if qrW > 0 {
		h = max(h, noticeQRSize+10)
	}
	h = max(h, noticePicto+12) + 2*pad
	c.need(h)
	top := c.y
	bar := n.nextFrame(top, h, nx.late)
	// the pictogram of the kind, with its word (an action, or no step at
	// all: the clock and « À faire »)
	kind := nx.kind
	if l.Kinds[kind] == "" {
		kind = "action"
	}
	n.pictoWithWord(pictogramOf(kind), pictoX, top+pad, noticeNextPictoW, l.Kinds[kind], f.Kinds[kind], bar)
	y := top + pad
	for _, it := range items {
		y += n.draw(it, textX, y, textW)
	}
	if nx.qr != nil {
		c.qr(qrX, top+pad, noticeQRSize, ical.EventPayload(n.d.f, *nx.qr), false)
		cap := n.pair(l.QR, f.QR, noticeQRSize, 7, 3.1, false, colInk)
		cap.frSize, cap.frLead = 6, 2.6
		n.draw(cap, qrX, top+pad+noticeQRSize, noticeQRSize)
	}
	c.y = top + h + noticeGapAfter
}

// nextFrame draws the next step's box h mm high, tinted, with a bar on the
// side the eye starts from, red when late; it returns the bar's colour.
func (n *noticeWriter) nextFrame(top, h float64, late bool) rgb {
	c := n.c
	tint, bar := colAccentTint, colAccent
	if late {
		tint, bar = colWarnTint, colWarn
	}
	c.setFill(tint)
	c.rect(marginLeft, top, contentWidth, h, "F")
	c.setFill(bar)
	barX := marginLeft
	if n.rtl {
		barX = pageWidth - marginRight - 1.6
	}
	c.rect(barX, top, 1.6, h, "F")
	return bar
}

// stepDo is the sentence of a step's ID; the ID itself if a catalog lacks
// it (the tests make sure none does).
func (n *noticeWriter) stepDo(c *notice.Catalog, id string) string {
	if s := c.Steps[id].Do; s != "" {
		return s
	}
	return id
}

// pictoWithWord draws a pictogram centred in a column w mm wide, with its
// word in the applicant's language and in French beneath.
func (n *noticeWriter) pictoWithWord(p pictogram, x, top, w float64, word, fr string, col rgb) float64 {
	c := n.c
	c.setDraw(col)
	c.setFill(col)
	c.pictogram(p, x+(w-noticePicto)/2, top, noticePicto)
	c.setDraw(colInk)
	it := n.pair(word, fr, w, 7.5, 3.2, true, colInk)
	it.frSize, it.frLead = 6, 2.6
	// centred: each line in the middle of the column
	c.setInk(col)
	return n.centred(it, x, top+noticePicto+1, w) - top
}

// heading draws a block's heading, in the applicant's language and in
// French, with a pictogram when p >= 0.
func (n *noticeWriter) heading(lang, fr string, p pictogram, keep float64) {
	c := n.c
	const iconW = 7.0
	w := contentWidth - iconW - 2
	it := n.pair(lang, fr, w, 10, 4.4, true, colAccent)
	it.frSize, it.frLead = 7.2, 3.1
	c.need(it.height() + keep)
	x, ix := marginLeft+iconW+2, marginLeft
	if n.rtl {
		x, ix = marginLeft, pageWidth-marginRight-iconW
	}
	c.setDraw(colAccent)
	c.setFill(colAccent)
	c.pictogram(p, ix, c.y+0.5, iconW)
	c.setDraw(colInk)
	c.y += n.draw(it, x, c.y, w) + 1
}

// bullets draws sentences and their French as a list.
func (n *noticeWriter) bullets(lang, fr []string) {
	c := n.c
	const indent = 5.0
	w := contentWidth - indent
	for i := range lang {
		it := n.pair(lang[i], fr[i], w, noticeSize, noticeLead, false, colInk)
		it.below = 0.2
		c.need(it.height())
		bx, tx := marginLeft+1.4, marginLeft+indent
		if n.rtl {
			bx, tx = pageWidth-marginRight-1.4, marginLeft
		}
		c.setFill(colAccent)
		c.pictogram(pictoDot, bx-0.7, c.y+noticeLead/2+0.1-0.7, 1.4)
		c.y += n.draw(it, tx, c.y, w)
	}
}

// block draws blocks 3 and 4: a heading with its pictogram, and its lines.
func (n *noticeWriter) block(p pictogram, lang, fr notice.Block) {
	n.heading(lang.Heading, fr.Heading, p, 2*noticeLead+noticeFrLead)
	n.bullets(lang.Lines, fr.Lines)
	n.c.y += noticeGapAfter
}

// dates draws block 2: the next dates to act on or to know, up to five,
// each with the pictogram of its kind and its word, the date in digits.
func (n *noticeWriter) dates() {
	c, l, f := n.c, n.lang, n.fr
	nx := nextOf(n.d.p)
	var list []plan.Deadline
	for _, d := range n.d.p.Deadlines {
		if d.Passed || d.Done || d.Start.After(n.d.p.Today) || (d.ID == nx.id && d.Date == nx.date) {
			continue
		}
		switch d.Kind {
		case plan.KindDeadline, plan.KindAppointment, plan.KindExpiry:
			if len(list) < 5 {
				list = append(list, d)
			}
		}
	}
	n.heading(l.Dates.Heading, f.Dates.Heading, pictoCalendar, 14)
	if len(list) == 0 {
		n.column([]item{n.pair(l.Dates.None, f.Dates.None, contentWidth, noticeSize, noticeLead, false, colInk)}, marginLeft, contentWidth)
		c.y += noticeGapAfter
		return
	}
	const pictoW = 22.0
	textW := contentWidth - pictoW - noticeDateCol - 4
	for _, d := range list {
		dl, df := n.days(d.Date)
		date := n.pair(dl, df, noticeDateCol, noticeSize, noticeLead, true, colInk)
		what := n.pair(n.stepDo(l, d.ID), n.stepDo(f, d.ID), textW, noticeSize, noticeLead, false, colInk)
		word := n.pair(l.Kinds[d.Kind], f.Kinds[d.Kind], pictoW, 7, 3, true, colAccent)
		word.frSize, word.frLead = 5.8, 2.5
		h := max(date.height(), what.height(), noticePicto*0.7+0.5+word.height()) + 1.5
		c.need(h)
		px, dx, wx := marginLeft, marginLeft+pictoW+2, marginLeft+pictoW+noticeDateCol+4
		if n.rtl {
			px, dx, wx = pageWidth-marginRight-pictoW, pageWidth-marginRight-pictoW-2-noticeDateCol, marginLeft
		}
		n.smallPicto(pictogramOf(d.Kind), px, c.y, pictoW, word)
		n.draw(date, dx, c.y, noticeDateCol)
		n.draw(what, wx, c.y, textW)
		c.setDraw(colRule)
		c.hline(marginLeft, pageWidth-marginRight, c.y+h-0.7)
		c.setDraw(colInk)
		c.y += h
	}
	c.y += noticeGapAfter
}

// smallPicto is a row's pictogram with its word beneath, centred.
func (n *noticeWriter) smallPicto(p pictogram, x, top, w float64, it item) {
	c := n.c
	s := noticePicto * 0.7
	c.setDraw(colAccent)
	c.setFill(colAccent)
	c.pictogram(p, x+(w-s)/2, top, s)
	c.setDraw(colInk)
	c.setInk(colAccent)
	n.centred(it, x, top+s+0.5, w)
}

// centred draws a pictogram's word from y down, each line in the middle of
// the column w mm wide at x: the applicant's language in the current ink,
// the French beneath in muted ink. It returns the y below the last line.
func (n *noticeWriter) centred(it item, x, y, w float64) float64 {
	c := n.c
	for _, l := range it.lang {
		lx := x + (w-l.w)/2
		base := baseline(y, it.lead, it.size)
		for _, r := range l.runs {
			lx += c.textAt(lx, base, r.Style, it.size, r.Text)
		}
		y += it.lead
	}
	c.setInk(colMuted)
	for _, l := range it.fr {
		n.drawLine(l, x+(w-l.w)/2, y, it.frLead, it.frSize)
		y += it.frLead
	}
	c.setInk(colInk)
	return y
}

// help draws block 5: the organisation, the Comede medical line and its
// hours, Allô Service Public.
func (n *noticeWriter) help() {
	c, l, f := n.c, n.lang, n.fr
	n.heading(l.Help.Heading, f.Help.Heading, pictoPhone, 3*noticeLead)
	var items []item
	add := func(lang, fr string, bold bool, below float64) {
		it := n.pair(lang, fr, contentWidth, noticeSize, noticeLead, bold, colInk)
		it.below = below
		items = append(items, it)
	}
	if o := n.d.org; o != nil && o.Name != "" {
		data := map[string]any{"Name": o.Name, "Phone": o.Phone}
		add(n.fill(l.Help.Organisation, data), n.frFill(f.Help.Organisation, data), true, 1)
	}
	// SPEC §3 order: the organisation, the Comede line and its hours,
	// Allô Service Public
	for _, id := range []string{"comede_medical_line", "allo_service_public"} {
		for _, ct := range n.d.w.Contacts {
			if ct.ID != id {
				continue
			}
			data := map[string]any{"Phone": ct.Phone}
			if id == "allo_service_public" {
				add(n.fill(l.Help.Allo, data), n.frFill(f.Help.Allo, data), true, 1)
				continue
			}
			add(n.fill(l.Help.Comede, data), n.frFill(f.Help.Comede, data), true, 0.3)
			add(l.Help.ComedeWhat, f.Help.ComedeWhat, false, 0.3)
			hl, err := l.Hours(ct.Slots)
			if err != nil {
				c.fail(err)
				return
			}
			hf, err := f.Hours(ct.Slots)
			if err != nil {
				c.fail(err)
				return
			}
			for i := range hl {
				add(hl[i], hf[i], false, 0.3)
			}
			items[len(items)-1].below = 1
		}
	}
	n.column(items, marginLeft, contentWidth)
}

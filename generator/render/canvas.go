package render

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"rsc.io/qr/coding"

	"github.com/ofiipack/ofiipack/fonts"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fontset"
)

// family is the name the embedded fonts are registered under.
const family = "noto"

// canvas is the only code that talks to fpdf. Every drawing call both draws
// and records what it drew in a layout, so tests can assert on the content
// of a real render (text per page, ticked boxes, QR payloads, bookmarks)
// without a PDF text extractor.
type canvas struct {
	pdf *fpdf.Fpdf
	rec *layout
	err error

	codes map[string]*coding.Code // the QR codes of this PDF, by payload

	y float64 // flowing cursor: top of the next block

	size  float64 // current font size (points)
	style string
	font  bool // whether the current page's stream has the font set
	ink   rgb

	loaded  map[string]bool             // font styles registered with fpdf
	measure map[string]func(string) int // their widths, by style (units)

	// detail is whether the layout records what each page holds (texts,
	// boxes, QR codes, links, rectangles): the tests read it, the commands
	// do not, and a caseload board of thousands of rows would hold every
	// run of text twice.
	detail bool

	wordBuf  []word // wrap's words, reused from one paragraph to the next
	memo     [wrapMemos]wrapMemo
	memoNext int

	doc       *docRec
	continued func() // draws the running head of a document's next pages
}

// recordDetail makes every canvas record its pages' content in its layout
// (canvas.detail); the tests set it.
var recordDetail bool

// layout is the record of a render.
type layout struct {
	Pages     []pageRec
	Bookmarks []bookmarkRec
	Docs      []docRec
}

// docRec is one document of the pack and its pages (1-based PDF page numbers).
type docRec struct {
	ID, Title  string
	Footer     string // left part of the footer; empty: page number alone, centred
	FirstPage  int
	PageCount  int
	PageLabels []string // "page X / Y", filled when the document is finished
}

// pageRec is what one page holds.
type pageRec struct {
	Doc    string // document ID
	Number int    // page number within the document
	Texts  []textRec
	Boxes  []boxRec
	QRs    []qrRec
	Links  []linkRec
	Rects  []rectRec
}

// textRec is one run of text in one style. X, Top and W bound the run's
// line box horizontally and from the top; Baseline is where glyphs sit.
type textRec struct {
	X, Top, Baseline, W float64
	Size                float64
	Style               string
	Text                string
}

// Bottom is the lowest point of the run's glyphs (descenders included).
func (t textRec) Bottom() float64 { return t.Baseline + 0.3*t.Size*ptToMM }

// boxRec is a check box.
type boxRec struct {
	X, Y, Size float64
	Ticked     bool
	Label      string
}

// qrRec is a QR code; Module is the side of one module (mm).
type qrRec struct {
	X, Y, Size, Module float64
	Payload            string
}

type linkRec struct {
	X, Y, W, H float64
	URL        string
}

// rectRec records framed or filled areas that tests care about (the
// blank address box, the window outline is never drawn).
type rectRec struct {
	X, Y, W, H float64
	Kind       string
}

type bookmarkRec struct {
	Title string
	Page  int
	Doc   string
}

// newCanvas returns a canvas on a new A4 document with the embedded fonts,
// fixed dates (today) and a sorted catalog: the same input gives the same bytes.
func newCanvas(today civil.Date, title string) (*canvas, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	t := time.Date(today.Year, today.Month, today.Day, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(t)
	pdf.SetModificationDate(t)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetCellMargin(0)
	pdf.SetProducer("ofiipack", false)
	pdf.SetCreator("ofiipack", false)
	pdf.SetLang("fr-FR")
	pdf.SetTitle(title, true)
	c := &canvas{pdf: pdf, rec: &layout{}, size: sizeBody, ink: colInk, loaded: map[string]bool{}, measure: map[string]func(string) int{}, detail: recordDetail}
	// Every document uses the regular and bold faces; the italic one is
	// parsed only when a document draws with it (fpdf parses each font
	// for each PDF, the main fixed cost of a pack).
	for _, s := range []string{styleRegular, styleBold} {
		if err := c.loadFont(s); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// face is an embedded TrueType file as fpdf knows it: a family and a style.
// draws reports which characters it is used for (nil: every character the
// loader accepts, fontset.Covers).
type face struct {
	family, style string
	data          []byte
	draws         func(rune) bool
}

// faces are the embedded fonts by the style name the canvas uses: the
// styles of Noto Sans, and the faces of the scripts of the notice in the
// applicant's language (styleArabic…), loaded only by a pack that prints
// such a notice.
var faces = map[string]face{
	styleRegular:      {family, "", fonts.Regular, nil},
	styleBold:         {family, "B", fonts.Bold, nil},
	styleItalic:       {family, "I", fonts.Italic, nil},
	styleArabic:       {"notoarabic", "", fonts.ArabicRegular, arabicRune},
	styleArabicBold:   {"notoarabic", "B", fonts.ArabicBold, arabicRune},
	styleGeorgian:     {"notogeorgian", "", fonts.GeorgianRegular, georgianRune},
	styleGeorgianBold: {"notogeorgian", "B", fonts.GeorgianBold, georgianRune},
}

// loadFont registers the face of style with fpdf. A font that fpdf cannot
// parse is printed to stdout and skipped, not returned: SetFont turns that
// into an error.
func (c *canvas) loadFont(style string) error {
	if c.loaded[style] {
		return nil
	}
	f, ok := faces[style]
	if !ok {
		return fmt.Errorf("no embedded font for style %q", style)
	}
	c.pdf.AddUTF8FontFromBytes(f.family, f.style, f.data)
	c.pdf.SetFont(f.family, f.style, sizeBody)
	c.font = false
	if err := c.pdf.Error(); err != nil {
		return fmt.Errorf("load embedded fonts: %w", err)
	}
	c.loaded[style] = true
	return nil
}

// fail records the first error; drawing goes on harmlessly.
func (c *canvas) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

// check rejects text the fonts cannot draw (above U+FFFF fpdf panics;
// elsewhere it would print an empty box). The loader already refuses such
// input; this guards hand-built files and our own wording.
func (c *canvas) check(style, s string) bool {
	draws := faces[style].draws
	for _, r := range s {
		if draws == nil && r >= 0x20 && r < 0x7f {
			continue
		}
		if draws == nil && !fontset.Covers(r) || draws != nil && !draws(r) {
			c.fail(fmt.Errorf("character %U cannot be drawn with the embedded fonts", r))
			return false
		}
	}
	return true
}

func (c *canvas) page() *pageRec { return &c.rec.Pages[len(c.rec.Pages)-1] }

// startDoc begins a document on a new page, with its bookmark.
func (c *canvas) startDoc(id, title, footer string) {
	c.rec.Docs = append(c.rec.Docs, docRec{ID: id, Title: title, Footer: footer, FirstPage: c.pdf.PageCount() + 1})
	c.doc = &c.rec.Docs[len(c.rec.Docs)-1]
	c.continued = nil
	c.addPage()
	c.setFont(styleBold, sizeBody)
	if c.check(styleBold, title) {
		c.pdf.Bookmark(title, 0, 0)
		c.rec.Bookmarks = append(c.rec.Bookmarks, bookmarkRec{Title: title, Page: c.pdf.PageNo(), Doc: id})
	}
}

func (c *canvas) addPage() {
	c.pdf.AddPage()
	c.doc.PageCount++
	c.rec.Pages = append(c.rec.Pages, pageRec{Doc: c.doc.ID, Number: c.doc.PageCount})
	c.font = false
	c.y = marginTop
	c.pdf.SetLineWidth(0.2)
}

// newPage continues the current document on a new page.
func (c *canvas) newPage() {
	c.addPage()
	if c.continued != nil {
		c.continued()
	}
}

// need starts a new page unless h millimetres fit below the cursor.
func (c *canvas) need(h float64) {
	if c.y+h > contentBottom {
		c.newPage()
	}
}

func (c *canvas) setFont(style string, size float64) {
	if c.font && c.style == style && c.size == size {
		return
	}
	if err := c.loadFont(style); err != nil {
		c.fail(err)
		return
	}
	f := faces[style]
	c.pdf.SetFont(f.family, f.style, size)
	c.style, c.size, c.font = style, size, true
}

func (c *canvas) setInk(col rgb) {
	c.ink = col
	c.pdf.SetTextColor(col.R, col.G, col.B)
}

func (c *canvas) setFill(col rgb) { c.pdf.SetFillColor(col.R, col.G, col.B) }
func (c *canvas) setDraw(col rgb) { c.pdf.SetDrawColor(col.R, col.G, col.B) }

// width measures s in the given style and size.
//
// It measures without selecting the font (fpdf patch 14): a selection is
// written into the page, and measuring a paragraph's words in their
// styles selected a font at every change of style. The result is what
// fpdf's GetStringWidth gives once the font is selected.
func (c *canvas) width(style string, size float64, s string) float64 {
	return float64(c.units(style, s)) * (size / c.pdf.GetConversionRatio()) / 1000
}

// units measures s in the font of style, in thousandths of the font size.
func (c *canvas) units(style, s string) int {
	m := c.measure[style]
	if m == nil {
		if err := c.loadFont(style); err != nil {
			c.fail(err)
			return 0
		}
		f := faces[style]
		if m = c.pdf.SymbolWidthFunc(f.family, f.style); m == nil {
			c.fail(fmt.Errorf("font style %q was not added", style))
			return 0
		}
		c.measure[style] = m
	}
	return m(s)
}

// baseline of a line box of height lead whose top is top: the capitals
// are centred in the box.
func baseline(top, lead, size float64) float64 {
	return top + (lead+0.7*size*ptToMM)/2
}

// textAt draws s with its baseline at (x, base) in the current ink.
func (c *canvas) textAt(x, base float64, style string, size float64, s string) float64 {
	if s == "" || !c.check(style, s) {
		return 0
	}
	c.setFont(style, size)
	w := c.pdf.GetStringWidth(s)
	c.pdf.Text(x, base, s)
	if !c.detail {
		return w
	}
	p := c.page()
	p.Texts = append(p.Texts, textRec{X: x, Top: base - 0.75*size*ptToMM, Baseline: base, W: w, Size: size, Style: style, Text: s})
	return w
}

// Horizontal alignment of a line in its box.
type align int

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

// line draws one line of text in the line box (x, top, w, lead).
func (c *canvas) line(x, top, w, lead float64, style string, size float64, a align, s string) {
	tw := c.width(style, size, s)
	switch a {
	case alignRight:
		x += w - tw
	case alignCenter:
		x += (w - tw) / 2
	}
	c.textAt(x, baseline(top, lead, size), style, size, s)
}

// span is a piece of a paragraph in one style.
type span struct {
	Style string
	Text  string
}

// word is a piece of a span between breakable spaces.
type word struct {
	style string
	text  string
	w     float64
	space bool // a breakable space precedes the word
	brk   bool // a forced line break precedes the word
	// span is the index of the span whose text holds text, ending at its
	// byte end; -1 when text was joined from pieces. wrap uses it to make
	// a line's run of words a slice of the span instead of a new string.
	span, end int
}

// start is where w's text begins in its span's text.
func (w word) start() int { return w.end - len(w.text) }

// words cuts spans at plain spaces and newlines. No-break spaces (U+00A0,
// U+202F) never break: French typography binds "25 €", "n° 12", « x ».
// (fpdf's SplitText would break there, and SplitLines counts bytes.)
//
// The words are appended to out[:0], so that wrap reuses one slice for
// every paragraph of a document.
func (c *canvas) words(out []word, size float64, spans []span) []word {
	out = out[:0]
	space, brk := false, false
	for si, sp := range spans {
		text := sp.Text
		at := 0 // where text begins in sp.Text
		for len(text) > 0 {
			i := strings.IndexAny(text, " \n")
			if i < 0 {
				i = len(text)
			}
			if i > 0 {
				t := text[:i]
				if n := len(out); space && !brk && n > 0 && out[n-1].style == sp.Style && glueAfter(out[n-1].text) {
					// "15 000 €", "art. L. 425-9", "dans 15 jours": keep together
					prev := &out[n-1]
					if prev.span == si && prev.end+1 == at && sp.Text[prev.end] == ' ' {
						prev.text = sp.Text[prev.start() : at+i]
						prev.end = at + i
					} else {
						prev.text += " " + t
						prev.span = -1
					}
					prev.w = c.width(sp.Style, size, prev.text)
				} else {
					out = append(out, word{style: sp.Style, text: t, w: c.width(sp.Style, size, t), space: space, brk: brk, span: si, end: at + i})
				}
				space, brk = false, false
			}
			if i < len(text) {
				if text[i] == '\n' {
					brk = true
				} else {
					space = true
				}
				i++
			}
			text = text[i:]
			at += i
		}
	}
	return out
}

// glueAfter reports whether the space after w must not break a line, as
// French typography binds a number to what it counts ("15 jours", "15 000 €")
// and an abbreviation to what it abbreviates ("art. L. 425-9").
func glueAfter(w string) bool {
	w = w[strings.LastIndexByte(w, ' ')+1:]          // the last word of words already glued
	if i := strings.LastIndexByte(w, '\''); i >= 0 { // "l'art."
		w = w[i+1:]
	}
	if i := strings.LastIndex(w, "’"); i >= 0 { // "l’art."
		w = w[i+len("’"):]
	}
	switch w {
	case "art.", "L.", "R.", "D.", "n°", "N°", "M.", "Mme", "Dr":
		return true
	}
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// wrapped is one laid-out line: runs of words in one style.
type wrapped struct {
	runs []span
	w    float64
	// The last run is a slice of the text of spans[span], ending at byte
	// end; span is -1 when it is a joined string (or there is no run).
	span, end int
}

// wrapMemo is a paragraph wrap laid out, kept for the next call with the
// same arguments: a block's height is measured before it is drawn, and
// the checklist measures a whole section before drawing it.
type wrapMemo struct {
	size, w float64
	spans   []span
	lines   []wrapped
}

// wrapMemos is how many laid-out paragraphs a canvas keeps.
const wrapMemos = 16

// wrap lays words out in lines of at most w millimetres. A word wider than
// a line is cut between characters. The lines are shared with later calls
// with the same arguments: callers read them and never change them.
func (c *canvas) wrap(size, w float64, spans []span) []wrapped {
	for i := range c.memo {
		if m := &c.memo[i]; m.lines != nil && m.size == size && m.w == w && slices.Equal(m.spans, spans) {
			return m.lines
		}
	}
	lines := c.layOut(size, w, spans)
	m := &c.memo[c.memoNext]
	c.memoNext = (c.memoNext + 1) % wrapMemos
	m.size, m.w, m.spans, m.lines = size, w, append(m.spans[:0], spans...), lines
	return lines
}

// layOut is wrap without the memo.
func (c *canvas) layOut(size, w float64, spans []span) []wrapped {
	var lines []wrapped
	cur := wrapped{span: -1}
	flush := func() {
		lines = append(lines, cur)
		cur = wrapped{span: -1}
	}
	c.wordBuf = c.words(c.wordBuf, size, spans)
	for _, wd := range c.wordBuf {
		sp := 0.0
		if wd.space && len(cur.runs) > 0 {
			sp = c.width(wd.style, size, " ")
		}
		if wd.brk && len(cur.runs) > 0 {
			flush()
			sp = 0
		}
		if len(cur.runs) > 0 && cur.w+sp+wd.w > w {
			flush()
			sp = 0
		}
		if wd.w > w && len(cur.runs) == 0 {
			// An over-long word is cut into lines as wide as the column:
			// each glyph measured once, so a 10 000-character name costs
			// 10 000 measures, not millions.
			for _, piece := range c.cut(wd.style, size, w, wd.text) {
				// its width too: a line aligned right or centred is
				// placed by it
				cur.runs, cur.w = []span{{wd.style, piece}}, c.width(wd.style, size, piece)
				flush()
			}
			last := len(lines) - 1
			wd.text = lines[last].runs[0].Text // the end of the word continues the line
			wd.w = c.width(wd.style, size, wd.text)
			wd.span = -1
			lines = lines[:last]
		}
		if n := len(cur.runs); n > 0 && cur.runs[n-1].Style == wd.style {
			run := &cur.runs[n-1]
			switch {
			case sp > 0 && cur.span >= 0 && cur.span == wd.span && cur.end+1 == wd.start() && spans[wd.span].Text[cur.end] == ' ':
				run.Text = spans[wd.span].Text[cur.end-len(run.Text) : wd.end]
				cur.end = wd.end
			case sp > 0:
				run.Text += " " + wd.text
				cur.span = -1
			default:
				run.Text += wd.text
				cur.span = -1
			}
		} else {
			text := wd.text
			cur.span, cur.end = wd.span, wd.end
			if sp > 0 {
				if at := wd.start() - 1; wd.span >= 0 && at >= 0 && spans[wd.span].Text[at] == ' ' {
					text = spans[wd.span].Text[at:wd.end]
				} else {
					text = " " + text
					cur.span = -1
				}
			}
			cur.runs = append(cur.runs, span{wd.style, text})
		}
		cur.w += sp + wd.w
	}
	if len(cur.runs) > 0 {
		flush()
	}
	return lines
}

// cut splits text, wider than w, into pieces that each fit in w (a piece
// holds at least one character), in one pass over its characters. Each
// piece is the longest prefix of what remains that fits, and the last
// piece is what remains: exactly what measuring every prefix would give,
// since a string's width is the sum of its glyphs' widths.
func (c *canvas) cut(style string, size, w float64, text string) []string {
	unit := size / c.pdf.GetConversionRatio() // what fpdf's GetFontSize gives once the font is set
	fits := func(units int) bool { return float64(units)*unit/1000 <= w }
	rs := []rune(text)
	units := make([]int, len(rs))
	total := 0
	for i, r := range rs {
		units[i] = c.units(style, string(r))
		total += units[i]
	}
	var pieces []string
	start := 0
	for len(rs)-start > 1 && !fits(total) {
		n, acc := 0, 0
		for start+n < len(rs)-1 && fits(acc+units[start+n]) {
			acc += units[start+n]
			n++
		}
		if n == 0 { // one glyph wider than the column: alone on its line
			n, acc = 1, units[start]
		}
		pieces = append(pieces, string(rs[start:start+n]))
		start += n
		total -= acc
	}
	return append(pieces, string(rs[start:]))
}

// paraHeight is the height a paragraph would take.
func (c *canvas) paraHeight(w, lead, size float64, spans []span) float64 {
	return float64(len(c.wrap(size, w, spans))) * lead
}

// para draws a wrapped paragraph from the cursor and moves the cursor
// below it, continuing on a new page when the page is full.
func (c *canvas) para(x, w, lead, size float64, a align, spans ...span) {
	for _, ln := range c.wrap(size, w, spans) {
		c.need(lead)
		c.drawWrapped(x, c.y, w, lead, size, a, ln)
		c.y += lead
	}
}

// paraAt draws a wrapped paragraph from top without page breaks and
// returns its height.
func (c *canvas) paraAt(x, top, w, lead, size float64, a align, spans ...span) float64 {
	lines := c.wrap(size, w, spans)
	for i, ln := range lines {
		c.drawWrapped(x, top+float64(i)*lead, w, lead, size, a, ln)
	}
	return float64(len(lines)) * lead
}

func (c *canvas) drawWrapped(x, top, w, lead, size float64, a align, ln wrapped) {
	switch a {
	case alignRight:
		x += w - ln.w
	case alignCenter:
		x += (w - ln.w) / 2
	}
	base := baseline(top, lead, size)
	for _, r := range ln.runs {
		x += c.textAt(x, base, r.Style, size, r.Text)
	}
}

// plain is a one-span paragraph.
func plain(style, s string) span { return span{style, s} }

// rect draws a rectangle: style "D" frame, "F" fill, "FD" both.
func (c *canvas) rect(x, y, w, h float64, style string) { c.pdf.Rect(x, y, w, h, style) }

func (c *canvas) hline(x1, x2, y float64) { c.pdf.Line(x1, y, x2, y) }

// record notes a rectangle that tests care about.
func (c *canvas) record(kind string, x, y, w, h float64) {
	if !c.detail {
		return
	}
	p := c.page()
	p.Rects = append(p.Rects, rectRec{X: x, Y: y, W: w, H: h, Kind: kind})
}

// checkbox draws a tick box whose top-left corner is (x, y); the tick is
// drawn with lines (the fonts have no check-mark glyph).
func (c *canvas) checkbox(x, y, size float64, ticked bool, label string) {
	c.setDraw(colInk)
	c.pdf.SetLineWidth(0.3)
	c.rect(x, y, size, size, "D")
	if ticked {
		c.pdf.SetLineWidth(0.55)
		c.pdf.SetLineCapStyle("round")
		c.pdf.SetLineJoinStyle("round")
		c.pdf.Line(x+0.2*size, y+0.55*size, x+0.42*size, y+0.78*size)
		c.pdf.Line(x+0.42*size, y+0.78*size, x+0.85*size, y+0.2*size)
		c.pdf.SetLineCapStyle("butt")
		c.pdf.SetLineJoinStyle("miter")
	}
	c.pdf.SetLineWidth(0.2)
	if !c.detail {
		return
	}
	p := c.page()
	p.Boxes = append(p.Boxes, boxRec{X: x, Y: y, Size: size, Ticked: ticked, Label: label})
}

// link makes a rectangle of the page open url.
func (c *canvas) link(x, y, w, h float64, url string) {
	c.pdf.LinkString(x, y, w, h, url)
	if !c.detail {
		return
	}
	p := c.page()
	p.Links = append(p.Links, linkRec{X: x, Y: y, W: w, H: h, URL: url})
}

// finish writes every page's footer ("page X / Y" within its document)
// by going back to each page once all pages exist.
func (c *canvas) finish(pageLabel func(n, total int) string) {
	for i := range c.rec.Docs {
		d := &c.rec.Docs[i]
		d.PageLabels = nil
		for n := 1; n <= d.PageCount; n++ {
			pg := d.FirstPage + n - 1
			c.pdf.SetPage(pg)
			c.font = false // the font last set belongs to another page's stream
			saved := c.rec.Pages
			c.rec.Pages = saved[:pg] // page() is now this page
			label := pageLabel(n, d.PageCount)
			d.PageLabels = append(d.PageLabels, label)
			c.setInk(colMuted)
			c.setFill(colWhite)
			if d.Footer == "" {
				c.line(marginLeft, footerBaseline-4, contentWidth, 5, styleRegular, sizeTiny, alignCenter, label)
			} else {
				c.setDraw(colRule)
				c.hline(marginLeft, pageWidth-marginRight, footerBaseline-4.5)
				c.line(marginLeft, footerBaseline-4, contentWidth-25, 5, styleRegular, sizeTiny, alignLeft, d.Footer)
				c.line(marginLeft, footerBaseline-4, contentWidth, 5, styleRegular, sizeTiny, alignRight, label)
			}
			c.rec.Pages = saved
		}
	}
	c.setInk(colInk)
}

// output writes the PDF.
func (c *canvas) output(w interface{ Write([]byte) (int, error) }) error {
	if c.err != nil {
		c.pdf.Close()
		return c.err
	}
	if err := c.pdf.Output(w); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

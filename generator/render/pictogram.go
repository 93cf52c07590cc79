package render

import (
	"bytes"
	"strconv"
	"sync"
)

// Pictograms of the notice in the applicant's language (SPEC §3): drawn as
// vectors, no image file, each printed with its word, so that a person who
// reads little still finds the date and the action. Each is a path in a
// box of 100 × 100 units (y downwards), made once per process and placed
// on the page by a transformation, as the QR codes are: a notice draws up
// to ten of them, and formatting their curves anew was a tenth of its cost.
type pictogram int

const (
	pictoClock    pictogram = iota // a deadline, an action: something is due
	pictoBuilding                  // an appointment: be at a place on the date
	pictoCalendar                  // an expiry: a document ends on the date
	pictoEnvelope                  // a letter arrives; the sealed certificate
	pictoPhone                     // who can help
	pictoDot                       // a bullet
	numPictograms
)

// pictogramOf is the pictogram of a kind of date (SPEC §2).
func pictogramOf(kind string) pictogram {
	switch kind {
	case "appointment":
		return pictoBuilding
	case "expiry":
		return pictoCalendar
	}
	return pictoClock
}

// pictogram draws p in the square of side s (mm) whose top-left corner is
// (x, y), stroked and filled in the current draw and fill colours.
func (c *canvas) pictogram(p pictogram, x, y, s float64) {
	k := c.pdf.GetConversionRatio()
	m := s / 100 * k
	b := make([]byte, 0, 64+len(pictoPaths()[p]))
	b = append(b, "q "...)
	b = strconv.AppendFloat(b, m, 'f', 4, 64)
	b = append(b, " 0 0 "...)
	b = strconv.AppendFloat(b, -m, 'f', 4, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, x*k, 'f', 3, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (pageHeight-y)*k, 'f', 3, 64)
	b = append(b, " cm\n"...)
	b = append(b, pictoPaths()[p]...)
	b = append(b, "Q\n"...)
	c.pdf.RawWriteBuf(bytes.NewReader(b))
}

// path writes PDF path operators in the pictograms' 100-unit box.
type path []byte

func (p path) num(v float64) path {
	return append(strconv.AppendFloat(p, v, 'f', -1, 64), ' ')
}

func (p path) op(s string) path { return append(p, s+"\n"...) }

func (p path) move(x, y float64) path { return p.num(x).num(y).op("m") }
func (p path) line(x, y float64) path { return p.num(x).num(y).op("l") }
func (p path) rect(x, y, w, h float64) path {
	return p.num(x).num(y).num(w).num(h).op("re")
}

// circle adds a circle of four Bézier arcs.
func (p path) circle(cx, cy, r float64) path {
	const kappa = 0.5523
	d := r * kappa
	p = p.move(cx+r, cy)
	p = p.num(cx + r).num(cy + d).num(cx + d).num(cy + r).num(cx).num(cy + r).op("c")
	p = p.num(cx - d).num(cy + r).num(cx - r).num(cy + d).num(cx - r).num(cy).op("c")
	p = p.num(cx - r).num(cy - d).num(cx - d).num(cy - r).num(cx).num(cy - r).op("c")
	p = p.num(cx + d).num(cy - r).num(cx + r).num(cy - d).num(cx + r).num(cy).op("c")
	return p.op("h")
}

// stroke is the pictograms' line width (units), thick the hands' and
// crosses'.
const (
	stroke = 3.6
	thick  = 5.8
)

var pictoPaths = sync.OnceValue(func() (paths [numPictograms][]byte) {
	start := func() path { return path("1 J 1 j ").num(stroke).op("w") }

	p := start().circle(50, 50, 44).op("S")
	for _, d := range [][2]float64{{0, -1}, {1, 0}, {0, 1}, {-1, 0}} {
		p = p.move(50+d[0]*34, 50+d[1]*34).line(50+d[0]*40, 50+d[1]*40)
	}
	p = p.op("S").num(thick).op("w").move(50, 50).line(50, 23).move(50, 50).line(70, 59).op("S")
	paths[pictoClock] = p.circle(50, 50, 3.6).op("f")

	p = start().move(6, 34).line(50, 8).line(94, 34).op("h B")
	p = p.rect(10, 38, 80, 5).op("B")
	for i := range 4 {
		p = p.rect(18+float64(i)*21.3, 47, 8, 33)
	}
	paths[pictoBuilding] = p.op("f").rect(6, 84, 88, 8).op("B")

	p = start().rect(8, 16, 84, 76).op("S").rect(8, 16, 84, 16).rect(26, 6, 7, 18).rect(67, 6, 7, 18)
	for row := range 3 {
		for col := range 4 {
			p = p.rect(17+float64(col)*18, 41+float64(row)*16, 10, 8)
		}
	}
	// the last day crossed out: the document ends
	paths[pictoCalendar] = p.op("f").num(thick).op("w").move(66, 68).line(86, 86).move(86, 68).line(66, 86).op("S")

	paths[pictoEnvelope] = start().rect(4, 20, 92, 60).op("S").move(4, 22).line(50, 54).line(96, 22).op("S")

	paths[pictoPhone] = start().rect(26, 4, 48, 92).op("S").rect(32, 15, 36, 60).op("f").circle(50, 85, 4.5).op("f")
	paths[pictoDot] = path(nil).circle(50, 50, 50).op("f")
	return paths
})

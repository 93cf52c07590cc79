package render

import "codeberg.org/go-pdf/fpdf"

// Pictograms of the notice in the applicant's language (SPEC §3): drawn as
// vectors, no image file, each printed with its word, so that a person who
// reads little still finds the date and the action. (x, y) is the top-left
// corner of a square of side s; they draw in the current draw and fill
// colours.
type pictogram int

const (
	pictoClock    pictogram = iota // a deadline: something is due by the date
	pictoBuilding                  // an appointment: be at a place on the date
	pictoCalendar                  // an expiry: a document ends on the date
	pictoEnvelope                  // a letter arrives; the sealed certificate
	pictoPhone                     // who can help
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

func (c *canvas) pictogram(p pictogram, x, y, s float64) {
	pdf := c.pdf
	lw := max(0.25, s/28)
	pdf.SetLineWidth(lw)
	pdf.SetLineCapStyle("round")
	pdf.SetLineJoinStyle("round")
	switch p {
	case pictoClock:
		cx, cy, r := x+s/2, y+s/2, s*0.44
		pdf.Circle(cx, cy, r, "D")
		for _, d := range [][2]float64{{0, -1}, {1, 0}, {0, 1}, {-1, 0}} {
			pdf.Line(cx+d[0]*r*0.78, cy+d[1]*r*0.78, cx+d[0]*r*0.92, cy+d[1]*r*0.92)
		}
		pdf.SetLineWidth(lw * 1.6)
		pdf.Line(cx, cy, cx, cy-r*0.62)
		pdf.Line(cx, cy, cx+r*0.45, cy+r*0.2)
		pdf.Circle(cx, cy, lw, "F")
	case pictoBuilding:
		roof := []fpdf.PointType{{X: x + s*0.06, Y: y + s*0.34}, {X: x + s/2, Y: y + s*0.08}, {X: x + s*0.94, Y: y + s*0.34}}
		pdf.Polygon(roof, "FD")
		pdf.Rect(x+s*0.1, y+s*0.38, s*0.8, s*0.05, "FD")
		for i := range 4 {
			cx := x + s*0.18 + float64(i)*s*0.213
			pdf.Rect(cx, y+s*0.47, s*0.08, s*0.33, "F")
		}
		pdf.Rect(x+s*0.06, y+s*0.84, s*0.88, s*0.08, "FD")
	case pictoCalendar:
		pdf.RoundedRect(x+s*0.08, y+s*0.16, s*0.84, s*0.76, s*0.06, "1234", "D")
		pdf.Rect(x+s*0.08, y+s*0.16, s*0.84, s*0.16, "F")
		pdf.Rect(x+s*0.26, y+s*0.06, s*0.07, s*0.18, "F")
		pdf.Rect(x+s*0.67, y+s*0.06, s*0.07, s*0.18, "F")
		for row := range 3 {
			for col := range 4 {
				pdf.Rect(x+s*(0.17+float64(col)*0.18), y+s*(0.41+float64(row)*0.16), s*0.1, s*0.08, "F")
			}
		}
		// the last day crossed out: the document ends
		pdf.SetLineWidth(lw * 1.6)
		bx, by := x+s*0.71, y+s*0.73
		pdf.Line(bx-s*0.05, by-s*0.05, bx+s*0.15, by+s*0.13)
		pdf.Line(bx+s*0.15, by-s*0.05, bx-s*0.05, by+s*0.13)
	case pictoEnvelope:
		pdf.RoundedRect(x+s*0.04, y+s*0.2, s*0.92, s*0.6, s*0.04, "1234", "D")
		pdf.Line(x+s*0.04, y+s*0.22, x+s/2, y+s*0.54)
		pdf.Line(x+s/2, y+s*0.54, x+s*0.96, y+s*0.22)
	case pictoPhone:
		pdf.RoundedRect(x+s*0.26, y+s*0.04, s*0.48, s*0.92, s*0.08, "1234", "D")
		pdf.Rect(x+s*0.32, y+s*0.15, s*0.36, s*0.6, "F")
		pdf.Circle(x+s/2, y+s*0.85, s*0.045, "F")
	}
	pdf.SetLineCapStyle("butt")
	pdf.SetLineJoinStyle("miter")
	pdf.SetLineWidth(0.2)
}

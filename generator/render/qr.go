package render

import (
	"fmt"

	qrcode "github.com/skip2/go-qrcode"
)

// qr draws payload as a QR code whose outer square (quiet zone included)
// has its top-left corner at (x, y) and side size. Modules are vector
// rectangles (one per horizontal run of dark modules): crisp at any
// resolution and cheaper than an image. Payloads must be ASCII, so that
// every phone scanner reads them the same way.
func (c *canvas) qr(x, y, size float64, payload string) {
	for i := 0; i < len(payload); i++ {
		if payload[i] >= 0x80 {
			c.fail(fmt.Errorf("qr payload is not ascii at byte %d", i))
			return
		}
	}
	q, err := qrcode.New(payload, qrcode.Medium)
	if err != nil {
		c.fail(fmt.Errorf("qr code: %w", err))
		return
	}
	q.DisableBorder = true
	bits := q.Bitmap()
	n := len(bits) + 2*qrQuietModules
	m := size / float64(n)
	c.setFill(colWhite)
	c.rect(x, y, size, size, "F")
	c.setFill(colBlack)
	for r, row := range bits {
		for col := 0; col < len(row); {
			if !row[col] {
				col++
				continue
			}
			end := col
			for end < len(row) && row[end] {
				end++
			}
			// a hair of overlap hides the seams some viewers draw between rectangles
			c.rect(x+float64(qrQuietModules+col)*m, y+float64(qrQuietModules+r)*m, float64(end-col)*m+0.01, m+0.01, "F")
			col = end
		}
	}
	p := c.page()
	p.QRs = append(p.QRs, qrRec{X: x, Y: y, Size: size, Module: m, Payload: payload})
}

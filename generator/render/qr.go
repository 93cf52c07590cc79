package render

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"

	"rsc.io/qr"
)

// qr draws payload as a QR code whose outer square (quiet zone included)
// has its top-left corner at (x, y) and side size. Modules are vector
// rectangles (one per horizontal run of dark modules), filled as one path:
// crisp at any resolution, without the seams some viewers draw between
// separately filled rectangles. Payloads must be ASCII, so that
// every phone scanner reads them the same way.
//
// cache keeps the encoded symbol for the next documents: for payloads that
// never change (the ANEF address), since Reed–Solomon coding and mask
// selection are a good part of a pack's cost.
func (c *canvas) qr(x, y, size float64, payload string, cache bool) {
	for i := 0; i < len(payload); i++ {
		if payload[i] >= 0x80 {
			c.fail(fmt.Errorf("qr payload is not ascii at byte %d", i))
			return
		}
	}
	bits, err := qrBitmap(payload, cache)
	if err != nil {
		c.fail(err)
		return
	}
	n := len(bits) + 2*qrQuietModules
	m := size / float64(n)
	c.setFill(colWhite)
	c.rect(x, y, size, size, "F")
	c.setFill(colBlack)
	c.pdf.RawWriteBuf(bytes.NewReader(qrPath(bits, c.pdf.GetConversionRatio(), x, y, m)))
	if !c.detail {
		return
	}
	p := c.page()
	p.QRs = append(p.QRs, qrRec{X: x, Y: y, Size: size, Module: m, Payload: payload})
}

var qrCache sync.Map // payload → [][]bool

// qrBitmap encodes payload at error correction level M (15 %), which
// survives folds and smudges on paper, without its border.
//
// rsc.io/qr rather than github.com/skip2/go-qrcode: for the 360-byte event
// payloads of the calendar (version 15), go-qrcode takes 3.8 ms and 26,000
// allocations per code, rsc.io/qr 0.15 ms and 36 — half of a pack's CPU time
// went there. Both produce standard codes that zbarimg and phones read.
func qrBitmap(payload string, cache bool) ([][]bool, error) {
	if b, ok := qrCache.Load(payload); ok {
		return b.([][]bool), nil
	}
	code, err := qr.Encode(payload, qr.M)
	if err != nil {
		return nil, fmt.Errorf("qr code: %w", err)
	}
	bits := make([][]bool, code.Size)
	for y := range bits {
		bits[y] = make([]bool, code.Size)
		for x := range bits[y] {
			bits[y][x] = code.Black(x, y)
		}
	}
	if cache {
		qrCache.Store(payload, bits)
	}
	return bits, nil
}

// qrPath returns the PDF content that fills the dark modules of bits. It
// sets a coordinate system in module units (origin at the symbol's top-left
// module, y downwards), so each run is written with small integers: a
// version-15 code is about 1,500 runs, and formatting them as fpdf.Rect does
// (four floats each) was a tenth of a pack's time. k is the user unit in
// points; (x, y) and m are the symbol's corner and module size in mm.
func qrPath(bits [][]bool, k, x, y, m float64) []byte {
	b := make([]byte, 0, 16*len(bits)*len(bits)/3+64)
	b = append(b, "q "...)
	b = strconv.AppendFloat(b, m*k, 'f', 4, 64)
	b = append(b, " 0 0 "...)
	b = strconv.AppendFloat(b, -m*k, 'f', 4, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (x+qrQuietModules*m)*k, 'f', 3, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (pageHeight-y-qrQuietModules*m)*k, 'f', 3, 64)
	b = append(b, " cm\n"...)
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
			b = strconv.AppendInt(b, int64(col), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(r), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(end-col), 10)
			b = append(b, " 1 re\n"...)
			col = end
		}
	}
	b = append(b, "f Q"...)
	return b
}

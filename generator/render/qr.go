package render

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"

	"rsc.io/qr/coding"
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
	code := c.codes[payload]
	if code == nil {
		var err error
		if code, err = qrCode(payload, cache); err != nil {
			c.fail(err)
			return
		}
		// the notice and the calendar print the next date's code: it is
		// encoded once per pack
		if c.codes == nil {
			c.codes = map[string]*coding.Code{}
		}
		c.codes[payload] = code
	}
	n := code.Size + 2*qrQuietModules
	m := size / float64(n)
	c.setFill(colWhite)
	c.rect(x, y, size, size, "F")
	c.setFill(colBlack)
	c.pdf.RawWriteBuf(bytes.NewReader(qrPath(code, c.pdf.GetConversionRatio(), x, y, m)))
	if !c.detail {
		return
	}
	p := c.page()
	p.QRs = append(p.QRs, qrRec{X: x, Y: y, Size: size, Module: m, Payload: payload})
}

var (
	qrCache sync.Map // payload → *coding.Code
	qrPlans sync.Map // coding.Version → *coding.Plan
)

// qrCode encodes payload at error correction level M (15 %), which
// survives folds and smudges on paper, without its border.
//
// rsc.io/qr rather than github.com/skip2/go-qrcode: for the 360-byte event
// payloads of the calendar (version 15), go-qrcode takes 3.8 ms and 26,000
// allocations per code, rsc.io/qr 0.15 ms and 36 — half of a pack's CPU time
// went there. Both produce standard codes that zbarimg and phones read.
//
// It does what qr.Encode does (the smallest of the numeric, alphanumeric
// and byte encodings, the smallest version that holds it, mask 0), with
// each version's plan (the placement of every module, half of the work)
// made once per process: a plan is only read while encoding, so the
// batch's workers share them. TestQRCodeIsQREncode holds it to qr.Encode.
func qrCode(payload string, cache bool) (*coding.Code, error) {
	if c, ok := qrCache.Load(payload); ok {
		return c.(*coding.Code), nil
	}
	var enc coding.Encoding
	switch {
	case coding.Num(payload).Check() == nil:
		enc = coding.Num(payload)
	case coding.Alpha(payload).Check() == nil:
		enc = coding.Alpha(payload)
	default:
		enc = coding.String(payload)
	}
	v := coding.Version(coding.MinVersion)
	for ; enc.Bits(v) > v.DataBytes(coding.M)*8; v++ {
		if v == coding.MaxVersion {
			return nil, fmt.Errorf("qr code: %d bytes are too long to encode", len(payload))
		}
	}
	var plan *coding.Plan
	if p, ok := qrPlans.Load(v); ok {
		plan = p.(*coding.Plan)
	} else {
		p, err := coding.NewPlan(v, coding.M, 0)
		if err != nil {
			return nil, fmt.Errorf("qr code: %w", err)
		}
		qrPlans.Store(v, p)
		plan = p
	}
	code, err := plan.Encode(enc)
	if err != nil {
		return nil, fmt.Errorf("qr code: %w", err)
	}
	if cache {
		qrCache.Store(payload, code)
	}
	return code, nil
}

// qrPath returns the PDF content that fills the dark modules of code. It
// sets a coordinate system in module units (origin at the symbol's top-left
// module, y downwards), so each run is written with small integers: a
// version-15 code is about 1,500 runs, and formatting them as fpdf.Rect does
// (four floats each) was a tenth of a pack's time. k is the user unit in
// points; (x, y) and m are the symbol's corner and module size in mm.
func qrPath(code *coding.Code, k, x, y, m float64) []byte {
	b := make([]byte, 0, 16*code.Size*code.Size/3+64)
	b = append(b, "q "...)
	b = strconv.AppendFloat(b, m*k, 'f', 4, 64)
	b = append(b, " 0 0 "...)
	b = strconv.AppendFloat(b, -m*k, 'f', 4, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (x+qrQuietModules*m)*k, 'f', 3, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (pageHeight-y-qrQuietModules*m)*k, 'f', 3, 64)
	b = append(b, " cm\n"...)
	for r := range code.Size {
		for col := 0; col < code.Size; {
			if !code.Black(col, r) {
				col++
				continue
			}
			end := col
			for end < code.Size && code.Black(end, r) {
				end++
			}
			b = appendModules(b, col)
			b = append(b, ' ')
			b = appendModules(b, r)
			b = append(b, ' ')
			b = appendModules(b, end-col)
			b = append(b, " 1 re\n"...)
			col = end
		}
	}
	b = append(b, "f Q"...)
	return b
}

// moduleNumbers are the decimal forms of 0 to 177, the side of the
// largest QR code: a calendar page writes thousands of them.
var moduleNumbers = func() (s [178]string) {
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

func appendModules(b []byte, n int) []byte {
	if n < len(moduleNumbers) {
		return append(b, moduleNumbers[n]...)
	}
	return strconv.AppendInt(b, int64(n), 10)
}

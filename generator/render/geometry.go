package render

// This file is the one place that knows the page geometry, the type scale
// and the colours of every document. Lengths are millimetres, font sizes
// points.

// Page: ISO 216 A4, portrait.
const (
	pageWidth  = 210.0
	pageHeight = 297.0

	marginLeft   = 20.0
	marginRight  = 20.0
	marginTop    = 18.0
	marginBottom = 22.0 // leaves room for the footer

	contentWidth  = pageWidth - marginLeft - marginRight
	contentBottom = pageHeight - marginBottom

	footerBaseline = pageHeight - 11.0
)

// Type scale (points) and line heights (millimetres, about 1.4 × the size).
const (
	sizeTitle    = 17.0
	sizeSubtitle = 11.5
	sizeHeading  = 12.0
	sizeBody     = 10.0
	sizeSmall    = 8.5
	sizeTiny     = 7.0

	leadTitle   = 8.0
	leadHeading = 6.0
	leadBody    = 4.9
	leadSmall   = 4.1
	leadTiny    = 3.4
)

// ptToMM converts points to millimetres.
const ptToMM = 25.4 / 72

// Styles of the embedded family (fonts.Regular, fonts.Bold, fonts.Italic),
// and the faces of the scripts of the notice in the applicant's language
// (canvas.go, faces).
const (
	styleRegular = ""
	styleBold    = "B"
	styleItalic  = "I"

	styleArabic       = "ar"
	styleArabicBold   = "arB"
	styleGeorgian     = "ka"
	styleGeorgianBold = "kaB"
)

// rgb is a colour.
type rgb struct{ R, G, B int }

// Colours: dark ink for text, one accent, and tints that print well in
// black and white too.
var (
	colInk        = rgb{25, 25, 25}
	colMuted      = rgb{95, 95, 95}
	colAccent     = rgb{0, 70, 127} // headings, frames
	colAccentTint = rgb{229, 238, 246}
	colRule       = rgb{170, 170, 170}
	colShade      = rgb{232, 232, 232} // weekends, table headers
	colHoliday    = rgb{205, 205, 205}
	colWarn       = rgb{170, 35, 25}
	colWarnTint   = rgb{252, 236, 233}
	colWhite      = rgb{255, 255, 255}
	colBlack      = rgb{0, 0, 0}
)

// The cover letter follows NF Z 11-001 for a DL window envelope folded in
// three, as KOMA-Script's NF.lco sets it: the window (recipient block) is
// 100 × 45 mm, its top 35 mm below the top of the paper and its right edge
// 10 mm from the right edge of the paper; fold marks at 99 and 198 mm.
const (
	windowWidth  = 100.0
	windowHeight = 45.0
	windowTop    = 35.0
	windowRight  = 10.0
	windowLeft   = pageWidth - windowRight - windowWidth // 100 mm
	windowPad    = 4.0                                   // text keeps clear of the window's edges

	foldMark1   = 99.0
	foldMark2   = 198.0
	foldMarkLen = 6.0

	letterSenderTop = 15.0
	letterBodyTop   = windowTop + windowHeight + 6 // first line below the window
)

// QR codes: a module of at least 0.5 mm reads well when printed and at
// 150 dpi; four modules of quiet zone on each side (ISO/IEC 18004).
const (
	qrQuietModules = 4
	qrANEFSize     = 30.0
	qrEventSize    = 38.0
)

package sheet

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/ofiipack/ofiipack/generator/applicant"
)

// A cell of a workbook may hold its text, or the index of a text in the
// workbook's table of shared strings: a workbook of 19 KB whose cells all
// name one shared string of 1 MB stands for gigabytes of text, which
// excelize copies out cell by cell (a batch was busy 75 s with 20,000 such
// rows, and days with a workbook of 2 MB). So before excelize reads a row,
// the sheets are measured with each cell counted as the text it stands
// for, and a workbook is refused at the first row past the limits of a
// CSV file: a row of more than applicant.MaxLineSize bytes of text, or a
// sheet of more than applicant.MaxSheetSize. A real caseload is far below
// both: 59 columns of 30 characters are 2 KB a row, 10,000 rows 18 MB.

// errSheetText is a sheet past those limits.
type errSheetText struct {
	row   int  // the row where the limit was passed
	sheet bool // the sheet's limit, not the row's
}

func (e *errSheetText) Error() string {
	if e.sheet {
		return fmt.Sprintf("a sheet holds more than %d bytes of text (row %d)", applicant.MaxSheetSize, e.row)
	}
	return fmt.Sprintf("row %d holds more than %d bytes of text", e.row, applicant.MaxLineSize)
}

// sharedStringLengths returns the length in bytes of each text of a
// workbook's shared-string table (xl/sharedStrings.xml): what a cell that
// names it stands for. A text is counted with all its runs.
func sharedStringLengths(r io.Reader) ([]int32, error) {
	dec := newXMLDecoder(r)
	var (
		lengths []int32
		in      bool // inside an <si>
		text    int  // depth inside <t> elements
		n       int64
	)
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return lengths, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errDamagedXML, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				in, n = true, 0
			case "t":
				text++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				in = false
				lengths = append(lengths, int32(min(n, applicant.MaxSheetSize+1)))
			case "t":
				text = max(0, text-1)
			}
		case xml.CharData:
			if in && text > 0 {
				n += int64(len(t))
			}
		}
	}
}

// checkSheetText measures the sheet of r, when r is a worksheet, with
// each cell counted as the text it stands for (sst: the shared strings'
// lengths), and returns an *errSheetText at the first row past the
// limits. It counts as excelize reads: a row from one <row> to the next,
// numbered by its r attribute or one after the previous; a shared-string
// index that is not a number names the first string. A part that is not
// well-formed XML is damaged: excelize would stop reading the sheet there
// without a word, and the rows after it would be lost.
func checkSheetText(r io.Reader, sst []int32) error {
	dec := newXMLDecoder(r)
	m := &sheetMeter{sst: sst}
	root := true
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %v", errDamagedXML, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root {
				if t.Name.Local != "worksheet" {
					return nil // not a sheet: no cells to count
				}
				root = false
			}
			m.start(t)
		case xml.EndElement:
			if err := m.end(t); err != nil {
				return err
			}
		case xml.CharData:
			if err := m.charData(t); err != nil {
				return err
			}
		}
	}
}

// sheetMeter is the measure of one worksheet's text by checkSheetText:
// where it is in the sheet's XML, and the text counted so far.
type sheetMeter struct {
	sst            []int32 // the shared strings' lengths
	row            int
	rowText, total int64
	inCell, inV    bool
	shared         bool   // the cell names a shared string (t="s")
	index          []byte // the text of its <v>
	indexTooLong   bool
	indexSeen      bool // its <v> holds some text
}

// start follows an element's start: a row (numbered by its r attribute
// or one after the previous), a cell, a cell's value.
func (m *sheetMeter) start(t xml.StartElement) {
	switch t.Name.Local {
	case "row":
		m.rowText = 0
		if n, err := strconv.Atoi(attr(t, "r")); err == nil && n != 0 {
			m.row = n
		} else {
			m.row++
		}
	case "c":
		m.inCell, m.shared = true, attr(t, "t") == "s"
	case "v":
		m.inV, m.index, m.indexTooLong, m.indexSeen = m.inCell, m.index[:0], false, false
	}
}

// end follows an element's end; at the end of a shared string's index,
// the string's length is counted.
func (m *sheetMeter) end(t xml.EndElement) error {
	switch t.Name.Local {
	case "c":
		m.inCell = false
	case "v":
		m.inV = false
		if !m.shared || !m.indexSeen {
			return nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(string(m.index)))
		if err != nil || m.indexTooLong {
			i = 0 // as excelize reads it
		}
		if i >= 0 && i < len(m.sst) {
			return m.add(int64(m.sst[i]))
		}
	}
	return nil
}

// charData counts a cell's text, or keeps the index of a shared string:
// at most 64 bytes of it, a longer one names the first string.
func (m *sheetMeter) charData(t xml.CharData) error {
	switch {
	case m.inV && m.shared:
		m.indexSeen = true
		if len(m.index)+len(t) > 64 {
			m.indexTooLong = true
		} else {
			m.index = append(m.index, t...)
		}
	case m.inCell:
		return m.add(int64(len(t)))
	}
	return nil
}

// add counts n bytes of text in the current row; an *errSheetText when
// the row or the sheet passes its limit.
func (m *sheetMeter) add(n int64) error {
	m.rowText += n
	m.total += n
	switch {
	case m.rowText > applicant.MaxLineSize:
		return &errSheetText{row: m.row}
	case m.total > applicant.MaxSheetSize:
		return &errSheetText{row: m.row, sheet: true}
	}
	return nil
}

// newXMLDecoder reads XML as excelize does, in any encoding it declares.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = charset.NewReaderLabel
	return dec
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/input"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// day numbers, converted by column kind).
type xlsxRows struct {
	rows *excelize.Rows
	row  int
}

func (x *xlsxRows) next() (int, []string, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return 0, nil, err
		}
		return 0, nil, io.EOF
	}
	x.row++
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	return x.row, cells, err
}

// workbookOptions bound what a workbook may inflate to. With the limit for
// one part (UnzipXMLSizeLimit) as high as the limit for the whole, no part
// is ever larger than the limit for one part: excelize then keeps
// everything in memory, within MaxSheetSize, and never writes the sheet's
// personal data into excelize-* files of the system's temporary folder
// (which a killed run would leave there).
var workbookOptions = excelize.Options{
	UnzipSizeLimit:    applicant.MaxSheetSize,
	UnzipXMLSizeLimit: applicant.MaxSheetSize,
}

func readXLSX(ctx context.Context, path string, emit func(Row) bool) bool {
	in, closeFile, err := input.OpenContext(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return emit(cannotRead(path, err))
	}
	data, err := input.ReadAll(in, applicant.MaxSheetSize, msg.New("read.what.spreadsheet"))
	closeFile()
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return emit(cannotRead(path, err))
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), workbookOptions)
	if err == nil {
		// excelize reads a sheet cut short as a sheet that ends there:
		// the applicants after the cut would be lost without a word.
		if err = checkWorkbookXML(data); err != nil {
			f.Close()
		}
	}
	data = nil
	if err != nil {
		return emit(notWorkbook(path, err))
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return emit(failed(path, 0, msg.New("sheet.no_sheet"), msg.New("sheet.damaged_workbook_hint")))
	}
	wb := &workbookCells{}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return emit(failed(path, 0, msg.New("sheet.cannot_read_sheet", sheets[0], msg.OS(err)), msg.New("sheet.damaged_workbook_hint")))
	}
	defer rows.Close()
	return walkSheet(ctx, path, &xlsxRows{rows: rows}, wb, emit)
}

// errDamagedXML is the cause of the error for a workbook part cut short.
var errDamagedXML = errors.New("a part of the workbook is cut short")

// checkWorkbookXML unzips every XML part of the workbook's data (the zip's
// checksums are checked on the way) and returns errDamagedXML for the
// first one that does not end with the end tag of its root element: cut
// short; or for a part named twice (excelize would keep one of them). It
// measures each sheet with its shared strings written out on the way
// (checkSheetText), returning an *errSheetText at the first row past the
// limits. It keeps only the first and last bytes of each part, the
// lengths of the shared strings, and costs the unzipping and an XML scan
// of the sheets.
func checkWorkbookXML(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var sst *zip.File
	for _, zf := range z.File {
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		if seen[name] {
			return fmt.Errorf("%w: %s twice", errDamagedXML, zf.Name)
		}
		seen[name] = true
		if name == "xl/sharedstrings.xml" {
			sst = zf
		}
	}
	// The shared strings first: the sheets' cells name them.
	var lengths []int32
	if sst != nil {
		err := checkPart(sst, func(r io.Reader) (err error) {
			lengths, err = sharedStringLengths(r)
			return err
		})
		if err != nil {
			return err
		}
	}
	for _, zf := range z.File {
		name := strings.ToLower(zf.Name)
		if zf == sst || !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		scan := func(r io.Reader) error { return checkSheetText(r, lengths) }
		if strings.HasSuffix(name, ".rels") {
			scan = nil
		}
		if err := checkPart(zf, scan); err != nil {
			return err
		}
	}
	return nil
}

// checkPart unzips one part, through scan when it is not nil, and returns
// errDamagedXML when the part is cut short.
func checkPart(zf *zip.File, scan func(io.Reader) error) error {
	r, err := zf.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	var ends headTail
	in := io.TeeReader(r, &ends)
	if scan != nil {
		if err := scan(in); err != nil {
			return err
		}
	}
	if _, err := io.Copy(io.Discard, in); err != nil {
		return err
	}
	if !ends.complete() {
		return fmt.Errorf("%w: %s", errDamagedXML, zf.Name)
	}
	return nil
}

// headTail keeps the first and the last bytes written to it.
type headTail struct {
	head, tail []byte
}

const headTailSize = 512

func (h *headTail) Write(p []byte) (int, error) {
	if n := min(len(p), headTailSize-len(h.head)); n > 0 {
		h.head = append(h.head, p[:n]...)
	}
	h.tail = append(h.tail, p[max(0, len(p)-headTailSize):]...)
	if len(h.tail) > headTailSize {
		h.tail = append(h.tail[:0], h.tail[len(h.tail)-headTailSize:]...)
	}
	return len(p), nil
}

// complete reports whether the XML ends with the end of its root element.
func (h *headTail) complete() bool {
	head := h.head
	for {
		i := bytes.IndexByte(head, '<')
		if i < 0 || i+1 >= len(head) {
			return len(bytes.TrimSpace(h.head)) == 0 // an empty part is not cut
		}
		head = head[i+1:]
		if head[0] != '?' && head[0] != '!' {
			break
		}
	}
	end := bytes.IndexAny(head, " \t\r\n/>")
	if end <= 0 {
		return false
	}
	tail := bytes.TrimSpace(h.tail)
	return bytes.HasSuffix(tail, []byte("</"+string(head[:end])+">")) ||
		(head[end] == '/' && bytes.HasSuffix(tail, []byte("/>")))
}

// notWorkbook is the Row of a file that excelize cannot open: a workbook
// that inflates past MaxSheetSize (a zip bomb), one whose shared strings
// stand for more text than a caseload holds, one that is damaged or cut
// short, or another kind of file named .xlsx.
func notWorkbook(path string, err error) Row {
	var (
		corrupt flate.CorruptInputError
		text    *errSheetText
	)
	switch {
	case errors.As(err, &text) && text.sheet:
		return failed(path, 0, msg.New("sheet.sheet_text_too_large", input.Size(applicant.MaxSheetSize), text.row),
			msg.New("sheet.text_too_large_hint"))
	case errors.As(err, &text):
		return failed(path, 0, msg.New("sheet.row_text_too_long", input.Size(applicant.MaxLineSize), text.row),
			msg.New("sheet.text_too_large_hint"))
	case strings.Contains(err.Error(), "unzip size exceeds"):
		return cannotRead(path, msg.Wrap(input.ErrTooLarge, "read.too_large_unzipped", input.Size(applicant.MaxSheetSize)).
			WithHint(msg.New("read.too_large_hint", input.Size(applicant.MaxSheetSize))))
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.As(err, &corrupt), errors.Is(err, errDamagedXML):
		return failed(path, 0, msg.New("sheet.damaged_workbook"), msg.New("sheet.damaged_workbook_hint"))
	}
	return failed(path, 0, msg.New("sheet.not_workbook", msg.OS(err)), msg.New("sheet.not_workbook_hint"))
}

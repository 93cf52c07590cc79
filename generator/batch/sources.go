package batch

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/charmap"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// entry is one applicant found in the inputs, before decoding: a YAML file's
// bytes, or a spreadsheet row as a node tree, or the problems that kept it
// from being read.
type entry struct {
	source string             // the file it comes from
	data   []byte             // a YAML file
	node   *yaml.Node         // a spreadsheet row
	header *header            // the row's header, to name its problems
	row    int                // the spreadsheet's row, 0 for an applicant file
	probs  applicant.Problems // set when the entry cannot be decoded at all

	uncounted bool // counting: the entries of this input cannot be counted
}

// walkInputs calls emit with every entry of inputs, in input order: files
// as given, folders searched recursively in lexical order for .yaml and .yml
// files (hidden ones skipped), spreadsheets row by row. It stops when emit
// returns false or ctx is done. With countOnly, YAML files are listed but
// not read.
func walkInputs(ctx context.Context, inputs []string, countOnly bool, emit func(entry) bool) {
	for _, in := range inputs {
		if ctx.Err() != nil {
			return
		}
		if !walkInput(ctx, in, countOnly, emit) {
			return
		}
	}
}

func walkInput(ctx context.Context, in string, countOnly bool, emit func(entry) bool) bool {
	fi, err := os.Stat(in)
	if err != nil {
		return emit(failed(in, 0, msg.New("batch.cannot_read", msg.OS(err)), msg.New("batch.cannot_read_hint")))
	}
	if fi.IsDir() {
		return walkFolder(ctx, in, countOnly, emit)
	}
	if !fi.Mode().IsRegular() && fi.Mode()&fs.ModeNamedPipe == 0 {
		// A device or a socket: refused unopened, with what it is.
		return emit(readYAML(ctx, in, false, true))
	}
	if countOnly && !fi.Mode().IsRegular() {
		// A pipe or a device can be read only once: its entries are
		// not counted.
		return emit(entry{source: in, uncounted: true})
	}
	switch strings.ToLower(filepath.Ext(in)) {
	case ".csv":
		return guardSheet(in, emit, func() bool { return walkCSV(ctx, in, emit) })
	case ".xlsx", ".xlsm":
		return guardSheet(in, emit, func() bool { return walkXLSX(ctx, in, emit) })
	case ".xls", ".ods", ".numbers":
		return emit(failed(in, 0, msg.New("batch.spreadsheet_kind"), msg.New("batch.spreadsheet_kind_hint")))
	}
	return emit(readYAML(ctx, in, countOnly, true))
}

// guardSheet runs walk, the reading of one spreadsheet, and turns a panic
// met while parsing it (a crafted workbook that a reader does not expect)
// into a failed entry for that file: no input ever stops the batch with a
// stack trace, and the other inputs are still read.
func guardSheet(path string, emit func(entry) bool, walk func() bool) (more bool) {
	defer func() {
		if r := recover(); r != nil {
			more = emit(failed(path, 0, msg.New("batch.damaged_workbook"), msg.New("batch.damaged_workbook_hint")))
		}
	}()
	return walk()
}

func walkFolder(ctx context.Context, dir string, countOnly bool, emit func(entry) bool) bool {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isYAML(path) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil && ctx.Err() == nil {
		return emit(failed(dir, 0, msg.New("batch.cannot_read_folder", msg.OS(err)), noHint))
	}
	if len(files) == 0 && ctx.Err() == nil {
		return emit(failed(dir, 0, msg.New("batch.no_yaml_in_folder"), noHint))
	}
	for _, f := range files { // WalkDir visits in lexical order: deterministic
		// A pipe, a device or a socket found in a folder (a *.yaml link
		// to /dev/zero) is refused unopened: only a file named on the
		// command line may be a pipe.
		if ctx.Err() != nil || !emit(readYAML(ctx, f, countOnly, false)) {
			return false
		}
	}
	return true
}

// readYAML reads an applicant file, of at most applicant.MaxFileSize bytes;
// given tells a file named on the command line, which may be a pipe.
// A pipe's wait for its writer, and its reads, end with ctx.
func readYAML(ctx context.Context, path string, countOnly, given bool) entry {
	if countOnly {
		return entry{source: path}
	}
	what := msg.New("read.what.applicant")
	var (
		data []byte
		err  error
	)
	if given {
		var f *os.File
		var closeFile func()
		if f, closeFile, err = openInput(ctx, path); err == nil {
			data, err = applicant.ReadAll(f, applicant.MaxFileSize, what)
			closeFile()
		}
	} else {
		data, err = applicant.ReadFile(path, applicant.MaxFileSize, false, what)
	}
	if err != nil {
		return cannotRead(path, err)
	}
	return entry{source: path, data: data}
}

// cannotRead is the entry of an input that cannot be read, with the hint
// of the error when it has one (a device, a file too large).
func cannotRead(path string, err error) entry {
	hint := noHint
	var me *msg.Error
	if errors.As(err, &me) {
		hint = me.Hint
	}
	return failed(path, 0, msg.New("batch.cannot_read", msg.OS(err)), hint)
}

// openInput opens a spreadsheet named on the command line (see
// applicant.Open: a regular file or a pipe). The wait for a pipe's writer
// ends with ctx, and so does a read that waits for more data: the file
// is closed then.
func openInput(ctx context.Context, path string) (*os.File, func(), error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := applicant.Open(path, true)
		ch <- opened{f, err}
	}()
	select {
	case o := <-ch:
		if o.err != nil {
			return nil, nil, o.err
		}
		stop := context.AfterFunc(ctx, func() { o.f.Close() })
		return o.f, func() { stop(); o.f.Close() }, nil
	case <-ctx.Done():
		go func() { // the pipe's writer may still come
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, nil, ctx.Err()
	}
}

// limitReader reads a spreadsheet of at most size bytes, in lines of at
// most line bytes; past either it fails, so that a spreadsheet over the
// limit is refused, not silently cut, and an endless line (a file that is
// not a CSV) is not held in memory whole.
type limitReader struct {
	r          io.Reader
	size, line int64 // the limits
	read, run  int64 // bytes read, and since the last end of line
}

func newLimitReader(r io.Reader) *limitReader {
	return &limitReader{r: r, size: applicant.MaxSheetSize, line: applicant.MaxLineSize}
}

func (l *limitReader) Read(p []byte) (int, error) {
	if int64(len(p)) > l.size-l.read+1 {
		p = p[:l.size-l.read+1]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	if l.read > l.size {
		return 0, applicant.TooLarge(l.size, msg.New("read.what.spreadsheet"))
	}
	for b := p[:n]; ; {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			l.run += int64(len(b))
			break
		}
		if l.run+int64(i) > l.line {
			l.run += int64(i)
			break
		}
		l.run, b = 0, b[i+1:]
	}
	if l.run > l.line {
		return 0, msg.Wrap(applicant.ErrTooLarge, "read.line_too_long", applicant.Size(l.line)).
			WithHint(msg.New("read.line_too_long_hint"))
	}
	return n, err
}

func isYAML(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

// noHint is the absence of a hint.
var noHint msg.Text

// failed is the entry of an input, or of a spreadsheet's row, that cannot
// be read.
func failed(source string, row int, message, hint msg.Text) entry {
	return entry{source: source, row: row, probs: applicant.Problems{problem(source, row, message, hint)}}
}

// problem is a problem of a whole input, or of a spreadsheet's row.
func problem(source string, row int, message, hint msg.Text) applicant.Problem {
	return applicant.Problem{File: source, Line: row, Sheet: row > 0, Message: message, Hint: hint}
}

// sheetRows yields the rows of a spreadsheet: row number (1-based) and cells.
type sheetRows interface {
	next() (row int, cells []string, err error) // io.EOF at the end
}

// walkSheet emits one entry per non-blank row under the header row.
func walkSheet(ctx context.Context, source string, rows sheetRows, wb *workbookCells, emit func(entry) bool) bool {
	var h *header
	found := false
	for ctx.Err() == nil {
		row, cells, err := rows.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if row > applicant.MaxSheetRows {
			found = true
			if !emit(failed(source, 0, msg.New("batch.too_many_rows", applicant.MaxSheetRows), msg.New("batch.too_many_rows_hint"))) {
				return false
			}
			break
		}
		var qe *errQuoteSpans
		if errors.As(err, &qe) {
			width := len(cells)
			if h != nil {
				width = len(h.names)
			}
			lost := qe.rowsLost(len(cells), width)
			switch {
			case h == nil:
				lost = qe.lines // the header: every line after it is lost
			case lost == 0:
				err = nil // a cell typed on several lines: the loader says so
			}
			qe.rows = lost
		}
		if err != nil && errors.As(err, &qe) {
			found = true
			p := applicant.Problem{File: source, Line: row, Column: qe.col, Sheet: true, Message: msg.New("batch.quote_spans_lines", qe.from, qe.to, qe.rows),
				Hint: msg.New("batch.quote_spans_lines_hint", qe.from, qe.from+1, qe.to)}
			if !emit(entry{source: source, row: row, probs: applicant.Problems{p}}) {
				return false
			}
			if h == nil {
				return true // the header itself: no row can be read
			}
			continue
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && h != nil {
				if !emit(failed(source, row, msg.New("batch.cannot_read_row", pe.Err.Error()), noHint)) {
					return false
				}
				continue
			}
			return emit(cannotRead(source, err))
		}
		if h == nil {
			if blank(cells) {
				continue // blank lines above the header
			}
			var probs applicant.Problems
			h, probs = parseHeader(source, row, cells)
			if len(probs) > 0 {
				// Every row would be read wrongly: one entry for the file.
				return emit(entry{source: source, row: row, probs: capProblems(probs)})
			}
			continue
		}
		if probs := strayCells(source, h, row, cells); len(probs) > 0 {
			found = true
			if !emit(entry{source: source, row: row, probs: probs}) {
				return false
			}
			continue
		}
		n := rowNode(h, row, cells, wb)
		if n == nil {
			continue // a blank row
		}
		found = true
		if !emit(entry{source: source, node: n, header: h, row: row}) {
			return false
		}
	}
	if ctx.Err() != nil {
		return false
	}
	switch {
	case h == nil:
		return emit(failed(source, 0, msg.New("batch.no_header"), msg.New("batch.no_header_hint")))
	case !found:
		return emit(failed(source, 0, msg.New("batch.no_rows"), noHint))
	}
	return true
}

// strayCells reports non-empty cells under no column name: a row shifted
// by a cell, or data typed beside the table.
func strayCells(source string, h *header, row int, cells []string) applicant.Problems {
	var probs applicant.Problems
	for i, c := range cells {
		if strings.TrimSpace(c) == "" || (i < len(h.names) && h.names[i] != "") {
			continue
		}
		probs = append(probs, applicant.Problem{File: source, Line: row, Column: i + 1, Sheet: true, Message: msg.New("batch.stray_cell")})
	}
	return capProblems(probs)
}

// capProblems keeps the first applicant.MaxProblems problems of an entry
// and one that counts the others: a row of a million stray cells must not
// print a million lines.
func capProblems(probs applicant.Problems) applicant.Problems {
	if more := len(probs) - applicant.MaxProblems; more > 0 {
		probs = append(probs[:applicant.MaxProblems:applicant.MaxProblems], applicant.Problem{Message: msg.New("more_problems", more)})
	}
	return probs
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF")) != "" {
			return false
		}
	}
	return true
}

// columnName is a column's letter as spreadsheets show it: 1 → A, 27 → AA.
func columnName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return fmt.Sprint(col)
	}
	return name
}

// csvRows reads a CSV file: UTF-8 with or without a byte-order mark (a
// cell that is not UTF-8 is read as Windows-1252), fields separated by
// commas, semicolons (French spreadsheet exports) or tabs, told apart on
// the first line.
type csvRows struct {
	r   *csv.Reader
	in  *bufio.Reader // what r reads from: whether the file goes on
	row int
}

func (c *csvRows) next() (int, []string, error) {
	rec, err := c.r.Read()
	if errors.Is(err, io.EOF) {
		return 0, nil, io.EOF
	}
	c.row++
	for i, cell := range rec {
		if !utf8.ValidString(cell) {
			rec[i] = fromWindows1252(cell)
		}
	}
	if err == nil {
		err = c.quoteSpans(rec)
	}
	return c.row, rec, err
}

// errQuoteSpans is a quoted cell that holds line breaks. It may be a
// cell typed on several lines (Alt+Enter), which the loader reports as
// a line break; or a quote not closed on its line, which reads every
// line after it into one cell, up to the next quote or the end of the
// file: the applicants of those lines would vanish without a word.
// walkSheet tells them apart (rowsLost).
type errQuoteSpans struct {
	col      int  // the cell's column, from 1
	from, to int  // the lines of the file where the cell opens and ends
	rows     int  // the lines inside the cell that hold a separator: rows of the table
	lines    int  // the lines after the first that are not blank
	closed   bool // the cell ends before the end of its record: its last line was a row too
	sep      bool // some line of the cell holds a separator: it read cells of the table
}

// rowsLost is the number of rows of the table the cell read, or 0 when it
// is a cell typed on several lines, which holds no separator and leaves
// its record no longer than the header: the lines inside it that hold
// the separator, and the line where it ends when the record goes on
// after it.
func (e *errQuoteSpans) rowsLost(cells, header int) int {
	if !e.sep && cells <= header {
		return 0
	}
	if e.closed {
		return e.rows + 1
	}
	return e.rows
}

func (e *errQuoteSpans) Error() string {
	return fmt.Sprintf("the quoted cell that opens on line %d runs to line %d", e.from, e.to)
}

// quoteSpans returns an *errQuoteSpans for the first cell of rec that
// holds a line break.
func (c *csvRows) quoteSpans(rec []string) error {
	for i, cell := range rec {
		if !strings.Contains(cell, "\n") {
			continue
		}
		if _, err := c.in.Peek(1); err != nil {
			// The quote ran to the end of the file: the cell's last line
			// break is the file's last.
			cell = strings.TrimSuffix(cell, "\n")
			if !strings.Contains(cell, "\n") {
				continue
			}
		}
		line, _ := c.r.FieldPos(i)
		e := &errQuoteSpans{col: i + 1, from: line, to: line + strings.Count(cell, "\n"), closed: i < len(rec)-1}
		lines := strings.Split(cell, "\n")
		for j, l := range lines {
			if j > 0 && strings.TrimSpace(l) != "" {
				e.lines++
			}
			e.sep = e.sep || strings.ContainsRune(l, c.r.Comma)
		}
		for _, l := range lines[1 : len(lines)-1] {
			if strings.ContainsRune(l, c.r.Comma) {
				e.rows++
			}
		}
		if !e.closed && strings.ContainsRune(lines[len(lines)-1], c.r.Comma) {
			e.rows++ // the cell runs to the end of the file
		}
		return e
	}
	return nil
}

// fromWindows1252 decodes a cell that is not UTF-8 as Windows-1252, the
// encoding of the "CSV (séparateur: point-virgule)" that Excel writes on a
// French Windows: "KON\xc9" is "KONÉ". UTF-8 text never takes this path.
func fromWindows1252(s string) string {
	out, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		return s // the loader reports the bytes that are not UTF-8
	}
	return out
}

func walkCSV(ctx context.Context, path string, emit func(entry) bool) bool {
	f, closeFile, err := openInput(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return emit(cannotRead(path, err))
	}
	defer closeFile()
	return walkCSVReader(ctx, path, f, emit)
}

// walkCSVReader reads the CSV of source from r, within the limits of a
// spreadsheet (newLimitReader) once decoded (decodeCSV).
func walkCSVReader(ctx context.Context, source string, in io.Reader, emit func(entry) bool) bool {
	br := bufio.NewReaderSize(newLimitReader(decodeCSV(in)), 64<<10)
	for { // byte-order marks, one or more (a file saved twice with one)
		if bom, _ := br.Peek(3); !bytes.Equal(bom, []byte("\uFEFF")) {
			break
		}
		br.Discard(3)
	}
	r := csv.NewReader(br)
	r.Comma = delimiter(firstLine(br))
	r.FieldsPerRecord = -1 // short rows are padded; long ones checked by strayCells
	r.LazyQuotes = true    // a stray quote inside a cell is kept as text
	r.ReuseRecord = true
	return walkSheet(ctx, source, &csvRows{r: r, in: br}, nil, emit)
}

// firstLine returns the first line of br without consuming it. It reads
// no more than what arrives, so that a pipe is read as it is written.
func firstLine(br *bufio.Reader) []byte {
	for n := 1; n <= br.Size(); {
		_, err := br.Peek(n)
		b, _ := br.Peek(br.Buffered())
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return b[:i]
		}
		if err != nil {
			return b
		}
		n = br.Buffered() + 1
	}
	b, _ := br.Peek(br.Size())
	return b
}

// delimiter picks the separator that occurs most on the header line,
// outside quotes: ',' unless ';' or a tab is more frequent.
func delimiter(line []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// xlsxRows reads the first sheet of a workbook, raw cell values (dates as
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

func walkXLSX(ctx context.Context, path string, emit func(entry) bool) bool {
	in, closeFile, err := openInput(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return emit(cannotRead(path, err))
	}
	data, err := applicant.ReadAll(in, applicant.MaxSheetSize, msg.New("read.what.spreadsheet"))
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
		return emit(failed(path, 0, msg.New("batch.no_sheet"), msg.New("batch.damaged_workbook_hint")))
	}
	wb := &workbookCells{}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return emit(failed(path, 0, msg.New("batch.cannot_read_sheet", sheets[0], msg.OS(err)), msg.New("batch.damaged_workbook_hint")))
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

// notWorkbook is the entry of a file that excelize cannot open: a workbook
// that inflates past MaxSheetSize (a zip bomb), one whose shared strings
// stand for more text than a caseload holds, one that is damaged or cut
// short, or another kind of file named .xlsx.
func notWorkbook(path string, err error) entry {
	var (
		corrupt flate.CorruptInputError
		text    *errSheetText
	)
	switch {
	case errors.As(err, &text) && text.sheet:
		return failed(path, 0, msg.New("batch.sheet_text_too_large", applicant.Size(applicant.MaxSheetSize), text.row),
			msg.New("batch.text_too_large_hint"))
	case errors.As(err, &text):
		return failed(path, 0, msg.New("batch.row_text_too_long", applicant.Size(applicant.MaxLineSize), text.row),
			msg.New("batch.text_too_large_hint"))
	case strings.Contains(err.Error(), "unzip size exceeds"):
		return cannotRead(path, msg.Wrap(applicant.ErrTooLarge, "read.too_large_unzipped", applicant.Size(applicant.MaxSheetSize)).
			WithHint(msg.New("read.too_large_hint", applicant.Size(applicant.MaxSheetSize))))
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.As(err, &corrupt), errors.Is(err, errDamagedXML):
		return failed(path, 0, msg.New("batch.damaged_workbook"), msg.New("batch.damaged_workbook_hint"))
	}
	return failed(path, 0, msg.New("batch.not_workbook", msg.OS(err)), msg.New("batch.not_workbook_hint"))
}

// rowAt names a row of a spreadsheet: "caseload.csv:row 4".
func rowAt(source string, row int) msg.Text { return msg.New("batch.row", source, row) }

package sheet

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/input"
	"github.com/ofiipack/ofiipack/generator/msg"
)

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

func readCSV(ctx context.Context, path string, emit func(Row) bool) bool {
	f, closeFile, err := input.OpenContext(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return emit(cannotRead(path, err))
	}
	defer closeFile()
	return ReadCSV(ctx, path, f, emit)
}

// ReadCSV reads the CSV of source from in, within the limits of a
// spreadsheet (applicant.MaxSheetSize, applicant.MaxLineSize) once
// decoded (decodeCSV), as Read does.
func ReadCSV(ctx context.Context, source string, in io.Reader, emit func(Row) bool) bool {
	limited := input.LimitReader(decodeCSV(in), applicant.MaxSheetSize, applicant.MaxLineSize, msg.New("read.what.spreadsheet"))
	br := bufio.NewReaderSize(limited, 64<<10)
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

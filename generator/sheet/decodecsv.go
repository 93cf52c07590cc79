package sheet

import (
	"bufio"
	"bytes"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decodeCSV returns the text of a CSV file as the CSV reader takes it: UTF-8
// (a file in UTF-16 with its byte-order mark, Excel's « Texte Unicode »
// export, is decoded: read as bytes, its NULs reached the messages) with
// lines ending in LF or CR LF (a file whose lines end with a lone CR, as
// old Mac programs write them, was read as one row). The line ends are
// told from the first one; only what has arrived is read to find it, so
// that a pipe is read as it is written.
func decodeCSV(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(2); bytes.Equal(head, []byte{0xFF, 0xFE}) || bytes.Equal(head, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	if lineEnd(br) == "\r" {
		return crToLF{br}
	}
	return br
}

// lineEnd returns the first line end of br without consuming it: "\n",
// "\r\n", or "\r" for a lone CR; "" when there is none in the buffer.
func lineEnd(br *bufio.Reader) string {
	for n := 1; n <= br.Size(); {
		_, err := br.Peek(n)
		b, _ := br.Peek(br.Buffered())
		switch i := bytes.IndexAny(b, "\r\n"); {
		case i >= 0 && b[i] == '\n':
			return "\n"
		case i >= 0 && i+1 < len(b):
			if b[i+1] == '\n' {
				return "\r\n"
			}
			return "\r"
		case i >= 0 && err != nil:
			return "\r" // the file ends there
		case err != nil:
			return ""
		}
		n = br.Buffered() + 1
	}
	return ""
}

// crToLF reads lines that end with a lone CR as lines that end with LF.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

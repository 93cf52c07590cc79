// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"hash/crc32"
	"sync"
)

// ofiipack patch: AddUTF8FontFromBytes parsed the whole TrueType file for
// every document (about 2 MB of allocations per face), although the same
// embedded fonts serve every document of a process. parsedUTF8Font parses
// each distinct font once and hands out copies.
//
// A copy is as good as a fresh parse: the parse results it shares (the
// character widths, the tables' descriptions) are never written after the
// parse, and GenerateCutFont, which subsets the font when the document is
// written, makes new maps and slices for everything it changes; each copy
// gets its own reader position.

type parsedFont struct {
	data []byte // a private copy of the font file, compared on lookup
	font *utf8FontFile
}

var parsedFonts struct {
	sync.Mutex
	byCRC map[uint32][]parsedFont
}

// parsedUTF8Font returns a parsed copy of the TrueType font b.
func parsedUTF8Font(b []byte) (*utf8FontFile, error) {
	sum := crc32.ChecksumIEEE(b)
	parsedFonts.Lock()
	for _, p := range parsedFonts.byCRC[sum] {
		if bytes.Equal(p.data, b) {
			parsedFonts.Unlock()
			return p.font.clone(b), nil
		}
	}
	parsedFonts.Unlock()

	data := bytes.Clone(b)
	u := newUTF8Font(&fileReader{array: data})
	if err := u.parseFile(); err != nil {
		return nil, err
	}
	parsedFonts.Lock()
	if parsedFonts.byCRC == nil {
		parsedFonts.byCRC = map[uint32][]parsedFont{}
	}
	parsedFonts.byCRC[sum] = append(parsedFonts.byCRC[sum], parsedFont{data, u})
	parsedFonts.Unlock()
	return u.clone(b), nil
}

// clone returns a copy of a parsed font that reads from b (the caller's
// bytes, equal to the parsed ones) with its own position.
func (utf *utf8FontFile) clone(b []byte) *utf8FontFile {
	c := *utf
	c.fileReader = &fileReader{array: b}
	return &c
}

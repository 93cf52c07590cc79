// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"slices"
	"sync"
)

// AddUTF8FontFromBytes parsed the whole TrueType file for every document,
// and putfonts cut, measured and compressed the same subset of it again
// for every document that used the same characters, although both depend
// only on the font file (and on the runes used). A process that makes many
// documents with the same fonts now parses each font once (parsedUTF8Font)
// and keeps, per parsed font, the subsets it last wrote (fontCache). The
// bytes written are the same.

// fontCache is what the documents of a process share of one parsed font:
// its IDs by font key and its most recently used subsets. Safe for
// concurrent use.
type fontCache struct {
	mu      sync.Mutex
	ids     map[string]string      // the font's IDs, by font key (fontID)
	subsets map[string]*fontSubset // by runeSetKey
	order   []string               // the subsets' keys, least recently used first
	widths  map[string]string      // the /W entries, by widthsKey

	// What GenerateCutFont reads of the font, the same for every subset:
	// set once, then only read.
	tablesOnce      sync.Once
	charSymbols     map[int]int // rune → glyph
	symbolPositions []int       // glyph → offset in glyf
}

// fontSubset is what putfonts writes for one UTF-8 font and one set of runes.
type fontSubset struct {
	widths   string // the /W entry of the CIDFontType2 dictionary
	cidToGID []byte // the CIDToGIDMap, compressed
	file     []byte // the font file, compressed
	fileSize int    // the font file's length before compression (/Length1)
}

// maxSubsets bounds the subsets kept per font: the documents of a batch
// about different people use a few sets of runes per font.
const maxSubsets = 32

type parsedFont struct {
	data []byte // a private copy of the font file, compared on lookup
	font *utf8FontFile
}

var parsedFonts struct {
	sync.Mutex
	byCRC map[uint32][]parsedFont
}

// parsedUTF8Font returns a parsed copy of the TrueType font b. A copy is as
// good as a fresh parse: the parse results it shares are never written
// after the parse (GenerateCutFont makes new maps and slices for what it
// changes), and each copy reads b from its own position.
func parsedUTF8Font(b []byte) (*utf8FontFile, error) {
	sum := crc32.ChecksumIEEE(b)
	parsedFonts.Lock()
	defer parsedFonts.Unlock()
	for _, p := range parsedFonts.byCRC[sum] {
		if bytes.Equal(p.data, b) {
			return p.font.clone(b), nil
		}
	}
	data := bytes.Clone(b)
	u := newUTF8Font(&fileReader{array: data})
	if err := u.parseFile(); err != nil {
		return nil, err
	}
	u.cache = &fontCache{}
	if parsedFonts.byCRC == nil {
		parsedFonts.byCRC = map[uint32][]parsedFont{}
	}
	parsedFonts.byCRC[sum] = append(parsedFonts.byCRC[sum], parsedFont{data, u})
	return u.clone(b), nil
}

func (utf *utf8FontFile) clone(b []byte) *utf8FontFile {
	c := *utf
	c.fileReader = &fileReader{array: b}
	return &c
}

// fontID returns the ID of a UTF-8 font (its resource name, /F<ID>),
// computed once per font key: the SHA-1 of the key and of the font file,
// what the definition is made from, instead of generateFontID's SHA-1 of
// the definition's JSON, 65,536 widths, which was most of the CPU of a
// process that makes a one-page document. As unique and as stable.
func (c *fontCache) fontID(def fontDefType, file []byte) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.ids[def.Name]
	if !ok {
		h := sha1.New()
		h.Write([]byte("utf8\x00" + def.Name + "\x00"))
		h.Write(file)
		id = hex.EncodeToString(h.Sum(nil))
		if c.ids == nil {
			c.ids = map[string]string{}
		}
		c.ids[def.Name] = id
	}
	return id
}

// runeSetKey encodes the used runes (rune → value, as putfonts reads them)
// in rune order.
func runeSetKey(used map[int]int) string {
	runes := slices.Sorted(func(yield func(int) bool) {
		for r := range used {
			if !yield(r) {
				return
			}
		}
	})
	b := make([]byte, 0, 3*len(runes))
	for _, r := range runes {
		b = binary.AppendUvarint(b, uint64(r))
		b = binary.AppendVarint(b, int64(used[r]))
	}
	return string(b)
}

// widthsKey is what generateCIDFontMap reads of the used runes: the
// largest (the LastRune that GenerateCutFont leaves) and those above 255
// (the first 256 characters' widths are written whether used or not).
// Documents whose names differ by a letter cut different subsets but
// share their widths.
func widthsKey(used map[int]int) string {
	last := 0
	var high []int
	for r, v := range used {
		last = max(last, v)
		if r > 255 && v != 0 {
			high = append(high, r)
		}
	}
	slices.Sort(high)
	b := binary.AppendUvarint(nil, uint64(last))
	for _, r := range high {
		b = binary.AppendUvarint(b, uint64(r))
	}
	return string(b)
}

// widthsFor returns generateCIDFontMap's entry for the runes used.
func (f *Fpdf) widthsFor(font *fontDefType, used map[int]int) string {
	c := font.utf8File.cache
	if c == nil {
		return f.generateCIDFontMap(font, font.utf8File.LastRune)
	}
	key := widthsKey(used)
	c.mu.Lock()
	w, ok := c.widths[key]
	c.mu.Unlock()
	if !ok {
		w = f.generateCIDFontMap(font, font.utf8File.LastRune)
		c.mu.Lock()
		if len(c.widths) >= 64 {
			clear(c.widths)
		}
		if c.widths == nil {
			c.widths = map[string]string{}
		}
		c.widths[key] = w
		c.mu.Unlock()
	}
	return w
}

// utf8Subset returns what putfonts writes for font with the runes used,
// from the font's cache when another document used the same runes.
func (f *Fpdf) utf8Subset(font *fontDefType, usedRunes map[int]int) *fontSubset {
	c := font.utf8File.cache
	var key string
	if c != nil {
		key = runeSetKey(usedRunes)
		c.mu.Lock()
		s := c.subsets[key]
		if s != nil {
			c.order = append(slices.DeleteFunc(c.order, func(k string) bool { return k == key }), key)
		}
		c.mu.Unlock()
		if s != nil {
			return s
		}
	}
	stream := font.utf8File.GenerateCutFont(usedRunes)
	s := &fontSubset{fileSize: len(stream), widths: f.widthsFor(font, usedRunes)}
	codeSignDictionary := font.utf8File.CodeSymbolDictionary
	delete(codeSignDictionary, 0)
	// The map ends at the largest code used instead of covering all
	// 65,536 (128 KB, nearly all zeros, to compress for every subset): the
	// glyph of code c is at bytes 2c and 2c+1 (ISO 32000-1, 9.7.4.2), and
	// no code past the end is shown.
	last := 0
	for cc := range codeSignDictionary {
		last = max(last, cc)
	}
	cidToGidMap := make([]byte, 2*(last+1))
	for cc, glyph := range codeSignDictionary {
		cidToGidMap[cc*2] = byte(glyph >> 8)
		cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
	}
	mem := xmem.compress(cidToGidMap)
	s.cidToGID = mem.copy()
	mem.release()
	mem = xmem.compress(stream)
	s.file = mem.copy()
	mem.release()
	if c != nil {
		c.mu.Lock()
		if c.subsets == nil {
			c.subsets = map[string]*fontSubset{}
		}
		if _, ok := c.subsets[key]; !ok {
			if len(c.order) >= maxSubsets {
				delete(c.subsets, c.order[0])
				c.order = c.order[1:]
			}
			c.order = append(c.order, key)
		}
		c.subsets[key] = s
		c.mu.Unlock()
	}
	return s
}

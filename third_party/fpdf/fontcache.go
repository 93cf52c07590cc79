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
	"math"
	"slices"
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
	u.subsets = &subsetCache{} // shared by every copy (see utf8Subset)
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

// ofiipack patch: every document of a process that uses a font with the
// same characters embeds the same subset of it: the same font file (cut by
// GenerateCutFont), the same character widths (/W) and the same
// CIDToGIDMap, each compressed again for every document, although the
// result depends only on the font and on the set of runes the document
// used. subsetCache keeps, per parsed font, the few most recently used
// subsets, ready to be written, so that a thousand documents with the same
// characters cut and compress the font once. The bytes written are those
// the computation gives: a cached subset is what putfonts would make.

// fontSubset is what putfonts writes for one UTF-8 font and one set of runes.
type fontSubset struct {
	widths   string // the /W entry of the CIDFontType2 dictionary
	cidToGID []byte // the CIDToGIDMap, compressed
	file     []byte // the font file, compressed
	fileSize int    // the font file's length before compression (/Length1)
}

// maxSubsets bounds the subsets kept per font: a batch of documents about
// different people uses a few sets of runes per font (names differ by a
// letter or an accent); the least recently used set goes first.
const maxSubsets = 32

// subsetCache holds the subsets of one parsed font. Its methods are safe
// for concurrent use.
type subsetCache struct {
	mu    sync.Mutex
	byKey map[string]*subsetEntry
	clock uint64

	// ofiipack patch 12: the /W entry depends on fewer runes than the
	// subset (see widthsKey), so it is kept apart: documents whose names
	// differ by a letter cut a new subset but share their widths.
	widths map[string]string
	ids    map[string]string // the font ID by font key (see fontID)

	// ofiipack patch 13: what GenerateCutFont reads of the font, the
	// same for every subset; set once, then only read.
	tablesOnce      sync.Once
	charSymbols     map[int]int // rune → glyph
	symbolPositions []int       // glyph → offset in glyf
}

// maxWidths bounds the /W entries kept per font.
const maxWidths = 64

// widthsKey is what cidFontWidths reads of a document's used runes: the
// largest rune (the LastRune that GenerateCutFont leaves, the maximum of
// the map's values), and the runes above 255 (the first 256 characters
// of the font have their widths written whether used or not).
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
	b := binary.AppendUvarint(make([]byte, 0, 3*len(high)+4), uint64(last))
	for _, r := range high {
		b = binary.AppendUvarint(b, uint64(r))
	}
	return string(b)
}

// widthsFor returns cidFontWidths(font, last rune) for the used runes,
// from the cache when a document used the same runes above 255 and the
// same largest rune. font.Cw is the font's, the same for every copy.
func (c *subsetCache) widthsFor(font *fontDefType, used map[int]int) string {
	key := widthsKey(used)
	c.mu.Lock()
	w, ok := c.widths[key]
	c.mu.Unlock()
	if ok {
		return w
	}
	w = cidFontWidths(font, font.utf8File.LastRune)
	c.mu.Lock()
	if c.widths == nil || len(c.widths) >= maxWidths {
		c.widths = map[string]string{}
	}
	c.widths[key] = w
	c.mu.Unlock()
	return w
}

// fontID returns the ID of a UTF-8 font (its resource name, /F<ID>),
// computed once per parsed font and font key.
//
// ofiipack patch 15: the ID is the SHA-1 of the font key and of the font
// file, the whole of what the definition is made from, instead of
// generateFontID's SHA-1 of the definition's JSON and of its 65,536
// widths: encoding/json's first use and the widths' loop were 6 % of a
// process that makes one letter. As unique and as stable, and it changes
// the resource names of every PDF.
func (c *subsetCache) fontID(def fontDefType, file []byte) string {
	c.mu.Lock()
	id, ok := c.ids[def.Name]
	c.mu.Unlock()
	if ok {
		return id
	}
	h := sha1.New()
	h.Write([]byte("utf8\x00" + def.Name + "\x00"))
	h.Write(file)
	id = hex.EncodeToString(h.Sum(nil))
	c.mu.Lock()
	if c.ids == nil {
		c.ids = map[string]string{}
	}
	c.ids[def.Name] = id
	c.mu.Unlock()
	return id
}

type subsetEntry struct {
	subset *fontSubset
	used   uint64 // the clock at the last use
}

func (c *subsetCache) get(key string) *fontSubset {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.byKey[key]
	if e == nil {
		return nil
	}
	c.clock++
	e.used = c.clock
	return e.subset
}

func (c *subsetCache) put(key string, s *fontSubset) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[string]*subsetEntry{}
	}
	if _, ok := c.byKey[key]; !ok && len(c.byKey) >= maxSubsets {
		var oldest string
		var at uint64 = math.MaxUint64
		for k, e := range c.byKey {
			if e.used < at {
				oldest, at = k, e.used
			}
		}
		delete(c.byKey, oldest)
	}
	c.clock++
	c.byKey[key] = &subsetEntry{s, c.clock}
}

// runeSetKey encodes a document's used runes (rune → value, as putfonts
// reads them) in rune order, as the key of its subset.
func runeSetKey(used map[int]int) string {
	runes := make([]int, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	b := make([]byte, 0, 3*len(runes)+8)
	for _, r := range runes {
		b = binary.AppendUvarint(b, uint64(r))
		b = binary.AppendVarint(b, int64(used[r]))
	}
	return string(b)
}

// utf8Subset returns what putfonts writes for font with the runes used, from
// the font's cache when another document used the same runes.
func (f *Fpdf) utf8Subset(font *fontDefType, usedRunes map[int]int) *fontSubset {
	cache := font.utf8File.subsets
	var key string
	if cache != nil {
		key = runeSetKey(usedRunes)
		if s := cache.get(key); s != nil {
			return s
		}
	}
	var s fontSubset
	stream := font.utf8File.GenerateCutFont(usedRunes)
	s.fileSize = len(stream)
	codeSignDictionary := font.utf8File.CodeSymbolDictionary
	delete(codeSignDictionary, 0)
	if cache != nil {
		s.widths = cache.widthsFor(font, usedRunes)
	} else {
		s.widths = cidFontWidths(font, font.utf8File.LastRune)
	}

	// ofiipack patch 16: the map ends at the largest code the document
	// uses; the glyph of a code c is at bytes 2c and 2c+1 (ISO 32000-1,
	// 9.7.4.2), and no code past the end is ever shown.
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
	if cache != nil {
		cache.put(key, &s)
	}
	return &s
}

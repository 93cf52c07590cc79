package render

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A letter holds on one page whatever the lengths the loader accepts
// (SPEC §3): each of its blocks (the sender's, the body's) lays its
// paragraphs out at the largest type size that fits the block's room,
// and when even the smallest size does not, the paragraphs that hold the
// file's values are shortened to the lines that fit, the last one ending
// with "…", a visible mark. No block then runs into another.

// fitPara is a paragraph of a block.
type fitPara struct {
	spans  []span
	w      float64 // the width it is wrapped in, mm
	before float64 // the space above it, in lines
	cut    bool    // it may be shortened: it holds the file's values, not the letter's wording
}

// fitted is a block laid out: its type size, line height, and the lines
// of each paragraph.
type fitted struct {
	size, lead float64
	lines      [][]wrapped
}

// height is the block's height, mm.
func (f fitted) height(paras []fitPara) float64 {
	h := 0.0
	for i, p := range paras {
		h += (p.before + float64(len(f.lines[i]))) * f.lead
	}
	return h
}

// fit lays paras out in room mm: at the largest of sizes (points, from
// the largest) that fits, the line height lead × size; else at the
// smallest, each paragraph that may be cut held to as many lines as let
// the block fit (one at least).
func (c *canvas) fit(paras []fitPara, room float64, sizes []float64, lead float64) fitted {
	var f fitted
	for _, size := range sizes {
		f = fitted{size: size, lead: size * lead, lines: make([][]wrapped, len(paras))}
		for i, p := range paras {
			f.lines[i] = c.wrap(size, p.w, p.spans)
		}
		if f.height(paras) <= room {
			return f
		}
	}
	most := 0
	for i, p := range paras {
		if p.cut {
			most = max(most, len(f.lines[i]))
		}
	}
	whole := slices.Clone(f.lines)
	for keep := most - 1; keep >= 1; keep-- {
		for i, p := range paras {
			if p.cut && len(whole[i]) > keep {
				f.lines[i] = append(slices.Clone(whole[i][:keep-1]), c.ellipsis(whole[i][keep-1], f.size, p.w))
			}
		}
		if f.height(paras) <= room {
			break
		}
	}
	return f
}

// ellipsis returns line ln ending with "…", shortened to fit width w.
func (c *canvas) ellipsis(ln wrapped, size, w float64) wrapped {
	runs := slices.Clone(ln.runs)
	for len(runs) > 0 {
		last := &runs[len(runs)-1]
		text := strings.TrimRight(last.Text, " ")
		total := c.width(last.Style, size, text+"…")
		for _, r := range runs[:len(runs)-1] {
			total += c.width(r.Style, size, r.Text)
		}
		if total <= w || text == "" {
			if text == "" {
				runs = runs[:len(runs)-1]
				continue
			}
			last.Text = text + "…"
			return wrapped{runs: runs, w: total, span: -1}
		}
		_, n := utf8.DecodeLastRuneInString(text)
		last.Text = text[:len(text)-n]
	}
	return wrapped{runs: []span{{styleRegular, "…"}}, w: c.width(styleRegular, size, "…"), span: -1}
}

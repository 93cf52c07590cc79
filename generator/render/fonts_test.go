package render

import (
	"hash/crc32"
	"testing"

	"github.com/ofiipack/ofiipack/fonts"
)

// TestRenderingLeavesTheFontsAlone: the embedded font bytes are shared by
// every document of a process (and by the loader’s coverage check). fpdf
// once wrote into them while subsetting a font (third_party/fpdf/patches/
// 01-metrics-copy.patch), which made concurrent packs race and later packs read a
// corrupted metric.
func TestRenderingLeavesTheFontsAlone(t *testing.T) {
	faces := map[string][]byte{"regular": fonts.Regular, "bold": fonts.Bold, "italic": fonts.Italic}
	before := map[string]uint32{}
	for name, b := range faces {
		before[name] = crc32.ChecksumIEEE(b)
	}
	for _, name := range examples {
		renderExample(t, name)
	}
	for name, b := range faces {
		if crc32.ChecksumIEEE(b) != before[name] {
			t.Errorf("rendering changed the bytes of the embedded %s font", name)
		}
	}
}

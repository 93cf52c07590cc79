// Package fonts embeds the TrueType fonts that every ofiipack document uses,
// with their licence (OFL.txt). The fonts are Noto Sans Regular, Bold and
// Italic: they draw French, the Latin Extended letters of Vietnamese, Turkish,
// Romanian and Polish names, the Fula/Wolof letters ɓ ɗ ŋ ƴ, Greek and
// Cyrillic. They are subsets made by subset.sh: fpdf parses every font for
// every PDF, and the full files cost a third more to parse.
package fonts

import _ "embed"

// Regular, Bold and Italic are the raw TTF files.
var (
	//go:embed NotoSans-Regular.ttf
	Regular []byte
	//go:embed NotoSans-Bold.ttf
	Bold []byte
	//go:embed NotoSans-Italic.ttf
	Italic []byte
)

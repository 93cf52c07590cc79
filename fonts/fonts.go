// Package fonts embeds the TrueType fonts that every ofiipack document uses,
// with their licence (OFL.txt). The fonts are Noto Sans Regular, Bold and
// Italic: they draw French, the Latin Extended letters of Vietnamese, Turkish,
// Romanian and Polish names, and the Fula/Wolof letters ɓ ɗ ŋ ƴ.
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

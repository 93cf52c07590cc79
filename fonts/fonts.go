// Package fonts embeds the TrueType fonts that ofiipack documents use, with
// their licence (OFL.txt). Noto Sans Regular, Bold and Italic draw every
// French document: French, the Latin Extended letters of Vietnamese,
// Turkish, Romanian and Polish names, the Fula/Wolof letters ɓ ɗ ŋ ƴ, Greek
// and Cyrillic. Noto Sans Arabic and Noto Sans Georgian (Regular and Bold)
// draw the notice in the applicant's language when it is written in those
// scripts; a pack without such a notice never reads them. All are subsets
// made by subset.sh: fpdf parses every font of every PDF, and the full files
// cost a third more to parse.
package fonts

import _ "embed"

// Regular, Bold and Italic are the raw TTF files of Noto Sans.
var (
	//go:embed NotoSans-Regular.ttf
	Regular []byte
	//go:embed NotoSans-Bold.ttf
	Bold []byte
	//go:embed NotoSans-Italic.ttf
	Italic []byte
)

// ArabicRegular and ArabicBold are Noto Sans Arabic: the Arabic block and
// the Arabic Presentation Forms-B, the contextual forms the notice draws.
var (
	//go:embed NotoSansArabic-Regular.ttf
	ArabicRegular []byte
	//go:embed NotoSansArabic-Bold.ttf
	ArabicBold []byte
)

// GeorgianRegular and GeorgianBold are Noto Sans Georgian.
var (
	//go:embed NotoSansGeorgian-Regular.ttf
	GeorgianRegular []byte
	//go:embed NotoSansGeorgian-Bold.ttf
	GeorgianBold []byte
)

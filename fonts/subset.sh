#!/bin/sh
# Makes the embedded fonts: Noto Sans Regular, Bold and Italic cut down to
# the scripts that names on French administrative papers use. fpdf parses
# each font for every PDF it makes; a font of ~1,900 glyphs instead of
# ~3,300 parses faster and makes a smaller binary. Layout tables (GSUB,
# GPOS, GDEF) and hinting go too: fpdf uses neither.
#
# Kept: Basic Latin, Latin-1, Latin Extended-A and -B, IPA extensions
# (Fula/Wolof ɓ ɗ ŋ ƴ), spacing modifiers, combining marks, Greek, Cyrillic
# (+ supplement), Latin Extended Additional (Vietnamese), general
# punctuation, currency symbols, letterlike symbols (№).
#
# The loader's "cannot draw" check (generator/fontset) reads these same
# embedded files, so it always agrees with what the documents can print.
#
# Usage: fonts/subset.sh [SOURCE_DIR]   (default: Debian's fonts-noto-core)
# Needs pyftsubset (Debian package fonttools). Then refresh the table of the
# characters they draw: go test ./generator/fontset -run TestCoverage -update
set -eu
src=${1:-/usr/share/fonts/truetype/noto}
out=$(dirname "$0")
ranges="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0180-024F,U+0250-02AF,U+02B0-02FF,U+0300-036F"
ranges="$ranges,U+0370-03FF,U+0400-04FF,U+0500-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F"
for style in Regular Bold Italic; do
	pyftsubset "$src/NotoSans-$style.ttf" \
		--unicodes="$ranges" \
		--layout-features='' --no-hinting \
		--name-IDs='*' --name-languages='*' \
		--drop-tables+=DSIG,GSUB,GPOS,GDEF \
		--output-file="$out/NotoSans-$style.ttf"
done

# The notice in the applicant's language (generator/render/notice.go) draws
# Arabic and Georgian with their own Noto families, Regular and Bold. Arabic
# keeps its block and the Presentation Forms-B, which the notice draws
# (generator/arabic shapes into them: no layout table is needed), and the
# digits, punctuation and guillemets the font has, so that an Arabic line
# changes fonts less often. Every other character of the notice (Latin
# names, slashes, parentheses) comes from Noto Sans above.
for style in Regular Bold; do
	pyftsubset "$src/NotoSansArabic-$style.ttf" \
		--unicodes="U+0020-0021,U+002C-002E,U+0030-003A,U+00A0,U+00AB,U+00BB,U+0600-06FF,U+FE70-FEFF" \
		--layout-features='' --no-hinting \
		--name-IDs='*' --name-languages='*' \
		--drop-tables+=DSIG,GSUB,GPOS,GDEF \
		--output-file="$out/NotoSansArabic-$style.ttf"
	pyftsubset "$src/NotoSansGeorgian-$style.ttf" \
		--unicodes="U+0020,U+00A0,U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F" \
		--layout-features='' --no-hinting \
		--name-IDs='*' --name-languages='*' \
		--drop-tables+=DSIG,GSUB,GPOS,GDEF \
		--output-file="$out/NotoSansGeorgian-$style.ttf"
done

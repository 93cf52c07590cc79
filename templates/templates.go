// Package templates embeds the French wording of every ofiipack document and
// the dated data tables the rules read (fees, polygamy table, help lines).
//
// Wording lives in text/, data in data/: an association can read and adjust
// both without touching Go code. Each data entry names its source and date.
package templates

import "embed"

// FS holds data/*.yaml, text/*.yaml and init/ (the files `ofiipack init` writes).
//
//go:embed data text init
var FS embed.FS

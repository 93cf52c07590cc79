// Package templates embeds the French wording of every ofiipack document and
// the dated data tables the rules read (fees, polygamy table, help lines).
//
// Wording lives in text/, data in data/: an association can read and adjust
// both without touching Go code. Each data entry names its source and date.
package templates

import "embed"

// FS holds data/*.yaml, text/*.yaml, init/ (the files `ofiipack init` writes)
// and notice/*.yaml (the notice in the applicant's language, one file per
// language).
//
//go:embed data text init notice
var FS embed.FS

// Web holds web/: the page, style sheet and script of the local web form
// (`ofiipack serve`).
//
//go:embed web
var Web embed.FS

package pipeline

import (
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/ical"
)

// maxSlug bounds the length of a document's name (before -N and the
// extension): file systems allow 255 bytes, people read 40.
const maxSlug = 60

// PackName is the readable ASCII name of an applicant's documents, without
// suffix or extension: "diallo-aminata" for DIALLO Aminata. batch names
// each pack by it, the web form each download. See Slug.
func PackName(f *applicant.File) string {
	return Slug(f.Applicant.FamilyName + " " + f.Applicant.GivenNames)
}

// Slug is s in lower-case ASCII letters and digits with single inner
// hyphens, so that it can never name a folder, a hidden file or anything
// outside the output folder, whatever the data ("../", "/", dots); it is
// "applicant" when nothing is left.
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, c := range strings.ToLower(ical.ASCII(s)) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(c)
			continue
		}
		hyphen = true
	}
	out := b.String()
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i > maxSlug/2 {
			out = out[:i] // cut between words
		}
		out = strings.TrimRight(out, "-")
	}
	if out == "" {
		return "applicant"
	}
	return out
}

package batch

import (
	"strconv"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/ical"
)

// maxSlug bounds the length of a PDF's name (before -N and .pdf): file
// systems allow 255 bytes, people read 40.
const maxSlug = 60

// reserved are names the batch writes itself: an applicant called
// "Caseload" gets caseload-2.pdf, not the overview's name.
var reserved = []string{"caseload", "summary"}

// Slug returns the readable ASCII name of an applicant's PDF, without
// extension: "diallo-aminata" for DIALLO Aminata. It holds only a–z, 0–9
// and single inner hyphens, so it can never name a folder, a hidden file or
// anything outside the output folder, whatever the data ("../", "/",
// dots); it is "applicant" when nothing is left.
func Slug(f *applicant.File) string {
	return slug(f.Applicant.FamilyName + " " + f.Applicant.GivenNames)
}

func slug(s string) string {
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

// namer makes names unique in the order it is asked, which is input order:
// the second DIALLO Aminata gets diallo-aminata-2, the third -3, whatever
// the timing of the workers.
type namer struct {
	used map[string]bool
}

func newNamer() *namer {
	n := &namer{used: map[string]bool{}}
	for _, r := range reserved {
		n.used[r] = true
	}
	return n
}

func (n *namer) unique(base string) string {
	name := base
	for i := 2; n.used[name]; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	n.used[name] = true
	return name
}

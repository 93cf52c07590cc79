package batch

import (
	"strconv"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/ical"
)

// maxSlug bounds the length of a PDF's name (before -N and .pdf): file
// systems allow 255 bytes, people read 40.
const maxSlug = 60

// reserved are names the batch writes itself (an applicant called
// "Caseload" gets caseload-2.pdf, not the overview's name) and the device
// names of Windows, which no file may take there, whatever its extension
// (an applicant called "Con" gets con-2.pdf, not con.pdf).
var reserved = []string{"caseload", "summary",
	"con", "prn", "aux", "nul",
	"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"}

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
	// next numbers to try for a base name: the thousandth DIALLO Aminata
	// is named in one step, not a thousand.
	next   map[string]int
	people map[personKey]string // who was seen first, by person
}

func newNamer() *namer {
	n := &namer{used: map[string]bool{}, next: map[string]int{}, people: map[personKey]string{}}
	for _, r := range reserved {
		n.used[r] = true
	}
	return n
}

func (n *namer) unique(base string) string {
	name := base
	i := max(n.next[base], 2)
	for ; n.used[name]; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	n.next[base] = i
	n.used[name] = true
	return name
}

// personKey tells two entries of the same person: the family name, the
// given names (case, accents and spacing aside) and the birth date.
type personKey struct {
	names string
	birth civil.Date
}

// person records f's applicant, found at where, and returns where the same
// person was found first; "" the first time.
func (n *namer) person(f *applicant.File, where string) string {
	k := personKey{slug(f.Applicant.FamilyName) + "/" + slug(f.Applicant.GivenNames), f.Applicant.BirthDate}
	if first, ok := n.people[k]; ok {
		return first
	}
	n.people[k] = where
	return ""
}

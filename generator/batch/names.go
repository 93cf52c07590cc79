package batch

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/ofiipack/ofiipack/generator/applicant"
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
//
// It holds a name as an 8-byte hash (nameHash), not as a string, so that
// what a batch keeps per applicant does not grow with the length of the
// names (a batch holds 46 bytes per applicant with 8-byte hashes, 70 with
// 16-byte ones: TestRetainedPerEntry). The names stay unique: a name is given only if its hash
// was never recorded, and every name given is recorded; two different
// names of the same hash (about one chance in 36 million for a million
// names, n²/2⁶⁵) would only make the second one take a -N it did not
// need, and two people of the same hash would have the second reported
// as a possible duplicate of the first. The hash is SHA-256, the same on
// every run.
type namer struct {
	// used holds every name given or reserved; the value is the next
	// number to try for that name as a base (0: start at 2), so that the
	// thousandth DIALLO Aminata is named in one step, not a thousand.
	used   map[nameHash]int32
	people map[nameHash]firstSeen // who was seen first, by person
	// where is seen first: the input files, each once, and the rows
	// within them as numbers.
	sources []string
	source  map[string]uint32
}

// nameHash is the first 8 bytes of the SHA-256 of a name.
type nameHash uint64

func hashName(parts ...string) nameHash {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0}) // no part holds a NUL: slugs and the date are ASCII
	}
	var sum [sha256.Size]byte
	return nameHash(binary.BigEndian.Uint64(h.Sum(sum[:0])))
}

// firstSeen is where a person was found first: sources[source], and the row
// when not 0.
type firstSeen struct{ source, row uint32 }

func newNamer() *namer {
	n := &namer{used: map[nameHash]int32{}, people: map[nameHash]firstSeen{}, source: map[string]uint32{}}
	for _, r := range reserved {
		n.used[hashName(r)] = 0
	}
	return n
}

func (n *namer) unique(base string) string {
	name := base
	b := hashName(base)
	i := max(int(n.used[b]), 2)
	for h := b; ; i++ {
		if _, ok := n.used[h]; !ok {
			n.used[h] = 0
			break
		}
		name = base + "-" + strconv.Itoa(i)
		h = hashName(name)
	}
	n.used[b] = int32(i)
	return name
}

// person records f's applicant, found at place, and returns where the same
// person was found first; nil the first time.
func (n *namer) person(f *applicant.File, place Place) *Place {
	k := hashName(slug(f.Applicant.FamilyName), slug(f.Applicant.GivenNames), f.Applicant.BirthDate.String())
	if first, ok := n.people[k]; ok {
		return &Place{Source: n.sources[first.source], Row: int(first.row)}
	}
	id, ok := n.source[place.Source]
	if !ok {
		id = uint32(len(n.sources))
		source := strings.Clone(place.Source)
		n.sources = append(n.sources, source)
		n.source[source] = id
	}
	n.people[k] = firstSeen{source: id, row: uint32(place.Row)}
	return nil
}

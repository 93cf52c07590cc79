package batch

import (
	"strconv"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/pipeline"
)

// reserved are names the batch writes itself (an applicant called
// "Caseload" gets caseload-2.pdf, not the overview's name) and the device
// names of Windows, which no file may take there, whatever its extension
// (an applicant called "Con" gets con-2.pdf, not con.pdf).
var reserved = []string{"caseload", "summary",
	"con", "prn", "aux", "nul",
	"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"}

// namer makes names unique in the order it is asked, which is input order:
// the second DIALLO Aminata gets diallo-aminata-2, the third -3, whatever
// the timing of the workers.
type namer struct {
	// used holds every name given or reserved; the value is the next
	// number to try for that name as a base (0: start at 2), so that the
	// thousandth DIALLO Aminata is named in one step, not a thousand.
	used   map[string]int
	people map[string]Place // where each person was seen first
}

func newNamer() *namer {
	n := &namer{used: map[string]int{}, people: map[string]Place{}}
	for _, r := range reserved {
		n.used[r] = 0
	}
	return n
}

func (n *namer) unique(base string) string {
	name := base
	i := max(n.used[base], 2)
	for ; ; i++ {
		if _, ok := n.used[name]; !ok {
			n.used[name] = 0
			break
		}
		name = base + "-" + strconv.Itoa(i)
	}
	n.used[base] = i
	return name
}

// person records f's applicant, found at place, and returns where the same
// person was found first; nil the first time.
func (n *namer) person(f *applicant.File, place Place) *Place {
	k := pipeline.Slug(f.Applicant.FamilyName) + "\x00" + pipeline.Slug(f.Applicant.GivenNames) + "\x00" + f.Applicant.BirthDate.String()
	if first, ok := n.people[k]; ok {
		return &first
	}
	n.people[k] = place
	return nil
}

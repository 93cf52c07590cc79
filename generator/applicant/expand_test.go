package applicant

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// aliased is base with an anchored note of n characters (a phone number
// nobody reads) and a list of k aliases to it.
func aliased(t *testing.T, n, k int) string {
	t.Helper()
	return edit(t, "  email: a.diallo@example.org", "  email: a.diallo@example.org\n  phone: &a "+strings.Repeat("x", n),
		"", "documents_ready: ["+strings.TrimSuffix(strings.Repeat("*a, ", k), ", ")+"]\n")
}

// TestAliasesCountAsWhatTheyStandFor: a file is held to MaxFileSize with
// every alias written out; past it, one problem at the alias that takes it
// past, and nothing decoded.
func TestAliasesCountAsWhatTheyStandFor(t *testing.T) {
	// A file of 65 KB whose 1500 aliases stand for 90 MB.
	_, err := Load("f.yaml", []byte(aliased(t, 60000, 1500)), today)
	checkProblems(t, err, []string{"f.yaml:23:83: documents_ready[16]: found the alias *a, which takes the file past 1 MiB once its aliases are written out, expected an applicant file of at most 1 MiB | hint: write out the values"})

	// On the limit and one byte past it: an alias counts its value's
	// characters and one, and the file's own bytes count once.
	l0 := len(aliased(t, 0, 1))
	v := (MaxFileSize - l0 - 1) / 2
	on := aliased(t, v, 1) + strings.Repeat("\n", MaxFileSize-(l0+2*v+1))
	if _, err := Parse("f.yaml", []byte(on)); err != nil {
		t.Errorf("a file of exactly %d bytes with its alias written out: %v", MaxFileSize, err)
	}
	if _, err := Parse("f.yaml", []byte(on+"\n")); err == nil || !strings.Contains(err.Error(), "past 1 MiB") {
		t.Errorf("one byte past the limit: %v", err)
	}
}

// TestAliasCycles: an alias inside the value it names stands for an
// endless value; aliases of aliases (a billion laughs) are measured once
// each, not expanded.
func TestAliasCycles(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"cycle in a list", "documents_ready: &a [birth_certificate, *a]\n", "documents_ready[1]: found the alias *a, which takes the file past 1 MiB"},
		{"cycle in a mapping", "options: &o {fees: *o}\n", "options.fees: found the alias *o"},
		{"laughs", laughs(12), "found the alias *"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load("f.yaml", []byte(edit(t, "", tc.yaml)), today)
			checkProblems(t, err, []string{tc.want})
		})
	}
}

// laughs is a list of ten aliases of a list of ten aliases…, n deep: 10^n
// values written out.
func laughs(n int) string {
	var b strings.Builder
	b.WriteString("x: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= n; i++ {
		prev := "*l" + strconv.Itoa(i-1)
		fmt.Fprintf(&b, "x%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(prev+", ", 10), ", "))
	}
	return b.String()
}

// TestAliasesWithinLimit: a file that names a value twice through an
// alias (the host's family name) reads as before.
func TestAliasesWithinLimit(t *testing.T) {
	f, err := Load("f.yaml", []byte(edit(t, "family_name: DIALLO", "family_name: &fam DIALLO",
		"", "ofii_address: [*fam, 12 rue X, 93000 BOBIGNY]\n")), today)
	if err != nil {
		t.Fatal(err)
	}
	if f.OFIIAddress[0] != "DIALLO" {
		t.Errorf("ofii_address[0] = %q", f.OFIIAddress[0])
	}
}

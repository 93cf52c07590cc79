package msg

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ofiipack/ofiipack/generator/civil"
)

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{nil, English},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, French},
		{map[string]string{"LANG": "fr"}, French},
		{map[string]string{"LANG": "fr_BE@euro"}, French},
		{map[string]string{"LANG": "de_DE.UTF-8"}, English},
		{map[string]string{"LANG": "C"}, English},
		{map[string]string{"LANG": "C.UTF-8"}, English},
		// LC_ALL wins over LC_MESSAGES, which wins over LANG
		{map[string]string{"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8", "LANG": "fr_FR.UTF-8"}, English},
		{map[string]string{"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_GB.UTF-8"}, French},
		{map[string]string{"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_CA.UTF-8"}, French},
		// LANGUAGE first, its first known language
		{map[string]string{"LANGUAGE": "fr:en", "LANG": "en_US.UTF-8"}, French},
		{map[string]string{"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, French},
		{map[string]string{"LANGUAGE": "en", "LC_ALL": "fr_FR.UTF-8"}, English},
		{map[string]string{"LANGUAGE": "de", "LC_ALL": "fr_FR.UTF-8"}, French},
		// as in gettext, LANGUAGE does not apply to the C locale
		{map[string]string{"LANGUAGE": "fr", "LC_ALL": "C"}, English},
		{map[string]string{"LANGUAGE": "fr"}, French},
	}
	for _, tt := range tests {
		got := FromEnv(func(k string) string { return tt.env[k] })
		if got != tt.want {
			t.Errorf("FromEnv(%v) = %s, want %s", tt.env, got.Code(), tt.want.Code())
		}
	}
}

func TestExpand(t *testing.T) {
	cat := fstest.MapFS{
		"text/messages/en/a.yaml": {Data: []byte("list: {or: or, and: and}\nn: \"{1} {1|day|days} to {2}\"\nq: \"{2} then {1}\"\nl: \"one of {1}\"\n")},
		"text/messages/fr/a.yaml": {Data: []byte("list: {or: ou, and: et}\nn: \"{1} {1|jour|jours} jusqu’au {2}\"\nq: \"{2} puis {1}\"\nl: \"l’une des valeurs {1}\"\n")},
	}
	saved := catalogs
	for _, l := range Langs {
		catalogs[l] = &langCatalog{fsys: cat}
	}
	defer func() { catalogs = saved }()
	d := civil.New(2026, 3, 5)
	tests := []struct {
		t      Text
		en, fr string
	}{
		{New("n", 0, d), "0 days to 2026-03-05", "0 jour jusqu’au 05/03/2026"},
		{New("n", 1, d), "1 day to 2026-03-05", "1 jour jusqu’au 05/03/2026"},
		{New("n", 2, d), "2 days to 2026-03-05", "2 jours jusqu’au 05/03/2026"},
		{New("q", "a", "b"), "b then a", "b puis a"},
		{New("l", Or{"a", "b", "c"}), "one of a, b or c", "l’une des valeurs a, b ou c"},
		{New("l", And{"a", New("q", "x", "y")}), "one of a and y then x", "l’une des valeurs a et y puis x"},
		{New("l", Or{"a"}), "one of a", "l’une des valeurs a"},
		{Raw("as {1} is"), "as {1} is", "as {1} is"},
		{New("absent.key", "v", 3), "absent.key v 3", "absent.key v 3"},
		{New("q", "only one"), "{2} then only one", "{2} puis only one"},
	}
	for _, tt := range tests {
		if got := tt.t.In(English); got != tt.en {
			t.Errorf("%v in English = %q, want %q", tt.t, got, tt.en)
		}
		if got := tt.t.In(French); got != tt.fr {
			t.Errorf("%v in French = %q, want %q", tt.t, got, tt.fr)
		}
	}
}

func TestLoadRefusesDuplicates(t *testing.T) {
	cat := fstest.MapFS{
		"text/messages/en/a.yaml": {Data: []byte("a: {b: one}\n")},
		"text/messages/en/b.yaml": {Data: []byte("a.b: two\n")},
		"text/messages/fr/a.yaml": {Data: []byte("a: {b: un}\n")},
	}
	if _, err := (&langCatalog{fsys: cat}).all(English); err == nil || !strings.Contains(err.Error(), "a.b is defined twice") {
		t.Errorf("err = %v, want a.b defined twice", err)
	}
}

var placeholder = regexp.MustCompile(`\{[0-9]+`)

// The languages have the same keys, and each message the same arguments.
func TestCatalogsMatch(t *testing.T) {
	en, err := Keys(English)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := Keys(French)
	if err != nil {
		t.Fatal(err)
	}
	if len(en) < 50 {
		t.Fatalf("English catalog has only %d keys", len(en))
	}
	inEN, inFR := map[string]bool{}, map[string]bool{}
	for _, k := range en {
		inEN[k] = true
	}
	for _, k := range fr {
		inFR[k] = true
		if !inEN[k] {
			t.Errorf("%s is in the French catalog only", k)
		}
	}
	for _, k := range en {
		if !inFR[k] {
			t.Errorf("%s is in the English catalog only", k)
			continue
		}
		e, _ := lookup(English, k)
		f, _ := lookup(French, k)
		if a, b := args(e), args(f); a != b {
			t.Errorf("%s: English uses arguments %s, French %s", k, a, b)
		}
	}
}

func args(s string) string {
	set := map[string]bool{}
	for _, m := range placeholder.FindAllString(s, -1) {
		set[m[1:]] = true
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

// French messages follow the wording rules of the documents: the
// typographic apostrophe, never the straight one.
func TestFrenchTypography(t *testing.T) {
	fr, _ := Keys(French)
	for _, k := range fr {
		s, _ := lookup(French, k)
		if strings.Contains(s, "'") {
			t.Errorf("%s: straight apostrophe in %q, expected ’", k, s)
		}
	}
}

// keyUse finds the keys the code passes to the catalog: msg.New("key",
// msg.Errorf, msg.Wrap(err, "key", and the helpers of the packages and of
// the command line (x, a.t, a.info, usage, failure, hint).
var keyUse = regexp.MustCompile(`\b(?:msg\.New|msg\.Errorf|x|a\.t|a\.info|usage|failure|hint|say|forbid)\("([a-z0-9_.]+)"|\bmsg\.Wrap\([^,()]+, "([a-z0-9_.]+)"`)

// Every key the code uses is in the catalog: a typo in a key would print
// the key instead of the message.
func TestUsedKeysExist(t *testing.T) {
	root := filepath.Join("..", "..")
	used := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "third_party" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(data), -1) {
			used++
			key := m[1] + m[2]
			for _, l := range Langs {
				if _, ok := lookup(l, key); !ok {
					t.Errorf("%s: the key %s is not in the %s catalog", path, key, l.Code())
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if used < 50 {
		t.Errorf("found only %d uses of the catalog", used)
	}
}

// Every file of a language is read: a key is found whatever file holds
// it, and a broken file is named by the error without hiding the others.
func TestCatalogReadsEveryFile(t *testing.T) {
	c := &langCatalog{fsys: fstest.MapFS{
		"text/messages/en/a.yaml": {Data: []byte("# comment: not a key\na:\n  k: found\n")},
		"text/messages/en/b.yaml": {Data: []byte("b: [unclosed\n")},
		"text/messages/en/c.yaml": {Data: []byte("\"c\": {d: quoted}\n")},
	}}
	cat, err := c.all(English)
	if err == nil || !strings.Contains(err.Error(), "b.yaml") {
		t.Errorf("error %v, want b.yaml's", err)
	}
	if cat["a.k"] != "found" || cat["c.d"] != "quoted" {
		t.Errorf("a.k = %q, c.d = %q", cat["a.k"], cat["c.d"])
	}
}

// TestEcho: a name read from the input is printed cut and with every
// character a terminal would act on escaped; a Windows path keeps its
// backslashes.
func TestEcho(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"family_nam", "family_nam"},
		{"Date de naissance", "Date de naissance"},
		{"k\x1b[2K\rforged", `k\x1b[2K\rforged`},
		{"a\x00p\x00p", `a\x00p\x00p`},
		{"bidi\u202eevil", `bidi\u202eevil`},
		{"\xff\xfeok", `\xff\xfeok`},
		{"vrai \uFFFD", "vrai \uFFFD"},
		{`back\slash`, `back\slash`},
		{strings.Repeat("k", 900000), strings.Repeat("k", 40) + "…"},
		{strings.Repeat("é", 41), strings.Repeat("é", 40) + "…"},
		{strings.Repeat("é", 40), strings.Repeat("é", 40)},
	} {
		if got := Echo(tc.in); got != tc.want {
			t.Errorf("Echo(%.60q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

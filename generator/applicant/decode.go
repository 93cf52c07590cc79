package applicant

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/fontset"
)

// decoder walks one file's node tree and collects its problems.
type decoder struct {
	file  string
	today civil.Date // zero: no "not in the future" checks
	probs Problems
}

func (d *decoder) add(at *yaml.Node, field, msg, hint string) {
	p := Problem{File: d.file, Field: field, Message: msg, Hint: hint}
	if at != nil {
		p.Line, p.Column = at.Line, at.Column
	}
	d.probs = append(d.probs, p)
}

// keySet is the keys a mapping may hold, in the order of SPEC §1.
type keySet struct {
	keys   []string
	expect string // "one of a, b or c"
	list   string // "a, b, c"
}

func newKeySet(keys ...string) keySet {
	return keySet{keys, oneOf(keys), strings.Join(keys, ", ")}
}

// enum is a closed set of values; matching ignores case.
type enum struct {
	values []string
	expect string
}

func newEnum(values ...string) enum { return enum{values, oneOf(values)} }

func oneOf(values []string) string {
	switch len(values) {
	case 1:
		return values[0]
	case 2:
		return values[0] + " or " + values[1]
	}
	return "one of " + strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

func index(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func item(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// resolve follows aliases (*name) to the node they stand for, placed at the
// alias so that problems point where the value is used.
func resolve(n *yaml.Node) *yaml.Node {
	if n == nil || n.Kind != yaml.AliasNode {
		return n
	}
	t := n.Alias
	for i := 0; t != nil && t.Kind == yaml.AliasNode && i < 16; i++ {
		t = t.Alias
	}
	if t == nil || t.Kind == yaml.AliasNode {
		return nil
	}
	c := *t
	c.Line, c.Column = n.Line, n.Column
	return &c
}

// absent reports whether n stands for no value: missing, null, ~, or empty
// text (SPEC §1: an empty value means absent for optional fields).
func absent(n *yaml.Node) bool {
	if n == nil || n.Kind == 0 {
		return true
	}
	if n.Kind != yaml.ScalarNode {
		return false
	}
	if strings.TrimSpace(n.Value) == "" {
		return true
	}
	switch n.Tag {
	case "!!null", "tag:yaml.org,2002:null":
		return true
	case "":
		return n.Style == 0 && n.ShortTag() == "!!null"
	}
	return false
}

// found describes what a node holds, for "found …, expected …".
func found(n *yaml.Node) string {
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.ScalarNode:
		return quote(n.Value)
	}
	return "an alias"
}

// mapping is a decoded YAML mapping whose keys have been checked.
type mapping struct {
	d      *decoder
	node   *yaml.Node
	path   string
	set    *keySet
	keyAt  []*yaml.Node // parallel to set.keys: the key's node, nil when the key is not given
	values []*yaml.Node // parallel to set.keys: the value, aliases resolved
}

// mapping checks that n is a mapping with only the keys of set, each once.
// It returns nil (after reporting it) when n is not a mapping.
func (d *decoder) mapping(n *yaml.Node, path string, set *keySet) *mapping {
	if n == nil || n.Kind != yaml.MappingNode {
		d.add(n, path, "found "+found(n)+", expected a mapping with the keys "+set.list, "")
		return nil
	}
	m := &mapping{d: d, node: n, path: path, set: set,
		keyAt: make([]*yaml.Node, len(set.keys)), values: make([]*yaml.Node, len(set.keys))}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			d.add(n.Content[i], path, "found "+found(k)+" as a key, expected a key name, "+set.expect, "")
			continue
		}
		j := index(set.keys, k.Value)
		if j < 0 {
			d.unknownKey(k, path, set)
			continue
		}
		if first := m.keyAt[j]; first != nil {
			d.add(k, join(path, k.Value), fmt.Sprintf("found this key a second time, expected it once (first on line %d)", first.Line),
				"keep only one of the two")
			continue
		}
		m.keyAt[j] = k
		m.values[j] = resolve(n.Content[i+1])
	}
	return m
}

func (d *decoder) unknownKey(k *yaml.Node, path string, set *keySet) {
	var hint string
	if s := Nearest(k.Value, set.keys); s != "" {
		hint = didYouMean(s)
	} else if k.Value == "<<" {
		hint = "merge keys (<<) are not supported: write the keys out"
	} else if where := keyHome[k.Value]; len(where) > 0 {
		hint = fmt.Sprintf("%q belongs under %s", k.Value, strings.Join(where, " or "))
	}
	d.add(k, join(path, k.Value), "found the unknown key "+quote(k.Value)+", expected "+set.expect, hint)
}

// get returns the value of key, or nil when it is absent; a required key
// that is absent is reported, at the mapping when the key is not given.
func (m *mapping) get(key string, required bool, expect string) (*yaml.Node, string) {
	if m == nil {
		return nil, ""
	}
	i := index(m.set.keys, key)
	if i < 0 {
		panic("applicant: key " + key + " not in its key set") // a bug of this package
	}
	path := join(m.path, key)
	v := m.values[i]
	if !absent(v) {
		return v, path
	}
	if required {
		if m.keyAt[i] == nil {
			m.d.add(m.node, path, "missing, expected "+expect, "")
		} else {
			m.d.add(m.keyAt[i], path, "found an empty value, expected "+expect, "")
		}
	}
	return nil, path
}

// child decodes the mapping under key; nil when it is absent or wrong.
func (m *mapping) child(key string, required bool, set *keySet) *mapping {
	v, path := m.get(key, required, "a mapping with the keys "+set.list)
	if v == nil {
		return nil
	}
	return m.d.mapping(v, path, set)
}

// valueAt returns the node of key's value, for problems that involve two
// fields.
func (m *mapping) valueAt(key string) *yaml.Node {
	if m == nil {
		return nil
	}
	return m.values[index(m.set.keys, key)]
}

// scalar returns the trimmed text of v, or reports that v is not a scalar.
func (d *decoder) scalar(v *yaml.Node, path, expect string) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		d.add(v, path, "found "+found(v)+", expected "+expect, "")
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

// text decodes a one-line text field.
func (m *mapping) text(key string, required bool, expect string) string {
	v, path := m.get(key, required, expect)
	if v == nil {
		return ""
	}
	return m.d.text(v, path, expect)
}

func (d *decoder) text(v *yaml.Node, path, expect string) string {
	s, ok := d.scalar(v, path, expect)
	if !ok || !d.printable(v, path, s) {
		return ""
	}
	return s
}

// printable reports (and returns false) the first character of s that is
// not one line of text the pack's fonts can draw (SPEC §1: never a panic,
// never a silent empty box). It names the character, never the value.
func (d *decoder) printable(v *yaml.Node, path, s string) bool {
	if !utf8.ValidString(s) {
		d.add(v, path, "found bytes that are not UTF-8 text, expected text encoded as UTF-8", "save the file as UTF-8")
		return false
	}
	for _, r := range s {
		switch {
		case r == '\t':
			d.add(v, path, "found a tab character (U+0009), expected text on one line", "replace the tab with a space")
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			d.add(v, path, "found a line break, expected text on one line", "write it on one line")
		case unicode.IsControl(r) || r == '\uFEFF':
			d.add(v, path, fmt.Sprintf("found the control character U+%04X, expected printable text", r), "remove it")
		case covered(r):
			continue
		default:
			msg := fmt.Sprintf("found the character U+%04X", r)
			if unicode.IsGraphic(r) && !unicode.Is(unicode.Mn, r) {
				msg = fmt.Sprintf("found the character %q (U+%04X)", string(r), r)
			}
			d.add(v, path, msg+", which the pack's fonts cannot draw, expected Latin, Greek or Cyrillic letters",
				"write it as on the passport, in Latin letters")
		}
		return false
	}
	return true
}

// coverTable caches fontset.Covers for the Latin, Greek and Cyrillic
// blocks, where nearly all characters of real files lie: the batch mode
// loads a thousand files.
var (
	coverOnce  sync.Once
	coverTable [0x0530]bool
)

func covered(r rune) bool {
	if r >= 0 && r < rune(len(coverTable)) {
		coverOnce.Do(func() {
			for c := range coverTable {
				coverTable[c] = fontset.Covers(rune(c))
			}
		})
		return coverTable[r]
	}
	return fontset.Covers(r)
}

// enum decodes a value of a closed set, in any case.
func (m *mapping) enum(key string, required bool, e *enum) string {
	v, path := m.get(key, required, e.expect)
	if v == nil {
		return ""
	}
	return m.d.enum(v, path, e)
}

func (d *decoder) enum(v *yaml.Node, path string, e *enum) string {
	s, ok := d.scalar(v, path, e.expect)
	if !ok {
		return ""
	}
	for _, c := range e.values {
		if strings.EqualFold(s, c) {
			return c
		}
	}
	hint := ""
	if c := Nearest(s, e.values); c != "" {
		hint = didYouMean(c)
	} else if c, ok := synonyms[strings.ToLower(s)]; ok && index(e.values, c) >= 0 {
		hint = didYouMean(c)
	}
	d.add(v, path, "found "+quote(s)+", expected "+e.expect, hint)
	return ""
}

// synonyms are words people write for an enum value, French ones first:
// they only feed hints.
var synonyms = map[string]string{
	"mme": Madame, "mrs": Madame, "ms": Madame, "mlle": Madame, "femme": Madame,
	"m": Monsieur, "m.": Monsieur, "mr": Monsieur, "mr.": Monsieur, "homme": Monsieur,
	"célibataire": Single, "celibataire": Single,
	"marié": Married, "mariée": Married, "marie": Married, "mariee": Married,
	"pacsé": PACS, "pacsée": PACS, "pacse": PACS, "pacsee": PACS, "pacsé(e)": PACS,
	"divorcé": Divorced, "divorcée": Divorced, "divorce": Divorced, "divorcee": Divorced,
	"veuf": Widowed, "veuve": Widowed, "widow": Widowed, "widower": Widowed,
	"passeport": Passport, "examen": RequestExamination, "renseignements": RequestInformation, "oui": PolygamyYes, "non": PolygamyNo,
}

// enumList decodes a list of enum values, dropping repeats.
func (m *mapping) enumList(key string, e *enum) []string {
	items, path := m.list(key, "a list of "+e.expect)
	var out []string
	for i, n := range items {
		n = resolve(n)
		p := item(path, i)
		if absent(n) {
			m.d.add(items[i], p, "found an empty item, expected "+e.expect, "")
			continue
		}
		if s := m.d.enum(n, p, e); s != "" && index(out, s) < 0 {
			out = append(out, s)
		}
	}
	return out
}

// list returns the items of the list under key (nil when absent or wrong).
func (m *mapping) list(key, expect string) ([]*yaml.Node, string) {
	v, path := m.get(key, false, expect)
	if v == nil {
		return nil, path
	}
	if v.Kind != yaml.SequenceNode {
		m.d.add(v, path, "found "+found(v)+", expected "+expect, "write the items as [a, b] or one \"- item\" per line")
		return nil, path
	}
	return v.Content, path
}

// lines decodes a list of one-line texts, such as an address.
func (m *mapping) lines(key string, maxLines, maxLen int, what string) []string {
	items, path := m.list(key, "a list of "+what)
	var out []string
	for i, n := range items {
		n = resolve(n)
		p := item(path, i)
		if maxLines > 0 && i == maxLines {
			m.d.add(n, p, fmt.Sprintf("found more than %d lines, expected at most %d (the height of the envelope's window)", maxLines, maxLines),
				"put two short lines on one, or leave out what the envelope does not need")
			break
		}
		if absent(n) {
			m.d.add(items[i], p, "found an empty line, expected a line of text", "remove the empty line")
			continue
		}
		s := m.d.text(n, p, "a line of text")
		if s == "" {
			continue
		}
		if maxLen > 0 {
			if l := utf8.RuneCountInString(s); l > maxLen {
				m.d.add(n, p, fmt.Sprintf("found a line of %d characters, expected at most %d (the width of the envelope's window)", l, maxLen),
					"split it over two lines")
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// boolean decodes true or false (any case).
func (m *mapping) boolean(key string, required bool) bool {
	v, path := m.get(key, required, "true or false")
	if v == nil {
		return false
	}
	s, ok := m.d.scalar(v, path, "true or false")
	if !ok {
		return false
	}
	switch strings.ToLower(s) {
	case "true":
		return true
	case "false":
		return false
	}
	hint := ""
	switch strings.ToLower(s) {
	case "yes", "y", "oui", "o", "1", "vrai", "on":
		hint = didYouMean("true")
	case "no", "n", "non", "0", "faux", "off":
		hint = didYouMean("false")
	}
	m.d.add(v, path, "found "+quote(s)+", expected true or false", hint)
	return false
}

// date decodes a date, YYYY-MM-DD or DD/MM/YYYY. A past date (an event
// that happened: birth, arrival, filing…) may not lie after today.
func (m *mapping) date(key string, required, past bool) civil.Date {
	v, path := m.get(key, required, "a date as YYYY-MM-DD or DD/MM/YYYY")
	if v == nil {
		return civil.Date{}
	}
	return m.d.date(v, path, past)
}

func (d *decoder) date(v *yaml.Node, path string, past bool) civil.Date {
	// The raw text is read: YAML tags 2026-11-22 as a timestamp.
	s, ok := d.scalar(v, path, "a date as YYYY-MM-DD or DD/MM/YYYY")
	if !ok {
		return civil.Date{}
	}
	date, err := civil.Parse(s)
	if err != nil {
		if dateShaped(s) {
			d.add(v, path, "found "+quote(s)+", which is not a day of the calendar, expected a real date", "")
		} else {
			hint := ""
			if h := dateHint(s); h != "" {
				hint = didYouMean(h)
			}
			d.add(v, path, "found "+quote(s)+", expected a date as YYYY-MM-DD or DD/MM/YYYY", hint)
		}
		return civil.Date{}
	}
	if past && !d.today.IsZero() && date.After(d.today) {
		d.add(v, path, fmt.Sprintf("found %s, a date in the future, expected a date on or before today (%s)", s, d.today), "")
		return civil.Date{}
	}
	return date
}

// dateShaped reports whether s has the shape of a date (digits and
// separators in place), so that civil.Parse refused the day itself.
func dateShaped(s string) bool {
	if len(s) != 10 {
		return false
	}
	var seps []int
	switch {
	case s[4] == '-' && s[7] == '-':
		seps = []int{4, 7}
	case s[2] == '/' && s[5] == '/':
		seps = []int{2, 5}
	default:
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != seps[0] && i != seps[1] && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// dateHint suggests the accepted spelling of a date written otherwise:
// 12.04.1988, 12-04-1988, 1/4/1988, 1988/4/12, 2026-11-22T10:00:00Z.
func dateHint(s string) string {
	if len(s) > 10 {
		if _, err := civil.Parse(s[:10]); err == nil {
			return s[:10]
		}
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' || r == ' ' })
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts {
		if len(p) == 0 || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return ""
		}
	}
	pad := func(p string) string {
		if len(p) == 1 {
			return "0" + p
		}
		return p
	}
	var h string
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		h = parts[0] + "-" + pad(parts[1]) + "-" + pad(parts[2])
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		h = pad(parts[0]) + "/" + pad(parts[1]) + "/" + parts[2]
	default:
		return ""
	}
	if _, err := civil.Parse(h); err != nil || h == s {
		return ""
	}
	return h
}

// country decodes an ISO 3166-1 alpha-2 code, returned in upper case.
func (m *mapping) country(key string, required bool) string {
	const expect = "an ISO 3166-1 alpha-2 country code such as ML or SN"
	v, path := m.get(key, required, expect)
	if v == nil {
		return ""
	}
	s, ok := m.d.scalar(v, path, expect)
	if !ok {
		return ""
	}
	if c, ok := country(s); ok {
		return c
	}
	hint := ""
	if c := guessCountry(s); c != "" {
		hint = fmt.Sprintf("did you mean %q (%s)?", c, CountryName(c))
	}
	m.d.add(v, path, "found "+quote(s)+", expected "+expect, hint)
	return ""
}

// postcode decodes a French postcode: exactly 5 digits, read from the raw
// text so that 01000 keeps its zero and an unquoted 93200 is fine.
func (m *mapping) postcode(key string, required bool) string {
	const expect = "a postcode of 5 digits such as \"93200\""
	v, path := m.get(key, required, expect)
	if v == nil {
		return ""
	}
	s, ok := m.d.scalar(v, path, expect)
	if !ok {
		return ""
	}
	if len(s) == 5 && allDigits(s) {
		return s
	}
	hint := ""
	if t := strings.ReplaceAll(s, " ", ""); len(t) == 5 && allDigits(t) {
		hint = didYouMean(t)
	} else if len(s) == 4 && allDigits(s) {
		hint = didYouMean("0" + s)
	}
	m.d.add(v, path, "found "+quote(s)+", expected "+expect, hint)
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// email decodes an email address; only its shape is checked.
func (m *mapping) email(key string) string {
	const expect = "an email address such as name@example.org"
	v, path := m.get(key, false, expect)
	if v == nil {
		return ""
	}
	s := m.d.text(v, path, expect)
	if s == "" {
		return ""
	}
	if !emailShaped(s) {
		m.d.add(v, path, "found "+quote(s)+", expected "+expect, "")
		return ""
	}
	return s
}

// emailShaped: one @, something before it, a domain with a dot inside,
// no spaces.
func emailShaped(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || strings.Count(s, "@") != 1 || strings.ContainsAny(s, " ,;<>()[]\\\"") {
		return false
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-1 && !strings.Contains(domain, "..") && domain[0] != '.'
}

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
	"github.com/ofiipack/ofiipack/generator/msg"
)

// x is a message of the catalog (templates/text/messages).
func x(key string, args ...any) msg.Text { return msg.New(key, args...) }

// noHint is the absence of a hint.
var noHint msg.Text

// decoder walks one file's node tree and collects its problems.
type decoder struct {
	file  string
	today civil.Date // zero: no "not in the future" checks
	probs Problems
	extra int // problems found past keptProblems, counted only
	warns Problems
	data  []byte // the file's text, to see how a comment follows a value; nil for a spreadsheet row
}

// keptProblems is how many problems a decoder keeps before it only counts
// them: enough to print the MaxProblems first by position of most files,
// few enough that a file of a million bad items holds little memory.
const keptProblems = 10 * MaxProblems

func (d *decoder) add(at *yaml.Node, field string, message, hint msg.Text) {
	if len(d.probs) >= keptProblems {
		d.extra++
		return
	}
	p := Problem{File: d.file, Field: field, Message: message, Hint: hint}
	if at != nil {
		p.Line, p.Column = at.Line, at.Column
	}
	d.probs = append(d.probs, p)
}

// keySet is the keys a mapping may hold, in the order of SPEC §1.
type keySet struct {
	keys   []string
	expect msg.Text // "one of a, b or c"
	list   string   // "a, b, c"
}

func newKeySet(keys ...string) keySet {
	expect := oneOf(keys)
	if len(keys) > 2 {
		expect.Key = "expect.one_of_keys"
	}
	return keySet{keys, expect, strings.Join(keys, ", ")}
}

// enum is a closed set of values; matching ignores case. Every enum is made
// by wordsEnum: it also reads the French words of its set
// (templates/text/values.yaml).
type enum struct {
	values []string
	words  string // the name of its set of words; "" for none
	expect msg.Text
}

// wordsEnum is a closed set of values that also reads the French words of
// the set named words, in any case, with or without accents (SPEC §4). A
// message expects the values in English, the French words in French; the
// table is read only when a value is not a stable one, or a message is
// rendered.
func wordsEnum(words string, values ...string) enum {
	e := enum{values: values, words: words}
	e.expect = x("expect.words", msg.Lazy(func(l msg.Lang) string {
		if l == msg.French {
			return oneOf(e.shown()).In(l)
		}
		return oneOf(e.values).In(l)
	}))
	return e
}

// wordHint is "did you mean" value in English, its French word in French.
func wordHint(value string, french func() string) msg.Text {
	return didYouMean(msg.Lazy(func(l msg.Lang) string {
		if l == msg.French {
			return french()
		}
		return value
	}))
}

// shown returns the French words of the enum's values, in order.
func (e *enum) shown() []string { return words(e.words).shownWords(e.values) }

// read returns the value that s stands for: a value in any case, or one of
// its French words.
func (e *enum) read(s string) (string, bool) {
	for _, c := range e.values {
		if strings.EqualFold(s, c) {
			return c, true
		}
	}
	if e.words == "" {
		return "", false
	}
	v, ok := words(e.words).lookup(s)
	if ok && index(e.values, v) < 0 {
		return "", false // a word of the table that this field does not take
	}
	return v, ok
}

func oneOf(values []string) msg.Text {
	list := make(msg.Or, len(values))
	for i, v := range values {
		list[i] = v
	}
	switch len(values) {
	case 1:
		return msg.Raw(values[0])
	case 2:
		return x("expect.either", list)
	}
	return x("expect.one_of", list)
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
func found(n *yaml.Node) msg.Text {
	switch {
	case n == nil:
		return x("found.nothing")
	case n.Kind == yaml.MappingNode:
		return x("found.mapping")
	case n.Kind == yaml.SequenceNode:
		return x("found.list")
	case n.Kind == yaml.ScalarNode:
		return msg.Raw(quote(n.Value))
	}
	return x("found.alias")
}

// foundExpected is the most common message: "found X, expected Y".
func foundExpected(found, expect any) msg.Text { return x("found_expected", found, expect) }

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
		d.add(n, path, foundExpected(found(n), x("expect.mapping_keys", set.list)), noHint)
		return nil
	}
	m := &mapping{d: d, node: n, path: path, set: set,
		keyAt: make([]*yaml.Node, len(set.keys)), values: make([]*yaml.Node, len(set.keys))}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			d.add(n.Content[i], path, x("found_key", found(k), set.expect), noHint)
			continue
		}
		j := index(set.keys, k.Value)
		if j < 0 {
			d.unknownKey(k, path, set)
			continue
		}
		if first := m.keyAt[j]; first != nil {
			d.add(k, join(path, k.Value), x("key_twice", first.Line), x("hint.keep_one"))
			continue
		}
		m.keyAt[j] = k
		m.values[j] = resolve(n.Content[i+1])
	}
	return m
}

func (d *decoder) unknownKey(k *yaml.Node, path string, set *keySet) {
	if len(d.probs) >= keptProblems {
		d.extra++ // no hint to compute for a problem only counted
		return
	}
	var hint msg.Text
	if s := Nearest(k.Value, set.keys); s != "" {
		hint = didYouMean(s)
	} else if k.Value == "<<" {
		hint = x("hint.merge_keys")
	} else if where := keyHome[k.Value]; len(where) > 0 {
		hint = x("hint.belongs_under", k.Value, where)
	}
	// The key is the file's, not ours: cut and escaped in its path as in
	// its quote, so that ESC or a carriage return never reaches a
	// terminal and a key of a million letters never fills a log.
	d.add(k, join(path, msg.Echo(k.Value)), x("unknown_key", quote(k.Value), set.expect), hint)
}

// get returns the value of key, or nil when it is absent; a required key
// that is absent is reported, at the mapping when the key is not given.
func (m *mapping) get(key string, required bool, expect msg.Text) (*yaml.Node, string) {
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
			m.d.add(m.node, path, x("missing", expect), noHint)
		} else {
			m.d.add(m.keyAt[i], path, x("empty_value", expect), noHint)
		}
	}
	return nil, path
}

// child decodes the mapping under key; nil when it is absent or wrong.
func (m *mapping) child(key string, required bool, set *keySet) *mapping {
	v, path := m.get(key, required, x("expect.mapping_keys", set.list))
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

// scalar returns the trimmed text of v, or reports that v is not a scalar
// or carries a tag other than YAML's standard scalar ones (a !!binary
// value would be printed as its base64).
func (d *decoder) scalar(v *yaml.Node, path string, expect msg.Text) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		d.add(v, path, foundExpected(found(v), expect), noHint)
		return "", false
	}
	switch v.ShortTag() {
	case "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp":
	default:
		d.add(v, path, x("tag", v.Tag, expect), x("hint.tag"))
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

// name decodes a person's name or place: text that YAML reads as text.
// "family_name: true" or "given_names: 1e3" is refused with the hint to
// quote it: YAML would read another value than the one on the passport
// ("no" is false, "1e3" is 1000).
func (m *mapping) name(key string, required bool, expect msg.Text) string {
	v, path := m.get(key, required, expect)
	if v == nil {
		return ""
	}
	if v.Kind == yaml.ScalarNode && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
		var kind string
		switch v.ShortTag() {
		case "!!bool":
			kind = "found.bool"
		case "!!int", "!!float":
			kind = "found.number"
		case "!!timestamp":
			kind = "found.date"
		}
		if kind != "" {
			m.d.add(v, path, x("not_text", quote(v.Value), x(kind), expect), x("hint.quote_it", key, msg.Echo(v.Value)))
			return ""
		}
	}
	return m.d.textMax(v, path, expect, MaxNameLength)
}

// text decodes a one-line text field.
func (m *mapping) text(key string, required bool, expect msg.Text) string {
	v, path := m.get(key, required, expect)
	if v == nil {
		return ""
	}
	return m.d.text(v, path, expect)
}

func (d *decoder) text(v *yaml.Node, path string, expect msg.Text) string {
	return d.textMax(v, path, expect, MaxTextLength)
}

// textMax decodes a one-line text of at most max characters.
func (d *decoder) textMax(v *yaml.Node, path string, expect msg.Text, max int) string {
	s, ok := d.scalar(v, path, expect)
	if !ok {
		return ""
	}
	if n := utf8.RuneCountInString(s); n > max {
		// checked first: a long text is not searched character by character
		d.add(v, path, x("text_too_long", n, max), x("hint.shorten", max))
		return ""
	}
	if !d.printable(v, path, s) {
		return ""
	}
	d.lostComment(v, path)
	return s
}

// lostComment warns when the text of a value seems to go on after " #",
// which YAML reads as the start of a comment: "street: 27 bd National
// #appt 4" keeps « 27 bd National ». A comment that starts with "#" and a
// space after a wider gap ("city: Lyon    # required") is one written as a
// comment, as in the example file of 'ofiipack init', and is left alone.
func (d *decoder) lostComment(v *yaml.Node, path string) {
	if v.Style != 0 || v.LineComment == "" || d.data == nil || len(d.warns) >= MaxProblems {
		return
	}
	comment := v.LineComment
	if i := strings.IndexByte(comment, '\n'); i >= 0 {
		comment = comment[:i]
	}
	row := lineText(d.data, v.Line)
	at := strings.LastIndex(row, comment)
	if at < 0 {
		return
	}
	gap := len(row[:at]) - len(strings.TrimRight(row[:at], " \t"))
	text := strings.TrimSpace(strings.TrimPrefix(comment, "#"))
	if text == "" || (gap > 1 && strings.HasPrefix(comment, "# ")) {
		return
	}
	key := path
	if i := strings.LastIndexAny(key, ".]"); i >= 0 {
		key = key[i+1:]
	}
	w := Problem{File: d.file, Line: v.Line, Column: utf8.RuneCountInString(row[:at]) + 1, Field: path,
		Message: x("comment_in_value", quote(comment)), Hint: noHint}
	if key != "" {
		// the hint shows the end of the value only: the rest of an
		// address is personal, and the user has it before their eyes
		w.Hint = x("hint.comment_in_value", key, msg.Echo(comment))
	}
	d.warns = append(d.warns, w)
}

// printable reports (and returns false) the first character of s that is
// not one line of text the pack's fonts can draw (SPEC §1: never a panic,
// never a silent empty box). It names the character, never the value.
func (d *decoder) printable(v *yaml.Node, path, s string) bool {
	if !utf8.ValidString(s) {
		d.add(v, path, x("not_utf8"), x("hint.save_utf8"))
		return false
	}
	for _, r := range s {
		switch {
		case r == '\t':
			d.add(v, path, x("tab"), x("hint.replace_tab"))
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			d.add(v, path, x("line_break"), x("hint.one_line"))
		case unicode.IsControl(r):
			d.add(v, path, x("control", fmt.Sprintf("%04X", r)), x("hint.remove_it"))
		case unicode.Is(unicode.Cf, r):
			// zero-width and bidirectional controls (U+200B, U+2066,
			// U+202E…) are invisible on screen and reorder or hide text
			// in print: a name must read as it is printed
			d.add(v, path, x("format_char", fmt.Sprintf("%04X", r)), x("hint.format_char"))
		case covered(r):
			continue
		default:
			m := x("glyph", fmt.Sprintf("%04X", r))
			if unicode.IsGraphic(r) && !unicode.Is(unicode.Mn, r) {
				m = x("glyph_named", strconv.Quote(string(r)), fmt.Sprintf("%04X", r))
			}
			d.add(v, path, m, x("hint.latin_letters"))
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
	if c, ok := e.read(s); ok {
		return c
	}
	var hint msg.Text
	if c, ok := synonyms[strings.ToLower(s)]; ok && index(e.values, c) >= 0 {
		hint = wordHint(c, func() string { return words(e.words).shownWords([]string{c})[0] })
	} else if e.words != "" {
		if value, word := words(e.words).nearest(s, e.values); value != "" && index(e.values, value) >= 0 {
			hint = wordHint(value, func() string { return word })
		}
	} else if c := Nearest(s, e.values); c != "" {
		hint = didYouMean(c)
	}
	d.add(v, path, foundExpected(quote(s), e.expect), hint)
	return ""
}

// synonyms are words people write for a value that the table of French
// words does not take (English ones, words that are not the value's): they
// only feed hints.
var synonyms = map[string]string{
	"mrs": Madame, "ms": Madame, "femme": Madame,
	"homme": Monsieur,
	"widow": Widowed, "widower": Widowed,
}

// enumList decodes a list of enum values, dropping repeats.
func (m *mapping) enumList(key string, e *enum) []string {
	items, path := m.list(key, x("expect.list_of", e.expect))
	var out []string
	for i, n := range items {
		n = resolve(n)
		p := item(path, i)
		if absent(n) {
			m.d.add(items[i], p, x("empty_item", e.expect), noHint)
			continue
		}
		if s := m.d.enum(n, p, e); s != "" && index(out, s) < 0 {
			out = append(out, s)
		}
	}
	return out
}

// list returns the items of the list under key (nil when absent or wrong).
func (m *mapping) list(key string, expect msg.Text) ([]*yaml.Node, string) {
	v, path := m.get(key, false, expect)
	if v == nil {
		return nil, path
	}
	if v.Kind != yaml.SequenceNode {
		m.d.add(v, path, foundExpected(found(v), expect), x("hint.list_items"))
		return nil, path
	}
	if len(v.Content) > MaxListItems {
		// at the list, not its 101st item: listed first, before its items' problems
		m.d.add(v, path, x("too_many_items", MaxListItems), x("hint.fewer_items", MaxListItems))
		return v.Content[:MaxListItems], path
	}
	return v.Content, path
}

// lines decodes a list of one-line texts, such as an address.
func (m *mapping) lines(key string, maxLines, maxLen int, what msg.Text) []string {
	items, path := m.list(key, x("expect.list_of", what))
	var out []string
	for i, n := range items {
		n = resolve(n)
		p := item(path, i)
		if maxLines > 0 && i == maxLines {
			m.d.add(n, p, x("too_many_lines", maxLines), x("hint.shorter_address"))
			break
		}
		if absent(n) {
			m.d.add(items[i], p, x("empty_line"), x("hint.remove_empty_line"))
			continue
		}
		s := m.d.text(n, p, x("expect.line"))
		if s == "" {
			continue
		}
		if maxLen > 0 {
			if l := utf8.RuneCountInString(s); l > maxLen {
				m.d.add(n, p, x("line_too_long", l, maxLen), x("hint.split_line"))
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// boolean decodes true or false, or one of their words (yes_no of
// templates/text/values.yaml: oui, non, vrai, faux, 1, 0…), in any case.
func (m *mapping) boolean(key string, required bool) bool {
	v, path := m.get(key, required, yesNo.expect)
	if v == nil {
		return false
	}
	return m.d.enum(v, path, &yesNo) == "true"
}

// date decodes a date, YYYY-MM-DD or DD/MM/YYYY. A past date (an event
// that happened: birth, arrival, filing…) may not lie after today.
func (m *mapping) date(key string, required, past bool) civil.Date {
	v, path := m.get(key, required, x("expect.date"))
	if v == nil {
		return civil.Date{}
	}
	return m.d.date(v, path, past)
}

func (d *decoder) date(v *yaml.Node, path string, past bool) civil.Date {
	// The raw text is read: YAML tags 2026-11-22 as a timestamp.
	s, ok := d.scalar(v, path, x("expect.date"))
	if !ok {
		return civil.Date{}
	}
	return d.dateOf(v, path, s, past, x("expect.date"))
}

// dateOf reads s, the text of v, as a date.
func (d *decoder) dateOf(v *yaml.Node, path, s string, past bool, expect msg.Text) civil.Date {
	date, err := civil.Parse(s)
	if err != nil {
		if dateShaped(s) {
			var hint msg.Text
			if h := dayFirst(s); h != "" {
				hint = x("hint.day_first", h)
			}
			d.add(v, path, x("not_a_day", quote(s)), hint)
		} else {
			var hint msg.Text
			if h := dateHint(s); h != "" {
				hint = didYouMean(h)
			}
			d.add(v, path, foundExpected(quote(s), expect), hint)
		}
		return civil.Date{}
	}
	if past && !d.today.IsZero() && date.After(d.today) {
		d.add(v, path, x("future", s, d.today), noHint)
		return civil.Date{}
	}
	return date
}

// arrival decodes situation.arrived_on: a date, or a month alone when the
// day is not known (SPEC §1: "2019-03", "03/2019"). For a month, by
// prudence, the month's last day counts for the one-year rule: the date
// returned is that day, and monthOnly is true. The month may not begin
// after today.
func (m *mapping) arrival(key string) (date civil.Date, monthOnly bool) {
	expect := x("expect.date_or_month")
	v, path := m.get(key, true, expect)
	if v == nil {
		return civil.Date{}, false
	}
	s, ok := m.d.scalar(v, path, expect)
	if !ok {
		return civil.Date{}, false
	}
	first, err := civil.ParseMonth(s)
	if err != nil {
		if h := monthHint(s); h != "" {
			m.d.add(v, path, foundExpected(quote(s), expect), didYouMean(h))
			return civil.Date{}, false
		}
		return m.d.dateOf(v, path, s, true, expect), false
	}
	if !m.d.today.IsZero() && first.After(m.d.today) {
		m.d.add(v, path, x("future_month", s, m.d.today), noHint)
		return civil.Date{}, false
	}
	return first.EndOfMonth(), true
}

// monthHint returns a month written M/YYYY or YYYY-M as MM/YYYY.
func monthHint(s string) string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' || r == ' ' })
	if len(parts) != 2 || !allDigits(parts[0]) || !allDigits(parts[1]) {
		return ""
	}
	mo, y := parts[0], parts[1]
	if len(mo) == 4 {
		mo, y = y, mo
	}
	if len(mo) == 1 {
		mo = "0" + mo
	}
	h := mo + "/" + y
	if _, err := civil.ParseMonth(h); err != nil || h == s {
		return ""
	}
	return h
}

// dayFirst returns a date written DD/MM/YYYY whose month is over 12 with
// its day and month swapped, when that is a date: 12/13/2025, written the
// American way, becomes 13/12/2025.
func dayFirst(s string) string {
	if len(s) != 10 || s[2] != '/' || s[5] != '/' {
		return ""
	}
	if s[3:5] <= "12" {
		return ""
	}
	h := s[3:5] + "/" + s[0:2] + s[5:]
	if _, err := civil.Parse(h); err != nil {
		return ""
	}
	return h
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

// country decodes a nationality: an ISO 3166-1 code or a country's name
// (see country), returned as the alpha-2 code in upper case. A name that
// names several countries, or none, gets the nearest names as a hint.
func (m *mapping) country(key string, required bool) string {
	expect := x("expect.country")
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
	if codes := ambiguousCountry(s); codes != nil {
		m.d.add(v, path, x("country_ambiguous", quote(s)), x("hint.countries", countryList(codes)))
		return ""
	}
	var hint msg.Text
	if codes := nearestCountries(s); codes != nil {
		hint = x("hint.did_you_mean_country", countryList(codes))
	}
	m.d.add(v, path, foundExpected(quote(s), expect), hint)
	return ""
}

// postcode decodes a French postcode: exactly 5 digits, read from the raw
// text so that 01000 keeps its zero and an unquoted 93200 is fine.
func (m *mapping) postcode(key string, required bool) string {
	expect := x("expect.postcode")
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
	var hint msg.Text
	if t := strings.ReplaceAll(s, " ", ""); len(t) == 5 && allDigits(t) {
		hint = didYouMean(t)
	} else if len(s) == 4 && allDigits(s) {
		hint = didYouMean("0" + s)
	}
	m.d.add(v, path, foundExpected(quotePersonal(s), expect), hint)
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
	expect := x("expect.email")
	v, path := m.get(key, false, expect)
	if v == nil {
		return ""
	}
	s := m.d.text(v, path, expect)
	if s == "" {
		return ""
	}
	if !emailShaped(s) {
		m.d.add(v, path, foundExpected(quotePersonal(s), expect), noHint)
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

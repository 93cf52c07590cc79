package applicant

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// Load decodes and validates the applicant file data, named name in
// problems. today is the run's date: birth, arrival, filing and other past
// events may not lie after it (a zero today skips those checks). On failure
// the error is a non-empty Problems holding every problem of the file,
// sorted by line and column, and the File is nil.
func Load(name string, data []byte, today civil.Date) (*File, error) {
	data = trimBOMs(data) // for the decoder's view of the text, as parse's
	root, probs := parse(name, data)
	if root == nil {
		return nil, probs
	}
	d := &decoder{file: name, today: today, probs: probs, data: data}
	f := d.decodeFile(root)
	return finish(f, d)
}

// DecodeNode decodes and validates an applicant file already parsed into a
// node tree: root is a document node or the mapping at its top. Problems
// carry the nodes' Line and Column, so a caller that builds nodes from
// another format (a spreadsheet row) sets them to what its users can find.
// The error, as for Load, is a non-empty Problems.
func DecodeNode(name string, root *yaml.Node, today civil.Date) (*File, error) {
	d := &decoder{file: name, today: today}
	f := d.decodeFile(root)
	return finish(f, d)
}

// LoadOrganisation decodes the organisation file of `--org FILE`: the keys
// name, address (a list of lines), phone, email and website at the top
// level, or the same under a top-level organisation key.
func LoadOrganisation(name string, data []byte) (*Organisation, error) {
	root, probs := parse(name, data)
	if root == nil {
		return nil, probs
	}
	d := &decoder{file: name, probs: probs}
	org := d.decodeOrganisationFile(root)
	if len(d.probs) > 0 {
		return nil, d.problems()
	}
	return org, nil
}

func finish(f *File, d *decoder) (*File, error) {
	if len(d.probs) > 0 {
		return nil, d.problems()
	}
	if len(d.warns) > 0 {
		sortProblems(d.warns)
		f.Warnings = d.warns
	}
	return f, nil
}

// problems returns the decoder's problems sorted by position, the first
// MaxProblems of them and then one that counts the others ("and 3 214
// more problems"), at the place of the first one left out.
func (d *decoder) problems() Problems {
	sortProblems(d.probs)
	ps := d.probs
	if more := len(ps) - MaxProblems + d.extra; more > 0 && len(ps) > MaxProblems {
		next := ps[MaxProblems]
		ps = append(ps[:MaxProblems:MaxProblems], Problem{File: d.file, Line: next.Line, Column: next.Column,
			Message: x("more_problems", more)})
	}
	return ps
}

// Parse reads the single YAML document of an applicant file, within the
// loader's limits (aliases counted as what they stand for), into the node
// tree that the web form reads its fields from; Load decodes the same
// tree. The error, as for Load, is a non-empty Problems; a second
// document is not one (Load reports it).
func Parse(name string, data []byte) (*yaml.Node, error) {
	root, probs := parse(name, data)
	if root == nil {
		return nil, probs
	}
	return root, nil
}

// trimBOMs drops the UTF-8 byte-order marks at the start of data: one is
// common (Notepad writes it), two come from a file saved again by another
// program, and the YAML reader, past the first, dropped the first letter
// of every key ("ormat", "pplicant"). Columns on the first line then count
// from the first character an editor shows.
func trimBOMs(data []byte) []byte {
	for bytes.HasPrefix(data, []byte("\uFEFF")) {
		data = data[3:]
	}
	return data
}

// parse reads the single YAML document of data. It returns a nil root when
// nothing can be decoded (empty file, syntax error), and the problems of
// the file as a whole (a second document).
func parse(name string, data []byte) (root *yaml.Node, probs Problems) {
	data = trimBOMs(data)
	defer func() {
		// The YAML library is not ours: should it ever panic on some input,
		// the user gets a problem, not a crash.
		if r := recover(); r != nil {
			root = nil
			probs = Problems{{File: name, Line: 1, Column: 1,
				Message: x("yaml_failed", fmt.Sprint(r))}}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Problems{emptyFile(name, data)}
		}
		return nil, Problems{syntaxProblem(name, data, err)}
	}
	if len(doc.Content) == 0 || absent(doc.Content[0]) {
		return nil, Problems{emptyFile(name, data)}
	}
	if p, over := aliasProblem(name, &doc, len(data)); over {
		return nil, Problems{p}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		probs = append(probs, syntaxProblem(name, data, err))
	default:
		probs = append(probs, Problem{File: name, Line: max(next.Line, 1), Column: max(next.Column, 1),
			Message: x("second_document"), Hint: x("hint.second_document")})
	}
	return &doc, probs
}

func emptyFile(name string, data []byte) Problem {
	p := Problem{File: name, Line: 1, Column: 1,
		Message: x("empty_file", FormatV1), Hint: x("hint.empty_file")}
	if len(bytes.TrimSpace(data)) > 0 {
		p.Message = x("no_data", FormatV1)
	}
	return p
}

// syntaxProblem turns an error of the YAML library ("yaml: line 3: could
// not find expected ':'") into a problem at that line.
func syntaxProblem(name string, data []byte, err error) Problem {
	reason := strings.TrimPrefix(err.Error(), "yaml: ")
	if p, ok := encodingProblem(name, data); ok {
		// The YAML reader says "control characters are not allowed" or
		// "invalid leading UTF-8 octet" without a place.
		return p
	}
	line, reason := errorLine(reason)
	col := 1
	var text, hint msg.Text
	switch {
	case strings.Contains(reason, "cannot start any token"), strings.Contains(reason, "tab character"):
		if l, c, ok := findByte(data, '\t', line); ok {
			line, col = l, c
			text, hint = x("yaml_tab"), x("hint.yaml_tab")
		}
	case strings.Contains(reason, "mapping values are not allowed"):
		hint = x("hint.yaml_colon")
		if c, ok := secondColon(data, line); ok {
			col = c
		}
	case strings.Contains(reason, "did not find expected key"), strings.Contains(reason, "did not find expected '-'"):
		hint = x("hint.yaml_indent")
	case strings.HasPrefix(reason, "unknown anchor"):
		if a := strings.Index(reason, "'"); a >= 0 {
			anchor := strings.TrimSuffix(reason[a+1:], "' referenced")
			reason = "unknown anchor '" + msg.Echo(anchor) + "' referenced"
			if l, c, ok := findString(data, "*"+anchor, 1); ok {
				line, col = l, c
			}
		}
	}
	line = min(max(line, 1), max(lineCount(data), 1))
	if text.IsZero() {
		text = x("invalid_yaml", yamlReason(reason))
	}
	return Problem{File: name, Line: line, Column: col, Field: fieldAt(data, line), Message: text, Hint: hint}
}

// errorLine splits the YAML reader's "line 3: could not find expected ':'"
// into the line and the reason; 0 and the whole reason when it names no
// line.
func errorLine(reason string) (int, string) {
	if rest, ok := strings.CutPrefix(reason, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				return n, rest[i+2:]
			}
		}
	}
	return 0, reason
}

// lineCount is the number of lines of data, the last one with or without
// its line end.
func lineCount(data []byte) int {
	n := bytes.Count(data, []byte{'\n'})
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// yamlReason is the catalog's words for the YAML reader's reason when it
// has them (yamlReasons), else the reader's own words.
func yamlReason(reason string) msg.Text {
	for _, r := range yamlReasons {
		if strings.Contains(reason, r.says) {
			return x(r.key)
		}
	}
	return msg.Raw(reason)
}

// encodingProblem finds the first byte of data that is not UTF-8, or the
// first control character YAML refuses (NUL…), and words it at its line
// and column. ok is false when there is none, or when the file is UTF-16,
// which the YAML reader decodes itself.
func encodingProblem(name string, data []byte) (Problem, bool) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return Problem{}, false
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		var text, hint msg.Text
		switch {
		case r == utf8.RuneError && size <= 1:
			text, hint = x("not_utf8"), x("hint.save_utf8")
		case r == '\n':
			line, col = line+1, 1
			i += size
			continue
		case r == '\t' || r == '\r' || r == 0x85 || r == 0xFEFF:
		case r < 0x20 || (r >= 0x7F && r <= 0x9F) || r == 0xFFFE || r == 0xFFFF:
			text, hint = x("control", fmt.Sprintf("%04X", r)), x("hint.remove_it")
		}
		if !text.IsZero() {
			return Problem{File: name, Line: line, Column: col, Field: fieldAt(data, line), Message: text, Hint: hint}, true
		}
		i += size
		col++
	}
	return Problem{}, false
}

// secondColon returns the column of the ": " after the key's on the given
// line ("city: Lyon: 1er"): where YAML stops understanding the line.
func secondColon(data []byte, line int) (int, bool) {
	row := lineText(data, line)
	first := strings.Index(row, ": ")
	if first < 0 {
		return 0, false
	}
	second := strings.Index(row[first+2:], ": ")
	if second < 0 {
		return 0, false
	}
	return utf8.RuneCountInString(row[:first+2+second]) + 1, true
}

// lineText returns the text of line n (1-based) of data.
func lineText(data []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return strings.TrimSuffix(string(data), "\r")
}

// fieldAt guesses from the indentation the dotted path of the field on the
// given line of a file that the YAML reader could not read ("applicant.
// address.city"), so that a syntax error names its field as other problems
// do. It reads block mappings and lists; it returns "" when the line is
// outside them, and never fails.
func fieldAt(data []byte, line int) string {
	var s pathStack
	for n := 1; n <= line && len(data) > 0; n++ {
		row := data
		if j := bytes.IndexByte(data, '\n'); j >= 0 {
			row, data = data[:j], data[j+1:]
		} else {
			data = nil
		}
		text := strings.TrimRight(string(row), " \r")
		indent := len(text) - len(strings.TrimLeft(text, " "))
		content := text[indent:]
		if strings.HasPrefix(content, "\t") {
			return "" // indented with a tab: its level is unknown
		}
		if content == "" || content[0] == '#' || strings.HasPrefix(content, "---") {
			continue
		}
		indent, content = s.items(indent, content)
		s.key(indent, content)
	}
	return s.path()
}

// pathStack is the path that fieldAt has read down to a line, one frame
// per level: a key, or an item of a list.
type pathStack []pathFrame

// pathFrame is one level of a pathStack.
type pathFrame struct {
	indent int
	name   string
	item   bool
	items  int  // a key's list items seen so far
	inline bool // a key with its value on its line: nothing nests under it
}

// top is the deepest level; the stack is not empty.
func (s pathStack) top() *pathFrame { return &s[len(s)-1] }

// pop closes the deepest level.
func (s *pathStack) pop() { *s = (*s)[:len(*s)-1] }

// items opens a level for each list item that starts the line ("- - a: 1"
// opens two), and returns the indentation and content after their dashes.
func (s *pathStack) items(indent int, content string) (int, string) {
	for content == "-" || strings.HasPrefix(content, "- ") {
		for len(*s) > 0 && s.top().indent > indent {
			s.pop()
		}
		if len(*s) > 0 && s.top().indent == indent && s.top().item {
			s.pop()
		}
		i := 0
		if len(*s) > 0 {
			i = s.top().items
			s.top().items++
		}
		*s = append(*s, pathFrame{indent: indent, name: "[" + strconv.Itoa(i) + "]", item: true})
		rest := strings.TrimPrefix(content, "-")
		trimmed := strings.TrimLeft(rest, " ")
		indent += 1 + len(rest) - len(trimmed)
		content = trimmed
	}
	return indent, content
}

// key closes the levels that a line at indent leaves, and opens one for
// its key; a line that is not a key belongs to what encloses it.
func (s *pathStack) key(indent int, content string) {
	for len(*s) > 0 && s.top().indent >= indent && !s.top().item {
		s.pop()
	}
	for len(*s) > 0 && (s.top().indent > indent || s.top().inline) {
		s.pop()
	}
	key, _, ok := strings.Cut(content, ":")
	if !ok || key == "" || strings.ContainsAny(key[:1], "\"'[{&*!|>%@`") || strings.Contains(key, " #") {
		return
	}
	value := strings.TrimSpace(content[len(key)+1:])
	*s = append(*s, pathFrame{indent: indent, name: msg.Echo(strings.TrimSpace(key)),
		inline: value != "" && value[0] != '#' && value[0] != '|' && value[0] != '>' && value[0] != '&'})
}

// path is the dotted path of the stack: "procedure.ofii_requests[0].kind".
func (s pathStack) path() string {
	var b strings.Builder
	for i, f := range s {
		if i > 0 && !f.item {
			b.WriteByte('.')
		}
		b.WriteString(f.name)
	}
	return b.String()
}

// yamlReasons words the YAML reader's most common errors from the catalog:
// in English its own words and what they usually mean, in French what a
// person who does not know YAML can act on.
var yamlReasons = []struct{ says, key string }{
	{"mapping values are not allowed", "yaml.mapping_values"},
	{"did not find expected key", "yaml.expected_key"},
	{"could not find expected ':'", "yaml.expected_colon"},
	{"did not find expected '-' indicator", "yaml.expected_dash"},
	{"did not find expected node content", "yaml.expected_value"},
	{"found character that cannot start any token", "yaml.bad_start"},
	{"found unexpected end of stream", "yaml.unexpected_end"},
	{"found unknown escape character", "yaml.bad_escape"},
	{"control characters are not allowed", "yaml.control"},
	{"invalid leading UTF-8 octet", "yaml.not_utf8"},
	{"incomplete UTF-8 octet sequence", "yaml.not_utf8"},
	{"invalid trailing UTF-8 octet", "yaml.not_utf8"},
}

// findByte returns the line and column (1-based, in characters) of the first
// b at or after line from.
func findByte(data []byte, b byte, from int) (line, col int, ok bool) {
	return findString(data, string(b), from)
}

// findString returns the line and column of the first s at or after line from.
func findString(data []byte, s string, from int) (line, col int, ok bool) {
	line = 1
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		row := data
		if end >= 0 {
			row, data = data[:end], data[end+1:]
		} else {
			data = nil
		}
		if line >= from {
			if i := bytes.Index(row, []byte(s)); i >= 0 {
				return line, len([]rune(string(row[:i]))) + 1, true
			}
		}
		line++
	}
	return 0, 0, false
}

// PersonName returns the family and given names that the tree of an
// applicant file holds, read as the loader reads them, even when the file
// has other problems: what a summary names a failed entry by. A name that
// is absent or itself wrong (a control character, a name too long) is "".
func PersonName(root *yaml.Node) (family, given string) {
	d := &decoder{}
	top := d.top(root)
	if top == nil || top.Kind != yaml.MappingNode {
		return "", ""
	}
	a := d.mapping(top, "", &rootKeys).child("applicant", false, &applicantKeys)
	if a == nil {
		return "", ""
	}
	return a.name("family_name", false, msg.Text{}), a.name("given_names", false, msg.Text{})
}

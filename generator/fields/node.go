package fields

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

// ListSeparator separates the items of a list given as one value (a
// spreadsheet cell: "administration; bank_statements").
const ListSeparator = ";"

// Value is one value of a named field, and where it was read: the place
// that the loader's problems about it will name.
type Value struct {
	Name   Name
	Value  string
	Line   int
	Column int
}

// Node builds the node tree of an applicant file from values, in their
// order, for applicant.DecodeNode. Mapping nodes are at line and column 0,
// so that a problem there (a missing field) is named by its field path.
//
//   - A field's value is one scalar; a later value of the same field
//     replaces an earlier one.
//   - A list's value without an index holds items separated by ";"; with an
//     index ("ofii_address.2"), it is that item. Items are put in the
//     order of their indexes, then those given without one.
//   - A request's value without an index holds requests separated by ";",
//     each the date of OFII's letter, its kind, and for an examination the
//     date of the convocation ("2026-11-18 information; 2026-11-20
//     examination 2026-12-03"); with an index and a key it is that key.
//
// Every scalar is text (tag !!str), as a spreadsheet cell or a form input
// is: the loader reads dates, booleans and numbers from text.
func Node(values []Value, line int) *yaml.Node {
	return build(values, line, false)
}

// Canonical is Node for a file to be written: the values in the file's
// order, dates written YYYY-MM-DD, and booleans and numbers untagged so
// that the file reads as one written by hand.
func Canonical(values []Value) *yaml.Node {
	values = slices.Clone(values)
	slices.SortStableFunc(values, func(a, b Value) int { return Order(a.Name, b.Name) })
	for i, v := range values {
		values[i].Value = stable(v.Name, v.Value)
	}
	return build(values, 0, true)
}

// stable returns the value of the file for what was typed in a field: a
// French word of a closed set becomes its value, a country's name its
// code (SPEC §4); anything else stays as typed, for the loader to check.
func stable(n Name, v string) string {
	path := n.Field.Path
	switch {
	case n.Key != "":
		path += "." + n.Key
	case n.Field.Kind == List && n.Index < 0:
		items := splitList(v)
		for i, item := range items {
			items[i] = stable(Name{Field: n.Field, Index: i}, item)
		}
		if len(items) == 0 {
			return v
		}
		return strings.Join(items, ListSeparator+" ")
	}
	if n.Kind() == Bool {
		if s, ok := applicant.YesNo(v); ok {
			return s
		}
	}
	if s, ok := applicant.StableValue(path, v); ok {
		return s
	}
	return v
}

// Encode writes a tree as YAML, indented by two spaces.
func Encode(root *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type list struct {
	seq      *yaml.Node
	byIndex  map[int]*yaml.Node
	appended []*yaml.Node
}

func build(values []Value, line int, typed bool) *yaml.Node {
	root := &yaml.Node{Kind: yaml.MappingNode, Line: line}
	maps := map[string]*yaml.Node{"": root}
	lists := map[string]*list{}
	var order []string // list paths, in the order first seen
	var mapFor func(path string) *yaml.Node
	mapFor = func(path string) *yaml.Node {
		if m, ok := maps[path]; ok {
			return m
		}
		parent, key := split(path)
		m := &yaml.Node{Kind: yaml.MappingNode, Line: line}
		p := mapFor(parent)
		p.Content = append(p.Content, scalar(key, Text, line, 0, false), m)
		maps[path] = m
		return m
	}
	listFor := func(v Value) *list {
		path := v.Name.Field.Path
		if l, ok := lists[path]; ok {
			return l
		}
		l := &list{seq: &yaml.Node{Kind: yaml.SequenceNode, Line: v.Line, Column: v.Column}, byIndex: map[int]*yaml.Node{}}
		parent, key := split(path)
		m := mapFor(parent)
		m.Content = append(m.Content, scalar(key, Text, v.Line, v.Column, false), l.seq)
		lists[path] = l
		order = append(order, path)
		return l
	}
	hasFormat := false
	for _, v := range values {
		f := v.Name.Field
		switch {
		case f.Kind == List && v.Name.Index < 0:
			l := listFor(v)
			for _, item := range splitList(v.Value) {
				l.appended = append(l.appended, scalar(item, Text, v.Line, v.Column, typed))
			}
		case f.Kind == List:
			l := listFor(v)
			l.byIndex[v.Name.Index] = scalar(v.Value, Text, v.Line, v.Column, typed)
		case f.Kind == Requests && v.Name.Index < 0:
			l := listFor(v)
			for _, item := range splitList(v.Value) {
				l.appended = append(l.appended, requestNode(item, v.Line, v.Column, typed))
			}
		case f.Kind == Requests:
			l := listFor(v)
			m, ok := l.byIndex[v.Name.Index]
			if !ok {
				m = &yaml.Node{Kind: yaml.MappingNode, Line: v.Line, Column: v.Column}
				l.byIndex[v.Name.Index] = m
			}
			setKey(m, v.Name.Key, scalar(v.Value, v.Name.Kind(), v.Line, v.Column, typed))
		default:
			parent, key := split(f.Path)
			setKey(mapFor(parent), key, scalar(v.Value, f.Kind, v.Line, v.Column, typed))
			hasFormat = hasFormat || f.Path == "format"
		}
	}
	for _, path := range order {
		l := lists[path]
		indexes := make([]int, 0, len(l.byIndex))
		for i := range l.byIndex {
			indexes = append(indexes, i)
		}
		slices.Sort(indexes)
		for _, i := range indexes {
			l.seq.Content = append(l.seq.Content, l.byIndex[i])
		}
		l.seq.Content = append(l.seq.Content, l.appended...)
	}
	if !hasFormat {
		// A spreadsheet or a form is ofiipack/v1 unless it says otherwise.
		root.Content = append([]*yaml.Node{scalar("format", Text, line, 0, false), scalar(applicant.FormatV1, Text, line, 0, false)}, root.Content...)
	}
	return root
}

// setKey sets key in mapping m, replacing an earlier value.
func setKey(m *yaml.Node, key string, value *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = value
			return
		}
	}
	m.Content = append(m.Content, scalar(key, Text, value.Line, value.Column, false), value)
}

func split(path string) (parent, key string) {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i], path[i+1:]
	}
	return "", path
}

// scalar is a text node; typed, it is written as a person would write the
// value of that kind in a file.
func scalar(v string, kind Kind, line, col int, typed bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: line, Column: col}
	if !typed {
		return n
	}
	switch kind {
	case Date:
		if d, err := civil.Parse(v); err == nil {
			n.Value, n.Tag = d.String(), ""
		} else if d, err := civil.ParseMonth(v); err == nil {
			n.Value = d.String()[:7] // a month alone (situation.arrived_on): YYYY-MM
		}
	case Bool:
		if v == "true" || v == "false" {
			n.Tag = "!!bool"
		}
	case Number:
		if _, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "_xXoObB") {
			n.Tag = ""
		}
	}
	return n
}

// splitList splits a value at ";" and drops empty items (a trailing ";").
func splitList(v string) []string {
	var items []string
	for _, s := range strings.Split(v, ListSeparator) {
		if s = strings.TrimSpace(s); s != "" {
			items = append(items, s)
		}
	}
	return items
}

// requestNode reads "2026-11-18 information" as {on: 2026-11-18, kind:
// information}. A missing part is left out, so that the loader reports it.
func requestNode(item string, line, col int, typed bool) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Line: line, Column: col}
	words := strings.Fields(item)
	if len(words) > 0 {
		m.Content = append(m.Content, scalar("on", Text, line, col, false), scalar(words[0], Date, line, col, typed))
	}
	if len(words) > 1 {
		kind, appointment := words[1:], ""
		// a last word shaped like a date is the examination's appointment
		if last := kind[len(kind)-1]; len(kind) > 1 && strings.ContainsAny(last, "-/") {
			kind, appointment = kind[:len(kind)-1], last
		}
		k := strings.Join(kind, " ")
		if s, ok := applicant.StableValue("procedure.ofii_requests.kind", k); ok && typed {
			k = s
		}
		m.Content = append(m.Content, scalar("kind", Text, line, col, false), scalar(k, Text, line, col, typed))
		if appointment != "" {
			m.Content = append(m.Content, scalar("appointment_on", Text, line, col, false), scalar(appointment, Date, line, col, typed))
		}
	}
	return m
}

// Flatten returns the values of an applicant file's tree, in the file's
// order: what a form shows of a file. Keys that are not fields of SPEC §1,
// empty and null values, and values of the wrong shape are left out (the
// loader reports them), and so are the items of a list past the loader's
// limit and one (applicant.MaxListItems): the form has no room for them,
// the loader says that the list is too long, and a file of 260,000 items
// would otherwise become as many inputs.
func Flatten(root *yaml.Node) []Value {
	var out []Value
	if root != nil && root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	flatten(root, "", &out)
	return out
}

func flatten(m *yaml.Node, prefix string, out *[]Value) {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		path := prefix + m.Content[i].Value
		v := deref(m.Content[i+1])
		f, ok := Lookup(path)
		if !ok {
			if hasPrefix(path + ".") {
				flatten(v, path+".", out)
			}
			continue
		}
		switch f.Kind {
		case List:
			if v == nil || v.Kind != yaml.SequenceNode {
				continue
			}
			for j, item := range items(v) {
				if s, ok := text(item); ok {
					*out = append(*out, Value{Name{f, j, ""}, s, item.Line, item.Column})
				}
			}
		case Requests:
			if v == nil || v.Kind != yaml.SequenceNode {
				continue
			}
			for j, item := range items(v) {
				item = deref(item)
				if item == nil || item.Kind != yaml.MappingNode {
					continue
				}
				for k := 0; k+1 < len(item.Content); k += 2 {
					key := item.Content[k].Value
					if s, ok := text(item.Content[k+1]); ok && slices.Contains(RequestKeys, key) {
						*out = append(*out, Value{Name{f, j, key}, s, item.Content[k+1].Line, item.Content[k+1].Column})
					}
				}
			}
		default:
			if s, ok := text(v); ok {
				*out = append(*out, Value{Name{f, -1, ""}, s, v.Line, v.Column})
			}
		}
	}
}

// items are a list's items, up to the loader's limit and one.
func items(list *yaml.Node) []*yaml.Node {
	return list.Content[:min(len(list.Content), applicant.MaxListItems+1)]
}

// text is a scalar's value, unless it is empty or null.
func text(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Value == "" {
		return "", false
	}
	return n.Value, true
}

// deref follows an alias, once: an alias to an alias is left to the loader.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// hasPrefix tells whether some field's path starts with prefix.
func hasPrefix(prefix string) bool {
	return slices.ContainsFunc(all, func(f Field) bool { return strings.HasPrefix(f.Path, prefix) })
}

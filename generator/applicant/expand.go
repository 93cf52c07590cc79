package applicant

import (
	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/input"
	"github.com/ofiipack/ofiipack/generator/msg"
)

// An alias (*name) stands for the whole value its anchor (&name) names: a
// file of 65 KB that repeats a 60,000-character text through 1,500
// aliases is 90 MB once its values are read, and a cycle (an alias inside
// the value it names) is endless. The YAML reader keeps an alias as one
// node, but whatever reads the values (the loader, the web form's fields,
// a draft written back) writes them out. So a file is held to the limit of
// its size, MaxFileSize, with every alias counted as the value it stands
// for, before anything of it is decoded or echoed.

// aliasProblem returns the problem of a document that holds more than
// MaxFileSize bytes once its aliases are written out, at the alias that
// takes it past the limit; ok is false when there is none. size is the
// file's own size. It visits each node once: an anchor's value is
// measured once, however many aliases name it.
func aliasProblem(name string, doc *yaml.Node, size int) (p Problem, ok bool) {
	e := &expansion{total: int64(size), sizes: map[*yaml.Node]int64{}, open: map[*yaml.Node]bool{}}
	e.walk(doc, "")
	if e.over == nil {
		return Problem{}, false
	}
	return Problem{File: name, Line: e.over.Line, Column: e.over.Column, Field: e.path,
		Message: x("alias_too_large", msg.Echo("*"+e.over.Value), input.Size(MaxFileSize)),
		Hint:    x("hint.alias_too_large")}, true
}

type expansion struct {
	total int64                // the file's size, plus what each alias seen so far stands for
	sizes map[*yaml.Node]int64 // the size of each anchored value measured
	open  map[*yaml.Node]bool  // the anchored values being measured: an alias to one is a cycle
	over  *yaml.Node           // the alias that took total past MaxFileSize
	path  string               // its field
}

// walk adds up, in the file's order, what the aliases under n stand for,
// and stops at the first that takes the total past the limit.
func (e *expansion) walk(n *yaml.Node, path string) {
	if n == nil || e.over != nil {
		return
	}
	switch n.Kind {
	case yaml.AliasNode:
		if e.total += e.size(n); e.total > MaxFileSize {
			e.over, e.path = n, path
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content) && e.over == nil; i += 2 {
			k := n.Content[i]
			e.walk(k, path)
			e.walk(n.Content[i+1], join(path, msg.Echo(k.Value)))
		}
	default:
		for i, c := range n.Content {
			p := path
			if n.Kind == yaml.SequenceNode {
				p = item(path, i)
			}
			e.walk(c, p)
		}
	}
}

// size is what n stands for written out, in bytes: each scalar's text and
// one byte of punctuation; more than MaxFileSize stops the count.
func (e *expansion) size(n *yaml.Node) int64 {
	const past = MaxFileSize + 1
	switch n.Kind {
	case yaml.AliasNode:
		t := n.Alias
		if t == nil {
			return 0
		}
		if s, ok := e.sizes[t]; ok {
			return s
		}
		if e.open[t] {
			return past // the alias is inside the value it names
		}
		e.open[t] = true
		s := e.size(t)
		delete(e.open, t)
		e.sizes[t] = s
		return s
	case yaml.ScalarNode:
		return int64(len(n.Value)) + 1
	}
	s := int64(1)
	for _, c := range n.Content {
		if s += e.size(c); s > MaxFileSize {
			return past
		}
	}
	return s
}

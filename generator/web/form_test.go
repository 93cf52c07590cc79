package web

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/fields"
	"github.com/ofiipack/ofiipack/templates"
)

type input struct {
	tag, name, id, typ string
	options            []string // a select's values, the empty one left out
	value              string
}

// formInputs reads the page's inputs, those of <template> rows included.
func formInputs(t *testing.T) ([]input, map[string]bool) {
	t.Helper()
	data, err := templates.Web.ReadFile("web/index.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []input
	labels := map[string]bool{}
	attr := func(n *html.Node, key string) string {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val
			}
		}
		return ""
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "input", "select", "textarea":
				in := input{tag: n.Data, name: attr(n, "name"), id: attr(n, "id"), typ: attr(n, "type"), value: attr(n, "value")}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "option" && attr(c, "value") != "" {
						in.options = append(in.options, attr(c, "value"))
					}
				}
				inputs = append(inputs, in)
			case "label":
				labels[attr(n, "for")] = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return inputs, labels
}

// The form and the file are one mapping: every input is named by a field's
// dotted path (as a spreadsheet column is), every field of SPEC §1 has an
// input, and a select offers exactly the values the validator accepts.
func TestFormMatchesFields(t *testing.T) {
	inputs, _ := formInputs(t)
	named := map[string]bool{}
	for _, in := range inputs {
		if in.name == "" || in.name == "date" || in.typ == "file" {
			continue
		}
		n, ok := fields.ParseName(in.name, maxItems)
		if !ok {
			t.Errorf("input %q (id %q) is not a field of the applicant file", in.name, in.id)
			continue
		}
		named[n.Field.Path] = true
		if in.id != "" && in.typ != "checkbox" && in.typ != "hidden" && in.id != strings.ReplaceAll(in.name, ".", "-") {
			t.Errorf("input %q has id %q, want %q", in.name, in.id, strings.ReplaceAll(in.name, ".", "-"))
		}
		path := n.Field.Path
		if n.Key != "" {
			path += "." + n.Key
		}
		want := applicant.FieldValues(path)
		switch {
		case in.tag == "select" && n.Kind() == fields.Bool:
			if !slices.Equal(in.options, []string{"true", "false"}) {
				t.Errorf("%s offers %v, want true and false", in.name, in.options)
			}
		case in.tag == "select":
			if !slices.Equal(in.options, want) {
				t.Errorf("%s offers %v, want the validator's %v", in.name, in.options, want)
			}
		case in.typ == "checkbox" && path != "documents_ready":
			if !slices.Contains(want, in.value) {
				t.Errorf("%s has a box for %q, not one of %v", in.name, in.value, want)
			}
		case want != nil && in.typ != "hidden":
			t.Errorf("%s has fixed values %v but is a free %s", in.name, want, in.tag)
		}
	}
	for _, f := range fields.All() {
		if f.Path == "documents_ready" {
			continue // its boxes come from the plan's checklist
		}
		if !named[f.Path] {
			t.Errorf("no input for the field %s", f.Path)
		}
	}
	// Each enum list has one box per value.
	for _, path := range []string{"situation.residence_proofs", "situation.refusal_grounds"} {
		var values []string
		for _, in := range inputs {
			if in.name == path {
				values = append(values, in.value)
			}
		}
		if !slices.Equal(values, applicant.FieldValues(path)) {
			t.Errorf("%s has boxes %v, want %v", path, values, applicant.FieldValues(path))
		}
	}
}

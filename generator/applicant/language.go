package applicant

import (
	"sync"

	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/notice"
)

// languages is what the loader knows of the notice's languages: the
// expected values for messages, the hints, the values a form offers. They
// come from templates/notice/languages.yaml, read the first time a file
// names a language.
var languages = sync.OnceValue(func() (l struct {
	expect msg.Text
	codes  []string // with fr, for FieldValues
	names  []string // codes and French names, for hints
}) {
	list, err := notice.Languages()
	if err != nil {
		l.expect = msg.Raw(err.Error()) // a broken embedded catalog; its own tests fail
		return l
	}
	choices := make(msg.Or, len(list))
	for i, c := range list {
		choices[i] = c.Code + " (" + c.FrenchName + ")"
		l.codes = append(l.codes, c.Code)
		l.names = append(l.names, c.Code, c.FrenchName)
	}
	l.codes = append(l.codes, notice.French)
	l.expect = x("expect.language", choices)
	return l
})

// language decodes applicant.language: a code of templates/notice, or the
// language's own or French name in any case, with or without accents
// (« russe », « Géorgien »). SPEC §1: an unknown code is an error that
// lists the supported ones.
func (m *mapping) language(key string) string {
	// The list of languages is read only for a file that names one.
	v, path := m.get(key, false, msg.Text{})
	if v == nil {
		return ""
	}
	l := languages()
	s, ok := m.d.scalar(v, path, l.expect)
	if !ok {
		return ""
	}
	if code, ok := notice.Lookup(s); ok {
		return code
	}
	var hint msg.Text
	if c := Nearest(s, l.names); c != "" {
		hint = didYouMean(c)
	}
	m.d.add(v, path, foundExpected(quote(s), l.expect), hint)
	return ""
}

// Package msg holds every message ofiipack prints to a person, in English
// and in French, read from one catalog: templates/text/messages/LANG/*.yaml.
// The validator, the batch mode, the command line and the web form all word
// a problem the same way because they all render a Text from this catalog.
//
// A Text is a key and its arguments; it is rendered in a language only when
// printed, so that a problem found once can be shown in French on a terminal
// and in English in a log. Arguments are strings (printed as they are: a
// value, a field path, a file name), integers, other Texts (rendered in the
// same language) and lists (Or, And).
package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/templates"
)

// Lang is a language of the catalog.
type Lang uint8

const (
	English Lang = iota
	French
)

// Langs are the catalog's languages, with the folder of each.
var Langs = []Lang{English, French}

// Code is the language's ISO 639-1 code, the catalog's folder name.
func (l Lang) Code() string {
	if l == French {
		return "fr"
	}
	return "en"
}

// FromEnv returns the language of the messages as POSIX programs choose it:
// LANGUAGE when set (a list such as "fr:en", the first language the catalog
// has wins), else the first of LC_ALL, LC_MESSAGES and LANG that is set and
// not empty. French for a locale "fr", "fr_FR.UTF-8", "fr_BE@euro"…;
// English otherwise, and for "C" and "POSIX". As in GNU gettext, LANGUAGE is
// ignored when the locale is "C" or "POSIX".
func FromEnv(getenv func(string) string) Lang {
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			locale = v
			break
		}
	}
	if locale != "C" && locale != "POSIX" && !strings.HasPrefix(locale, "C.") {
		for _, l := range strings.Split(getenv("LANGUAGE"), ":") {
			if lang, ok := parseLocale(l); ok {
				return lang
			}
		}
	}
	if lang, ok := parseLocale(locale); ok {
		return lang
	}
	return English
}

// parseLocale reads "fr_FR.UTF-8" as French; ok is false for a language the
// catalog does not have.
func parseLocale(s string) (Lang, bool) {
	code := strings.ToLower(s)
	if i := strings.IndexAny(code, "_.@-"); i >= 0 {
		code = code[:i]
	}
	switch code {
	case "fr":
		return French, true
	case "en":
		return English, true
	}
	return English, false
}

// Text is a message of the catalog and its arguments.
type Text struct {
	Key  string
	Args []any
}

// New returns the message key of the catalog with its arguments.
func New(key string, args ...any) Text { return Text{Key: key, Args: args} }

// IsZero reports whether t is no message.
func (t Text) IsZero() bool { return t.Key == "" }

// String renders t in English: the language of logs and of Go errors.
func (t Text) String() string { return t.In(English) }

// Or is a list of words joined as "a, b or c" (« a, b ou c »); items
// are arguments like any other (strings, Texts…).
type Or []any

// And is a list of words joined as "a, b and c" (« a, b et c »).
type And []any

// Lazy is an argument worked out only when the message is rendered, in the
// language it is rendered in: the words of a table that is read only when a
// message needs them.
type Lazy func(l Lang) string

// Raw is a string that a message prints as it is, for the rare message
// whose whole text comes from outside the catalog (a library's error).
func Raw(s string) Text { return Text{Key: rawKey, Args: []any{s}} }

const rawKey = "raw"

// In renders t in language l. A key missing from the catalog is rendered as
// the key and its arguments, never a panic: a test checks that every key
// the code uses is in both catalogs.
func (t Text) In(l Lang) string {
	if t.Key == "" {
		return ""
	}
	if t.Key == rawKey && len(t.Args) == 1 {
		return arg(t.Args[0], l)
	}
	format, ok := lookup(l, t.Key)
	if !ok {
		var b strings.Builder
		b.WriteString(t.Key)
		for _, a := range t.Args {
			b.WriteString(" ")
			b.WriteString(arg(a, l))
		}
		return b.String()
	}
	return expand(format, t.Args, l)
}

// expand replaces {1}, {2}… with the arguments, and {1|one|many} with the
// form of the word that agrees with the number argument 1 (the number is
// not printed: write "{1} {1|day|days}").
func expand(format string, args []any, l Lang) string {
	if !strings.Contains(format, "{") {
		return format
	}
	var b strings.Builder
	b.Grow(len(format) + 16)
	for {
		i := strings.IndexByte(format, '{')
		if i < 0 {
			b.WriteString(format)
			return b.String()
		}
		j := strings.IndexByte(format[i:], '}')
		if j < 0 {
			b.WriteString(format)
			return b.String()
		}
		b.WriteString(format[:i])
		spec := format[i+1 : i+j]
		format = format[i+j+1:]
		num, forms, _ := strings.Cut(spec, "|")
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 || n > len(args) {
			b.WriteString("{" + spec + "}")
			continue
		}
		if forms == "" {
			b.WriteString(arg(args[n-1], l))
			continue
		}
		one, many, _ := strings.Cut(forms, "|")
		if plural(args[n-1], l) {
			b.WriteString(many)
		} else {
			b.WriteString(one)
		}
	}
}

// plural reports whether the number a takes the plural: 2 and more in
// French (« 1 jour », « 0 jour »), all but 1 in English.
func plural(a any, l Lang) bool {
	var n int64
	switch v := a.(type) {
	case int:
		n = int64(v)
	case int64:
		n = v
	default:
		return true
	}
	if n < 0 {
		n = -n
	}
	if l == French {
		return n >= 2
	}
	return n != 1
}

func arg(a any, l Lang) string {
	switch v := a.(type) {
	case string:
		return v
	case Text:
		return v.In(l)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case Lazy:
		return v(l)
	case Or:
		return joinList(v, New("list.or").In(l), l)
	case And:
		return joinList(v, New("list.and").In(l), l)
	case civil.Date:
		if l == French && !v.IsZero() {
			return v.DayFirst()
		}
		return v.String()
	case fmt.Stringer:
		return v.String()
	case error:
		return v.Error()
	}
	return fmt.Sprint(a)
}

func joinList(list []any, conj string, l Lang) string {
	items := make([]string, len(list))
	for i, a := range list {
		items[i] = arg(a, l)
	}
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// The catalogs, read from templates/text/messages/LANG/*.yaml, each
// language whole the first time one of its messages is asked for: a
// French letter reads the French messages, not the English ones (which
// Error() words only when an error is).
var catalogs = [2]*langCatalog{{}, {}}

type langCatalog struct {
	once sync.Once
	fsys fs.FS // nil: templates.FS
	cat  map[string]string
	err  error // the first error of reading the files
}

// read reads every file of the language into the catalog.
func (c *langCatalog) read(l Lang) {
	c.cat = map[string]string{}
	if c.fsys == nil {
		c.fsys = templates.FS
	}
	dir := path.Join("text/messages", l.Code())
	files, err := fs.Glob(c.fsys, dir+"/*.yaml")
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("msg: no catalog file in templates/%s", dir)
	}
	c.err = err
	for _, name := range files {
		if err := c.readFile(name); err != nil && c.err == nil {
			c.err = err
		}
	}
}

// readFile reads one file into the catalog.
func (c *langCatalog) readFile(name string) error {
	data, err := fs.ReadFile(c.fsys, name)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("templates/%s: %w", name, err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	return flatten(c.cat, doc.Content[0], "", name)
}

// all returns the language's whole catalog.
func (c *langCatalog) all(l Lang) (map[string]string, error) {
	c.once.Do(func() { c.read(l) })
	return c.cat, c.err
}

func lookup(l Lang, key string) (string, bool) {
	if int(l) >= len(catalogs) {
		return "", false
	}
	cat, _ := catalogs[l].all(l)
	s, ok := cat[key]
	return s, ok
}

// Keys returns the keys of language l's catalog, sorted, and the error of
// reading the catalog, if any: the tests compare the languages.
func Keys(l Lang) ([]string, error) {
	if int(l) >= len(catalogs) {
		return nil, fmt.Errorf("msg: no catalog for language %d", l)
	}
	cat, err := catalogs[l].all(l)
	keys := make([]string, 0, len(cat))
	for k := range cat {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, err
}

func flatten(cat map[string]string, n *yaml.Node, prefix, file string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("templates/%s:%d: expected a mapping of message keys", file, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if prefix != "" {
			key = prefix + "." + key
		}
		switch v.Kind {
		case yaml.MappingNode:
			if err := flatten(cat, v, key, file); err != nil {
				return err
			}
		case yaml.ScalarNode:
			if _, dup := cat[key]; dup {
				return fmt.Errorf("templates/%s:%d: the message %s is defined twice", file, k.Line, key)
			}
			cat[key] = strings.TrimSuffix(v.Value, "\n")
		default:
			return fmt.Errorf("templates/%s:%d: %s: expected a message or a mapping", file, k.Line, key)
		}
	}
	return nil
}

// Error is an error worded from the catalog: its Error() is English (for
// logs and wrapping); a command prints Text in the user's language.
type Error struct {
	Text Text
	Hint Text  // optional
	Err  error // the cause, for errors.Is; may be nil
}

// Errorf returns an error worded by the message key.
func Errorf(key string, args ...any) *Error { return &Error{Text: New(key, args...)} }

// Wrap returns an error worded by key whose cause is err (errors.Is and
// errors.As see it).
func Wrap(err error, key string, args ...any) *Error {
	return &Error{Text: New(key, args...), Err: err}
}

func (e *Error) Error() string { return e.Text.String() }
func (e *Error) Unwrap() error { return e.Err }

// WithHint returns e with a hint.
func (e *Error) WithHint(h Text) *Error { e.Hint = h; return e }

// OS words an error of the operating system ("no such file or directory")
// from the catalog when it is a common one, so that a French user reads
// « fichier ou dossier introuvable »; other errors are printed as they are.
func OS(err error) Text {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case err == nil:
		return Text{}
	case errors.Is(err, fs.ErrNotExist):
		return New("os.not_exist")
	case errors.Is(err, fs.ErrPermission):
		return New("os.permission")
	case errors.Is(err, fs.ErrExist):
		return New("os.exist")
	case errors.Is(err, syscall.ENOSPC):
		return New("os.no_space")
	case errors.Is(err, syscall.EISDIR):
		return New("os.is_dir")
	case errors.Is(err, syscall.ENOTDIR):
		return New("os.not_dir")
	case errors.Is(err, syscall.EROFS):
		return New("os.read_only")
	}
	var me *Error
	if errors.As(err, &me) {
		return me.Text
	}
	return Raw(err.Error())
}

// Localized returns err's text in language l when it (or an error it
// wraps) is worded from the catalog, else err.Error().
func Localized(err error, l Lang) string {
	var me *Error
	if errors.As(err, &me) {
		return me.Text.In(l)
	}
	return err.Error()
}

// maxEcho is the number of characters of a name read from the input that
// a message prints: enough to recognise a typo, not a whole line of data.
const maxEcho = 40

// Echo returns a name read from the input (a key, a column title, an
// anchor, a form input's name) as a message prints it: cut after 40
// characters ("…" then), and Printable, so that a crafted key can neither
// rewrite the terminal's line nor fill a log.
func Echo(s string) string {
	n := 0
	for i := range s {
		if n == maxEcho {
			return Printable(s[:i]) + "…"
		}
		n++
	}
	return Printable(s)
}

// Printable returns s with every character that a terminal or a
// spreadsheet would act on, or that hides text, escaped as Go writes it:
// control characters ("\x1b", "\r", "\x00"), bidirectional and other
// format characters ("\u202e"), line and paragraph separators, and bytes
// that are not UTF-8 ("\xff"). Other text is left as it is.
func Printable(s string) string {
	clean := utf8.ValidString(s)
	for _, r := range s {
		if !printable(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case printable(r):
			b.WriteRune(r)
		default:
			q := strconv.QuoteRune(r) // '\x1b', '\r', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
	}
	return b.String()
}

func printable(r rune) bool {
	return unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r)
}

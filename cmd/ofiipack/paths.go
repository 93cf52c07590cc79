package main

import (
	"runtime"
	"strings"
)

// pathStyle is how the system ofiipack runs on writes file names, and how
// its terminal quotes them. On Windows, "\" separates folders as well as
// "/", a name may start with a drive letter ("C:\dossiers\aminata.yaml"),
// and the terminal is PowerShell. Elsewhere only "/" separates folders
// ("\" is a character of the name) and the shell is a POSIX one.
//
// The functions below do what path/filepath does on the host, but for
// either system, so that the tests check both on every machine.
type pathStyle struct {
	windows bool
}

// hostPaths is the style of the system ofiipack runs on.
var hostPaths = pathStyle{windows: runtime.GOOS == "windows"}

var (
	posixPaths   = pathStyle{windows: false}
	windowsPaths = pathStyle{windows: true}
)

// isSeparator reports whether c separates folders in a path.
func (s pathStyle) isSeparator(c byte) bool {
	return c == '/' || s.windows && c == '\\'
}

// volumeLen is the length of the drive letter that starts p on Windows
// ("C:"), 0 when there is none.
func (s pathStyle) volumeLen(p string) int {
	if s.windows && len(p) >= 2 && p[1] == ':' && ('a' <= p[0] && p[0] <= 'z' || 'A' <= p[0] && p[0] <= 'Z') {
		return 2
	}
	return 0
}

// base is the last element of p, as filepath.Base: trailing separators
// and a drive letter dropped, "." for an empty path, the separator for a
// path of separators only.
func (s pathStyle) base(p string) string {
	if p == "" {
		return "."
	}
	for len(p) > 0 && s.isSeparator(p[len(p)-1]) {
		p = p[:len(p)-1]
	}
	p = p[s.volumeLen(p):]
	for i := len(p) - 1; i >= 0; i-- {
		if s.isSeparator(p[i]) {
			p = p[i+1:]
			break
		}
	}
	switch {
	case p != "":
		return p
	case s.windows:
		return `\`
	default:
		return "/"
	}
}

// defaultOutput is the base name of file, extension dropped, with suffix:
// examples/diallo-general.yaml, and C:\dossiers\diallo-general.yaml on
// Windows, give diallo-general-pack.pdf. A name that is all extension
// (".yaml") keeps it.
func (s pathStyle) defaultOutput(file, suffix string) string {
	base := s.base(file)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base + suffix
}

// quote returns a file name as the user can paste it into a command in
// their terminal: unchanged when it needs no quotes, else between single
// quotes, which in a POSIX shell and in PowerShell alike keep every
// character as it is but the quote itself. A quote inside the name is
// closed, escaped and reopened for a POSIX shell, doubled for PowerShell
// (which also takes the typographic quotes ‘ ’ for quotes). On Windows, the
// "\" of folders and the drive letter need no quotes.
func (s pathStyle) quote(name string) string {
	plain := func(r rune) bool {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			return true
		case r == '-', r == '_', r == '.', r == '/', r == '+', r == ':':
			return true
		case r == ',', r == '@': // PowerShell makes a list of a,b and splats @a
			return !s.windows
		case r == '\\':
			return s.windows
		}
		return false
	}
	if name != "" && strings.IndexFunc(name, func(r rune) bool { return !plain(r) }) < 0 {
		return name
	}
	if !s.windows {
		return "'" + strings.ReplaceAll(name, "'", `'\''`) + "'"
	}
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range name {
		switch r {
		case '\'', '\u2018', '\u2019', '\u201A', '\u201B':
			b.WriteRune(r) // doubled: PowerShell reads two as one
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}

// expandPatterns expands the wildcards * and ? of FILE arguments on
// Windows, whose terminals pass "dossiers\*.yaml" to the program as typed
// (a POSIX shell expands it before ofiipack runs, and leaves the rest to
// ofiipack as it is). Matches come in name order; a pattern that matches
// nothing is kept, so that its error names it.
func (s pathStyle) expandPatterns(args []string, glob func(string) ([]string, error)) []string {
	if !s.windows {
		return args
	}
	var out []string
	for _, a := range args {
		if strings.ContainsAny(a, "*?") {
			if m, err := glob(a); err == nil && len(m) > 0 {
				out = append(out, m...)
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

package applicant

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// Problem is one thing wrong with an input: with an applicant file, at a
// line and column of its text; with a spreadsheet, at a row and column of
// a sheet; or with a whole input (a file that cannot be read).
type Problem struct {
	File    string   // the file's name as given to Load; "" when unknown
	Line    int      // 1-based; 0 when unknown or for the whole file
	Column  int      // 1-based; 0 when unknown
	Field   string   // dotted path of the field, e.g. applicant.address.postcode; empty for the whole file
	Message msg.Text // what was found and what is expected, lowercase, no trailing period
	Hint    msg.Text // optional: what to type instead, e.g. `did you mean "postcode"?`

	// Sheet is set when File is a spreadsheet: Line is then its row and
	// Column its column (1 is A), and the place is worded as the sheet
	// shows it, in the reader's language (What).
	Sheet bool
	// Title is the column's title as the sheet has it ("Date de
	// naissance"), Cell the cell ("E11"). Either may be empty: a Title
	// without a Cell is a column the sheet lacks.
	Title, Cell string
}

// Error returns the problem in English: "file:line:col: field.path:
// message". The hint is not part of it: the command prints it on a line
// of its own.
func (p Problem) Error() string { return p.In(msg.English) }

// In returns the problem with its place, in language l (see Text).
func (p Problem) In(l msg.Lang) string { return p.Text().In(l) }

// Text is the problem with its place. In a file's text, the place is the
// same in every language: "folder/a.yaml:12:5: applicant.birth_date: …".
// A sheet's row is named as the sheet shows it: "caseload.csv:row 4:
// column "Date de naissance", cell E4: applicant.birth_date: …"
// (« caseload.csv:ligne 4 : colonne « Date de naissance », cellule E4 :
// applicant.birth_date : … »); a whole input, "caseload.csv: …".
func (p Problem) Text() msg.Text {
	switch {
	case p.Sheet && p.Line > 0:
		return msg.New("where", msg.New("sheet.row", p.File, p.Line), p.What())
	case p.File != "" && (p.Sheet || p.Line == 0 && p.Field == ""):
		return msg.New("where", p.File, p.Message)
	}
	return msg.New("located", p.Where(), p.Message)
}

// What is the problem without its entry's place: for a sheet's row, what
// follows "caseload.csv:row 4: " — what the caseload board prints beside
// the file and the row; otherwise the whole Text (the board has no column
// for a line of text).
func (p Problem) What() msg.Text {
	if !p.Sheet || p.Line == 0 {
		return p.Text()
	}
	switch {
	case p.Cell != "" && p.Title == p.Field:
		return msg.New("sheet.cell", p.Title, p.Cell, p.Message)
	case p.Cell != "":
		return msg.New("sheet.cell_field", p.Title, p.Cell, p.Field, p.Message)
	case p.Title != "":
		// a required column the sheet does not have
		return msg.New("sheet.absent_column", p.Title, p.Field, p.Message)
	case p.Column > 0:
		return msg.New("sheet.column", ColumnLetters(p.Column), p.Message)
	case p.Field != "":
		// a field that is no column (a whole mapping)
		return msg.New("sheet.columns", p.Field, p.Message)
	}
	return p.Message
}

// ColumnLetters is a column's name as spreadsheets show it: 1 → A, 27 →
// AA, 16384 → XFD; past the last column of a sheet, its number.
func ColumnLetters(col int) string {
	if col < 1 || col > 16384 {
		return strconv.Itoa(col)
	}
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// Where is "file:line:col: field.path: ", the part of a problem in a
// file's text that names its place.
func (p Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
		if p.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Column))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	return b.String()
}

// Problems is every problem found in one file, sorted by line and column.
// Load and DecodeNode return it as their error; it is never empty then.
type Problems []Problem

// Error joins the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// sortProblems orders problems by line then column, keeping the order in
// which they were found for problems at the same place.
func sortProblems(ps Problems) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
}

// maxQuoted is the number of characters of a found value that a message
// quotes: enough to recognise a typo, not enough to copy personal data
// into logs (SPEC §1).
const maxQuoted = 40

// maxQuotedPersonal is the number of characters quoted of a value that
// identifies a person (an e-mail address, a postcode): enough to find the
// cell, too few to copy it out of a log or a summary.
const maxQuotedPersonal = 4

// quote returns s quoted for a message, cut after maxQuoted characters.
func quote(s string) string { return quoteN(s, maxQuoted) }

// quotePersonal returns the first characters of a personal value, quoted.
func quotePersonal(s string) string { return quoteN(s, maxQuotedPersonal) }

func quoteN(s string, max int) string {
	if utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max {
				s = s[:i]
				break
			}
			n++
		}
		return strconv.Quote(s) + "…"
	}
	return strconv.Quote(s)
}

// didYouMean is the hint for a near miss.
func didYouMean(s any) msg.Text { return msg.New("hint.did_you_mean", s) }

// Nearest returns the candidate closest to s (case-insensitive, ignoring
// "_", "-", "." and spaces), or "" when none is close enough to be a typo:
// the one "did you mean" of ofiipack, for keys, values and spreadsheet columns.
func Nearest(s string, candidates []string) string {
	if len(s) > 256 {
		return "" // longer than any key, value or column title, by far
	}
	ns := normKey(s)
	if ns == "" {
		return ""
	}
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		dist := editDistance(ns, normKey(c))
		if dist < bestDist {
			best, bestDist = c, dist
		}
	}
	// A typo changes about one character in three; short words allow one.
	if bestDist <= max(1, utf8.RuneCountInString(best)/3) {
		return best
	}
	// A word cut short ("stamp" for stamp_duty) when only one value starts so.
	if utf8.RuneCountInString(ns) < 4 {
		return ""
	}
	best = ""
	for _, c := range candidates {
		if strings.HasPrefix(normKey(c), ns) {
			if best != "" {
				return ""
			}
			best = c
		}
	}
	return best
}

// normKey lowers s and drops the separators people swap ("family-name",
// "Family Name", "familyName" all become "familyname").
func normKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if r == '_' || r == '-' || r == ' ' || r == '.' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// editDistance is the optimal-string-alignment distance between a and b:
// insertions, deletions, substitutions and swaps of two neighbours.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 { // not a typo of any key or value we know
		return 1 << 20
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

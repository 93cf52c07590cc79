package batch

import (
	"bufio"
	"encoding/binary"
	"errors"
	"iter"
	"os"
	"time"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/atomicfile"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/plan"
	"github.com/ofiipack/ofiipack/generator/render"
)

// spill holds what caseload.pdf and caseload.ics print of every pack
// written (a kept record, encoded) in a temporary file of the output folder,
// so that the memory of a batch does not grow with its caseload: in memory
// stays only where each record ends, 8 bytes per applicant. The file is
// named like atomicfile's temporary files (mode 0600, a name no pack can
// take). Where the system lets an open file lose its name (not Windows),
// the name is removed at once: the file lives while it is open, and a run
// that is killed leaves nothing; elsewhere close removes it.
type spill struct {
	f     *os.File
	named bool // the file still has its name: close removes it
	w     *bufio.Writer
	ends  []int64 // record i is the bytes from ends[i-1] (0 for the first) to ends[i]
	err   error   // the first write error
	buf   []byte  // reused by load
}

// spillPattern names the spill file: atomicfile's prefix, and a name that
// is not a pack's (packs are [a-z0-9-]+.pdf).
const spillPattern = atomicfile.TempPrefix + "caseload-entries-*"

func newSpill(dir string) (*spill, error) {
	f, err := os.CreateTemp(dir, spillPattern) // mode 0600
	if err != nil {
		return nil, err
	}
	named := os.Remove(f.Name()) != nil
	return &spill{f: f, named: named, w: bufio.NewWriterSize(f, 64<<10)}, nil
}

// add appends an encoded record (encodeKept).
func (s *spill) add(rec []byte) {
	if s.err != nil {
		return
	}
	if _, err := s.w.Write(rec); err != nil {
		s.err = err
		return
	}
	var end int64
	if n := len(s.ends); n > 0 {
		end = s.ends[n-1]
	}
	s.ends = append(s.ends, end+int64(len(rec)))
}

// done ends the writing: it returns the first error of add, if any.
func (s *spill) done() error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

func (s *spill) len() int { return len(s.ends) }

// load reads record i back; done must have been called.
func (s *spill) load(i int) (kept, error) {
	var start int64
	if i > 0 {
		start = s.ends[i-1]
	}
	n := int(s.ends[i] - start)
	if cap(s.buf) < n {
		s.buf = make([]byte, n)
	}
	b := s.buf[:n]
	if _, err := s.f.ReadAt(b, start); err != nil {
		return kept{}, err
	}
	return decodeKept(b)
}

// close closes and removes the file.
func (s *spill) close() {
	s.f.Close()
	if s.named {
		os.Remove(s.f.Name())
	}
}

// boardEntry is a loader of render.Caseload.
func (s *spill) boardEntry(i int) (render.CaseloadEntry, error) {
	k, err := s.load(i)
	if err != nil {
		return render.CaseloadEntry{}, err
	}
	return k.boardEntry(), nil
}

// calendarEntries are the entries of caseload.ics, read one at a time; a
// read error ends them and is left in *err.
func (s *spill) calendarEntries(err *error) iter.Seq[ical.Entry] {
	return func(yield func(ical.Entry) bool) {
		for i := range s.len() {
			k, e := s.load(i)
			if e != nil {
				*err = e
				return
			}
			if !yield(ical.Entry{File: k.file(), Plan: &plan.Plan{Deadlines: k.deadlines}}) {
				return
			}
		}
	}
}

// Flags of an encoded deadline and next step.
const (
	flagPostBy = 1 << iota
	flagNonWorkingDay
	flagPassed
	flagDone
	flagLate
	flagStepDate     // the next step has a date
	flagPostByPassed // the next step's posting date has passed
)

// encodeKept encodes what keep keeps of f and its plan, found at where.
func encodeKept(f *applicant.File, p *plan.Plan, where string) []byte {
	b := make([]byte, 0, 512)
	b = appendString(b, where)
	b = appendString(b, f.Applicant.FamilyName)
	b = appendString(b, f.Applicant.GivenNames)
	b = appendString(b, f.Applicant.Phone)
	b = appendDate(b, f.Applicant.BirthDate)
	b = binary.AppendUvarint(b, uint64(len(p.Deadlines)))
	for _, d := range p.Deadlines {
		var flags byte
		if d.PostBy != nil {
			flags |= flagPostBy
		}
		if d.NonWorkingDay {
			flags |= flagNonWorkingDay
		}
		if d.Passed {
			flags |= flagPassed
		}
		if d.Done {
			flags |= flagDone
		}
		b = append(b, flags)
		b = appendString(b, d.ID)
		b = appendString(b, d.Kind)
		b = appendDate(b, d.Date)
		if d.PostBy != nil {
			b = appendDate(b, *d.PostBy)
		}
		b = appendString(b, d.Title)
		b = appendString(b, d.Source)
		b = binary.AppendVarint(b, int64(d.DaysLeft))
	}
	b = binary.AppendUvarint(b, uint64(len(p.Warnings)))
	for _, w := range p.Warnings {
		t := w.Short
		if t == "" {
			t = w.Message
		}
		b = appendString(b, t)
	}
	if n := p.NextStep; n == nil {
		b = append(b, 0)
	} else {
		var flags byte = 1
		if n.Late {
			flags |= flagLate
		}
		if n.Date != nil {
			flags |= flagStepDate
		}
		if n.PostByPassed {
			flags |= flagPostByPassed
		}
		b = append(b, flags)
		b = appendString(b, n.ID)
		if n.Date != nil {
			b = appendDate(b, *n.Date)
		}
		b = appendString(b, n.Kind)
		b = appendString(b, n.Now)
		b = appendString(b, n.Title)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendDate(b []byte, d civil.Date) []byte {
	b = binary.AppendVarint(b, int64(d.Year))
	b = binary.AppendUvarint(b, uint64(d.Month))
	return binary.AppendUvarint(b, uint64(d.Day))
}

var errSpillCorrupt = errors.New("the caseload's temporary file is damaged")

// decoder reads an encoded record; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err, d.b = errSpillCorrupt, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err, d.b = errSpillCorrupt, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.err = errSpillCorrupt
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err, d.b = errSpillCorrupt, nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) date() civil.Date {
	y := d.varint()
	m := d.uvarint()
	return civil.Date{Year: int(y), Month: time.Month(m), Day: int(d.uvarint())}
}

// count reads a length, bounded by the bytes left (each item takes one at
// least), so that a damaged file cannot ask for a huge slice.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err, d.b = errSpillCorrupt, nil
		return 0
	}
	return int(n)
}

func decodeKept(b []byte) (kept, error) {
	d := &decoder{b: b}
	k := kept{where: d.string(), family: d.string(), given: d.string(), phone: d.string(), birth: d.date()}
	if n := d.count(); n > 0 {
		k.deadlines = make([]plan.Deadline, n)
		for i := range k.deadlines {
			dl := &k.deadlines[i]
			flags := d.byte()
			dl.NonWorkingDay, dl.Passed, dl.Done = flags&flagNonWorkingDay != 0, flags&flagPassed != 0, flags&flagDone != 0
			dl.ID = d.string()
			dl.Kind = d.string()
			dl.Date = d.date()
			if flags&flagPostBy != 0 {
				postBy := d.date()
				dl.PostBy = &postBy
			}
			dl.Title = d.string()
			dl.Source = d.string()
			dl.DaysLeft = int(d.varint())
		}
	}
	if n := d.count(); n > 0 {
		k.warnings = make([]string, n)
		for i := range k.warnings {
			k.warnings[i] = d.string()
		}
	}
	if flags := d.byte(); flags != 0 {
		n := &plan.NextStep{ID: d.string(), Late: flags&flagLate != 0, PostByPassed: flags&flagPostByPassed != 0}
		if flags&flagStepDate != 0 {
			date := d.date()
			n.Date = &date
		}
		n.Kind, n.Now, n.Title = d.string(), d.string(), d.string()
		k.next = n
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = errSpillCorrupt
	}
	if d.err != nil {
		return kept{}, d.err
	}
	return k, nil
}

// Package pipeline turns one applicant, as any front end receives it, into
// what every document is made of: the file read and checked, what it holds
// that the user may not mean, its problems, the plan for the run's day and
// the organisation that signs. The command line, the web form and batch
// all call Run, so that an applicant file, a form and a spreadsheet row
// give the same plan by the same road.
package pipeline

import (
	"go.yaml.in/yaml/v3"

	"errors"
	"fmt"
	"runtime"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/ical"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/plan"
)

// Input is one applicant: an applicant file's bytes, or the values of a
// form or of a spreadsheet's row.
type Input struct {
	// Source names the input in problems: the file's path, the form
	// ("formulaire"), the spreadsheet's file.
	Source string
	// Data is an applicant file (YAML); when it is nil, Node is read.
	Data []byte
	// Node is a form's or a row's values as the node tree of an applicant
	// file (fields.Node), each at its place (Line and Column: the row and
	// the column of a sheet), which problems name.
	Node *yaml.Node
	// Row is the spreadsheet's row of Node, 0 for a form.
	Row int
	// LetterOnly plans only what the cover letter prints (plan.Outline):
	// 'ofiipack letter' does not read the wording of the checklist, the
	// deadlines and the warnings, a fifth of its CPU.
	LetterOnly bool
}

// Result is what became of an input.
type Result struct {
	File *applicant.File // nil when Problems
	Plan *plan.Plan      // nil when Problems
	// Org signs the documents: the run's organisation (--org), else the
	// file's, else nil.
	Org *applicant.Organisation
	// Warnings are what the file holds that ofiipack read but the user may
	// not mean (a comment after a value): the documents are made all the
	// same, and every front end shows them.
	Warnings applicant.Problems
	// Problems are why there is no plan; empty when there is one.
	Problems applicant.Problems
	// Name is the applicant's family and given names ("DIALLO Aminata");
	// "" when Problems (see NameOf).
	Name string
}

// OK reports whether the input gave a plan.
func (r *Result) OK() bool { return len(r.Problems) == 0 }

// Run reads, checks and plans in at today. org, when not nil, signs the
// documents in place of the file's organisation. A bug met on the way (a
// panic) is a problem of this input, never a crash of the run: a batch
// goes on with the next row, the web form answers.
func Run(in Input, today civil.Date, org *applicant.Organisation) (r Result) {
	defer func() {
		if v := recover(); v != nil {
			r = Result{Problems: applicant.Problems{Bug(in, v)}}
		}
	}()
	var (
		f   *applicant.File
		err error
	)
	if in.Data != nil {
		f, err = applicant.Load(in.Source, in.Data, today)
	} else {
		f, err = applicant.DecodeNode(in.Source, in.Node, today)
	}
	if err != nil {
		r.Problems = problemsOf(in, err)
		return r
	}
	r.Name = ical.Name(f)
	compute := plan.Compute
	if in.LetterOnly {
		compute = plan.Outline
	}
	p, err := compute(f, today)
	if err != nil {
		r.Problems = applicant.Problems{{File: in.Source, Line: in.Row, Message: msg.New("pipeline.plan_failed", err.Error())}}
		return r
	}
	r.File, r.Plan, r.Warnings, r.Org = f, p, f.Warnings, f.Organisation
	if org != nil {
		r.Org = org
	}
	return r
}

// Bug is the problem of an input that met a bug in ofiipack: v is what
// recover returned.
func Bug(in Input, v any) applicant.Problem {
	return applicant.Problem{File: in.Source, Line: in.Row, Message: msg.New("pipeline.bug", bugText(v))}
}

// bugText is what a problem says of a panic: the runtime's words (an index
// out of range), which name no value; any other value may hold the
// applicant's data and is not repeated.
func bugText(v any) string {
	if e, ok := v.(runtime.Error); ok {
		return e.Error()
	}
	return fmt.Sprintf("%T", v)
}

// problemsOf is the loader's problems, or one problem for an error that
// is not one of them (none is expected: the loader words everything).
func problemsOf(in Input, err error) applicant.Problems {
	var ps applicant.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps
	}
	return applicant.Problems{{File: in.Source, Line: in.Row, Message: msg.New("pipeline.bug", fmt.Sprintf("%T", err))}}
}

// NameOf is the name an input holds, read as far as it can be, also when
// it has problems: what a caseload names a failed entry by. It parses a
// file again: Run does not, for a command that does not need it (a file of
// 80,000 problems took twice as long to report).
func NameOf(in Input) string {
	root := in.Node
	if in.Data != nil {
		var err error
		if root, err = applicant.Parse(in.Source, in.Data); err != nil {
			return ""
		}
	}
	family, given := applicant.PersonName(root)
	return ical.Name(&applicant.File{Applicant: applicant.Applicant{FamilyName: family, GivenNames: given}})
}

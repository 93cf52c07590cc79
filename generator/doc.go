// Package generator is the ofiipack library: it turns one applicant file into
// the documents of the pack, in four stages, each a sub-package:
//
//   - [github.com/ofiipack/ofiipack/generator/applicant] loads and validates the file;
//   - [github.com/ofiipack/ofiipack/generator/plan] computes the plan: route, checklist,
//     deadlines, warnings, fees, documents;
//   - [github.com/ofiipack/ofiipack/generator/render] draws the PDF documents;
//   - [github.com/ofiipack/ofiipack/generator/ical] writes the deadlines as iCalendar;
//   - [github.com/ofiipack/ofiipack/generator/batch] runs all of it over a caseload;
//   - [github.com/ofiipack/ofiipack/generator/sheet] reads a caseload's spreadsheets
//     (CSV, .xlsx) row by row and writes the templates of init;
//   - [github.com/ofiipack/ofiipack/generator/input] reads the files a user names
//     (size limits, pipes), for every command alike.
//
// The library never prints, reads the clock or exits: it returns values and
// wrapped errors, and the command (cmd/ofiipack) turns them into output.
package generator

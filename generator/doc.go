// Package generator is the ofiipack library. One road goes from any input
// to the documents: read → load and check → plan → render. Each stage is a
// sub-package, and no package imports the one above it:
//
//   - [github.com/ofiipack/ofiipack/generator/input] reads the files a user
//     names (size limits, pipes), for every command alike;
//   - [github.com/ofiipack/ofiipack/generator/sheet] reads a caseload's
//     spreadsheets (CSV, .xlsx) row by row, names a row's problems by its
//     column and cell, and writes the templates of init; it alone imports
//     the workbook library;
//   - [github.com/ofiipack/ofiipack/generator/applicant] loads and checks an
//     applicant file; its Problem is the one problem type of every stage;
//   - [github.com/ofiipack/ofiipack/generator/plan] computes the plan: stage,
//     next step, checklist, deadlines, warnings, fees, documents;
//   - [github.com/ofiipack/ofiipack/generator/pipeline] is the one function
//     from an input (a file's bytes, a form's or a row's values), the day
//     and the organisation to the file, its warnings, problems and plan,
//     and the name of its documents: the command line, the web form and
//     batch all call it;
//   - [github.com/ofiipack/ofiipack/generator/render] draws the PDF
//     documents, [github.com/ofiipack/ofiipack/generator/ical] the calendars;
//   - [github.com/ofiipack/ofiipack/generator/batch] runs the pipeline over a
//     caseload; [github.com/ofiipack/ofiipack/generator/web] serves the form.
//
// Where things live, for a change:
//
//   - a rule: plan (compute.go, one method per section; renewal.go), with its
//     source beside it; its words and data in templates/text/plan.yaml and
//     templates/data/*.yaml;
//   - a word a user reads: templates/ (text/*.yaml for the documents,
//     text/messages/LANG/*.yaml for messages and help, notice/*.yaml for the
//     notice in the applicant's language, web/ for the form);
//   - a field or a column: fields (its path and kind), applicant (model.go,
//     decode.go), templates/text/spreadsheet.yaml (its French title);
//   - a check of the input: applicant (decode.go; limits.go for sizes),
//     sheet (a spreadsheet's own), web (middleware.go: the server's).
//
// The library never prints, reads the clock or exits: it returns values and
// wrapped errors, and the command (cmd/ofiipack) turns them into output.
package generator

// Package render draws the printable pack of an applicant (SPEC §3) with
// fpdf: the checklist, the cover letter to the OFII medical service, the
// honour statements and the deadline calendar, in one PDF; and the weekly
// board of deadlines of an association's caseload.
//
// # Design
//
// geometry.go is the one place that knows the page geometry, the type scale
// and the colours. Each document has its renderer (checklist.go, letter.go,
// statements.go, calendar.go, caseload.go). All drawing goes through a small
// canvas (canvas.go) that draws with fpdf and records what it drew — text
// per page with position and style, check boxes, QR payloads, bookmarks —
// so tests assert on the content of real renders.
//
// Every French sentence comes from templates/text/*.yaml. The output is
// deterministic: PDF dates are the plan's date, catalogs are sorted.
package render

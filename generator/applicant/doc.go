// Package applicant holds the applicant file of format ofiipack/v1 (SPEC §1):
// its model ([File]), and the loader that decodes and validates it with the
// line and column of every problem.
//
// # Loading
//
// [Load] reads a YAML file; [DecodeNode] decodes a node tree that another
// reader built (the batch mode builds one per spreadsheet row, with the row
// as line and the column as column); [LoadOrganisation] reads the file of
// `--org`. All of them decode through [yaml.Node] so that every problem
// keeps its line and column, and none of them reads the clock: the run's
// date comes from the caller.
//
// # Problems
//
// A file with problems yields a nil [File] and a [Problems] error that holds
// every problem of the file, not only the first, sorted by line and column.
// Each [Problem] names the file, the line and column, the dotted path of the
// field (applicant.address.postcode, procedure.ofii_requests[0].on, indexes
// counting from 0), what was found and what is expected, and, for near
// misses of keys and values, a "did you mean" hint:
//
//	examples/x.yaml:7:14: applicant.nationality: found "XX", expected an ISO 3166-1 alpha-2 country code such as ML or SN
//
// Messages are lowercase without a trailing period. A file is personal,
// health-adjacent data: messages quote a found value only when it is short
// (and cut it past 40 characters), never quote the numéro étranger, and name
// a character the fonts cannot draw by its code point, never the whole text.
//
// # Rules
//
// Beyond keys, types and required fields, the loader checks what SPEC §1
// asks: dates as YYYY-MM-DD or DD/MM/YYYY that exist in the calendar, past
// events (birth, arrival, filing, certificate, OFII requests, asylum
// registration, identity document, proof of domicile) not after the run's
// date, arrival not before birth (or a month alone for the arrival), a
// country by its ISO 3166-1 code or its name in French or English
// (templates/data/countries.tsv), the French words of every closed set of
// values (templates/text/values.yaml), 5-digit postcodes read from the raw text (01000 keeps its
// zero), a 10-digit numéro étranger, the shape of email addresses, the OFII
// address of 1 to 6 lines of at most 38 characters (the window of a DL
// envelope), duplicate keys, a single YAML document, and text that the
// embedded fonts can draw (see [github.com/ofiipack/ofiipack/generator/fontset]).
// Null, ~ and empty values mean "absent" for optional fields.
package applicant

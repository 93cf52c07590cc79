// Package fields is the one mapping between the flat names of an applicant
// file's fields and the file's tree: the dotted paths of SPEC §1
// ("applicant.address.postcode"), with list indexes where a list has
// several items ("ofii_address.0", "procedure.ofii_requests.1.on").
//
// A spreadsheet column (ofiipack batch) and a form input (ofiipack serve)
// are named by these paths, so that a row and a form post mean the same
// thing: both become a node tree through [Node], which
// applicant.DecodeNode then checks with every rule of the loader.
package fields

import (
	"slices"
	"strconv"
	"strings"
)

// Kind tells how a field's values become nodes of the file.
type Kind int

const (
	Text     Kind = iota // one scalar
	Date                 // one scalar, a date (YYYY-MM-DD or DD/MM/YYYY)
	Bool                 // one scalar, true or false
	Number               // one scalar, a number (days, euros)
	List                 // a sequence of scalars
	Requests             // a sequence of {on, kind, appointment_on}
)

// Field is one field of the applicant file.
type Field struct {
	Path string
	Kind Kind
}

// all is every field of SPEC §1, in the order of the file: the order of
// the spreadsheet's columns and of the file that [Encode] writes.
var all = []Field{
	{"format", Text},
	{"applicant.civility", Text},
	{"applicant.family_name", Text},
	{"applicant.given_names", Text},
	{"applicant.birth_date", Date},
	{"applicant.birth_place", Text},
	{"applicant.nationality", Text},
	{"applicant.nationality_label", Text},
	{"applicant.marital_status", Text},
	{"applicant.address.care_of", Text},
	{"applicant.address.street", Text},
	{"applicant.address.extra", Text},
	{"applicant.address.postcode", Text},
	{"applicant.address.city", Text},
	{"applicant.hosted_by.civility", Text},
	{"applicant.hosted_by.family_name", Text},
	{"applicant.hosted_by.given_names", Text},
	{"applicant.hosted_by.since", Date},
	{"applicant.phone", Text},
	{"applicant.email", Text},
	{"applicant.foreigner_number", Text},
	{"applicant.language", Text},
	{"identity.document", Text},
	{"identity.issued_on", Date},
	{"situation.arrived_on", Date},
	{"situation.long_stay_visa", Bool},
	{"situation.asylum_registered_on", Date},
	{"situation.sick_child.given_names", Text},
	{"situation.sick_child.family_name", Text},
	{"situation.sick_child.birth_date", Date},
	{"situation.sick_child.sex", Text},
	{"situation.birth_transcription_decision", Bool},
	{"situation.residence_proofs", List},
	{"situation.domicile_proof_dated", Date},
	{"situation.refusal_grounds", List},
	{"situation.polygamy_declaration", Text},
	{"procedure.filed_on", Date},
	{"procedure.certificate_available_on", Date},
	{"procedure.certificate_sent_on", Date},
	{"procedure.registered_mail_number", Text},
	{"procedure.doctor", Text},
	{"procedure.anef_number", Text},
	{"procedure.ofii_requests", Requests},
	{"procedure.receipt_expires_on", Date},
	{"procedure.prefecture_address", List},
	{"procedure.decision.outcome", Text},
	{"procedure.decision.notified_on", Date},
	{"procedure.decision.oqtf", Bool},
	{"procedure.decision.appeal_period", Text},
	{"documents_ready", List},
	{"current_permit.kind", Text},
	{"current_permit.expires_on", Date},
	{"current_permit.issued_on", Date},
	{"ofii_address", List},
	{"options.signing_city", Text},
	{"options.mail_margin_days", Number},
	{"options.fees.regularisation_visa", Number},
	{"options.fees.regularisation_visa_at_filing", Number},
	{"options.fees.stamp_duty", Number},
	{"options.fees.aps_tax", Number},
	{"options.fees.renewal_tax", Number},
	{"options.fees.late_renewal_visa", Number},
	{"organisation.name", Text},
	{"organisation.address", List},
	{"organisation.phone", Text},
	{"organisation.email", Text},
	{"organisation.website", Text},
}

// RequestKeys are the keys of one OFII request, in the file's order.
var RequestKeys = []string{"on", "kind", "appointment_on"}

// requestKinds tells the kind of each key of a request.
var requestKinds = map[string]Kind{"on": Date, "kind": Text, "appointment_on": Date}

// All returns every field, in the file's order.
func All() []Field { return slices.Clone(all) }

// Lookup returns the field whose path is exactly path.
func Lookup(path string) (Field, bool) {
	if i := index(path); i >= 0 {
		return all[i], true
	}
	return Field{}, false
}

func index(path string) int {
	return slices.IndexFunc(all, func(f Field) bool { return f.Path == path })
}

// Name is a parsed field name: a field, and for a list the item's index
// (-1 for the list as a whole) and for a request the item's key.
type Name struct {
	Field Field
	Index int    // -1: the whole list (or not a list)
	Key   string // a key of RequestKeys, for "procedure.ofii_requests.N.KEY"
}

// Kind is the kind of the value the name holds: the kind of a request's
// key, of a list's item, or of the field.
func (n Name) Kind() Kind {
	switch {
	case n.Key != "":
		return requestKinds[n.Key]
	case n.Field.Kind == List && n.Index >= 0:
		return Text
	}
	return n.Field.Kind
}

// String is the name as it was parsed.
func (n Name) String() string {
	s := n.Field.Path
	if n.Index >= 0 {
		s += "." + strconv.Itoa(n.Index)
	}
	if n.Key != "" {
		s += "." + n.Key
	}
	return s
}

// ParseName reads a field name: a path of [All], a list's path followed by
// an item index below maxItems ("ofii_address.2"), or a request's key
// ("procedure.ofii_requests.0.on"). ok is false for anything else.
func ParseName(s string, maxItems int) (n Name, ok bool) {
	n.Index = -1
	if f, found := Lookup(s); found {
		n.Field = f
		return n, true
	}
	rest := ""
	for i := len(s) - 1; i > 0; i-- {
		if s[i] != '.' {
			continue
		}
		f, found := Lookup(s[:i])
		if !found || (f.Kind != List && f.Kind != Requests) {
			continue
		}
		n.Field, rest = f, s[i+1:]
		break
	}
	if n.Field.Path == "" {
		return n, false
	}
	num, key, _ := strings.Cut(rest, ".")
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 || i >= maxItems || strconv.Itoa(i) != num {
		return n, false
	}
	n.Index = i
	switch {
	case n.Field.Kind == Requests && slices.Contains(RequestKeys, key):
		n.Key = key
	case key != "":
		return n, false
	case n.Field.Kind == Requests:
		return n, false // a request is named by its keys
	}
	return n, true
}

// Order compares two names in the file's order: field, item, key.
func Order(a, b Name) int {
	if c := index(a.Field.Path) - index(b.Field.Path); c != 0 {
		return c
	}
	if a.Index != b.Index {
		return a.Index - b.Index
	}
	return slices.Index(RequestKeys, a.Key) - slices.Index(RequestKeys, b.Key)
}

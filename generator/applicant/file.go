package applicant

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/ofiipack/ofiipack/generator/civil"
	"github.com/ofiipack/ofiipack/generator/msg"
	"github.com/ofiipack/ofiipack/generator/notice"
)

// The keys of each mapping of the file, in the order of SPEC §1.
var (
	rootKeys = newKeySet("format", "applicant", "identity", "situation", "procedure",
		"documents_ready", "current_permit", "ofii_address", "options", "organisation")
	applicantKeys = newKeySet("civility", "family_name", "given_names", "birth_date", "birth_place",
		"nationality", "nationality_label", "marital_status", "address", "hosted_by", "phone", "email",
		"foreigner_number", "language")
	addressKeys   = newKeySet("care_of", "street", "extra", "postcode", "city")
	hostKeys      = newKeySet("civility", "family_name", "given_names", "since")
	identityKeys  = newKeySet("document", "issued_on")
	situationKeys = newKeySet("arrived_on", "long_stay_visa", "asylum_registered_on", "sick_child",
		"birth_transcription_decision", "residence_proofs", "domicile_proof_dated", "refusal_grounds",
		"polygamy_declaration")
	childKeys     = newKeySet("given_names", "family_name", "birth_date", "sex")
	procedureKeys = newKeySet("filed_on", "certificate_available_on", "certificate_sent_on",
		"registered_mail_number", "doctor", "anef_number", "ofii_requests", "receipt_expires_on", "prefecture_address",
		"decision")
	requestKeys  = newKeySet("on", "kind", "appointment_on")
	decisionKeys = newKeySet("outcome", "notified_on", "oqtf", "appeal_period")
	optionsKeys  = newKeySet("signing_city", "mail_margin_days", "fees")
	feeKeys      = newKeySet("regularisation_visa", "regularisation_visa_at_filing", "stamp_duty", "aps_tax",
		"renewal_tax", "late_renewal_visa")
	organisationKeys = newKeySet("name", "address", "phone", "email", "website")
	orgFileKeys      = newKeySet("organisation")
)

// keyHome tells, for each key, the mappings where it belongs: the hint for
// a key written at the wrong level ("postcode" belongs under applicant.address).
var keyHome = func() map[string]msg.Or {
	home := map[string]msg.Or{}
	for _, s := range []struct {
		where any
		set   *keySet
	}{
		{x("home.top"), &rootKeys}, {"applicant", &applicantKeys}, {"applicant.address", &addressKeys},
		{"applicant.hosted_by", &hostKeys}, {"identity", &identityKeys}, {"situation", &situationKeys},
		{"situation.sick_child", &childKeys}, {"procedure", &procedureKeys},
		{x("home.request"), &requestKeys}, {"procedure.decision", &decisionKeys},
		{"current_permit", &permitKeys}, {"options", &optionsKeys},
		{"options.fees", &feeKeys}, {"organisation", &organisationKeys},
	} {
		for _, k := range s.set.keys {
			home[k] = append(home[k], s.where)
		}
	}
	return home
}()

// The closed sets of values (SPEC §1), each with its French words (SPEC §4;
// the set's name in templates/text/values.yaml).
var (
	civilities      = wordsEnum("civility", Madame, Monsieur)
	maritalStatuses = wordsEnum("marital_status", Single, Married, PACS, Divorced, Widowed, MaritalUnknown)
	documents       = wordsEnum("identity_document", Passport, ConsularAttestation, PhotoID, ConsularCard, NationalityCertificate, NoDocument)
	residenceProofs = wordsEnum("residence_proof", ProofVisa, ProofPermitReceipt, ProofAsylumReceipt, ProofAdministration,
		ProofBankStatements, ProofPersonalLetters)
	refusalGrounds = wordsEnum("refusal_ground", GroundUnexecutedOQTF, GroundForgery, GroundSeriousOffences, GroundViolenceAgainstOfficials)
	requestKinds   = wordsEnum("request_kind", RequestInformation, RequestExamination)
	sexes          = wordsEnum("sex", Female, Male)
	outcomes       = wordsEnum("outcome", Granted, Refused)
	appealPeriods  = wordsEnum("appeal_period", AppealTwoMonths, AppealOneMonth, AppealSevenDays, Appeal48Hours, AppealFifteenDay)
	checklistItems = wordsEnum("checklist_item", ChecklistIDs...)
	// true and false are among the words of yes and no (SPEC §1).
	polygamyValues = wordsEnum("polygamy_declaration", PolygamyAuto, PolygamyYes, PolygamyNo)
	// every yes-or-no field
	yesNo = wordsEnum("yes_no", "true", "false")
)

// OFII address limits: the recipient block of the DL window envelope
// (100 × 45 mm, NF Z 11-001) holds 6 lines of 38 characters.
const (
	ofiiAddressLines = 6
	ofiiAddressWidth = 38
)

// mailMarginMax bounds options.mail_margin_days: more than two months
// before a one-month deadline means nothing.
const mailMarginMax = 60

// maxAmount bounds a fee given in options.fees: the fees of the procedure
// are a few hundred euros; an amount past 100 000 € is a typo, and past
// about 9e13 the amount in cents no longer fits the printed number.
const (
	maxAmount     = 100000
	maxAmountText = "100 000"
)

// earliestBirth is the first birth date accepted: an earlier one is a typo,
// not a person (SPEC §1).
var earliestBirth = civil.New(1900, 1, 1)

// majority is the age at which a child is no longer a minor: the APS of
// CESEDA L. 425-10 is for the parent of a minor child.
const majority = 18

// decodeFile decodes the whole applicant file, section by section in the
// order of SPEC §1, each section a method of decoder; it returns nil when
// the top is not a mapping. The situation's checks need the applicant's
// birth date, the current permit's the applicant and the situation.
func (d *decoder) decodeFile(root *yaml.Node) *File {
	top := d.top(root)
	if top == nil {
		return nil
	}
	m := d.mapping(top, "", &rootKeys)
	if m == nil {
		return nil
	}
	f := &File{Format: d.format(m)}
	f.Applicant = d.applicant(m.child("applicant", true, &applicantKeys))
	f.Identity = d.identity(m.child("identity", true, &identityKeys))
	f.Situation = d.situation(m.child("situation", true, &situationKeys), f.Applicant.BirthDate)
	f.Procedure = d.procedure(m.child("procedure", false, &procedureKeys))
	f.DocumentsReady = m.enumList("documents_ready", &checklistItems)
	if cp := m.child("current_permit", false, &permitKeys); cp != nil {
		f.CurrentPermit = d.currentPermit(cp, f)
	}
	f.OFIIAddress = m.lines("ofii_address", ofiiAddressLines, ofiiAddressWidth, x("expect.address_lines"))
	f.Options = d.options(m.child("options", false, &optionsKeys))
	if org := m.child("organisation", false, &organisationKeys); org != nil {
		f.Organisation = org.organisation()
	}
	return f
}

// applicant decodes the applicant block, its address and its host.
func (d *decoder) applicant(a *mapping) Applicant {
	ap := Applicant{
		Civility:         a.enum("civility", true, &civilities),
		FamilyName:       a.name("family_name", true, x("expect.family_name")),
		GivenNames:       a.name("given_names", true, x("expect.given_names")),
		BirthDate:        a.birthDate("birth_date"),
		BirthPlace:       a.name("birth_place", true, x("expect.birth_place")),
		Nationality:      a.country("nationality", true),
		NationalityLabel: a.text("nationality_label", false, x("expect.nationality_label")),
		MaritalStatus:    a.enum("marital_status", true, &maritalStatuses),
		Phone:            a.text("phone", false, x("expect.phone")),
		Email:            a.email("email"),
		ForeignerNumber:  a.foreignerNumber("foreigner_number"),
		Language:         a.language("language"),
	}
	if addr := a.child("address", true, &addressKeys); addr != nil {
		ap.Address = Address{
			CareOf:   addr.text("care_of", false, x("expect.care_of")),
			Street:   addr.text("street", true, x("expect.street")),
			Extra:    addr.text("extra", false, x("expect.extra")),
			Postcode: addr.postcode("postcode", true),
			City:     addr.text("city", true, x("expect.city")),
		}
	}
	if h := a.child("hosted_by", false, &hostKeys); h != nil {
		ap.HostedBy = &Host{
			Civility:   h.enum("civility", true, &civilities),
			FamilyName: h.name("family_name", true, x("expect.host_family_name")),
			GivenNames: h.name("given_names", true, x("expect.host_given_names")),
			Since:      h.date("since", false, false),
		}
	}
	return ap
}

// identity decodes the identity block: the document held and its date.
func (d *decoder) identity(id *mapping) Identity {
	return Identity{
		Document: id.enum("document", true, &documents),
		IssuedOn: id.date("issued_on", false, true),
	}
}

// situation decodes the situation block and its sick child; birth is the
// applicant's birth date, which the arrival may not precede.
func (d *decoder) situation(s *mapping, birth civil.Date) Situation {
	st := Situation{
		LongStayVisa:               s.boolean("long_stay_visa", true),
		AsylumRegisteredOn:         s.date("asylum_registered_on", false, true),
		BirthTranscriptionDecision: s.boolean("birth_transcription_decision", false),
		ResidenceProofs:            s.enumList("residence_proofs", &residenceProofs),
		DomicileProofDated:         s.date("domicile_proof_dated", false, true),
		RefusalGrounds:             s.enumList("refusal_grounds", &refusalGrounds),
		PolygamyDeclaration:        s.polygamy("polygamy_declaration"),
	}
	st.ArrivedOn, st.ArrivedMonthOnly = s.arrival("arrived_on")
	if c := s.child("sick_child", false, &childKeys); c != nil {
		st.SickChild = &Child{
			GivenNames: c.name("given_names", true, x("expect.child_given_names")),
			FamilyName: c.name("family_name", true, x("expect.child_family_name")),
			BirthDate:  c.birthDate("birth_date"),
			Sex:        c.enum("sex", false, &sexes),
		}
		d.minorChild(c, st.SickChild.BirthDate)
	}
	if arrival := st.ArrivedOn; !birth.IsZero() && !arrival.IsZero() && arrival.Before(birth) {
		d.add(s.valueAt("arrived_on"), "situation.arrived_on",
			x("arrival_before_birth", arrival, birth), noHint)
	}
	return st
}

// procedure decodes the procedure block: its dates, OFII's requests, the
// récépissé, the prefecture's address and the decision.
func (d *decoder) procedure(p *mapping) Procedure {
	pr := Procedure{
		FiledOn:                p.date("filed_on", false, true),
		CertificateAvailableOn: p.date("certificate_available_on", false, true),
		CertificateSentOn:      p.date("certificate_sent_on", false, true),
		RegisteredMailNumber:   p.text("registered_mail_number", false, x("expect.registered_mail_number")),
		Doctor:                 p.text("doctor", false, x("expect.doctor")),
		ANEFNumber:             p.text("anef_number", false, x("expect.anef_number")),
	}
	d.procedureOrder(p, pr)
	pr.OFIIRequests = d.ofiiRequests(p)
	// the récépissé or attestation held now: it may have ended already
	pr.ReceiptExpiresOn = p.date("receipt_expires_on", false, false)
	// the prefecture's address, for the request for the reasons of an
	// implicit refusal: the same window as the OFII address
	pr.PrefectureAddress = p.lines("prefecture_address", ofiiAddressLines, ofiiAddressWidth, x("expect.address_lines"))
	if dm := p.child("decision", false, &decisionKeys); dm != nil {
		pr.Decision = d.decision(dm, pr.FiledOn)
	}
	return pr
}

// ofiiRequests decodes procedure.ofii_requests, leaving out the items that
// are empty or not a mapping (each is reported).
func (d *decoder) ofiiRequests(p *mapping) []OFIIRequest {
	var reqs []OFIIRequest
	items, path := p.list("ofii_requests", x("expect.requests"))
	for i, n := range items {
		if absent(resolve(n)) {
			d.add(n, item(path, i), x("empty_item", x("expect.request")), noHint)
			continue
		}
		if r := d.mapping(resolve(n), item(path, i), &requestKeys); r != nil {
			reqs = append(reqs, d.ofiiRequest(r, item(path, i)))
		}
	}
	return reqs
}

// ofiiRequest decodes one of OFII's requests, at path; a convocation is
// for an examination, on or after the letter.
func (d *decoder) ofiiRequest(r *mapping, path string) OFIIRequest {
	req := OFIIRequest{
		On:   r.date("on", true, true),
		Kind: r.enum("kind", true, &requestKinds),
		// a convocation is for a day ahead: not a past event
		AppointmentOn: r.date("appointment_on", false, false),
	}
	if !req.AppointmentOn.IsZero() && req.Kind == RequestInformation {
		d.add(r.valueAt("appointment_on"), join(path, "appointment_on"),
			x("appointment_information"), noHint)
	}
	if !req.AppointmentOn.IsZero() && !req.On.IsZero() && req.AppointmentOn.Before(req.On) {
		d.add(r.valueAt("appointment_on"), join(path, "appointment_on"),
			x("appointment_before_letter", req.AppointmentOn, req.On), noHint)
	}
	return req
}

// options decodes the options block and the fees it overrides.
func (d *decoder) options(o *mapping) Options {
	opts := Options{
		SigningCity:    o.text("signing_city", false, x("expect.signing_city")),
		MailMarginDays: o.integer("mail_margin_days", 0, mailMarginMax, DefaultMailMarginDays),
	}
	if fees := o.child("fees", false, &feeKeys); fees != nil {
		for _, k := range feeKeys.keys {
			if v, ok := fees.amount(k); ok {
				if opts.Fees == nil {
					opts.Fees = map[string]float64{}
				}
				opts.Fees[k] = v
			}
		}
		fees.checkVisaFees(opts.Fees)
	}
	return opts
}

// birthDate decodes a required birth date: not in the future, not before
// 1900 (SPEC §1).
func (m *mapping) birthDate(key string) civil.Date {
	b := m.date(key, true, true)
	if !b.IsZero() && b.Before(earliestBirth) {
		m.d.add(m.valueAt(key), join(m.path, key),
			x("birth_before_1900", b), x("hint.check_year"))
		return civil.Date{}
	}
	return b
}

// minorChild reports a sick child who is 18 or more on the run's date: the
// APS of CESEDA L. 425-10 is for the parent of a minor child (SPEC §1).
func (d *decoder) minorChild(c *mapping, birth civil.Date) {
	if birth.IsZero() || d.today.IsZero() {
		return
	}
	if adult := birth.AddYears(majority); !adult.After(d.today) {
		age := d.today.Year - birth.Year
		if d.today.Month < birth.Month || (d.today.Month == birth.Month && d.today.Day < birth.Day) {
			age--
		}
		d.add(c.valueAt("birth_date"), "situation.sick_child.birth_date",
			x("child_adult", birth, age, d.today), x("hint.child_adult"))
	}
}

// procedureOrder reports procedure dates out of order (SPEC §1): the
// certificate appears in ANEF after the filing, and is sent after it
// appears.
func (d *decoder) procedureOrder(p *mapping, pr Procedure) {
	if p == nil {
		return
	}
	if filed, avail := pr.FiledOn, pr.CertificateAvailableOn; !filed.IsZero() && !avail.IsZero() && avail.Before(filed) {
		d.add(p.valueAt("certificate_available_on"), "procedure.certificate_available_on",
			x("certificate_before_filing", avail, filed), noHint)
	}
	if avail, sent := pr.CertificateAvailableOn, pr.CertificateSentOn; !avail.IsZero() && !sent.IsZero() && sent.Before(avail) {
		d.add(p.valueAt("certificate_sent_on"), "procedure.certificate_sent_on",
			x("certificate_sent_before_available", sent, avail), noHint)
	}
}

// decision decodes procedure.decision; filed is procedure.filed_on (the
// notification may not precede it).
func (d *decoder) decision(m *mapping, filed civil.Date) *Decision {
	dec := &Decision{
		Outcome:      m.enum("outcome", true, &outcomes),
		NotifiedOn:   m.date("notified_on", true, true),
		OQTF:         m.boolean("oqtf", false),
		AppealPeriod: m.enum("appeal_period", false, &appealPeriods),
	}
	if !dec.NotifiedOn.IsZero() && !filed.IsZero() && dec.NotifiedOn.Before(filed) {
		d.add(m.valueAt("notified_on"), "procedure.decision.notified_on",
			x("notified_before_filing", dec.NotifiedOn, filed), noHint)
	}
	if dec.Outcome == Granted && dec.OQTF {
		d.add(m.valueAt("oqtf"), "procedure.decision.oqtf",
			x("oqtf_granted"), noHint)
	}
	return dec
}

// top returns the mapping at the top of a document (or reports an empty one).
func (d *decoder) top(root *yaml.Node) *yaml.Node {
	if root != nil && root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			root = nil
		} else {
			root = root.Content[0]
		}
	}
	root = resolve(root)
	if absent(root) {
		d.add(&yaml.Node{Line: 1, Column: 1}, "", x("empty_file", FormatV1), noHint)
		return nil
	}
	return root
}

func (d *decoder) format(m *mapping) string {
	expect := x("expect.format", FormatV1)
	v, path := m.get("format", true, expect)
	if v == nil {
		return ""
	}
	s, ok := d.scalar(v, path, expect)
	if !ok {
		return ""
	}
	if s != FormatV1 {
		var hint msg.Text
		if Nearest(s, []string{FormatV1}) != "" {
			hint = didYouMean(FormatV1)
		}
		d.add(v, path, foundExpected(quote(s), expect), hint)
		return ""
	}
	return s
}

// foreignerNumber decodes the numéro étranger: 10 digits, spaces ignored.
// It is an identifier: messages count its digits, never quote it.
func (m *mapping) foreignerNumber(key string) string {
	expect := x("expect.foreigner_number")
	v, path := m.get(key, false, expect)
	if v == nil {
		return ""
	}
	s, ok := m.d.scalar(v, path, expect)
	if !ok {
		return ""
	}
	s = strings.ReplaceAll(s, " ", "")
	switch {
	case !allDigits(s):
		m.d.add(v, path, x("not_digits", expect), noHint)
	case len(s) != 10:
		m.d.add(v, path, x("digit_count", len(s), expect), noHint)
	default:
		return s
	}
	return ""
}

// polygamy decodes the polygamy_declaration override; absent means auto.
func (m *mapping) polygamy(key string) string {
	if v := m.enum(key, false, &polygamyValues); v != "" {
		return v
	}
	return PolygamyAuto
}

// integer decodes a whole number in [lo, hi]; def when absent or wrong.
func (m *mapping) integer(key string, lo, hi, def int) int {
	expect := x("expect.days_range", lo, hi)
	v, path := m.get(key, false, expect)
	if v == nil {
		return def
	}
	s, ok := m.d.scalar(v, path, expect)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		m.d.add(v, path, foundExpected(quote(s), expect), noHint)
		return def
	}
	return n
}

// amount decodes an amount in euros, a number not below zero.
func (m *mapping) amount(key string) (float64, bool) {
	expect := x("expect.amount")
	v, path := m.get(key, false, expect)
	if v == nil {
		return 0, false
	}
	s, ok := m.d.scalar(v, path, expect)
	if !ok {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err == nil && x > maxAmount {
		m.d.add(v, path, msg.New("amount_too_large", quote(s), maxAmountText), noHint)
		return 0, false
	}
	if err == nil && manyDecimals.MatchString(s) {
		m.d.add(v, path, msg.New("fee.decimals", quote(s)), noHint)
		return 0, false
	}
	if err != nil || !amountPattern.MatchString(s) || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
		var hint msg.Text
		if t := strings.Replace(s, ",", ".", 1); t != s {
			if y, err := strconv.ParseFloat(t, 64); err == nil && y >= 0 && !math.IsInf(y, 0) {
				hint = didYouMean(t)
			}
		}
		m.d.add(v, path, foundExpected(quote(s), expect), hint)
		return 0, false
	}
	return x, true
}

// organisation decodes an organisation block.
func (m *mapping) organisation() *Organisation {
	return &Organisation{
		Name:    m.text("name", true, x("expect.organisation_name")),
		Address: m.lines("address", 0, 0, x("expect.address_lines")),
		Phone:   m.text("phone", false, x("expect.phone")),
		Email:   m.email("email"),
		Website: m.text("website", false, x("expect.website")),
	}
}

// decodeOrganisationFile decodes an --org file: the organisation keys at the
// top, or under a top-level organisation key.
func (d *decoder) decodeOrganisationFile(root *yaml.Node) *Organisation {
	top := d.top(root)
	if top == nil {
		return nil
	}
	if top.Kind == yaml.MappingNode {
		for i := 0; i < len(top.Content); i += 2 {
			if k := top.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "organisation" {
				m := d.mapping(top, "", &orgFileKeys)
				if org := m.child("organisation", true, &organisationKeys); org != nil {
					return org.organisation()
				}
				return nil
			}
		}
	}
	m := d.mapping(top, "", &organisationKeys)
	if m == nil {
		return nil
	}
	return m.organisation()
}

// fieldEnums are the fields of a closed set of values, by dotted path.
var fieldEnums = map[string]*enum{
	"applicant.civility":               &civilities,
	"applicant.hosted_by.civility":     &civilities,
	"applicant.marital_status":         &maritalStatuses,
	"identity.document":                &documents,
	"situation.sick_child.sex":         &sexes,
	"situation.residence_proofs":       &residenceProofs,
	"situation.refusal_grounds":        &refusalGrounds,
	"situation.polygamy_declaration":   &polygamyValues,
	"procedure.decision.outcome":       &outcomes,
	"procedure.decision.appeal_period": &appealPeriods,
	"documents_ready":                  &checklistItems,
	"procedure.ofii_requests.kind":     &requestKinds, // each request's kind
	"current_permit.kind":              &permitKinds,
}

// FieldValues returns the values the field at path accepts when they form
// a closed set (SPEC §1), in the order of SPEC §1; nil for other fields. The
// web form's choices come from it.
func FieldValues(path string) []string {
	if path == "applicant.language" {
		return append([]string(nil), languages().codes...)
	}
	if e, ok := fieldEnums[path]; ok {
		return append([]string(nil), e.values...)
	}
	return nil
}

// FieldWords returns the French words offered for the field at path, in
// the order of its values (SPEC §4): the spreadsheet's drop-down lists and
// « Aide » sheet show them. nil for a field without a closed set.
func FieldWords(path string) []string {
	if path == "applicant.language" {
		// the French names of the notice's catalogs (templates/notice)
		var out []string
		for _, code := range languages().codes {
			if c, err := notice.Load(code); err == nil && c.FrenchName != "" {
				r, n := utf8.DecodeRuneInString(c.FrenchName)
				out = append(out, string(unicode.ToUpper(r))+c.FrenchName[n:])
			}
		}
		return out
	}
	if e, ok := fieldEnums[path]; ok {
		return e.shown()
	}
	return nil
}

// YesNoWords returns the words offered for a yes-or-no field: « Oui »,
// « Non ».
func YesNoWords() []string { return yesNo.shown() }

// YesNo returns "true" or "false" for a word of a yes-or-no field (oui,
// VRAI, 0…); ok is false for another word.
func YesNo(s string) (string, bool) { return yesNo.read(strings.TrimSpace(s)) }

// Word returns the French word of value for the field at path, agreeing
// with civility when the value has a masculine and a feminine word (a
// married madame is « Mariée »); value itself when it has none.
func Word(path, value, civility string) string {
	e, ok := fieldEnums[path]
	if !ok || e.words == "" {
		return value
	}
	shown := words(e.words).shownWords([]string{value})
	if len(shown) == 2 && civility == Madame {
		return shown[1]
	}
	return shown[0]
}

// StableValue returns the value of the file that s stands for in the field
// at path: a French word of a closed set becomes its value (« Mariée »:
// married), a country's name its ISO code (« Côte d'Ivoire »: CI). ok is
// false when s is not one the loader accepts, or the field has neither.
func StableValue(path, s string) (string, bool) {
	switch path {
	case "applicant.nationality":
		return country(strings.TrimSpace(s))
	case "applicant.language":
		return notice.Lookup(strings.TrimSpace(s))
	}
	e, ok := fieldEnums[path]
	if !ok {
		return "", false
	}
	return e.read(strings.TrimSpace(s))
}

package applicant

import "github.com/ofiipack/ofiipack/generator/civil"

// FormatV1 is the only accepted value of the format key.
const FormatV1 = "ofiipack/v1"

// Civility values.
const (
	Madame   = "madame"
	Monsieur = "monsieur"
)

// Marital status values.
const (
	Single   = "single"
	Married  = "married"
	PACS     = "pacs"
	Divorced = "divorced"
	Widowed  = "widowed"
	// MaritalUnknown is a status not known on the day (a person met once):
	// what depends on it is printed as a question (SPEC §1).
	MaritalUnknown = "unknown"
)

// Identity document values (service-public.fr F17164, "Documents to be submitted").
const (
	Passport               = "passport"
	ConsularAttestation    = "consular_attestation"
	PhotoID                = "photo_id"
	ConsularCard           = "consular_card"
	NationalityCertificate = "nationality_certificate"
	NoDocument             = "none"
)

// Residence proof kinds (service-public.fr F17164, proof of habitual residence).
const (
	ProofVisa            = "visa"
	ProofPermitReceipt   = "permit_receipt"
	ProofAsylumReceipt   = "asylum_receipt"
	ProofAdministration  = "administration"
	ProofBankStatements  = "bank_statements"
	ProofPersonalLetters = "personal_letters"
)

// Refusal grounds (service-public.fr F17164, cases where the prefecture may refuse).
const (
	GroundUnexecutedOQTF           = "unexecuted_oqtf"
	GroundForgery                  = "forgery"
	GroundSeriousOffences          = "serious_offences"
	GroundViolenceAgainstOfficials = "violence_against_officials"
)

// Polygamy declaration override values.
const (
	PolygamyAuto = "auto"
	PolygamyYes  = "yes"
	PolygamyNo   = "no"
)

// OFII request kinds (service-public.fr F17164; CESEDA R. 425-12).
const (
	RequestInformation = "information"
	RequestExamination = "examination"
)

// Sex of the sick child (SPEC §1: it only chooses « né » or « née »).
const (
	Female = "female"
	Male   = "male"
)

// Outcomes of the prefect's decision.
const (
	Granted = "granted"
	Refused = "refused"
)

// Appeal periods as a decision's « voies et délais de recours » state them
// (CJA R. 421-1 and R. 421-5; CESEDA L. 911-1, L. 921-1, L. 921-2).
const (
	AppealTwoMonths  = "2_months"
	AppealOneMonth   = "1_month"
	AppealSevenDays  = "7_days"
	Appeal48Hours    = "48_hours"
	AppealFifteenDay = "15_days" // notices of the regime before 15 July 2024
)

// DefaultMailMarginDays is options.mail_margin_days when absent.
const DefaultMailMarginDays = 7

// File is one decoded, valid applicant file. Absent dates are zero
// civil.Dates; absent strings are empty.
type File struct {
	Format         string
	Applicant      Applicant
	Identity       Identity
	Situation      Situation
	Procedure      Procedure
	DocumentsReady []string
	CurrentPermit  *Permit // nil for a first application; set: a renewal
	OFIIAddress    []string
	Options        Options
	Organisation   *Organisation // nil when the file has no organisation block

	// Warnings are what ofiipack read but the user may not mean, which
	// does not stop the pack: the text after " #" on a value's line, a
	// YAML comment left out of the value. Sorted by position.
	Warnings Problems
}

// Applicant is the person who applies.
type Applicant struct {
	Civility         string // Madame or Monsieur
	FamilyName       string
	GivenNames       string
	BirthDate        civil.Date
	BirthPlace       string
	Nationality      string // ISO 3166-1 alpha-2, upper case
	NationalityLabel string // French adjective, may be empty
	MaritalStatus    string
	Address          Address
	HostedBy         *Host // nil when the applicant is not hosted
	Phone            string
	Email            string
	ForeignerNumber  string
	// Language is the code of the language the applicant reads best
	// (templates/notice: en, es, pt, ru, ka, ar…), for the notice in that
	// language; "" or "fr": no notice.
	Language string
}

// Address is a French postal address.
type Address struct {
	CareOf   string
	Street   string
	Extra    string
	Postcode string
	City     string
}

// Host is the person who hosts the applicant.
type Host struct {
	Civility   string
	FamilyName string
	GivenNames string
	Since      civil.Date
}

// Identity is the identity document the applicant holds.
type Identity struct {
	Document string
	IssuedOn civil.Date
}

// Situation is the applicant's administrative situation.
type Situation struct {
	// ArrivedOn is the day of arrival in France; when only the month is
	// known (ArrivedMonthOnly), the month's last day: by prudence, the
	// latest day the one-year rule can count from (SPEC §1).
	ArrivedOn                  civil.Date
	ArrivedMonthOnly           bool
	LongStayVisa               bool
	AsylumRegisteredOn         civil.Date // non-zero: the applicant is an asylum seeker
	SickChild                  *Child     // non-nil: route aps_parent (L. 425-10)
	BirthTranscriptionDecision bool
	ResidenceProofs            []string
	DomicileProofDated         civil.Date
	RefusalGrounds             []string
	PolygamyDeclaration        string // auto, yes or no
}

// Child is the sick minor child of an aps_parent application.
type Child struct {
	GivenNames string
	FamilyName string
	BirthDate  civil.Date
	Sex        string // Female, Male or "" (the wording then needs no agreement)
}

// Procedure records how far the application has gone.
type Procedure struct {
	FiledOn                civil.Date
	CertificateAvailableOn civil.Date
	CertificateSentOn      civil.Date
	RegisteredMailNumber   string
	Doctor                 string
	ANEFNumber             string // the ANEF application number, printed on the letter
	OFIIRequests           []OFIIRequest
	ReceiptExpiresOn       civil.Date // the récépissé or attestation de prolongation d'instruction held now
	// PrefectureAddress is the prefecture's postal address, for the
	// request for the reasons of an implicit refusal (1–6 lines).
	PrefectureAddress []string
	Decision          *Decision // nil while no written decision is notified
}

// OFIIRequest is a request of the OFII doctor, to be answered within 15
// days of the date written on OFII's letter (CESEDA R. 425-12).
type OFIIRequest struct {
	On            civil.Date
	Kind          string     // information or examination
	AppointmentOn civil.Date // examination only: the date of the convocation, may be ahead
}

// Decision is the prefect's written decision, once notified.
type Decision struct {
	Outcome      string // Granted or Refused
	NotifiedOn   civil.Date
	OQTF         bool   // the refusal carries an obligation to leave France
	AppealPeriod string // as written in the decision, "" when not entered
}

// Options tune the pack.
type Options struct {
	SigningCity    string
	MailMarginDays int                // DefaultMailMarginDays when absent
	Fees           map[string]float64 // overrides by fee ID, in euros
}

// Organisation is the association that prepares the pack. It is printed on
// the checklist and the calendar, never as the sender of the letter.
type Organisation struct {
	Name    string
	Address []string
	Phone   string
	Email   string
	Website string
}

// ArrivalFirstDay is the earliest day the person may have arrived: the
// first day of the month when only the month is known, else ArrivedOn. A
// rule that counts time spent in France against the person (a fee due after
// 3 months) counts from it, by prudence.
func (s Situation) ArrivalFirstDay() civil.Date {
	if s.ArrivedMonthOnly {
		return civil.New(s.ArrivedOn.Year, s.ArrivedOn.Month, 1)
	}
	return s.ArrivedOn
}

package plan

import (
	"slices"

	"github.com/ofiipack/ofiipack/generator/applicant"
)

// Checklist item IDs (SPEC §2), in checklist order.
const (
	ItemBirthCertificate           = "birth_certificate"
	ItemBirthTranscriptionDecision = "birth_transcription_decision"
	ItemIdentityDocument           = "identity_document"
	ItemDomicileProof              = "domicile_proof"
	ItemHostAttestation            = "host_attestation"
	ItemHostIdentity               = "host_identity"
	ItemHostDomicileProof          = "host_domicile_proof"
	ItemEPhoto                     = "e_photo"
	ItemIdentityPhotos             = "identity_photos"
	ItemRepublicCommitment         = "republic_commitment"
	ItemNonPolygamyDeclaration     = "non_polygamy_declaration"
	ItemResidenceProof             = "residence_proof"
	ItemPrefectureInPerson         = "prefecture_in_person"
	ItemChildBirthCertificate      = "child_birth_certificate"
	ItemChildCareProof             = "child_care_proof"
	ItemMedicalCertificate         = "medical_certificate"
	ItemStampDuty                  = "stamp_duty"
	ItemRegularisationVisaFee      = "regularisation_visa_fee"
	ItemAPSTax                     = "aps_tax"
)

var checklistIDs = []string{
	ItemCurrentPermit, ItemBirthCertificate, ItemBirthTranscriptionDecision, ItemIdentityDocument, ItemDomicileProof,
	ItemHostAttestation, ItemHostIdentity, ItemHostDomicileProof, ItemEPhoto, ItemIdentityPhotos,
	ItemRepublicCommitment, ItemNonPolygamyDeclaration, ItemResidenceProof, ItemPrefectureInPerson,
	ItemChildBirthCertificate, ItemChildCareProof, ItemMedicalCertificate,
	ItemStampDuty, ItemRenewalTax, ItemRegularisationVisaFee, ItemLateRenewalVisa, ItemAPSTax,
}

// Deadline IDs (SPEC §2).
const (
	DeadlineApplicationFiling            = "application_filing"
	DeadlineCertificateToOFII            = "certificate_to_ofii"
	DeadlineOFIIRequestReply             = "ofii_request_reply"
	DeadlineOFIIExamination              = "ofii_examination"
	DeadlineImplicitRefusal              = "implicit_refusal"
	DeadlineAppealImplicitRefusal        = "appeal_implicit_refusal"
	DeadlineAppealDecision               = "appeal_decision"
	DeadlineDomicileProofExpiry          = "domicile_proof_expiry"
	DeadlineNationalityCertificateExpiry = "nationality_certificate_expiry"
	DeadlineOneYearResidence             = "one_year_residence"
	DeadlineChildMajority                = "child_majority"
)

// deadlineKinds gives each deadline its kind (SPEC §2, "Deadlines").
var deadlineKinds = map[string]string{
	DeadlineApplicationFiling:            KindDeadline,
	DeadlineCertificateToOFII:            KindDeadline,
	DeadlineOFIIRequestReply:             KindDeadline,
	DeadlineOFIIExamination:              KindAppointment,
	DeadlineImplicitRefusal:              KindMilestone,
	DeadlineAppealImplicitRefusal:        KindDeadline,
	DeadlineAppealDecision:               KindDeadline,
	DeadlineDomicileProofExpiry:          KindExpiry,
	DeadlineNationalityCertificateExpiry: KindExpiry,
	DeadlineOneYearResidence:             KindMilestone,
	DeadlineChildMajority:                KindMilestone,
	DeadlineRenewalWindowOpens:           KindMilestone, // CESEDA R. 431-5, 1°
	DeadlineRenewalFiling:                KindDeadline,  // CESEDA R. 431-5, 1°
	DeadlinePermitExpiry:                 KindExpiry,
	DeadlineReceiptExpiry:                KindExpiry,
}

// posted are the deadlines met by posting something: they get a post_by
// date (SPEC §2, "Date arithmetic").
var posted = map[string]bool{
	DeadlineCertificateToOFII:     true,
	DeadlineOFIIRequestReply:      true,
	DeadlineAppealImplicitRefusal: true,
	DeadlineAppealDecision:        true,
}

// Warning IDs (SPEC §2), in the order the plan lists them.
const (
	WarningLessThanOneYear              = "less_than_one_year"
	WarningRefusalRisk                  = "refusal_risk"
	WarningApplicationLate              = "application_late"
	WarningFilingDateUnknown            = "filing_date_unknown"
	WarningCertificateDeadlinePassed    = "certificate_deadline_passed"
	WarningNoResponseToOFII             = "no_response_to_ofii"
	WarningImplicitRefusalReached       = "implicit_refusal_reached"
	WarningDecisionRefused              = "decision_refused"
	WarningAppealPeriodMissing          = "appeal_period_missing"
	WarningDomicileProofTooOld          = "domicile_proof_too_old"
	WarningNationalityCertificateTooOld = "nationality_certificate_too_old"
	WarningNoIdentityDocument           = "no_identity_document"
	WarningVisaFeeMayApply              = "visa_fee_may_apply"
	WarningHostCareOfMissing            = "host_care_of_missing"
	WarningOFIIAddressMissing           = "ofii_address_missing"
	WarningAPSParentOffline             = "aps_parent_offline"
)

// Fee IDs (SPEC §2).
const (
	FeeStampDuty          = "stamp_duty"
	FeeRegularisationVisa = "regularisation_visa_fee"
	FeeAPSTax             = "aps_tax"
)

// Enumerations of the applicant file, in the order the plan lists them.
var (
	identityDocuments = []string{applicant.Passport, applicant.ConsularAttestation, applicant.PhotoID,
		applicant.ConsularCard, applicant.NationalityCertificate, applicant.NoDocument}
	residenceProofs = []string{applicant.ProofVisa, applicant.ProofPermitReceipt, applicant.ProofAsylumReceipt,
		applicant.ProofAdministration, applicant.ProofBankStatements, applicant.ProofPersonalLetters}
	refusalGrounds = []string{applicant.GroundUnexecutedOQTF, applicant.GroundForgery,
		applicant.GroundSeriousOffences, applicant.GroundViolenceAgainstOfficials}
	requestKinds  = []string{applicant.RequestInformation, applicant.RequestExamination}
	appealPeriods = []string{applicant.AppealTwoMonths, applicant.AppealOneMonth, applicant.AppealSevenDays,
		applicant.Appeal48Hours, applicant.AppealFifteenDay}
)

// DeadlineIDs returns the ID of every deadline the plan computes, sorted:
// each document that words a date by its ID (the notice in the
// applicant's language) checks that it has a sentence for each.
func DeadlineIDs() []string {
	ids := make([]string, 0, len(deadlineKinds))
	for id := range deadlineKinds {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

package plan

import "github.com/ofiipack/ofiipack/generator/applicant"

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
	ItemRepublicCommitment         = "republic_commitment"
	ItemNonPolygamyDeclaration     = "non_polygamy_declaration"
	ItemResidenceProof             = "residence_proof"
	ItemPrefectureInPerson         = "prefecture_in_person"
	ItemMedicalCertificate         = "medical_certificate"
	ItemStampDuty                  = "stamp_duty"
	ItemRegularisationVisaFee      = "regularisation_visa_fee"
)

var checklistIDs = []string{
	ItemBirthCertificate, ItemBirthTranscriptionDecision, ItemIdentityDocument, ItemDomicileProof,
	ItemHostAttestation, ItemHostIdentity, ItemHostDomicileProof, ItemEPhoto, ItemRepublicCommitment,
	ItemNonPolygamyDeclaration, ItemResidenceProof, ItemPrefectureInPerson, ItemMedicalCertificate,
	ItemStampDuty, ItemRegularisationVisaFee,
}

// Deadline IDs (SPEC §2).
const (
	DeadlineCertificateToOFII            = "certificate_to_ofii"
	DeadlineOFIIRequestReply             = "ofii_request_reply"
	DeadlineImplicitRefusal              = "implicit_refusal"
	DeadlineDomicileProofExpiry          = "domicile_proof_expiry"
	DeadlineNationalityCertificateExpiry = "nationality_certificate_expiry"
	DeadlineOneYearResidence             = "one_year_residence"
)

// Warning IDs (SPEC §2), in the order the plan lists them.
const (
	WarningLessThanOneYear              = "less_than_one_year"
	WarningRefusalRisk                  = "refusal_risk"
	WarningCertificateDeadlinePassed    = "certificate_deadline_passed"
	WarningNoResponseToOFII             = "no_response_to_ofii"
	WarningDomicileProofTooOld          = "domicile_proof_too_old"
	WarningNationalityCertificateTooOld = "nationality_certificate_too_old"
	WarningNoIdentityDocument           = "no_identity_document"
	WarningOFIIAddressMissing           = "ofii_address_missing"
	WarningAPSParentOffline             = "aps_parent_offline"
)

// Fee IDs (SPEC §2).
const (
	FeeStampDuty          = "stamp_duty"
	FeeRegularisationVisa = "regularisation_visa_fee"
)

// Enumerations of the applicant file, in the order the plan lists them.
var (
	identityDocuments = []string{applicant.Passport, applicant.ConsularAttestation, applicant.PhotoID,
		applicant.ConsularCard, applicant.NationalityCertificate, applicant.NoDocument}
	residenceProofs = []string{applicant.ProofVisa, applicant.ProofPermitReceipt, applicant.ProofAsylumReceipt,
		applicant.ProofAdministration, applicant.ProofBankStatements, applicant.ProofPersonalLetters}
	refusalGrounds = []string{applicant.GroundUnexecutedOQTF, applicant.GroundForgery,
		applicant.GroundSeriousOffences, applicant.GroundViolenceAgainstOfficials}
	requestKinds = []string{applicant.RequestInformation, applicant.RequestExamination}
)

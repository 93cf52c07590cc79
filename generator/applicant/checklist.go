package applicant

// ChecklistIDs is the stable list of the checklist item IDs of SPEC §2, in
// the checklist's order. documents_ready may only name these.
var ChecklistIDs = []string{
	"birth_certificate",
	"birth_transcription_decision",
	"identity_document",
	"domicile_proof",
	"host_attestation",
	"host_identity",
	"host_domicile_proof",
	"e_photo",
	"republic_commitment",
	"non_polygamy_declaration",
	"residence_proof",
	"prefecture_in_person",
	"medical_certificate",
	"stamp_duty",
	"regularisation_visa_fee",
}

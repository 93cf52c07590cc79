package applicant

// ChecklistIDs is the stable list of the checklist item IDs of SPEC §2, in
// the checklist's order. documents_ready may only name these.
var ChecklistIDs = []string{
	"current_permit", // a renewal's (SPEC §2, "Renewal")
	"birth_certificate",
	"birth_transcription_decision",
	"identity_document",
	"domicile_proof",
	"host_attestation",
	"host_identity",
	"host_domicile_proof",
	"e_photo",
	"identity_photos",
	"republic_commitment",
	"non_polygamy_declaration",
	"residence_proof",
	"prefecture_in_person",
	"child_birth_certificate",
	"child_care_proof",
	"medical_certificate",
	"stamp_duty",
	"renewal_tax",
	"regularisation_visa_fee",
	"late_renewal_visa",
	"aps_tax",
}

package render

import (
	"time"

	"github.com/ofiipack/ofiipack/generator/plan"
)

func timeMonth(m int) time.Month { return time.Month(m) }

// handPlan is a plan written by hand for examples/diallo-general.yaml, as
// SPEC §2 computes it on 2026-11-22.
func handPlan() *plan.Plan {
	return &plan.Plan{
		Format: plan.FormatV1, Today: today, Route: plan.RouteCard,
		Checklist: []plan.Item{
			{ID: "birth_certificate", Title: "Copie intégrale de l'acte de naissance", Done: true, Details: []string{"avec les mentions les plus récentes"}},
			{ID: "identity_document", Title: "Passeport", Done: true, Details: []string{"pages d'état civil, dates de validité, cachets d'entrée et visas"}},
			{ID: "domicile_proof", Title: "Justificatif de domicile de moins de 6 mois"},
			{ID: "e_photo", Title: "Code e-photo", Done: true, Details: []string{"photographe ou cabine agréés"}},
			{ID: "republic_commitment", Title: "Contrat d'engagement à respecter les principes de la République, signé"},
			{ID: "non_polygamy_declaration", Title: "Déclaration sur l'honneur de non-polygamie"},
			{ID: "residence_proof", Title: "Preuves de résidence habituelle en France depuis au moins 1 an", Details: []string{"vous avez : documents d'une administration, relevés bancaires", "vous pouvez ajouter : lettres ou attestations de proches"}},
			{ID: "medical_certificate", Title: "Certificat médical", Details: []string{"à télécharger dans l'espace ANEF, à faire compléter par votre médecin", "à envoyer au service médical de l'OFII sous pli « SECRET MÉDICAL », en recommandé avec avis de réception"}},
			{ID: "stamp_duty", Title: "Droit de timbre"},
			{ID: "regularisation_visa_fee", Title: "Visa de régularisation"},
		},
		Deadlines: []plan.Deadline{
			{ID: "certificate_to_ofii", Date: date(2026, 12, 16), PostBy: datePtr(2026, 12, 9), Title: "Envoi du certificat médical à l'OFII", Source: "seed 000", DaysLeft: 24},
			{ID: "implicit_refusal", Date: date(2027, 3, 2), Title: "Sans réponse de la préfecture : refus implicite", Source: "seed 000", DaysLeft: 100},
			{ID: "domicile_proof_expiry", Date: date(2027, 4, 5), Title: "Le justificatif de domicile a plus de 6 mois", Source: "seed 000", DaysLeft: 134},
		},
		Warnings: []plan.Warning{{ID: "less_than_one_year", Message: "Vous êtes en France depuis moins d'un an : la carte de séjour pour soins demande un an de résidence."}},
		Fees: []plan.Fee{
			{ID: "stamp_duty", AmountEUR: 25, Title: "Droit de timbre", AsOf: "2024-07-31"},
			{ID: "regularisation_visa_fee", AmountEUR: 200, Title: "Visa de régularisation", Note: "dont 50 € non remboursables, payés au premier rendez-vous en préfecture", AsOf: "2024-07-31"},
		},
		Documents: []string{"checklist", "cover_letter", "non_polygamy_declaration", "calendar"},
	}
}

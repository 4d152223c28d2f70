import { medicationKey, type BundleContext } from "./context";
import { NEEDLEWORK_SYSTEM, type FhirExportInput, type FhirMedication } from "./types";

type SerumApplied = FhirExportInput["serumsApplied"][number];

/** A serum lot (one per serum and lot number, however often it was applied). */
export function medicationResource(a: SerumApplied, ctx: BundleContext): FhirMedication {
  return {
    resourceType: "Medication",
    id: ctx.idOf("Medication", medicationKey(a.serumId, a.lotNumber)),
    code: {
      coding: [{ system: `${NEEDLEWORK_SYSTEM}/serum`, code: a.serumId, display: a.serumName }],
      text: a.serumName,
    },
    ...(a.ingredients?.length
      ? { ingredient: a.ingredients.map((t) => ({ itemCodeableConcept: { text: t } })) }
      : {}),
    batch: { lotNumber: a.lotNumber, ...(a.expiresOn ? { expirationDate: a.expiresOn } : {}) },
  };
}

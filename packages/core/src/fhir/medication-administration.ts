import { medicationKey, zoneConcept, type BundleContext } from "./context";
import type { FhirExportInput, FhirMedicationAdministration } from "./types";

/** One application of a serum lot to a zone. An application has no id: `localId` names it. */
export function medicationAdministrationResource(
  a: FhirExportInput["serumsApplied"][number],
  localId: string,
  sessions: FhirExportInput["sessions"],
  ctx: BundleContext,
): FhirMedicationAdministration {
  const session = sessions.find((s) => s.id === a.sessionId);
  const partOf = ctx.ref("Procedure", a.sessionId);
  return {
    resourceType: "MedicationAdministration",
    id: ctx.idOf("MedicationAdministration", localId),
    status: "completed",
    // Every applied lot is registered as a Medication, so this always resolves.
    medicationReference: ctx.ref("Medication", medicationKey(a.serumId, a.lotNumber), a.serumName)!,
    subject: ctx.patientRef,
    effectiveDateTime: session?.performedOn ?? ctx.today,
    ...(partOf ? { partOf: [partOf] } : {}),
    dosage: { site: zoneConcept(a.zone), route: { text: "Topical, applied during microneedling" } },
  };
}

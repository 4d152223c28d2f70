import type { Allergy } from "../patient";
import { severityCode, type BundleContext } from "./context";
import type { FhirAllergyIntolerance } from "./types";

/** Allergies have no id of their own: `localId` is their position on the patient's list. */
export function allergyIntoleranceResource(
  a: Allergy,
  localId: string,
  ctx: BundleContext,
): FhirAllergyIntolerance {
  return {
    resourceType: "AllergyIntolerance",
    id: ctx.idOf("AllergyIntolerance", localId),
    type: a.kind === "ALLERGY" ? "allergy" : "intolerance",
    criticality: a.severity === "SEVERE" ? "high" : "low",
    code: { text: a.substance },
    patient: ctx.patientRef,
    ...(a.reaction
      ? { reaction: [{ manifestation: [{ text: a.reaction }], severity: severityCode(a.severity) }] }
      : {}),
  };
}

import { ICD10, INDICATION_LABELS } from "../concerns";
import { zoneConcept, type BundleContext } from "./context";
import { NEEDLEWORK_SYSTEM, type FhirCondition, type FhirExportInput } from "./types";

/** A concern: ICD-10 where the indication has a code, always the indication itself. */
export function conditionResource(c: FhirExportInput["concerns"][number], ctx: BundleContext): FhirCondition {
  const icd = ICD10[c.indication];
  const encounter = ctx.ref("Encounter", c.consultationId);
  return {
    resourceType: "Condition",
    id: ctx.idOf("Condition", c.id),
    clinicalStatus: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/condition-clinical",
          code: c.status === "ACTIVE" ? "active" : "resolved",
        },
      ],
    },
    category: [
      {
        coding: [
          { system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "problem-list-item" },
        ],
      },
    ],
    code: {
      coding: [
        ...(icd ? [{ system: icd.system, code: icd.code, display: icd.display }] : []),
        {
          system: `${NEEDLEWORK_SYSTEM}/indication`,
          code: c.indication,
          display: INDICATION_LABELS[c.indication],
        },
      ],
      text: INDICATION_LABELS[c.indication],
    },
    bodySite: [zoneConcept(c.bodyArea)],
    subject: ctx.patientRef,
    ...(encounter ? { encounter } : {}),
    recordedDate: c.baselineOn,
  };
}

import { ZONE_LABELS } from "../concerns";
import { DEVICE_LABELS } from "../devices";
import { zoneConcept, type BundleContext } from "./context";
import { NEEDLEWORK_SYSTEM, type FhirExportInput, type FhirProcedure } from "./types";

/** A session: its zones as body sites and, in a note, the depth and passes per zone. */
export function procedureResource(
  s: FhirExportInput["sessions"][number],
  plans: NonNullable<FhirExportInput["plans"]>,
  ctx: BundleContext,
): FhirProcedure {
  const plan = plans.find((x) => x.id === s.planId);
  const basedOn = ctx.ref("CarePlan", s.planId);
  // The session treats the concerns its plan addresses.
  const reasons = plan ? ctx.refs("Condition", plan.concernIds) : [];
  return {
    resourceType: "Procedure",
    id: ctx.idOf("Procedure", s.id),
    status: "completed",
    code: {
      coding: [
        {
          system: `${NEEDLEWORK_SYSTEM}/procedure`,
          code: "MICRONEEDLING",
          display: "Microneedling (collagen induction therapy)",
        },
      ],
      text: "Microneedling",
    },
    subject: ctx.patientRef,
    performedDateTime: s.performedOn,
    bodySite: s.zones.map((z) => zoneConcept(z.zone)),
    usedCode: [
      {
        coding: [{ system: `${NEEDLEWORK_SYSTEM}/device`, code: s.device, display: DEVICE_LABELS[s.device] }],
        text: DEVICE_LABELS[s.device],
      },
    ],
    ...(basedOn ? { basedOn: [basedOn] } : {}),
    ...(reasons.length ? { reasonReference: reasons } : {}),
    note: [
      {
        text: s.zones.map((z) => `${ZONE_LABELS[z.zone]}: ${z.depthMm} mm × ${z.passes} passes`).join("; "),
      },
    ],
  };
}

import { ADVERSE_EVENT_LABELS } from "../sessions";
import { medicationKey, severityCode, type BundleContext } from "./context";
import { NEEDLEWORK_SYSTEM, type FhirAdverseEvent, type FhirExportInput, type Reference } from "./types";

/** Suspects: the session it followed and the serum lot named, when each is in the bundle. */
export function adverseEventResource(
  e: FhirExportInput["adverseEvents"][number],
  ctx: BundleContext,
): FhirAdverseEvent {
  const suspects: { instance: Reference }[] = [];
  const proc = ctx.ref("Procedure", e.sessionId);
  if (proc) suspects.push({ instance: proc });
  const med =
    e.serumId && e.lotNumber ? ctx.ref("Medication", medicationKey(e.serumId, e.lotNumber)) : undefined;
  if (med) suspects.push({ instance: med });
  return {
    resourceType: "AdverseEvent",
    id: ctx.idOf("AdverseEvent", e.id),
    actuality: "actual",
    event: {
      coding: [
        {
          system: `${NEEDLEWORK_SYSTEM}/adverse-event`,
          code: e.type,
          display: ADVERSE_EVENT_LABELS[e.type],
        },
      ],
      text: ADVERSE_EVENT_LABELS[e.type],
    },
    subject: ctx.patientRef,
    date: e.onsetOn,
    severity: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/adverse-event-severity",
          code: severityCode(e.severity),
        },
      ],
    },
    ...(suspects.length ? { suspectEntity: suspects } : {}),
  };
}

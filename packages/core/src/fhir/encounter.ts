import type { BundleContext } from "./context";
import type { FhirEncounter } from "./types";

/** A consultation. */
export function encounterResource(c: { id: string; heldOn: string }, ctx: BundleContext): FhirEncounter {
  return {
    resourceType: "Encounter",
    id: ctx.idOf("Encounter", c.id),
    status: "finished",
    class: {
      system: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
      code: "AMB",
      display: "ambulatory",
    },
    type: [{ text: "Microneedling consultation" }],
    subject: ctx.patientRef,
    period: { start: c.heldOn },
  };
}

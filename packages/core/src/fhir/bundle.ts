import { allergyIntoleranceResource } from "./allergy-intolerance";
import { adverseEventResource } from "./adverse-event";
import { carePlanResource } from "./care-plan";
import { conditionResource } from "./condition";
import { bundleContext, medicationKey } from "./context";
import { encounterResource } from "./encounter";
import { medicationResource } from "./medication";
import { medicationAdministrationResource } from "./medication-administration";
import {
  assessmentObservation,
  baselineLocalId,
  baselineObservation,
  fitzpatrickObservation,
} from "./observation";
import { patientResource } from "./patient";
import { procedureResource } from "./procedure";
import type { FhirBundle, FhirExportInput, FhirResource } from "./types";

/**
 * FHIR R4 export (DOMAIN.md "Interoperability"): a patient's record as a Bundle of type "collection",
 * one mapper per resource. Every reference points at an entry of the same bundle (./context.ts).
 * Entries are in record order: the patient and what stands on it, then consultations, each concern
 * with its baseline score, plans, sessions, serums applied, assessments and adverse events.
 */
export function toFhirBundle(input: FhirExportInput): FhirBundle {
  const ctx = bundleContext(input);
  const entry: FhirBundle["entry"] = [];
  const add = (type: string, localId: string, resource: FhirResource): void => {
    entry.push({ fullUrl: ctx.urlOf(type, localId), resource });
  };
  const p = input.patient;
  const plans = input.plans ?? [];

  add("Patient", p.id, patientResource(p, ctx));
  if (p.fitzpatrick) add("Observation", "fitzpatrick", fitzpatrickObservation(p.fitzpatrick, ctx));
  p.allergies.forEach((a, i) =>
    add("AllergyIntolerance", String(i), allergyIntoleranceResource(a, String(i), ctx)),
  );
  for (const c of input.consultations ?? []) add("Encounter", c.id, encounterResource(c, ctx));
  for (const c of input.concerns) {
    add("Condition", c.id, conditionResource(c, ctx));
    add("Observation", baselineLocalId(c.id), baselineObservation(c, ctx));
  }
  for (const pl of plans) add("CarePlan", pl.id, carePlanResource(pl, ctx));
  for (const s of input.sessions) add("Procedure", s.id, procedureResource(s, plans, ctx));
  const lots = new Set<string>();
  input.serumsApplied.forEach((a, i) => {
    const key = medicationKey(a.serumId, a.lotNumber);
    if (!lots.has(key)) {
      lots.add(key);
      add("Medication", key, medicationResource(a, ctx));
    }
    const localId = `${a.sessionId}|${i}`;
    add(
      "MedicationAdministration",
      localId,
      medicationAdministrationResource(a, localId, input.sessions, ctx),
    );
  });
  for (const a of input.assessments) add("Observation", a.id, assessmentObservation(a, ctx));
  for (const e of input.adverseEvents) add("AdverseEvent", e.id, adverseEventResource(e, ctx));

  return {
    resourceType: "Bundle",
    id: ctx.idOf("Bundle", "export"),
    type: "collection",
    timestamp: input.generatedAt,
    entry,
  };
}

/** Every `reference` in the bundle that does not resolve to an entry's fullUrl (empty = consistent). */
export function unresolvedReferences(bundle: FhirBundle): string[] {
  const urls = new Set(bundle.entry.map((e) => e.fullUrl));
  const bad: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "reference" && typeof x === "string" && !urls.has(x)) bad.push(x);
        else walk(x);
      }
    }
  };
  bundle.entry.forEach((e) => walk(e.resource));
  return bad;
}

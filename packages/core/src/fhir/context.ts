import { ZONE_LABELS, type Zone } from "../concerns";
import { uuidFromName } from "../hash";
import type { Severity } from "../sessions";
import { NEEDLEWORK_SYSTEM, type CodeableConcept, type FhirExportInput, type Reference } from "./types";

/**
 * Ids and references shared by the mappers. Every entry's fullUrl is "urn:uuid:…" derived from the
 * patient and the record id, so a re-export gives the same ids. A reference is made only to an entry
 * registered up front: a link to a record missing from the input is left out, never left dangling.
 */
export interface BundleContext {
  urlOf: (type: string, localId: string) => string;
  idOf: (type: string, localId: string) => string;
  /** A reference to a resource that will be in the bundle, or undefined. */
  ref: (type: string, localId: string | undefined, display?: string) => Reference | undefined;
  refs: (type: string, ids: readonly (string | undefined)[]) => Reference[];
  patientRef: Reference;
  /** The export's day, for resources that have no date of their own. */
  today: string;
}

/** One Medication per serum lot. */
export const medicationKey = (serumId: string, lot: string): string => `${serumId}|${lot}`;

export function bundleContext(input: FhirExportInput): BundleContext {
  const urlOf = (type: string, localId: string): string =>
    `urn:uuid:${uuidFromName(`${input.patient.id}|${type}/${localId}`)}`;
  const known = new Set<string>();
  const register = (type: string, localId: string): void => void known.add(urlOf(type, localId));
  register("Patient", input.patient.id);
  for (const c of input.consultations ?? []) register("Encounter", c.id);
  for (const c of input.concerns) register("Condition", c.id);
  for (const p of input.plans ?? []) register("CarePlan", p.id);
  for (const s of input.sessions) register("Procedure", s.id);
  for (const s of input.serumsApplied) register("Medication", medicationKey(s.serumId, s.lotNumber));

  const ref = (type: string, localId: string | undefined, display?: string): Reference | undefined => {
    if (!localId) return undefined;
    const url = urlOf(type, localId);
    if (!known.has(url)) return undefined;
    return display ? { reference: url, display } : { reference: url };
  };
  return {
    urlOf,
    idOf: (type, localId) => urlOf(type, localId).slice("urn:uuid:".length),
    ref,
    refs: (type, ids) => ids.map((i) => ref(type, i)).filter((r): r is Reference => r !== undefined),
    // Registered above, so always resolves.
    patientRef: ref("Patient", input.patient.id)!,
    today: input.generatedAt.slice(0, 10),
  };
}

export const zoneConcept = (z: Zone): CodeableConcept => ({
  coding: [{ system: `${NEEDLEWORK_SYSTEM}/zone`, code: z, display: ZONE_LABELS[z] }],
  text: ZONE_LABELS[z],
});

export const severityCode = (s: Severity): "mild" | "moderate" | "severe" =>
  s === "MILD" ? "mild" : s === "MODERATE" ? "moderate" : "severe";

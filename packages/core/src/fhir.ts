import {
  ICD10,
  INDICATION_LABELS,
  ZONE_LABELS,
  type ConcernStatus,
  type Indication,
  type Zone,
} from "./concerns";
import { DEVICE_LABELS, type Device } from "./devices";
import { uuidFromName } from "./hash";
import type { Allergy, FitzpatrickType } from "./patient";
import { SCALES, type Rater, type ScaleId } from "./scales";
import { ADVERSE_EVENT_LABELS, type AdverseEventType, type Severity } from "./sessions";

/**
 * FHIR R4 export (DOMAIN.md "Interoperability"): a patient's record as a Bundle of type "collection".
 * Every entry has fullUrl "urn:uuid:…" (stable: derived from the record id) and every reference
 * points at an entry of the same bundle; a link to a record that is not in the input is left out
 * rather than left dangling. Plain structural types: no FHIR library.
 */

export const NEEDLEWORK_SYSTEM = "https://needlework.app/fhir/CodeSystem";

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Reference {
  reference: string;
  display?: string;
}
interface ResourceBase {
  resourceType: string;
  id: string;
}
export interface FhirPatient extends ResourceBase {
  resourceType: "Patient";
  name: { family: string; given: string[] }[];
  birthDate: string;
  telecom?: { system: "email" | "phone"; value: string }[];
}
export interface FhirEncounter extends ResourceBase {
  resourceType: "Encounter";
  status: "finished";
  class: Coding;
  type: CodeableConcept[];
  subject: Reference;
  period: { start: string };
}
export interface FhirCondition extends ResourceBase {
  resourceType: "Condition";
  clinicalStatus: CodeableConcept;
  category: CodeableConcept[];
  code: CodeableConcept;
  bodySite: CodeableConcept[];
  subject: Reference;
  encounter?: Reference;
  recordedDate: string;
}
export interface FhirAllergyIntolerance extends ResourceBase {
  resourceType: "AllergyIntolerance";
  type: "allergy" | "intolerance";
  criticality: "low" | "high";
  code: CodeableConcept;
  patient: Reference;
  reaction?: { manifestation: CodeableConcept[]; severity: "mild" | "moderate" | "severe" }[];
}
export interface FhirCarePlan extends ResourceBase {
  resourceType: "CarePlan";
  status: "active" | "completed" | "revoked" | "draft";
  intent: "plan";
  title: string;
  subject: Reference;
  period: { start: string };
  addresses: Reference[];
  activity: {
    detail: {
      status: "not-started" | "in-progress" | "completed" | "cancelled";
      code: CodeableConcept;
      scheduledTiming: { repeat: { count: number; period: number; periodUnit: "wk" } };
    };
  }[];
}
export interface FhirProcedure extends ResourceBase {
  resourceType: "Procedure";
  status: "completed";
  code: CodeableConcept;
  subject: Reference;
  performedDateTime: string;
  bodySite: CodeableConcept[];
  usedCode: CodeableConcept[];
  basedOn?: Reference[];
  reasonReference?: Reference[];
  note?: { text: string }[];
}
export interface FhirMedication extends ResourceBase {
  resourceType: "Medication";
  code: CodeableConcept;
  ingredient?: { itemCodeableConcept: CodeableConcept }[];
  batch: { lotNumber: string; expirationDate?: string };
}
export interface FhirMedicationAdministration extends ResourceBase {
  resourceType: "MedicationAdministration";
  status: "completed";
  medicationReference: Reference;
  subject: Reference;
  effectiveDateTime: string;
  partOf?: Reference[];
  dosage: { site: CodeableConcept; route: CodeableConcept };
}
export interface FhirObservation extends ResourceBase {
  resourceType: "Observation";
  status: "final";
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  focus?: Reference[];
  partOf?: Reference[];
  performer?: Reference[];
  effectiveDateTime: string;
  valueQuantity?: { value: number; unit: string };
  valueCodeableConcept?: CodeableConcept;
  interpretation?: CodeableConcept[];
}
export interface FhirAdverseEvent extends ResourceBase {
  resourceType: "AdverseEvent";
  actuality: "actual";
  event: CodeableConcept;
  subject: Reference;
  date: string;
  severity: CodeableConcept;
  suspectEntity?: { instance: Reference }[];
}
export type FhirResource =
  | FhirPatient
  | FhirEncounter
  | FhirCondition
  | FhirAllergyIntolerance
  | FhirCarePlan
  | FhirProcedure
  | FhirMedication
  | FhirMedicationAdministration
  | FhirObservation
  | FhirAdverseEvent;

export interface FhirBundle {
  resourceType: "Bundle";
  id: string;
  type: "collection";
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

// --- Input records (the store's shapes, reduced to what the export needs) ---------------------------

export interface FhirExportInput {
  patient: {
    id: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    email?: string | undefined;
    phone?: string | undefined;
    fitzpatrick?: FitzpatrickType | undefined;
    allergies: readonly Allergy[];
  };
  consultations?: readonly { id: string; heldOn: string }[];
  concerns: readonly {
    id: string;
    indication: Indication;
    bodyArea: Zone;
    status: ConcernStatus;
    baselineScale: ScaleId;
    baselineScore: number;
    baselineOn: string;
    consultationId?: string | undefined;
  }[];
  plans?: readonly {
    id: string;
    concernIds: readonly string[];
    startOn: string;
    sessionsPlanned: number;
    intervalWeeks: number;
    status: "PLANNED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
  }[];
  sessions: readonly {
    id: string;
    planId?: string | undefined;
    performedOn: string;
    device: Device;
    zones: readonly { zone: Zone; depthMm: number; passes: number }[];
  }[];
  serumsApplied: readonly {
    sessionId: string;
    serumId: string;
    serumName: string;
    lotNumber: string;
    expiresOn?: string | undefined;
    ingredients?: readonly string[];
    zone: Zone;
  }[];
  assessments: readonly {
    id: string;
    concernId: string;
    scale: ScaleId;
    score: number;
    rater: Rater;
    assessedOn: string;
    label?: string | undefined;
    sessionId?: string | undefined;
  }[];
  adverseEvents: readonly {
    id: string;
    sessionId?: string | undefined;
    type: AdverseEventType;
    onsetOn: string;
    severity: Severity;
    serumId?: string | undefined;
    lotNumber?: string | undefined;
  }[];
  /** Bundle timestamp (ISO); pass it in, core does not read the clock. */
  generatedAt: string;
}

const zoneConcept = (z: Zone): CodeableConcept => ({
  coding: [{ system: `${NEEDLEWORK_SYSTEM}/zone`, code: z, display: ZONE_LABELS[z] }],
  text: ZONE_LABELS[z],
});
const severityCode = (s: Severity): "mild" | "moderate" | "severe" =>
  s === "MILD" ? "mild" : s === "MODERATE" ? "moderate" : "severe";

/** Builds the bundle. */
export function toFhirBundle(input: FhirExportInput): FhirBundle {
  const entries: FhirBundle["entry"] = [];
  const known = new Set<string>();
  const urlOf = (type: string, localId: string): string =>
    `urn:uuid:${uuidFromName(`${input.patient.id}|${type}/${localId}`)}`;
  const idOf = (type: string, localId: string): string => urlOf(type, localId).slice("urn:uuid:".length);
  /** A reference to a resource that will be in the bundle, or undefined. */
  const ref = (type: string, localId: string | undefined, display?: string): Reference | undefined => {
    if (!localId) return undefined;
    const url = urlOf(type, localId);
    if (!known.has(url)) return undefined;
    return display ? { reference: url, display } : { reference: url };
  };
  const refs = (type: string, ids: readonly (string | undefined)[]): Reference[] =>
    ids.map((i) => ref(type, i)).filter((r): r is Reference => r !== undefined);
  const add = (type: string, localId: string, build: () => FhirResource): void => {
    entries.push({ fullUrl: urlOf(type, localId), resource: build() });
  };
  const medKey = (serumId: string, lot: string): string => `${serumId}|${lot}`;

  // Register every id first so references can be checked while building.
  const register = (type: string, localId: string): void => void known.add(urlOf(type, localId));
  register("Patient", input.patient.id);
  for (const c of input.consultations ?? []) register("Encounter", c.id);
  for (const c of input.concerns) register("Condition", c.id);
  for (const p of input.plans ?? []) register("CarePlan", p.id);
  for (const s of input.sessions) register("Procedure", s.id);
  for (const s of input.serumsApplied) register("Medication", medKey(s.serumId, s.lotNumber));

  const patientRef = ref("Patient", input.patient.id)!;
  const p = input.patient;
  add("Patient", p.id, () => {
    const telecom: { system: "email" | "phone"; value: string }[] = [];
    if (p.email) telecom.push({ system: "email", value: p.email });
    if (p.phone) telecom.push({ system: "phone", value: p.phone });
    return {
      resourceType: "Patient",
      id: idOf("Patient", p.id),
      name: [{ family: p.familyName, given: [p.givenName] }],
      birthDate: p.dateOfBirth,
      ...(telecom.length ? { telecom } : {}),
    };
  });

  if (p.fitzpatrick) {
    const fitz = p.fitzpatrick;
    add("Observation", "fitzpatrick", () => ({
      resourceType: "Observation",
      id: idOf("Observation", "fitzpatrick"),
      status: "final",
      code: {
        coding: [
          {
            system: `${NEEDLEWORK_SYSTEM}/observation`,
            code: "FITZPATRICK",
            display: "Fitzpatrick skin type",
          },
        ],
        text: "Fitzpatrick skin type",
      },
      subject: patientRef,
      effectiveDateTime: input.generatedAt.slice(0, 10),
      valueCodeableConcept: {
        coding: [{ system: `${NEEDLEWORK_SYSTEM}/fitzpatrick`, code: fitz }],
        text: `Type ${fitz}`,
      },
    }));
  }

  p.allergies.forEach((a, i) => {
    add("AllergyIntolerance", String(i), () => ({
      resourceType: "AllergyIntolerance",
      id: idOf("AllergyIntolerance", String(i)),
      type: a.kind === "ALLERGY" ? "allergy" : "intolerance",
      criticality: a.severity === "SEVERE" ? "high" : "low",
      code: { text: a.substance },
      patient: patientRef,
      ...(a.reaction
        ? { reaction: [{ manifestation: [{ text: a.reaction }], severity: severityCode(a.severity) }] }
        : {}),
    }));
  });

  for (const c of input.consultations ?? []) {
    add("Encounter", c.id, () => ({
      resourceType: "Encounter",
      id: idOf("Encounter", c.id),
      status: "finished",
      class: {
        system: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
        code: "AMB",
        display: "ambulatory",
      },
      type: [{ text: "Microneedling consultation" }],
      subject: patientRef,
      period: { start: c.heldOn },
    }));
  }

  const observation = (
    localId: string,
    scale: ScaleId,
    score: number,
    on: string,
    focus: Reference[],
    partOf: Reference | undefined,
    label: string | undefined,
    rater: Rater,
  ): FhirObservation => {
    const def = SCALES[scale];
    const text = label ?? def.labels?.[score];
    return {
      resourceType: "Observation",
      id: idOf("Observation", localId),
      status: "final",
      category: [
        { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "exam" }] },
      ],
      code: {
        coding: [{ system: `${NEEDLEWORK_SYSTEM}/outcome-scale`, code: scale, display: def.name }],
        text: def.name,
      },
      subject: patientRef,
      focus,
      ...(partOf ? { partOf: [partOf] } : {}),
      ...(rater === "PATIENT" ? { performer: [patientRef] } : {}),
      effectiveDateTime: on,
      valueQuantity: { value: score, unit: def.unit ?? "score" },
      ...(text ? { interpretation: [{ text }] } : {}),
    };
  };

  for (const c of input.concerns) {
    const icd = ICD10[c.indication];
    const encounter = ref("Encounter", c.consultationId);
    add("Condition", c.id, () => ({
      resourceType: "Condition",
      id: idOf("Condition", c.id),
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
      subject: patientRef,
      ...(encounter ? { encounter } : {}),
      recordedDate: c.baselineOn,
    }));
    add("Observation", `baseline-${c.id}`, () =>
      observation(
        `baseline-${c.id}`,
        c.baselineScale,
        c.baselineScore,
        c.baselineOn,
        [ref("Condition", c.id)!],
        undefined,
        undefined,
        "CLINICIAN",
      ),
    );
  }

  const statusOf = {
    PLANNED: "draft",
    IN_PROGRESS: "active",
    COMPLETED: "completed",
    CANCELLED: "revoked",
  } as const;
  const activityStatus = {
    PLANNED: "not-started",
    IN_PROGRESS: "in-progress",
    COMPLETED: "completed",
    CANCELLED: "cancelled",
  } as const;
  const plans = input.plans ?? [];
  for (const pl of plans) {
    add("CarePlan", pl.id, () => ({
      resourceType: "CarePlan",
      id: idOf("CarePlan", pl.id),
      status: statusOf[pl.status],
      intent: "plan",
      title: "Microneedling treatment plan",
      subject: patientRef,
      period: { start: pl.startOn },
      addresses: refs("Condition", pl.concernIds),
      activity: [
        {
          detail: {
            status: activityStatus[pl.status],
            code: { text: "Microneedling session" },
            scheduledTiming: {
              repeat: { count: pl.sessionsPlanned, period: pl.intervalWeeks, periodUnit: "wk" },
            },
          },
        },
      ],
    }));
  }

  for (const s of input.sessions) {
    const plan = plans.find((x) => x.id === s.planId);
    const basedOn = ref("CarePlan", s.planId);
    const reasons = plan ? refs("Condition", plan.concernIds) : [];
    add("Procedure", s.id, () => ({
      resourceType: "Procedure",
      id: idOf("Procedure", s.id),
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
      subject: patientRef,
      performedDateTime: s.performedOn,
      bodySite: s.zones.map((z) => zoneConcept(z.zone)),
      usedCode: [
        {
          coding: [
            { system: `${NEEDLEWORK_SYSTEM}/device`, code: s.device, display: DEVICE_LABELS[s.device] },
          ],
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
    }));
  }

  const meds = new Set<string>();
  input.serumsApplied.forEach((a, i) => {
    const key = medKey(a.serumId, a.lotNumber);
    if (!meds.has(key)) {
      meds.add(key);
      add("Medication", key, () => ({
        resourceType: "Medication",
        id: idOf("Medication", key),
        code: {
          coding: [{ system: `${NEEDLEWORK_SYSTEM}/serum`, code: a.serumId, display: a.serumName }],
          text: a.serumName,
        },
        ...(a.ingredients?.length
          ? { ingredient: a.ingredients.map((t) => ({ itemCodeableConcept: { text: t } })) }
          : {}),
        batch: { lotNumber: a.lotNumber, ...(a.expiresOn ? { expirationDate: a.expiresOn } : {}) },
      }));
    }
    const session = input.sessions.find((s) => s.id === a.sessionId);
    const partOf = ref("Procedure", a.sessionId);
    add("MedicationAdministration", `${a.sessionId}|${i}`, () => ({
      resourceType: "MedicationAdministration",
      id: idOf("MedicationAdministration", `${a.sessionId}|${i}`),
      status: "completed",
      medicationReference: ref("Medication", key, a.serumName)!,
      subject: patientRef,
      effectiveDateTime: session?.performedOn ?? input.generatedAt.slice(0, 10),
      ...(partOf ? { partOf: [partOf] } : {}),
      dosage: { site: zoneConcept(a.zone), route: { text: "Topical, applied during microneedling" } },
    }));
  });

  for (const a of input.assessments) {
    const focus = refs("Condition", [a.concernId]);
    add("Observation", a.id, () =>
      observation(
        a.id,
        a.scale,
        a.score,
        a.assessedOn,
        focus,
        ref("Procedure", a.sessionId),
        a.label,
        a.rater,
      ),
    );
  }

  for (const e of input.adverseEvents) {
    const suspects: { instance: Reference }[] = [];
    const proc = ref("Procedure", e.sessionId);
    if (proc) suspects.push({ instance: proc });
    const med = e.serumId && e.lotNumber ? ref("Medication", medKey(e.serumId, e.lotNumber)) : undefined;
    if (med) suspects.push({ instance: med });
    add("AdverseEvent", e.id, () => ({
      resourceType: "AdverseEvent",
      id: idOf("AdverseEvent", e.id),
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
      subject: patientRef,
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
    }));
  }

  return {
    resourceType: "Bundle",
    id: idOf("Bundle", "export"),
    type: "collection",
    timestamp: input.generatedAt,
    entry: entries,
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

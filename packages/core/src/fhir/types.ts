import type { ConcernStatus, Indication, Zone } from "../concerns";
import type { Device } from "../devices";
import type { Allergy, FitzpatrickType } from "../patient";
import type { Rater, ScaleId } from "../scales";
import type { AdverseEventType, Severity } from "../sessions";

/** The FHIR R4 shapes the export writes, as plain structural types (no FHIR library), and its input. */

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

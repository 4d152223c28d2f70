import type {
  ContraindicationFinding,
  Override,
  ScreeningAnswers,
  ValidConsultationConcern,
} from "@needlework/core";
import { Keys } from "../keys";
import type { Item } from "../clinical/read";
import type { RecordRef } from "../clinical/refs";

/** A consultation and the concerns it records (both in the patient collection). */

/** An override as recorded: core's {code, reason, by, at} plus the name shown in the record. */
export interface RecordedOverride extends Override {
  byName: string;
}

export interface Consultation {
  id: string;
  groupId: string;
  patientId: string;
  siteId: string;
  date: string;
  practitionerId: string;
  practitionerName: string;
  concernIds: string[];
  answers: ScreeningAnswers;
  findings: ContraindicationFinding[];
  overrides: RecordedOverride[];
  /** The profile version the screen read (allergies, medications, history, Fitzpatrick). */
  patientVersion: number;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface Concern extends ValidConsultationConcern {
  id: string;
  groupId: string;
  patientId: string;
  /** The consultation that recorded it (its local ref). */
  consultationRef: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export const consultationRef = (c: Pick<Consultation, "patientId" | "date" | "id">): RecordRef => ({
  patientId: c.patientId,
  date: c.date,
  id: c.id,
});

/** A concern's ref: its baseline day stands in the date slot (the key needs only the id). */
export const concernRef = (c: Pick<Concern, "patientId" | "baselineOn" | "id">): RecordRef => ({
  patientId: c.patientId,
  date: c.baselineOn,
  id: c.id,
});

export const consultationKey = (groupId: string, ref: RecordRef) =>
  Keys.consultation(groupId, ref.patientId, ref.date, ref.id);
export const concernKey = (groupId: string, ref: Pick<RecordRef, "patientId" | "id">) =>
  Keys.concern(groupId, ref.patientId, ref.id);

function strip(item: Item): Item {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
  return rest;
}

export function consultationFromItem(item: Item): Consultation {
  const c = strip(item) as unknown as Consultation;
  return { ...c, overrides: c.overrides ?? [], findings: c.findings ?? [], concernIds: c.concernIds ?? [] };
}

export function concernFromItem(item: Item): Concern {
  const c = strip(item) as unknown as Concern;
  return { ...c, zones: c.zones ?? [] };
}

export const consultationItem = (c: Consultation): Item => ({
  ...Keys.consultation(c.groupId, c.patientId, c.date, c.id),
  type: "Consultation",
  ...c,
});

export const concernItem = (c: Concern): Item => ({
  ...Keys.concern(c.groupId, c.patientId, c.id),
  type: "Concern",
  ...c,
});

import {
  Concerns,
  Scales,
  type ContraindicationFinding,
  type Override,
  type ScreeningAnswers,
  type ValidConsultationConcern,
} from "@needlework/core";
import { z } from "zod";
import { Keys } from "../keys";
import {
  decodeItem,
  listOf,
  oneOf,
  optional,
  shaped,
  versioned,
  withoutKeys,
  type ItemSchema,
} from "./decode";
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

/** A screen finding as stored (core built it; its shape is checked, its wording kept). */
export const findingSchema = shaped<ContraindicationFinding>("a finding", [
  "code",
  "level",
  "reason",
  "overridable",
]);

export const recordedOverrideSchema: ItemSchema<RecordedOverride> = z
  .object({ code: z.string(), reason: z.string(), by: z.string(), at: z.string(), byName: z.string() })
  .passthrough();

export const screeningAnswersSchema = shaped<ScreeningAnswers>("screening answers", [
  "activeSkinInfection",
  "pregnantOrBreastfeeding",
]);

const consultationSchema: ItemSchema<Consultation> = z
  .object({
    id: z.string(),
    groupId: z.string(),
    patientId: z.string(),
    siteId: z.string(),
    date: z.string(),
    practitionerId: z.string(),
    practitionerName: z.string(),
    concernIds: listOf(z.string()),
    answers: screeningAnswersSchema,
    findings: listOf(findingSchema),
    overrides: listOf(recordedOverrideSchema),
    patientVersion: z.number().int(),
    ...versioned,
  })
  .passthrough();

const concernSchema: ItemSchema<Concern> = z
  .object({
    id: z.string(),
    groupId: z.string(),
    patientId: z.string(),
    consultationRef: z.string(),
    indication: oneOf(Concerns.INDICATIONS),
    bodyArea: oneOf(Concerns.ZONES),
    baselineScale: oneOf(Scales.SCALE_IDS),
    baselineScore: z.number(),
    baselineOn: z.string(),
    status: oneOf(Concerns.CONCERN_STATUSES),
    notes: optional(z.string()),
    zones: listOf(oneOf(Concerns.ZONES)),
    ...versioned,
  })
  .passthrough();

export function consultationFromItem(item: Item): Consultation {
  return decodeItem("Consultation", consultationSchema, withoutKeys(item));
}

export function concernFromItem(item: Item): Concern {
  return decodeItem("Concern", concernSchema, withoutKeys(item));
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

import {
  Concerns,
  Scales,
  type Improvement,
  type Indication,
  type Rater,
  type ScaleId,
} from "@needlework/core";
import { z } from "zod";
import { Keys } from "../keys";
import { decodeItem, oneOf, optional, orNull, withoutKeys, type ItemSchema } from "./decode";
import type { Item } from "../clinical/read";
import type { RecordRef } from "../clinical/refs";

/** An outcome assessment: a score on a scale for one concern (in the patient collection). */

export interface Assessment {
  id: string;
  groupId: string;
  patientId: string;
  concernId: string;
  /** `<patientId>|<baselineOn>|<concernId>`, the concern's local id. */
  concernRef: string;
  indication: Indication;
  scale: ScaleId;
  score: number;
  /** The scale's label for the score (GAIS stores label and number). */
  label?: string | undefined;
  rater: Rater;
  assessedOn: string;
  /** `<patientId>|<date>|<sessionId>` of the session the score follows, if any. */
  sessionRef?: string | undefined;
  notes?: string | undefined;
  /** What the improvement was measured against when recorded; null when the scale has no baseline yet. */
  baseline: { score: number; on: string } | null;
  improvement: Improvement | null;
  version: number;
  createdAt: string;
  createdBy: string;
}

export const assessmentRef = (a: Pick<Assessment, "patientId" | "assessedOn" | "id">): RecordRef => ({
  patientId: a.patientId,
  date: a.assessedOn,
  id: a.id,
});

const assessmentSchema: ItemSchema<Assessment> = z
  .object({
    id: z.string(),
    groupId: z.string(),
    patientId: z.string(),
    concernId: z.string(),
    concernRef: z.string(),
    indication: oneOf(Concerns.INDICATIONS),
    scale: oneOf(Scales.SCALE_IDS),
    score: z.number(),
    label: optional(z.string()),
    rater: oneOf(Scales.RATERS),
    assessedOn: z.string(),
    sessionRef: optional(z.string()),
    notes: optional(z.string()),
    baseline: orNull(z.object({ score: z.number(), on: z.string() }).passthrough()),
    improvement: orNull(
      z.object({ absolute: z.number(), percent: z.number().nullable(), improved: z.boolean() }).passthrough(),
    ),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .passthrough();

export function assessmentFromItem(item: Item): Assessment {
  return decodeItem("Assessment", assessmentSchema, withoutKeys(item));
}

export const assessmentItem = (a: Assessment): Item => ({
  ...Keys.assessment(a.groupId, a.patientId, a.assessedOn, a.id),
  type: "Assessment",
  ...a,
});

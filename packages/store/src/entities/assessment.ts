import type { Improvement, Indication, Rater, ScaleId } from "@needlework/core";
import { Keys } from "../keys";
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

export function assessmentFromItem(item: Item): Assessment {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
  const a = rest as unknown as Assessment;
  return { ...a, baseline: a.baseline ?? null, improvement: a.improvement ?? null };
}

export const assessmentItem = (a: Assessment): Item => ({
  ...Keys.assessment(a.groupId, a.patientId, a.assessedOn, a.id),
  type: "Assessment",
  ...a,
});

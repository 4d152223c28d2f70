import type { Indication } from "../concerns";
import type { Better, Rater } from "../scales";
import { DOMAIN } from "./findings";

/**
 * More outcome scales (DOMAIN.md "More outcome scales"), lower is better on all of them. Kept apart
 * from scales.ts's SCALE_IDS until the API enum, the store's rollup codes and the portal know them.
 *
 * POSAS 3.0 has an observer part and a patient part, each with a generic and a linear-scar version
 * of different lengths, every item rated 1–5: each part is stored as its mean item score (1–5), so
 * the two versions compare.
 */

export const SCAR_SCALE_IDS = ["POSAS3_OBSERVER", "POSAS3_PATIENT", "VANCOUVER", "ECCA"] as const;
export type ScarScaleId = (typeof SCAR_SCALE_IDS)[number];

export interface ScarScaleDefinition {
  id: ScarScaleId;
  name: string;
  min: number;
  max: number;
  integer: boolean;
  better: Better;
  indications: readonly Indication[];
  raters: readonly Rater[];
  source: string;
}

export const SCAR_SCALES: Readonly<Record<ScarScaleId, ScarScaleDefinition>> = {
  POSAS3_OBSERVER: {
    id: "POSAS3_OBSERVER",
    name: "POSAS 3.0 observer scale (mean item score)",
    min: 1,
    max: 5,
    integer: false,
    better: "LOWER",
    indications: ["SCARRING", "ACNE_SCARRING", "STRETCH_MARKS"],
    raters: ["CLINICIAN"],
    source: DOMAIN.scales,
  },
  POSAS3_PATIENT: {
    id: "POSAS3_PATIENT",
    name: "POSAS 3.0 patient scale (mean item score)",
    min: 1,
    max: 5,
    integer: false,
    better: "LOWER",
    indications: ["SCARRING", "ACNE_SCARRING", "STRETCH_MARKS"],
    raters: ["PATIENT"],
    source: DOMAIN.scales,
  },
  VANCOUVER: {
    id: "VANCOUVER",
    name: "Vancouver Scar Scale",
    min: 0,
    max: 13,
    integer: true,
    better: "LOWER",
    indications: ["SCARRING"],
    raters: ["CLINICIAN"],
    source: DOMAIN.scales,
  },
  ECCA: {
    id: "ECCA",
    name: "ECCA acne scar score",
    min: 0,
    max: 540,
    integer: true,
    better: "LOWER",
    indications: ["ACNE_SCARRING"],
    raters: ["CLINICIAN"],
    source: DOMAIN.scales,
  },
};

export function validateScarScore(scale: ScarScaleId, score: number): string | undefined {
  const def = SCAR_SCALES[scale];
  if (!Number.isFinite(score)) return `${def.name} needs a number`;
  if (score < def.min || score > def.max) return `${def.name} scores run from ${def.min} to ${def.max}`;
  if (def.integer && !Number.isInteger(score)) return `${def.name} takes whole numbers only`;
  return undefined;
}

/** Points better than baseline, positive = better (lower is better on every scar scale). */
export function scarImprovement(scale: ScarScaleId, baseline: number, latest: number): number {
  return SCAR_SCALES[scale].better === "LOWER" ? baseline - latest : latest - baseline;
}

export type BaselineStatus = "PRE_TREATMENT" | "NO_PRE_TREATMENT_BASELINE";

/**
 * Whether a concern's first score is a pre-treatment baseline. Treatment began with the first
 * session of the concern's plan; a first score dated after it, or taken at that session (the
 * session is done when it is recorded against it), has no pre-treatment baseline and must say so
 * instead of becoming the baseline. A score on the day of the first session, not tied to it, counts
 * as taken before needling.
 */
export function baselineStatus(input: {
  firstScore: { assessedOn: string; sessionId?: string | null };
  sessions: readonly { id: string; performedOn: string }[];
}): { status: BaselineStatus; reason?: string } {
  const first = [...input.sessions].sort((a, b) => (a.performedOn < b.performedOn ? -1 : 1))[0];
  if (!first) return { status: "PRE_TREATMENT" };
  const { assessedOn, sessionId } = input.firstScore;
  const after =
    assessedOn > first.performedOn ||
    (sessionId != null && input.sessions.some((s) => s.id === sessionId && s.performedOn <= assessedOn));
  if (!after) return { status: "PRE_TREATMENT" };
  return {
    status: "NO_PRE_TREATMENT_BASELINE",
    reason: `First score taken on ${assessedOn}, after treatment began on ${first.performedOn}: there is no pre-treatment baseline, so improvement cannot be measured from it.`,
  };
}

import type { Indication } from "./indications";
import { Problems, requireDate, requireOneOf, requireText, todayIso } from "./validate";

/**
 * Outcome scales (DOMAIN.md "Outcome scales"). Improvement is always measured per concern against
 * its baseline on the same scale, using the scale's direction of "better".
 * Fitzpatrick skin type is a baseline attribute of the patient, not an outcome scale.
 */

export const SCALE_IDS = [
  "GOODMAN_BARON_QUALITATIVE",
  "GOODMAN_BARON_QUANTITATIVE",
  "GAIS",
  "MMASI",
  "HAIR_COUNT",
  "LEMPERLE",
  "SATISFACTION",
] as const;
export type ScaleId = (typeof SCALE_IDS)[number];

/** Who gave the score. */
export const RATERS = ["CLINICIAN", "PATIENT"] as const;
export type Rater = (typeof RATERS)[number];

export type Better = "LOWER" | "HIGHER";

export interface ScaleDefinition {
  id: ScaleId;
  name: string;
  min: number;
  /** Upper bound; for hair count a plausibility ceiling rather than a clinical maximum. */
  max: number;
  integer: boolean;
  better: Better;
  /**
   * STATUS: the score describes the skin now (compare with baseline).
   * CHANGE: the score already describes change since before treatment (GAIS).
   */
  kind: "STATUS" | "CHANGE";
  unit?: string;
  /** Labels for whole-number scores, where the scale has them. */
  labels?: Readonly<Record<number, string>>;
  /** Indications the scale measures; "ANY" fits every concern. */
  indications: readonly Indication[] | "ANY";
  raters: readonly Rater[];
}

/** GAIS's "no change" score: the implied baseline of a change scale. */
export const GAIS_NO_CHANGE = 4;

export const SCALES: Readonly<Record<ScaleId, ScaleDefinition>> = {
  GOODMAN_BARON_QUALITATIVE: {
    id: "GOODMAN_BARON_QUALITATIVE",
    name: "Goodman & Baron qualitative acne scar grade",
    min: 1,
    max: 4,
    integer: true,
    better: "LOWER",
    kind: "STATUS",
    labels: { 1: "Macular", 2: "Mild", 3: "Moderate", 4: "Severe" },
    indications: ["ACNE_SCARRING"],
    raters: ["CLINICIAN"],
  },
  GOODMAN_BARON_QUANTITATIVE: {
    id: "GOODMAN_BARON_QUANTITATIVE",
    name: "Goodman & Baron quantitative acne scar score",
    min: 0,
    max: 84,
    integer: true,
    better: "LOWER",
    kind: "STATUS",
    indications: ["ACNE_SCARRING"],
    raters: ["CLINICIAN"],
  },
  GAIS: {
    id: "GAIS",
    name: "Global Aesthetic Improvement Scale",
    min: 1,
    max: 5,
    integer: true,
    better: "LOWER",
    kind: "CHANGE",
    labels: {
      1: "Very much improved",
      2: "Much improved",
      3: "Improved",
      4: "No change",
      5: "Worse",
    },
    indications: "ANY",
    raters: ["CLINICIAN", "PATIENT"],
  },
  MMASI: {
    id: "MMASI",
    name: "Modified Melasma Area and Severity Index",
    min: 0,
    max: 24,
    integer: false,
    better: "LOWER",
    kind: "STATUS",
    indications: ["MELASMA", "PIGMENTATION"],
    raters: ["CLINICIAN"],
  },
  HAIR_COUNT: {
    id: "HAIR_COUNT",
    name: "Hair count in a marked area",
    min: 0,
    max: 1000,
    integer: false,
    better: "HIGHER",
    kind: "STATUS",
    unit: "hairs/cm²",
    indications: ["ALOPECIA"],
    raters: ["CLINICIAN"],
  },
  LEMPERLE: {
    id: "LEMPERLE",
    name: "Lemperle wrinkle assessment scale",
    min: 0,
    max: 5,
    integer: true,
    better: "LOWER",
    kind: "STATUS",
    labels: {
      0: "No wrinkles",
      1: "Just perceptible wrinkle",
      2: "Shallow wrinkles",
      3: "Moderately deep wrinkle",
      4: "Deep wrinkle, well-defined edges",
      5: "Very deep wrinkle, redundant fold",
    },
    indications: ["WRINKLES"],
    raters: ["CLINICIAN"],
  },
  SATISFACTION: {
    id: "SATISFACTION",
    name: "Patient satisfaction",
    min: 0,
    max: 10,
    integer: true,
    better: "HIGHER",
    kind: "STATUS",
    labels: { 0: "Not at all satisfied", 10: "Completely satisfied" },
    indications: "ANY",
    raters: ["PATIENT"],
  },
};

export function scaleDefinition(scale: ScaleId): ScaleDefinition {
  return SCALES[scale];
}

/** The printable label for a score, e.g. GAIS 2 → "Much improved"; undefined when the scale has none. */
export function scoreLabel(scale: ScaleId, score: number): string | undefined {
  return SCALES[scale].labels?.[score];
}

/** Whether a score is valid on a scale; `reason` says why not, for a practitioner. */
export function validateScore(scale: ScaleId, score: number): { ok: true } | { ok: false; reason: string } {
  const def = SCALES[scale];
  if (def === undefined) return { ok: false, reason: `unknown scale ${String(scale)}` };
  if (typeof score !== "number" || !Number.isFinite(score))
    return { ok: false, reason: `${def.name} needs a number` };
  if (score < def.min || score > def.max)
    return {
      ok: false,
      reason: `${def.name} scores run from ${def.min} to ${def.max}${def.unit ? ` ${def.unit}` : ""}`,
    };
  if (def.integer && !Number.isInteger(score))
    return { ok: false, reason: `${def.name} takes whole numbers only` };
  return { ok: true };
}

/** Whether the scale measures this indication (GAIS and satisfaction fit every concern). */
export function scaleFitsIndication(scale: ScaleId, indication: Indication): boolean {
  const fits = SCALES[scale].indications;
  return fits === "ANY" || fits.includes(indication);
}

/** Scales a practitioner may pick for a concern, specific ones first. */
export function scalesForIndication(indication: Indication): ScaleId[] {
  const specific = SCALE_IDS.filter(
    (s) => SCALES[s].indications !== "ANY" && scaleFitsIndication(s, indication),
  );
  const general = SCALE_IDS.filter((s) => SCALES[s].indications === "ANY");
  return [...specific, ...general];
}

export function raterAllowed(scale: ScaleId, rater: Rater): boolean {
  return SCALES[scale].raters.includes(rater);
}

export interface Improvement {
  /** Points better than baseline; positive = better, negative = worse, whatever the scale's direction. */
  absolute: number;
  /** absolute / |baseline| × 100; null when undefined (baseline 0, or a change scale). */
  percent: number | null;
  improved: boolean;
}

const round = (n: number, dp = 2): number => {
  const f = 10 ** dp;
  return Math.round(n * f) / f;
};

/**
 * Improvement from baseline to latest on one scale.
 *
 * STATUS scales: absolute = baseline − latest when lower is better, latest − baseline when higher is
 * better; improved when absolute > 0.
 *
 * GAIS (a CHANGE scale) already rates change against pre-treatment photographs, so the reference is
 * always 4 "No change" whatever `baseline` says: absolute = 4 − latest (GAIS 2 → +2, GAIS 5 → −1),
 * improved when latest ≤ 3 ("Improved" or better), percent is null (a percentage of a change
 * rating means nothing).
 */
export function improvement(scale: ScaleId, baseline: number, latest: number): Improvement {
  const def = SCALES[scale];
  if (def.kind === "CHANGE") {
    const absolute = GAIS_NO_CHANGE - latest;
    return { absolute, percent: null, improved: absolute > 0 };
  }
  const absolute = round(def.better === "LOWER" ? baseline - latest : latest - baseline, 4);
  const percent = baseline === 0 ? null : round((absolute / Math.abs(baseline)) * 100, 1);
  return { absolute, percent, improved: absolute > 0 };
}

export interface ScorePoint {
  /** ISO date of the assessment. */
  on: string;
  score: number;
  rater?: Rater;
}

export interface TrendPoint extends ScorePoint, Improvement {
  label?: string;
}

export interface Trend {
  scale: ScaleId;
  baseline: number;
  /** Chronological, one entry per assessment, each against the baseline. */
  points: TrendPoint[];
  latest: TrendPoint | null;
  /** The point with the largest improvement so far. */
  best: TrendPoint | null;
  /** Latest against baseline: IMPROVED, WORSE, UNCHANGED, or NO_DATA before any follow-up. */
  direction: "IMPROVED" | "WORSE" | "UNCHANGED" | "NO_DATA";
}

/** A concern's trend across visits: every follow-up score against the baseline, oldest first. */
export function trend(scale: ScaleId, baseline: number, points: readonly ScorePoint[]): Trend {
  const sorted = [...points].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const out: TrendPoint[] = sorted.map((p) => {
    const label = scoreLabel(scale, p.score);
    return { ...p, ...improvement(scale, baseline, p.score), ...(label ? { label } : {}) };
  });
  const latest = out[out.length - 1] ?? null;
  let best: TrendPoint | null = null;
  for (const p of out) if (best === null || p.absolute > best.absolute) best = p;
  const direction =
    latest === null
      ? "NO_DATA"
      : latest.absolute > 0
        ? "IMPROVED"
        : latest.absolute < 0
          ? "WORSE"
          : "UNCHANGED";
  return { scale, baseline, points: out, latest, best, direction };
}

export interface AssessmentInput {
  scale: string;
  score: number;
  rater: string;
  assessedOn: string;
  sessionId?: string | null;
  notes?: string | null;
}

export interface ValidAssessmentFields {
  scale: ScaleId;
  score: number;
  rater: Rater;
  assessedOn: string;
  /** Label stored with the number (DOMAIN.md: GAIS stores label and number). */
  label?: string | undefined;
  sessionId?: string | undefined;
  notes?: string | undefined;
}

/**
 * Validates an outcome score for a concern: the scale must measure the concern's indication, the
 * score must fit the scale and the rater must be one the scale is used by. Throws BAD_USER_INPUT.
 */
export function validateAssessmentInput(
  input: AssessmentInput,
  concern: { indication: Indication; baselineOn?: string },
  now: Date = new Date(),
): ValidAssessmentFields {
  const p = new Problems();
  const scale = requireOneOf(p, "scale", input.scale, SCALE_IDS);
  const rater = requireOneOf(p, "rater", input.rater, RATERS);
  const assessedOn = requireDate(p, "assessedOn", input.assessedOn, {
    notAfter: todayIso(now),
    ...(concern.baselineOn ? { notBefore: concern.baselineOn } : {}),
  });
  const sessionId = requireText(p, "sessionId", input.sessionId, { max: 64, required: false });
  const notes = requireText(p, "notes", input.notes, { max: 2000, required: false });
  if (scale) {
    if (!scaleFitsIndication(scale, concern.indication))
      p.add("scale", `${SCALES[scale].name} does not measure this concern`);
    const v = validateScore(scale, input.score);
    if (!v.ok) p.add("score", v.reason);
    if (rater && !raterAllowed(scale, rater))
      p.add("rater", `${SCALES[scale].name} is scored by ${SCALES[scale].raters.join(" or ").toLowerCase()}`);
  }
  p.throwIfAny();
  return {
    scale: scale!,
    score: input.score,
    rater: rater!,
    assessedOn: assessedOn!,
    label: scoreLabel(scale!, input.score),
    sessionId,
    notes,
  };
}

import type { Indication, Rater, ScaleId } from "../gql/graphql";

/**
 * What the assessment form needs to know about each outcome scale: its range, whole numbers or not,
 * the direction of better, the concerns it measures and who may rate it. The contract has no query
 * for this, so it mirrors core's SCALES (web/src/clinical/scales.test.ts keeps the two equal); the
 * API still validates every score.
 */
export interface ScaleInfo {
  id: ScaleId;
  name: string;
  short: string;
  min: number;
  max: number;
  integer: boolean;
  better: "LOWER" | "HIGHER";
  kind: "STATUS" | "CHANGE";
  unit?: string;
  labels?: Readonly<Record<number, string>>;
  indications: readonly Indication[] | "ANY";
  raters: readonly Rater[];
}

export const SCALES: Readonly<Record<ScaleId, ScaleInfo>> = {
  GOODMAN_BARON_QUALITATIVE: {
    id: "GOODMAN_BARON_QUALITATIVE",
    name: "Goodman & Baron qualitative acne scar grade",
    short: "Goodman & Baron grade",
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
    short: "Goodman & Baron score",
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
    short: "GAIS",
    min: 1,
    max: 5,
    integer: true,
    better: "LOWER",
    kind: "CHANGE",
    labels: { 1: "Very much improved", 2: "Much improved", 3: "Improved", 4: "No change", 5: "Worse" },
    indications: "ANY",
    raters: ["CLINICIAN", "PATIENT"],
  },
  MMASI: {
    id: "MMASI",
    name: "Modified Melasma Area and Severity Index",
    short: "mMASI",
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
    short: "Hair count",
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
    short: "Lemperle",
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
    short: "Satisfaction",
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

const ORDER: readonly ScaleId[] = [
  "GOODMAN_BARON_QUALITATIVE",
  "GOODMAN_BARON_QUANTITATIVE",
  "GAIS",
  "MMASI",
  "HAIR_COUNT",
  "LEMPERLE",
  "SATISFACTION",
];

export function scaleFits(scale: ScaleId, indication: Indication): boolean {
  const fits = SCALES[scale].indications;
  return fits === "ANY" || fits.includes(indication);
}

/** Scales that measure a concern, the specific ones first (as core orders them). */
export function scalesFor(indication: Indication): ScaleId[] {
  const specific = ORDER.filter((s) => SCALES[s].indications !== "ANY" && scaleFits(s, indication));
  return [...specific, ...ORDER.filter((s) => SCALES[s].indications === "ANY")];
}

/** The API's rule for a score on a scale, as a reason to show beside the field (undefined: fine). */
export function scoreProblem(scale: ScaleId, score: number): string | undefined {
  const s = SCALES[scale];
  if (!Number.isFinite(score)) return `${s.name} needs a number`;
  if (score < s.min || score > s.max)
    return `${s.name} scores run from ${s.min} to ${s.max}${s.unit ? ` ${s.unit}` : ""}`;
  if (s.integer && !Number.isInteger(score)) return `${s.name} takes whole numbers only`;
  return undefined;
}

export function scoreLabel(scale: ScaleId, score: number): string | undefined {
  return SCALES[scale].labels?.[score];
}

/** "3 (Moderate)", "42 hairs/cm²". */
export function formatScore(scale: ScaleId, score: number, label?: string | null): string {
  const s = SCALES[scale];
  const l = label ?? scoreLabel(scale, score);
  const n = Number.isInteger(score) ? String(score) : score.toFixed(1);
  return `${n}${s.unit ? ` ${s.unit}` : ""}${l ? ` (${l})` : ""}`;
}

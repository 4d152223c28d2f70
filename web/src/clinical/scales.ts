import { Scales, type ScaleDefinition, type ScaleId } from "@needlework/core";

/** Core's scale definitions, each with a short name for the narrow places of the UI. */
export interface ScaleInfo extends ScaleDefinition {
  short: string;
}

const SHORT: Readonly<Record<ScaleId, string>> = {
  GOODMAN_BARON_QUALITATIVE: "Goodman & Baron grade",
  GOODMAN_BARON_QUANTITATIVE: "Goodman & Baron score",
  GAIS: "GAIS",
  MMASI: "mMASI",
  HAIR_COUNT: "Hair count",
  LEMPERLE: "Lemperle",
  SATISFACTION: "Satisfaction",
};

const info = (id: ScaleId): ScaleInfo => ({ ...Scales.SCALES[id], short: SHORT[id] });

export const SCALES: Readonly<Record<ScaleId, ScaleInfo>> = {
  GOODMAN_BARON_QUALITATIVE: info("GOODMAN_BARON_QUALITATIVE"),
  GOODMAN_BARON_QUANTITATIVE: info("GOODMAN_BARON_QUANTITATIVE"),
  GAIS: info("GAIS"),
  MMASI: info("MMASI"),
  HAIR_COUNT: info("HAIR_COUNT"),
  LEMPERLE: info("LEMPERLE"),
  SATISFACTION: info("SATISFACTION"),
};

export const scaleFits = Scales.scaleFitsIndication;
export const scalesFor = Scales.scalesForIndication;
export const scoreLabel = Scales.scoreLabel;

/** Core's rule for a score on a scale, as a reason to show beside the field (undefined: fine). */
export function scoreProblem(scale: ScaleId, score: number): string | undefined {
  const v = Scales.validateScore(scale, score);
  return v.ok ? undefined : v.reason;
}

/** "3 (Moderate)", "42 hairs/cm²". */
export function formatScore(scale: ScaleId, score: number, label?: string | null): string {
  const s = SCALES[scale];
  const l = label ?? scoreLabel(scale, score);
  const n = Number.isInteger(score) ? String(score) : score.toFixed(1);
  return `${n}${s.unit ? ` ${s.unit}` : ""}${l ? ` (${l})` : ""}`;
}

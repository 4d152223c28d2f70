import type { ScaleId } from "../gql/graphql";
import { SCALES, formatScore } from "../clinical/scales";

export interface ImprovementLike {
  absolute: number;
  percent?: number | null;
  improved: boolean;
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const pct = (n: number): string => `${Math.abs(n) >= 10 ? Math.abs(n).toFixed(0) : Math.abs(n).toFixed(1)}%`;

/**
 * The improvement in words, direction-aware: the API's `absolute` is positive when better whatever
 * the scale's direction, so "better" and "worse" never depend on whether the score went up or down.
 */
export function improvementText(
  scale: ScaleId,
  baseline: number | null | undefined,
  latest: { score: number; label?: string | null; improvement: ImprovementLike } | null | undefined,
): string {
  const s = SCALES[scale];
  if (!latest) return "No score after the baseline yet.";
  const { absolute, percent } = latest.improvement;
  const unit = s.unit ? ` ${s.unit}` : ` point${Math.abs(absolute) === 1 ? "" : "s"}`;
  const now = formatScore(scale, latest.score, latest.label);
  if (s.kind === "CHANGE") {
    if (absolute === 0) return `Latest ${s.short}: ${now}: no change since before treatment.`;
    return `Latest ${s.short}: ${now}: ${num(Math.abs(absolute))}${unit} ${absolute > 0 ? "better" : "worse"} than “no change”.`;
  }
  if (baseline == null) return `Latest score ${now}; no baseline on this scale to compare with.`;
  if (absolute === 0) return `No change from the baseline of ${formatScore(scale, baseline)} (now ${now}).`;
  const direction = absolute > 0 ? "better" : "worse";
  const percentText = percent == null ? "" : `, ${pct(percent)} ${direction}`;
  return `${num(Math.abs(absolute))}${unit} ${direction} than the baseline (${num(baseline)} → ${num(latest.score)}${percentText}). ${
    s.better === "LOWER" ? "Lower" : "Higher"
  } is better on this scale.`;
}

import { addWeeks } from "./calendar";
import { improvement, type ScaleId } from "./scales";
import { expectedCompletionDate } from "./schedule";
import { classifyAdverseEvent, type AdverseEvent } from "./sessions";
import { addDays, daysBetween } from "./validate";

/**
 * Analyst KPIs (DOMAIN.md "Analyst KPIs"): one definition each, as pure functions over small plain
 * records. The API, the portal and the analytics rollups all call these, never their own variant.
 */

export const KPI_IDS = [
  "courseCompletionRate",
  "rebookingRate",
  "adverseEventRatePer100",
  "meanImprovement",
  "timeBetweenSessionsVsPlan",
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export const KPI_DEFINITIONS: Readonly<Record<KpiId, { name: string; unit: string; definition: string }>> = {
  courseCompletionRate: {
    name: "Course completion rate",
    unit: "% of plans",
    definition:
      "Plans with all planned sessions done ÷ plans due to be done. A plan is due to be done once its expected completion date (start + (sessions − 1) × interval) plus the clinic's grace days has passed; completed plans always count. Cancelled plans count as not completed once due.",
  },
  rebookingRate: {
    name: "Rebooking rate",
    unit: "% of sessions",
    definition:
      "Sessions followed by a next booked or recorded session of the same plan within the plan interval plus the clinic's grace days ÷ sessions that needed a next one (not the course's last) and whose window has closed or that already have a next session.",
  },
  adverseEventRatePer100: {
    name: "Adverse events per 100 sessions",
    unit: "events per 100 sessions",
    definition:
      "Adverse events recorded ÷ sessions × 100. Each event counts (a session with two events counts twice). Redness / swelling counts only when it lasted beyond the expected 3 days.",
  },
  meanImprovement: {
    name: "Mean improvement",
    unit: "scale points and %",
    definition:
      "For each concern, the latest score against its baseline on the same scale, in points better (positive = better, using the scale's direction); GAIS is read against 'No change'. Averaged per group (concern × depth band × serum × device × Fitzpatrick type, or any subset) and always per scale. Mean % uses only concerns with a non-zero baseline.",
  },
  timeBetweenSessionsVsPlan: {
    name: "Time between sessions vs plan",
    unit: "days",
    definition:
      "For each pair of consecutive recorded sessions of a plan: actual days between them minus the planned interval in days. Reported as the mean deviation (positive = later than planned), the mean absolute deviation and the share of gaps within the planned interval plus grace days.",
  },
};

/** A KPI ratio; `value` is null when the denominator is 0 (no data, not 0%). */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

const ratio = (numerator: number, denominator: number, scale = 100): Ratio => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : Math.round((numerator / denominator) * scale * 10) / 10,
});

/** A plan as the KPIs see it. */
export interface KpiPlan {
  startOn: string;
  sessionsPlanned: number;
  intervalWeeks: number;
  /** Recorded sessions (performed). */
  sessionDates: readonly string[];
  /** Booked, not yet performed. */
  bookedDates?: readonly string[];
  cancelled?: boolean;
}

/** Course completion rate in % (see KPI_DEFINITIONS). */
export function courseCompletionRate(plans: readonly KpiPlan[], onDate: string, graceDays: number): Ratio {
  let num = 0;
  let den = 0;
  for (const p of plans) {
    const completed = !p.cancelled && p.sessionDates.length >= p.sessionsPlanned;
    const due = onDate > addDays(expectedCompletionDate(p), graceDays);
    if (completed) {
      num++;
      den++;
    } else if (due) den++;
  }
  return ratio(num, den);
}

/** Rebooking rate in % (see KPI_DEFINITIONS). */
export function rebookingRate(plans: readonly KpiPlan[], onDate: string, graceDays: number): Ratio {
  let num = 0;
  let den = 0;
  for (const p of plans) {
    const performed = [...p.sessionDates].filter((d) => d <= onDate).sort();
    const all = [...p.sessionDates, ...(p.bookedDates ?? [])].sort();
    performed.forEach((date, i) => {
      if (i >= p.sessionsPlanned - 1) return; // the course's last session needs no next one
      const windowEnd = addDays(addWeeks(date, p.intervalWeeks), graceDays);
      const next = all.find((d) => d > date);
      if (next === undefined && onDate <= windowEnd) return; // still time to rebook
      den++;
      if (next !== undefined && next <= windowEnd) num++;
    });
  }
  return ratio(num, den);
}

/**
 * Whether a recorded event counts towards the adverse-event rate (expected redness does not).
 * Without `onDate` an ongoing event is taken as recorded (at its onset): the rollup counters are
 * written once with the session, and a recount must give the same number whatever day it runs.
 */
export function countsAsAdverseEvent(
  e: Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">,
  onDate?: string,
): boolean {
  return classifyAdverseEvent(e, onDate ?? e.onsetOn) !== "EXPECTED";
}

/** Adverse events per 100 sessions (see KPI_DEFINITIONS). */
export function adverseEventRatePer100(
  sessionCount: number,
  events: readonly Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">[],
  onDate?: string,
): Ratio {
  const n = events.filter((e) => countsAsAdverseEvent(e, onDate)).length;
  return ratio(n, sessionCount);
}

/** Dimensions outcomes can be grouped by. */
export const IMPROVEMENT_DIMENSIONS = [
  "indication",
  "depthBand",
  "serum",
  "device",
  "fitzpatrick",
  "site",
  "practitioner",
  "zone",
] as const;
export type ImprovementDimension = (typeof IMPROVEMENT_DIMENSIONS)[number];

export interface ImprovementRow extends Partial<Record<ImprovementDimension, string | null>> {
  scale: ScaleId;
  baseline: number;
  latest: number;
}

export interface ImprovementGroup {
  key: Partial<Record<ImprovementDimension, string | null>>;
  scale: ScaleId;
  n: number;
  meanAbsolute: number;
  meanPercent: number | null;
  /** Rows with a percent (non-zero baseline). */
  nPercent: number;
  improvedShare: number;
}

/** Mean improvement per group and scale (see KPI_DEFINITIONS). Groups sorted by key. */
export function meanImprovement(
  rows: readonly ImprovementRow[],
  groupBy: readonly ImprovementDimension[],
): ImprovementGroup[] {
  const groups = new Map<
    string,
    { key: ImprovementGroup["key"]; scale: ScaleId; abs: number[]; pct: number[]; improved: number }
  >();
  for (const r of rows) {
    const key: ImprovementGroup["key"] = {};
    for (const d of groupBy) key[d] = r[d] ?? null;
    const id = JSON.stringify([r.scale, ...groupBy.map((d) => key[d])]);
    let g = groups.get(id);
    if (!g) {
      g = { key, scale: r.scale, abs: [], pct: [], improved: 0 };
      groups.set(id, g);
    }
    const imp = improvement(r.scale, r.baseline, r.latest);
    g.abs.push(imp.absolute);
    if (imp.percent !== null) g.pct.push(imp.percent);
    if (imp.improved) g.improved++;
  }
  const mean = (xs: number[]): number => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({
      key: g.key,
      scale: g.scale,
      n: g.abs.length,
      meanAbsolute: mean(g.abs),
      meanPercent: g.pct.length ? mean(g.pct) : null,
      nPercent: g.pct.length,
      improvedShare: Math.round((g.improved / g.abs.length) * 1000) / 10,
    }));
}

export interface IntervalAdherence {
  gaps: number;
  meanActualDays: number | null;
  meanPlannedDays: number | null;
  /** Positive = later than planned. */
  meanDeviationDays: number | null;
  meanAbsDeviationDays: number | null;
  /** % of gaps no longer than the planned interval + grace days. */
  withinGraceShare: number | null;
}

/** Time between sessions vs plan (see KPI_DEFINITIONS). */
export function timeBetweenSessionsVsPlan(plans: readonly KpiPlan[], graceDays: number): IntervalAdherence {
  const actual: number[] = [];
  const planned: number[] = [];
  for (const p of plans) {
    const d = [...p.sessionDates].sort();
    for (let i = 1; i < d.length; i++) {
      actual.push(daysBetween(d[i - 1]!, d[i]!));
      planned.push(p.intervalWeeks * 7);
    }
  }
  const n = actual.length;
  if (n === 0)
    return {
      gaps: 0,
      meanActualDays: null,
      meanPlannedDays: null,
      meanDeviationDays: null,
      meanAbsDeviationDays: null,
      withinGraceShare: null,
    };
  const r1 = (x: number): number => Math.round(x * 10) / 10;
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const dev = actual.map((a, i) => a - planned[i]!);
  return {
    gaps: n,
    meanActualDays: r1(sum(actual) / n),
    meanPlannedDays: r1(sum(planned) / n),
    meanDeviationDays: r1(sum(dev) / n),
    meanAbsDeviationDays: r1(sum(dev.map(Math.abs)) / n),
    withinGraceShare: r1((dev.filter((x) => x <= graceDays).length / n) * 100),
  };
}

/** A KPI ratio from counts kept elsewhere (the analytics rollups), rounded exactly as the KPIs above. */
export function ratioFromCounts(numerator: number, denominator: number, scale = 100): Ratio {
  return ratio(numerator, denominator, scale);
}

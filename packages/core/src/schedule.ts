import { addMonths, addWeeks } from "./calendar";
import { DEVICE_DEPTH_MAX_MM, DEVICE_DEPTH_MIN_MM } from "./concerns";
import { badInput } from "./errors";
import type { ClinicSettings } from "./settings";
import { addDays, daysBetween } from "./validate";

/** Plan progress, due dates and depth bands. */

export const PLAN_STATUSES = ["PLANNED", "IN_PROGRESS", "COMPLETED", "CANCELLED"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanSchedule {
  startOn: string;
  sessionsPlanned: number;
  intervalWeeks: number;
  /** A cancelled plan stays cancelled whatever has been done. */
  cancelled?: boolean;
}

export interface PlanProgress {
  done: number;
  planned: number;
  remaining: number;
  status: PlanStatus;
  firstSessionOn: string | null;
  lastSessionOn: string | null;
}

/** Sessions done against the plan. Done ≥ planned is COMPLETED (extra sessions do not reopen it). */
export function planProgress(plan: PlanSchedule, sessions: readonly { performedOn: string }[]): PlanProgress {
  const dates = sessions.map((s) => s.performedOn).sort();
  const done = dates.length;
  const status: PlanStatus = plan.cancelled
    ? "CANCELLED"
    : done === 0
      ? "PLANNED"
      : done >= plan.sessionsPlanned
        ? "COMPLETED"
        : "IN_PROGRESS";
  return {
    done,
    planned: plan.sessionsPlanned,
    remaining: Math.max(0, plan.sessionsPlanned - done),
    status,
    firstSessionOn: dates[0] ?? null,
    lastSessionOn: dates[dates.length - 1] ?? null,
  };
}

/** The next session's due date: the plan's start for the first, otherwise last + interval. */
export function nextDueDate(
  plan: Pick<PlanSchedule, "startOn" | "intervalWeeks">,
  lastSessionDate?: string | null,
): string {
  return lastSessionDate ? addWeeks(lastSessionDate, plan.intervalWeeks) : plan.startOn;
}

/** When the course would end if every session ran on time: start + (sessions − 1) × interval. */
export function expectedCompletionDate(plan: PlanSchedule): string {
  return addWeeks(plan.startOn, Math.max(0, plan.sessionsPlanned - 1) * plan.intervalWeeks);
}

/** Maintenance after a completed course: last session + retreatmentMonths. */
export function retreatmentDue(
  lastSessionDate: string,
  settings: Pick<ClinicSettings, "retreatmentMonths">,
): string {
  return addMonths(lastSessionDate, settings.retreatmentMonths);
}

export type DueState = "NOT_DUE" | "DUE" | "OVERDUE";

export interface PlanDue {
  progress: PlanProgress;
  /** Next session of the course; null once completed or cancelled. */
  nextSessionDue: string | null;
  /** Retreatment after a completed course; null until then. */
  retreatmentDue: string | null;
  /** Against whichever date applies: DUE from the due date, OVERDUE after due date + grace days. */
  state: DueState;
  /** Days past the due date (0 when not yet due). */
  daysOverdue: number;
}

/** Who is due: the plan's next session, or its retreatment once completed. */
export function planDue(
  plan: PlanSchedule,
  sessions: readonly { performedOn: string }[],
  settings: Pick<ClinicSettings, "retreatmentMonths" | "rebookingGraceDays">,
  onDate: string,
): PlanDue {
  const progress = planProgress(plan, sessions);
  let nextSessionDue: string | null = null;
  let retreat: string | null = null;
  if (progress.status === "PLANNED" || progress.status === "IN_PROGRESS")
    nextSessionDue = nextDueDate(plan, progress.lastSessionOn);
  if (progress.status === "COMPLETED" && progress.lastSessionOn)
    retreat = retreatmentDue(progress.lastSessionOn, settings);
  const due = nextSessionDue ?? retreat;
  let state: DueState = "NOT_DUE";
  let daysOverdue = 0;
  if (due && onDate >= due) {
    daysOverdue = daysBetween(due, onDate);
    state = onDate > addDays(due, settings.rebookingGraceDays) ? "OVERDUE" : "DUE";
  }
  return { progress, nextSessionDue, retreatmentDue: retreat, state, daysOverdue };
}

export const DEPTH_BANDS = ["0.25–0.5", "0.5–1.0", "1.0–1.5", "1.5–2.0", "2.0–2.5"] as const;
export type DepthBand = (typeof DEPTH_BANDS)[number];

const BAND_TOPS: readonly [number, DepthBand][] = [
  [0.5, "0.25–0.5"],
  [1.0, "0.5–1.0"],
  [1.5, "1.0–1.5"],
  [2.0, "1.5–2.0"],
  [2.5, "2.0–2.5"],
];

/**
 * The one depth band definition (analytics). Bands include their upper bound and exclude their lower
 * one, except the first, which includes 0.25: 0.25–0.5 = [0.25, 0.5], 0.5–1.0 = (0.5, 1.0], …,
 * 2.0–2.5 = (2.0, 2.5]. So the common needle lengths 0.5 / 1.0 / 1.5 / 2.0 fall in the band they
 * top, and DOMAIN.md ranges such as "forehead 0.25–0.5" sit in one band. Outside 0.25–2.5 throws.
 */
export function depthBand(depthMm: number): DepthBand {
  const EPS = 1e-9;
  if (!Number.isFinite(depthMm) || depthMm < DEVICE_DEPTH_MIN_MM - EPS || depthMm > DEVICE_DEPTH_MAX_MM + EPS)
    throw badInput([
      { path: "depthMm", reason: `must be between ${DEVICE_DEPTH_MIN_MM} and ${DEVICE_DEPTH_MAX_MM} mm` },
    ]);
  for (const [top, band] of BAND_TOPS) if (depthMm <= top + EPS) return band;
  return "2.0–2.5";
}

import { applyOverrides, type ContraindicationFinding, type Override } from "./contraindications";
import { badInput, contraindicated, type ContraindicationReason, type FieldProblem } from "./errors";
import type { Allergy } from "./patient";
import { reasonProblem } from "./safety/overrides";
import { planDue, type PlanSchedule, type PlanStatus } from "./schedule";
import { checkSerumApplication, type Serum } from "./serums";
import { DEFAULT_SETTINGS, type ClinicSettings } from "./settings";
import { todayIso } from "./validate";

/**
 * Treatment plans after creation: the serum add-ons planned for needling, and the plan's progress
 * and due dates as sessions are recorded (the math is schedule.ts's; this keeps one place that turns
 * it into what a stored plan carries).
 */

/** Lot checks belong to the session (a plan names a serum, not a lot). */
const LOT_CODES: ReadonlySet<string> = new Set(["LOT_MISSING", "LOT_UNKNOWN", "LOT_EXPIRED"]);

/**
 * Checks a serum planned as an add-on during needling: the patient's allergies and sensitivities
 * against its ingredients and allergens, its needling clearance and actives on needled skin.
 */
export function checkPlannedSerum(input: {
  patient: { allergies: readonly Allergy[] };
  serum: Serum;
  onDate: string;
  settings?: Readonly<ClinicSettings>;
}): ContraindicationFinding[] {
  return checkSerumApplication({
    patient: input.patient,
    serum: input.serum,
    lotNumber: null,
    onDate: input.onDate,
    duringNeedling: true,
    settings: input.settings ?? DEFAULT_SETTINGS,
  }).filter((f) => !LOT_CODES.has(f.code));
}

export interface SerumOverrideInput {
  serumId: string;
  reason: string;
}

export interface PlannedSerumCheck {
  serumId: string;
  serumName: string;
  findings: ContraindicationFinding[];
}

export interface ResolvedPlannedSerum extends PlannedSerumCheck {
  /** The reason given to let a flagged serum into the plan. */
  overrideReason?: string | undefined;
}

/**
 * Decides whether the planned serums may go into the plan. One override per serum, with a reason,
 * covers all of that serum's findings. Throws BAD_USER_INPUT for an override without a reason, for
 * a serum that is not planned or has nothing to override; then CONTRAINDICATED listing every BLOCK
 * left without an override (each reason names its serum). `by`/`at` identify the decision.
 */
export function resolvePlannedSerums(
  checks: readonly PlannedSerumCheck[],
  overrides: readonly SerumOverrideInput[],
  who: { by: string; at: string },
): ResolvedPlannedSerum[] {
  const problems: FieldProblem[] = [];
  const bySerum = new Map<string, string>();
  overrides.forEach((o, i) => {
    const check = checks.find((c) => c.serumId === o.serumId);
    const reason = o.reason?.trim() ?? "";
    const weak = reasonProblem(reason);
    if (!check)
      problems.push({ path: `serumOverrides.${i}.serumId`, reason: "is not one of the planned serums" });
    else if (check.findings.length === 0)
      problems.push({
        path: `serumOverrides.${i}.serumId`,
        reason: `${check.serumName} has nothing to override`,
      });
    else if (reason === "")
      problems.push({ path: `serumOverrides.${i}.reason`, reason: "an override needs a reason" });
    else if (weak) problems.push({ path: `serumOverrides.${i}.reason`, reason: weak });
    else if (bySerum.has(o.serumId))
      problems.push({ path: `serumOverrides.${i}.serumId`, reason: "is overridden twice" });
    else bySerum.set(o.serumId, reason);
  });
  if (problems.length > 0) throw badInput(problems);

  const blocks: ContraindicationReason[] = [];
  const out: ResolvedPlannedSerum[] = [];
  for (const c of checks) {
    const reason = bySerum.get(c.serumId);
    const given: Override[] =
      reason === undefined ? [] : c.findings.map((f) => ({ code: f.code, reason, ...who }));
    // Non-overridable findings (none today for planned serums) stay unresolved whatever the reason.
    const unresolved = applyOverrides(c.findings, given).unresolved.filter((f) => f.level === "BLOCK");
    blocks.push(
      ...unresolved.map(({ code, level, reason: why, source }) => ({ code, level, reason: why, source })),
    );
    out.push({ ...c, overrideReason: reason });
  }
  if (blocks.length > 0) throw contraindicated(blocks);
  return out;
}

/** What a stored plan carries about its progress and what is due next. */
export interface PlanState {
  status: PlanStatus;
  done: number;
  planned: number;
  lastSessionOn: string | null;
  /** Next session of the course; null once completed or cancelled. */
  nextDueOn: string | null;
  /** Retreatment after a completed course. */
  retreatmentDueOn: string | null;
  /** Whichever of the two applies: the plan's place in the "due" list. Null = nothing due. */
  dueOn: string | null;
  dueKind: "SESSION" | "RETREATMENT" | null;
}

/** The plan's state after the given sessions (dates in any order), from schedule.ts's rules. */
export function planState(
  schedule: PlanSchedule,
  sessionDates: readonly string[],
  settings: Pick<ClinicSettings, "retreatmentMonths" | "rebookingGraceDays">,
  onDate: string = todayIso(),
): PlanState {
  const due = planDue(
    schedule,
    sessionDates.map((performedOn) => ({ performedOn })),
    settings,
    onDate,
  );
  const dueOn = due.nextSessionDue ?? due.retreatmentDue;
  return {
    status: due.progress.status,
    done: due.progress.done,
    planned: due.progress.planned,
    lastSessionOn: due.progress.lastSessionOn,
    nextDueOn: due.nextSessionDue,
    retreatmentDueOn: due.retreatmentDue,
    dueOn,
    dueKind: due.nextSessionDue ? "SESSION" : due.retreatmentDue ? "RETREATMENT" : null,
  };
}

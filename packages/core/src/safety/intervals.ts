import { FACIAL_ZONES, ZONE_LABELS, type Indication, type Zone } from "../concerns";
import type { ClinicSettings } from "../settings";
import { addDays } from "../validate";
import { DOMAIN, hardStopFinding, warnFinding, type SafetyFinding } from "./findings";

/**
 * Intervals and courses (DOMAIN.md "Intervals and courses"): the minimum interval per zone since it
 * was last needled (WARN with a reason below it), the same zone twice on one day (refused), sessions
 * past the planned number (a reason), and no session before the consultation that cleared it,
 * before its plan starts, or in the future (refused).
 */

type IntervalSettings = Pick<
  ClinicSettings,
  "intervalDeepFaceWeeks" | "intervalFaceWeeks" | "intervalScalpDays" | "intervalBodyWeeks"
>;

/** Face, neck and chest follow the facial rule; the scalp its own; the rest is body. */
const FACE_LIKE: readonly Zone[] = [...FACIAL_ZONES, "NECK", "DECOLLETAGE"];

/**
 * The minimum days between two sessions on a zone at a depth: face at > 1.0 mm 4 weeks, ≤ 1.0 mm
 * 2 weeks; scalp for alopecia 7 days (weekly is normal); body 2 weeks (the stretch-mark protocol's
 * shortest interval). Clinic settings.
 */
export function minimumIntervalDays(
  zone: Zone,
  depthMm: number,
  settings: IntervalSettings,
  indication?: Indication,
): { days: number; rule: string } {
  if (zone === "SCALP" && (indication === undefined || indication === "ALOPECIA"))
    return { days: settings.intervalScalpDays, rule: `scalp: ${settings.intervalScalpDays} days` };
  if (FACE_LIKE.includes(zone) || zone === "SCALP")
    return depthMm > 1.0
      ? {
          days: settings.intervalDeepFaceWeeks * 7,
          rule: `face deeper than 1.0 mm: ${settings.intervalDeepFaceWeeks} weeks`,
        }
      : {
          days: settings.intervalFaceWeeks * 7,
          rule: `face at 1.0 mm or less: ${settings.intervalFaceWeeks} weeks`,
        };
  return { days: settings.intervalBodyWeeks * 7, rule: `body: ${settings.intervalBodyWeeks} weeks` };
}

export interface PastSession {
  performedOn: string;
  zones: readonly { zone: Zone; depthMm: number }[];
  /** The plan it belongs to, to count the course. */
  planId?: string | null;
}

export interface SessionTimingInput {
  performedOn: string;
  /** Today, from the caller's clock (never read here). */
  today: string;
  zones: readonly { zone: Zone; depthMm: number }[];
  /** Every earlier session of the patient (any plan), to measure intervals per zone. */
  previous: readonly PastSession[];
  plan?: { id: string; startOn: string; sessionsPlanned: number; indication?: Indication } | null;
  /** Date of the consultation whose screen cleared this treatment. */
  clearedOn?: string | null;
  settings: IntervalSettings;
}

/**
 * SESSION_IN_FUTURE, SESSION_BEFORE_CONSULTATION, SESSION_BEFORE_PLAN_START and SAME_ZONE_SAME_DAY
 * are refusals (never overridable); INTERVAL_BELOW_MINIMUM and PAST_PLANNED_SESSIONS are WARNs that
 * need a reason.
 */
export function sessionTimingFindings(input: SessionTimingInput): SafetyFinding[] {
  const { performedOn, settings } = input;
  const src = (what: string): string => `${what}; ${DOMAIN.intervals}`;
  const out: SafetyFinding[] = [];
  if (performedOn > input.today)
    out.push(
      hardStopFinding(
        "SESSION_IN_FUTURE",
        `A session cannot be recorded for ${performedOn}, a day that has not come yet.`,
        src(`session date ${performedOn}, today ${input.today}`),
      ),
    );
  if (input.clearedOn && performedOn < input.clearedOn)
    out.push(
      hardStopFinding(
        "SESSION_BEFORE_CONSULTATION",
        `The session on ${performedOn} is before the consultation of ${input.clearedOn} that cleared the treatment.`,
        src(`consultation ${input.clearedOn}`),
      ),
    );
  if (input.plan && performedOn < input.plan.startOn)
    out.push(
      hardStopFinding(
        "SESSION_BEFORE_PLAN_START",
        `The session on ${performedOn} is before the plan starts (${input.plan.startOn}).`,
        src(`plan starts ${input.plan.startOn}`),
      ),
    );

  for (const zd of input.zones) {
    const label = ZONE_LABELS[zd.zone];
    const same = input.previous.filter((s) => s.zones.some((x) => x.zone === zd.zone));
    if (same.some((s) => s.performedOn === performedOn)) {
      out.push(
        hardStopFinding(
          "SAME_ZONE_SAME_DAY",
          `${label} was already needled on ${performedOn}: the same zone is never treated twice in one day.`,
          src(`earlier session on ${performedOn}`),
        ),
      );
      continue;
    }
    const before = same
      .filter((s) => s.performedOn < performedOn)
      .sort((a, b) => (a.performedOn < b.performedOn ? 1 : -1))[0];
    if (!before) continue;
    const prevDepth = before.zones.find((x) => x.zone === zd.zone)?.depthMm ?? zd.depthMm;
    // The skin heals from the deeper of the two treatments.
    const min = minimumIntervalDays(
      zd.zone,
      Math.max(prevDepth, zd.depthMm),
      settings,
      input.plan?.indication,
    );
    const earliest = addDays(before.performedOn, min.days);
    if (performedOn < earliest)
      out.push(
        warnFinding(
          "INTERVAL_BELOW_MINIMUM",
          `${label} was needled on ${before.performedOn}; the skin needs until ${earliest} to recover (${min.rule}). Give a reason to treat sooner.`,
          src(`last ${label.toLowerCase()} session ${before.performedOn}; minimum interval ${min.rule}`),
          true,
        ),
      );
  }

  if (input.plan) {
    const done = input.previous.filter(
      (s) => s.planId === input.plan?.id && s.performedOn <= performedOn,
    ).length;
    if (done >= input.plan.sessionsPlanned)
      out.push(
        warnFinding(
          "PAST_PLANNED_SESSIONS",
          `The plan is for ${input.plan.sessionsPlanned} sessions and ${done} are done: this one goes past the course. Give a reason (or update the plan).`,
          src(`plan: ${done} of ${input.plan.sessionsPlanned} sessions done`),
          true,
        ),
      );
  }
  return out;
}

/** The earliest day a zone may be needled again without a reason, after a session at a depth. */
export function nextAllowedOn(
  lastOn: string,
  zone: Zone,
  depthMm: number,
  settings: IntervalSettings,
  indication?: Indication,
): string {
  return addDays(lastOn, minimumIntervalDays(zone, depthMm, settings, indication).days);
}

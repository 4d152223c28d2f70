import {
  ZONES,
  validateConcernInput,
  type ConcernInput,
  type ValidConcernFields,
  type Zone,
} from "./concerns";
import {
  SCREENING_QUESTIONS,
  applyOverrides,
  blocking,
  screen,
  validateOverrideInput,
  validateScreeningAnswers,
  type ContraindicationFinding,
  type Override,
  type ScreenInput,
  type ScreeningAnswers,
} from "./contraindications";
import { badInput } from "./errors";
import {
  Problems,
  collectProblems as collect,
  requireDate,
  requireOneOf,
  requireText,
  todayIso,
} from "./validate";

/**
 * A consultation: the day's concerns with their baselines, the screening answers, and the screen's
 * findings with any overrides (DOMAIN.md "Contraindications": every override records who, when and
 * why). The screen itself is contraindications.ts; this file validates the consultation around it.
 */

export const MAX_CONCERNS = 20;

export interface ConsultationConcernInput extends Omit<ConcernInput, "baselineOn" | "status"> {
  /** Zones to treat for this concern; empty = its body area. */
  zones?: readonly string[] | null;
}

export interface ConsultationInput {
  date: string;
  siteId: string;
  concerns: readonly ConsultationConcernInput[];
  answers: Partial<Record<keyof ScreeningAnswers, unknown>>;
}

export type ValidConsultationConcern = ValidConcernFields & { zones: Zone[] };

export interface ValidConsultationFields {
  date: string;
  siteId: string;
  concerns: ValidConsultationConcern[];
  answers: ScreeningAnswers;
}

/**
 * Validates a consultation: a date not in the future, a site, 1–20 concerns (each with a baseline
 * scale that measures it and a score on that scale; baselines are dated on the consultation day),
 * zones from the list, and every required screening answer given. Throws BAD_USER_INPUT listing all.
 */
export function validateConsultationInput(
  input: ConsultationInput,
  now: Date = new Date(),
): ValidConsultationFields {
  const p = new Problems();
  const date = requireDate(p, "date", input.date, { notAfter: todayIso(now), notBefore: "2000-01-01" });
  const siteId = requireText(p, "siteId", input.siteId, { max: 64 });
  const concerns: ValidConsultationConcern[] = [];
  const list = input.concerns ?? [];
  if (list.length === 0) p.add("concerns", "record at least one concern");
  if (list.length > MAX_CONCERNS) p.add("concerns", `at most ${MAX_CONCERNS} concerns`);
  list.forEach((c, i) => {
    const zones: Zone[] = [];
    (c.zones ?? []).forEach((z, j) => {
      const zone = requireOneOf(p, `concerns.${i}.zones.${j}`, z, ZONES);
      if (zone && !zones.includes(zone)) zones.push(zone);
    });
    // A bad date is reported once, on `date`, not again on every baseline.
    const baselineOn = date && date <= todayIso(now) ? date : todayIso(now);
    const valid = collect(p, `concerns.${i}`, () =>
      validateConcernInput({ ...c, baselineOn, status: "ACTIVE" }, now),
    );
    if (valid) concerns.push({ ...valid, zones });
  });
  const answers = collect(p, "answers", () =>
    validateScreeningAnswers(input.answers ?? {}, date ?? todayIso(now)),
  );
  p.throwIfAny();
  return { date: date!, siteId: siteId!, concerns, answers: answers! };
}

/** Every zone the consultation's concerns would treat, for the screen's wording and facial risks. */
export function treatmentArea(concerns: readonly { bodyArea: Zone; zones?: readonly Zone[] }[]): Zone[] {
  const out: Zone[] = [];
  for (const c of concerns)
    for (const z of c.zones && c.zones.length > 0 ? c.zones : [c.bodyArea]) if (!out.includes(z)) out.push(z);
  return out;
}

/**
 * Answers while the form is still being filled (the portal screens as it goes): unanswered yes/no
 * questions are listed in `unanswered` and screened as "no" for now, so a finding can only appear,
 * never disappear, as the form is completed. Dates are still checked. Throws BAD_USER_INPUT.
 */
export function partialScreeningAnswers(
  input: Partial<Record<keyof ScreeningAnswers, unknown>>,
  onDate: string,
): { answers: ScreeningAnswers; unanswered: (keyof ScreeningAnswers)[] } {
  const unanswered = SCREENING_QUESTIONS.filter(
    (q) => q.kind === "boolean" && q.required && input[q.key] == null,
  ).map((q) => q.key);
  const filled: Partial<Record<keyof ScreeningAnswers, unknown>> = { ...input };
  for (const k of unanswered) filled[k] = false;
  return { answers: validateScreeningAnswers(filled, onDate), unanswered };
}

/** A consultation's standing: cleared when no BLOCK is left without a valid override. */
export function screenStatus(
  findings: readonly ContraindicationFinding[],
  overrides: readonly Override[],
): { cleared: boolean; unresolvedBlocks: ContraindicationFinding[] } {
  const unresolvedBlocks = blocking(findings, overrides);
  return { cleared: unresolvedBlocks.length === 0, unresolvedBlocks };
}

/**
 * Adds a prescriber's override to a consultation's overrides. The reason is required, the finding
 * must exist and be overridable, and a finding is overridden once (the first decision stands and
 * stays in the record). Throws BAD_USER_INPUT with the field at fault.
 */
export function addOverride<O extends Override>(
  findings: readonly ContraindicationFinding[],
  existing: readonly O[],
  next: O,
): O[] {
  validateOverrideInput(next, "override");
  const code = next.code.trim();
  const candidate = { ...next, code, reason: next.reason.trim() };
  if (existing.some((o) => o.code === code))
    throw badInput([
      { path: "override.code", reason: `${code} has already been overridden on this consultation` },
    ]);
  const outcome = applyOverrides(findings, [candidate]);
  const rejected = outcome.rejected[0];
  if (rejected)
    throw badInput([
      {
        path: rejected.reason.includes("reason") ? "override.reason" : "override.code",
        reason: rejected.reason,
      },
    ]);
  return [...existing, candidate];
}

/**
 * The answers of a day with nothing to report (no acute condition, no recent procedure): screened
 * with them, a patient's record yields only what stands whatever the day (history, medications,
 * allergies, skin type).
 */
export const NOTHING_TO_REPORT_ANSWERS: Readonly<ScreeningAnswers> = Object.freeze({
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
  chemoOrRadiotherapyCurrent: false,
  chemoOrRadiotherapyDate: null,
  toxinDate: null,
  fillerDate: null,
  peelLaserDate: null,
  retinoidDate: null,
});

/** The patient's standing flags: the screen of their record on a day with nothing to report. */
export function standingFlags(input: Omit<ScreenInput, "answers" | "area">): ContraindicationFinding[] {
  return screen({ ...input, answers: { ...NOTHING_TO_REPORT_ANSWERS } });
}

import { SCALES, scaleFits, scalesFor, scoreProblem } from "../clinical/scales";
import type {
  ConsultationInput,
  Indication,
  ScaleId,
  ScreeningAnswersInput,
  ScreeningQuestionKind,
  Zone,
} from "../gql/graphql";

/** Form state: strings everywhere ("" = not given) so every input stays controlled. */
export interface ConcernRow {
  key: string;
  indication: Indication | "";
  bodyArea: Zone | "";
  zones: Zone[];
  baselineScale: ScaleId | "";
  baselineScore: string;
  notes: string;
}

/** A yes/no answer is "yes", "no" or "" (not answered yet); a date answer is YYYY-MM-DD or "". */
export type Answers = Record<string, string>;

export interface ConsultationValues {
  date: string;
  concerns: ConcernRow[];
  answers: Answers;
}

export interface Question {
  key: string;
  kind: ScreeningQuestionKind;
  required: boolean;
  label: string;
  help: string;
}

let seq = 0;
export function emptyConcern(): ConcernRow {
  seq += 1;
  return {
    key: `concern-${seq}`,
    indication: "",
    bodyArea: "",
    zones: [],
    baselineScale: "",
    baselineScore: "",
    notes: "",
  };
}

export function emptyConsultation(today: string, questions: readonly Question[]): ConsultationValues {
  return {
    date: today,
    concerns: [emptyConcern()],
    answers: Object.fromEntries(questions.map((q) => [q.key, ""])),
  };
}

/** Baseline scales for a concern: those that measure it, never a change scale (GAIS). */
export function baselineScalesFor(indication: Indication): ScaleId[] {
  return scalesFor(indication).filter((s) => SCALES[s].kind === "STATUS");
}

/** When the indication changes, keep the scale if it still fits, else take the first that does. */
export function scaleAfterIndication(indication: Indication | "", current: ScaleId | ""): ScaleId | "" {
  if (!indication) return "";
  if (current && SCALES[current].kind === "STATUS" && scaleFits(current, indication)) return current;
  return baselineScalesFor(indication)[0] ?? "";
}

/** Every score of a scale has a label (Goodman & Baron grade, Lemperle): pick from a list. */
export function fullyLabelled(scale: ScaleId): boolean {
  const s = SCALES[scale];
  if (!s.labels || !s.integer) return false;
  for (let n = s.min; n <= s.max; n++) if (!s.labels[n]) return false;
  return true;
}

/** The zones the consultation would treat: each concern's zones, or its body area. */
export function treatmentZones(concerns: readonly ConcernRow[]): Zone[] {
  const out: Zone[] = [];
  for (const c of concerns) {
    const zones = c.zones.length > 0 ? c.zones : c.bodyArea ? [c.bodyArea] : [];
    for (const z of zones) if (!out.includes(z)) out.push(z);
  }
  return out;
}

/** The answers as the API takes them: unanswered yes/no and empty dates are null. */
export function toAnswersInput(answers: Answers, questions: readonly Question[]): ScreeningAnswersInput {
  const out: Record<string, boolean | string | null> = {};
  for (const q of questions) {
    const v = answers[q.key] ?? "";
    out[q.key] = q.kind === "BOOLEAN" ? (v === "yes" ? true : v === "no" ? false : null) : v || null;
  }
  return out;
}

export function toConsultationInput(
  v: ConsultationValues,
  siteId: string,
  questions: readonly Question[],
): ConsultationInput {
  return {
    date: v.date,
    siteId,
    concerns: v.concerns.map((c) => ({
      // Incomplete rows are caught by validation first; the casts only satisfy the input type.
      indication: c.indication as Indication,
      bodyArea: c.bodyArea as Zone,
      zones: c.zones,
      baselineScale: c.baselineScale as ScaleId,
      baselineScore: Number(c.baselineScore),
      notes: c.notes.trim() === "" ? null : c.notes.trim(),
    })),
    answers: toAnswersInput(v.answers, questions),
  };
}

/**
 * The API's rules (core's validateConsultationInput), so most mistakes show before a round trip;
 * keys are the form's paths, which are the API's paths.
 */
export function validateConsultation(
  v: ConsultationValues,
  questions: readonly Question[],
  today: string,
): Record<string, string> {
  const e: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) e.date = "Date is required";
  else if (v.date > today) e.date = "Date must not be in the future";
  if (v.concerns.length === 0) e.concerns = "Record at least one concern";
  v.concerns.forEach((c, i) => {
    const at = `concerns.${i}`;
    if (!c.indication) e[`${at}.indication`] = "Choose the concern";
    if (!c.bodyArea) e[`${at}.bodyArea`] = "Choose the body area";
    if (!c.baselineScale) e[`${at}.baselineScale`] = "Choose a scale for the baseline";
    else if (c.indication && !scaleFits(c.baselineScale, c.indication))
      e[`${at}.baselineScale`] = `${SCALES[c.baselineScale].name} does not measure this concern`;
    if (c.baselineScore.trim() === "") e[`${at}.baselineScore`] = "Score the baseline";
    else if (c.baselineScale) {
      const problem = scoreProblem(c.baselineScale, Number(c.baselineScore));
      if (problem) e[`${at}.baselineScore`] = problem;
    }
    if (c.notes.length > 2000) e[`${at}.notes`] = "Notes must be at most 2000 characters";
  });
  for (const q of questions) {
    const a = v.answers[q.key] ?? "";
    const at = `answers.${q.key}`;
    if (q.kind === "BOOLEAN" && q.required && a === "") e[at] = "Answer yes or no";
    if (q.kind === "DATE" && a !== "") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(a)) e[at] = "Write the date as YYYY-MM-DD";
      else if (a > (v.date || today)) e[at] = "Must not be after the consultation date";
    }
  }
  return e;
}

/** Where an API field error goes on this form (its paths are the API's), or null. */
export function formPathOf(apiPath: string, v: ConsultationValues): string | null {
  if (apiPath === "date" || apiPath === "concerns") return apiPath;
  const answer = /^answers\.(\w+)$/.exec(apiPath);
  if (answer) return apiPath;
  const concern = /^concerns\.(\d+)\.(indication|bodyArea|zones|baselineScale|baselineScore|notes)/.exec(
    apiPath,
  );
  if (concern && Number(concern[1]) < v.concerns.length) return `concerns.${concern[1]}.${concern[2]}`;
  return null;
}

import { ConsultationRules, isIsoDate } from "@needlework/core";
import { SCALES, scaleFits, scalesFor } from "../clinical/scales";
import { problemsOf } from "../clinical/validate";
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
 * Core's consultation rules (validateConsultationInput: the API's) decide what is refused; each
 * refused field gets the form's sentence for it. Keys are the form's paths, which are the API's.
 */
export function validateConsultation(
  v: ConsultationValues,
  questions: readonly Question[],
  today: string,
  siteId: string,
): Record<string, string> {
  const input = toConsultationInput(v, siteId, questions);
  const problems = problemsOf(() =>
    ConsultationRules.validateConsultationInput(
      {
        ...input,
        concerns: input.concerns.map((c, i) => ({
          ...c,
          baselineScore: v.concerns[i]?.baselineScore.trim() === "" ? Number.NaN : c.baselineScore,
        })),
      },
      new Date(`${today}T12:00:00Z`),
    ),
  );
  const e: Record<string, string> = {};
  for (const f of problems) {
    const at = formPathOf(f.path, v);
    if (at && !(at in e)) e[at] = sentence(at, v, questions, f.reason);
  }
  // An empty score field, even before a scale is chosen (core has no score to judge then).
  v.concerns.forEach((c, i) => {
    if (c.baselineScore.trim() === "") e[`concerns.${i}.baselineScore`] ??= "Score the baseline";
  });
  return e;
}

/** The form's words for a field core refused. */
function sentence(at: string, v: ConsultationValues, questions: readonly Question[], reason: string): string {
  if (at === "date")
    return v.date === ""
      ? "Date is required"
      : reason.startsWith("must not be after")
        ? "Date must not be in the future"
        : `Date ${reason}`;
  if (at === "concerns")
    return v.concerns.length === 0 ? "Record at least one concern" : `Concerns: ${reason}`;
  const concern = /^concerns\.(\d+)\.(\w+)$/.exec(at);
  if (concern) {
    const c = v.concerns[Number(concern[1])];
    switch (concern[2] ?? "") {
      case "indication":
        return "Choose the concern";
      case "bodyArea":
        return "Choose the body area";
      case "baselineScale":
        return c?.baselineScale ? reason : "Choose a scale for the baseline";
      case "baselineScore":
        return c?.baselineScore.trim() === "" ? "Score the baseline" : reason;
      case "notes":
        return `Notes ${reason}`;
      default:
        return reason;
    }
  }
  const answer = /^answers\.(\w+)$/.exec(at);
  const q = answer ? questions.find((x) => x.key === answer[1]) : undefined;
  if (q?.kind === "BOOLEAN") return "Answer yes or no";
  if (q?.kind === "DATE")
    return isIsoDate(v.answers[q.key] ?? "")
      ? "Must not be after the consultation date"
      : "Write the date as YYYY-MM-DD";
  return reason;
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

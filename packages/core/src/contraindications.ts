import { badInput, contraindicated, type FieldProblem } from "./errors";
import { reasonProblem } from "./safety/overrides";
import { screenContext } from "./screening/context";
import { SCREENING_RULES } from "./screening/rules";
import {
  CONTRAINDICATION_CODES,
  type ContraindicationCode,
  type ContraindicationFinding,
  type ScreenInput,
  type ScreeningAnswers,
  type ScreeningRule,
} from "./screening/types";
import { Problems, requireDate, requireText } from "./validate";

/**
 * The contraindication screen (DOMAIN.md "Contraindications"), run at consultation and again before
 * each session. Pure: it reads the patient's standing history and medications, the day's screening
 * answers and the clinic's settings, and returns findings. BLOCKs stop treatment unless a prescriber
 * overrides them with a reason; WARNs are shown and may be acknowledged. The rules themselves are rows
 * of SCREENING_RULES (./screening/rules), one module per group; waiting periods are counted in
 * ./screening/context.ts.
 */

export { CONTRAINDICATION_CODES, SCREENING_RULES };
export type { ContraindicationCode, ContraindicationFinding, ScreenInput, ScreeningAnswers, ScreeningRule };

export interface ScreeningQuestion {
  key: keyof ScreeningAnswers;
  kind: "boolean" | "date";
  /** Yes/no questions marked required must be answered; a missing answer never counts as "no". */
  required: boolean;
  label: string;
  help: string;
}

/** The questions the portal asks, in order. */
export const SCREENING_QUESTIONS: readonly ScreeningQuestion[] = [
  {
    key: "activeSkinInfection",
    kind: "boolean",
    required: true,
    label: "Active skin infection in the treatment area?",
    help: "Bacterial (impetigo, folliculitis), viral (warts, molluscum) or fungal infection where you will needle.",
  },
  {
    key: "activeAcneInArea",
    kind: "boolean",
    required: true,
    label: "Active (inflamed) acne in the treatment area?",
    help: "Red or pustular lesions. Needling spreads bacteria; acne scars without active lesions are fine.",
  },
  {
    key: "activeHerpesOutbreak",
    kind: "boolean",
    required: true,
    label: "Cold sore or other herpes outbreak now?",
    help: "Any active herpes simplex lesion, anywhere on the face or in the area.",
  },
  {
    key: "openWounds",
    kind: "boolean",
    required: true,
    label: "Open wounds, cuts or broken skin in the area?",
    help: "Including recent grazes, ulcers and unhealed procedures.",
  },
  {
    key: "pregnantOrBreastfeeding",
    kind: "boolean",
    required: true,
    label: "Pregnant or breastfeeding?",
    help: "Ask every time; microneedling is deferred until after pregnancy and breastfeeding.",
  },
  {
    key: "eczemaPsoriasisRosaceaFlareInArea",
    kind: "boolean",
    required: true,
    label: "Eczema, psoriasis or rosacea flaring in the area?",
    help: "A current flare, not a history: a calm, controlled condition is not a flare.",
  },
  {
    key: "sunburn",
    kind: "boolean",
    required: true,
    label: "Sunburn in the treatment area?",
    help: "Including recent tanning that has left the skin red or peeling.",
  },
  {
    key: "chemoOrRadiotherapyCurrent",
    kind: "boolean",
    required: false,
    label: "Currently having chemotherapy or radiotherapy?",
    help: "Treatment is deferred during and for a period after cancer treatment (clinic setting).",
  },
  {
    key: "chemoOrRadiotherapyDate",
    kind: "date",
    required: false,
    label: "Date of the last chemotherapy or radiotherapy",
    help: "Leave empty if never.",
  },
  {
    key: "toxinDate",
    kind: "date",
    required: false,
    label: "Last botulinum toxin in the area",
    help: "Leave empty if none. Needling soon after toxin can spread it.",
  },
  {
    key: "fillerDate",
    kind: "date",
    required: false,
    label: "Last dermal filler in the area",
    help: "Leave empty if none. Needling soon after filler risks migration and infection.",
  },
  {
    key: "peelLaserDate",
    kind: "date",
    required: false,
    label: "Last chemical peel or laser in the area",
    help: "Leave empty if none.",
  },
  {
    key: "retinoidDate",
    kind: "date",
    required: false,
    label: "Last use of a retinoid cream (retinol, tretinoin, adapalene)",
    help: "Leave empty if none. Prescribed retinoids on the medication list are checked too.",
  },
];

/**
 * Validates screening answers from the portal: every required yes/no answered, dates well-formed and
 * not in the future. Throws BAD_USER_INPUT.
 */
export function validateScreeningAnswers(
  input: Partial<Record<keyof ScreeningAnswers, unknown>>,
  onDate: string,
): ScreeningAnswers {
  const p = new Problems();
  const out: Record<string, boolean | string | null> = {};
  for (const q of SCREENING_QUESTIONS) {
    const v = input[q.key];
    if (q.kind === "boolean") {
      if (v == null) {
        if (q.required) p.add(q.key, "must be answered yes or no");
        else out[q.key] = false;
      } else if (typeof v !== "boolean") p.add(q.key, "must be yes or no");
      else out[q.key] = v;
    } else {
      if (v != null && typeof v !== "string") p.add(q.key, "must be a date written YYYY-MM-DD");
      else out[q.key] = requireDate(p, q.key, v, { required: false, notAfter: onDate }) ?? null;
    }
  }
  p.throwIfAny();
  return out as unknown as ScreeningAnswers;
}

/** Screens a patient for treatment on `onDate`. One finding per code; sources are joined with "; ". */
export function screen(input: ScreenInput): ContraindicationFinding[] {
  const ctx = screenContext(input);
  return mergeByCode(SCREENING_RULES.flatMap((rule) => rule.evaluate(ctx)));
}

/** One finding per code: BLOCK wins over WARN, the first reason is kept, distinct sources joined. */
function mergeByCode(findings: ContraindicationFinding[]): ContraindicationFinding[] {
  const byCode = new Map<string, ContraindicationFinding>();
  for (const f of findings) {
    const prev = byCode.get(f.code);
    if (!prev) {
      byCode.set(f.code, { ...f });
      continue;
    }
    const sources = prev.source.split("; ");
    if (!sources.includes(f.source)) prev.source = `${prev.source}; ${f.source}`;
    if (f.level === "BLOCK" && prev.level === "WARN") {
      prev.level = "BLOCK";
      prev.reason = f.reason;
    }
    prev.overridable = prev.overridable && f.overridable;
  }
  return [...byCode.values()];
}

// --- Overrides ---------------------------------------------------------------------------------

/**
 * A prescriber's decision to proceed despite a finding. Who may override (prescriber role) is the
 * API's check; here: a reason is required and the finding must exist and be overridable.
 */
export interface Override {
  code: string;
  reason: string;
  /** Who overrode (user id). */
  by: string;
  /** When (ISO timestamp). */
  at: string;
}

export interface OverrideOutcome {
  /** Findings no valid override covers. */
  unresolved: ContraindicationFinding[];
  overridden: { finding: ContraindicationFinding; override: Override }[];
  /** Overrides that resolve nothing, with the reason. */
  rejected: { override: Override; reason: string }[];
}

/** Applies overrides to findings. Invalid overrides are reported in `rejected`, never applied. */
export function applyOverrides(
  findings: readonly ContraindicationFinding[],
  overrides: readonly Override[],
): OverrideOutcome {
  const rejected: OverrideOutcome["rejected"] = [];
  const valid = new Map<string, Override>();
  for (const o of overrides) {
    const finding = findings.find((f) => f.code === o.code);
    if (!o.reason || o.reason.trim() === "")
      rejected.push({ override: o, reason: "an override needs a reason" });
    else if (!o.by || o.by.trim() === "")
      rejected.push({ override: o, reason: "an override must record who made it" });
    else if (!finding) rejected.push({ override: o, reason: `there is no finding ${o.code} to override` });
    else if (!finding.overridable)
      rejected.push({ override: o, reason: `${o.code} cannot be overridden: ${finding.reason}` });
    else if (!valid.has(o.code)) valid.set(o.code, o);
  }
  const unresolved: ContraindicationFinding[] = [];
  const overridden: OverrideOutcome["overridden"] = [];
  for (const f of findings) {
    const o = valid.get(f.code);
    if (o) overridden.push({ finding: f, override: o });
    else unresolved.push(f);
  }
  return { unresolved, overridden, rejected };
}

/** The BLOCKs that still stand after valid overrides. Empty = treatment may go ahead. */
export function blocking(
  findings: readonly ContraindicationFinding[],
  overrides: readonly Override[] = [],
): ContraindicationFinding[] {
  return applyOverrides(findings, overrides).unresolved.filter((f) => f.level === "BLOCK");
}

/**
 * For mutations: throws BAD_USER_INPUT if any override is invalid, then CONTRAINDICATED listing the
 * BLOCKs that remain. Returns the outcome when treatment may proceed.
 */
export function assertClear(
  findings: readonly ContraindicationFinding[],
  overrides: readonly Override[] = [],
): OverrideOutcome {
  const outcome = applyOverrides(findings, overrides);
  if (outcome.rejected.length > 0) {
    const fields: FieldProblem[] = outcome.rejected.map((r) => ({
      path: `overrides.${overrides.indexOf(r.override)}`,
      reason: r.reason,
    }));
    throw badInput(fields);
  }
  const blocks = outcome.unresolved.filter((f) => f.level === "BLOCK");
  if (blocks.length > 0) throw contraindicated(blocks);
  return outcome;
}

/**
 * Validates override input text fields (for the API before applying). The reason must say something
 * (Safety.reasonProblem: "test", "x", "n/a" are refused). Throws BAD_USER_INPUT.
 */
export function validateOverrideInput(input: { code: string; reason: string }, path = "override"): void {
  const p = new Problems();
  requireText(p, `${path}.code`, input.code, { max: 64 });
  const reason = requireText(p, `${path}.reason`, input.reason, { max: 1000 });
  const weak = reason ? reasonProblem(reason) : undefined;
  if (weak) p.add(`${path}.reason`, weak);
  p.throwIfAny();
}

// --- Rescreening before a session ---------------------------------------------------------------

export interface Rescreen {
  /** Codes not found at consultation. */
  added: ContraindicationFinding[];
  /** Same code, but level, reason or source changed (e.g. a new medication). */
  changed: { before: ContraindicationFinding; after: ContraindicationFinding }[];
  /** Found at consultation, gone now. */
  resolved: ContraindicationFinding[];
  unchanged: ContraindicationFinding[];
  /** True when something added or changed needs the practitioner's attention. */
  needsAttention: boolean;
}

/** Compares the consultation's findings with today's, so the practitioner sees what is new. */
export function rescreenBeforeSession(
  previous: readonly ContraindicationFinding[],
  current: readonly ContraindicationFinding[],
): Rescreen {
  const prev = new Map(previous.map((f) => [f.code, f]));
  const curCodes = new Set(current.map((f) => f.code));
  const added: ContraindicationFinding[] = [];
  const changed: Rescreen["changed"] = [];
  const unchanged: ContraindicationFinding[] = [];
  for (const f of current) {
    const before = prev.get(f.code);
    if (!before) added.push(f);
    else if (before.level !== f.level || before.reason !== f.reason || before.source !== f.source)
      changed.push({ before, after: f });
    else unchanged.push(f);
  }
  const resolved = previous.filter((f) => !curCodes.has(f.code));
  return { added, changed, resolved, unchanged, needsAttention: added.length + changed.length > 0 };
}

/**
 * Consultation overrides that still apply at a session: only those for findings that are unchanged.
 * A finding that is new or changed needs a fresh decision.
 */
export function carriedOverrides(rescreen: Rescreen, previousOverrides: readonly Override[]): Override[] {
  const codes = new Set(rescreen.unchanged.map((f) => f.code));
  return previousOverrides.filter((o) => codes.has(o.code));
}

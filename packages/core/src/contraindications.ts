import type { ContraindicationReason } from "./errors";
import { badInput, contraindicated, type FieldProblem } from "./errors";
import type { Allergy, HistoryFlag, Medication, MedicationClass, Patient } from "./patient";
import { FACIAL_ZONES, ZONE_LABELS, type Zone } from "./concerns";
import { addMonths } from "./calendar";
import { settingSource, type ClinicSettings } from "./settings";
import { findMatch } from "./terms";
import { Problems, addDays, requireDate, requireText } from "./validate";

/**
 * The contraindication screen (DOMAIN.md "Contraindications"), run at consultation and again before
 * each session. Pure: it reads the patient's standing history and medications, the day's screening
 * answers and the clinic's settings, and returns findings. BLOCKs stop treatment unless a prescriber
 * overrides them with a reason; WARNs are shown and may be acknowledged.
 *
 * Waiting periods: a period of N days/months after date D ends on D + N. Treatment on that day is
 * allowed; any earlier day (including the day of D itself, or a D in the future) is within the
 * period. E.g. isotretinoin stopped 2026-03-01, 6 months → first allowed day 2026-09-01.
 */

/** A finding of the screen (or of a serum check). `overridable: false` means no override exists. */
export interface ContraindicationFinding extends ContraindicationReason {
  overridable: boolean;
}

export const CONTRAINDICATION_CODES = [
  // BLOCK
  "ACTIVE_SKIN_INFECTION",
  "ACTIVE_ACNE",
  "ACTIVE_HERPES",
  "OPEN_WOUNDS",
  "PREGNANT_OR_BREASTFEEDING",
  "CHEMO_RADIOTHERAPY",
  "ISOTRETINOIN",
  "KELOID_TENDENCY",
  "BLEEDING_DISORDER",
  "ANTICOAGULANT",
  "IMMUNOSUPPRESSION",
  "UNCONTROLLED_DIABETES",
  "METAL_ALLERGY",
  "ANAESTHETIC_ALLERGY",
  "SKIN_FLARE_IN_AREA",
  // WARN
  "HERPES_HISTORY",
  "FITZPATRICK_PIH_RISK",
  "RECENT_TOXIN",
  "RECENT_FILLER",
  "RECENT_PEEL_LASER",
  "RECENT_RETINOID",
  "SUNBURN",
] as const;
export type ContraindicationCode = (typeof CONTRAINDICATION_CODES)[number];

/** The day's answers to the screening questions; medications and history come from the patient. */
export interface ScreeningAnswers {
  activeSkinInfection: boolean;
  activeAcneInArea: boolean;
  activeHerpesOutbreak: boolean;
  openWounds: boolean;
  pregnantOrBreastfeeding: boolean;
  eczemaPsoriasisRosaceaFlareInArea: boolean;
  sunburn: boolean;
  /** Currently receiving chemotherapy or radiotherapy. */
  chemoOrRadiotherapyCurrent?: boolean | null;
  /** Date of the last chemotherapy or radiotherapy treatment, if any. */
  chemoOrRadiotherapyDate?: string | null;
  /** Last botulinum toxin in the treatment area. */
  toxinDate?: string | null;
  /** Last dermal filler in the treatment area. */
  fillerDate?: string | null;
  /** Last chemical peel or laser treatment in the area. */
  peelLaserDate?: string | null;
  /** Last use of a topical retinoid (retinol, tretinoin, adapalene). */
  retinoidDate?: string | null;
}

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

export interface ScreenInput {
  patient: Pick<Patient, "allergies" | "medications" | "historyFlags" | "fitzpatrick">;
  answers: ScreeningAnswers;
  settings: Readonly<ClinicSettings>;
  /** The day of treatment (or of the consultation). */
  onDate: string;
  /** Zones to be treated; used in the wording and to stress facial risks. */
  area?: readonly Zone[];
}

const METAL_TERMS = ["nickel", "stainless steel", "chromium", "cobalt"];
const ANAESTHETIC_TERMS = [
  "lidocaine",
  "lignocaine",
  "prilocaine",
  "tetracaine",
  "amethocaine",
  "benzocaine",
  "articaine",
  "emla",
  "local anaesthetic",
  "local anesthetic",
  "anaesthetic",
  "anesthetic",
];

/** A medication counts on `onDate` if it has started (or has no start) and has not stopped before. */
const isCurrent = (m: Medication, onDate: string): boolean =>
  (!m.startedOn || m.startedOn <= onDate) && (!m.stoppedOn || m.stoppedOn >= onDate);

const medSource = (m: Medication, what: string): string =>
  `medication: ${m.name} (${what}) ${m.stoppedOn ? `stopped ${m.stoppedOn}` : "current"}`;

const areaText = (area: readonly Zone[] | undefined): string =>
  area && area.length > 0 ? ` (${area.map((z) => ZONE_LABELS[z].toLowerCase()).join(", ")})` : "";

/** Screens a patient for treatment on `onDate`. One finding per code; sources are joined with "; ". */
export function screen(input: ScreenInput): ContraindicationFinding[] {
  const { patient, answers, settings, onDate, area } = input;
  const where = areaText(area);
  const found: ContraindicationFinding[] = [];
  const block = (code: ContraindicationCode, reason: string, source: string): void => {
    found.push({ code, level: "BLOCK", reason, source, overridable: true });
  };
  const warn = (code: ContraindicationCode, reason: string, source: string): void => {
    found.push({ code, level: "WARN", reason, source, overridable: true });
  };
  const has = (flag: HistoryFlag): boolean => patient.historyFlags.includes(flag);
  const meds = (cls: MedicationClass): Medication[] => patient.medications.filter((m) => m.class === cls);
  /** The waiting period after `date` has not ended by onDate. */
  const withinDays = (date: string, days: number): boolean => onDate < addDays(date, days);
  const withinMonths = (date: string, months: number): boolean => onDate < addMonths(date, months);

  // --- Answers of the day -------------------------------------------------------------------
  if (answers.activeSkinInfection)
    block(
      "ACTIVE_SKIN_INFECTION",
      `Active skin infection in the treatment area${where}: needling spreads it and risks a deeper infection. Treat the infection first.`,
      "screening answer: active skin infection",
    );
  if (answers.activeAcneInArea)
    block(
      "ACTIVE_ACNE",
      `Active inflamed acne in the treatment area${where}: needling spreads bacteria and worsens inflammation. Treat the acne first; scars can be needled once lesions have settled.`,
      "screening answer: active acne in area",
    );
  if (answers.activeHerpesOutbreak)
    block(
      "ACTIVE_HERPES",
      "Active herpes simplex outbreak: needling can spread the virus across the treated skin. Wait until the lesions have fully healed.",
      "screening answer: active herpes outbreak",
    );
  if (answers.openWounds)
    block(
      "OPEN_WOUNDS",
      `Open wounds in the treatment area${where}: infection risk and poor healing. Wait until the skin is intact.`,
      "screening answer: open wounds",
    );
  if (answers.pregnantOrBreastfeeding)
    block(
      "PREGNANT_OR_BREASTFEEDING",
      "Pregnant or breastfeeding: microneedling and its serums are not established as safe; defer until after pregnancy and breastfeeding.",
      "screening answer: pregnant or breastfeeding",
    );
  if (answers.eczemaPsoriasisRosaceaFlareInArea)
    block(
      "SKIN_FLARE_IN_AREA",
      `Eczema, psoriasis or rosacea flaring in the treatment area${where}: needling can worsen the flare (and psoriasis can spread to injured skin). Wait until it has settled.`,
      "screening answer: eczema/psoriasis/rosacea flare in area",
    );
  if (answers.sunburn)
    warn(
      "SUNBURN",
      "Sunburn in the treatment area: the skin is already inflamed; higher risk of irritation and pigmentation. Consider postponing until it has healed.",
      "screening answer: sunburn",
    );

  // --- Cancer treatment ------------------------------------------------------------------------
  const chemoMonths = settings.chemoRadiotherapyMonths;
  const chemoReason = `Chemotherapy or radiotherapy within the last ${chemoMonths} months: healing and immunity are impaired, infection risk is high. Defer treatment.`;
  if (answers.chemoOrRadiotherapyCurrent)
    block("CHEMO_RADIOTHERAPY", chemoReason, "screening answer: currently having chemotherapy/radiotherapy");
  if (answers.chemoOrRadiotherapyDate && withinMonths(answers.chemoOrRadiotherapyDate, chemoMonths))
    block(
      "CHEMO_RADIOTHERAPY",
      chemoReason,
      `screening answer: last chemotherapy/radiotherapy ${answers.chemoOrRadiotherapyDate}; ${settingSource(settings, "chemoRadiotherapyMonths")}`,
    );
  for (const m of [...meds("CHEMOTHERAPY"), ...meds("RADIOTHERAPY")]) {
    if (isCurrent(m, onDate) || (m.stoppedOn && withinMonths(m.stoppedOn, chemoMonths)))
      block(
        "CHEMO_RADIOTHERAPY",
        chemoReason,
        `${medSource(m, m.class === "CHEMOTHERAPY" ? "chemotherapy" : "radiotherapy")}; ${settingSource(settings, "chemoRadiotherapyMonths")}`,
      );
  }

  // --- Isotretinoin ----------------------------------------------------------------------------
  for (const m of meds("ISOTRETINOIN")) {
    const months = settings.isotretinoinMonths;
    if (isCurrent(m, onDate) || (m.stoppedOn && withinMonths(m.stoppedOn, months))) {
      const until = m.stoppedOn ? ` (earliest ${addMonths(m.stoppedOn, months)})` : "";
      const reason = `Isotretinoin taken within the last ${months} months${until}: risk of delayed healing and atypical scarring.${settings.isotretinoinLevel === "WARN" ? " Your clinic treats this as a warning: discuss the risk and record consent." : ""}`;
      const source = `${medSource(m, "isotretinoin")}; ${settingSource(settings, "isotretinoinMonths")}, isotretinoinLevel=${settings.isotretinoinLevel}`;
      if (settings.isotretinoinLevel === "WARN") warn("ISOTRETINOIN", reason, source);
      else block("ISOTRETINOIN", reason, source);
    }
  }

  // --- Standing history ------------------------------------------------------------------------
  if (has("KELOID_TENDENCY"))
    block(
      "KELOID_TENDENCY",
      "Keloid or hypertrophic scarring tendency: needling injury can trigger new raised scars.",
      "history: keloid tendency",
    );
  if (has("BLEEDING_DISORDER"))
    block(
      "BLEEDING_DISORDER",
      "Bleeding disorder: bleeding and bruising from needling may not stop normally.",
      "history: bleeding disorder",
    );
  for (const m of meds("ANTICOAGULANT").filter((x) => isCurrent(x, onDate)))
    block(
      "ANTICOAGULANT",
      "Taking an anticoagulant: prolonged bleeding and bruising. Do not stop it without the prescriber; seek medical advice.",
      medSource(m, "anticoagulant"),
    );
  if (has("IMMUNOSUPPRESSION"))
    block(
      "IMMUNOSUPPRESSION",
      "Immunosuppressed: higher infection risk and impaired healing.",
      "history: immunosuppression",
    );
  for (const m of meds("IMMUNOSUPPRESSANT").filter((x) => isCurrent(x, onDate)))
    block(
      "IMMUNOSUPPRESSION",
      "Taking an immunosuppressant: higher infection risk and impaired healing.",
      medSource(m, "immunosuppressant"),
    );
  if (has("DIABETES_UNCONTROLLED"))
    block(
      "UNCONTROLLED_DIABETES",
      "Uncontrolled diabetes: impaired wound healing and higher infection risk.",
      "history: uncontrolled diabetes",
    );

  // --- Allergies to the needles or the numbing cream ---------------------------------------------
  const allergyFinding = (a: Allergy, code: ContraindicationCode, what: string): void => {
    const src = `${a.kind === "ALLERGY" ? "allergy" : "sensitivity"}: ${a.substance}`;
    if (a.kind === "ALLERGY")
      block(
        code,
        `Allergy to ${what}: risk of an allergic reaction during treatment.${code === "ANAESTHETIC_ALLERGY" ? " Do not use that numbing agent; an alternative needs a prescriber's decision." : " Needles must be confirmed free of it."}`,
        src,
      );
    else warn(code, `Sensitivity to ${what}: watch for irritation and consider an alternative.`, src);
  };
  if (has("NICKEL_ALLERGY"))
    block(
      "METAL_ALLERGY",
      "Allergy to nickel / stainless steel: the needles may cause an allergic reaction. Needles must be confirmed free of it.",
      "history: nickel allergy",
    );
  if (has("ANAESTHETIC_ALLERGY"))
    block(
      "ANAESTHETIC_ALLERGY",
      "Allergy to topical anaesthetic: do not use that numbing agent; an alternative needs a prescriber's decision.",
      "history: anaesthetic allergy",
    );
  for (const a of patient.allergies) {
    if (findMatch(a.substance, METAL_TERMS)) allergyFinding(a, "METAL_ALLERGY", "nickel / stainless steel");
    else if (findMatch(a.substance, ANAESTHETIC_TERMS))
      allergyFinding(a, "ANAESTHETIC_ALLERGY", `the topical anaesthetic (${a.substance})`);
  }

  // --- Warnings --------------------------------------------------------------------------------
  if (has("HERPES_SIMPLEX_HISTORY") && !answers.activeHerpesOutbreak) {
    const facial = !area || area.length === 0 || area.some((z) => FACIAL_ZONES.includes(z));
    if (facial)
      warn(
        "HERPES_HISTORY",
        "History of herpes simplex (cold sores): needling can reactivate it. Consider antiviral prophylaxis before treatment.",
        "history: herpes simplex",
      );
  }
  const fitz = patient.fitzpatrick;
  if (fitz === "IV" || fitz === "V" || fitz === "VI")
    warn(
      "FITZPATRICK_PIH_RISK",
      `Fitzpatrick type ${fitz}: higher risk of post-inflammatory hyperpigmentation. Use conservative depth (lower end of the range) and strict sun protection.`,
      `patient: Fitzpatrick ${fitz}`,
    );
  if (answers.toxinDate && withinDays(answers.toxinDate, settings.toxinDays))
    warn(
      "RECENT_TOXIN",
      `Botulinum toxin in the area on ${answers.toxinDate}, less than ${settings.toxinDays} days ago: needling may spread it before it has settled.`,
      `screening answer: toxin ${answers.toxinDate}; ${settingSource(settings, "toxinDays")}`,
    );
  if (answers.fillerDate && withinDays(answers.fillerDate, settings.fillerDays))
    warn(
      "RECENT_FILLER",
      `Dermal filler in the area on ${answers.fillerDate}, less than ${settings.fillerDays} days ago: risk of displacing the filler and of infection.`,
      `screening answer: filler ${answers.fillerDate}; ${settingSource(settings, "fillerDays")}`,
    );
  const peelDays = settings.peelLaserRetinoidDays;
  if (answers.peelLaserDate && withinDays(answers.peelLaserDate, peelDays))
    warn(
      "RECENT_PEEL_LASER",
      `Chemical peel or laser on ${answers.peelLaserDate}, less than ${peelDays} days ago: the skin barrier has not recovered; risk of irritation and pigmentation.`,
      `screening answer: peel/laser ${answers.peelLaserDate}; ${settingSource(settings, "peelLaserRetinoidDays")}`,
    );
  const retinoidReason = `Retinoid used within the last ${peelDays} days: the skin is more fragile and reactive; risk of irritation.`;
  if (answers.retinoidDate && withinDays(answers.retinoidDate, peelDays))
    warn(
      "RECENT_RETINOID",
      retinoidReason,
      `screening answer: retinoid ${answers.retinoidDate}; ${settingSource(settings, "peelLaserRetinoidDays")}`,
    );
  for (const m of meds("TOPICAL_RETINOID")) {
    if (isCurrent(m, onDate) || (m.stoppedOn && withinDays(m.stoppedOn, peelDays)))
      warn(
        "RECENT_RETINOID",
        retinoidReason,
        `${medSource(m, "topical retinoid")}; ${settingSource(settings, "peelLaserRetinoidDays")}`,
      );
  }

  return mergeByCode(found);
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

/** Validates override input text fields (for the API before applying). Throws BAD_USER_INPUT. */
export function validateOverrideInput(input: { code: string; reason: string }, path = "override"): void {
  const p = new Problems();
  requireText(p, `${path}.code`, input.code, { max: 64 });
  requireText(p, `${path}.reason`, input.reason, { max: 1000 });
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

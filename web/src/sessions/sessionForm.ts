import type { FieldError } from "../api/errors";
import { Sessions, todayIso } from "@needlework/core";
import { problemsOf, rowKey, toNumber, type Errors, type NumberValue } from "../clinical/validate";
import type {
  AdverseEventSeverity,
  PatientFieldsFragment,
  AdverseEventType,
  Device,
  ScreeningAnswersInput,
  SessionRecorderQuery,
  TreatmentSessionInput,
  Zone,
} from "../gql/graphql";

export type RecorderPlan = Extract<NonNullable<SessionRecorderQuery["plan"]>, { zones: unknown }>;
export type PlannedZone = RecorderPlan["zones"][number];
export type ScreeningQuestion = SessionRecorderQuery["screeningQuestions"][number];

export function isPlan(node: SessionRecorderQuery["plan"]): node is RecorderPlan {
  return !!node && "zones" in node;
}

export interface ZoneRow {
  key: string;
  zone: Zone | "";
  depthMm: NumberValue;
  passes: NumberValue;
}

export interface SerumRow {
  key: string;
  serumId: string;
  lotNumber: string;
  zone: Zone | "";
  overrideReason: string;
}

export interface AdverseEventRow {
  key: string;
  type: AdverseEventType | "";
  onsetOn: string;
  durationDays: NumberValue;
  severity: AdverseEventSeverity;
  /** "index of the serum row" is fragile; the serum's id and lot are what the API records. */
  serumId: string;
  lotNumber: string;
  notes: string;
}

/** Yes/no answers are "yes" / "no" / "" (not answered yet); date answers are "" or YYYY-MM-DD. */
export type AnswerValue = string;

export interface SessionFormValues {
  performedOn: string;
  rescreen: Record<string, AnswerValue>;
  /** Reason per finding code, for BLOCKs new or changed since the consultation. */
  overrides: Record<string, string>;
  device: Device;
  cartridgeNeedleCount: NumberValue;
  cartridgeLot: string;
  rfEnergy: NumberValue;
  rfPulse: NumberValue;
  zones: ZoneRow[];
  depthDeviationReason: string;
  serums: SerumRow[];
  numbingUsed: boolean;
  numbingAgent: string;
  numbingMinutes: NumberValue;
  immediateReactions: string;
  adverseEvents: AdverseEventRow[];
  aftercareGiven: boolean;
  notes: string;
}

/**
 * Core's session limits: one lot trace per application and two rollup items per different serum keep
 * a session's transaction within DynamoDB's 100 items. The recorder stops the practitioner at them
 * rather than the API refusing after.
 */
export const { MAX_SERUMS_PER_SESSION, MAX_DISTINCT_SERUMS_PER_SESSION } = Sessions;
export const SERUM_CAP_MESSAGE = `A session records at most ${MAX_SERUMS_PER_SESSION} serum applications`;
export const DISTINCT_SERUM_CAP_MESSAGE = `A session records at most ${MAX_DISTINCT_SERUMS_PER_SESSION} different serums: choose one already applied`;

/** Why another serum row cannot be added, or undefined while one can. */
export function addSerumBlocked(serums: readonly Pick<SerumRow, "serumId">[]): string | undefined {
  return serums.length >= MAX_SERUMS_PER_SESSION ? SERUM_CAP_MESSAGE : undefined;
}

/**
 * The serums row `index` may choose from when the other rows already apply as many different serums
 * as a session may (the row may keep its own or pick one of theirs); undefined while any will do.
 */
export function serumChoicesFor(
  serums: readonly Pick<SerumRow, "serumId">[],
  index: number,
): ReadonlySet<string> | undefined {
  const others = new Set(
    serums
      .filter((_, i) => i !== index)
      .map((s) => s.serumId)
      .filter(Boolean),
  );
  return others.size >= MAX_DISTINCT_SERUMS_PER_SESSION ? others : undefined;
}

export function emptySerum(zone: Zone | "" = ""): SerumRow {
  return { key: rowKey(), serumId: "", lotNumber: "", zone, overrideReason: "" };
}

export function emptyZone(): ZoneRow {
  return { key: rowKey(), zone: "", depthMm: "", passes: 2 };
}

export function emptyAdverseEvent(onsetOn: string): AdverseEventRow {
  return {
    key: rowKey(),
    type: "",
    onsetOn,
    durationDays: "",
    severity: "MILD",
    serumId: "",
    lotNumber: "",
    notes: "",
  };
}

/**
 * The recorder starts from the plan: its device and zones at their planned depth. Yes/no screening
 * answers start unanswered (they must be asked again today); dates carry over from the consultation.
 */
export function initialValues(
  plan: RecorderPlan,
  questions: readonly ScreeningQuestion[],
): SessionFormValues {
  const previous = plan.consultation.answers as Record<string, unknown>;
  const rescreen: Record<string, AnswerValue> = {};
  for (const q of questions) {
    const v = previous[q.key];
    rescreen[q.key] = q.kind === "DATE" && typeof v === "string" ? v : "";
  }
  return {
    performedOn: todayIso(),
    rescreen,
    overrides: {},
    device: plan.device ?? "PEN",
    cartridgeNeedleCount: "",
    cartridgeLot: "",
    rfEnergy: "",
    rfPulse: "",
    zones: plan.zones.map((z) => ({ key: rowKey(), zone: z.zone, depthMm: z.depthMm, passes: 2 })),
    depthDeviationReason: "",
    serums: [],
    numbingUsed: false,
    numbingAgent: "",
    numbingMinutes: 30,
    immediateReactions: "",
    adverseEvents: [],
    aftercareGiven: true,
    notes: "",
  };
}

export function answersInput(
  values: Pick<SessionFormValues, "rescreen">,
  questions: readonly ScreeningQuestion[],
): ScreeningAnswersInput {
  const out: Record<string, boolean | string | null> = {};
  for (const q of questions) {
    const v = values.rescreen[q.key] ?? "";
    if (q.kind === "BOOLEAN") out[q.key] = v === "yes" ? true : v === "no" ? false : null;
    else out[q.key] = v === "" ? null : v;
  }
  return out;
}

/** Required yes/no questions not answered yet. */
export function unanswered(
  values: SessionFormValues,
  questions: readonly ScreeningQuestion[],
): ScreeningQuestion[] {
  return questions.filter((q) => q.kind === "BOOLEAN" && q.required && !values.rescreen[q.key]);
}

export interface Deviation {
  zone: Zone;
  depthMm: number;
  planned?: { min: number; max: number };
  reason: string;
}

/** Zones treated outside the plan's range or not planned: core's rule, with core's wording. */
export function deviations(zones: readonly ZoneRow[], plan: readonly PlannedZone[]): Deviation[] {
  const treated = zones.flatMap((z) => {
    const depthMm = toNumber(z.depthMm);
    return z.zone && depthMm !== undefined ? [{ zone: z.zone, depthMm, passes: 1 }] : [];
  });
  return Sessions.depthDeviations(treated, plan).map((d) => ({
    zone: d.zone,
    depthMm: d.depthMm,
    ...(d.plannedMinMm !== undefined && d.plannedMaxMm !== undefined
      ? { planned: { min: d.plannedMinMm, max: d.plannedMaxMm } }
      : {}),
    reason: d.reason,
  }));
}

const numberOr = (v: NumberValue): number => toNumber(v) ?? Number.NaN;

/**
 * Core's rules for a session (validateRecordSessionInput: the API's), as errors on the form's
 * fields. A choice left empty is "required" rather than core's list of allowed values.
 */
export function validateSession(
  v: SessionFormValues,
  plan: readonly PlannedZone[],
  questions: readonly ScreeningQuestion[],
  now: Date = new Date(),
): Errors {
  const cartridge =
    v.device === "PEN" || v.cartridgeLot.trim() || toNumber(v.cartridgeNeedleCount) !== undefined
      ? { needleCount: numberOr(v.cartridgeNeedleCount), lotNumber: v.cartridgeLot }
      : null;
  const problems = problemsOf(() =>
    Sessions.validateRecordSessionInput(
      {
        // The page supplies the plan and the site; they are not the form's to check.
        planId: "plan",
        siteId: "site",
        performedOn: v.performedOn,
        device: v.device,
        cartridge,
        rf:
          v.device === "RF_MICRONEEDLING"
            ? { energyLevel: numberOr(v.rfEnergy), pulseDurationMs: numberOr(v.rfPulse) }
            : null,
        zones: v.zones.map((z) => ({
          zone: z.zone,
          depthMm: numberOr(z.depthMm),
          passes: numberOr(z.passes),
        })),
        depthDeviationReason: v.depthDeviationReason,
        serums: v.serums.map((s) => ({
          serumId: s.serumId,
          lotNumber: s.lotNumber,
          zone: s.zone,
          overrideReason: s.overrideReason,
        })),
        numbing: v.numbingUsed ? { agent: v.numbingAgent, minutes: numberOr(v.numbingMinutes) } : null,
        immediateReactions: v.immediateReactions,
        aftercareGiven: v.aftercareGiven,
        adverseEvents: v.adverseEvents.map((a) => ({
          type: a.type,
          onsetOn: a.onsetOn,
          durationDays: toNumber(a.durationDays) ?? null,
          severity: a.severity,
          serumId: a.serumId,
          lotNumber: a.lotNumber,
          notes: a.notes,
        })),
        rescreen: answersInput(v, questions),
        notes: v.notes,
      },
      { planZones: plan, now },
    ),
  );
  const e: Errors = {};
  for (const f of problems) {
    const at = formPath(f.path);
    if (at && !(at in e)) e[at] = f.reason;
  }
  const empty = (at: string, value: string) => {
    if (value === "" && at in e) e[at] = "is required";
  };
  v.zones.forEach((z, i) => empty(`zones.${i}.zone`, z.zone));
  v.serums.forEach((s, i) => empty(`serums.${i}.zone`, s.zone));
  v.adverseEvents.forEach((a, i) => empty(`adverseEvents.${i}.type`, a.type));
  if (e.serums)
    e.serums = v.serums.length > MAX_SERUMS_PER_SESSION ? SERUM_CAP_MESSAGE : DISTINCT_SERUM_CAP_MESSAGE;
  return e;
}

const orNull = (s: string): string | null => (s.trim() === "" ? null : s.trim());

export function toSessionInput(
  v: SessionFormValues,
  ctx: {
    planId: string;
    siteId: string;
    questions: readonly ScreeningQuestion[];
    overrideCodes: readonly string[];
  },
): TreatmentSessionInput {
  const needles = toNumber(v.cartridgeNeedleCount);
  const withCartridge = v.device !== "DERMAROLLER" && needles !== undefined && v.cartridgeLot.trim() !== "";
  return {
    planId: ctx.planId,
    siteId: ctx.siteId,
    performedOn: v.performedOn,
    device: v.device,
    cartridge: withCartridge ? { needleCount: needles, lotNumber: v.cartridgeLot.trim() } : null,
    rf:
      v.device === "RF_MICRONEEDLING"
        ? { energyLevel: toNumber(v.rfEnergy) ?? 0, pulseDurationMs: toNumber(v.rfPulse) ?? 0 }
        : null,
    zones: v.zones.map((z) => ({
      zone: z.zone as Zone,
      depthMm: toNumber(z.depthMm) ?? 0,
      passes: toNumber(z.passes) ?? 0,
    })),
    depthDeviationReason: orNull(v.depthDeviationReason),
    serumsApplied: v.serums.map((s) => ({
      serumId: s.serumId,
      lotNumber: s.lotNumber.trim(),
      zone: s.zone as Zone,
      overrideReason: orNull(s.overrideReason),
    })),
    numbing: v.numbingUsed
      ? { agent: v.numbingAgent.trim(), minutes: toNumber(v.numbingMinutes) ?? 0 }
      : null,
    immediateReactions: orNull(v.immediateReactions),
    aftercareGiven: v.aftercareGiven,
    adverseEvents: v.adverseEvents.map((a) => ({
      type: a.type as AdverseEventType,
      onsetOn: a.onsetOn,
      durationDays: toNumber(a.durationDays) ?? null,
      severity: a.severity,
      serumId: orNull(a.serumId),
      lotNumber: orNull(a.lotNumber),
      notes: orNull(a.notes),
    })),
    rescreen: answersInput(v, ctx.questions),
    overrides: ctx.overrideCodes
      .filter((code) => (v.overrides[code] ?? "").trim() !== "")
      .map((code) => ({ code, reason: (v.overrides[code] ?? "").trim() })),
    notes: orNull(v.notes),
  };
}

/**
 * Where an API field error goes on this form. The API names paths after its input
 * (`cartridge.lotNumber`, `serumsApplied.0.lotNumber`, `rf.energyLevel`; the store says `serums.0`).
 */
export function formPath(apiPath: string): string | undefined {
  const p = apiPath.replace(/^input\./, "").replace(/^serumsApplied\./, "serums.");
  const direct: Record<string, string> = {
    performedOn: "performedOn",
    cartridge: "cartridgeLot",
    "cartridge.needleCount": "cartridgeNeedleCount",
    "cartridge.lotNumber": "cartridgeLot",
    rf: "rfEnergy",
    "rf.energyLevel": "rfEnergy",
    "rf.pulseDurationMs": "rfPulse",
    zones: "zones",
    serums: "serums",
    depthDeviationReason: "depthDeviationReason",
    numbing: "numbingAgent",
    "numbing.agent": "numbingAgent",
    "numbing.minutes": "numbingMinutes",
    immediateReactions: "immediateReactions",
    notes: "notes",
  };
  if (direct[p]) return direct[p];
  if (/^rescreen\.\w+$/.test(p)) return p;
  if (/^zones\.\d+\.(zone|depthMm|passes)$/.test(p)) return p;
  if (/^serums\.\d+\.(serumId|lotNumber|zone|overrideReason)$/.test(p)) return p;
  if (/^serums\.\d+$/.test(p)) return `${p}.lotNumber`;
  if (/^adverseEvents\.\d+\.(type|onsetOn|durationDays|severity|serumId|lotNumber|notes)$/.test(p)) return p;
  return undefined;
}

export function placeErrors(fields: readonly FieldError[]): { errors: Errors; unplaced: FieldError[] } {
  const errors: Errors = {};
  const unplaced: FieldError[] = [];
  for (const f of fields) {
    const at = formPath(f.path);
    if (at) errors[at] = f.reason;
    else unplaced.push(f);
  }
  return { errors, unplaced };
}

export const FIELD_LABELS: Record<string, string> = {
  performedOn: "Session date",
  cartridgeNeedleCount: "Needle count",
  cartridgeLot: "Cartridge lot",
  rfEnergy: "Energy level",
  rfPulse: "Pulse duration",
  zone: "Zone",
  zones: "Zones",
  depthMm: "Depth",
  passes: "Passes",
  depthDeviationReason: "Reason for the depth",
  serums: "Serums",
  serumId: "Serum",
  lotNumber: "Lot",
  overrideReason: "Override reason",
  numbingAgent: "Numbing agent",
  numbingMinutes: "Minutes",
  immediateReactions: "Immediate reactions",
  type: "Type",
  onsetOn: "Onset",
  durationDays: "Duration",
  severity: "Severity",
  notes: "Notes",
  overrides: "Override",
  code: "Override",
  reason: "Reason",
  idempotencyKey: "This save",
};

/**
 * The numbing agent against the patient's allergies and history, as the practitioner types: the
 * API does not check the agent, so the warning is the portal's (the screen already blocks on the
 * anaesthetic allergy itself).
 */
export function numbingWarning(
  patient: Pick<PatientFieldsFragment, "allergies" | "historyFlags">,
  agent: string,
): string | undefined {
  const typed = agent.trim().toLowerCase();
  const hit = typed
    ? patient.allergies.find((a) => typed.includes(a.substance.trim().toLowerCase()))
    : undefined;
  if (hit)
    return `The patient is ${hit.kind === "ALLERGY" ? "allergic" : "sensitive"} to ${hit.substance}: choose another agent or none.`;
  if (patient.historyFlags.includes("ANAESTHETIC_ALLERGY"))
    return "The patient is allergic to topical anaesthetic.";
  return undefined;
}

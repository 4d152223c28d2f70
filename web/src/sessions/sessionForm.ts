import type { FieldError } from "../api/errors";
import { DEPTH_MAX_MM, DEPTH_MIN_MM, ZONE } from "../clinical/labels";
import {
  date,
  numberInRange,
  rowKey,
  text,
  toNumber,
  type Errors,
  type NumberValue,
} from "../clinical/validate";
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
import { todayIso } from "@needlework/core";

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
 * The store's session limits (packages/store/src/clinical/sessions.ts MAX_SERUMS_PER_SESSION,
 * MAX_DISTINCT_SERUMS_PER_SESSION; sessionForm.test.ts keeps them equal): one lot trace per
 * application and two rollup items per different serum keep a session's transaction within
 * DynamoDB's 100 items. The recorder stops the practitioner at them rather than the API refusing after.
 */
export const MAX_SERUMS_PER_SESSION = 12;
export const MAX_DISTINCT_SERUMS_PER_SESSION = 5;
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

const EPS = 1e-9;

/** Zones treated outside the plan's range or not planned: core's rule, with core's wording. */
export function deviations(zones: readonly ZoneRow[], plan: readonly PlannedZone[]): Deviation[] {
  const out: Deviation[] = [];
  for (const z of zones) {
    const depth = toNumber(z.depthMm);
    if (!z.zone || depth === undefined) continue;
    const planned = plan.find((p) => p.zone === z.zone);
    const label = ZONE[z.zone];
    if (!planned) out.push({ zone: z.zone, depthMm: depth, reason: `${label} was not in the plan` });
    else if (depth < planned.depthMinMm - EPS || depth > planned.depthMaxMm + EPS)
      out.push({
        zone: z.zone,
        depthMm: depth,
        planned: { min: planned.depthMinMm, max: planned.depthMaxMm },
        reason: `${label}: ${depth} mm is outside the planned ${planned.depthMinMm}–${planned.depthMaxMm} mm`,
      });
  }
  return out;
}

/** The API's rules for a session (core's validateSessionInput), as errors on the form's fields. */
export function validateSession(
  v: SessionFormValues,
  plan: readonly PlannedZone[],
  questions: readonly ScreeningQuestion[],
  now: Date = new Date(),
): Errors {
  const e: Errors = {};
  const today = todayIso(now);
  date(e, "performedOn", v.performedOn, { notAfter: today, notBefore: "2000-01-01" });
  for (const q of questions) {
    const a = v.rescreen[q.key] ?? "";
    if (q.kind === "BOOLEAN" && q.required && !a) e[`rescreen.${q.key}`] = "must be answered yes or no";
    if (q.kind === "DATE")
      date(e, `rescreen.${q.key}`, a, { required: false, notAfter: v.performedOn || today });
  }

  if (v.device === "PEN" || v.cartridgeLot.trim() || toNumber(v.cartridgeNeedleCount) !== undefined) {
    numberInRange(e, "cartridgeNeedleCount", v.cartridgeNeedleCount, 1, 100, {
      integer: true,
      unit: "needles",
    });
    text(e, "cartridgeLot", v.cartridgeLot, { max: 64 });
  }
  if (v.device === "RF_MICRONEEDLING") {
    const energy = numberInRange(e, "rfEnergy", v.rfEnergy, 0, 100);
    if (energy === 0) e.rfEnergy = "must be above 0";
    const pulse = numberInRange(e, "rfPulse", v.rfPulse, 0, 1000, { unit: "ms" });
    if (pulse === 0) e.rfPulse = "must be above 0";
  }

  if (v.zones.length === 0) e.zones = "record at least one treated zone";
  const seen = new Set<string>();
  v.zones.forEach((z, i) => {
    if (!z.zone) e[`zones.${i}.zone`] = "is required";
    else if (seen.has(z.zone)) e[`zones.${i}.zone`] = `${ZONE[z.zone]} is recorded twice`;
    else seen.add(z.zone);
    numberInRange(e, `zones.${i}.depthMm`, z.depthMm, DEPTH_MIN_MM, DEPTH_MAX_MM, { unit: "mm" });
    numberInRange(e, `zones.${i}.passes`, z.passes, 1, 10, { integer: true, unit: "passes" });
  });
  const devs = deviations(v.zones, plan);
  text(e, "depthDeviationReason", v.depthDeviationReason, { max: 1000, required: false });
  if (devs.length > 0 && !v.depthDeviationReason.trim())
    e.depthDeviationReason = `give a reason for treating outside the plan (${devs.map((d) => d.reason).join("; ")})`;

  const treated = new Set(v.zones.map((z) => z.zone));
  if (v.serums.length > MAX_SERUMS_PER_SESSION) e.serums = SERUM_CAP_MESSAGE;
  else if (new Set(v.serums.map((s) => s.serumId).filter(Boolean)).size > MAX_DISTINCT_SERUMS_PER_SESSION)
    e.serums = DISTINCT_SERUM_CAP_MESSAGE;
  const serumLots = new Set<string>();
  v.serums.forEach((s, i) => {
    if (!s.serumId) e[`serums.${i}.serumId`] = "is required";
    text(e, `serums.${i}.lotNumber`, s.lotNumber, { max: 64 });
    if (!s.zone) e[`serums.${i}.zone`] = "is required";
    else if (!treated.has(s.zone)) e[`serums.${i}.zone`] = `${ZONE[s.zone]} was not treated in this session`;
    text(e, `serums.${i}.overrideReason`, s.overrideReason, { max: 1000, required: false });
    const k = `${s.serumId}|${s.lotNumber.trim().toUpperCase()}|${s.zone}`;
    if (s.serumId && s.lotNumber && s.zone && serumLots.has(k))
      e[`serums.${i}.lotNumber`] = "the same serum lot is recorded twice for this zone";
    serumLots.add(k);
  });

  if (v.numbingUsed) {
    text(e, "numbingAgent", v.numbingAgent, { max: 100 });
    numberInRange(e, "numbingMinutes", v.numbingMinutes, 0, 120, { integer: true, unit: "minutes" });
  }
  text(e, "immediateReactions", v.immediateReactions, { max: 2000, required: false });
  text(e, "notes", v.notes, { max: 4000, required: false });

  v.adverseEvents.forEach((a, i) => {
    if (!a.type) e[`adverseEvents.${i}.type`] = "is required";
    date(e, `adverseEvents.${i}.onsetOn`, a.onsetOn, {
      notAfter: today,
      notBefore: v.performedOn || undefined,
    });
    numberInRange(e, `adverseEvents.${i}.durationDays`, a.durationDays, 0, 365, {
      integer: true,
      unit: "days",
      required: false,
    });
    if (a.lotNumber.trim() && !a.serumId)
      e[`adverseEvents.${i}.serumId`] = "name the serum the lot belongs to";
    text(e, `adverseEvents.${i}.notes`, a.notes, { max: 2000, required: false });
  });
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

import { DEVICE_DEPTH_MAX_MM, DEVICE_DEPTH_MIN_MM, ZONES, ZONE_LABELS, type Zone } from "./concerns";
import {
  validateOverrideInput,
  validateScreeningAnswers,
  type ContraindicationFinding,
  type ScreeningAnswers,
} from "./contraindications";
import { DEVICES, type Device } from "./devices";
import type { Allergy } from "./patient";
import type { PlanZone } from "./protocols";
import { reasonProblem } from "./safety/overrides";
import { checkSerumApplication, type Serum } from "./serums";
import type { ClinicSettings } from "./settings";
import {
  Problems,
  addDays,
  collectProblems,
  isIsoDate,
  daysBetween,
  requireDate,
  requireNumberInRange,
  requireOneOf,
  requireText,
  todayIso,
} from "./validate";

/**
 * Treatment sessions: input validation, adverse events and the aftercare sheet
 * (DOMAIN.md "Devices", "Adverse events", "Aftercare").
 */

export interface CartridgeInput {
  needleCount: number;
  lotNumber: string;
}

/** RF settings as the device displays them. */
export interface RfSettings {
  /** Power or energy level (device units: level, W or mJ), > 0 and ≤ 100. */
  energyLevel: number;
  /** Pulse duration in milliseconds, > 0 and ≤ 1000. */
  pulseDurationMs: number;
}

export interface SessionZoneInput {
  zone: string;
  depthMm: number;
  passes: number;
}

export interface SerumAppliedInput {
  serumId: string;
  lotNumber: string;
  zone: string;
}

export interface NumbingInput {
  agent: string;
  minutes: number;
}

export const ADVERSE_EVENT_TYPES = [
  "ERYTHEMA_OEDEMA",
  "PIH",
  "INFECTION",
  "HERPES_REACTIVATION",
  "GRANULOMA",
  "TRAM_TRACK_SCARRING",
  "ALLERGIC_REACTION",
  "OTHER",
] as const;
export type AdverseEventType = (typeof ADVERSE_EVENT_TYPES)[number];

export const ADVERSE_EVENT_LABELS: Readonly<Record<AdverseEventType, string>> = {
  ERYTHEMA_OEDEMA: "Redness / swelling",
  PIH: "Post-inflammatory hyperpigmentation",
  INFECTION: "Infection",
  HERPES_REACTIVATION: "Herpes (cold sore) reactivation",
  GRANULOMA: "Granuloma",
  TRAM_TRACK_SCARRING: "Tram-track scarring",
  ALLERGIC_REACTION: "Allergic reaction",
  OTHER: "Other",
};

export const SEVERITIES = ["MILD", "MODERATE", "SEVERE"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Erythema / oedema is expected for up to 3 days and abnormal past 7 (DOMAIN.md). */
export const ERYTHEMA_EXPECTED_DAYS = 3;
export const ERYTHEMA_ABNORMAL_AFTER_DAYS = 7;

export interface AdverseEventInput {
  type: string;
  onsetOn: string;
  /** Days it lasted; null/absent while ongoing. */
  durationDays?: number | null;
  severity: string;
  serumId?: string | null;
  lotNumber?: string | null;
  notes?: string | null;
}

export interface AdverseEvent {
  type: AdverseEventType;
  onsetOn: string;
  durationDays?: number | undefined;
  severity: Severity;
  serumId?: string | undefined;
  lotNumber?: string | undefined;
  notes?: string | undefined;
}

export interface SessionInput {
  planId?: string | null;
  performedOn: string;
  device: string;
  /** Required for PEN; optional for the other devices. */
  cartridge?: CartridgeInput | null;
  /** Required for RF_MICRONEEDLING. */
  rf?: RfSettings | null;
  zones: SessionZoneInput[];
  /** Required when any zone's depth is outside the plan's range for that zone (or not planned). */
  depthDeviationReason?: string | null;
  serums?: SerumAppliedInput[] | null;
  numbing?: NumbingInput | null;
  immediateReactions?: string | null;
  aftercareGiven?: boolean | null;
  adverseEvents?: AdverseEventInput[] | null;
  notes?: string | null;
}

export interface SessionZone {
  zone: Zone;
  depthMm: number;
  passes: number;
}

export interface SerumApplied {
  serumId: string;
  lotNumber: string;
  zone: Zone;
}

export interface ValidSessionFields {
  planId?: string | undefined;
  performedOn: string;
  device: Device;
  cartridge?: CartridgeInput | undefined;
  rf?: RfSettings | undefined;
  zones: SessionZone[];
  depthDeviationReason?: string | undefined;
  serums: SerumApplied[];
  numbing?: NumbingInput | undefined;
  immediateReactions?: string | undefined;
  aftercareGiven: boolean;
  adverseEvents: AdverseEvent[];
  notes?: string | undefined;
}

export interface DepthDeviation {
  zone: Zone;
  depthMm: number;
  /** Absent when the zone was not in the plan. */
  plannedMinMm?: number;
  plannedMaxMm?: number;
  reason: string;
}

const EPS = 1e-9;

/** Zones treated outside the plan's range (or not planned at all). No plan: no deviations. */
export function depthDeviations(
  zones: readonly SessionZone[],
  planZones: readonly PlanZone[] | null | undefined,
): DepthDeviation[] {
  if (!planZones) return [];
  const out: DepthDeviation[] = [];
  for (const z of zones) {
    const planned = planZones.find((p) => p.zone === z.zone);
    const label = ZONE_LABELS[z.zone];
    if (!planned) out.push({ zone: z.zone, depthMm: z.depthMm, reason: `${label} was not in the plan` });
    else if (z.depthMm < planned.depthMinMm - EPS || z.depthMm > planned.depthMaxMm + EPS)
      out.push({
        zone: z.zone,
        depthMm: z.depthMm,
        plannedMinMm: planned.depthMinMm,
        plannedMaxMm: planned.depthMaxMm,
        reason: `${label}: ${z.depthMm} mm is outside the planned ${planned.depthMinMm}–${planned.depthMaxMm} mm`,
      });
  }
  return out;
}

/** Validates one adverse event. `notBefore` is usually the session date. */
export function validateAdverseEventInput(
  p: Problems,
  path: string,
  input: AdverseEventInput,
  opts: { notBefore?: string; today: string },
): AdverseEvent | undefined {
  const type = requireOneOf(p, `${path}.type`, input.type, ADVERSE_EVENT_TYPES);
  const onsetOn = requireDate(p, `${path}.onsetOn`, input.onsetOn, {
    notAfter: opts.today,
    ...(opts.notBefore ? { notBefore: opts.notBefore } : {}),
  });
  const durationDays =
    input.durationDays == null
      ? undefined
      : requireNumberInRange(p, `${path}.durationDays`, input.durationDays, 0, 365, {
          integer: true,
          unit: "days",
        });
  const severity = requireOneOf(p, `${path}.severity`, input.severity, SEVERITIES);
  const serumId = requireText(p, `${path}.serumId`, input.serumId, { max: 64, required: false });
  const lotNumber = requireText(p, `${path}.lotNumber`, input.lotNumber, { max: 64, required: false });
  if (lotNumber && !serumId) p.add(`${path}.serumId`, "name the serum the lot belongs to");
  const notes = requireText(p, `${path}.notes`, input.notes, { max: 2000, required: false });
  if (!type || !onsetOn || !severity) return undefined;
  return { type, onsetOn, durationDays, severity, serumId, lotNumber, notes };
}

/** Validates a standalone adverse event (reported after the session). Throws BAD_USER_INPUT. */
export function validateAdverseEvent(
  input: AdverseEventInput,
  sessionOn?: string,
  now: Date = new Date(),
): AdverseEvent {
  const p = new Problems();
  const e = validateAdverseEventInput(p, "adverseEvent", input, {
    today: todayIso(now),
    ...(sessionOn ? { notBefore: sessionOn } : {}),
  });
  p.throwIfAny();
  return e!;
}

export type AdverseEventClass = "EXPECTED" | "PROLONGED" | "ABNORMAL";

/**
 * Erythema / oedema: EXPECTED up to 3 days, PROLONGED 4–7 days, ABNORMAL past 7 (day 8 on). While
 * ongoing, the days since onset up to `onDate` (default today) count, so an event left open ages
 * (Safety.adverseEventStatus reads its class from here). Every other adverse event type is ABNORMAL.
 */
export function classifyAdverseEvent(
  e: Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">,
  onDate: string = todayIso(),
): AdverseEventClass {
  if (e.type !== "ERYTHEMA_OEDEMA") return "ABNORMAL";
  const days = e.durationDays ?? daysBetween(e.onsetOn, onDate);
  if (days > ERYTHEMA_ABNORMAL_AFTER_DAYS) return "ABNORMAL";
  if (days > ERYTHEMA_EXPECTED_DAYS) return "PROLONGED";
  return "EXPECTED";
}

/** The practitioner-facing flag for an abnormal event as of `onDate` (default today), or undefined. */
export function adverseEventFlag(
  e: Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">,
  onDate: string = todayIso(),
): string | undefined {
  if (e.type === "ERYTHEMA_OEDEMA")
    return classifyAdverseEvent(e, onDate) === "ABNORMAL"
      ? `Redness / swelling beyond ${ERYTHEMA_ABNORMAL_AFTER_DAYS} days is abnormal: review for infection, allergy or a reaction to a serum.`
      : undefined;
  return `${ADVERSE_EVENT_LABELS[e.type]}: adverse event, review and follow up.`;
}

/**
 * Validates a session record. Throws BAD_USER_INPUT listing every problem. Returns the deviations
 * from the plan (which are allowed, with a `depthDeviationReason`).
 */
export function validateSessionInput(
  input: SessionInput,
  ctx: { planZones?: readonly PlanZone[] | null; now?: Date } = {},
): { session: ValidSessionFields; deviations: DepthDeviation[] } {
  const p = new Problems();
  const today = todayIso(ctx.now ?? new Date());
  const planId = requireText(p, "planId", input.planId, { max: 64, required: false });
  const performedOn = requireDate(p, "performedOn", input.performedOn, {
    notAfter: today,
    notBefore: "2000-01-01",
  });
  const device = requireOneOf(p, "device", input.device, DEVICES);

  let cartridge: CartridgeInput | undefined;
  if (input.cartridge != null) {
    const needleCount = requireNumberInRange(
      p,
      "cartridge.needleCount",
      input.cartridge.needleCount,
      1,
      100,
      { integer: true, unit: "needles" },
    );
    const lotNumber = requireText(p, "cartridge.lotNumber", input.cartridge.lotNumber, { max: 64 });
    if (needleCount !== undefined && lotNumber) cartridge = { needleCount, lotNumber };
  } else if (device === "PEN")
    p.add("cartridge", "a pen session needs the cartridge's needle count and lot number");

  let rf: RfSettings | undefined;
  if (device === "RF_MICRONEEDLING") {
    if (input.rf == null) p.add("rf", "an RF session needs its energy level and pulse duration");
    else {
      const positive = (path: string, v: number | undefined): number | undefined => {
        if (v === 0) p.add(path, "must be above 0");
        return v === 0 ? undefined : v;
      };
      const energyLevel = positive(
        "rf.energyLevel",
        requireNumberInRange(p, "rf.energyLevel", input.rf.energyLevel, 0, 100),
      );
      const pulseDurationMs = positive(
        "rf.pulseDurationMs",
        requireNumberInRange(p, "rf.pulseDurationMs", input.rf.pulseDurationMs, 0, 1000, { unit: "ms" }),
      );
      if (energyLevel !== undefined && pulseDurationMs !== undefined) rf = { energyLevel, pulseDurationMs };
    }
  } else if (input.rf != null) p.add("rf", "RF settings only apply to RF microneedling");

  const zones: SessionZone[] = [];
  // Every zone named so far, so a zone named twice is reported even when the first entry has other problems.
  const named = new Set<Zone>();
  if (!input.zones || input.zones.length === 0) p.add("zones", "record at least one treated zone");
  (input.zones ?? []).forEach((z, i) => {
    const zone = requireOneOf(p, `zones.${i}.zone`, z.zone, ZONES);
    const depthMm = requireNumberInRange(
      p,
      `zones.${i}.depthMm`,
      z.depthMm,
      DEVICE_DEPTH_MIN_MM,
      DEVICE_DEPTH_MAX_MM,
      { unit: "mm" },
    );
    const passes = requireNumberInRange(p, `zones.${i}.passes`, z.passes, 1, 10, {
      integer: true,
      unit: "passes",
    });
    if (zone && named.has(zone)) p.add(`zones.${i}.zone`, `${ZONE_LABELS[zone]} is recorded twice`);
    else if (zone && depthMm !== undefined && passes !== undefined) zones.push({ zone, depthMm, passes });
    if (zone) named.add(zone);
  });

  const deviations = depthDeviations(zones, ctx.planZones);
  const depthDeviationReason = requireText(p, "depthDeviationReason", input.depthDeviationReason, {
    max: 1000,
    required: false,
  });
  if (deviations.length > 0 && !depthDeviationReason)
    p.add(
      "depthDeviationReason",
      `give a reason for treating outside the plan (${deviations.map((d) => d.reason).join("; ")})`,
    );

  const serums: SerumApplied[] = [];
  (input.serums ?? []).forEach((s, i) => {
    const serumId = requireText(p, `serums.${i}.serumId`, s.serumId, { max: 64 });
    const lotNumber = requireText(p, `serums.${i}.lotNumber`, s.lotNumber, { max: 64 });
    const zone = requireOneOf(p, `serums.${i}.zone`, s.zone, ZONES);
    if (zone && !(input.zones ?? []).some((z) => z.zone === zone))
      p.add(`serums.${i}.zone`, `${ZONE_LABELS[zone]} was not treated in this session`);
    if (serumId && lotNumber && zone) serums.push({ serumId, lotNumber, zone });
  });

  let numbing: NumbingInput | undefined;
  if (input.numbing != null) {
    const agent = requireText(p, "numbing.agent", input.numbing.agent, { max: 100 });
    const minutes = requireNumberInRange(p, "numbing.minutes", input.numbing.minutes, 0, 120, {
      integer: true,
      unit: "minutes",
    });
    if (agent && minutes !== undefined) numbing = { agent, minutes };
  }
  const immediateReactions = requireText(p, "immediateReactions", input.immediateReactions, {
    max: 2000,
    required: false,
  });
  const notes = requireText(p, "notes", input.notes, { max: 4000, required: false });

  const adverseEvents: AdverseEvent[] = [];
  (input.adverseEvents ?? []).forEach((e, i) => {
    const v = validateAdverseEventInput(p, `adverseEvents.${i}`, e, {
      today,
      ...(performedOn ? { notBefore: performedOn } : {}),
    });
    if (v) adverseEvents.push(v);
  });

  p.throwIfAny();
  return {
    session: {
      planId,
      performedOn: performedOn!,
      device: device!,
      cartridge,
      rf,
      zones,
      depthDeviationReason,
      serums,
      numbing,
      immediateReactions,
      aftercareGiven: input.aftercareGiven ?? false,
      adverseEvents,
      notes,
    },
    deviations,
  };
}

/**
 * Runs the serum checks for every serum applied in a session (all applied during needling).
 * An unknown serum id is a BLOCK that cannot be overridden. Each finding's path says which entry.
 */
export function checkSessionSerums(input: {
  serums: readonly SerumApplied[];
  catalogue: readonly Serum[];
  patient: { allergies: readonly Allergy[] };
  onDate: string;
  settings?: Readonly<ClinicSettings>;
}): (ContraindicationFinding & { path: string })[] {
  const out: (ContraindicationFinding & { path: string })[] = [];
  input.serums.forEach((s, i) => {
    const path = `serums.${i}`;
    const serum = input.catalogue.find((c) => c.id === s.serumId);
    if (!serum) {
      out.push({
        path,
        code: "SERUM_UNKNOWN",
        level: "BLOCK",
        overridable: false,
        reason: `Serum ${s.serumId} is not in the catalogue.`,
        source: `serum: ${s.serumId}`,
      });
      return;
    }
    for (const f of checkSerumApplication({
      patient: input.patient,
      serum,
      lotNumber: s.lotNumber,
      onDate: input.onDate,
      duringNeedling: true,
      ...(input.settings ? { settings: input.settings } : {}),
    }))
      out.push({ ...f, path });
  });
  return out;
}

/** The seed's aftercare advice (DOMAIN.md "Aftercare"), in order, in plain language. */
export const AFTERCARE_SEED: readonly string[] = [
  "Be gentle with your skin for the next couple of days.",
  "Do not wash the treated area for the rest of today.",
  "Avoid heat and sun.",
  "No gym or anything else that makes you sweat.",
  "No make-up for 24 hours.",
  "No actives (retinoids, acids, vitamin C) for 3–7 days.",
  "Use SPF every day.",
  "Results are temporary: book your retreatment.",
];

/**
 * The aftercare sheet for a session: the seed advice with the clinic's own numbers and the session's
 * dates filled in, what to watch for, then the clinic's own text (one line per non-empty line).
 */
export function aftercareSheet(
  settings: Readonly<
    Pick<ClinicSettings, "activesAfterNeedlingDays" | "retreatmentMonths" | "aftercareText">
  >,
  session: { performedOn?: string } = {},
): string[] {
  const n = settings.activesAfterNeedlingDays;
  const restart = session.performedOn
    ? ` (restart on ${addDays(session.performedOn, n)} at the earliest)`
    : "";
  const lines = AFTERCARE_SEED.map((line) => {
    if (line.startsWith("No actives"))
      return `No actives (retinoids, acids, vitamin C) for ${n} days${restart}.`;
    if (line.startsWith("Results are temporary"))
      return `Results are temporary: book your next session, and once the course is complete a retreatment in about ${settings.retreatmentMonths} months.`;
    return line;
  });
  lines.push(
    `Redness and swelling are normal for ${ERYTHEMA_EXPECTED_DAYS} days or so. Contact us if they last more than ${ERYTHEMA_ABNORMAL_AFTER_DAYS} days, or if you notice pus, blisters, cold sores, a rash or dark patches.`,
  );
  for (const l of settings.aftercareText.split(/\r?\n/)) if (l.trim()) lines.push(l.trim());
  return lines;
}

// --- Recording a session --------------------------------------------------------------------------

/**
 * At most this many serum applications (a serum on a zone) per session, one lot trace each, and at
 * most this many different serums (each a rollup value: two items). With the plan's concerns
 * (MAX_CONCERNS_PER_PLAN) they keep a session's transaction within DynamoDB's 100 items, courses'
 * counters included (docs/STORAGE.md "Transaction size"; test/integration/transaction-size.test.ts).
 */
export const MAX_SERUMS_PER_SESSION = 12;
export const MAX_DISTINCT_SERUMS_PER_SESSION = 5;

export interface SerumApplicationInput {
  serumId: string;
  lotNumber: string;
  zone: string;
  /** Proceeds despite an overridable BLOCK (allergy, clearance, actives); never for a bad lot. */
  overrideReason?: string | null;
}

/** A session as recorded against a plan, with the day's screening answers and overrides. */
export interface RecordSessionInput extends Omit<SessionInput, "serums" | "planId"> {
  /** The plan's local id (`<patientId>|<startDate>|<planId>`). */
  planId: string;
  siteId: string;
  serums?: SerumApplicationInput[] | null;
  /** The day's screening answers (the questions of the consultation). */
  rescreen: Partial<Record<keyof ScreeningAnswers, unknown>>;
  /** Overrides of findings that are new or changed since the consultation. */
  overrides?: { code: string; reason: string }[] | null;
}

/**
 * Validates a session to record: the session itself (validateSessionInput), the serum caps, no lot
 * recorded twice on a zone, the day's screening answers and the overrides, every problem at once
 * (BAD_USER_INPUT). Run before any read, then again with the plan's zones for depth deviations.
 */
export function validateRecordSessionInput(
  input: RecordSessionInput,
  ctx: { planZones?: readonly PlanZone[] | null; now?: Date } = {},
): { session: ValidSessionFields; deviations: DepthDeviation[]; answers: ScreeningAnswers } {
  const p = new Problems();
  if (!input.planId) p.add("planId", "is required");
  if (!input.siteId) p.add("siteId", "is required");
  const serums = input.serums ?? [];
  if (serums.length > MAX_SERUMS_PER_SESSION)
    p.add("serums", `at most ${MAX_SERUMS_PER_SESSION} serum applications per session`);
  if (new Set(serums.map((s) => s.serumId)).size > MAX_DISTINCT_SERUMS_PER_SESSION)
    p.add("serums", `at most ${MAX_DISTINCT_SERUMS_PER_SESSION} different serums per session`);
  const seen = new Set<string>();
  serums.forEach((s, i) => {
    const k = `${s.serumId}\u0000${(s.lotNumber ?? "").trim().toUpperCase()}\u0000${s.zone}`;
    if (seen.has(k)) p.add(`serums.${i}`, "the same serum lot is recorded twice for this zone");
    seen.add(k);
    // An empty reason means no override; one given must say something (Safety.reasonProblem).
    const weak = s.overrideReason?.trim() ? reasonProblem(s.overrideReason) : undefined;
    if (weak) p.add(`serums.${i}.overrideReason`, weak);
  });
  (input.overrides ?? []).forEach((o, i) =>
    collectProblems(p, "", () => validateOverrideInput(o, `overrides.${i}`)),
  );
  const core = collectProblems(p, "", () =>
    validateSessionInput(
      { ...input, planId: null },
      { planZones: ctx.planZones ?? null, ...(ctx.now ? { now: ctx.now } : {}) },
    ),
  );
  const onDate =
    typeof input.performedOn === "string" && isIsoDate(input.performedOn)
      ? input.performedOn
      : todayIso(ctx.now);
  const answers = collectProblems(p, "rescreen", () =>
    validateScreeningAnswers(input.rescreen ?? {}, onDate),
  );
  p.throwIfAny();
  return { ...core!, answers: answers! };
}

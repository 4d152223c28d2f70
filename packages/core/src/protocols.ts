import {
  DEVICE_DEPTH_MAX_MM,
  DEVICE_DEPTH_MIN_MM,
  INDICATIONS,
  INDICATION_LABELS,
  ZONES,
  ZONE_DEPTHS,
  ZONE_LABELS,
  type DepthRange,
  type Indication,
  type Zone,
} from "./concerns";
import { DEVICES, type Device } from "./devices";
import { badInput } from "./errors";
import type { FitzpatrickType } from "./patient";
import { serumsMatching, type Serum } from "./serums";
import { Problems, requireDate, requireNumberInRange, requireOneOf, requireText } from "./validate";

/**
 * Protocol templates (DOMAIN.md "Typical protocols": defaults, editable per clinic) and the plan
 * suggestion built from them.
 */

export interface ProtocolTemplate {
  indication: Indication;
  name: string;
  depthMinMm: number;
  depthMaxMm: number;
  /** Zone-specific ranges; these win over the zone's safe default (an explicit clinic decision). */
  zoneDepths?: Partial<Record<Zone, DepthRange>>;
  sessionsMin: number;
  sessionsMax: number;
  /** What a new plan starts with. */
  sessionsDefault: number;
  intervalWeeksMin: number;
  intervalWeeksMax: number;
  intervalWeeksDefault: number;
  /** Serum names / ingredient tags, matched against the catalogue. */
  suggestedSerums: string[];
  device: Device;
  /** Zones used when a concern gives none beyond its body area. */
  defaultZones: Zone[];
  notes: string;
}

const t = (p: ProtocolTemplate): ProtocolTemplate => p;

/** DOMAIN.md's table. Scarring and rosacea are not in the table: see their notes. */
export const DEFAULT_PROTOCOLS: readonly ProtocolTemplate[] = [
  t({
    indication: "ACNE_SCARRING",
    name: "Acne scarring",
    depthMinMm: 1.5,
    depthMaxMm: 2.0,
    sessionsMin: 4,
    sessionsMax: 6,
    sessionsDefault: 4,
    intervalWeeksMin: 4,
    intervalWeeksMax: 6,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Hyaluronic acid", "PRP"],
    device: "PEN",
    defaultZones: ["CHEEKS"],
    notes: "Capped at each zone's safe maximum unless the clinic sets zone depths.",
  }),
  t({
    indication: "SCARRING",
    name: "Surgical / traumatic scarring",
    depthMinMm: 1.5,
    depthMaxMm: 2.0,
    sessionsMin: 4,
    sessionsMax: 6,
    sessionsDefault: 4,
    intervalWeeksMin: 4,
    intervalWeeksMax: 6,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Hyaluronic acid", "PRP"],
    device: "PEN",
    defaultZones: [],
    notes: "Not in the protocol table: follows acne scarring. Scars must be mature (healed, not raised).",
  }),
  t({
    indication: "WRINKLES",
    name: "Fine lines / wrinkles",
    depthMinMm: 0.5,
    depthMaxMm: 1.0,
    zoneDepths: { FOREHEAD: { minMm: 0.25, maxMm: 0.5 }, PERIORBITAL: { minMm: 0.25, maxMm: 0.3 } },
    sessionsMin: 3,
    sessionsMax: 6,
    sessionsDefault: 3,
    intervalWeeksMin: 4,
    intervalWeeksMax: 6,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Hyaluronic acid"],
    device: "PEN",
    defaultZones: ["FOREHEAD", "PERIORBITAL"],
    notes: "Forehead 0.25–0.5 mm, around the eyes 0.25–0.3 mm.",
  }),
  t({
    indication: "ALOPECIA",
    name: "Alopecia (scalp)",
    depthMinMm: 0.5,
    depthMaxMm: 1.5,
    sessionsMin: 6,
    sessionsMax: 12,
    sessionsDefault: 12,
    intervalWeeksMin: 1,
    intervalWeeksMax: 4,
    intervalWeeksDefault: 1,
    suggestedSerums: ["Minoxidil", "PRP"],
    device: "PEN",
    defaultZones: ["SCALP"],
    notes:
      "12 weekly sessions with minoxidil, or monthly sessions. Minoxidil is applied after healing, not during needling.",
  }),
  t({
    indication: "STRETCH_MARKS",
    name: "Stretch marks",
    depthMinMm: 1.5,
    depthMaxMm: 2.5,
    sessionsMin: 6,
    sessionsMax: 12,
    sessionsDefault: 6,
    intervalWeeksMin: 2,
    intervalWeeksMax: 6,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Hyaluronic acid", "PRP"],
    device: "PEN",
    defaultZones: ["ABDOMEN"],
    notes: "At least 6 sessions.",
  }),
  t({
    indication: "PIGMENTATION",
    name: "Pigmentation",
    depthMinMm: 0.25,
    depthMaxMm: 1.0,
    sessionsMin: 3,
    sessionsMax: 6,
    sessionsDefault: 3,
    intervalWeeksMin: 4,
    intervalWeeksMax: 4,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Tranexamic acid", "Hyaluronic acid"],
    device: "PEN",
    defaultZones: ["CHEEKS"],
    notes: "Shallow needling; strict sun protection.",
  }),
  t({
    indication: "MELASMA",
    name: "Melasma",
    depthMinMm: 0.25,
    depthMaxMm: 1.0,
    sessionsMin: 3,
    sessionsMax: 6,
    sessionsDefault: 3,
    intervalWeeksMin: 4,
    intervalWeeksMax: 4,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Tranexamic acid"],
    device: "PEN",
    defaultZones: ["CHEEKS", "FOREHEAD"],
    notes: "Tranexamic acid; strict sun protection. Melasma worsens with heat and inflammation.",
  }),
  t({
    indication: "LAXITY",
    name: "Loose skin / laxity",
    depthMinMm: 0.5,
    depthMaxMm: 1.5,
    sessionsMin: 3,
    sessionsMax: 6,
    sessionsDefault: 3,
    intervalWeeksMin: 4,
    intervalWeeksMax: 6,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Hyaluronic acid"],
    device: "RF_MICRONEEDLING",
    defaultZones: ["JAWLINE", "NECK"],
    notes: "RF microneedling for laxity.",
  }),
  t({
    indication: "REJUVENATION",
    name: "General rejuvenation",
    depthMinMm: 0.5,
    depthMaxMm: 1.5,
    sessionsMin: 3,
    sessionsMax: 6,
    sessionsDefault: 3,
    intervalWeeksMin: 4,
    intervalWeeksMax: 6,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Hyaluronic acid", "PRP"],
    device: "PEN",
    defaultZones: ["CHEEKS", "FOREHEAD"],
    notes: "",
  }),
  t({
    indication: "ROSACEA",
    name: "Rosacea",
    depthMinMm: 0.25,
    depthMaxMm: 0.5,
    sessionsMin: 3,
    sessionsMax: 6,
    sessionsDefault: 3,
    intervalWeeksMin: 4,
    intervalWeeksMax: 6,
    intervalWeeksDefault: 4,
    suggestedSerums: ["Hyaluronic acid"],
    device: "PEN",
    defaultZones: ["CHEEKS"],
    notes: "Not in the protocol table: shallow and gentle. Never during a flare (contraindication).",
  }),
];

export const PLAN_SESSIONS_MIN = 1;
export const PLAN_SESSIONS_MAX = 24;
export const PLAN_INTERVAL_WEEKS_MIN = 1;
export const PLAN_INTERVAL_WEEKS_MAX = 26;

/** Fitzpatrick IV–VI: post-inflammatory hyperpigmentation risk, so plans use the lower end. */
export function isConservative(fitzpatrick: FitzpatrickType | null | undefined): boolean {
  return fitzpatrick === "IV" || fitzpatrick === "V" || fitzpatrick === "VI";
}

const EPS = 1e-9;
/** Rounds a depth down to the 0.05 mm a pen can be set to (down: the cautious direction). */
export const floorDepth = (mm: number): number => Math.floor(mm * 20 + EPS) / 20;

function rangeProblems(p: Problems, path: string, min: number | undefined, max: number | undefined): void {
  const lo = requireNumberInRange(p, `${path}.minMm`, min, DEVICE_DEPTH_MIN_MM, DEVICE_DEPTH_MAX_MM, {
    unit: "mm",
  });
  const hi = requireNumberInRange(p, `${path}.maxMm`, max, DEVICE_DEPTH_MIN_MM, DEVICE_DEPTH_MAX_MM, {
    unit: "mm",
  });
  if (lo !== undefined && hi !== undefined && lo > hi)
    p.add(`${path}.maxMm`, "must not be below the minimum");
}

/** Validates a clinic's protocol template. Throws BAD_USER_INPUT. */
export function validateProtocol(input: ProtocolTemplate): ProtocolTemplate {
  const p = new Problems();
  requireOneOf(p, "indication", input.indication, INDICATIONS);
  requireText(p, "name", input.name, { max: 120 });
  const lo = requireNumberInRange(
    p,
    "depthMinMm",
    input.depthMinMm,
    DEVICE_DEPTH_MIN_MM,
    DEVICE_DEPTH_MAX_MM,
    { unit: "mm" },
  );
  const hi = requireNumberInRange(
    p,
    "depthMaxMm",
    input.depthMaxMm,
    DEVICE_DEPTH_MIN_MM,
    DEVICE_DEPTH_MAX_MM,
    { unit: "mm" },
  );
  if (lo !== undefined && hi !== undefined && lo > hi) p.add("depthMaxMm", "must not be below the minimum");
  for (const [zone, r] of Object.entries(input.zoneDepths ?? {})) {
    if (!(ZONES as readonly string[]).includes(zone))
      p.add(`zoneDepths.${zone}`, `unknown zone; use one of ${ZONES.join(", ")}`);
    else if (r) rangeProblems(p, `zoneDepths.${zone}`, r.minMm, r.maxMm);
  }
  const triple = (name: "sessions" | "intervalWeeks", min: number, max: number): void => {
    const unit = name === "sessions" ? "sessions" : "weeks";
    const a = requireNumberInRange(p, `${name}Min`, input[`${name}Min`], min, max, { integer: true, unit });
    const b = requireNumberInRange(p, `${name}Max`, input[`${name}Max`], min, max, { integer: true, unit });
    const d = requireNumberInRange(p, `${name}Default`, input[`${name}Default`], min, max, {
      integer: true,
      unit,
    });
    if (a !== undefined && b !== undefined && a > b) p.add(`${name}Max`, "must not be below the minimum");
    if (a !== undefined && b !== undefined && d !== undefined && (d < a || d > b))
      p.add(`${name}Default`, `must be between ${a} and ${b}`);
  };
  triple("sessions", PLAN_SESSIONS_MIN, PLAN_SESSIONS_MAX);
  triple("intervalWeeks", PLAN_INTERVAL_WEEKS_MIN, PLAN_INTERVAL_WEEKS_MAX);
  requireOneOf(p, "device", input.device, DEVICES);
  (input.defaultZones ?? []).forEach((z, i) => requireOneOf(p, `defaultZones.${i}`, z, ZONES));
  (input.suggestedSerums ?? []).forEach((s, i) => requireText(p, `suggestedSerums.${i}`, s, { max: 120 }));
  requireText(p, "notes", input.notes, { max: 2000, required: false });
  p.throwIfAny();
  return {
    ...input,
    suggestedSerums: [...(input.suggestedSerums ?? [])],
    defaultZones: [...(input.defaultZones ?? [])],
    notes: input.notes ?? "",
  };
}

export function protocolFor(
  indication: Indication,
  protocols: readonly ProtocolTemplate[] = DEFAULT_PROTOCOLS,
): ProtocolTemplate | undefined {
  return protocols.find((p) => p.indication === indication);
}

/**
 * A zone's depth range under a protocol: the template's own zone range if it has one, otherwise the
 * protocol range capped at the zone's safe maximum (so acne scarring 1.5–2.0 on the cheeks becomes
 * 1.5–1.5). `capped` says whether the cap changed anything.
 */
export function zoneRange(protocol: ProtocolTemplate, zone: Zone): DepthRange & { capped: boolean } {
  const own = protocol.zoneDepths?.[zone];
  if (own) return { ...own, capped: false };
  const safeMax = ZONE_DEPTHS[zone].maxMm;
  const minMm = Math.min(protocol.depthMinMm, safeMax);
  const maxMm = Math.min(protocol.depthMaxMm, safeMax);
  return { minMm, maxMm, capped: maxMm < protocol.depthMaxMm };
}

export interface PlanConcern {
  indication: Indication;
  bodyArea: Zone;
  /** Zones to treat for this concern; defaults to the body area. */
  zones?: readonly Zone[];
}

export interface SuggestedZone {
  zone: Zone;
  depthMm: number;
  depthMinMm: number;
  depthMaxMm: number;
  indication: Indication;
}

export interface SuggestedPlan {
  zones: SuggestedZone[];
  sessions: number;
  intervalWeeks: number;
  device: Device;
  /** Suggestion tags from the templates (names / ingredients). */
  serums: string[];
  /** Catalogue serums matching the tags, when a catalogue was given. */
  serumIds: string[];
  conservative: boolean;
  /** Why the suggestion looks the way it does, for the practitioner. */
  notes: string[];
}

/**
 * Suggests a plan from the concerns' protocols. Depth per zone: the lower end of the zone's range for
 * Fitzpatrick IV–VI, otherwise the middle (rounded down to 0.05 mm). A zone shared by two concerns
 * keeps the shallower suggestion. With several concerns the plan takes the most sessions and the
 * longest interval (skin must heal for all of them) and RF when any template asks for it.
 * Throws BAD_USER_INPUT when a concern has no protocol template.
 */
export function suggestPlan(input: {
  concerns: readonly PlanConcern[];
  patient: { fitzpatrick?: FitzpatrickType | null | undefined };
  protocols?: readonly ProtocolTemplate[];
  catalogue?: readonly Serum[];
}): SuggestedPlan {
  const protocols = input.protocols ?? DEFAULT_PROTOCOLS;
  const conservative = isConservative(input.patient.fitzpatrick);
  const notes: string[] = [];
  if (input.concerns.length === 0)
    throw badInput([{ path: "concerns", reason: "choose at least one concern" }]);
  const missing = input.concerns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !protocolFor(c.indication, protocols));
  if (missing.length > 0)
    throw badInput(
      missing.map(({ c, i }) => ({
        path: `concerns.${i}.indication`,
        reason: `no protocol template for ${INDICATION_LABELS[c.indication].toLowerCase()}`,
      })),
    );
  if (conservative)
    notes.push(
      `Fitzpatrick ${input.patient.fitzpatrick}: conservative depth (lower end of each range) for post-inflammatory hyperpigmentation risk.`,
    );

  const zones = new Map<Zone, SuggestedZone>();
  let sessions = 0;
  let intervalWeeks = 0;
  let device: Device = "PEN";
  const serums: string[] = [];
  for (const c of input.concerns) {
    const protocol = protocolFor(c.indication, protocols)!;
    sessions = Math.max(sessions, protocol.sessionsDefault);
    intervalWeeks = Math.max(intervalWeeks, protocol.intervalWeeksDefault);
    if (protocol.device === "RF_MICRONEEDLING") device = "RF_MICRONEEDLING";
    for (const s of protocol.suggestedSerums) if (!serums.includes(s)) serums.push(s);
    const list = c.zones && c.zones.length > 0 ? c.zones : [c.bodyArea];
    for (const zone of list) {
      const r = zoneRange(protocol, zone);
      if (r.capped)
        notes.push(
          `${protocol.name}, ${ZONE_LABELS[zone].toLowerCase()}: protocol ${protocol.depthMinMm}–${protocol.depthMaxMm} mm capped at the zone's safe maximum ${ZONE_DEPTHS[zone].maxMm} mm.`,
        );
      const depthMm = conservative ? r.minMm : floorDepth((r.minMm + r.maxMm) / 2);
      const next: SuggestedZone = {
        zone,
        depthMm,
        depthMinMm: r.minMm,
        depthMaxMm: r.maxMm,
        indication: c.indication,
      };
      const prev = zones.get(zone);
      if (!prev || next.depthMm < prev.depthMm) zones.set(zone, next);
    }
  }
  if (input.concerns.length > 1)
    notes.push(
      "Several concerns: the plan uses the most sessions and the longest interval among their protocols.",
    );
  const serumIds = input.catalogue ? serumsMatching(serums, input.catalogue).map((s) => s.id) : [];
  return {
    zones: [...zones.values()],
    sessions,
    intervalWeeks,
    device,
    serums,
    serumIds,
    conservative,
    notes,
  };
}

// --- Plan input ---------------------------------------------------------------------------------

export interface PlanZoneInput {
  zone: string;
  depthMm: number;
  depthMinMm?: number | null;
  depthMaxMm?: number | null;
}

/** A planned zone; sessions may go anywhere in [depthMinMm, depthMaxMm] without a deviation reason. */
export interface PlanZone {
  zone: Zone;
  depthMm: number;
  depthMinMm: number;
  depthMaxMm: number;
}

export interface PlanInput {
  concernIds: string[];
  startOn: string;
  zones: PlanZoneInput[];
  sessionsPlanned: number;
  intervalWeeks: number;
  device?: string | null;
  serumIds?: string[] | null;
  notes?: string | null;
}

export interface ValidPlanFields {
  concernIds: string[];
  startOn: string;
  zones: PlanZone[];
  sessionsPlanned: number;
  intervalWeeks: number;
  device?: Device | undefined;
  serumIds: string[];
  notes?: string | undefined;
}

/**
 * A plan treats at most this many concerns: each session of the plan updates each concern's outcome
 * record and course counters in the session's one DynamoDB transaction (at most 100 items).
 */
export const MAX_CONCERNS_PER_PLAN = 5;

/**
 * Validates a treatment plan. Depths must lie in the device range 0.25–2.5 mm (both ends allowed)
 * with min ≤ depth ≤ max; sessions 1–24 and interval 1–26 weeks, whole numbers; no zone twice.
 * Zones planned deeper than their safe default are allowed but listed in `aboveZoneDefault` so the
 * portal can ask for confirmation. Throws BAD_USER_INPUT.
 */
export function validatePlanInput(input: PlanInput): { plan: ValidPlanFields; aboveZoneDefault: Zone[] } {
  const p = new Problems();
  const concernIds: string[] = [];
  (input.concernIds ?? []).forEach((id, i) => {
    const v = requireText(p, `concernIds.${i}`, id, { max: 64 });
    if (v && !concernIds.includes(v)) concernIds.push(v);
  });
  if (concernIds.length === 0 && (input.concernIds ?? []).length === 0)
    p.add("concernIds", "link the plan to at least one concern");
  if (concernIds.length > MAX_CONCERNS_PER_PLAN)
    p.add("concernIds", `at most ${MAX_CONCERNS_PER_PLAN} concerns per plan (plan the others separately)`);
  const startOn = requireDate(p, "startOn", input.startOn, { notBefore: "2000-01-01" });
  const zones: PlanZone[] = [];
  const aboveZoneDefault: Zone[] = [];
  if (!input.zones || input.zones.length === 0) p.add("zones", "plan at least one zone");
  (input.zones ?? []).forEach((z, i) => {
    const zone = requireOneOf(p, `zones.${i}.zone`, z.zone, ZONES);
    const unit = { unit: "mm" } as const;
    const depthMm = requireNumberInRange(
      p,
      `zones.${i}.depthMm`,
      z.depthMm,
      DEVICE_DEPTH_MIN_MM,
      DEVICE_DEPTH_MAX_MM,
      unit,
    );
    const depthMinMm =
      z.depthMinMm == null
        ? depthMm
        : requireNumberInRange(
            p,
            `zones.${i}.depthMinMm`,
            z.depthMinMm,
            DEVICE_DEPTH_MIN_MM,
            DEVICE_DEPTH_MAX_MM,
            unit,
          );
    const depthMaxMm =
      z.depthMaxMm == null
        ? depthMm
        : requireNumberInRange(
            p,
            `zones.${i}.depthMaxMm`,
            z.depthMaxMm,
            DEVICE_DEPTH_MIN_MM,
            DEVICE_DEPTH_MAX_MM,
            unit,
          );
    if (depthMm !== undefined && depthMinMm !== undefined && depthMaxMm !== undefined) {
      if (depthMinMm > depthMaxMm) p.add(`zones.${i}.depthMaxMm`, "must not be below the minimum");
      else if (depthMm < depthMinMm - EPS || depthMm > depthMaxMm + EPS)
        p.add(`zones.${i}.depthMm`, `must be within the planned range ${depthMinMm}–${depthMaxMm} mm`);
    }
    if (zone && zones.some((x) => x.zone === zone))
      p.add(`zones.${i}.zone`, `${ZONE_LABELS[zone]} is planned twice`);
    else if (zone && depthMm !== undefined && depthMinMm !== undefined && depthMaxMm !== undefined) {
      zones.push({ zone, depthMm, depthMinMm, depthMaxMm });
      if (depthMaxMm > ZONE_DEPTHS[zone].maxMm + EPS) aboveZoneDefault.push(zone);
    }
  });
  const sessionsPlanned = requireNumberInRange(
    p,
    "sessionsPlanned",
    input.sessionsPlanned,
    PLAN_SESSIONS_MIN,
    PLAN_SESSIONS_MAX,
    { integer: true, unit: "sessions" },
  );
  const intervalWeeks = requireNumberInRange(
    p,
    "intervalWeeks",
    input.intervalWeeks,
    PLAN_INTERVAL_WEEKS_MIN,
    PLAN_INTERVAL_WEEKS_MAX,
    { integer: true, unit: "weeks" },
  );
  const device = input.device == null ? undefined : requireOneOf(p, "device", input.device, DEVICES);
  const serumIds: string[] = [];
  (input.serumIds ?? []).forEach((id, i) => {
    const v = requireText(p, `serumIds.${i}`, id, { max: 64 });
    if (v && !serumIds.includes(v)) serumIds.push(v);
  });
  const notes = requireText(p, "notes", input.notes, { max: 4000, required: false });
  p.throwIfAny();
  return {
    plan: {
      concernIds,
      startOn: startOn!,
      zones,
      sessionsPlanned: sessionsPlanned!,
      intervalWeeks: intervalWeeks!,
      device,
      serumIds,
      notes,
    },
    aboveZoneDefault,
  };
}

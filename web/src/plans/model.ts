import { DEPTH_MAX_MM, DEPTH_MIN_MM } from "../clinical/labels";
import type {
  Device,
  DueKind,
  DueState,
  PlanStatus,
  SuggestPlanQuery,
  TreatmentPlanInput,
  Zone,
} from "../gql/graphql";

export type Suggestion = SuggestPlanQuery["suggestPlan"];

/** Safe depth per zone (core's ZONE_DEPTHS): the range a zone added by hand gets. */
export const ZONE_DEPTH: Record<Zone, { minMm: number; maxMm: number }> = {
  FOREHEAD: { minMm: 0.25, maxMm: 0.5 },
  PERIORBITAL: { minMm: 0.25, maxMm: 0.3 },
  CHEEKS: { minMm: 0.5, maxMm: 1.5 },
  NOSE: { minMm: 0.25, maxMm: 0.5 },
  PERIORAL: { minMm: 0.25, maxMm: 1.0 },
  CHIN: { minMm: 0.5, maxMm: 1.0 },
  JAWLINE: { minMm: 0.5, maxMm: 1.5 },
  NECK: { minMm: 0.5, maxMm: 1.0 },
  DECOLLETAGE: { minMm: 0.25, maxMm: 1.0 },
  SCALP: { minMm: 0.5, maxMm: 1.5 },
  ABDOMEN: { minMm: 1.0, maxMm: 2.5 },
  THIGHS: { minMm: 1.0, maxMm: 2.5 },
  ARMS: { minMm: 0.5, maxMm: 2.0 },
  BUTTOCKS: { minMm: 1.0, maxMm: 2.5 },
  BACK: { minMm: 1.0, maxMm: 2.5 },
  HANDS: { minMm: 0.25, maxMm: 0.5 },
};

/** Core's plan limits (packages/core/src/protocols.ts; model.test.ts keeps them equal). */
export const SESSIONS = { min: 1, max: 24 } as const;
export const INTERVAL_WEEKS = { min: 1, max: 26 } as const;
/**
 * Core's MAX_CONCERNS_PER_PLAN: a session's transaction holds each of its plan's concerns' counters,
 * so a plan treats at most this many (docs/STORAGE.md "Transaction size").
 */
export const MAX_CONCERNS_PER_PLAN = 5;
export const CONCERN_CAP_MESSAGE = `A plan treats at most ${MAX_CONCERNS_PER_PLAN} concerns: plan the others separately`;

/** The concerns a new plan starts with: the consultation's active ones, as many as a plan may treat. */
export const initialConcernIds = (activeIds: readonly string[]): string[] =>
  activeIds.slice(0, MAX_CONCERNS_PER_PLAN);

/** Whether a concern's box is locked: the plan already treats as many as it may (unticking stays open). */
export const concernLocked = (chosen: readonly string[], id: string): boolean =>
  chosen.length >= MAX_CONCERNS_PER_PLAN && !chosen.includes(id);

export const PLAN_STATUS: Record<PlanStatus, string> = {
  PLANNED: "Planned",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const DUE_KIND: Record<DueKind, string> = {
  SESSION: "Next session",
  RETREATMENT: "Retreatment",
};

export const DUE_STATE: Record<DueState, string> = {
  NOT_DUE: "Upcoming",
  DUE: "Due",
  OVERDUE: "Overdue",
};

export const mm = (n: number): string => `${Number(n.toFixed(2))} mm`;
export const mmRange = (min: number, max: number): string =>
  min === max ? mm(min) : `${Number(min.toFixed(2))}–${Number(max.toFixed(2))} mm`;

export interface ZoneRow {
  key: string;
  zone: Zone;
  /** "" while the field is empty. */
  depthMm: number | "";
  depthMinMm: number;
  depthMaxMm: number;
}

export interface PlanValues {
  concernIds: string[];
  startDate: string;
  zones: ZoneRow[];
  sessionsPlanned: number | "";
  intervalWeeks: number | "";
  device: Device | "";
  serumIds: string[];
  /** Reason per serum id for planning a flagged serum anyway ("" = none given). */
  serumOverrides: Record<string, string>;
  notes: string;
}

let seq = 0;
export function zoneRow(zone: Zone, depthMm: number | "", minMm: number, maxMm: number): ZoneRow {
  seq += 1;
  return { key: `zone-${seq}`, zone, depthMm, depthMinMm: minMm, depthMaxMm: maxMm };
}

/** A zone added by hand: its safe default range, the middle of it as depth. */
export function manualZone(zone: Zone): ZoneRow {
  const r = ZONE_DEPTH[zone];
  return zoneRow(zone, Number(((r.minMm + r.maxMm) / 2).toFixed(2)), r.minMm, r.maxMm);
}

/** The suggestion as form values: the editable plan fields, serums included. */
export function fromSuggestion(
  s: Suggestion,
): Pick<PlanValues, "zones" | "sessionsPlanned" | "intervalWeeks" | "device" | "serumIds"> {
  return {
    zones: s.zones.map((z) => zoneRow(z.zone, z.depthMm, z.depthMinMm, z.depthMaxMm)),
    sessionsPlanned: s.sessions,
    intervalWeeks: s.intervalWeeks,
    device: s.device,
    serumIds: [...s.serumIds],
  };
}

/** The fields a suggestion fills, without row keys, to tell whether the practitioner edited them. */
export function planFieldsKey(
  v: Pick<PlanValues, "zones" | "sessionsPlanned" | "intervalWeeks" | "device" | "serumIds">,
): string {
  return JSON.stringify({
    zones: v.zones.map((z) => [z.zone, z.depthMm, z.depthMinMm, z.depthMaxMm]),
    sessionsPlanned: v.sessionsPlanned,
    intervalWeeks: v.intervalWeeks,
    device: v.device,
    serumIds: [...v.serumIds].sort(),
  });
}

const EPS = 1e-9;

/** The API's plan rules (core's validatePlanInput) on the form's paths. */
export function validatePlan(v: PlanValues, consultationDate: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (v.concernIds.length === 0) e.concernIds = "Choose at least one concern for the plan";
  else if (v.concernIds.length > MAX_CONCERNS_PER_PLAN) e.concernIds = CONCERN_CAP_MESSAGE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.startDate)) e.startDate = "Start date is required";
  else if (v.startDate < consultationDate) e.startDate = "Must not be before the consultation";
  if (v.zones.length === 0) e.zones = "Plan at least one zone";
  v.zones.forEach((z, i) => {
    const at = `zones.${i}.depthMm`;
    if (z.depthMm === "") e[at] = "Depth is required";
    else if (z.depthMm < DEPTH_MIN_MM || z.depthMm > DEPTH_MAX_MM)
      e[at] = `Must be within the device range ${DEPTH_MIN_MM}–${DEPTH_MAX_MM} mm`;
    else if (z.depthMm < z.depthMinMm - EPS || z.depthMm > z.depthMaxMm + EPS)
      e[at] = `Must be within the allowed range ${mmRange(z.depthMinMm, z.depthMaxMm)}`;
  });
  const whole = (n: number | "", min: number, max: number, what: string): string | null =>
    n === ""
      ? `${what} is required`
      : !Number.isInteger(n) || n < min || n > max
        ? `Must be a whole number from ${min} to ${max}`
        : null;
  const s = whole(v.sessionsPlanned, SESSIONS.min, SESSIONS.max, "Number of sessions");
  if (s) e.sessionsPlanned = s;
  const w = whole(v.intervalWeeks, INTERVAL_WEEKS.min, INTERVAL_WEEKS.max, "Interval");
  if (w) e.intervalWeeks = w;
  if (v.notes.length > 4000) e.notes = "Notes must be at most 4000 characters";
  return e;
}

/** What is sent; `overrideOrder` maps serumOverrides.<i> back to the serum it concerns. */
export function toPlanInput(
  v: PlanValues,
  consultationId: string,
  siteId: string,
  flagged: ReadonlySet<string>,
): { input: TreatmentPlanInput; overrideOrder: string[] } {
  const overrideOrder = v.serumIds.filter(
    (id) => flagged.has(id) && (v.serumOverrides[id] ?? "").trim() !== "",
  );
  return {
    input: {
      consultationId,
      concernIds: v.concernIds,
      siteId,
      startDate: v.startDate,
      zones: v.zones.map((z) => ({
        zone: z.zone,
        depthMm: Number(z.depthMm),
        depthMinMm: z.depthMinMm,
        depthMaxMm: z.depthMaxMm,
      })),
      sessionsPlanned: Number(v.sessionsPlanned),
      intervalWeeks: Number(v.intervalWeeks),
      device: v.device === "" ? null : v.device,
      plannedSerums: v.serumIds.map((serumId) => ({ serumId })),
      serumOverrides: overrideOrder.map((serumId) => ({
        serumId,
        reason: (v.serumOverrides[serumId] ?? "").trim(),
      })),
      notes: v.notes.trim() === "" ? null : v.notes.trim(),
    },
    overrideOrder,
  };
}

/** Where an API field error goes on the builder, or null (shown above the buttons). */
export function formPathOf(apiPath: string, v: PlanValues, overrideOrder: readonly string[]): string | null {
  if (["startDate", "sessionsPlanned", "intervalWeeks", "device", "notes", "zones"].includes(apiPath))
    return apiPath;
  if (apiPath.startsWith("concernIds")) return "concernIds";
  const zone = /^zones\.(\d+)\.(depthMm|depthMinMm|depthMaxMm|zone)$/.exec(apiPath);
  if (zone && Number(zone[1]) < v.zones.length) return `zones.${zone[1]}.depthMm`;
  const serum = /^plannedSerums\.(\d+)/.exec(apiPath);
  if (serum) {
    const id = v.serumIds[Number(serum[1])];
    return id ? `serum.${id}` : null;
  }
  const override = /^serumOverrides\.(\d+)/.exec(apiPath);
  if (override) {
    const id = overrideOrder[Number(override[1])];
    return id ? `serumOverrides.${id}` : null;
  }
  return null;
}

/** Findings about the lot belong to the session; a plan names a serum, not a lot. */
export const isLotFinding = (code: string): boolean => code.startsWith("LOT_");

import { Concerns, PlanRules, Protocols } from "@needlework/core";
import { DEPTH_MAX_MM, DEPTH_MIN_MM } from "../clinical/labels";
import { problemsOf } from "../clinical/validate";
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

/** Safe depth per zone: the range a zone added by hand gets. */
export const ZONE_DEPTH = Concerns.ZONE_DEPTHS;

export const SESSIONS = { min: Protocols.PLAN_SESSIONS_MIN, max: Protocols.PLAN_SESSIONS_MAX } as const;
export const INTERVAL_WEEKS = {
  min: Protocols.PLAN_INTERVAL_WEEKS_MIN,
  max: Protocols.PLAN_INTERVAL_WEEKS_MAX,
} as const;
/**
 * A session's transaction holds each of its plan's concerns' counters, so a plan treats at most this
 * many (docs/STORAGE.md "Transaction size").
 */
export const MAX_CONCERNS_PER_PLAN = Protocols.MAX_CONCERNS_PER_PLAN;
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

/**
 * Core's plan rules (validatePlanInput, and the start no earlier than the consultation) decide what
 * is refused; each refused field gets the builder's sentence for it.
 */
export function validatePlan(v: PlanValues, consultationDate: string): Record<string, string> {
  const problems = problemsOf(() =>
    Protocols.validatePlanInput({
      concernIds: v.concernIds,
      startOn: v.startDate,
      zones: v.zones.map((z) => ({
        zone: z.zone,
        depthMm: z.depthMm === "" ? Number.NaN : z.depthMm,
        depthMinMm: z.depthMinMm,
        depthMaxMm: z.depthMaxMm,
      })),
      sessionsPlanned: v.sessionsPlanned === "" ? Number.NaN : v.sessionsPlanned,
      intervalWeeks: v.intervalWeeks === "" ? Number.NaN : v.intervalWeeks,
      device: v.device === "" ? null : v.device,
      serumIds: v.serumIds,
      notes: v.notes.trim() === "" ? null : v.notes,
    }),
  ).map((f) => ({ ...f, path: f.path === "startOn" ? "startDate" : f.path }));
  const early = v.startDate ? PlanRules.planStartProblem(v.startDate, consultationDate) : undefined;
  if (early) problems.push({ path: "startDate", reason: early });
  const e: Record<string, string> = {};
  for (const f of problems) {
    const at = formPathOf(f.path, v, []);
    if (at && !(at in e)) e[at] = sentence(at, v, f.reason);
  }
  return e;
}

/** The builder's words for a field core refused. */
function sentence(at: string, v: PlanValues, reason: string): string {
  const whole = (n: number | "", what: string, r: { min: number; max: number }) =>
    n === "" ? `${what} is required` : `Must be a whole number from ${r.min} to ${r.max}`;
  const zone = /^zones\.(\d+)\.depthMm$/.exec(at);
  if (zone) {
    const z = v.zones[Number(zone[1])];
    if (!z || z.depthMm === "") return "Depth is required";
    return z.depthMm < DEPTH_MIN_MM || z.depthMm > DEPTH_MAX_MM
      ? `Must be within the device range ${DEPTH_MIN_MM}–${DEPTH_MAX_MM} mm`
      : `Must be within the allowed range ${mmRange(z.depthMinMm, z.depthMaxMm)}`;
  }
  switch (at) {
    case "concernIds":
      return v.concernIds.length === 0 ? "Choose at least one concern for the plan" : CONCERN_CAP_MESSAGE;
    case "startDate":
      if (v.startDate === "") return "Start date is required";
      return reason.startsWith("must not be before the consultation")
        ? "Must not be before the consultation"
        : `Start date ${reason}`;
    case "zones":
      return "Plan at least one zone";
    case "sessionsPlanned":
      return whole(v.sessionsPlanned, "Number of sessions", SESSIONS);
    case "intervalWeeks":
      return whole(v.intervalWeeks, "Interval", INTERVAL_WEEKS);
    case "notes":
      return `Notes ${reason}`;
    default:
      return reason;
  }
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
export const isLotFinding = PlanRules.isLotFinding;

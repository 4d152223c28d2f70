import {
  Concerns,
  Devices,
  Schedule,
  type ContraindicationFinding,
  type Device,
  type PlanState,
  type PlanZone,
  type Zone,
} from "@needlework/core";
import { z } from "zod";
import { Keys } from "../keys";
import { findingSchema } from "./consultation";
import {
  decodeItem,
  listOf,
  oneOf,
  optional,
  orNull,
  versioned,
  withoutKeys,
  type ItemSchema,
} from "./decode";
import type { Item, ItemKey } from "../clinical/read";
import type { RecordRef } from "../clinical/refs";

/** A treatment plan (in the patient collection; in the site's due index, gsi2, while something is due). */

export interface SerumOverrideRecord {
  reason: string;
  by: string;
  byName: string;
  at: string;
}

export interface PlannedSerum {
  serumId: string;
  name: string;
  /** The check's findings when the plan was made (allergies, clearance, actives). */
  findings: ContraindicationFinding[];
  override?: SerumOverrideRecord | undefined;
}

export interface TreatmentPlan {
  id: string;
  groupId: string;
  patientId: string;
  siteId: string;
  /** `<patientId>|<date>|<id>` of the consultation the plan was built from. */
  consultationRef: string;
  concernIds: string[];
  /** The start date in the plan's key (fixed at creation, so the plan's id never changes). */
  keyDate: string;
  startDate: string;
  zones: PlanZone[];
  /** Zones planned deeper than their safe default (allowed; shown for confirmation). */
  aboveZoneDefault: Zone[];
  sessionsPlanned: number;
  intervalWeeks: number;
  device?: Device | undefined;
  plannedSerums: PlannedSerum[];
  notes?: string | undefined;
  status: PlanState["status"];
  progress: { done: number; planned: number };
  /** Dates of the sessions recorded against the plan. */
  sessionDates: string[];
  lastSessionOn: string | null;
  nextDueOn: string | null;
  retreatmentDueOn: string | null;
  dueOn: string | null;
  dueKind: PlanState["dueKind"];
  cancelledReason?: string | undefined;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export const planRef = (p: Pick<TreatmentPlan, "patientId" | "keyDate" | "id">): RecordRef => ({
  patientId: p.patientId,
  date: p.keyDate,
  id: p.id,
});

export const planKey = (groupId: string, ref: RecordRef): ItemKey =>
  Keys.plan(groupId, ref.patientId, ref.date, ref.id);

export const serumOverrideSchema: ItemSchema<SerumOverrideRecord> = z
  .object({ reason: z.string(), by: z.string(), byName: z.string(), at: z.string() })
  .passthrough();

export const planZoneSchema: ItemSchema<PlanZone> = z
  .object({
    zone: oneOf(Concerns.ZONES),
    depthMm: z.number(),
    depthMinMm: z.number(),
    depthMaxMm: z.number(),
  })
  .passthrough();

const planSchema: ItemSchema<TreatmentPlan> = z
  .object({
    id: z.string(),
    groupId: z.string(),
    patientId: z.string(),
    siteId: z.string(),
    consultationRef: z.string(),
    concernIds: listOf(z.string()),
    keyDate: z.string(),
    startDate: z.string(),
    zones: listOf(planZoneSchema),
    aboveZoneDefault: listOf(oneOf(Concerns.ZONES)),
    sessionsPlanned: z.number().int(),
    intervalWeeks: z.number(),
    device: optional(oneOf(Devices.DEVICES)),
    plannedSerums: listOf(
      z
        .object({
          serumId: z.string(),
          name: z.string(),
          findings: listOf(findingSchema),
          override: optional(serumOverrideSchema),
        })
        .passthrough(),
    ),
    notes: optional(z.string()),
    status: oneOf(Schedule.PLAN_STATUSES),
    progress: z.object({ done: z.number().int(), planned: z.number().int() }).passthrough(),
    sessionDates: listOf(z.string()),
    lastSessionOn: orNull(z.string()),
    nextDueOn: orNull(z.string()),
    retreatmentDueOn: orNull(z.string()),
    dueOn: orNull(z.string()),
    dueKind: orNull(z.enum(["SESSION", "RETREATMENT"])),
    cancelledReason: optional(z.string()),
    ...versioned,
  })
  .passthrough();

export function planFromItem(item: Item): TreatmentPlan {
  return decodeItem("TreatmentPlan", planSchema, withoutKeys(item));
}

/** The stored item: in the due index only while a session or retreatment is due. */
export function planItem(p: TreatmentPlan): Item {
  return {
    ...Keys.plan(p.groupId, p.patientId, p.keyDate, p.id),
    type: "TreatmentPlan",
    ...(p.dueOn
      ? { gsi2pk: Keys.siteDueGsi(p.groupId, p.siteId), gsi2sk: Keys.siteDueSort(p.dueOn, p.patientId, p.id) }
      : {}),
    ...p,
  };
}

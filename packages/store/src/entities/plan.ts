import type { ContraindicationFinding, Device, PlanState, PlanZone, Zone } from "@needlework/core";
import { Keys } from "../keys";
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

export function planFromItem(item: Item): TreatmentPlan {
  const { pk: _pk, sk: _sk, type: _type, gsi2pk: _gpk, gsi2sk: _gsk, ...rest } = item;
  const p = rest as unknown as TreatmentPlan;
  return {
    ...p,
    plannedSerums: p.plannedSerums ?? [],
    sessionDates: p.sessionDates ?? [],
    aboveZoneDefault: p.aboveZoneDefault ?? [],
    lastSessionOn: p.lastSessionOn ?? null,
    nextDueOn: p.nextDueOn ?? null,
    retreatmentDueOn: p.retreatmentDueOn ?? null,
    dueOn: p.dueOn ?? null,
    dueKind: p.dueKind ?? null,
  };
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

import { conflict, type FitzpatrickType, type Indication } from "@needlework/core";
import type { Db } from "../client";
import { Keys } from "../keys";
import type { Tx } from "../tx";
import { queryAll } from "../clinical/paging";
import { batchGet, keyString } from "../clinical/read";
import { RollupDeltas, sessionUnit } from "../clinical/rollups";
import { addKpiPlan } from "./kpis";
import {
  courseUnitOf,
  courseUnitOfItem,
  deriveRecord,
  outcomeItem,
  RecordCounterDeltas,
  recordFromItem,
  recordKeyOf,
  stateFromItem,
} from "./outcomes";
import { groupSecret } from "./secret";
import { concernFromItem } from "../entities/consultation";
import { planFromItem, planItem } from "../entities/plan";
import { sessionFromItem } from "../entities/session";

/**
 * The patient facts the analytics count a patient's records under (clinical/patient-facts.ts): its
 * current Fitzpatrick type (sessions, courses and plans) and its current site (courses and plans;
 * a session stays counted at the site where it was performed, its own `siteId`).
 */
export interface CountedFacts {
  fitzpatrick: FitzpatrickType | null | undefined;
  siteId: string;
}

export interface Recount {
  /** Sessions moved to another Fitzpatrick type (0 when only the site changed). */
  sessions: number;
  /** Courses with an outcome on some scale (those that move in the rollups). */
  courses: number;
  plans: number;
  /** Plans moved from the old site to the new one with the patient. */
  movedPlans: number;
  records: number;
  /** Items added to the transaction. */
  items: number;
}

/**
 * A change of the facts a patient is counted under (its Fitzpatrick type, its site, or both), in the
 * transaction that updates the profile. Reads the patient's collection (one Query, paged past 1 MB)
 * and the outcome records of its concerns (one BatchGetItem), and adds to `tx`:
 *
 * - a change of type: the FITZPATRICK rollup counters of every session (sessions, adverse events)
 *   taken back from the old type and added to the new one (the other dimensions' items do not count
 *   sessions by type); a session's site is its own and does not move;
 * - every course (outcome record) of the patient taken back as the record counts it and added as it
 *   counts now, merged per item with the sessions: under a new type the FITZPATRICK items move; under
 *   a new site the SITE items and every item's site prefix (`L=<site>`) of the course's values;
 * - each outcome record rewritten with the new type and site (row, filter attributes, the per-site
 *   index key), a Put at the version read, and the record counters of the old and new site moved;
 * - each treatment plan's KPI item with the new type and site (one UpdateItem per plan);
 * - on a move, each plan still held at the old site (not cancelled) moved to the new one at its version,
 *   with its due-index keys, so what is due shows on the new site's list, not on a list whose
 *   practitioners no longer see the patient (one Put per such plan).
 *
 * The caller conditions the profile on `recordSeq` as read BEFORE these reads (patient-facts.ts), so
 * a session, adverse event, assessment or plan landing in between fails the update with CONFLICT.
 */
export async function addPatientRecount(
  tx: Tx,
  db: Db,
  groupId: string,
  patient: { id: string; version: number },
  from: CountedFacts,
  to: CountedFacts,
): Promise<Recount> {
  const before = tx.items.length;
  const items = await queryAll(db, {
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": Keys.patientPk(groupId, patient.id) },
    ConsistentRead: true,
  });
  const profile = items.find((it) => it.sk === "PROFILE");
  if (!profile || Number(profile.version) !== patient.version) throw conflict("This patient");
  const sessions = items.filter((it) => it.type === "TreatmentSession").map(sessionFromItem);
  const concerns = items.filter((it) => it.type === "Concern").map(concernFromItem);
  const plans = items.filter((it) => it.type === "TreatmentPlan").map(planFromItem);

  // Sessions: counted at their own site, under the patient's current type. (Whatever FITZPATRICK ref
  // a session stored, it is counted under `from` now.) The courses move with their outcome records
  // below; both are written once, merged per item.
  const deltas = new RollupDeltas();
  const typeChanged = (from.fitzpatrick ?? null) !== (to.fitzpatrick ?? null);
  if (typeChanged)
    for (const s of sessions) deltas.change(sessionUnit(s, from.fitzpatrick), sessionUnit(s, to.fitzpatrick));

  // Plans held at the old site go with the patient: the due list is per site (gsi2), and a plan left
  // behind would drop off every list (the old site's practitioners no longer see the patient).
  let movedPlans = 0;
  if (from.siteId !== to.siteId) {
    const at = new Date().toISOString();
    for (const p of plans) {
      if (p.siteId !== from.siteId || p.status === "CANCELLED") continue;
      tx.put(planItem({ ...p, siteId: to.siteId, version: p.version + 1, updatedAt: at }), {
        condition: "version = :v",
        values: { ":v": p.version },
        onConditionFailed: () => conflict("This patient's treatment plan"),
      });
      movedPlans++;
    }
  }

  // KPI items: the whole item from the plan (an upsert), at the patient's site, with its type or none.
  const indicationOf = new Map(concerns.map((c) => [c.id, c.indication]));
  for (const p of plans)
    addKpiPlan(
      tx,
      {
        id: p.id,
        groupId,
        siteId: to.siteId,
        startDate: p.startDate,
        sessionsPlanned: p.sessionsPlanned,
        intervalWeeks: p.intervalWeeks,
        sessionDates: p.sessionDates,
        status: p.status,
        device: p.device,
      },
      {
        indications: p.concernIds.map((id) => indicationOf.get(id)).filter((i): i is Indication => !!i),
        fitzpatrick: to.fitzpatrick ?? null,
      },
    );

  // Outcome records: the row, the filter attributes and the site index carry the new facts.
  const secret = await groupSecret(db, groupId);
  const keys = concerns.map((c) => Keys.outcomeRecord(groupId, recordKeyOf(secret, patient.id, c.id)));
  const found = await batchGet(db, keys);
  const counters = new RecordCounterDeltas();
  let records = 0;
  let courses = 0;
  for (const key of keys) {
    const it = found.get(keyString(key));
    if (!it) continue;
    const read = Number(it.version);
    const next = {
      ...stateFromItem(it),
      fitzpatrick: to.fitzpatrick ?? null,
      homeSiteId: to.siteId,
      version: read + 1,
    };
    tx.put(outcomeItem(groupId, next), {
      condition: "version = :v",
      values: { ":v": read },
      onConditionFailed: () => conflict("This patient's outcome record"),
    });
    const record = deriveRecord(next);
    const course = courseUnitOf(next, record);
    if (course) courses++;
    deltas.change(courseUnitOfItem(it), course);
    counters.change(recordFromItem(it), record);
    records++;
  }
  deltas.writeTo(tx, groupId);
  counters.writeTo(tx, groupId);
  return {
    sessions: typeChanged ? sessions.length : 0,
    courses,
    plans: plans.length,
    movedPlans,
    records,
    items: tx.items.length - before,
  };
}

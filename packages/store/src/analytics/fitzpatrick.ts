import { conflict, type FitzpatrickType, type Indication } from "@needlework/core";
import type { Db } from "../client";
import { Keys } from "../keys";
import type { Tx } from "../tx";
import { concernFromItem } from "../clinical/consultations";
import { queryAll } from "../clinical/paging";
import { planFromItem } from "../clinical/plans";
import { batchGet, keyString } from "../clinical/read";
import { RollupDeltas, sessionUnit } from "../clinical/rollups";
import { sessionFromItem } from "../clinical/sessions";
import { addKpiPlan } from "./kpis";
import { courseUnitOf, courseUnitOfItem, outcomeItem, recordKeyOf, stateFromItem } from "./outcomes";
import { groupSecret } from "./secret";

/**
 * A change of a patient's Fitzpatrick type, in the transaction that updates the profile (the rule:
 * clinical/patient-facts.ts). Reads the patient's collection (one Query, paged past 1 MB) and the
 * outcome records of its concerns (one BatchGetItem), and adds to `tx`:
 *
 * - the FITZPATRICK rollup counters of every session (sessions, adverse events) and every course
 *   (outcome record) of the patient taken back from the old type and added to the new one, merged
 *   per item: the FITZPATRICK items of the all-time bucket and of each month the patient has a
 *   session or a course start in (2 × (1 + months) per shard; the other dimensions' items do not
 *   count by Fitzpatrick type, so they do not move);
 * - each treatment plan's KPI item with the new type (one UpdateItem per plan);
 * - each outcome record of the patient with the new type (a Put at the version read, per concern
 *   with a record).
 *
 * The caller conditions the profile on `recordSeq` as read BEFORE these reads (patient-facts.ts), so
 * a session, adverse event, assessment or plan landing in between fails the update with CONFLICT.
 * Returns what was recounted, and the number of items added to `tx`.
 */
export async function addFitzpatrickRecount(
  tx: Tx,
  db: Db,
  groupId: string,
  patient: { id: string; version: number },
  from: FitzpatrickType | null | undefined,
  to: FitzpatrickType | null | undefined,
): Promise<{ sessions: number; contributions: number; plans: number; records: number; items: number }> {
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

  // Rollups: everything the patient counts under FITZPATRICK moves from the old type to the new one.
  // (Whatever FITZPATRICK ref a session stored, it is counted under `from` now.) The courses move
  // with their outcome records below; both are written once, merged per item.
  const deltas = new RollupDeltas();
  for (const s of sessions) deltas.change(sessionUnit(s, from), sessionUnit(s, to));

  // KPI items: the whole item from the plan (an upsert), with the new type or without one.
  const indicationOf = new Map(concerns.map((c) => [c.id, c.indication]));
  for (const p of plans)
    addKpiPlan(
      tx,
      {
        id: p.id,
        groupId,
        siteId: p.siteId,
        startDate: p.startDate,
        sessionsPlanned: p.sessionsPlanned,
        intervalWeeks: p.intervalWeeks,
        sessionDates: p.sessionDates,
        status: p.status,
        device: p.device,
      },
      {
        indications: p.concernIds.map((id) => indicationOf.get(id)).filter((i): i is Indication => !!i),
        fitzpatrick: to ?? null,
      },
    );

  // Outcome records: the row and the filter attribute carry the new type.
  const secret = await groupSecret(db, groupId);
  const keys = concerns.map((c) => Keys.outcomeRecord(groupId, recordKeyOf(secret, patient.id, c.id)));
  const found = await batchGet(db, keys);
  let records = 0;
  let contributions = 0;
  for (const key of keys) {
    const it = found.get(keyString(key));
    if (!it) continue;
    const read = Number(it.version);
    const next = { ...stateFromItem(it), fitzpatrick: to ?? null, version: read + 1 };
    tx.put(outcomeItem(groupId, next), {
      condition: "version = :v",
      values: { ":v": read },
      onConditionFailed: () => conflict("This patient's outcome record"),
    });
    const course = courseUnitOf(next);
    if (course) contributions++;
    deltas.change(courseUnitOfItem(it), course);
    records++;
  }
  deltas.writeTo(tx, groupId);
  return {
    sessions: sessions.length,
    contributions,
    plans: plans.length,
    records,
    items: tx.items.length - before,
  };
}

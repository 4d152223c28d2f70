import { conflict, type FitzpatrickType, type Indication } from "@needlework/core";
import type { Db } from "../client";
import { Keys } from "../keys";
import type { Tx } from "../tx";
import { outcomeFromItem } from "../clinical/assessments";
import { concernFromItem } from "../clinical/consultations";
import { queryAll } from "../clinical/paging";
import { countedRefs } from "../clinical/patient-facts";
import { planFromItem } from "../clinical/plans";
import { batchGet, keyString } from "../clinical/read";
import { adverseEventCounts, improvementCounters, RollupDeltas } from "../clinical/rollups";
import { sessionFromItem } from "../clinical/sessions";
import { addKpiPlan } from "./kpis";
import { outcomeItem, recordKeyOf, stateFromItem } from "./outcomes";
import { groupSecret } from "./secret";

/**
 * A change of a patient's Fitzpatrick type, in the transaction that updates the profile (the rule:
 * clinical/patient-facts.ts). Reads the patient's collection (one Query, paged past 1 MB) and the
 * outcome records of its concerns (one BatchGetItem), and adds to `tx`:
 *
 * - the FITZPATRICK rollup counters of every session (sessions, adverse events) and every outcome
 *   contribution of the patient taken back from the old type and added to the new one, merged per
 *   shard item: at most ROLLUP_SHARDS items per type (16 in all), whatever the number of sessions;
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
  const outcomes = items.filter((it) => String(it.sk).startsWith("OUTCOME#")).map(outcomeFromItem);
  const concerns = items.filter((it) => it.type === "Concern").map(concernFromItem);
  const plans = items.filter((it) => it.type === "TreatmentPlan").map(planFromItem);

  // Rollups: everything the patient counts under FITZPATRICK moves from the old type to the new one.
  // (Whatever FITZPATRICK ref a session or contribution stored, it is counted under `from` now.)
  const deltas = new RollupDeltas();
  const old = countedRefs([], from);
  const now = countedRefs([], to);
  const move = (shard: number, counters: Record<string, number>): void => {
    deltas.add(old, shard, Object.fromEntries(Object.entries(counters).map(([k, n]) => [k, -n])));
    deltas.add(now, shard, counters);
  };
  for (const s of sessions) move(s.rollup.shard, { sessions: 1, ...adverseEventCounts(s.adverseEvents) });
  let contributions = 0;
  for (const o of outcomes)
    for (const c of Object.values(o.contributions)) {
      if (!c) continue;
      contributions++;
      move(c.shard, improvementCounters(c.scale, c, 1));
    }
  deltas.writeTo(tx, groupId);

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
  for (const key of keys) {
    const it = found.get(keyString(key));
    if (!it) continue;
    const read = Number(it.version);
    tx.put(outcomeItem(groupId, { ...stateFromItem(it), fitzpatrick: to ?? null, version: read + 1 }), {
      condition: "version = :v",
      values: { ":v": read },
      onConditionFailed: () => conflict("This patient's outcome record"),
    });
    records++;
  }
  return {
    sessions: sessions.length,
    contributions,
    plans: plans.length,
    records,
    items: tx.items.length - before,
  };
}

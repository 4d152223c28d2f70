import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  addDays,
  canSeeSite,
  notFound,
  Serums as SerumRules,
  type ContraindicationFinding,
  type Patient,
  type Principal,
} from "@needlework/core";
import { appendAudit, auditedRead } from "../audit";
import type { Db } from "../client";
import type { Page } from "../cursor";
import { getSite } from "../groups";
import { Keys } from "../keys";
import { queryPage } from "../clinical/paging";
import { batchGet, keyString, loadWithPatient } from "../clinical/read";
import type { RecordRef } from "../clinical/refs";
import { settingsFromItem } from "../clinical/settings";
import { serumFromItem, type SerumRecord } from "../entities/serum";
import { sessionFromItem, sessionKey, type TreatmentSession } from "../entities/session";

/** A session of a patient the principal can see (NOT_FOUND otherwise): one BatchGetItem. */
export async function loadSession(
  db: Db,
  actor: Principal,
  ref: RecordRef,
): Promise<{ patient: Patient; session: TreatmentSession }> {
  const key = sessionKey(actor.groupId, ref);
  const { patient, items } = await loadWithPatient(db, actor, ref.patientId, [key], "The treatment session");
  const item = items.get(keyString(key));
  if (!item) throw notFound("The treatment session");
  return { patient, session: sessionFromItem(item) };
}

export async function getSession(db: Db, actor: Principal, ref: RecordRef): Promise<TreatmentSession> {
  return auditedRead(
    db,
    actor,
    { action: "READ_TREATMENT_SESSION", patientId: ref.patientId },
    async () => (await loadSession(db, actor, ref)).session,
    (s) => s.siteId,
  );
}

/** Sessions by ref for a DataLoader (visibility is the caller's check, through the patient). */
export async function getSessions(
  db: Db,
  groupId: string,
  refs: readonly RecordRef[],
): Promise<(TreatmentSession | undefined)[]> {
  const keys = refs.map((r) => sessionKey(groupId, r));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? sessionFromItem(it) : undefined;
  });
}

/** A site's sessions, newest first: ONE Query per page on gsi1. */
export async function recentSessions(
  db: Db,
  actor: Principal,
  args: { siteId: string; first?: number | null; after?: string | null },
): Promise<Page<TreatmentSession>> {
  if (!canSeeSite(actor, args.siteId)) throw notFound("The site");
  // A clinic admin may name any site: one the group does not have is NOT_FOUND, not an empty list.
  if (!actor.siteIds.includes(args.siteId) && !(await getSite(db, actor.groupId, args.siteId)))
    throw notFound("The site");
  const gsi1pk = Keys.siteSessionsGsi(actor.groupId, args.siteId);
  const page = await queryPage(
    db,
    actor.groupId,
    { first: args.first, after: args.after },
    {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": gsi1pk },
      ScanIndexForward: false,
    },
    sessionFromItem,
    { gsi1pk },
  );
  await appendAudit(db, actor, {
    action: "LIST_SESSIONS",
    siteId: args.siteId,
    detail: `${page.items.length} sessions`,
  });
  return page;
}

// --- Serum check without saving ----------------------------------------------------------------------

export interface SerumCheckResult {
  serum: SerumRecord;
  findings: ContraindicationFinding[];
  blocked: boolean;
  overridable: boolean;
}

/**
 * What applying a serum would meet, for the portal to flag before saving (core's check). Reads: one
 * BatchGetItem (profile, serum, settings) and, for a topical applied after a session, one Query for
 * the patient's sessions within the clinic's actives pause.
 */
export async function checkSerum(
  db: Db,
  actor: Principal,
  args: { patientId: string; serumId: string; lotNumber: string; onDate: string; duringNeedling: boolean },
): Promise<SerumCheckResult> {
  return auditedRead(db, actor, { action: "CHECK_SERUM", patientId: args.patientId }, async () => {
    const settingsKey = Keys.settings(actor.groupId);
    const serumKey = Keys.serum(actor.groupId, args.serumId);
    const { patient, items } = await loadWithPatient(db, actor, args.patientId, [settingsKey, serumKey]);
    const serumItemFound = items.get(keyString(serumKey));
    if (!serumItemFound) throw notFound("The serum");
    const serum = serumFromItem(serumItemFound);
    const { settings } = settingsFromItem(items.get(keyString(settingsKey)));
    const lastNeedledOn = args.duringNeedling
      ? null
      : await lastNeedling(db, actor.groupId, args.patientId, args.onDate, settings.activesAfterNeedlingDays);
    const findings = SerumRules.checkSerumApplication({
      patient,
      serum,
      lotNumber: args.lotNumber,
      onDate: args.onDate,
      duringNeedling: args.duringNeedling,
      lastNeedledOn,
      settings,
    });
    const blocks = findings.filter((f) => f.level === "BLOCK");
    return { serum, findings, blocked: blocks.length > 0, overridable: blocks.every((f) => f.overridable) };
  });
}

/** The latest session on or before `onDate` within the last `days` days, if any: one Query. */
async function lastNeedling(
  db: Db,
  groupId: string,
  patientId: string,
  onDate: string,
  days: number,
): Promise<string | null> {
  const res = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
      FilterExpression: "#type = :t",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: {
        ":pk": Keys.patientPk(groupId, patientId),
        ":from": `T#${addDays(onDate, -days)}`,
        ":to": `T#${onDate}#~`,
        ":t": "TreatmentSession",
      },
      ScanIndexForward: false,
    }),
  );
  const dates = (res.Items ?? []).map((it) => String(it.performedOn)).sort();
  return dates.at(-1) ?? null;
}

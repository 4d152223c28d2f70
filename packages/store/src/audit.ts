import type { Principal } from "@needlework/core";
import { DomainError, forbidden, isDomainError, notFound } from "@needlework/core";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client";
import { decodeCursor, encodeCursor, pageSize, type Page } from "./cursor";
import { newId } from "./ids";
import { Keys } from "./keys";
import { getItem } from "./clinical/read";
import type { Tx } from "./tx";

/**
 * Append-only audit trail. Each entry is written with attribute_not_exists, so an entry can never be
 * overwritten; writes add their entry to the same transaction as the change they record. Nothing in
 * the store updates or deletes an entry.
 *
 * What gets an entry: every access to patient data, one per access: a read (OK), a write (in its
 * transaction), and a refused access (NOT_FOUND, DENIED, CONFLICT, CONTRAINDICATED) so probing for
 * other sites' or groups' records leaves a trace. Administration (sites, users) is recorded too.
 */
export const AUDIT_OUTCOMES = ["OK", "DENIED", "NOT_FOUND", "CONFLICT", "CONTRAINDICATED", "ERROR"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEntryInput {
  action: string;
  patientId?: string | undefined;
  siteId?: string | undefined;
  outcome?: AuditOutcome;
  detail?: string | undefined;
}

export interface AuditEntry {
  id: string;
  at: string;
  userId: string;
  userEmail: string;
  role: string;
  action: string;
  patientId?: string;
  siteId?: string;
  outcome: AuditOutcome;
  detail?: string;
  /** The free-text detail was removed by the patient's erasure (src/erasure.ts, step 4). */
  detailErased?: boolean;
}

export function auditItem(actor: Principal, e: AuditEntryInput, now = new Date()): Record<string, unknown> {
  const at = now.toISOString();
  const id = newId(now);
  const sk = `${at}#${id}`;
  return {
    pk: e.patientId ? Keys.auditByPatientPk(actor.groupId, e.patientId) : Keys.auditByGroupPk(actor.groupId),
    sk,
    gsi2pk: Keys.auditByUserGsi(actor.groupId, actor.userId),
    gsi2sk: sk,
    type: "AuditEntry",
    id,
    at,
    userId: actor.userId,
    userEmail: actor.email,
    role: actor.role,
    action: e.action,
    patientId: e.patientId,
    siteId: e.siteId,
    outcome: e.outcome ?? "OK",
    detail: e.detail,
  };
}

const APPEND_ONLY = "attribute_not_exists(pk)";
const overwriteRefused = () => new DomainError("CONFLICT", "An audit entry cannot be overwritten.");

/** The transactional writer: the entry commits or fails with the change it records. */
export function addAuditItem(tx: Tx, item: Record<string, unknown>): void {
  tx.put(item, { condition: APPEND_ONLY, onConditionFailed: overwriteRefused });
}

export function addAudit(tx: Tx, actor: Principal, e: AuditEntryInput): void {
  addAuditItem(tx, auditItem(actor, e));
}

/** The standalone writer (reads and refusals have no transaction to join). An existing key: CONFLICT. */
export async function putAuditItem(db: Db, item: Record<string, unknown>): Promise<void> {
  try {
    await db.doc.send(
      new PutCommand({ TableName: db.tableName, Item: item, ConditionExpression: APPEND_ONLY }),
    );
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) throw overwriteRefused();
    throw e;
  }
}

/** Records a read (or a refused access) on its own: reads have no transaction to join. */
export async function appendAudit(db: Db, actor: Principal, e: AuditEntryInput): Promise<void> {
  await putAuditItem(db, auditItem(actor, e));
}

/**
 * The outcome a refused access is recorded with; undefined for refusals that are not about access.
 * A refused access (NOT_FOUND, FORBIDDEN) is a security event and is recorded. A refusal of the data
 * itself (bad input, a stale version, a contraindicated serum or session) writes nothing at all: the
 * table stays exactly as it was, and the caller was entitled to what the refusal tells them.
 */
export function refusalOutcome(err: unknown): AuditOutcome | undefined {
  if (!isDomainError(err)) return undefined;
  switch (err.code) {
    case "NOT_FOUND":
      return "NOT_FOUND";
    case "FORBIDDEN":
      return "DENIED";
    case "CONFLICT":
    case "CONTRAINDICATED":
    case "BAD_USER_INPUT":
    case "UNAUTHENTICATED":
    case "THROTTLED":
    case "IDENTITY_UNAVAILABLE":
      return undefined;
  }
}

/** Refusals already recorded, so the API's safety net (authz.ts) never records one twice. */
const recorded = new WeakSet<object>();
export const markAudited = (err: unknown): void => {
  if (err && typeof err === "object") recorded.add(err);
};
export const wasAudited = (err: unknown): boolean => !!err && typeof err === "object" && recorded.has(err);

/** Appends the entry for a refused access to patient data (once per error), then rethrows the refusal. */
export async function auditRefusal(
  db: Db,
  actor: Principal,
  e: AuditEntryInput,
  err: unknown,
): Promise<never> {
  const outcome = refusalOutcome(err);
  if (outcome && !wasAudited(err)) {
    await appendAudit(db, actor, { ...e, outcome });
    markAudited(err);
  }
  throw err;
}

/**
 * A read of patient data with its one audit entry: OK with the site read, or the refusal. Clinical
 * reads use this so that no read path forgets its entry.
 */
export async function auditedRead<T>(
  db: Db,
  actor: Principal,
  e: AuditEntryInput,
  read: () => Promise<T>,
  siteOf?: (result: T) => string | undefined,
): Promise<T> {
  let result: T;
  try {
    result = await read();
  } catch (err) {
    return auditRefusal(db, actor, e, err);
  }
  await appendAudit(db, actor, { ...e, siteId: e.siteId ?? siteOf?.(result) });
  return result;
}

export function entryFromItem(item: Record<string, unknown>): AuditEntry {
  const s = (k: string) => (typeof item[k] === "string" ? item[k] : undefined);
  const outcome = s("outcome");
  return {
    id: s("id") ?? "",
    at: s("at") ?? "",
    userId: s("userId") ?? "",
    userEmail: s("userEmail") ?? "",
    role: s("role") ?? "",
    action: s("action") ?? "",
    ...(s("patientId") ? { patientId: s("patientId") } : {}),
    ...(s("siteId") ? { siteId: s("siteId") } : {}),
    outcome: (AUDIT_OUTCOMES as readonly string[]).includes(outcome ?? "")
      ? (outcome as AuditOutcome)
      : "ERROR",
    ...(s("detail") ? { detail: s("detail") } : {}),
    ...(item.detailErased === true ? { detailErased: true } : {}),
  };
}

function requireAdmin(actor: Principal): void {
  if (actor.role !== "CLINIC_ADMIN") throw forbidden("Only a clinic admin can read the audit trail.");
}

async function page(
  db: Db,
  actor: Principal,
  q: { index?: "gsi2"; keyName: "pk" | "gsi2pk"; key: string; first?: number | null; after?: string | null },
): Promise<Page<AuditEntry>> {
  const limit = pageSize(q.first);
  const start = decodeCursor(q.after, actor.groupId, { [q.keyName]: q.key });
  const res = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: q.index,
      KeyConditionExpression: `${q.keyName} = :k`,
      ExpressionAttributeValues: { ":k": q.key },
      ExclusiveStartKey: start,
      ScanIndexForward: false,
      Limit: limit + 1,
    }),
  );
  const rows = (res.Items ?? []).slice(0, limit);
  const cursors = rows.map(
    (it) =>
      encodeCursor(
        q.index ? { pk: it.pk, sk: it.sk, gsi2pk: it.gsi2pk, gsi2sk: it.gsi2sk } : { pk: it.pk, sk: it.sk },
      ) ?? "",
  );
  return {
    items: rows.map(entryFromItem),
    cursors,
    endCursor: cursors.at(-1) ?? null,
    hasNextPage: (res.Items ?? []).length > limit,
  };
}

/**
 * A patient's trail, newest first: one Query on the patient's audit partition (plus a read of the profile that
 * answers NOT_FOUND for an id that is not a patient of the group). Reading it is itself recorded.
 */
export async function listByPatient(
  db: Db,
  actor: Principal,
  patientId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Page<AuditEntry>> {
  requireAdmin(actor);
  // An erased patient (src/erasure.ts) keeps its trail: the tombstone stands for the profile here.
  const [profile, erasure, result] = await Promise.all([
    getItem(db, Keys.patientProfile(actor.groupId, patientId)),
    getItem(db, Keys.patientErasure(actor.groupId, patientId)),
    page(db, actor, { keyName: "pk", key: Keys.auditByPatientPk(actor.groupId, patientId), ...args }),
  ]);
  if (!profile && !erasure) throw notFound("The patient");
  // Into the group's trail, so reading a trail never changes the trail being read.
  await appendAudit(db, actor, { action: "READ_AUDIT_TRAIL", detail: `patient ${patientId}` });
  return result;
}

/** What one user did, newest first: one Query on gsi2 (plus a read of the user: NOT_FOUND for a non-user). */
export async function listByUser(
  db: Db,
  actor: Principal,
  userId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Page<AuditEntry>> {
  requireAdmin(actor);
  const [user, result] = await Promise.all([
    getItem(db, Keys.user(actor.groupId, userId)),
    page(db, actor, {
      index: "gsi2",
      keyName: "gsi2pk",
      key: Keys.auditByUserGsi(actor.groupId, userId),
      ...args,
    }),
  ]);
  if (!user) throw notFound("The user");
  await appendAudit(db, actor, { action: "READ_USER_AUDIT", detail: `user ${userId}` });
  return result;
}

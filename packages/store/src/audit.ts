import type { Principal } from "@needlework/core";
import { DomainError } from "@needlework/core";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client";
import { newId } from "./ids";
import { Keys } from "./keys";
import type { Tx } from "./tx";

/**
 * Append-only audit trail. Each entry is written with attribute_not_exists, so an entry can never be
 * overwritten; writes add their entry to the same transaction as the change they record.
 */
export type AuditOutcome = "OK" | "DENIED" | "NOT_FOUND" | "CONTRAINDICATED" | "ERROR";

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

export function addAudit(tx: Tx, actor: Principal, e: AuditEntryInput): void {
  tx.put(auditItem(actor, e), {
    condition: APPEND_ONLY,
    onConditionFailed: () => new DomainError("CONFLICT", "An audit entry cannot be overwritten."),
  });
}

/** Records a read (or a refused access) on its own: reads have no transaction to join. */
export async function appendAudit(db: Db, actor: Principal, e: AuditEntryInput): Promise<void> {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: auditItem(actor, e), ConditionExpression: APPEND_ONLY }),
  );
}

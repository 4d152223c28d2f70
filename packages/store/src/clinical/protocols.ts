import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  badInput,
  conflict,
  Concerns,
  forbidden,
  Protocols,
  type Indication,
  type Principal,
  type ProtocolTemplate,
} from "@needlework/core";
import { addAudit } from "../audit";
import type { Db } from "../client";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { Keys } from "../keys";
import { getItem } from "./read";
import { Tx } from "../tx";
import { type StoredProtocol, protocolFromItem } from "../entities/protocol";

/** The entity this module writes, declared in entities/protocol.ts. */
export * from "../entities/protocol";

/**
 * Protocol templates per indication: the group's own item `PROTOCOL#<indication>` when an admin has
 * saved one, otherwise core's DEFAULT_PROTOCOLS (version 0).
 */
const defaultOf = (p: ProtocolTemplate): StoredProtocol => ({ ...p, version: 0, isDefault: true });

/** Every indication's template, in core's indication order: one Query on the group partition. */
export async function listProtocols(db: Db, groupId: string): Promise<StoredProtocol[]> {
  const own = new Map<string, StoredProtocol>();
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
        ExpressionAttributeValues: { ":pk": Keys.group(groupId).pk, ":p": "PROTOCOL#" },
        ExclusiveStartKey: start,
      }),
    );
    for (const it of res.Items ?? []) {
      const p = protocolFromItem(it);
      own.set(p.indication, p);
    }
    start = res.LastEvaluatedKey;
  } while (start);
  const out: StoredProtocol[] = [];
  for (const indication of Concerns.INDICATIONS) {
    const mine = own.get(indication);
    const fallback = Protocols.protocolFor(indication);
    if (mine) out.push(mine);
    else if (fallback) out.push(defaultOf(fallback));
  }
  return out;
}

/** Replaces the group's template for one indication. CLINIC_ADMIN only; stale version → CONFLICT. */
export async function updateProtocol(
  db: Db,
  actor: Principal,
  indication: Indication,
  expectedVersion: number,
  input: Omit<ProtocolTemplate, "indication">,
  idem?: IdempotencyContext,
): Promise<StoredProtocol> {
  if (actor.role !== "CLINIC_ADMIN")
    throw forbidden("Only a clinic administrator can change protocol templates.");
  if (!(Concerns.INDICATIONS as readonly string[]).includes(indication))
    throw badInput([{ path: "indication", reason: `must be one of ${Concerns.INDICATIONS.join(", ")}` }]);
  const template = Protocols.validateProtocol({ ...input, indication });
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const current = await getItem(db, Keys.protocol(actor.groupId, indication));
      if ((current ? Number(current.version) : 0) !== expectedVersion)
        throw conflict("This protocol template");
      const at = new Date().toISOString();
      const next: StoredProtocol = {
        ...template,
        version: expectedVersion + 1,
        isDefault: false,
        updatedAt: at,
        updatedBy: actor.userId,
      };
      const { isDefault: _default, ...stored } = next;
      tx.put(
        { ...Keys.protocol(actor.groupId, indication), type: "ProtocolTemplate", ...stored },
        {
          condition: expectedVersion === 0 ? "attribute_not_exists(pk)" : "version = :v",
          values: expectedVersion === 0 ? undefined : { ":v": expectedVersion },
          onConditionFailed: () => conflict("This protocol template"),
        },
      );
      addAudit(tx, actor, { action: "UPDATE_PROTOCOL", detail: `${indication}: ${template.name}` });
      return next;
    },
    () => new Tx(),
  );
}

import {
  conflict,
  forbidden,
  notFound,
  Serums as SerumRules,
  type LotInput,
  type Principal,
  type Serum,
  type SerumInput,
  type SerumSeed,
} from "@needlework/core";
import type { Db } from "../client";
import type { Page } from "../cursor";
import { addAudit } from "../audit";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { newId } from "../ids";
import { Keys } from "../keys";
import { batchGet, getItem, keyString } from "./read";
import { Tx } from "../tx";
import { queryAll, queryPage } from "./paging";
import { type SerumRecord, serumFromItem, serumItem } from "../entities/serum";

/** The entity this module writes, declared in entities/serum.ts. */
export * from "../entities/serum";

/**
 * The serum catalogue: one item per serum in the group's partition (`G#g / SERUM#<id>`), its lots
 * embedded (a serum has a handful of lots; the lot-trace items say who received each one).
 * CLINIC_ADMIN manages it; everyone in the group may read it (it holds no patient data).
 */
/** A catalogue entry for a seed suggestion (deterministic id from the seed key). */
export function seededSerum(groupId: string, seed: SerumSeed, lots: Serum["lots"], at: string): SerumRecord {
  const { key, ...fields } = seed;
  return {
    ...fields,
    id: `srm-${key}`,
    groupId,
    lots,
    version: 1,
    createdAt: at,
    createdBy: "seed",
    updatedAt: at,
    updatedBy: "seed",
  };
}

function requireAdmin(actor: Principal): void {
  if (actor.role !== "CLINIC_ADMIN") throw forbidden("Only a clinic admin can change the serum catalogue.");
}

export async function listSerums(db: Db, actor: Principal): Promise<SerumRecord[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
    ExpressionAttributeValues: { ":pk": Keys.group(actor.groupId).pk, ":p": "SERUM#" },
  });
  return items.map(serumFromItem).sort((a, b) => a.name.localeCompare(b.name));
}

/** The catalogue as a connection, by creation: one Query per page on the group partition. */
export async function listSerumsPage(
  db: Db,
  actor: Principal,
  args: { first?: number | null; after?: string | null },
): Promise<Page<SerumRecord>> {
  const pk = Keys.group(actor.groupId).pk;
  return queryPage(
    db,
    actor.groupId,
    args,
    {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
      ExpressionAttributeValues: { ":pk": pk, ":p": "SERUM#" },
    },
    serumFromItem,
    { pk },
  );
}

export async function getSerum(db: Db, actor: Principal, serumId: string): Promise<SerumRecord> {
  const item = await getItem(db, Keys.serum(actor.groupId, serumId));
  if (!item) throw notFound("The serum");
  return serumFromItem(item);
}

/** Serums by id, in the order asked, through the request's shared BatchGetItem (read.ts). */
export async function getSerums(
  db: Db,
  groupId: string,
  serumIds: readonly string[],
): Promise<(SerumRecord | undefined)[]> {
  const keys = serumIds.map((id) => Keys.serum(groupId, id));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? serumFromItem(it) : undefined;
  });
}

export async function createSerum(
  db: Db,
  actor: Principal,
  input: SerumInput,
  idem?: IdempotencyContext,
): Promise<SerumRecord> {
  requireAdmin(actor);
  const fields = SerumRules.validateSerumInput(input);
  return runIdempotent(
    db,
    actor,
    idem,
    (tx) => {
      const now = new Date().toISOString();
      const serum: SerumRecord = {
        ...fields,
        id: newId(),
        groupId: actor.groupId,
        lots: [],
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      };
      tx.put(serumItem(serum), { condition: "attribute_not_exists(pk)" });
      addAudit(tx, actor, { action: "CREATE_SERUM", detail: `serum ${serum.id}` });
      return serum;
    },
    () => new Tx(),
  );
}

async function writeNext(
  db: Db,
  actor: Principal,
  serumId: string,
  expectedVersion: number,
  idem: IdempotencyContext | undefined,
  action: string,
  change: (current: SerumRecord) => Partial<SerumRecord>,
): Promise<SerumRecord> {
  requireAdmin(actor);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const current = await getSerum(db, actor, serumId);
      if (current.version !== expectedVersion) throw conflict("This serum");
      const next: SerumRecord = {
        ...current,
        ...change(current),
        version: current.version + 1,
        updatedAt: new Date().toISOString(),
        updatedBy: actor.userId,
      };
      tx.put(serumItem(next), {
        condition: "attribute_exists(pk) AND version = :v",
        values: { ":v": expectedVersion },
        onConditionFailed: (old) => (old ? conflict("This serum") : notFound("The serum")),
      });
      addAudit(tx, actor, { action, detail: `serum ${serumId}` });
      return next;
    },
    () => new Tx(),
  );
}

export async function updateSerum(
  db: Db,
  actor: Principal,
  serumId: string,
  expectedVersion: number,
  input: SerumInput,
  idem?: IdempotencyContext,
): Promise<SerumRecord> {
  requireAdmin(actor);
  const fields = SerumRules.validateSerumInput(input);
  return writeNext(db, actor, serumId, expectedVersion, idem, "UPDATE_SERUM", () => ({
    ...fields,
    // A serum cleared for needling is sterile; "unknown" stays unknown rather than inheriting.
    sterile: fields.sterile,
  }));
}

export async function addSerumLot(
  db: Db,
  actor: Principal,
  serumId: string,
  expectedVersion: number,
  input: LotInput,
  idem?: IdempotencyContext,
): Promise<SerumRecord> {
  requireAdmin(actor);
  return writeNext(db, actor, serumId, expectedVersion, idem, "ADD_SERUM_LOT", (current) => {
    const lot = SerumRules.validateLotInput(input, current.lots);
    return { lots: [...current.lots, lot] };
  });
}

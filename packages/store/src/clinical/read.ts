import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { canSeeSite, notFound, type Patient, type Principal } from "@needlework/core";
import { currentScope, type Db } from "../client";
import { Keys } from "../keys";
import { patientFromItem } from "../entities/patient";

export interface ItemKey {
  pk: string;
  sk: string;
}

export type Item = Record<string, unknown>;

export const keyString = (k: ItemKey): string => `${k.pk}\u0000${k.sk}`;

/**
 * Reads items by key in as few BatchGetItem calls as possible (100 keys each; unprocessed keys are
 * retried), whatever partitions they sit in: a patient's profile, records and the group's settings
 * or serums come back in one request. Found items by `keyString` (only the keys asked for).
 *
 * Reads asked for in the same turn of the event loop within one request (DataLoaders of different
 * kinds, the signed-in user's check, a resolver's own lookups) are sent together: each caller waits
 * for one shared BatchGetItem instead of sending its own. Always strongly consistent, so a read never
 * misses a write the same user just made.
 */
export function batchGet(db: Db, keys: readonly ItemKey[]): Promise<Map<string, Item>> {
  if (keys.length === 0) return Promise.resolve(new Map<string, Item>());
  // One queue per request (or per Db outside one): requests never share a call, so each request's
  // count and budget stay its own.
  const owner: object = currentScope() ?? db;
  let queue = pendingReads.get(owner);
  if (!queue || queue.db !== db) {
    const fresh: ReadQueue = { db, reads: [] };
    queue = fresh;
    pendingReads.set(owner, fresh);
    setImmediate(() => {
      if (pendingReads.get(owner) === fresh) pendingReads.delete(owner);
      void flush(fresh);
    });
  }
  const q = queue;
  return new Promise((resolve, reject) => q.reads.push({ keys, resolve, reject }));
}

interface ReadQueue {
  db: Db;
  reads: {
    keys: readonly ItemKey[];
    resolve: (m: Map<string, Item>) => void;
    reject: (e: unknown) => void;
  }[];
}
const pendingReads = new WeakMap<object, ReadQueue>();

async function flush(queue: ReadQueue): Promise<void> {
  try {
    const found = await sendBatchGet(
      queue.db,
      queue.reads.flatMap((r) => r.keys),
    );
    for (const r of queue.reads) {
      const mine = new Map<string, Item>();
      for (const k of r.keys) {
        const it = found.get(keyString(k));
        if (it) mine.set(keyString(k), it);
      }
      r.resolve(mine);
    }
  } catch (e) {
    for (const r of queue.reads) r.reject(e);
  }
}

async function sendBatchGet(db: Db, keys: readonly ItemKey[]): Promise<Map<string, Item>> {
  const unique = [...new Map(keys.map((k) => [keyString(k), { pk: k.pk, sk: k.sk }])).values()];
  const found = new Map<string, Item>();
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + 100);
    while (pending && pending.length > 0) {
      const res = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const it of res.Responses?.[db.tableName] ?? [])
        found.set(keyString({ pk: String(it.pk), sk: String(it.sk) }), it);
      pending = res.UnprocessedKeys?.[db.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}

/** One item by key, through the same shared batch as `batchGet`. */
export async function getItem(db: Db, key: ItemKey): Promise<Item | undefined> {
  return (await batchGet(db, [key])).get(keyString(key));
}

/**
 * The patient's profile plus any other items, in one BatchGetItem. A patient the principal may not
 * see is NOT_FOUND, exactly like a missing one, whatever else was asked for.
 */
export async function loadWithPatient(
  db: Db,
  actor: Principal,
  patientId: string,
  keys: readonly ItemKey[] = [],
  /** What a refusal names: a record looked up by its own id is "not found" itself, not its patient. */
  what = "The patient",
): Promise<{ patient: Patient; items: Map<string, Item> }> {
  const profileKey = Keys.patientProfile(actor.groupId, patientId);
  const items = await batchGet(db, [profileKey, ...keys]);
  const profile = items.get(keyString(profileKey));
  if (!profile || !canSeeSite(actor, String(profile.siteId))) throw notFound(what);
  return { patient: patientFromItem(profile), items };
}

/** Patient profiles by id for a DataLoader, in the order asked (visibility is the caller's check). */
export async function getProfiles(
  db: Db,
  groupId: string,
  patientIds: readonly string[],
): Promise<(Patient | undefined)[]> {
  const keys = patientIds.map((id) => Keys.patientProfile(groupId, id));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? patientFromItem(it) : undefined;
  });
}

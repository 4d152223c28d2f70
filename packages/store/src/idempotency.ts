import { createHash } from "node:crypto";
import { badInput, DomainError, type Principal } from "@needlework/core";
import type { Db } from "./client";
import { Keys } from "./keys";
import { getItem } from "./clinical/read";
import { TransactionConflict, type Tx } from "./tx";

/**
 * A mutation with an idempotency key writes an idempotency record in the same transaction as its
 * effect. A replay with the same key and body returns the first result and writes nothing; the same
 * key with another body is refused; concurrent duplicates race on the record's condition and only
 * one transaction commits.
 */
const TTL_SECONDS = 24 * 3600;

export interface IdempotencyContext {
  key: string;
  requestHash: string;
}

export function requestHash(operation: string, body: unknown): string {
  return createHash("sha256").update(operation).update("\0").update(stableJson(body)).digest("hex");
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export function validateKey(key: string): void {
  if (!/^[A-Za-z0-9_.:-]{8,128}$/.test(key)) {
    throw badInput([{ path: "idempotencyKey", reason: "must be 8 to 128 letters, digits or _ . : -" }]);
  }
}

/** The stored result of an earlier call with this key, or undefined when the key is new. */
export async function findReplay<T>(
  db: Db,
  actor: Principal,
  ctx: IdempotencyContext,
): Promise<T | undefined> {
  // Strongly consistent, in the request's shared BatchGetItem (clinical/read.ts).
  const item = await getItem(db, Keys.idempotency(actor.groupId, ctx.key));
  if (!item) return undefined;
  return replayOf<T>(item, ctx, actor);
}

/**
 * The stored result for the same request by the same user. Another user's key is refused like a
 * reused key: a replay returns the result without re-reading, so it must never cross users.
 */
function replayOf<T>(item: Record<string, unknown>, ctx: IdempotencyContext, actor: Principal): T {
  if (item.requestHash !== ctx.requestHash || item.userId !== actor.userId) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "This idempotency key was already used for a different request. Use a new key for a new request.",
      { fields: [{ path: "idempotencyKey", reason: "was used with a different request" }] },
    );
  }
  return JSON.parse(String(item.result)) as T;
}

/**
 * The patient whose collection the transaction writes into (the profile, its guard, a record), if
 * exactly one: the record stores the mutation's result, which holds that patient's data, so it is
 * indexed under the patient (gsi2) for the patient's erasure to find and delete.
 */
function patientOf(tx: Tx, groupId: string): string | undefined {
  const ids = new Set<string>();
  for (const { item } of tx.items) {
    const op = (item.Put ?? item.Update ?? item.Delete ?? item.ConditionCheck) as
      { Item?: Record<string, unknown>; Key?: Record<string, unknown> } | undefined;
    const id = Keys.patientOfPk(groupId, op?.Item?.pk ?? op?.Key?.pk);
    if (id) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** Adds the idempotency record to the transaction; a concurrent duplicate fails its condition. */
export function addIdempotency(tx: Tx, actor: Principal, ctx: IdempotencyContext, result: unknown): void {
  const patientId = patientOf(tx, actor.groupId);
  tx.put(
    {
      ...Keys.idempotency(actor.groupId, ctx.key),
      ...(patientId
        ? { gsi2pk: Keys.idempotencyByPatientGsi(actor.groupId, patientId), gsi2sk: ctx.key }
        : {}),
      type: "Idempotency",
      requestHash: ctx.requestHash,
      result: JSON.stringify(result),
      userId: actor.userId,
      expiresAt: Math.floor(Date.now() / 1000) + TTL_SECONDS,
    },
    {
      condition: "attribute_not_exists(pk)",
      onConditionFailed: (old) => new IdempotentReplay(old ? replayOf(old, ctx, actor) : undefined),
    },
  );
}

/** Thrown inside a commit when a concurrent duplicate won the race; carries the winner's result. */
export class IdempotentReplay extends Error {
  constructor(readonly result: unknown) {
    super("idempotent replay");
  }
}

/**
 * Runs a write once per idempotency key: `build` fills the transaction and returns the result to
 * store and return. Without a key it just commits.
 */
export async function runIdempotent<T>(
  db: Db,
  actor: Principal,
  ctx: IdempotencyContext | undefined,
  build: (tx: Tx) => Promise<T> | T,
  newTx: () => Tx,
): Promise<T> {
  if (ctx) {
    validateKey(ctx.key);
    const earlier = await findReplay<T>(db, actor, ctx);
    if (earlier !== undefined) return earlier;
  }
  const tx = newTx();
  const result = await build(tx);
  if (ctx) addIdempotency(tx, actor, ctx, result);
  try {
    await tx.commit(db);
  } catch (e) {
    if (e instanceof IdempotentReplay) {
      if (e.result !== undefined) return e.result as T;
      const again = ctx ? await findReplay<T>(db, actor, ctx) : undefined;
      if (again !== undefined) return again;
    }
    if (ctx && e instanceof TransactionConflict) {
      // A duplicate of this request may be the one that won: give it a moment to commit, then answer
      // with its result rather than a CONFLICT the caller cannot act on.
      for (const wait of [20, 60, 180]) {
        await new Promise((r) => setTimeout(r, wait));
        const winner = await findReplay<T>(db, actor, ctx);
        if (winner !== undefined) return winner;
      }
    }
    throw e;
  }
  return result;
}

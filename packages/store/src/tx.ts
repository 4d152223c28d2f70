import { TransactionCanceledException, type CancellationReason } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { DomainError } from "@needlework/core";
import type { Db } from "./client";

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]
>[number];

/**
 * Writes that must hold together go through one TransactWriteItems. Each item may say what a failed
 * condition means (NOT_FOUND, CONFLICT, ...) so callers get typed errors, not SDK exceptions.
 */
export interface TxItem {
  item: TransactItem;
  /** Called when this item's condition failed; `old` is the item as stored, if any. */
  onConditionFailed?: (old: Record<string, unknown> | undefined) => Error;
}

/** What a transaction item may be conditioned on, and who explains a failed condition. */
export interface TxCondition {
  condition?: string | undefined;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  onConditionFailed?: TxItem["onConditionFailed"];
}

/** The condition fields every kind of item shares (the old item comes back when one fails). */
const conditioned = (c: TxCondition) => ({
  ConditionExpression: c.condition,
  ExpressionAttributeNames: c.names,
  ExpressionAttributeValues: c.values,
  ReturnValuesOnConditionCheckFailure: c.condition ? ("ALL_OLD" as const) : undefined,
});

export class Tx {
  readonly items: TxItem[] = [];

  private add(item: TransactItem, c: TxCondition): this {
    this.items.push({ item, onConditionFailed: c.onConditionFailed });
    return this;
  }

  put(Item: Record<string, unknown>, opts: TxCondition = {}, tableName?: string): this {
    return this.add({ Put: { TableName: tableName, Item, ...conditioned(opts) } }, opts);
  }

  update(Key: Record<string, unknown>, expr: TxCondition & { update: string }): this {
    return this.add(
      { Update: { Key, UpdateExpression: expr.update, ...conditioned(expr) } } as TransactItem,
      expr,
    );
  }

  delete(Key: Record<string, unknown>, opts: TxCondition = {}): this {
    return this.add({ Delete: { Key, ...conditioned(opts) } } as TransactItem, opts);
  }

  conditionCheck(Key: Record<string, unknown>, expr: TxCondition & { condition: string }): this {
    return this.add({ ConditionCheck: { Key, ...conditioned(expr) } } as TransactItem, expr);
  }

  async commit(db: Db, clientRequestToken?: string): Promise<void> {
    if (this.items.length === 0) return;
    if (this.items.length > 100) throw new Error("transaction exceeds 100 items");
    const TransactItems = this.items.map(({ item }) => withTable(item, db.tableName));
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems, ClientRequestToken: clientRequestToken }));
    } catch (e) {
      if (e instanceof TransactionCanceledException) {
        const reasons: CancellationReason[] = e.CancellationReasons ?? [];
        for (let i = 0; i < reasons.length; i++) {
          const r = reasons[i];
          if (r?.Code === "ConditionalCheckFailed") {
            const handler = this.items[i]?.onConditionFailed;
            const old = r.Item ? unmarshallLoose(r.Item) : undefined;
            if (handler) throw handler(old);
            throw new DomainError("CONFLICT", "The record changed while saving. Reload and try again.");
          }
        }
        if (reasons.some((r) => r?.Code === "TransactionConflict")) throw new TransactionConflict();
        if (
          reasons.some((r) => r?.Code === "ThrottlingError" || r?.Code === "ProvisionedThroughputExceeded")
        ) {
          throw new DomainError("THROTTLED", "The service is busy. Try again in a moment.", {
            retryable: true,
          });
        }
      }
      throw e;
    }
  }
}

/**
 * Cancelled because another transaction wrote one of the same items at the same moment (no condition
 * failed). A CONFLICT to the caller; `runIdempotent` first checks whether the other writer was a
 * duplicate of this very request.
 */
export class TransactionConflict extends DomainError {
  constructor() {
    super("CONFLICT", "Someone else saved a change to the same record at the same moment. Try again.");
    this.name = "TransactionConflict";
  }
}

function withTable(item: TransactItem, tableName: string): TransactItem {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    out[k] = { ...(v as object), TableName: tableName };
  }
  return out;
}

function unmarshallLoose(item: NonNullable<CancellationReason["Item"]>): Record<string, unknown> {
  return unmarshall(item);
}

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

export class Tx {
  readonly items: TxItem[] = [];

  put(
    Item: Record<string, unknown>,
    opts: {
      condition?: string;
      names?: Record<string, string>;
      values?: Record<string, unknown>;
      onConditionFailed?: TxItem["onConditionFailed"];
    } = {},
    tableName?: string,
  ): this {
    this.items.push({
      item: {
        Put: {
          TableName: tableName,
          Item,
          ConditionExpression: opts.condition,
          ExpressionAttributeNames: opts.names,
          ExpressionAttributeValues: opts.values,
          ReturnValuesOnConditionCheckFailure: opts.condition ? "ALL_OLD" : undefined,
        },
      },
      onConditionFailed: opts.onConditionFailed,
    });
    return this;
  }

  update(
    Key: Record<string, unknown>,
    expr: {
      update: string;
      condition?: string;
      names?: Record<string, string>;
      values?: Record<string, unknown>;
      onConditionFailed?: TxItem["onConditionFailed"];
    },
  ): this {
    this.items.push({
      item: {
        Update: {
          Key,
          UpdateExpression: expr.update,
          ConditionExpression: expr.condition,
          ExpressionAttributeNames: expr.names,
          ExpressionAttributeValues: expr.values,
          ReturnValuesOnConditionCheckFailure: expr.condition ? "ALL_OLD" : undefined,
        },
      } as TransactItem,
      onConditionFailed: expr.onConditionFailed,
    });
    return this;
  }

  delete(
    Key: Record<string, unknown>,
    opts: {
      condition?: string;
      names?: Record<string, string>;
      values?: Record<string, unknown>;
      onConditionFailed?: TxItem["onConditionFailed"];
    } = {},
  ): this {
    this.items.push({
      item: {
        Delete: {
          Key,
          ConditionExpression: opts.condition,
          ExpressionAttributeNames: opts.names,
          ExpressionAttributeValues: opts.values,
          ReturnValuesOnConditionCheckFailure: opts.condition ? "ALL_OLD" : undefined,
        },
      } as TransactItem,
      onConditionFailed: opts.onConditionFailed,
    });
    return this;
  }

  conditionCheck(
    Key: Record<string, unknown>,
    expr: {
      condition: string;
      names?: Record<string, string>;
      values?: Record<string, unknown>;
      onConditionFailed?: TxItem["onConditionFailed"];
    },
  ): this {
    this.items.push({
      item: {
        ConditionCheck: {
          Key,
          ConditionExpression: expr.condition,
          ExpressionAttributeNames: expr.names,
          ExpressionAttributeValues: expr.values,
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      } as TransactItem,
      onConditionFailed: expr.onConditionFailed,
    });
    return this;
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

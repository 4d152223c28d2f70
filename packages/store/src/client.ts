import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AsyncLocalStorage } from "node:async_hooks";
import { DomainError } from "@needlework/core";
import { TABLE_NAME_DEFAULT } from "./table";

/**
 * Per-request accounting: the API runs each GraphQL request inside `withRequestScope`, so every
 * DynamoDB call is counted against that request's budget, however deep in the resolvers it happens.
 */
export interface RequestScope {
  calls: number;
  budget: number;
  byOperation: Record<string, number>;
}
const scopeStorage = new AsyncLocalStorage<RequestScope>();

export function withRequestScope<T>(budget: number, fn: (scope: RequestScope) => Promise<T>): Promise<T> {
  const scope: RequestScope = { calls: 0, budget, byOperation: {} };
  return scopeStorage.run(scope, () => fn(scope));
}

export function currentScope(): RequestScope | undefined {
  return scopeStorage.getStore();
}

/**
 * The one place that builds the DynamoDB client. Everything else receives a `Db`.
 * A counter middleware records every request by operation so tests and benchmarks can assert
 * "one request per screen" and "no Scan".
 */
export interface RequestCounter {
  total: number;
  byOperation: Record<string, number>;
}

export interface Db {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  tableName: string;
  counter: RequestCounter;
}

export interface DbOptions {
  tableName?: string;
  endpoint?: string;
  region?: string;
  /** Extra client config (tests inject faults through middleware instead). */
  clientConfig?: DynamoDBClientConfig;
}

export function createDb(opts: DbOptions = {}): Db {
  const endpoint = opts.endpoint ?? process.env.DYNAMODB_ENDPOINT;
  const raw = new DynamoDBClient({
    region: opts.region ?? process.env.AWS_REGION ?? "us-east-1",
    maxAttempts: 3,
    retryMode: "standard",
    ...(endpoint
      ? {
          endpoint,
          // DynamoDB Local accepts any credentials; never read the developer's real ones.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }
      : {}),
    ...opts.clientConfig,
  });
  const counter: RequestCounter = { total: 0, byOperation: {} };
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? "unknown").replace(/Command$/, "");
      counter.total += 1;
      counter.byOperation[op] = (counter.byOperation[op] ?? 0) + 1;
      const scope = scopeStorage.getStore();
      if (scope) {
        scope.calls += 1;
        scope.byOperation[op] = (scope.byOperation[op] ?? 0) + 1;
        if (scope.calls > scope.budget) {
          throw new DomainError(
            "BAD_USER_INPUT",
            `This request needs more than ${scope.budget} database reads and writes. Ask for fewer items or fewer nested fields.`,
          );
        }
      }
      return next(args);
    },
    { step: "initialize", name: "needleworkRequestCounter" },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return {
    doc,
    raw,
    tableName: opts.tableName ?? process.env.TABLE_NAME ?? TABLE_NAME_DEFAULT,
    counter,
  };
}

export function resetCounter(db: Db): void {
  db.counter.total = 0;
  db.counter.byOperation = {};
}

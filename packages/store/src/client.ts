import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  type DynamoDBClientConfig,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AsyncLocalStorage } from "node:async_hooks";
import { DomainError } from "@needlework/core";
import { TABLE_NAME_DEFAULT } from "./table";

/**
 * Per-request accounting: the API runs each GraphQL request inside `withRequestScope`, so every
 * DynamoDB call is counted against that request's budget, however deep in the resolvers it happens.
 */
/**
 * Where the stage's pseudonymisation secret comes from (analytics/secret.ts derives each group's key
 * from it). Declared here, with the client that carries it, so the access layer imports nothing above it.
 */
export interface PseudonymSecretSource {
  /** The stage secret. Read once per process by the source (a cold start, a local start). */
  read(): Promise<string>;
}

export interface RequestScope {
  calls: number;
  budget: number;
  byOperation: Record<string, number>;
  /**
   * Set by the API while it checks the signed-in user: every write of the request waits for it and
   * fails with its error, so reads may go out beside the check (in the same BatchGetItem) but nothing
   * is ever written for a user who is no longer allowed in. See `gateWrites`.
   */
  writeGate?: Promise<unknown> | undefined;
}

/** The operations that change the table: they wait for the request's write gate. */
const WRITE_OPERATIONS = new Set([
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "TransactWriteItems",
  "BatchWriteItem",
  "ExecuteStatement",
  "BatchExecuteStatement",
  "ExecuteTransaction",
]);

/**
 * Makes every write of the current request wait for `check` (and fail with its error). Returns false
 * outside a request scope, where there is nothing to hold writes back: the caller must then await
 * the check itself before doing anything.
 */
export function gateWrites(check: Promise<unknown>): boolean {
  const scope = scopeStorage.getStore();
  if (!scope) return false;
  const gate = scope.writeGate ? Promise.all([scope.writeGate, check]) : check;
  // Nobody may be waiting yet: keep an early rejection from surfacing as unhandled.
  gate.catch(() => undefined);
  scope.writeGate = gate;
  return true;
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
  /** The stage's pseudonymisation secret (analytics/secret.ts); analytics writes and reads need it. */
  pseudonymSecret?: PseudonymSecretSource | undefined;
  /** Fault injection (tests only): consulted on every attempt of every call; see FaultHook. */
  faultHook?: FaultHook | undefined;
  /** Tests only: rewrites the answer of a call (documents as the caller sees them). */
  responseHook?: ResponseHook | undefined;
}

export type ResponseHook = (call: {
  operation: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}) => Record<string, unknown>;

/** An answer a test hook rewrote: an SDK output still (it keeps the call's $metadata). */
function isOutputOf<T extends object>(_original: T, rewritten: object): rewritten is T {
  return "$metadata" in rewritten;
}

interface BatchOutput {
  Responses?: Record<string, unknown[]>;
  UnprocessedKeys?: Record<string, unknown>;
  UnprocessedItems?: Record<string, unknown>;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** Retries of a batch's unprocessed part, with exponential backoff from BATCH_BACKOFF_MS (jittered). */
const BATCH_RETRIES = 4;
const BATCH_BACKOFF_MS = 50;

/**
 * One attempt of one DynamoDB call, as a fault hook sees it. `call` numbers logical calls on this Db
 * (as `counter.total` does); `attempt` starts at 1 and grows with the SDK's own retries.
 */
export interface FaultPoint {
  call: number;
  attempt: number;
  operation: string;
}

/**
 * A fault to inject: an Error is thrown instead of sending the call; `{ error, after: true }` lets the
 * call reach DynamoDB and then loses the response (the write happened, the caller sees a failure).
 * Retryable errors (throttling, 5xx) go through the SDK's standard retries like real ones.
 */
export type Fault = Error | { error: Error; after: true };
export type FaultHook = (point: FaultPoint) => Fault | undefined;

/** Thrown when one request makes more database calls than its budget allows. */
export class RequestBudgetExceeded extends DomainError {
  constructor(readonly budget: number) {
    super(
      "BAD_USER_INPUT",
      `This request needs more than ${budget} database reads and writes. Ask for fewer items or fewer nested fields, or split it into several requests.`,
      { fields: [{ path: "(request)", reason: `needs more than ${budget} database calls` }] },
    );
    this.name = "RequestBudgetExceeded";
  }
}

export interface DbOptions {
  tableName?: string;
  endpoint?: string;
  region?: string;
  /** Extra client config (tests inject faults through middleware instead). */
  clientConfig?: DynamoDBClientConfig;
  /** Fault injection for tests; also settable later as `db.faultHook`. */
  faultHook?: FaultHook;
  /** Where the pseudonymisation secret comes from (deployed: Secrets Manager; locally: a file). */
  pseudonymSecret?: PseudonymSecretSource;
}

const CALL_NUMBER = "needleworkCallNumber";
const ATTEMPT_NUMBER = "needleworkAttemptNumber";

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
      const gate = scopeStorage.getStore()?.writeGate;
      if (gate && WRITE_OPERATIONS.has(op)) await gate;
      counter.total += 1;
      context[CALL_NUMBER] = counter.total;
      counter.byOperation[op] = (counter.byOperation[op] ?? 0) + 1;
      const scope = scopeStorage.getStore();
      if (scope) {
        scope.calls += 1;
        scope.byOperation[op] = (scope.byOperation[op] ?? 0) + 1;
        if (scope.calls > scope.budget) {
          throw new RequestBudgetExceeded(scope.budget);
        }
      }
      return next(args);
    },
    { step: "initialize", name: "needleworkRequestCounter" },
  );
  // Throttled batches come back as UnprocessedKeys / UnprocessedItems, which the SDK does not retry:
  // retry them here with backoff, and answer a throttling error (THROTTLED) when they stay unprocessed.
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? "");
      if (command !== "BatchGetItemCommand" && command !== "BatchWriteItemCommand") return next(args);
      const pendingOf = (o: BatchOutput) =>
        command === "BatchGetItemCommand" ? o.UnprocessedKeys : o.UnprocessedItems;
      let result = await next(args);
      for (let retry = 1; ; retry++) {
        const output = result.output as BatchOutput;
        const pending = pendingOf(output);
        if (!pending || Object.keys(pending).length === 0) return result;
        if (retry > BATCH_RETRIES) {
          throw new ProvisionedThroughputExceededException({
            $metadata: output.$metadata ?? {},
            message: `${Object.keys(pending).length} table(s) still had unprocessed ${command === "BatchGetItemCommand" ? "keys" : "items"} after ${BATCH_RETRIES} retries`,
          });
        }
        await new Promise((r) =>
          setTimeout(r, BATCH_BACKOFF_MS * 2 ** (retry - 1) * (0.5 + Math.random() / 2)),
        );
        const again = await next({ ...args, input: { ...args.input, RequestItems: pending } });
        const more = again.output as BatchOutput;
        const responses: Record<string, unknown[]> = { ...output.Responses };
        for (const [table, items] of Object.entries(more.Responses ?? {}))
          responses[table] = [...(responses[table] ?? []), ...items];
        // The retry's answer, with every response so far (its own object, fresh from the SDK).
        if (command === "BatchGetItemCommand") more.Responses = responses;
        result = again;
      }
    },
    { step: "initialize", priority: "low", name: "needleworkUnprocessedRetry" },
  );
  // Tests only: rewrites a call's answer (e.g. a batch answered as unprocessed), inside the batch retry.
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const hook = db.responseHook;
      if (!hook) return result;
      const operation = String(context.commandName ?? "unknown").replace(/Command$/, "");
      const output = hook({
        operation,
        input: { ...args.input },
        output: { ...result.output },
      });
      if (!isOutputOf(result.output, output))
        throw new Error(`the response hook's ${operation} answer has no $metadata`);
      return { ...result, output };
    },
    { step: "initialize", priority: "low", name: "needleworkResponseHook" },
  );
  // Inside the SDK's retry loop, so it sees every attempt: an injected throttle is retried like a real one.
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const hook = db.faultHook;
      if (!hook) return next(args);
      const attempt = (Number(context[ATTEMPT_NUMBER]) || 0) + 1;
      context[ATTEMPT_NUMBER] = attempt;
      const operation = String(context.commandName ?? "unknown").replace(/Command$/, "");
      const fault = hook({ call: Number(context[CALL_NUMBER]) || 0, attempt, operation });
      if (!fault) return next(args);
      if (fault instanceof Error) throw fault;
      await next(args);
      throw fault.error;
    },
    { step: "deserialize", name: "needleworkFaultInjection" },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const db: Db = {
    doc,
    raw,
    tableName: opts.tableName ?? process.env.TABLE_NAME ?? TABLE_NAME_DEFAULT,
    counter,
    faultHook: opts.faultHook,
    pseudonymSecret: opts.pseudonymSecret,
  };
  return db;
}

export function resetCounter(db: Db): void {
  db.counter.total = 0;
  db.counter.byOperation = {};
}

import {
  DynamoDBServiceException,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from "@aws-sdk/client-dynamodb";
import type { Db, FaultHook } from "@needlework/store";
import { snapshotTable } from "../support/dynamo";

/**
 * Shared pieces of the hardening suites: table diffs for all-or-nothing checks, realistic injected
 * DynamoDB failures, and the one-line counts each suite prints.
 */

export interface Counts {
  tried: number;
  rejected: number;
  partialWrites: number;
  [extra: string]: number | string;
}

/** One line per suite in `npm test` output: `[hardening] <suite>: tried=.. rejected=.. partialWrites=..`. */
export function printCounts(suite: string, counts: Counts): void {
  const parts = Object.entries(counts).map(([k, v]) => `${k}=${v}`);
  console.log(`[hardening] ${suite}: ${parts.join(" ")}`);
}

interface RawItem {
  pk?: { S?: string };
  sk?: { S?: string };
  type?: { S?: string };
  outcome?: { S?: string };
}

export type Snapshot = Map<string, { type: string; raw: string }>;

/**
 * Every item of the table by its key (tooling Scan: tests only). An audit entry recording a refusal
 * is typed `AuditEntry:<outcome>` (a refused request writes one on purpose; see `isRefusalAudit`).
 */
export async function snapshot(db: Db): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const raw of await snapshotTable(db)) {
    const item = JSON.parse(raw) as RawItem;
    let type = item.type?.S ?? "?";
    if (type === "AuditEntry" && item.outcome?.S && item.outcome.S !== "OK")
      type = `AuditEntry:${item.outcome.S}`;
    out.set(`${item.pk?.S ?? ""}|${item.sk?.S ?? ""}`, { type, raw });
  }
  return out;
}

/** The audit entry a refusal (NOT_FOUND, DENIED, CONFLICT, CONTRAINDICATED) appends by design. */
export const isRefusalAudit = (signatureEntry: string): boolean =>
  signatureEntry.startsWith("added:AuditEntry:");

/** Data writes only: the signature without refusal audit entries. */
export const dataWrites = (signature: string[]): string[] => signature.filter((s) => !isRefusalAudit(s));

/**
 * What a write did to the table, as a sorted multiset of "added:<type>", "changed:<type>",
 * "removed:<type>": two runs of the same mutation give the same signature although ids and
 * timestamps differ, and a partial write gives a strict subset of the complete one.
 */
export function changeSignature(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [key, item] of after) {
    const old = before.get(key);
    // A counter shard is picked at random: whether it existed before says nothing about the write.
    if (COUNTERS.has(item.type) && old?.raw !== item.raw) out.push(`upsert:${item.type}`);
    else if (!old) out.push(`added:${item.type}`);
    else if (old.raw !== item.raw) out.push(`changed:${item.type}`);
  }
  for (const [key, item] of before) if (!after.has(key)) out.push(`removed:${item.type}`);
  return out.sort();
}

/** Item types written as sharded counters (ADD to a shard: whether the item existed says nothing). */
const COUNTERS = new Set(["RollupShard", "Rollup"]);

export type Outcome = "unchanged" | "complete" | "partial";

export function classify(signature: string[], complete: string[]): Outcome {
  if (signature.length === 0) return "unchanged";
  return signature.join(",") === complete.join(",") ? "complete" : "partial";
}

/** The error DynamoDB answers for a malformed request: its message names the table and key attributes. */
export function injectedServiceError(db: Db): Error {
  return new DynamoDBServiceException({
    name: "ValidationException",
    $fault: "client",
    $metadata: { httpStatusCode: 400, requestId: "INJECTEDREQUESTID" },
    message: `One or more parameter values were invalid: Missing the key pk in the item (table ${db.tableName}, index gsi1 on gsi1pk/gsi1sk, sk) at /work/main/packages/store/src/tx.ts:42`,
  });
}

export function throttle(): Error {
  return new ProvisionedThroughputExceededException({
    $metadata: { httpStatusCode: 400, requestId: "INJECTEDTHROTTLE" },
    message: `The level of configured provisioned throughput for the table was exceeded.`,
  });
}

export function cancelled(code: "ThrottlingError" | "TransactionConflict", items = 3): Error {
  return new TransactionCanceledException({
    $metadata: { httpStatusCode: 400, requestId: "INJECTEDCANCEL" },
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${code}]`,
    CancellationReasons: Array.from({ length: items }, (_, i) =>
      i === 0 ? { Code: code, Message: code } : { Code: "None" },
    ),
  });
}

/** A hook that fails call number `k` (counted from the last counter reset), before or after it runs. */
export function failCall(k: number, error: Error, after: boolean): FaultHook {
  return ({ call }) => (call === k ? (after ? { error, after: true } : error) : undefined);
}

/** Text of a response that must not appear: internals of the store and the runtime. */
export function leaks(body: string, tableName: string): string[] {
  const found: string[] = [];
  const patterns: [string, RegExp][] = [
    ["table name", new RegExp(tableName.replace(/[-]/g, "\\-"))],
    ["key attribute", /\b(pk|sk|gsi\d?(pk|sk)?|gsi\d)\b/],
    [
      "AWS error name",
      /Exception|ValidationException|DynamoDB|ConditionalCheck|TransactionCanceled|\$metadata/,
    ],
    ["file path", /\/work\/|node_modules|\.ts:\d+|\.js:\d+/],
    ["stack", /stacktrace|\bat [\w.<>]+ \(|\n\s+at /],
  ];
  for (const [what, re] of patterns) if (re.test(body)) found.push(what);
  return found;
}

import { randomBytes, randomUUID } from "node:crypto";
import { DeleteTableCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { createDb, type Db } from "../../packages/store/src/client";
import { ensureTable } from "../../packages/store/src/bootstrap";
import { staticPseudonymSecret } from "../../packages/store/src/analytics/secret";

/** The run's pseudonymisation secret (a stage has one; a test run makes its own). */
export const TEST_PSEUDONYM_SECRET = staticPseudonymSecret(randomBytes(32).toString("hex"));

/** A fresh table on the run's shared DynamoDB Local. Call in beforeAll; drop it in afterAll. */
export async function createTestDb(prefix = "t"): Promise<Db & { drop(): Promise<void> }> {
  const endpoint = inject("dynamoEndpoint");
  const db = createDb({
    endpoint,
    tableName: `${prefix}-${randomUUID().slice(0, 8)}`,
    pseudonymSecret: TEST_PSEUDONYM_SECRET,
  });
  await ensureTable(db);
  return Object.assign(db, {
    drop: async () => {
      await db.raw.send(new DeleteTableCommand({ TableName: db.tableName }));
    },
  });
}

/** Every item of the table, sorted: for "the table is exactly as it was" assertions (tooling only). */
export async function snapshotTable(db: Db): Promise<string[]> {
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.raw.send(
      new ScanCommand({ TableName: db.tableName, ExclusiveStartKey: start as never }),
    );
    for (const it of page.Items ?? []) items.push(stableStringify(it));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort();
}

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "undefined";
}

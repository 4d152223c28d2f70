import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, Keys } from "@needlework/store";
import { DATA_LAYOUT, freePort, startDynamoLocal } from "@needlework/store/local";
import { startLocalStack } from "../../scripts/local-stack";

/**
 * `npm start` on a data directory written by an older Needlework: the old data is kept, moved aside,
 * and the product starts on fresh demo data in the current layout instead of reading items it no
 * longer understands (empty summaries). Real DynamoDB Local, real data directory.
 */
describe("local data written by an older layout", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "nw-layout-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const MARKER = { pk: "LOCAL", sk: "DATA_LAYOUT" };
  const PROBE = { pk: "PROBE", sk: "OLD" };

  const start = async () =>
    startLocalStack({ dataDir, web: false, quiet: true, apiPort: await freePort(), dynamoPort: 0 });

  /** Opens the data directory directly (nothing else running on it). */
  const withTable = async <T>(dir: string, fn: (db: ReturnType<typeof createDb>) => Promise<T>) => {
    const dynamo = await startDynamoLocal({ port: 0, dataDir: dir });
    try {
      return await fn(createDb({ endpoint: dynamo.endpoint, tableName: "needlework" }));
    } finally {
      await dynamo.stop();
    }
  };

  it("marks a new table with the current layout, and keeps the data on the next start", async () => {
    const first = await start();
    await first.stop();
    await withTable(join(dataDir, "dynamodb"), async (db) => {
      const marker = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: MARKER }));
      expect(marker.Item?.layout).toBe(DATA_LAYOUT);
      await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...PROBE, kept: true } }));
    });
    const second = await start();
    await second.stop();
    expect(readdirSync(dataDir).filter((d) => d.startsWith("dynamodb-layout"))).toEqual([]);
    await withTable(join(dataDir, "dynamodb"), async (db) => {
      expect((await db.doc.send(new GetCommand({ TableName: db.tableName, Key: PROBE }))).Item).toBeTruthy();
    });
  }, 120_000);

  it("moves data without the marker (the first layout) aside and seeds afresh", async () => {
    await withTable(join(dataDir, "dynamodb"), async (db) => {
      await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: MARKER }));
    });
    const stack = await start();
    await stack.stop();
    const aside = readdirSync(dataDir).filter((d) => d.startsWith("dynamodb-layout1-"));
    expect(aside).toHaveLength(1);
    await withTable(join(dataDir, "dynamodb"), async (db) => {
      const get = (Key: Record<string, string>) =>
        db.doc.send(new GetCommand({ TableName: db.tableName, Key }));
      expect((await get(MARKER)).Item?.layout).toBe(DATA_LAYOUT);
      expect((await get(PROBE)).Item).toBeUndefined();
      expect((await get(Keys.group("glow"))).Item?.name).toBeTruthy();
    });
    // Nothing lost: the old data is still there, aside.
    expect(existsSync(join(dataDir, aside[0]!))).toBe(true);
    await withTable(join(dataDir, aside[0]!), async (db) => {
      expect((await db.doc.send(new GetCommand({ TableName: db.tableName, Key: PROBE }))).Item?.kept).toBe(
        true,
      );
    });
  }, 120_000);
});

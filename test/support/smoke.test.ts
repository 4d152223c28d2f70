import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { createTestDb } from "./dynamo";
import { tableDefinition } from "../../packages/store/src/table";

describe("DynamoDB Local harness", () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb("harness");
  });
  afterAll(async () => db.drop());

  it("creates the table with the store's keys and indexes", async () => {
    const t = await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    expect(t.Table?.KeySchema?.map((k) => k.AttributeName)).toEqual(["pk", "sk"]);
    expect(t.Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(
      tableDefinition.globalIndexes.map((g) => g.indexName).sort(),
    );
  });
});

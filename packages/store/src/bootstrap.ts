import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import type { Db } from "./client";
import { keyAttributes, tableDefinition } from "./table";

/** Creates the table and its indexes from the single definition when missing. Local use only. */
export async function ensureTable(db: Db): Promise<"created" | "exists"> {
  try {
    await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    return "exists";
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  const def = tableDefinition;
  await db.raw.send(
    new CreateTableCommand({
      TableName: db.tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: keyAttributes(def).map((a) => ({
        AttributeName: a.name,
        AttributeType: a.type,
      })),
      KeySchema: [
        { AttributeName: def.partitionKey.name, KeyType: "HASH" },
        { AttributeName: def.sortKey.name, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: def.globalIndexes.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey.name, KeyType: "HASH" },
          { AttributeName: g.sortKey.name, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: g.projection },
      })),
    }),
  );
  await waitUntilTableExists({ client: db.raw, maxWaitTime: 30 }, { TableName: db.tableName });
  await db.raw.send(
    new UpdateTimeToLiveCommand({
      TableName: db.tableName,
      TimeToLiveSpecification: { AttributeName: def.timeToLiveAttribute, Enabled: true },
    }),
  );
  return "created";
}

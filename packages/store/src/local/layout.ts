import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client";

/**
 * The shape of the data a local table holds. Raise it whenever items written by an older Needlework
 * would be read wrongly by this one (new key layouts, counters kept another way): `npm start` then
 * moves the old local data aside and seeds afresh instead of serving summaries from a layout it no
 * longer reads. Local only: a deployed stage is created with the current layout.
 *
 *   1: the first layout (no marker was written).
 *   2: rollups in one partition per dimension with month buckets; patients' record sequence;
 *      idempotency records indexed by patient.
 *   3: one email claim per email across groups (`EMAIL#<email>`), no longer one per group.
 *   4: pseudonymous keys (patient_key, outcome record keys) derived from the stage secret outside
 *      the table, no longer from a per-group secret item.
 */
export const DATA_LAYOUT = 4;

/** A tooling item, outside every clinic group's partitions (no request path reads it). */
const MARKER = { pk: "LOCAL", sk: "DATA_LAYOUT" } as const;

/** The layout a table was written with: 0 for an empty table, 1 for data from before the marker. */
export async function readLayout(db: Db, tableWasEmpty: boolean): Promise<number> {
  const got = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: MARKER, ConsistentRead: true }),
  );
  if (typeof got.Item?.layout === "number") return got.Item.layout;
  return tableWasEmpty ? 0 : 1;
}

export async function writeLayout(db: Db, layout = DATA_LAYOUT): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...MARKER, type: "LocalDataLayout", layout, writtenAt: new Date().toISOString() },
    }),
  );
}

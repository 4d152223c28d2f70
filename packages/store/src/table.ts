/**
 * The one definition of the Needlework table. The SST Database stack, the local bootstrap and the
 * test harness all read it, so the deployed keys and indexes cannot drift from the store's.
 *
 * Every key starts with the clinic group ("G#<groupId>#..."), so nothing of one group is reachable
 * with another group's prefix.
 */
export const TABLE_NAME_DEFAULT = "needlework";

export interface KeyAttribute {
  name: string;
  type: "S" | "N";
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** What a screen needs from the index; ALL keeps the list screens to one Query. */
  projection: "ALL" | "KEYS_ONLY";
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalIndexes: IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry (idempotency records). */
  timeToLiveAttribute: string;
}

export const tableDefinition: TableDefinition = {
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "S" },
  globalIndexes: [
    {
      // Per-site lists: patients by name, sessions by date.
      indexName: "gsi1",
      partitionKey: { name: "gsi1pk", type: "S" },
      sortKey: { name: "gsi1sk", type: "S" },
      projection: "ALL",
    },
    {
      // Due dates (next session / retreatment) per site; audit by user.
      indexName: "gsi2",
      partitionKey: { name: "gsi2pk", type: "S" },
      sortKey: { name: "gsi2sk", type: "S" },
      projection: "ALL",
    },
  ],
  timeToLiveAttribute: "expiresAt",
};

/** Every attribute that appears in a key of the table or an index, with its type. */
export function keyAttributes(def: TableDefinition = tableDefinition): KeyAttribute[] {
  const all = [def.partitionKey, def.sortKey];
  for (const gsi of def.globalIndexes) all.push(gsi.partitionKey, gsi.sortKey);
  const seen = new Map<string, KeyAttribute>();
  for (const a of all) seen.set(a.name, a);
  return [...seen.values()];
}

import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client";
import { decodeCursor, encodeCursor, pageSize, type Page, type StartKey } from "../cursor";

/**
 * One DynamoDB Query per page of a Relay connection. Asks for one item more than the page so
 * `hasNextPage` is exact; each edge's cursor is that item's key (the table's key plus the index's, if
 * any), encoded with the one cursor codec. With a filter the page may come back short: then the
 * cursor is DynamoDB's LastEvaluatedKey so the next page resumes where this one stopped.
 */
export async function queryPage<T>(
  db: Db,
  groupId: string,
  args: { first?: number | null; after?: string | null },
  query: Omit<QueryCommandInput, "TableName" | "Limit" | "ExclusiveStartKey">,
  map: (item: Record<string, unknown>) => T,
  /** Key attributes a cursor must carry unchanged (the list's partition), so another list's cursor is refused. */
  partition?: Record<string, string>,
): Promise<Page<T>> {
  const limit = pageSize(args.first);
  const start = decodeCursor(args.after, groupId, partition);
  const keyNames = ["pk", "sk", ...(query.IndexName ? [`${query.IndexName}pk`, `${query.IndexName}sk`] : [])];
  const keyOf = (it: Record<string, unknown>): StartKey =>
    Object.fromEntries(keyNames.map((k) => [k, it[k]]));
  const res = await db.doc.send(
    new QueryCommand({ ...query, TableName: db.tableName, ExclusiveStartKey: start, Limit: limit + 1 }),
  );
  const rows = res.Items ?? [];
  const page = rows.slice(0, limit);
  const cursors = page.map((it) => encodeCursor(keyOf(it)) ?? "");
  const more = rows.length > limit;
  let endCursor = cursors.at(-1) ?? null;
  if (!more && res.LastEvaluatedKey) endCursor = encodeCursor(res.LastEvaluatedKey);
  return {
    items: page.map(map),
    cursors,
    endCursor,
    hasNextPage: more || !!res.LastEvaluatedKey,
  };
}

/** Every item of a partition (or a prefix of it), following LastEvaluatedKey past 1 MB. */
export async function queryAll(
  db: Db,
  query: Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey">,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(
      new QueryCommand({ ...query, TableName: db.tableName, ExclusiveStartKey: start }),
    );
    out.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

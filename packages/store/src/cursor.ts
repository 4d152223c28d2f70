import { badInput } from "@needlework/core";
import { belongsToGroup } from "./keys";

/**
 * The one cursor codec: an opaque base64url of DynamoDB's LastEvaluatedKey. A cursor is checked to
 * belong to the caller's group before use, so a crafted cursor cannot reach another tenant.
 */
export type StartKey = Record<string, unknown>;

export function encodeCursor(key: StartKey | undefined): string | null {
  if (!key) return null;
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/**
 * `partition` names the key attributes the cursor must carry unchanged (e.g. the site's gsi1pk): a
 * cursor from another list of the same group is refused instead of reaching DynamoDB.
 */
export function decodeCursor(
  cursor: string | null | undefined,
  groupId: string,
  partition?: Record<string, string>,
): StartKey | undefined {
  if (cursor == null || cursor === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badInput([{ path: "after", reason: "is not a cursor this API gave out" }]);
  }
  if (
    !parsed ||
    typeof parsed !== "object" ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((v) => typeof v === "string" || typeof v === "number") ||
    !belongsToGroup(parsed as StartKey, groupId) ||
    (partition && !Object.entries(partition).every(([k, v]) => (parsed as StartKey)[k] === v))
  ) {
    throw badInput([{ path: "after", reason: "is not a cursor this API gave out" }]);
  }
  return parsed as StartKey;
}

export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

export function pageSize(first: number | null | undefined): number {
  if (first == null) return PAGE_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) {
    throw badInput([{ path: "first", reason: `must be a whole number from 1 to ${PAGE_MAX}` }]);
  }
  return first;
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

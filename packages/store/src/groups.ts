import { BatchGetCommand, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Role } from "@needlework/core";
import type { Db } from "./client";
import { Keys } from "./keys";

/** The clinic group, its sites and its users: one partition per group. */
export interface Group {
  id: string;
  name: string;
  createdAt: string;
}

export interface Site {
  id: string;
  groupId: string;
  name: string;
  archived: boolean;
  version: number;
}

export interface User {
  id: string;
  groupId: string;
  email: string;
  name: string;
  role: Role;
  siteIds: string[];
  active: boolean;
  version: number;
}

export const groupItem = (g: Group) => ({ ...Keys.group(g.id), type: "Group", ...g });
export const siteItem = (s: Site) => ({ ...Keys.site(s.groupId, s.id), type: "Site", ...s });
export const userItem = (u: User) => ({ ...Keys.user(u.groupId, u.id), type: "User", ...u });

export async function getGroup(db: Db, groupId: string): Promise<Group | undefined> {
  const got = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: Keys.group(groupId) }));
  return got.Item ? { id: String(got.Item.id), name: String(got.Item.name), createdAt: String(got.Item.createdAt) } : undefined;
}

/** Sites by id in as few BatchGetItem calls as possible (100 keys each), in the order asked. */
export async function getSites(db: Db, groupId: string, siteIds: readonly string[]): Promise<(Site | undefined)[]> {
  const unique = [...new Set(siteIds)];
  const found = new Map<string, Site>();
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique
      .slice(i, i + 100)
      .map((id) => Keys.site(groupId, id));
    while (keys && keys.length > 0) {
      const res = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: keys } } }),
      );
      for (const it of res.Responses?.[db.tableName] ?? []) found.set(String(it.id), it as unknown as Site);
      keys = res.UnprocessedKeys?.[db.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return siteIds.map((id) => found.get(id));
}

export async function listSites(db: Db, groupId: string): Promise<Site[]> {
  const res = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
      ExpressionAttributeValues: { ":pk": Keys.group(groupId).pk, ":p": "SITE#" },
    }),
  );
  return (res.Items ?? []) as unknown as Site[];
}

export async function listUsers(db: Db, groupId: string): Promise<User[]> {
  const out: User[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
        ExpressionAttributeValues: { ":pk": Keys.group(groupId).pk, ":p": "USER#" },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((res.Items ?? []) as unknown as User[]));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

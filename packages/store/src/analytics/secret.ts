import { randomBytes } from "node:crypto";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client";
import { Keys } from "../keys";
import { getItem } from "../clinical/read";

/**
 * The group's pseudonymisation secret (the key of core's `pseudonymousKey` HMAC). One item per group
 * (`G#g#ANALYTICS / SECRET`), created on first use with a conditional put so concurrent first uses
 * agree on one value. It never leaves the store: no resolver returns it and it sits in a partition no
 * list reads. A secret never changes, so it is cached per process (one GetItem per cold start).
 */
const cache = new Map<string, string>();

export async function groupSecret(db: Db, groupId: string): Promise<string> {
  const cacheKey = `${db.tableName}\u0000${groupId}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const key = Keys.analyticsSecret(groupId);
  const read = async (): Promise<string | undefined> => {
    const item = await getItem(db, key);
    return typeof item?.secret === "string" ? item.secret : undefined;
  };
  let secret = await read();
  if (!secret) {
    const fresh = randomBytes(32).toString("hex");
    try {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: {
            ...key,
            type: "AnalyticsSecret",
            groupId,
            secret: fresh,
            createdAt: new Date().toISOString(),
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      secret = fresh;
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      secret = await read();
    }
  }
  if (!secret) throw new Error("the analytics secret could not be created");
  cache.set(cacheKey, secret);
  return secret;
}

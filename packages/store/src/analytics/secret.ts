import { createHmac } from "node:crypto";
import type { Db, PseudonymSecretSource } from "../client";

export type { PseudonymSecretSource } from "../client";

/**
 * The pseudonymisation secret: the key of core's `pseudonymousKey` HMAC (analysts' patient_key) and of
 * the outcome record keys. It is not in the table, so a table export or backup alone cannot link a
 * patient_key back to a patient.
 *
 * One secret per stage, from a source passed to `createDb` (`pseudonymSecret`): deployed, Secrets
 * Manager under the stage's KMS key (packages/api/src/secrets.ts); locally, a file in the data
 * directory; tests, a per-run value. Each clinic group's key is derived from it with a label, so the
 * same patient id gives unrelated keys in two groups and the stage secret itself never keys an HMAC.
 */
/** Domain separation: a key derived for this purpose only, versioned so a new scheme gives new keys. */
export const GROUP_KEY_LABEL = "needlework/pseudonym-group-key/v1";
/** The least a stage secret may be (the deployed one is 64 random letters and digits). */
export const MIN_SECRET_LENGTH = 32;

/** A fixed secret (tests, benchmarks): at least MIN_SECRET_LENGTH characters. */
export function staticPseudonymSecret(secret: string): PseudonymSecretSource {
  checkSecret(secret);
  return { read: () => Promise.resolve(secret) };
}

export function checkSecret(secret: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the pseudonymisation secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return secret;
}

/** HMAC-SHA256(stage secret, label \0 groupId), hex: the group's key. */
export function deriveGroupKey(stageSecret: string, groupId: string): string {
  return createHmac("sha256", stageSecret).update(`${GROUP_KEY_LABEL}\u0000${groupId}`).digest("hex");
}

const derived = new WeakMap<PseudonymSecretSource, Map<string, string>>();

/** The group's pseudonymisation key. Never leaves the store: no resolver returns it. */
export async function groupSecret(db: Db, groupId: string): Promise<string> {
  const source = db.pseudonymSecret;
  if (!source) {
    throw new Error("no pseudonymisation secret: createDb({ pseudonymSecret }) is required for analytics");
  }
  let keys = derived.get(source);
  if (!keys) derived.set(source, (keys = new Map<string, string>()));
  const cached = keys.get(groupId);
  if (cached) return cached;
  const key = deriveGroupKey(checkSecret(await source.read()), groupId);
  keys.set(groupId, key);
  return key;
}

import { Groups, type Db } from "@needlework/store";

/**
 * Waits until a token issued now is no longer older than the user's last access change (core
 * token-lifetime.ts). Whole-second `iat` means a sign-in in the very second of a change may be
 * refused, by design; a test that signs in right after changing a user waits here (under a second)
 * instead of depending on where in the second it happened to run.
 */
export async function untilSignInAllowed(db: Db, groupId: string, userId: string): Promise<void> {
  const user = await Groups.getUser(db, groupId, userId);
  const waitMs = (user?.tokensValidFrom ?? 0) * 1000 - Date.now();
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
}

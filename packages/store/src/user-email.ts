import { badInput } from "@needlework/core";
import type { Db } from "./client";
import { getItem } from "./clinical/read";
import { Keys } from "./keys";

/** BAD_USER_INPUT when the email already belongs to a user of this group (the invite's own guard). */
export const emailTaken = () =>
  badInput([{ path: "input.email", reason: "already belongs to a user of this clinic group" }]);

/**
 * Refuses an email already used in the group before anything is created for it elsewhere (deployed:
 * the Cognito account), so the group's own duplicate gets the group's own answer. The invite's
 * transaction still checks it. One strongly consistent read.
 */
export async function requireEmailFree(db: Db, groupId: string, email: string): Promise<void> {
  if (await getItem(db, Keys.userEmail(groupId, email))) throw emailTaken();
}

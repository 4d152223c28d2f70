import { badInput, type DomainError } from "@needlework/core";
import type { Db } from "./client";
import { getItem } from "./clinical/read";
import { Keys } from "./keys";

/** BAD_USER_INPUT when the email already belongs to a user of this group. */
export const emailTaken = () =>
  badInput([{ path: "input.email", reason: "already belongs to a user of this clinic group" }]);

/**
 * The email already belongs to a user elsewhere: in another clinic group, or (deployed) to a Cognito
 * account left over from an invite that failed half-way. The same answer in every case, naming no
 * group: sign-in is by email across the whole product, so that the address is taken is all an
 * invite may learn.
 */
export const emailInUse = (): DomainError =>
  badInput(
    [{ path: "input.email", reason: "already has a Needlework sign-in account" }],
    "This email address already has a Needlework sign-in account, so it cannot be invited. Use another address, or contact support.",
  );

/** The answer for an email whose claim (Keys.userEmail) is held, by the group's own user or not. */
export const emailClaimed = (groupId: string, claim: Record<string, unknown> | undefined): DomainError =>
  claim?.groupId === groupId ? emailTaken() : emailInUse();

/**
 * Refuses an email already claimed, before anything is created for it elsewhere (deployed: the
 * Cognito account). The invite's transaction still checks it (a conditional put of the claim). One
 * strongly consistent read.
 */
export async function requireEmailFree(db: Db, groupId: string, email: string): Promise<void> {
  const claim = await getItem(db, Keys.userEmail(email));
  if (claim) throw emailClaimed(groupId, claim);
}

import type { Principal, Role } from "@needlework/core";
import { Groups, Idempotency, type User } from "@needlework/store";
import { requireActiveUser } from "../authz";
import type { Context } from "../context";
import { isEmailInUse } from "./identity";

/**
 * The admin user mutations with the sign-in account kept in step with the User record (deployed:
 * Cognito; locally there is no account and these are the store's functions as they are).
 *
 * Order: the identity provider first, then the record, then undo the provider if the record was not
 * written. The store calls the provider from inside the write (UserWriteHooks), so it happens only
 * once the write is known valid (input, version, email held by no user) and is not an idempotent
 * replay (a replay answers the stored result and touches nothing), and only after the caller's own
 * account passed its check (writes to the table wait for that check; calls to Cognito must too).
 *
 * Why this is safe whatever fails: the API authorises each request with the token's claims checked
 * against the record (authz.ts requireActiveUser: active, same role, sites still granted), so what a
 * user can do is never more than the record grants, whichever of the two is ahead. Why this order:
 * a failure answers with nothing saved, so the same mutation (same version, same idempotency key) can
 * simply be sent again, and it converges: syncAccount sets the whole account to the record's state.
 *
 * - invite: create the account (Cognito e-mails the temporary password), add it to the role's group,
 *   write the record with the account's `sub` as its id; if the record is not written (the email
 *   already held by a user, an archived site, a conflict, DynamoDB failing), delete the account.
 * - update / deactivate / reactivate: set the account to the new state, write the record; if the
 *   record is not written, set the account back to the record as it now stands.
 */

/** Waits between looks for a concurrent duplicate's stored result (same idempotency key). */
const REPLAY_WAITS_MS = [150, 350, 500];

export async function inviteUser(
  ctx: Context,
  actor: Principal,
  input: { email: string; name: string; role: Role; siteIds?: string[] | undefined },
  idem: Idempotency.IdempotencyContext | undefined,
): Promise<User> {
  const idp = ctx.identity;
  if (!idp.mirrorsUsers) return Groups.inviteUser(ctx.db, actor, input, idem);
  let created: string | undefined;
  try {
    const user = await Groups.inviteUser(ctx.db, actor, input, idem, {
      newUserId: async (draft) => {
        await requireActiveUser(ctx);
        // An email held by any user is refused before Cognito is asked anything (the group's own
        // users get the group's own answer).
        await Groups.requireEmailFree(ctx.db, actor.groupId, draft.email);
        created = await idp.createAccount(draft);
        return created;
      },
    });
    // A concurrent duplicate of this very request (same key) committed first: its account is the one.
    if (created && user.id !== created) await discard(ctx, created, "a duplicate invite was saved first");
    return user;
  } catch (e) {
    if (created) await discard(ctx, created, "the user record was not saved");
    else if (idem && isEmailInUse(e)) {
      // The account may be this request's own twin, sent twice at once: answer with its result.
      for (const wait of REPLAY_WAITS_MS) {
        await new Promise((r) => setTimeout(r, wait));
        const winner = await Idempotency.findReplay<User>(ctx.db, actor, idem);
        if (winner !== undefined) return winner;
      }
    }
    throw e;
  }
}

export function updateUser(
  ctx: Context,
  actor: Principal,
  userId: string,
  version: number,
  input: { name?: string | null; role?: Role | null; siteIds?: string[] | undefined },
  idem: Idempotency.IdempotencyContext | undefined,
): Promise<User> {
  return withAccount(ctx, actor, userId, (hooks) =>
    Groups.updateUser(ctx.db, actor, userId, version, input, idem, hooks),
  );
}

export function setUserActive(
  ctx: Context,
  actor: Principal,
  userId: string,
  version: number,
  active: boolean,
): Promise<User> {
  return withAccount(ctx, actor, userId, (hooks) =>
    Groups.setUserActive(ctx.db, actor, userId, version, active, hooks),
  );
}

async function withAccount(
  ctx: Context,
  actor: Principal,
  userId: string,
  write: (hooks: Groups.UserWriteHooks | undefined) => Promise<User>,
): Promise<User> {
  const idp = ctx.identity;
  if (!idp.mirrorsUsers) return write(undefined);
  let synced = false;
  try {
    return await write({
      beforeChange: async (next) => {
        await requireActiveUser(ctx);
        await idp.syncAccount(next);
        synced = true;
      },
    });
  } catch (e) {
    // The account was set to a record that was not written: set it back to the record as it stands.
    // (A sync that itself failed is not undone here: whatever part of it went through grants nothing
    // the record does not, and the same mutation sent again sets the whole account.)
    if (synced) await restore(ctx, actor, userId);
    throw e;
  }
}

async function restore(ctx: Context, actor: Principal, userId: string): Promise<void> {
  try {
    const record = await Groups.getUser(ctx.db, actor.groupId, userId);
    if (record) await ctx.identity.syncAccount(record);
  } catch (e) {
    ctx.log({
      level: "error",
      msg: "sign-in account not set back to its user record; the user's next change (or this one sent again) sets it",
      groupId: actor.groupId,
      userId,
      error: e instanceof Error ? { name: e.name, message: e.message } : String(e),
    });
  }
}

/** Undoes createAccount; a failure is logged (the account then signs in to nothing) and swallowed. */
async function discard(ctx: Context, sub: string, why: string): Promise<void> {
  try {
    await ctx.identity.deleteAccount(sub);
  } catch (e) {
    ctx.log({
      level: "error",
      msg: "orphan sign-in account: no user record has its sub; delete it (infra/DEPLOY.md, Users)",
      sub,
      why,
      error: e instanceof Error ? { name: e.name, message: e.message } : String(e),
    });
  }
}

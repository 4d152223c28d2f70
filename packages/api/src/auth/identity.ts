import { DomainError, type Role } from "@needlework/core";
import { Groups } from "@needlework/store";

/**
 * Where users sign in. The User record in the table is the source of truth for who may do what (the
 * API checks it on every request: authz.ts requireActiveUser); the identity provider holds the
 * sign-in account that issues the tokens, and mirrors the record:
 *
 * - local (npm start, tests): no accounts at all. The local issuer reads the table, so an invited
 *   user can sign in at once and every method here is a no-op.
 * - cognito (a deployed stage, USER_POOL_ID set): one Cognito user per User record, its `sub` being
 *   the User id; auth/cognito.ts. The admin mutations keep it in step (auth/accounts.ts).
 */
export interface AccountState {
  /** The User id, which is the account's `sub`. */
  id: string;
  groupId: string;
  email: string;
  name: string;
  role: Role;
  siteIds: readonly string[];
  active: boolean;
}

export type NewAccount = Omit<AccountState, "id" | "active">;

export interface IdentityProvider {
  readonly kind: "local" | "cognito";
  /** True when users have an account here that the User record must be mirrored to. */
  readonly mirrorsUsers: boolean;
  /**
   * Creates the sign-in account (enabled, in the role's group, the invitation sent) and returns its
   * `sub`. Throws `emailInUse()` when the email already has an account, IdentityUnavailable when the
   * provider fails; either way nothing is left behind.
   */
  createAccount(user: NewAccount): Promise<string>;
  /**
   * Sets the account to the record's state: name, sites, exactly the role's group, enabled or not.
   * Idempotent, so running it again after a failure converges. Throws IdentityUnavailable.
   */
  syncAccount(user: AccountState): Promise<void>;
  /** Deletes the account (undoing createAccount); an account that does not exist is not an error. */
  deleteAccount(id: string): Promise<void>;
}

/** Local mode: the table is the user directory, there is nothing else to keep in step. */
export const localIdentity: IdentityProvider = {
  kind: "local",
  mirrorsUsers: false,
  createAccount: () => Promise.reject(new Error("the local identity provider creates no accounts")),
  syncAccount: () => Promise.resolve(),
  deleteAccount: () => Promise.resolve(),
};

/**
 * The identity provider could not be updated (unreachable, throttled, or it refused the call). Typed
 * for the client as IDENTITY_UNAVAILABLE; `retryable` when trying again may help. The message never
 * names the provider's internals (pool ids, ARNs, SDK messages); those go to the log only.
 */
export class IdentityUnavailable extends DomainError {
  constructor(retryable: boolean) {
    super(
      "IDENTITY_UNAVAILABLE",
      retryable
        ? "The sign-in service could not be updated, so nothing was saved. Try again in a moment."
        : "The sign-in service refused the change, so nothing was saved. If it happens again, contact support.",
      { retryable },
    );
    this.name = "IdentityUnavailable";
  }
}

/**
 * The email already has a sign-in account (Cognito said so) or a user anywhere (the table's claim
 * said so): the store's one answer, naming no group (store user-email.ts).
 */
export const emailInUse = Groups.emailInUse;

export const isEmailInUse = (e: unknown): boolean =>
  e instanceof DomainError &&
  e.code === "BAD_USER_INPUT" &&
  e.fields.some((f) => f.path === "input.email" && f.reason === "already has a Needlework sign-in account");

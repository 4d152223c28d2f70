/**
 * How long a sign-in token is good for, and which tokens a change of a user's access retires. One
 * definition: the store stamps the user record (`nextAccessStamp`), the API checks each token against
 * it (packages/api/src/authz.ts requireActiveUser) and against its age (auth/tokens.ts).
 *
 * Times are whole seconds since the epoch, as a JWT's `iat` and `exp` are.
 */

/**
 * The ID token's validity: Cognito's `idTokenValidity` (infra/Auth.ts) and the local issuer's, and the
 * API's maximum token age whatever `exp` says.
 */
export const ID_TOKEN_VALIDITY_SECONDS = 3600;

/** Clock difference allowed between the token's issuer and the API. */
export const TOKEN_CLOCK_SKEW_SECONDS = 5;

/**
 * Whether a change of access only takes something away (a deactivation, sites removed with the role
 * unchanged): every token issued before it is then refused by the record itself (inactive, or a site
 * claimed that is no longer granted), so tokens issued just before it need not be told apart.
 * Anything else (a reactivation, a new role, a site added) may give back what an older token claims.
 */
export type AccessChange = "narrows" | "restores";

/** What a user record keeps about its last access change, in epoch seconds. */
export interface AccessStamp {
  /** The second the user's access (active, role, sites) last changed. */
  accessChangedAt: number;
  /** The earliest `iat` accepted: tokens issued before it are refused (`tokenPredatesAccess`). */
  tokensValidFrom: number;
}

/**
 * The record's stamp after an access change at `nowMs`.
 *
 * Tokens issued up to the clock skew before the change stay accepted (a lagging issuer clock stamps a
 * token issued just after the change a little early). For a change that narrows, that is harmless:
 * the record refuses whatever the change took away. A change that restores access also refuses every
 * token issued in or before the second of the previous change, so the skew allowance never reaches
 * back past it: a token from before a deactivation stays refused after a reactivation, however soon
 * it follows. The price, forced by whole-second `iat`: a token issued in the very second of that
 * previous change, even just after it, is refused once access is restored; its user signs in again.
 * `tokensValidFrom` never moves back.
 */
export function nextAccessStamp(
  previous: Partial<AccessStamp>,
  change: AccessChange,
  nowMs: number,
): AccessStamp {
  const now = Math.floor(nowMs / 1000);
  let from = now - TOKEN_CLOCK_SKEW_SECONDS;
  if (previous.tokensValidFrom !== undefined) from = Math.max(from, previous.tokensValidFrom);
  if (change === "restores" && previous.accessChangedAt !== undefined) {
    from = Math.max(from, previous.accessChangedAt + 1);
  }
  return { accessChangedAt: now, tokensValidFrom: from };
}

/**
 * Whether the token was issued before the user's last access change (and so is refused). A record
 * never stamped (not changed since stamps exist) retires nothing; a token without `iat` against a
 * stamped record is refused.
 */
export function tokenPredatesAccess(iat: number | undefined, tokensValidFrom: number | undefined): boolean {
  if (tokensValidFrom === undefined) return false;
  return iat === undefined || iat < tokensValidFrom;
}

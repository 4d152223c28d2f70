import { config } from "../config";
import type { CognitoAuth } from "./cognito";
import type { IssuedToken } from "./local";

/**
 * Where the portal keeps a session, and why not localStorage: a token in localStorage outlives the
 * tab and the browser, so on a shared treatment-room device the next person to open the portal
 * would be signed in as the last one. sessionStorage is per tab and gone when the tab closes, yet
 * survives a reload mid-session (docs/SECURITY.md, "Sign-in").
 */
const TOKEN_KEY = "needlework.session";

export const localSession = {
  read(): IssuedToken | null {
    try {
      const raw = sessionStorage.getItem(TOKEN_KEY);
      if (!raw) return null;
      const t = JSON.parse(raw) as Partial<IssuedToken>;
      if (typeof t.token !== "string" || typeof t.expiresAt !== "string") return null;
      return Date.parse(t.expiresAt) > Date.now() ? { token: t.token, expiresAt: t.expiresAt } : null;
    } catch {
      return null;
    }
  },
  write(t: IssuedToken): void {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(t));
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

let cognito: Promise<CognitoAuth> | null = null;

/**
 * The portal's Cognito sign-in, loaded on first use: the library (and its SRP arithmetic) stays out
 * of the initial download, and out of local mode entirely. The library keeps its tokens in
 * sessionStorage, for the reason above.
 */
export function portalCognito(): Promise<CognitoAuth> {
  cognito ??= import("./cognito").then(
    (m) =>
      m.createCognitoAuth({
        userPoolId: config.cognito.userPoolId,
        clientId: config.cognito.clientId,
        endpoint: config.cognito.endpoint || undefined,
        storage: window.sessionStorage,
      }),
    (e: unknown) => {
      // A chunk that failed to load (a dropped connection) is tried again on the next use.
      cognito = null;
      throw e;
    },
  );
  return cognito;
}

/** How long before the ID token expires the portal fetches a new one. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

/** When to refresh a token expiring at `expiresAt`: ahead of expiry, never in a tight loop. */
export function refreshDelay(expiresAt: string, now = Date.now()): number {
  return Math.max(Date.parse(expiresAt) - now - REFRESH_AHEAD_MS, 10_000);
}

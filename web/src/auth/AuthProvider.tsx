import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { gql, setToken, setUnauthenticatedHandler } from "../api/client";
import { ApiError } from "../api/errors";
import { config } from "../config";
import { AuthContext, type Auth, type Me } from "./context";
import { useIdleLock } from "./idle";
import type { IssuedToken } from "./local";
import { IdleLockQuery, MeQuery } from "./operations";
import { localSession, portalCognito, refreshDelay } from "./session";

const SITE_KEY = "needlework.site";
const cognitoMode = config.authMode === "cognito";

/** The session kept across a reload: the library's (Cognito) or the local issuer's token. */
async function restore(): Promise<IssuedToken | null> {
  // A token an older portal left in localStorage would outlive every sign-out here: drop it.
  localStorage.removeItem("needlework.session");
  if (!cognitoMode) return localSession.read();
  return (await portalCognito()).restore();
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Auth["status"]>("loading");
  const [me, setMe] = useState<Me | null>(null);
  const [siteId, setSiteId] = useState<string | null>(() => localStorage.getItem(SITE_KEY));
  const [notice, setNotice] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [idleMinutes, setIdleMinutes] = useState<number | null>(null);
  const signedIn = useRef(false);

  const signOut = useCallback((reason?: string) => {
    signedIn.current = false;
    localSession.clear();
    setToken(null);
    setMe(null);
    setIssued(null);
    setIdleMinutes(null);
    setNotice(reason ?? null);
    setStatus("signed-out");
    if (cognitoMode) {
      // Revokes the refresh token; the tokens here are forgotten whatever the service answers.
      void portalCognito()
        .then((c) => c.signOut())
        .then((revoked) => {
          if (!revoked)
            setNotice(
              (n) =>
                `${n ? `${n} ` : ""}The sign-in service could not be reached to end the session everywhere; it ends within the hour.`,
            );
        });
    }
  }, []);

  const load = useCallback(async (token: IssuedToken) => {
    setToken(token.token);
    const { me: loaded } = await gql(MeQuery);
    if (!cognitoMode) localSession.write(token);
    signedIn.current = true;
    setIssued(token);
    setMe(loaded);
    setNotice(null);
    setStatus("signed-in");
    // The clinic group's idle lock; if the settings cannot be read the default applies.
    gql(IdleLockQuery).then(
      (r) => setIdleMinutes(r.clinicSettings.idleLockMinutes),
      () => setIdleMinutes(10),
    );
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => signOut("Your session has ended. Sign in again to carry on."));
    restore()
      .then((stored) => {
        if (!stored) {
          setStatus("signed-out");
          return;
        }
        return load(stored);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.code === "UNAUTHENTICATED")) signOut();
      });
    return () => setUnauthenticatedHandler(null);
  }, [load, signOut]);

  // Cognito: a new ID token before this one expires, so a clinic day needs one sign-in (the
  // refresh token lasts days; the idle lock, not expiry, ends an unattended session).
  useEffect(() => {
    if (!cognitoMode || !issued) return;
    const timer = setTimeout(() => {
      portalCognito()
        .then((c) => c.refresh())
        .then((next) => {
          if (!signedIn.current) return;
          setToken(next.token);
          setIssued(next);
        })
        .catch(() => signOut("Your session has ended. Sign in again to carry on."));
    }, refreshDelay(issued.expiresAt));
    return () => clearTimeout(timer);
  }, [issued, signOut]);

  useIdleLock(status === "signed-in" ? idleMinutes : null, (minutes) =>
    signOut(`Locked after ${minutes} minutes without activity. Sign in again to carry on.`),
  );

  const site = useMemo(() => {
    if (!me) return null;
    return me.sites.find((s) => s.id === siteId) ?? me.sites[0] ?? null;
  }, [me, siteId]);

  const value = useMemo<Auth>(
    () => ({
      status,
      me,
      site,
      notice,
      selectSite: (id: string) => {
        localStorage.setItem(SITE_KEY, id);
        setSiteId(id);
      },
      signIn: load,
      signOut,
    }),
    [status, me, site, notice, load, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

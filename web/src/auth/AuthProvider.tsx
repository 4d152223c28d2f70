import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { gql, setToken, setUnauthenticatedHandler } from "../api/client";
import { ApiError } from "../api/errors";
import { AuthContext, type Auth, type Me } from "./context";
import type { IssuedToken } from "./local";
import { MeQuery } from "./operations";

const TOKEN_KEY = "needlework.session";
const SITE_KEY = "needlework.site";

function readStoredToken(): IssuedToken | null {
  try {
    const raw = localStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as Partial<IssuedToken>;
    if (typeof t.token !== "string" || typeof t.expiresAt !== "string") return null;
    return Date.parse(t.expiresAt) > Date.now() ? { token: t.token, expiresAt: t.expiresAt } : null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Auth["status"]>("loading");
  const [me, setMe] = useState<Me | null>(null);
  const [siteId, setSiteId] = useState<string | null>(() => localStorage.getItem(SITE_KEY));
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((reason?: string) => {
    localStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setMe(null);
    setNotice(reason ?? null);
    setStatus("signed-out");
  }, []);

  const load = useCallback(async (issued: IssuedToken) => {
    setToken(issued.token);
    const { me: loaded } = await gql(MeQuery);
    localStorage.setItem(TOKEN_KEY, JSON.stringify(issued));
    setMe(loaded);
    setNotice(null);
    setStatus("signed-in");
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => signOut("Your session has ended. Sign in again to carry on."));
    const stored = readStoredToken();
    if (!stored) {
      setStatus("signed-out");
      return;
    }
    load(stored).catch((e: unknown) => {
      if (!(e instanceof ApiError && e.code === "UNAUTHENTICATED")) signOut();
    });
    return () => setUnauthenticatedHandler(null);
  }, [load, signOut]);

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

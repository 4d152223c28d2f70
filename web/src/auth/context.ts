import { createContext, useContext } from "react";
import type { MeQuery } from "../gql/graphql";
import type { IssuedToken } from "./local";

export type Me = MeQuery["me"];
export type Site = Me["sites"][number];

export interface Auth {
  status: "loading" | "signed-out" | "signed-in";
  me: Me | null;
  /** The site the user is working at now; lists and new records use it. */
  site: Site | null;
  /** Why the user was sent back to sign-in, if they were. */
  notice: string | null;
  selectSite: (siteId: string) => void;
  signIn: (token: IssuedToken) => Promise<void>;
  signOut: (notice?: string) => void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth must be used inside <AuthProvider>");
  return auth;
}

/** The current site, for pages that only render when signed in. */
export function useSite(): Site {
  const { site } = useAuth();
  if (!site) throw new Error("No site selected");
  return site;
}

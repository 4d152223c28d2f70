import DataLoader from "dataloader";
import type { Principal } from "@needlework/core";
import { unauthenticated } from "@needlework/core";
import { Groups, type Db, type RequestScope, type Site } from "@needlework/store";

/**
 * Per-request context: the principal (verified, or the reason it is missing), the database, and
 * DataLoaders created fresh for each request so nothing is cached across callers.
 */
export interface Context {
  db: Db;
  principal: Principal | undefined;
  authError: Error | undefined;
  scope: RequestScope;
  loaders: Loaders;
}

export interface Loaders {
  site: DataLoader<string, Site | undefined>;
}

export function createLoaders(db: Db, principal: Principal | undefined): Loaders {
  return {
    site: new DataLoader<string, Site | undefined>(async (ids) =>
      principal ? Groups.getSites(db, principal.groupId, ids) : ids.map(() => undefined),
    ),
  };
}

/** The principal, or UNAUTHENTICATED. Every resolver that touches data starts here. */
export function requirePrincipal(ctx: Context): Principal {
  if (!ctx.principal) throw ctx.authError ?? unauthenticated();
  return ctx.principal;
}

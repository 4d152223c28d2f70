import type { Role } from "@needlework/core";
import { Groups, Idempotency, type Site } from "@needlework/store";
import * as Accounts from "../auth/accounts";
import { requireAdmin } from "../authz";
import type { Context } from "../context";
import { localIdOf } from "../ids";
import { toConnection } from "./connection";
import { siteNode, userNode, type UserNode } from "./nodes";
import { loadAll } from "../load";

/** Administration of the group's sites and users. Clinic admins only (authz.ts policies, and again here). */
type PageArgs = { first?: number | null; after?: string | null };

function idem(op: string, key: string | null | undefined, body: unknown) {
  return key ? { key, requestHash: Idempotency.requestHash(op, body) } : undefined;
}

const siteIdsOf = (ids: readonly string[] | null | undefined) =>
  ids?.map((id, i) => localIdOf(id, "Site", `input.siteIds.${i}`));

export const adminResolvers = {
  Query: {
    sites: async (_: unknown, args: PageArgs, ctx: Context) => {
      const p = requireAdmin(ctx);
      return toConnection(await Groups.listSitesPage(ctx.db, p, args), siteNode);
    },
    users: async (_: unknown, args: PageArgs, ctx: Context) => {
      const p = requireAdmin(ctx);
      return toConnection(await Groups.listUsersPage(ctx.db, p, args), userNode);
    },
  },
  Mutation: {
    createSite: async (
      _: unknown,
      args: { input: { name: string }; idempotencyKey?: string | null },
      ctx: Context,
    ) => {
      const p = requireAdmin(ctx);
      const site = await Groups.createSite(
        ctx.db,
        p,
        args.input,
        idem("createSite", args.idempotencyKey, args.input),
      );
      return { site: siteNode(site) };
    },
    updateSite: async (
      _: unknown,
      args: {
        id: string;
        version: number;
        input: { name?: string | null; archived?: boolean | null };
        idempotencyKey?: string | null;
      },
      ctx: Context,
    ) => {
      const p = requireAdmin(ctx);
      const site = await Groups.updateSite(
        ctx.db,
        p,
        localIdOf(args.id, "Site"),
        args.version,
        args.input,
        idem("updateSite", args.idempotencyKey, { id: args.id, version: args.version, input: args.input }),
      );
      return { site: siteNode(site) };
    },
    inviteUser: async (
      _: unknown,
      args: {
        input: { email: string; name: string; role: Role; siteIds?: string[] | null };
        idempotencyKey?: string | null;
      },
      ctx: Context,
    ) => {
      const p = requireAdmin(ctx);
      const user = await Accounts.inviteUser(
        ctx,
        p,
        { ...args.input, siteIds: siteIdsOf(args.input.siteIds) },
        idem("inviteUser", args.idempotencyKey, args.input),
      );
      return { user: userNode(user) };
    },
    updateUser: async (
      _: unknown,
      args: {
        id: string;
        version: number;
        input: { name?: string | null; role?: Role | null; siteIds?: string[] | null };
        idempotencyKey?: string | null;
      },
      ctx: Context,
    ) => {
      const p = requireAdmin(ctx);
      const user = await Accounts.updateUser(
        ctx,
        p,
        localIdOf(args.id, "User"),
        args.version,
        { ...args.input, siteIds: siteIdsOf(args.input.siteIds) },
        idem("updateUser", args.idempotencyKey, { id: args.id, version: args.version, input: args.input }),
      );
      return { user: userNode(user) };
    },
    deactivateUser: async (_: unknown, args: { id: string; version: number }, ctx: Context) => {
      const p = requireAdmin(ctx);
      return {
        user: userNode(await Accounts.setUserActive(ctx, p, localIdOf(args.id, "User"), args.version, false)),
      };
    },
    reactivateUser: async (_: unknown, args: { id: string; version: number }, ctx: Context) => {
      const p = requireAdmin(ctx);
      return {
        user: userNode(await Accounts.setUserActive(ctx, p, localIdOf(args.id, "User"), args.version, true)),
      };
    },
  },
  User: {
    sites: async (u: UserNode, _: unknown, ctx: Context) => {
      const sites = await loadAll(ctx.loaders.site, u.siteIds);
      return sites.filter((s): s is Site => !!s).map(siteNode);
    },
  },
};

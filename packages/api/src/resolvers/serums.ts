import {
  notFound,
  Serums as SerumRules,
  todayIso,
  type ContraindicationFinding,
  type SerumLot,
} from "@needlework/core";
import { SerumCatalogue, TreatmentSessions, type SerumRecord } from "@needlework/store";
import { requirePrincipal, type Context } from "../context";
import type { Resolvers } from "../generated/resolvers";
import { localIdOf, toGlobalId } from "../ids";
import { idem } from "./clinical";
import { toConnection } from "./connection";
import { serumNode, type SerumNode } from "./nodes";

/** Serum catalogue: everyone in the group reads it, clinic admins change it (authz.ts). */
export const serumResolvers = {
  Query: {
    serums: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      return toConnection(await SerumCatalogue.listSerumsPage(ctx.db, p, args), serumNode);
    },
    checkSerum: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const result = await TreatmentSessions.checkSerum(ctx.db, p, {
        patientId: localIdOf(args.patientId, "Patient", "patientId"),
        serumId: localIdOf(args.serumId, "SerumAddOn", "serumId"),
        lotNumber: args.lotNumber,
        onDate: args.onDate,
        duringNeedling: args.duringNeedling,
      });
      ctx.loaders.serum.prime(result.serum.id, result.serum);
      return {
        serum: serumNode(result.serum),
        lotNumber: args.lotNumber,
        onDate: args.onDate,
        duringNeedling: args.duringNeedling,
        findings: result.findings satisfies ContraindicationFinding[],
        blocked: result.blocked,
        overridable: result.overridable,
      };
    },
  },
  Mutation: {
    createSerum: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const serum = await SerumCatalogue.createSerum(
        ctx.db,
        p,
        args.input,
        idem("createSerum", args.idempotencyKey, args.input),
      );
      return { serum: serumNode(serum) };
    },
    updateSerum: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const serum = await SerumCatalogue.updateSerum(
        ctx.db,
        p,
        localIdOf(args.id, "SerumAddOn"),
        args.version,
        args.input,
        idem("updateSerum", args.idempotencyKey, { id: args.id, version: args.version, input: args.input }),
      );
      return { serum: serumNode(serum) };
    },
    addSerumLot: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const serum = await SerumCatalogue.addSerumLot(
        ctx.db,
        p,
        localIdOf(args.id, "SerumAddOn"),
        args.version,
        args.lot,
        idem("addSerumLot", args.idempotencyKey, { id: args.id, version: args.version, lot: args.lot }),
      );
      return { serum: serumNode(serum) };
    },
  },
  SerumAddOn: {
    id: (s) => toGlobalId("SerumAddOn", s.id),
    lots: (s) => s.lots.map((l: SerumLot) => ({ ...l, expired: !SerumRules.lotUsable(l, todayIso()) })),
  },
} satisfies Resolvers;

/** A serum named on a clinical record, through the per-request loader. */
export async function serumById(ctx: Context, serumId: string): Promise<SerumNode> {
  const s: SerumRecord | undefined = await ctx.loaders.serum.load(serumId);
  if (!s) throw notFound("The serum");
  return serumNode(s);
}

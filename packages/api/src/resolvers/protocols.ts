import { badInput, type DepthRange, type FieldProblem, type Zone } from "@needlework/core";
import { ProtocolTemplates } from "@needlework/store";
import { requireAdmin } from "../authz";
import { requirePrincipal } from "../context";
import type { Resolvers } from "../generated/resolvers";
import { idem } from "./clinical";

/** Protocol templates per indication: the group's own or core's defaults; clinic admins edit them. */
export const protocolResolvers = {
  Query: {
    protocols: async (_, __, ctx) => ProtocolTemplates.listProtocols(ctx.db, requirePrincipal(ctx).groupId),
  },
  Mutation: {
    updateProtocol: async (_, args, ctx) => {
      const p = requireAdmin(ctx);
      const { zoneDepths: list, ...rest } = args.input;
      const zoneDepths: Partial<Record<Zone, DepthRange>> = {};
      const problems: FieldProblem[] = [];
      (list ?? []).forEach((z, i) => {
        if (zoneDepths[z.zone]) problems.push({ path: `zoneDepths.${i}.zone`, reason: "is listed twice" });
        zoneDepths[z.zone] = { minMm: z.minMm, maxMm: z.maxMm };
      });
      if (problems.length > 0) throw badInput(problems);
      const protocol = await ProtocolTemplates.updateProtocol(
        ctx.db,
        p,
        args.indication,
        args.version,
        {
          ...rest,
          zoneDepths,
          suggestedSerums: rest.suggestedSerums ?? [],
          defaultZones: rest.defaultZones ?? [],
          notes: rest.notes ?? "",
        },
        idem("updateProtocol", args.idempotencyKey, {
          indication: args.indication,
          version: args.version,
          input: args.input,
        }),
      );
      return { protocol };
    },
  },
  ProtocolTemplate: {
    zoneDepths: (t) =>
      Object.entries(t.zoneDepths ?? {}).flatMap(([zone, r]) =>
        r ? [{ zone: zone as Zone, minMm: r.minMm, maxMm: r.maxMm }] : [],
      ),
  },
} satisfies Resolvers;

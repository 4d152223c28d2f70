import {
  badInput,
  Schedule,
  todayIso,
  type DepthBand,
  type Device,
  type FitzpatrickType,
  type Indication,
} from "@needlework/core";
import { Analytics, Audit, type Site } from "@needlework/store";
import { requirePrincipal, type Context } from "../context";
import { csvHeader, csvLine } from "../export/csv";
import { localIdOf, toGlobalId } from "../ids";
import { toConnection } from "./connection";
import { siteNode } from "./nodes";
import { loadAll } from "../load";

/**
 * Analytics (ANALYST and CLINIC_ADMIN; the policies are in authz.ts): thin resolvers over the
 * store's analytics module. Every answer is de-identified there; here ids become global ids.
 */
export interface OutcomeFilterInput {
  from?: string | null;
  to?: string | null;
  siteId?: string | null;
  indication?: Indication | null;
  device?: Device | null;
  serumId?: string | null;
  depthBand?: string | null;
  fitzpatrick?: FitzpatrickType | null;
}

/** GraphQL filter → the store's: global ids to local ids, the depth band checked against core's bands. */
export function storeFilter(f: OutcomeFilterInput | null | undefined): Analytics.OutcomeFilter {
  if (!f) return {};
  if (f.depthBand != null && !(Schedule.DEPTH_BANDS as readonly string[]).includes(f.depthBand))
    throw badInput([
      { path: "filter.depthBand", reason: `must be one of ${Schedule.DEPTH_BANDS.join(", ")}` },
    ]);
  if (f.from && f.to && f.from > f.to)
    throw badInput([{ path: "filter.to", reason: "must not be before from" }]);
  const out: Analytics.OutcomeFilter = {};
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.siteId) out.siteId = localIdOf(f.siteId, "Site", "filter.siteId");
  if (f.indication) out.indication = f.indication;
  if (f.device) out.device = f.device;
  if (f.serumId) out.serumId = localIdOf(f.serumId, "SerumAddOn", "filter.serumId");
  if (f.depthBand) out.depthBand = f.depthBand as DepthBand;
  if (f.fitzpatrick) out.fitzpatrick = f.fitzpatrick;
  return out;
}

const GLOBAL_KEY: Partial<Record<Analytics.SummaryDimension, string>> = {
  SITE: "Site",
  SERUM: "SerumAddOn",
  PRACTITIONER: "User",
};

function summaryRowOut(
  dimension: Analytics.SummaryDimension | "CONCERN_DEPTH_BAND",
  r: Analytics.SummaryRow,
) {
  const type = dimension === "CONCERN_DEPTH_BAND" ? undefined : GLOBAL_KEY[dimension];
  return {
    ...r,
    key: type ? toGlobalId(type, r.key) : r.key,
    meanImprovement: r.byScale.length === 1 ? r.byScale[0]!.meanImprovement : null,
    adverseEventsPer100Sessions: r.adverseEventRate.value,
  };
}

async function siteNames(ctx: Context, ids: readonly string[]): Promise<Map<string, string>> {
  const sites = await loadAll(ctx.loaders.site, [...new Set(ids)]);
  return new Map(sites.filter((s): s is Site => !!s).map((s) => [s.id, s.name]));
}

const outcomeRecordNode = (r: Analytics.OutcomeRecord) => ({
  ...r,
  serums: r.serums.map((s) => ({ id: toGlobalId("SerumAddOn", s.id), name: s.name })),
});

export const analyticsResolvers = {
  Query: {
    outcomeRecords: async (
      _: unknown,
      args: { filter?: OutcomeFilterInput | null; first?: number | null; after?: string | null },
      ctx: Context,
    ) => {
      const p = requirePrincipal(ctx);
      const page = await Analytics.listOutcomeRecords(ctx.db, p.groupId, storeFilter(args.filter), {
        first: args.first,
        after: args.after,
      });
      return toConnection(page, outcomeRecordNode);
    },
    outcomeSummary: async (
      _: unknown,
      args: { groupBy: Analytics.SummaryDimension; filter?: OutcomeFilterInput | null },
      ctx: Context,
    ) => {
      const p = requirePrincipal(ctx);
      const rows = await Analytics.outcomeSummary(ctx.db, p.groupId, args.groupBy, storeFilter(args.filter));
      return { groupBy: args.groupBy, rows: rows.map((r) => summaryRowOut(args.groupBy, r)) };
    },
    concernDepthMatrix: async (_: unknown, args: { filter?: OutcomeFilterInput | null }, ctx: Context) => {
      const p = requirePrincipal(ctx);
      // What the counters cannot answer is BAD_USER_INPUT from the store (Analytics.planMatrix).
      const cells = await Analytics.concernDepthMatrix(ctx.db, p.groupId, storeFilter(args.filter));
      return cells.map((c) => ({
        indication: c.indication,
        depthBand: c.depthBand,
        summary: summaryRowOut("CONCERN_DEPTH_BAND", c.row),
      }));
    },
    kpis: async (
      _: unknown,
      args: { filter?: OutcomeFilterInput | null; asOf?: string | null },
      ctx: Context,
    ) => {
      const p = requirePrincipal(ctx);
      return Analytics.kpiReport(ctx.db, p.groupId, storeFilter(args.filter), args.asOf ?? todayIso());
    },
    outcomeExport: async (
      _: unknown,
      args: { filter?: OutcomeFilterInput | null; after?: string | null; rows?: number | null },
      ctx: Context,
    ) => {
      const p = requirePrincipal(ctx);
      const filter = storeFilter(args.filter);
      const [chunk, total] = await Promise.all([
        Analytics.exportChunk(ctx.db, p.groupId, filter, { after: args.after, rows: args.rows }),
        Analytics.outcomeRecordTotal(ctx.db, p.groupId, filter),
      ]);
      const names = await siteNames(
        ctx,
        chunk.records.map((r) => r.siteId),
      );
      const lines = chunk.records.map((r) => csvLine(r, (id) => names.get(id) ?? id)).join("");
      if (!args.after) {
        await Audit.appendAudit(ctx.db, p, {
          action: "EXPORT_OUTCOME_RECORDS",
          detail: `filter ${JSON.stringify(filter)}`,
        });
      }
      return {
        csv: (args.after ? "" : csvHeader()) + lines,
        rows: chunk.records.length,
        endCursor: chunk.endCursor,
        hasNextPage: chunk.hasNextPage,
        progress: { done: chunk.done, total: total ?? (chunk.hasNextPage ? null : chunk.done) },
      };
    },
    patientFhirBundle: async (_: unknown, args: { patientId: string }, ctx: Context) => {
      const p = requirePrincipal(ctx);
      const bundle = await Analytics.patientFhirBundle(
        ctx.db,
        p,
        localIdOf(args.patientId, "Patient", "patientId"),
      );
      return JSON.stringify(bundle);
    },
  },
  OutcomeRecord: {
    site: async (r: Analytics.OutcomeRecord, _: unknown, ctx: Context) => {
      const site = await ctx.loaders.site.load(r.siteId);
      return site
        ? siteNode(site)
        : { __typename: "Site" as const, id: toGlobalId("Site", r.siteId), name: r.siteId };
    },
  },
};

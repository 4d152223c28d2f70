import { canSeeSite, notFound, Schedule, Sessions as SessionRules } from "@needlework/core";
import {
  Erasure,
  formatRef,
  parseRef,
  TreatmentSessions,
  type LotTrace,
  type TreatmentSession,
} from "@needlework/store";
import { requirePrincipal, type Context } from "../context";
import type { AdverseEventInput, Resolvers, TreatmentSessionInput } from "../generated/resolvers";
import { localIdOf, recordRefOf, toRecordId } from "../ids";
import { idem, siteOf, staffMember, visiblePatient, visiblePatientNode } from "./clinical";
import { loadAll } from "../load";
import { toConnection } from "./connection";
import { treatmentPlanNode, treatmentSessionNode, type TreatmentSessionNode } from "./nodes";
import { serumById } from "./serums";

/**
 * Treatment sessions. Every nested field goes through the session's patient (visiblePatient): a
 * session of a patient at another site is NOT_FOUND however it was reached.
 */

/** GraphQL input (global ids) → the store's input (local ids). */
function storeInput(input: TreatmentSessionInput): TreatmentSessions.RecordSessionInput {
  return {
    planId: formatRef(recordRefOf(input.planId, "TreatmentPlan", "input.planId")),
    siteId: localIdOf(input.siteId, "Site", "input.siteId"),
    performedOn: input.performedOn,
    device: input.device,
    cartridge: input.cartridge ?? null,
    rf: input.rf ?? null,
    zones: input.zones,
    depthDeviationReason: input.depthDeviationReason,
    serums: (input.serumsApplied ?? []).map((s, i) => ({
      serumId: localIdOf(s.serumId, "SerumAddOn", `input.serumsApplied.${i}.serumId`),
      lotNumber: s.lotNumber,
      zone: s.zone,
      overrideReason: s.overrideReason,
    })),
    numbing: input.numbing ?? null,
    immediateReactions: input.immediateReactions,
    aftercareGiven: input.aftercareGiven,
    adverseEvents: (input.adverseEvents ?? []).map((e, i) =>
      adverseEventInput(e, `input.adverseEvents.${i}`),
    ),
    rescreen: input.rescreen,
    overrides: input.overrides ?? [],
    notes: input.notes,
  };
}

function adverseEventInput(e: AdverseEventInput, path: string) {
  // An empty id is malformed, not "no serum" (the portal sends null for none).
  return { ...e, serumId: e.serumId != null ? localIdOf(e.serumId, "SerumAddOn", `${path}.serumId`) : null };
}

/**
 * Store paths name the store's fields; the API's input is `input.*` and calls serums `serumsApplied`.
 * Errors keep the API's names so the portal can put them beside the right field.
 */
async function withInputPaths<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Error && "fields" in e && Array.isArray((e as { fields: unknown }).fields)) {
      for (const f of (e as { fields: { path: string }[] }).fields) f.path = apiPath(f.path);
    }
    if (e instanceof Error && "reasons" in e && Array.isArray((e as { reasons: unknown }).reasons)) {
      for (const r of (e as { reasons: { path?: string }[] }).reasons) if (r.path) r.path = apiPath(r.path);
    }
    throw e;
  }
}

const apiPath = (path: string): string =>
  path.startsWith("input.") ||
  path === "patientId" ||
  path === "idempotencyKey" ||
  path === "after" ||
  path === "first"
    ? path
    : `input.${path.replace(/^serums(\.|$)/, "serumsApplied$1")}`;

const sessionLocalId = (s: TreatmentSession): string =>
  formatRef({ patientId: s.patientId, date: s.performedOn, id: s.id });

/** A session a resolver is about to hand out: its patient must be visible to the principal. */
async function visibleSession(ctx: Context, s: TreatmentSession): Promise<TreatmentSessionNode> {
  await visiblePatient(ctx, s.patientId);
  ctx.loaders.session.prime(sessionLocalId(s), s);
  return treatmentSessionNode(s);
}

function deviceOf(s: TreatmentSession) {
  const cartridgeNeedleCount = s.cartridge?.needleCount ?? null;
  const cartridgeLot = s.cartridge?.lotNumber ?? null;
  switch (s.device) {
    case "DERMAROLLER":
      return { __typename: "Dermaroller" as const, kind: s.device };
    case "PEN":
      // Core requires the cartridge of a pen session.
      return {
        __typename: "Dermapen" as const,
        kind: s.device,
        cartridgeNeedleCount: cartridgeNeedleCount ?? 0,
        cartridgeLot: cartridgeLot ?? "",
      };
    case "RF_MICRONEEDLING":
      return {
        __typename: "RfMicroneedling" as const,
        kind: s.device,
        energyLevel: s.rf?.energyLevel ?? 0,
        pulseDurationMs: s.rf?.pulseDurationMs ?? 0,
        cartridgeNeedleCount,
        cartridgeLot,
      };
  }
}

export const sessionResolvers = {
  Query: {
    sessionsByLot: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const page = await TreatmentSessions.sessionsByLot(ctx.db, p, {
        serumId: localIdOf(args.serumId, "SerumAddOn", "serumId"),
        lotNumber: args.lotNumber,
        first: args.first,
        after: args.after,
      });
      // An application at the practitioner's site to a patient registered at a site they do not see
      // stays out of the list, like in recentSessions (one BatchGetItem for the page's patients).
      const patients = await loadAll(
        ctx.loaders.patient,
        page.items.map((t) => t.patientId),
      );
      const edges = page.items.flatMap((t: LotTrace, i) => {
        const pt = patients[i];
        const visible = !!pt && canSeeSite(p, pt.siteId);
        return visible
          ? [{ cursor: page.cursors[i] ?? "", trace: t, performedOn: t.performedOn, zone: t.zone }]
          : [];
      });
      return {
        edges,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
        lot: { serumId: localIdOf(args.serumId, "SerumAddOn", "serumId"), lotNumber: args.lotNumber },
      };
    },
    recentSessions: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const page = await TreatmentSessions.recentSessions(ctx.db, p, {
        siteId: localIdOf(args.siteId, "Site", "siteId"),
        first: args.first,
        after: args.after,
      });
      // A session at this site may be of a patient registered at a site the practitioner does not see.
      const patients = await loadAll(
        ctx.loaders.patient,
        page.items.map((s) => s.patientId),
      );
      const visible = page.items
        .map((s, i) => ({ s, i }))
        .filter(({ i }) => {
          const pt = patients[i];
          return !!pt && canSeeSite(p, pt.siteId);
        });
      for (const { s } of visible) ctx.loaders.session.prime(sessionLocalId(s), s);
      return toConnection(
        { ...page, items: visible.map((v) => v.s), cursors: visible.map((v) => page.cursors[v.i] ?? "") },
        treatmentSessionNode,
      );
    },
  },
  Mutation: {
    recordTreatmentSession: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const { session, plan } = await withInputPaths(async () =>
        TreatmentSessions.recordSession(
          ctx.db,
          p,
          localIdOf(args.patientId, "Patient", "patientId"),
          storeInput(args.input),
          idem("recordTreatmentSession", args.idempotencyKey, {
            patientId: args.patientId,
            input: args.input,
          }),
        ),
      );
      return { session: treatmentSessionNode(session), plan: treatmentPlanNode(plan) };
    },
    recordAdverseEvent: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const session = await TreatmentSessions.recordAdverseEvent(
        ctx.db,
        p,
        recordRefOf(args.sessionId, "TreatmentSession", "sessionId"),
        args.version,
        adverseEventInput(args.event, "event"),
        idem("recordAdverseEvent", args.idempotencyKey, {
          sessionId: args.sessionId,
          version: args.version,
          event: args.event,
        }),
      );
      return { session: treatmentSessionNode(session), plan: null };
    },
  },
  TreatmentSessionPayload: {
    plan: async (payload, _, ctx) => {
      if (payload.plan) return treatmentPlanNode(payload.plan);
      const plan = await ctx.loaders.plan.load(payload.session.planRef);
      if (!plan) throw notFound("The treatment plan");
      return treatmentPlanNode(plan);
    },
  },
  SerumLotTraceConnection: {
    erasedApplications: (c, _, ctx) => Erasure.erasedLotApplications(ctx.db, requirePrincipal(ctx), c.lot),
  },
  SerumLotTraceEdge: {
    node: async (edge, _, ctx) => {
      const s = await ctx.loaders.session.load(formatRef(edge.trace.sessionRef));
      if (!s) throw notFound("The treatment session");
      return visibleSession(ctx, s);
    },
  },
  TreatmentSession: {
    id: (s) => toRecordId("TreatmentSession", { patientId: s.patientId, date: s.performedOn, id: s.id }),
    patient: (s, _, ctx) => visiblePatientNode(ctx, s.patientId),
    plan: async (s, _, ctx) => {
      await visiblePatient(ctx, s.patientId);
      const plan = await ctx.loaders.plan.load(s.planRef);
      if (!plan) throw notFound("The treatment plan");
      return treatmentPlanNode(plan);
    },
    site: async (s, _, ctx) => {
      const p = requirePrincipal(ctx);
      await visiblePatient(ctx, s.patientId);
      if (!canSeeSite(p, s.siteId)) throw notFound("The site");
      return siteOf(ctx, s.siteId);
    },
    practitioner: (s) => staffMember(s.practitionerId, s.practitionerName),
    device: (s) => deviceOf(s),
    zones: (s) => s.zones.map((z) => ({ ...z, depthBand: Schedule.depthBand(z.depthMm) })),
    serumsApplied: (s) => s.serums,
    aftercare: (s) => s.aftercare,
    rescreen: (s) => ({
      ...s.rescreen,
      answers: {
        ...s.rescreen.answers,
        chemoOrRadiotherapyCurrent: s.rescreen.answers.chemoOrRadiotherapyCurrent ?? false,
      },
      carriedOverrides: s.rescreen.carried,
      overrides: s.rescreen.overrides,
    }),
  },
  SerumApplication: {
    serum: (a, _, ctx) => serumById(ctx, a.serumId),
    // SerumOverride (resolvers/plans.ts) maps who made it.
    override: (a) => a.override ?? null,
  },
  AdverseEvent: {
    label: (e) => SessionRules.ADVERSE_EVENT_LABELS[e.type],
    serum: (e, _, ctx) => (e.serumId ? serumById(ctx, e.serumId) : null),
    classification: (e) => SessionRules.classifyAdverseEvent(e),
    flag: (e) => SessionRules.adverseEventFlag(e) ?? null,
  },
  SessionDevice: {
    __resolveType: (d) => d.__typename ?? null,
  },
} satisfies Resolvers;

/** For node(id): a session of a visible patient, with the read audited. */
export async function sessionNodeById(ctx: Context, localId: string): Promise<TreatmentSessionNode> {
  const p = requirePrincipal(ctx);
  const ref = parseRef(localId);
  if (!ref) throw notFound("That object");
  return visibleSession(ctx, await TreatmentSessions.getSession(ctx.db, p, ref));
}

import type { PatientInput } from "@needlework/core";
import { notFound } from "@needlework/core";
import { Erasure, Idempotency, Patients, type PatientErasure } from "@needlework/store";
import { requirePrincipal, type Context } from "../context";
import { localIdOf, toGlobalId } from "../ids";
import { toConnection } from "./connection";
import { patientNode, siteNode, type PatientNode } from "./nodes";

/** GraphQL input with a global site id → the core's input with the local site id. */
function coreInput(input: PatientInput): PatientInput {
  return { ...input, siteId: localIdOf(input.siteId, "Site", "input.siteId") };
}

function idem(op: string, key: string | null | undefined, body: unknown) {
  return key ? { key, requestHash: Idempotency.requestHash(op, body) } : undefined;
}

function erasureNode(e: PatientErasure) {
  const done = Object.values(e.erased).reduce((a, n) => a + n, 0);
  return {
    patientId: toGlobalId("Patient", e.patientId),
    status: e.status,
    startedAt: e.startedAt,
    completedAt: e.completedAt,
    erased: e.erased,
    progress: { done, total: done + Math.max(0, e.remaining) },
  };
}

export const patientResolvers = {
  Query: {
    patient: async (_: unknown, args: { id: string }, ctx: Context) => {
      const p = requirePrincipal(ctx);
      return patientNode(await Patients.getPatient(ctx.db, p, localIdOf(args.id, "Patient")));
    },
    patients: async (
      _: unknown,
      args: { siteId: string; search?: string | null; first?: number | null; after?: string | null },
      ctx: Context,
    ) => {
      const p = requirePrincipal(ctx);
      const page = await Patients.listPatients(ctx.db, p, {
        siteId: localIdOf(args.siteId, "Site", "siteId"),
        search: args.search,
        first: args.first,
        after: args.after,
      });
      return toConnection(page, patientNode);
    },
  },
  Mutation: {
    createPatient: async (
      _: unknown,
      args: { input: PatientInput; idempotencyKey?: string | null },
      ctx: Context,
    ) => {
      const p = requirePrincipal(ctx);
      const input = coreInput(args.input);
      const patient = await Patients.createPatient(
        ctx.db,
        p,
        input,
        idem("createPatient", args.idempotencyKey, args.input),
      );
      return { patient: patientNode(patient) };
    },
    updatePatient: async (
      _: unknown,
      args: { id: string; version: number; input: PatientInput; idempotencyKey?: string | null },
      ctx: Context,
    ) => {
      const p = requirePrincipal(ctx);
      const patient = await Patients.updatePatient(
        ctx.db,
        p,
        localIdOf(args.id, "Patient"),
        args.version,
        coreInput(args.input),
        idem("updatePatient", args.idempotencyKey, { id: args.id, version: args.version, input: args.input }),
      );
      return { patient: patientNode(patient) };
    },
    erasePatient: async (
      _: unknown,
      args: { id: string; confirmName: string; reason: string },
      ctx: Context,
    ) => {
      const p = requirePrincipal(ctx);
      const erasure = await Erasure.erasePatient(ctx.db, p, localIdOf(args.id, "Patient"), {
        confirmName: args.confirmName,
        reason: args.reason,
      });
      return { erasure: erasureNode(erasure) };
    },
  },
  Patient: {
    id: (p: PatientNode) => toGlobalId("Patient", p.localId ?? p.id),
    site: async (p: PatientNode, _: unknown, ctx: Context) => {
      const site = await ctx.loaders.site.load(p.siteId);
      if (!site) throw notFound("The site");
      return siteNode(site);
    },
  },
};

import { notFound, type TrendPoint } from "@needlework/core";
import { Assessments, formatRef, parseRef, type Assessment, type OutcomeTrend } from "@needlework/store";
import { requirePrincipal, type Context } from "../context";
import type { Resolvers } from "../generated/resolvers";
import { localIdOf, recordRefOf, toRecordId } from "../ids";
import { idem, visiblePatient, visiblePatientNode } from "./clinical";
import { assessmentNode, concernNode, treatmentSessionNode, type AssessmentNode } from "./nodes";

/** Outcome assessments and trends. Nested fields go through the assessment's patient. */

const assessmentLocalId = (a: Assessment): string =>
  formatRef({ patientId: a.patientId, date: a.assessedOn, id: a.id });

async function concernOf(ctx: Context, patientId: string, concernRef: string) {
  await visiblePatient(ctx, patientId);
  const c = await ctx.loaders.concern.load(concernRef);
  if (!c) throw notFound("The concern");
  return concernNode(c);
}

/** Points of core's trend, each with the assessment it came from (same order: oldest first). */
function points(t: OutcomeTrend) {
  const byPoint = (p: TrendPoint, i: number) => ({
    assessment: assessmentNode(t.assessments[i]!),
    assessedOn: p.on,
    score: p.score,
    label: p.label ?? null,
    rater: p.rater ?? null,
    improvement: { absolute: p.absolute, percent: p.percent, improved: p.improved },
  });
  const all = t.trend.points.map(byPoint);
  const at = (p: TrendPoint | null) => (p ? (all[t.trend.points.indexOf(p)] ?? null) : null);
  return { all, latest: at(t.trend.latest), best: at(t.trend.best) };
}

export const assessmentResolvers = {
  Query: {
    outcomeTrend: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const patientId = localIdOf(args.patientId, "Patient", "patientId");
      const concern = recordRefOf(args.concernId, "Concern", "concernId");
      if (concern.patientId !== patientId) throw notFound("The concern");
      const t = await Assessments.outcomeTrend(ctx.db, p, {
        patientId,
        concernId: concern.id,
        scale: args.scale,
      });
      ctx.loaders.patient.prime(t.patient.id, t.patient);
      for (const a of t.assessments) ctx.loaders.assessment.prime(assessmentLocalId(a), a);
      const pts = points(t);
      return {
        concern: concernNode(t.concern),
        scale: t.scale,
        baseline: t.baseline?.score ?? null,
        baselineOn: t.baseline?.on ?? null,
        points: pts.all,
        latest: pts.latest,
        best: pts.best,
        direction: t.trend.direction,
      };
    },
  },
  Mutation: {
    recordAssessment: async (_, args, ctx) => {
      const p = requirePrincipal(ctx);
      const patientId = localIdOf(args.patientId, "Patient", "patientId");
      const { concernId, sessionId, ...rest } = args.input;
      const assessment = await Assessments.recordAssessment(
        ctx.db,
        p,
        patientId,
        {
          ...rest,
          concernId: formatRef(recordRefOf(concernId, "Concern", "input.concernId")),
          sessionId: sessionId
            ? formatRef(recordRefOf(sessionId, "TreatmentSession", "input.sessionId"))
            : null,
        },
        idem("recordAssessment", args.idempotencyKey, { patientId: args.patientId, input: args.input }),
      ).catch((e: unknown) => {
        // Core names the input's fields; the API's live under `input.`.
        if (e instanceof Error && "fields" in e && Array.isArray((e as { fields: unknown }).fields))
          for (const f of (e as { fields: { path: string }[] }).fields)
            if (!f.path.startsWith("input.") && f.path !== "patientId" && f.path !== "idempotencyKey")
              f.path = `input.${f.path}`;
        throw e;
      });
      return { assessment: assessmentNode(assessment) };
    },
  },
  Assessment: {
    id: (a) => toRecordId("Assessment", { patientId: a.patientId, date: a.assessedOn, id: a.id }),
    patient: (a, _, ctx) => visiblePatientNode(ctx, a.patientId),
    concern: (a, _, ctx) => concernOf(ctx, a.patientId, a.concernRef),
    session: async (a, _, ctx) => {
      if (!a.sessionRef) return null;
      await visiblePatient(ctx, a.patientId);
      const s = await ctx.loaders.session.load(a.sessionRef);
      return s ? treatmentSessionNode(s) : null;
    },
    baseline: (a) => a.baseline?.score ?? null,
    baselineOn: (a) => a.baseline?.on ?? null,
  },
} satisfies Resolvers;

/** For node(id): an assessment of a visible patient, with the read audited. */
export async function assessmentNodeById(ctx: Context, localId: string): Promise<AssessmentNode> {
  const p = requirePrincipal(ctx);
  const ref = parseRef(localId);
  if (!ref) throw notFound("That object");
  const a = await Assessments.getAssessment(ctx.db, p, ref);
  ctx.loaders.assessment.prime(assessmentLocalId(a), a);
  return assessmentNode(a);
}

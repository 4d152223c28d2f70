import { ConsultationRules, todayIso } from "@needlework/core";
import { PatientTimeline, formatRef, type TimelineEntry } from "@needlework/store";
import { requirePrincipal, type Context } from "../context";
import type { Resolvers } from "../generated/resolvers";
import { assessmentNode, consultationNode, treatmentPlanNode, treatmentSessionNode } from "./nodes";

/**
 * The patient page: the timeline is ONE Query per page on the patient collection, whatever it holds;
 * records on it are primed into the loaders so nested fields do not read them again.
 */

function node(e: TimelineEntry, ctx: Context) {
  switch (e.kind) {
    case "CONSULTATION":
      ctx.loaders.consultation.prime(
        formatRef({ patientId: e.consultation.patientId, date: e.consultation.date, id: e.consultation.id }),
        e.consultation,
      );
      return consultationNode(e.consultation);
    case "PLAN":
      ctx.loaders.plan.prime(
        formatRef({ patientId: e.plan.patientId, date: e.plan.keyDate, id: e.plan.id }),
        e.plan,
      );
      return treatmentPlanNode(e.plan);
    case "SESSION":
      ctx.loaders.session.prime(
        formatRef({ patientId: e.session.patientId, date: e.session.performedOn, id: e.session.id }),
        e.session,
      );
      return treatmentSessionNode(e.session);
    case "ASSESSMENT":
      ctx.loaders.assessment.prime(
        formatRef({ patientId: e.assessment.patientId, date: e.assessment.assessedOn, id: e.assessment.id }),
        e.assessment,
      );
      return assessmentNode(e.assessment);
  }
}

export const timelineResolvers = {
  Patient: {
    timeline: async (patient, args, ctx) => {
      const p = requirePrincipal(ctx);
      ctx.loaders.patient.prime(patient.id, patient);
      const page = await PatientTimeline.patientTimeline(ctx.db, p, patient, args);
      return {
        edges: page.items.map((e, i) => ({
          cursor: page.cursors[i] ?? "",
          date: e.date,
          node: node(e, ctx),
        })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    },
    activeFlags: async (patient, _, ctx) => {
      const p = requirePrincipal(ctx);
      const { settings } = await ctx.loaders.settings.load(p.groupId);
      return ConsultationRules.standingFlags({ patient, settings, onDate: todayIso() });
    },
  },
  TimelineEntry: {
    __resolveType: (n) => n.__typename ?? null,
  },
} satisfies Resolvers;

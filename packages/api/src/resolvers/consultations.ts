import { canSeeSite, Contraindications, notFound, Scales, type ScreeningAnswers } from "@needlework/core";
import { Consultations, formatRef, parseRef } from "@needlework/store";
import { requireIdentifiedAccess } from "../authz";
import { requirePrincipal, type Context } from "../context";
import type { Resolvers, ScreeningAnswersInput } from "../generated/resolvers";
import { localIdOf, recordRefOf, toRecordId } from "../ids";
import { idem, siteOf, staffMember, visiblePatient, visiblePatientNode } from "./clinical";
import { concernNode, consultationNode, type ConcernNode, type ConsultationNode } from "./nodes";
import { loadAll } from "../load";

/**
 * Consultations, their concerns and the contraindication screen. Nested fields reach the patient
 * through the per-request loader and answer NOT_FOUND when the principal may not see it.
 */

/** GraphQL's answers (all optional) → what core validates; core decides what is missing. */
const answersIn = (a: ScreeningAnswersInput): Partial<Record<keyof ScreeningAnswers, unknown>> => ({ ...a });

async function concernsOf(
  ctx: Context,
  patientId: string,
  date: string,
  ids: readonly string[],
): Promise<ConcernNode[]> {
  await visiblePatient(ctx, patientId);
  const found = await loadAll(
    ctx.loaders.concern,
    ids.map((id) => formatRef({ patientId, date, id })),
  );
  return found.flatMap((c) => (c ? [concernNode(c)] : []));
}

async function consultationByRef(ctx: Context, localRef: string): Promise<ConsultationNode> {
  const ref = parseRef(localRef);
  if (!ref) throw new Error("stored consultation reference is malformed");
  await visiblePatient(ctx, ref.patientId);
  const c = await ctx.loaders.consultation.load(localRef);
  if (!c) throw new Error("stored consultation reference points nowhere");
  return consultationNode(c);
}

export const consultationResolvers = {
  Query: {
    screeningQuestions: () =>
      Contraindications.SCREENING_QUESTIONS.map((q) => ({
        key: q.key,
        kind: q.kind === "boolean" ? ("BOOLEAN" as const) : ("DATE" as const),
        required: q.required,
        label: q.label,
        help: q.help,
      })),
    screenPatient: async (_, args, ctx) => {
      const patientId = localIdOf(args.patientId, "Patient", "patientId");
      const p = await requireIdentifiedAccess(ctx, { action: "SCREEN_PATIENT", patientId });
      return Consultations.screenPatient(ctx.db, p, patientId, {
        answers: answersIn(args.answers),
        onDate: args.onDate,
        zones: args.zones,
      });
    },
  },
  Mutation: {
    recordConsultation: async (_, args, ctx) => {
      const patientId = localIdOf(args.patientId, "Patient", "patientId");
      const p = await requireIdentifiedAccess(ctx, { action: "RECORD_CONSULTATION", patientId });
      const { consultation, concerns } = await Consultations.recordConsultation(
        ctx.db,
        p,
        patientId,
        {
          date: args.input.date,
          siteId: localIdOf(args.input.siteId, "Site", "input.siteId"),
          concerns: args.input.concerns,
          answers: answersIn(args.input.answers),
        },
        idem("recordConsultation", args.idempotencyKey, { patientId: args.patientId, input: args.input }),
      );
      for (const c of concerns) ctx.loaders.concern.prime(formatRef(Consultations.concernRef(c)), c);
      return { consultation: consultationNode(consultation) };
    },
    overrideContraindication: async (_, args, ctx) => {
      const ref = recordRefOf(args.consultationId, "Consultation", "consultationId");
      const p = await requireIdentifiedAccess(ctx, {
        action: "OVERRIDE_CONTRAINDICATION",
        patientId: ref.patientId,
      });
      const consultation = await Consultations.overrideContraindication(
        ctx.db,
        p,
        ref,
        args.version,
        { code: args.code, reason: args.reason },
        idem("overrideContraindication", args.idempotencyKey, {
          id: args.consultationId,
          version: args.version,
          code: args.code,
          reason: args.reason,
        }),
      );
      return { consultation: consultationNode(consultation) };
    },
  },
  Consultation: {
    id: (c) => toRecordId("Consultation", Consultations.consultationRef(c)),
    patient: (c, _, ctx) => visiblePatientNode(ctx, c.patientId),
    site: (c, _, ctx) => siteOf(ctx, c.siteId),
    practitioner: (c) => staffMember(c.practitionerId, c.practitionerName),
    concerns: (c, _, ctx) => concernsOf(ctx, c.patientId, c.date, c.concernIds),
    answers: (c) => ({
      ...c.answers,
      chemoOrRadiotherapyCurrent: c.answers.chemoOrRadiotherapyCurrent ?? false,
    }),
    unresolvedBlocks: (c) => Consultations.screenStatus(c).unresolvedBlocks,
    cleared: (c) => Consultations.screenStatus(c).cleared,
  },
  ContraindicationOverride: {
    by: (o) => staffMember(o.by, o.byName),
  },
  Concern: {
    id: (c) => toRecordId("Concern", Consultations.concernRef(c)),
    patient: (c, _, ctx) => visiblePatientNode(ctx, c.patientId),
    consultation: (c, _, ctx) => consultationByRef(ctx, c.consultationRef),
    baselineLabel: (c) => Scales.scoreLabel(c.baselineScale, c.baselineScore) ?? null,
  },
  Patient: {
    concerns: async (patient, _, ctx) => {
      // The parent was loaded through a visibility check; checked again on what it carries.
      if (!canSeeSite(requirePrincipal(ctx), patient.siteId)) throw notFound("The patient");
      return (await ctx.loaders.concernsOfPatient.load(patient.id)).map(concernNode);
    },
  },
} satisfies Resolvers;

/** For `node(id)`: a consultation or concern of a visible patient, the read audited. */
export async function consultationNodeById(ctx: Context, id: string): Promise<ConsultationNode> {
  const ref = recordRefOf(id, "Consultation");
  const p = await requireIdentifiedAccess(ctx, { action: "READ_CONSULTATION", patientId: ref.patientId });
  return consultationNode(await Consultations.getConsultation(ctx.db, p, ref));
}

export async function concernNodeById(ctx: Context, id: string): Promise<ConcernNode> {
  const ref = recordRefOf(id, "Concern");
  const p = await requireIdentifiedAccess(ctx, { action: "READ_CONCERN", patientId: ref.patientId });
  return concernNode(await Consultations.getConcern(ctx.db, p, ref));
}

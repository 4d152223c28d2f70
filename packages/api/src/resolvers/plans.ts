import { canSeeSite, notFound, Schedule } from "@needlework/core";
import { formatRef, TreatmentPlans, type RecordRef } from "@needlework/store";
import { requireIdentifiedAccess } from "../authz";
import { requirePrincipal, type Context } from "../context";
import type {
  PlannedSerumInput,
  PlannedZoneInput,
  Resolvers,
  SerumOverrideInput,
} from "../generated/resolvers";
import { localIdOf, recordRefOf, toGlobalId, toRecordId } from "../ids";
import { idem, siteOf, staffMember, visiblePatient, visiblePatientNode } from "./clinical";
import { toConnection } from "./connection";
import { concernNode, consultationNode, treatmentPlanNode, type TreatmentPlanNode } from "./nodes";
import { loadAll } from "../load";

/**
 * Treatment plans: suggestion from the protocols, creation from a cleared consultation, edits and
 * cancellation with the version read, and the per-site due list (one Query on the due index).
 */

const serumIdsOf = (list: readonly PlannedSerumInput[] | null | undefined, path: string) =>
  list?.map((s, i) => localIdOf(s.serumId, "SerumAddOn", `${path}.${i}.serumId`));

const overridesOf = (list: readonly SerumOverrideInput[] | null | undefined) =>
  (list ?? []).map((o, i) => ({
    serumId: localIdOf(o.serumId, "SerumAddOn", `input.serumOverrides.${i}.serumId`),
    reason: o.reason,
  }));

const zonesOf = (list: readonly PlannedZoneInput[]) => list.map((z) => ({ ...z }));

const concernRefsOf = (ids: readonly string[], path: string): RecordRef[] =>
  ids.map((id, i) => recordRefOf(id, "Concern", `${path}.${i}`));

async function loadVisibleRecord<T>(
  ctx: Context,
  patientId: string,
  load: () => Promise<T | undefined>,
): Promise<T> {
  await visiblePatient(ctx, patientId);
  const found = await load();
  if (!found) throw notFound("The record");
  return found;
}

export const planResolvers = {
  Query: {
    suggestPlan: async (_, args, ctx) => {
      const patientId = localIdOf(args.patientId, "Patient", "patientId");
      const p = await requireIdentifiedAccess(ctx, { action: "SUGGEST_PLAN", patientId });
      const plan = await TreatmentPlans.suggestPlan(
        ctx.db,
        p,
        patientId,
        concernRefsOf(args.concernIds, "concernIds"),
      );
      return { ...plan, serumIds: plan.serumIds.map((id) => toGlobalId("SerumAddOn", id)) };
    },
    plansDue: async (_, args, ctx) => {
      const p = await requireIdentifiedAccess(ctx, { action: "LIST_PLANS_DUE" });
      const page = await TreatmentPlans.plansDue(ctx.db, p, {
        siteId: localIdOf(args.siteId, "Site", "siteId"),
        from: args.from,
        to: args.to,
        first: args.first,
        after: args.after,
      });
      // A plan held at this site for a patient of another site stays out of the list (one BatchGetItem).
      const patients = await loadAll(
        ctx.loaders.patient,
        page.items.map((x) => x.patientId),
      );
      const visible = page.items.map((_, i) => {
        const patient = patients[i];
        return !!patient && canSeeSite(p, patient.siteId);
      });
      return toConnection(
        {
          ...page,
          items: page.items.filter((_, i) => visible[i]),
          cursors: page.cursors.filter((_, i) => visible[i]),
        },
        treatmentPlanNode,
      );
    },
  },
  Mutation: {
    createTreatmentPlan: async (_, args, ctx) => {
      const consultation = recordRefOf(args.input.consultationId, "Consultation", "input.consultationId");
      const p = await requireIdentifiedAccess(ctx, {
        action: "CREATE_TREATMENT_PLAN",
        patientId: consultation.patientId,
      });
      const { input } = args;
      const plan = await TreatmentPlans.createTreatmentPlan(
        ctx.db,
        p,
        {
          consultation,
          concerns: concernRefsOf(input.concernIds, "input.concernIds"),
          siteId: localIdOf(input.siteId, "Site", "input.siteId"),
          startDate: input.startDate,
          zones: zonesOf(input.zones),
          sessionsPlanned: input.sessionsPlanned,
          intervalWeeks: input.intervalWeeks,
          device: input.device,
          serumIds: serumIdsOf(input.plannedSerums, "input.plannedSerums") ?? [],
          serumOverrides: overridesOf(input.serumOverrides),
          notes: input.notes,
        },
        idem("createTreatmentPlan", args.idempotencyKey, input),
      );
      return { plan: treatmentPlanNode(plan) };
    },
    updateTreatmentPlan: async (_, args, ctx) => {
      const ref = recordRefOf(args.id, "TreatmentPlan");
      const p = await requireIdentifiedAccess(ctx, {
        action: "UPDATE_TREATMENT_PLAN",
        patientId: ref.patientId,
      });
      const { input } = args;
      const plan = await TreatmentPlans.updateTreatmentPlan(
        ctx.db,
        p,
        ref,
        args.version,
        {
          siteId: input.siteId == null ? undefined : localIdOf(input.siteId, "Site", "input.siteId"),
          startDate: input.startDate,
          zones: input.zones ? zonesOf(input.zones) : undefined,
          sessionsPlanned: input.sessionsPlanned,
          intervalWeeks: input.intervalWeeks,
          device: input.device,
          serumIds: serumIdsOf(input.plannedSerums, "input.plannedSerums"),
          serumOverrides: overridesOf(input.serumOverrides),
          notes: input.notes,
          cancelReason: input.cancelReason,
        },
        idem("updateTreatmentPlan", args.idempotencyKey, { id: args.id, version: args.version, input }),
      );
      return { plan: treatmentPlanNode(plan) };
    },
  },
  TreatmentPlan: {
    id: (t) => toRecordId("TreatmentPlan", TreatmentPlans.planRef(t)),
    patient: (t, _, ctx) => visiblePatientNode(ctx, t.patientId),
    site: (t, _, ctx) => siteOf(ctx, t.siteId),
    consultation: async (t, _, ctx) =>
      consultationNode(
        await loadVisibleRecord(ctx, t.patientId, () => ctx.loaders.consultation.load(t.consultationRef)),
      ),
    concerns: async (t, _, ctx) => {
      await visiblePatient(ctx, t.patientId);
      const found = await ctx.loaders.concern.loadMany(
        t.concernIds.map((id) => formatRef({ patientId: t.patientId, date: t.keyDate, id })),
      );
      return found.flatMap((c) => (c && !(c instanceof Error) ? [concernNode(c)] : []));
    },
    zones: (t) => t.zones.map((z) => ({ ...z, aboveZoneDefault: t.aboveZoneDefault.includes(z.zone) })),
    progress: (t) => ({ ...t.progress, remaining: Math.max(0, t.progress.planned - t.progress.done) }),
    dueState: async (t, _, ctx) => {
      const { settings } = await ctx.loaders.settings.load(requirePrincipal(ctx).groupId);
      const schedule = {
        startOn: t.startDate,
        sessionsPlanned: t.sessionsPlanned,
        intervalWeeks: t.intervalWeeks,
        cancelled: t.status === "CANCELLED",
      };
      return Schedule.planDue(
        schedule,
        t.sessionDates.map((performedOn) => ({ performedOn })),
        settings,
        new Date().toISOString().slice(0, 10),
      ).state;
    },
    expectedCompletionOn: (t) =>
      Schedule.expectedCompletionDate({
        startOn: t.startDate,
        sessionsPlanned: t.sessionsPlanned,
        intervalWeeks: t.intervalWeeks,
      }),
  },
  PlannedSerum: {
    serumId: (s) => toGlobalId("SerumAddOn", s.serumId),
  },
  SerumOverride: {
    by: (o) => staffMember(o.by, o.byName),
  },
} satisfies Resolvers;

/** For `node(id)`: a plan of a visible patient, the read audited. */
export async function treatmentPlanNodeById(ctx: Context, id: string): Promise<TreatmentPlanNode> {
  const ref = recordRefOf(id, "TreatmentPlan");
  const p = await requireIdentifiedAccess(ctx, { action: "READ_TREATMENT_PLAN", patientId: ref.patientId });
  return treatmentPlanNode(await TreatmentPlans.getTreatmentPlan(ctx.db, p, ref));
}

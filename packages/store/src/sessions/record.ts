import {
  badInput,
  canSeeSite,
  contraindicated,
  Contraindications,
  forbidden,
  notFound,
  Sessions as SessionRules,
  type ClinicSettings,
  type ContraindicationReason,
  type FieldProblem,
  type Override,
  type Patient,
  type Principal,
  type RecordSessionInput,
} from "@needlework/core";
import { addOutcomeUpdate, type OutcomeChange } from "../analytics/outcomes";
import { addAudit } from "../audit";
import type { Db } from "../client";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { newId } from "../ids";
import { Keys } from "../keys";
import { Tx } from "../tx";
import { guardPatient } from "../clinical/patient-facts";
import { addPlanProgress, loadPlanWithPatient } from "../clinical/plans";
import { batchGet, keyString, type Item } from "../clinical/read";
import { formatRef, parseRef, type RecordRef } from "../clinical/refs";
import { sessionRefs, shardOf } from "../clinical/rollups";
import { settingsFromItem } from "../clinical/settings";
import {
  concernFromItem,
  concernKey,
  consultationFromItem,
  type Concern,
  type Consultation,
  type RecordedOverride,
} from "../entities/consultation";
import { type TreatmentPlan } from "../entities/plan";
import { serumFromItem, type SerumRecord } from "../entities/serum";
import { type SerumApplication, type TreatmentSession } from "../entities/session";
import { assertFits, sessionWrites } from "./items";

function assertActive(patient: Patient): void {
  if (patient.archived)
    throw badInput([
      { path: "patientId", reason: "this patient's record is archived; restore it before adding to it" },
    ]);
}

// --- Recording ------------------------------------------------------------------------------------

/**
 * Records a session against a plan of a patient the principal can see, at a site they work at.
 * Reads: two BatchGetItems (profile, plan, settings and the serums applied; then the consultation
 * and the plan's concerns). Writes: one TransactWriteItems. A BLOCK that is new or changed since the
 * consultation needs an override with a reason; a serum BLOCK needs the application's overrideReason,
 * except an unknown or expired lot, which nothing overrides: CONTRAINDICATED lists every reason.
 */
export async function recordSession(
  db: Db,
  actor: Principal,
  patientId: string,
  input: RecordSessionInput,
  idem?: IdempotencyContext,
): Promise<{ session: TreatmentSession; plan: TreatmentPlan }> {
  SessionRules.validateRecordSessionInput(input);
  const planRef = planRefOf(patientId, input.planId);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const settingsKey = Keys.settings(actor.groupId);
      const serumIds = [...new Set((input.serums ?? []).map((s) => s.serumId))];
      const { patient, plan, items } = await loadPlanWithPatient(db, actor, planRef, [
        settingsKey,
        ...serumIds.map((id) => Keys.serum(actor.groupId, id)),
      ]);
      assertActive(patient);
      if (!canSeeSite(actor, input.siteId))
        throw forbidden("You can only record a session at a site you work at.");
      const { settings } = settingsFromItem(items.get(keyString(settingsKey)));
      const catalogue = serumIds
        .map((id) => items.get(keyString(Keys.serum(actor.groupId, id))))
        .filter((it): it is Item => !!it)
        .map(serumFromItem);

      const consultationRef = parseRef(plan.consultationRef);
      const cKey =
        consultationRef &&
        Keys.consultation(actor.groupId, consultationRef.patientId, consultationRef.date, consultationRef.id);
      const concernKeys = plan.concernIds.map((id) => concernKey(actor.groupId, { patientId, id }));
      const more = await batchGet(db, [...(cKey ? [cKey] : []), ...concernKeys]);
      const cItem = cKey ? more.get(keyString(cKey)) : undefined;
      if (!cItem) throw notFound("The plan's consultation");
      const consultation = consultationFromItem(cItem);
      const concerns = concernKeys
        .map((k) => more.get(keyString(k)))
        .filter((it): it is Item => !!it)
        .map(concernFromItem);

      const session = buildSession({
        id: newId(),
        actor,
        at: new Date().toISOString(),
        patient,
        plan,
        planRef,
        consultation,
        concerns,
        catalogue,
        settings,
        input,
      });
      const writes = sessionWrites(session);
      tx.put(writes.session, { condition: "attribute_not_exists(pk)" });
      const nextPlan = addPlanProgress(tx, actor, plan, session.performedOn, settings, patient.siteId);
      guardPatient(tx, actor.groupId, patientId, patient.version);
      tx.conditionCheck(Keys.site(actor.groupId, session.siteId), {
        condition: "attribute_exists(pk)",
        onConditionFailed: () => notFound("The site"),
      });
      for (const t of writes.lotTraces) tx.put(t, { condition: "attribute_not_exists(pk)" });
      // The de-identified outcome record of each concern the session treats (analytics), and the
      // change of each course's counters, merged with the session's own into one update per item.
      await addOutcomeUpdate(
        tx,
        db,
        actor.groupId,
        concerns.map((c) => outcomeChange(patient, c, session)),
        writes.deltas,
      );
      writes.deltas.writeTo(tx, actor.groupId);
      addAudit(tx, actor, {
        action: "RECORD_TREATMENT_SESSION",
        patientId,
        siteId: session.siteId,
        detail: sessionAudit(session),
      });
      // The idempotency record is the one item still to come.
      assertFits(tx, "serums", "this session");
      return { session, plan: nextPlan };
    },
    () => new Tx(),
  );
}

/** What building a session needs: everything read, and who records it when. */
export interface SessionBuild {
  id: string;
  actor: Pick<Principal, "userId" | "name">;
  at: string;
  patient: Patient;
  plan: TreatmentPlan;
  planRef: RecordRef;
  consultation: Consultation;
  concerns: Concern[];
  catalogue: SerumRecord[];
  settings: ClinicSettings;
  input: RecordSessionInput;
  /** "Today" for validation (the demo seed fixes it). */
  now?: Date | undefined;
}

/**
 * The session as it will be stored, from what was read (pure: recordSession and the demo seed both
 * build sessions here). Validates with core, re-runs the screen against the consultation's findings
 * and checks every serum; throws BAD_USER_INPUT or CONTRAINDICATED (every reason at once).
 */
export function buildSession(b: SessionBuild): TreatmentSession {
  const { actor, at, patient, plan, consultation, concerns, catalogue, settings, input } = b;
  const {
    session: fields,
    deviations,
    answers,
  } = SessionRules.validateRecordSessionInput(input, {
    planZones: plan.zones,
    ...(b.now ? { now: b.now } : {}),
  });
  const who = { by: actor.userId, byName: actor.name, at };

  // 1. The screen again, on the session day, against what the consultation found.
  const findings = Contraindications.screen({
    patient,
    answers,
    settings,
    onDate: fields.performedOn,
    area: fields.zones.map((z) => z.zone),
  });
  const rs = Contraindications.rescreenBeforeSession(consultation.findings, findings);
  const carried = Contraindications.carriedOverrides(rs, consultation.overrides) as RecordedOverride[];
  const given: RecordedOverride[] = (input.overrides ?? []).map((o) => ({
    code: o.code.trim(),
    reason: o.reason.trim(),
    ...who,
  }));
  const outcome = Contraindications.applyOverrides(findings, [...carried, ...given]);
  const rejected = outcome.rejected.filter((r) => given.includes(r.override as RecordedOverride));
  if (rejected.length > 0)
    throw badInput(
      rejected.map((r) => ({
        path: `overrides.${given.indexOf(r.override as RecordedOverride)}.code`,
        reason: r.reason,
      })),
    );
  const blocks: (ContraindicationReason & { path?: string })[] = outcome.unresolved
    .filter((f) => f.level === "BLOCK")
    .map(({ code, level, reason, source }) => ({ code, level, reason, source, path: "rescreen" }));
  const usedOverrides = new Set(outcome.overridden.map((o) => o.override));

  // 2. Every serum applied: allergies, clearance, actives, the lot (core).
  const serumFindings = SessionRules.checkSessionSerums({
    serums: fields.serums,
    catalogue,
    patient,
    onDate: fields.performedOn,
    settings,
  });
  const applications: SerumApplication[] = [];
  const problems: FieldProblem[] = [];
  fields.serums.forEach((s, i) => {
    const path = `serums.${i}`;
    const mine = serumFindings.filter((f) => f.path === path).map(({ path: _p, ...f }) => f);
    const reason = input.serums?.[i]?.overrideReason?.trim() || undefined;
    if (reason && mine.length === 0)
      problems.push({ path: `${path}.overrideReason`, reason: "this serum has nothing to override" });
    const overrides: Override[] = reason
      ? mine.filter((f) => f.overridable).map((f) => ({ code: f.code, reason, by: who.by, at: who.at }))
      : [];
    const left = Contraindications.applyOverrides(mine, overrides).unresolved.filter(
      (f) => f.level === "BLOCK",
    );
    blocks.push(
      ...left.map(({ code, level, reason: why, source }) => ({ code, level, reason: why, source, path })),
    );
    const serum = catalogue.find((c) => c.id === s.serumId);
    const lot = serum?.lots.find(
      (l) => l.lotNumber.trim().toLowerCase() === s.lotNumber.trim().toLowerCase(),
    );
    if (serum && lot)
      applications.push({
        serumId: s.serumId,
        serumName: serum.name,
        lotNumber: lot.lotNumber,
        lotExpiresOn: lot.expiresOn,
        zone: s.zone,
        findings: mine,
        override: reason ? { reason, ...who } : undefined,
      });
  });
  if (problems.length > 0) throw badInput(problems);
  if (blocks.length > 0) throw contraindicated(blocks);

  // 3. The writes.
  const session: TreatmentSession = {
    id: b.id,
    groupId: patient.groupId,
    patientId: patient.id,
    siteId: input.siteId,
    planRef: formatRef(b.planRef),
    consultationRef: plan.consultationRef,
    concernIds: plan.concernIds,
    indications: [...new Set(concerns.map((c) => c.indication))],
    practitionerId: actor.userId,
    practitionerName: actor.name,
    performedOn: fields.performedOn,
    device: fields.device,
    cartridge: fields.cartridge,
    rf: fields.rf,
    zones: fields.zones,
    depthDeviationReason: fields.depthDeviationReason,
    deviations,
    serums: applications,
    numbing: fields.numbing,
    immediateReactions: fields.immediateReactions,
    aftercare: {
      given: fields.aftercareGiven,
      lines: fields.aftercareGiven
        ? SessionRules.aftercareSheet(settings, { performedOn: fields.performedOn })
        : [],
    },
    adverseEvents: fields.adverseEvents.map((e, i) => ({
      ...e,
      id: `${b.id}-ae${i + 1}`,
      recordedAt: at,
      recordedBy: actor.userId,
    })),
    rescreen: {
      answers,
      findings,
      added: rs.added.map((f) => f.code),
      changed: rs.changed.map((c) => c.after.code),
      resolved: rs.resolved.map((f) => f.code),
      carried,
      overrides: given.filter((o) => usedOverrides.has(o)),
    },
    notes: fields.notes,
    fitzpatrick: patient.fitzpatrick,
    rollup: { shard: 0, refs: [] },
    version: 1,
    createdAt: at,
    createdBy: actor.userId,
    updatedAt: at,
    updatedBy: actor.userId,
  };
  session.rollup = {
    // The patient's shard: a session and the courses it changes share their items (one update each).
    shard: shardOf(patient.id),
    refs: sessionRefs({
      indications: session.indications,
      zones: session.zones,
      serumIds: session.serums.map((a) => a.serumId),
      device: session.device,
      fitzpatrick: session.fitzpatrick,
      siteId: session.siteId,
      practitionerId: session.practitionerId,
    }),
  };
  return session;
}

/** What the analytics outcome record of a concern needs from a session (clinical/../analytics). */
export function outcomeChange(
  patient: Pick<Patient, "id" | "dateOfBirth" | "fitzpatrick" | "siteId">,
  concern: Concern | { id: string },
  s: TreatmentSession,
): OutcomeChange {
  return {
    patient: {
      id: patient.id,
      dateOfBirth: patient.dateOfBirth,
      fitzpatrick: patient.fitzpatrick,
      siteId: patient.siteId,
    },
    concern:
      "indication" in concern
        ? {
            id: concern.id,
            indication: concern.indication,
            bodyArea: concern.bodyArea,
            baselineScale: concern.baselineScale,
            baselineScore: concern.baselineScore,
            baselineOn: concern.baselineOn,
          }
        : { id: concern.id },
    session: {
      id: s.id,
      performedOn: s.performedOn,
      siteId: s.siteId,
      device: s.device,
      practitionerId: s.practitionerId,
      zones: s.zones,
      serums: s.serums.map((a) => ({ serumId: a.serumId, zone: a.zone, name: a.serumName })),
      adverseEvents: s.adverseEvents,
    },
  };
}

function sessionAudit(s: TreatmentSession): string {
  const parts = [`${s.device} ${s.zones.map((z) => `${z.zone}@${z.depthMm}mm`).join(", ")}`];
  if (s.serums.length)
    parts.push(`serums: ${s.serums.map((a) => `${a.serumName} lot ${a.lotNumber}`).join(", ")}`);
  const overrides = [
    ...s.rescreen.overrides.map((o) => `${o.code}: ${o.reason}`),
    ...s.serums.filter((a) => a.override).map((a) => `${a.serumName}: ${a.override!.reason}`),
  ];
  if (overrides.length) parts.push(`overrides: ${overrides.join(" | ")}`);
  if (s.depthDeviationReason && s.deviations.length) parts.push(`depth deviation: ${s.depthDeviationReason}`);
  return parts.join("; ");
}

/** A plan's local id, as given in the session input, for this patient. */
function planRefOf(patientId: string, planLocalId: string): RecordRef {
  const ref = parseRef(planLocalId);
  if (!ref) throw badInput([{ path: "planId", reason: "is not the id of a treatment plan" }]);
  if (ref.patientId !== patientId)
    throw badInput([{ path: "planId", reason: "is a plan of another patient" }]);
  return ref;
}

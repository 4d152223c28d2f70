import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  badInput,
  canSeeSite,
  conflict,
  contraindicated,
  Contraindications,
  forbidden,
  addDays,
  notFound,
  Serums as SerumRules,
  Sessions as SessionRules,
  type AdverseEventInput,
  type ClinicSettings,
  type ContraindicationFinding,
  type ContraindicationReason,
  type FieldProblem,
  type Override,
  type Patient,
  type Principal,
  type RecordSessionInput,
} from "@needlework/core";
import { addOutcomeUpdate, type OutcomeChange } from "../analytics/outcomes";
import { addAudit, appendAudit, auditedRead } from "../audit";
import type { Db } from "../client";
import { getSite } from "../groups";
import type { Page } from "../cursor";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { newId } from "../ids";
import { Keys } from "../keys";
import { Tx } from "../tx";
import { queryPage } from "./paging";
import { guardPatient } from "./patient-facts";
import { addPlanProgress, loadPlanWithPatient } from "./plans";
import { batchGet, keyString, loadWithPatient, type Item } from "./read";
import { formatRef, parseRef, type RecordRef } from "./refs";
import { RollupDeltas, sessionRefs, sessionUnit, shardOf } from "./rollups";
import { settingsFromItem } from "./settings";
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
import {
  type SerumApplication,
  type RecordedAdverseEvent,
  type TreatmentSession,
  sessionKey,
  sessionFromItem,
  sessionItem,
  lotTraceItem,
  type LotTrace,
  lotTraceFromItem,
} from "../entities/session";

/** The entity this module writes, declared in entities/session.ts. */
export * from "../entities/session";

/**
 * Treatment sessions. Recording one re-runs the contraindication screen for what changed since the
 * consultation and checks every serum applied (core), then writes in ONE TransactWriteItems: the
 * session (in the patient collection and the site's session list), the plan's progress (version
 * read), one lot-trace item per serum applied, the analytics rollups, the audit entry and the
 * idempotency record.
 */

/** The session limits are core's; re-exported for callers that size transactions by them. */
export const { MAX_SERUMS_PER_SESSION, MAX_DISTINCT_SERUMS_PER_SESSION } = SessionRules;
export type { RecordSessionInput, SerumApplicationInput } from "@needlework/core";

/**
 * The rollup deltas one session adds: sessions + adverse events on each of its dimension values, in
 * the month it was performed, counted under the patient's Fitzpatrick type (by default the one the
 * session stored, the patient's on the day).
 */
export function sessionDeltas(
  s: TreatmentSession,
  fitzpatrick: TreatmentSession["fitzpatrick"] | null = s.fitzpatrick,
): RollupDeltas {
  return new RollupDeltas().addUnit(sessionUnit(s, fitzpatrick));
}

/** Everything the session transaction writes besides the plan, audit and idempotency record. */
export function sessionWrites(s: TreatmentSession): {
  session: Item;
  lotTraces: Item[];
  deltas: RollupDeltas;
} {
  return {
    session: sessionItem(s),
    lotTraces: s.serums.map((a) => lotTraceItem(s, a)),
    deltas: sessionDeltas(s),
  };
}

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

/**
 * DynamoDB takes at most 100 items in one transaction. Within the validation limits a session fits
 * (docs/STORAGE.md "Transaction size"); what it adds to its concerns' courses grows with the values
 * those courses already have, so the write refuses rather than send a transaction DynamoDB rejects.
 */
export function assertFits(tx: Tx, path: string, what: string, reserved = 1): void {
  const n = tx.items.length + reserved;
  if (n > 100)
    throw badInput([
      {
        path,
        reason: `${what} and the analytics counters it moves need ${n} writes in one save, and at most 100 fit: record fewer serums or zones, or ask an administrator`,
      },
    ]);
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

// --- Adverse events after the session -------------------------------------------------------------

/**
 * Adds an adverse event reported after the session, with the session's version read (stale →
 * CONFLICT). The serum and lot named, if any, must be ones applied in the session. The event is
 * counted on the same rollup items as the session (its FITZPATRICK ref re-pointed to the patient's
 * current type, clinical/patient-facts.ts).
 */
export async function recordAdverseEvent(
  db: Db,
  actor: Principal,
  ref: RecordRef,
  expectedVersion: number,
  input: AdverseEventInput,
  idem?: IdempotencyContext,
): Promise<TreatmentSession> {
  SessionRules.validateAdverseEvent(input);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const { patient, session } = await loadSession(db, actor, ref);
      if (session.version !== expectedVersion) throw conflict("This treatment session");
      const event = SessionRules.validateAdverseEvent(input, session.performedOn);
      if (event.serumId) {
        const applied = session.serums.filter((a) => a.serumId === event.serumId);
        if (applied.length === 0)
          throw badInput([
            { path: "adverseEvent.serumId", reason: "this serum was not applied in the session" },
          ]);
        if (
          event.lotNumber &&
          !applied.some((a) => a.lotNumber.toLowerCase() === event.lotNumber!.toLowerCase())
        )
          throw badInput([
            {
              path: "adverseEvent.lotNumber",
              reason: "this lot of the serum was not applied in the session",
            },
          ]);
      }
      const at = new Date().toISOString();
      const recorded: RecordedAdverseEvent = {
        ...event,
        id: newId(),
        recordedAt: at,
        recordedBy: actor.userId,
      };
      const next: TreatmentSession = {
        ...session,
        adverseEvents: [...session.adverseEvents, recorded],
        version: session.version + 1,
        updatedAt: at,
        updatedBy: actor.userId,
      };
      tx.put(sessionItem(next), {
        condition: "attribute_exists(pk) AND version = :v",
        values: { ":v": expectedVersion },
        onConditionFailed: (old) =>
          old ? conflict("This treatment session") : notFound("The treatment session"),
      });
      // Counted where the session is counted now: under the patient's current Fitzpatrick type.
      const deltas = new RollupDeltas().change(
        sessionUnit(session, patient.fitzpatrick),
        sessionUnit(next, patient.fitzpatrick),
      );
      guardPatient(tx, actor.groupId, session.patientId, patient.version);
      await addOutcomeUpdate(
        tx,
        db,
        actor.groupId,
        next.concernIds.map((id) => outcomeChange(patient, { id }, next)),
        deltas,
      );
      deltas.writeTo(tx, actor.groupId);
      addAudit(tx, actor, {
        action: "RECORD_ADVERSE_EVENT",
        patientId: session.patientId,
        siteId: patient.siteId,
        detail: `${recorded.type} (${recorded.severity}) from ${recorded.onsetOn} after the session of ${session.performedOn}`,
      });
      assertFits(tx, "event", "this adverse event");
      return next;
    },
    () => new Tx(),
  );
}

// --- Reads ------------------------------------------------------------------------------------------

/** A session of a patient the principal can see (NOT_FOUND otherwise): one BatchGetItem. */
export async function loadSession(
  db: Db,
  actor: Principal,
  ref: RecordRef,
): Promise<{ patient: Patient; session: TreatmentSession }> {
  const key = sessionKey(actor.groupId, ref);
  const { patient, items } = await loadWithPatient(db, actor, ref.patientId, [key], "The treatment session");
  const item = items.get(keyString(key));
  if (!item) throw notFound("The treatment session");
  return { patient, session: sessionFromItem(item) };
}

export async function getSession(db: Db, actor: Principal, ref: RecordRef): Promise<TreatmentSession> {
  return auditedRead(
    db,
    actor,
    { action: "READ_TREATMENT_SESSION", patientId: ref.patientId },
    async () => (await loadSession(db, actor, ref)).session,
    (s) => s.siteId,
  );
}

/** Sessions by ref for a DataLoader (visibility is the caller's check, through the patient). */
export async function getSessions(
  db: Db,
  groupId: string,
  refs: readonly RecordRef[],
): Promise<(TreatmentSession | undefined)[]> {
  const keys = refs.map((r) => sessionKey(groupId, r));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? sessionFromItem(it) : undefined;
  });
}

/**
 * Who received lot X: ONE Query per page on the lot's partition, newest first. A practitioner sees
 * the applications at their own sites (filtered in the Query); a clinic admin sees the group's.
 */
export async function sessionsByLot(
  db: Db,
  actor: Principal,
  args: { serumId: string; lotNumber: string; first?: number | null; after?: string | null },
): Promise<Page<LotTrace>> {
  const lot = args.lotNumber?.trim();
  if (!lot) throw badInput([{ path: "lotNumber", reason: "is required" }]);
  const pk = Keys.lotTracePk(actor.groupId, args.serumId, lot);
  const practitioner = actor.role !== "CLINIC_ADMIN";
  const siteValues = Object.fromEntries(actor.siteIds.map((s, i) => [`:s${i}`, s]));
  if (practitioner && actor.siteIds.length === 0)
    return { items: [], cursors: [], endCursor: null, hasNextPage: false };
  const page = await queryPage(
    db,
    actor.groupId,
    { first: args.first, after: args.after },
    {
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk, ...(practitioner ? siteValues : {}) },
      // Applications to an erased patient stay in the partition de-identified (src/erasure.ts): not listed.
      FilterExpression: `attribute_not_exists(erased)${practitioner ? ` AND siteId IN (${Object.keys(siteValues).join(", ")})` : ""}`,
      ScanIndexForward: false,
    },
    lotTraceFromItem,
    { pk },
  );
  await appendAudit(db, actor, {
    action: "TRACE_SERUM_LOT",
    detail: `serum ${args.serumId} lot ${lot}: ${page.items.length} applications`,
  });
  return page;
}

/** A site's sessions, newest first: ONE Query per page on gsi1. */
export async function recentSessions(
  db: Db,
  actor: Principal,
  args: { siteId: string; first?: number | null; after?: string | null },
): Promise<Page<TreatmentSession>> {
  if (!canSeeSite(actor, args.siteId)) throw notFound("The site");
  // A clinic admin may name any site: one the group does not have is NOT_FOUND, not an empty list.
  if (!actor.siteIds.includes(args.siteId) && !(await getSite(db, actor.groupId, args.siteId)))
    throw notFound("The site");
  const gsi1pk = Keys.siteSessionsGsi(actor.groupId, args.siteId);
  const page = await queryPage(
    db,
    actor.groupId,
    { first: args.first, after: args.after },
    {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": gsi1pk },
      ScanIndexForward: false,
    },
    sessionFromItem,
    { gsi1pk },
  );
  await appendAudit(db, actor, {
    action: "LIST_SESSIONS",
    siteId: args.siteId,
    detail: `${page.items.length} sessions`,
  });
  return page;
}

// --- Serum check without saving ----------------------------------------------------------------------

export interface SerumCheckResult {
  serum: SerumRecord;
  findings: ContraindicationFinding[];
  blocked: boolean;
  overridable: boolean;
}

/**
 * What applying a serum would meet, for the portal to flag before saving (core's check). Reads: one
 * BatchGetItem (profile, serum, settings) and, for a topical applied after a session, one Query for
 * the patient's sessions within the clinic's actives pause.
 */
export async function checkSerum(
  db: Db,
  actor: Principal,
  args: { patientId: string; serumId: string; lotNumber: string; onDate: string; duringNeedling: boolean },
): Promise<SerumCheckResult> {
  return auditedRead(db, actor, { action: "CHECK_SERUM", patientId: args.patientId }, async () => {
    const settingsKey = Keys.settings(actor.groupId);
    const serumKey = Keys.serum(actor.groupId, args.serumId);
    const { patient, items } = await loadWithPatient(db, actor, args.patientId, [settingsKey, serumKey]);
    const serumItemFound = items.get(keyString(serumKey));
    if (!serumItemFound) throw notFound("The serum");
    const serum = serumFromItem(serumItemFound);
    const { settings } = settingsFromItem(items.get(keyString(settingsKey)));
    const lastNeedledOn = args.duringNeedling
      ? null
      : await lastNeedling(db, actor.groupId, args.patientId, args.onDate, settings.activesAfterNeedlingDays);
    const findings = SerumRules.checkSerumApplication({
      patient,
      serum,
      lotNumber: args.lotNumber,
      onDate: args.onDate,
      duringNeedling: args.duringNeedling,
      lastNeedledOn,
      settings,
    });
    const blocks = findings.filter((f) => f.level === "BLOCK");
    return { serum, findings, blocked: blocks.length > 0, overridable: blocks.every((f) => f.overridable) };
  });
}

/** The latest session on or before `onDate` within the last `days` days, if any: one Query. */
async function lastNeedling(
  db: Db,
  groupId: string,
  patientId: string,
  onDate: string,
  days: number,
): Promise<string | null> {
  const res = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
      FilterExpression: "#type = :t",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: {
        ":pk": Keys.patientPk(groupId, patientId),
        ":from": `T#${addDays(onDate, -days)}`,
        ":to": `T#${onDate}#~`,
        ":t": "TreatmentSession",
      },
      ScanIndexForward: false,
    }),
  );
  const dates = (res.Items ?? []).map((it) => String(it.performedOn)).sort();
  return dates.at(-1) ?? null;
}

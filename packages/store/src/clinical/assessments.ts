import {
  badInput,
  canSeeSite,
  notFound,
  Scales,
  type AssessmentInput,
  type Patient,
  type Principal,
  type ScaleId,
  type Trend,
} from "@needlework/core";
import { addOutcomeUpdate } from "../analytics/outcomes";
import { addAudit, auditedRead } from "../audit";
import type { Db } from "../client";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { newId } from "../ids";
import { Keys } from "../keys";
import { Tx } from "../tx";
import { queryAll } from "./paging";
import { guardPatient } from "./patient-facts";
import { batchGet, keyString, loadWithPatient, type Item } from "./read";
import { formatRef, parseRef, type RecordRef } from "./refs";
import { RollupDeltas } from "./rollups";
import { assertFits } from "../sessions/items";
import { patientFromItem } from "../entities/patient";
import { concernFromItem, type Concern } from "../entities/consultation";
import { sessionFromItem, type TreatmentSession } from "../entities/session";
import { type Assessment, assessmentFromItem, assessmentItem } from "../entities/assessment";

/** The entity this module writes, declared in entities/assessment.ts. */
export * from "../entities/assessment";

/**
 * Outcome assessments: a score on a standard scale for one concern, with the improvement against the
 * concern's baseline on the same scale (core, with the scale's direction of better). The analytics
 * count the concern's course from its de-identified outcome record (analytics/outcomes.ts), rewritten
 * in the same transaction; nothing else is kept per concern. (Concern outcome items,
 * `OUTCOME#<concernId>`, written before the rollup rework are no longer read or written; an erasure
 * deletes them.)
 */

// --- Rules over a concern's scores (pure; the seed uses them too) ---------------------------------

type ScoreLike = Pick<Assessment, "id" | "scale" | "score" | "assessedOn">;

const byDateThenId = (a: ScoreLike, b: ScoreLike): number =>
  a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * What a score on `scale` is measured against for this concern: the concern's own baseline on its
 * baseline scale; "No change" for a change scale (GAIS), dated on the baseline day; otherwise the
 * concern's first score on that scale. Null before any.
 */
export function scaleBaseline(
  concern: Pick<Concern, "baselineScale" | "baselineScore" | "baselineOn">,
  scale: ScaleId,
  scores: readonly ScoreLike[],
): { score: number; on: string } | null {
  if (scale === concern.baselineScale) return { score: concern.baselineScore, on: concern.baselineOn };
  if (Scales.SCALES[scale].kind === "CHANGE") return { score: Scales.GAIS_NO_CHANGE, on: concern.baselineOn };
  const first = scores.filter((s) => s.scale === scale).sort(byDateThenId)[0];
  return first ? { score: first.score, on: first.assessedOn } : null;
}

export interface AssessmentBuild {
  id: string;
  by: string;
  at: string;
  patient: Patient;
  concern: Concern;
  /** The concern's assessments so far. */
  previous: readonly Assessment[];
  /** The patient's sessions (a score may follow one of them). */
  sessions: readonly TreatmentSession[];
  input: RecordAssessmentInput;
  sessionRef: RecordRef | undefined;
  /** "Today" for validation (the demo seed fixes it). */
  now?: Date | undefined;
}

/**
 * The assessment (pure: recordAssessment and the demo seed both build assessments here). Core
 * validates the score against the concern; throws BAD_USER_INPUT.
 */
export function buildAssessment(b: AssessmentBuild): { assessment: Assessment } {
  const { concern, patient, sessionRef } = b;
  const fields = Scales.validateAssessmentInput(
    { ...b.input, sessionId: sessionRef?.id ?? null },
    { indication: concern.indication, baselineOn: concern.baselineOn },
    b.now,
  );
  if (sessionRef && !b.sessions.some((s) => s.id === sessionRef.id))
    throw badInput([{ path: "sessionId", reason: "is not a treatment session of this patient" }]);
  const scores = [
    ...b.previous,
    { id: b.id, scale: fields.scale, score: fields.score, assessedOn: fields.assessedOn },
  ];
  const baseline = scaleBaseline(concern, fields.scale, scores);
  const assessment: Assessment = {
    id: b.id,
    groupId: patient.groupId,
    patientId: patient.id,
    concernId: concern.id,
    concernRef: formatRef({ patientId: patient.id, date: concern.baselineOn, id: concern.id }),
    indication: concern.indication,
    scale: fields.scale,
    score: fields.score,
    label: fields.label,
    rater: fields.rater,
    assessedOn: fields.assessedOn,
    sessionRef: sessionRef ? formatRef(sessionRef) : undefined,
    notes: fields.notes,
    baseline,
    improvement: baseline ? Scales.improvement(fields.scale, baseline.score, fields.score) : null,
    version: 1,
    createdAt: b.at,
    createdBy: b.by,
  };
  return { assessment };
}

// --- The patient collection ------------------------------------------------------------------------

interface Collection {
  patient: Patient;
  concerns: Map<string, Concern>;
  assessments: Assessment[];
  sessions: TreatmentSession[];
}

/** The whole patient collection in one Query (paged past 1 MB); NOT_FOUND when not visible. */
async function loadCollection(
  db: Db,
  actor: Principal,
  patientId: string,
  filter?: { concernId: string },
): Promise<Collection> {
  const pk = Keys.patientPk(actor.groupId, patientId);
  const items = await queryAll(db, {
    KeyConditionExpression: "pk = :pk",
    ConsistentRead: true,
    ...(filter
      ? {
          // Key attributes cannot be filtered on: the items are told apart by type.
          FilterExpression:
            "#type = :patient OR (#type = :concern AND id = :c) OR (#type = :assessment AND concernId = :c)",
          ExpressionAttributeNames: { "#type": "type" },
          ExpressionAttributeValues: {
            ":pk": pk,
            ":patient": "Patient",
            ":concern": "Concern",
            ":assessment": "Assessment",
            ":c": filter.concernId,
          },
        }
      : { ExpressionAttributeValues: { ":pk": pk } }),
  });
  const out: Omit<Collection, "patient"> = { concerns: new Map(), assessments: [], sessions: [] };
  let profile: Item | undefined;
  for (const it of items) {
    const sk = String(it.sk);
    if (sk === "PROFILE") profile = it;
    else if (sk.startsWith("C#")) {
      const c = concernFromItem(it);
      out.concerns.set(c.id, c);
    } else if (it.type === "Assessment") out.assessments.push(assessmentFromItem(it));
    else if (it.type === "TreatmentSession") out.sessions.push(sessionFromItem(it));
  }
  if (!profile || !canSeeSite(actor, String(profile.siteId))) throw notFound("The patient");
  return { ...out, patient: patientFromItem(profile) };
}

// --- Recording -------------------------------------------------------------------------------------

export interface RecordAssessmentInput extends Omit<AssessmentInput, "sessionId"> {
  /** The concern's id (or its local id `<patientId>|<date>|<id>`). */
  concernId: string;
  /** The session's local id `<patientId>|<date>|<id>`, when the score follows a session. */
  sessionId?: string | null;
}

const idOf = (localId: string): string => parseRef(localId)?.id ?? localId;

/**
 * Records a score for a concern of a visible patient. Core validates it against the concern (a
 * scale that does not measure the concern is BAD_USER_INPUT on `scale`). Reads: one Query of the
 * patient collection. Writes: one TransactWriteItems (the assessment, the concern's outcome at the
 * version read, the rollup deltas, the audit entry, the idempotency record).
 */
export async function recordAssessment(
  db: Db,
  actor: Principal,
  patientId: string,
  input: RecordAssessmentInput,
  idem?: IdempotencyContext,
): Promise<Assessment> {
  const concernRef = parseRef(input.concernId);
  if (concernRef && concernRef.patientId !== patientId)
    throw badInput([{ path: "concernId", reason: "is a concern of another patient" }]);
  const sessionRef = input.sessionId ? parseRef(input.sessionId) : undefined;
  if (input.sessionId && (!sessionRef || sessionRef.patientId !== patientId))
    throw badInput([{ path: "sessionId", reason: "is not a treatment session of this patient" }]);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const col = await loadCollection(db, actor, patientId);
      if (col.patient.archived)
        throw badInput([
          { path: "patientId", reason: "this patient's record is archived; restore it before adding to it" },
        ]);
      const concern = col.concerns.get(idOf(input.concernId));
      if (!concern) throw notFound("The concern");
      const { assessment } = buildAssessment({
        id: newId(),
        by: actor.userId,
        at: new Date().toISOString(),
        patient: col.patient,
        concern,
        previous: col.assessments.filter((a) => a.concernId === concern.id),
        sessions: col.sessions,
        input,
        sessionRef,
      });
      const fields = assessment;
      const id = assessment.id;

      tx.put(assessmentItem(assessment), { condition: "attribute_not_exists(pk)" });
      guardPatient(tx, actor.groupId, patientId, col.patient.version);
      // The concern's de-identified outcome record (analytics), and its course's counters: the
      // course as it was taken back, as it is now added (analytics/outcomes.ts).
      const deltas = new RollupDeltas();
      await addOutcomeUpdate(
        tx,
        db,
        actor.groupId,
        [
          {
            patient: {
              id: patientId,
              dateOfBirth: col.patient.dateOfBirth,
              fitzpatrick: col.patient.fitzpatrick,
              siteId: col.patient.siteId,
            },
            concern: {
              id: concern.id,
              indication: concern.indication,
              bodyArea: concern.bodyArea,
              baselineScale: concern.baselineScale,
              baselineScore: concern.baselineScore,
              baselineOn: concern.baselineOn,
            },
            assessment: { id, scale: fields.scale, score: fields.score, assessedOn: fields.assessedOn },
          },
        ],
        deltas,
      );
      deltas.writeTo(tx, actor.groupId);
      addAudit(tx, actor, {
        action: "RECORD_ASSESSMENT",
        patientId,
        siteId: col.patient.siteId,
        detail: `${concern.indication}: ${fields.scale} ${fields.score} (${fields.rater}) on ${fields.assessedOn}`,
      });
      assertFits(tx, "concernId", "this score");
      return assessment;
    },
    () => new Tx(),
  );
}

// --- Reads -------------------------------------------------------------------------------------------

export interface OutcomeTrend {
  patient: Patient;
  concern: Concern;
  scale: ScaleId;
  baseline: { score: number; on: string } | null;
  /** Core's trend; each point carries the assessment it came from. */
  trend: Trend;
  assessments: Assessment[];
}

/**
 * A concern's scores on one scale (default: its baseline scale) against the baseline, oldest first,
 * with the latest improvement: ONE Query of the patient collection.
 */
export async function outcomeTrend(
  db: Db,
  actor: Principal,
  args: { patientId: string; concernId: string; scale?: ScaleId | null },
): Promise<OutcomeTrend> {
  const concernId = idOf(args.concernId);
  return auditedRead(
    db,
    actor,
    { action: "READ_OUTCOME_TREND", patientId: args.patientId },
    async () => {
      const col = await loadCollection(db, actor, args.patientId, { concernId });
      const concern = col.concerns.get(concernId);
      if (!concern) throw notFound("The concern");
      const scale = args.scale ?? concern.baselineScale;
      if (!Scales.scaleFitsIndication(scale, concern.indication))
        throw badInput([
          { path: "scale", reason: `${Scales.SCALES[scale].name} does not measure this concern` },
        ]);
      const assessments = col.assessments
        .filter((a) => a.concernId === concern.id && a.scale === scale)
        .sort(byDateThenId);
      const baseline = scaleBaseline(concern, scale, assessments);
      const trend = Scales.trend(
        scale,
        baseline?.score ?? 0,
        assessments.map((a) => ({ on: a.assessedOn, score: a.score, rater: a.rater })),
      );
      return {
        patient: col.patient,
        concern,
        scale,
        baseline,
        trend: baseline ? trend : { ...trend, points: [], latest: null, best: null, direction: "NO_DATA" },
        assessments,
      };
    },
    (r) => r.patient.siteId,
  );
}

/** Assessments by ref for a DataLoader (visibility is the caller's check, through the patient). */
export async function getAssessments(
  db: Db,
  groupId: string,
  refs: readonly RecordRef[],
): Promise<(Assessment | undefined)[]> {
  const keys = refs.map((r) => Keys.assessment(groupId, r.patientId, r.date, r.id));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? assessmentFromItem(it) : undefined;
  });
}

/** One assessment of a visible patient, with its audit entry: one BatchGetItem. */
export async function getAssessment(db: Db, actor: Principal, ref: RecordRef): Promise<Assessment> {
  const read = await auditedRead(
    db,
    actor,
    { action: "READ_ASSESSMENT", patientId: ref.patientId },
    async () => {
      const key = Keys.assessment(actor.groupId, ref.patientId, ref.date, ref.id);
      const { patient, items } = await loadWithPatient(db, actor, ref.patientId, [key], "The assessment");
      const it = items.get(keyString(key));
      if (!it) throw notFound("The assessment");
      return { assessment: assessmentFromItem(it), siteId: patient.siteId };
    },
    (r) => r.siteId,
  );
  return read.assessment;
}

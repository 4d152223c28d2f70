import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { createHmac } from "node:crypto";
import {
  badInput,
  conflict,
  Deidentify,
  Kpi,
  Scales,
  Schedule,
  type AdverseEventType,
  type AgeBand,
  type DepthBand,
  type Device,
  type FitzpatrickType,
  type Indication,
  type ScaleId,
  type Severity,
  type Zone,
} from "@needlework/core";
import type { Db } from "../client";
import { decodeCursor, encodeCursor, pageSize, type Page, type StartKey } from "../cursor";
import { Keys } from "../keys";
import { batchGet } from "../clinical/read";
import type { Tx } from "../tx";
import { courseUnit, ROLLUP_SHARDS, shardOf, type RollupDeltas, type RollupUnit } from "../clinical/rollups";
import { groupSecret } from "./secret";

/**
 * De-identified outcome records: one item per (patient, concern) in the group's `G#g#OUTCOMES`
 * partition, rewritten in the same transaction as every session and assessment of the concern, so an
 * analyst's rows are a paged Query and never a read of anyone's clinical record.
 *
 * What the item holds is already de-identified: the pseudonymous patient key (HMAC with the group's
 * secret), an age band instead of the date of birth, months instead of dates, adverse events as type
 * and severity only, no free text, and no patient, concern, session or assessment id: the record's own
 * key and the internal keys of its sessions and assessments are keyed hashes too, so neither the row
 * nor a cursor (a DynamoDB key) links back to a patient without the secret.
 *
 * The internal `sessions` and `assessments` lists (never returned) make every write a recomputation:
 * a corrected or back-dated session replaces its entry and the derived fields are rebuilt.
 */

// ---- What callers (the session and assessment transactions) pass in ------------------------------

export interface OutcomePatientFacts {
  id: string;
  dateOfBirth: string;
  fitzpatrick?: FitzpatrickType | null | undefined;
  siteId: string;
}

export interface OutcomeConcernFacts {
  id: string;
  indication: Indication;
  bodyArea: Zone;
  baselineScale: ScaleId;
  baselineScore: number;
  baselineOn: string;
}

export interface OutcomeSessionFacts {
  id: string;
  performedOn: string;
  siteId: string;
  device: Device;
  /** Who performed it (the rollups count a course under its practitioners; never returned). */
  practitionerId?: string | undefined;
  zones: readonly { zone: Zone; depthMm: number }[];
  serums: readonly { serumId: string; zone: Zone; name?: string | undefined }[];
  adverseEvents: readonly {
    type: AdverseEventType;
    severity: Severity;
    onsetOn: string;
    durationDays?: number | null | undefined;
  }[];
}

export interface OutcomeAssessmentFacts {
  id: string;
  scale: ScaleId;
  score: number;
  assessedOn: string;
}

// ---- Stored state -----------------------------------------------------------------------------------

interface StoredSession {
  /** Keyed hash of the session id. */
  k: string;
  month: string;
  siteId: string;
  device: Device;
  practitionerId?: string | undefined;
  zones: { zone: Zone; depthMm: number }[];
  serums: { id: string; name?: string | undefined; zone: Zone }[];
  adverseEvents: { type: AdverseEventType; severity: Severity; counts: boolean }[];
}

interface StoredAssessment {
  /** Keyed hash of the assessment id. */
  k: string;
  /** The id's time part (ids are time-ordered): breaks ties between scores of one day, as the rollups do. */
  seq: string;
  scale: ScaleId;
  score: number;
  /** Orders assessments (latest wins); never returned. */
  on: string;
}

export interface ScaleOutcome {
  scale: ScaleId;
  baselineScore: number;
  latestScore: number | null;
  /** Points better than baseline (positive = better), core's Scales.improvement. */
  improvement: number | null;
  improvementPercent: number | null;
  improved: boolean | null;
  /** Follow-up scores on this scale. */
  assessments: number;
}

/** A de-identified outcome row, as the API returns it. */
export interface OutcomeRecord {
  id: string;
  patientKey: string;
  ageBand: AgeBand;
  fitzpatrick: FitzpatrickType | null;
  siteId: string;
  indication: Indication;
  bodyArea: Zone;
  /** Course start: month of the first session, or of the baseline before any session. */
  startMonth: string;
  firstSessionMonth: string | null;
  lastSessionMonth: string | null;
  sessionCount: number;
  zones: { zone: Zone; depthsMm: number[]; depthBands: DepthBand[] }[];
  depthBands: DepthBand[];
  devices: Device[];
  serums: { id: string; name: string | null }[];
  /** On the concern's baseline scale. */
  outcome: ScaleOutcome;
  /** Other scales the concern was scored on (GAIS against "No change", others against their first score). */
  otherScales: ScaleOutcome[];
  adverseEvents: { type: AdverseEventType; severity: Severity }[];
  /** Adverse events that count for the KPI (expected redness does not). */
  adverseEventsCounted: number;
}

const month = (date: string): string => date.slice(0, 7);
const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keyed hash, shortened: the record and its parts are named without revealing any id. */
const keyed = (secret: string, kind: string, id: string, length = 32): string =>
  createHmac("sha256", secret).update(`${kind}:${id}`).digest("hex").slice(0, length);

export function recordKeyOf(secret: string, patientId: string, concernId: string): string {
  return keyed(secret, "outcome", `${patientId}|${concernId}`);
}

function sessionEntry(secret: string, s: OutcomeSessionFacts, concern: OutcomeConcernFacts): StoredSession {
  return withConcernZones(sessionBase(secret, s), concern);
}

function sessionBase(secret: string, s: OutcomeSessionFacts): StoredSession {
  return {
    k: keyed(secret, "session", s.id, 16),
    month: month(s.performedOn),
    siteId: s.siteId,
    device: s.device,
    ...(s.practitionerId ? { practitionerId: s.practitionerId } : {}),
    zones: s.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm })),
    serums: s.serums.map((x) => ({ id: x.serumId, zone: x.zone, ...(x.name ? { name: x.name } : {}) })),
    adverseEvents: s.adverseEvents.map((e) => ({
      type: e.type,
      severity: e.severity,
      counts: Kpi.countsAsAdverseEvent({
        type: e.type,
        onsetOn: e.onsetOn,
        durationDays: e.durationDays ?? undefined,
      }),
    })),
  };
}

/**
 * A session as far as one concern is concerned (the rollups' rule, clinical/rollups.ts outcomeRefs):
 * the zones and serums in the concern's body area when that area was treated, otherwise all of them.
 */
function withConcernZones(s: StoredSession, concern: OutcomeConcernFacts): StoredSession {
  const inArea = s.zones.some((z) => z.zone === concern.bodyArea);
  if (!inArea) return s;
  return {
    ...s,
    zones: s.zones.filter((z) => z.zone === concern.bodyArea),
    serums: s.serums.filter((x) => x.zone === concern.bodyArea),
  };
}

// ---- The item ----------------------------------------------------------------------------------------

export interface OutcomeState {
  recordKey: string;
  patientKey: string;
  ageBand: AgeBand;
  fitzpatrick: FitzpatrickType | null;
  /** The patient's site, used until a session says where the course is given. */
  homeSiteId: string;
  indication: Indication;
  bodyArea: Zone;
  baselineScale: ScaleId;
  baselineScore: number;
  baselineMonth: string;
  /** Internal (never returned): a score counts as an outcome only after the baseline day. */
  baselineOn: string;
  sessions: StoredSession[];
  assessments: StoredAssessment[];
  /** The patient's rollup shard (clinical/rollups.ts shardOf(patientId)): a number, not an id. */
  shard?: number | undefined;
  version: number;
}

const byDateThenSeq = (a: StoredAssessment, b: StoredAssessment): number =>
  byString(`${a.on}#${a.seq}#${a.k}`, `${b.on}#${b.seq}#${b.k}`);

/**
 * A concern's outcome on one scale (the rule of clinical/assessments.ts scaleBaseline):
 * measured against the concern's baseline on its baseline scale, "No change" on a change scale (GAIS),
 * otherwise the first score on the scale; only a latest score dated after that baseline counts.
 */
function scaleOutcome(
  s: Pick<OutcomeState, "baselineScale" | "baselineScore" | "baselineOn">,
  scale: ScaleId,
  all: readonly StoredAssessment[],
): ScaleOutcome {
  const onScale = all.filter((a) => a.scale === scale).sort(byDateThenSeq);
  const base =
    scale === s.baselineScale
      ? { score: s.baselineScore, on: s.baselineOn }
      : Scales.SCALES[scale].kind === "CHANGE"
        ? { score: Scales.GAIS_NO_CHANGE, on: s.baselineOn }
        : onScale[0]
          ? { score: onScale[0].score, on: onScale[0].on }
          : null;
  const followUps = base ? onScale.filter((a) => a.on > base.on) : [];
  const latest = onScale.at(-1);
  const baselineScore = base?.score ?? s.baselineScore;
  if (!base || !latest || latest.on <= base.on) {
    return {
      scale,
      baselineScore,
      latestScore: null,
      improvement: null,
      improvementPercent: null,
      improved: null,
      assessments: followUps.length,
    };
  }
  const imp = Scales.improvement(scale, base.score, latest.score);
  return {
    scale,
    baselineScore,
    latestScore: latest.score,
    improvement: imp.absolute,
    improvementPercent: imp.percent,
    improved: imp.improved,
    assessments: followUps.length,
  };
}

/** The row an outcome state stands for (pure; the item stores it alongside the state). */
export function deriveRecord(s: OutcomeState): OutcomeRecord {
  const sessions = [...s.sessions].sort((a, b) => byString(a.month, b.month));
  const zoneMap = new Map<Zone, Set<number>>();
  for (const x of sessions)
    for (const z of x.zones)
      (zoneMap.get(z.zone) ?? zoneMap.set(z.zone, new Set()).get(z.zone)!).add(z.depthMm);
  const zones = [...zoneMap.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([zone, depths]) => {
      const depthsMm = [...depths].sort((a, b) => a - b);
      return { zone, depthsMm, depthBands: uniq(depthsMm.map((d) => Schedule.depthBand(d))) };
    });
  const depthBands = uniq(zones.flatMap((z) => z.depthBands)).sort(
    (a, b) => Schedule.DEPTH_BANDS.indexOf(a) - Schedule.DEPTH_BANDS.indexOf(b),
  );
  const serumNames = new Map<string, string | null>();
  for (const x of sessions)
    for (const sr of x.serums) if (!serumNames.get(sr.id)) serumNames.set(sr.id, sr.name ?? null);
  const others = [...new Set(s.assessments.map((a) => a.scale))]
    .filter((scale) => scale !== s.baselineScale)
    .sort(byString)
    .map((scale) => scaleOutcome(s, scale, s.assessments));
  const events = sessions.flatMap((x) => x.adverseEvents);
  const firstSessionMonth = sessions[0]?.month ?? null;
  return {
    id: s.recordKey,
    patientKey: s.patientKey,
    ageBand: s.ageBand,
    fitzpatrick: s.fitzpatrick,
    // The patient's site, as the outcome rollups count it (a session's own site is in `sessions`).
    siteId: s.homeSiteId,
    indication: s.indication,
    bodyArea: s.bodyArea,
    startMonth: firstSessionMonth ?? s.baselineMonth,
    firstSessionMonth,
    lastSessionMonth: sessions.at(-1)?.month ?? null,
    sessionCount: sessions.length,
    zones,
    depthBands,
    devices: uniq(sessions.map((x) => x.device)).sort(byString),
    serums: [...serumNames.entries()].sort(([a], [b]) => byString(a, b)).map(([id, name]) => ({ id, name })),
    outcome: scaleOutcome(s, s.baselineScale, s.assessments),
    otherScales: others,
    adverseEvents: events.map((e) => ({ type: e.type, severity: e.severity })),
    adverseEventsCounted: events.filter((e) => e.counts).length,
  };
}

/** The stored item: keys for both access paths, the filterable attributes, the row and the state. */
export function outcomeItem(groupId: string, s: OutcomeState): Record<string, unknown> {
  const r = deriveRecord(s);
  return {
    ...Keys.outcomeRecord(groupId, s.recordKey),
    gsi1pk: Keys.outcomesByMonthGsi(groupId),
    gsi1sk: Keys.outcomesByMonthSort(r.startMonth, r.indication, s.recordKey),
    gsi2pk: Keys.outcomesBySiteGsi(groupId, r.siteId),
    gsi2sk: Keys.outcomesBySiteSort(r.indication, r.startMonth, s.recordKey),
    type: "OutcomeRecord",
    // Filter attributes (FilterExpression): plain values and lists.
    siteId: r.siteId,
    indication: r.indication,
    startMonth: r.startMonth,
    fitzpatrick: r.fitzpatrick ?? undefined,
    devices: r.devices,
    depthBands: r.depthBands,
    serumIds: r.serums.map((x) => x.id),
    record: r,
    state: s,
    version: s.version,
  };
}

export function stateFromItem(item: Record<string, unknown>): OutcomeState {
  return item.state as OutcomeState;
}

export function recordFromItem(item: Record<string, unknown>): OutcomeRecord {
  return item.record as OutcomeRecord;
}

function newState(secret: string, patient: OutcomePatientFacts, concern: OutcomeConcernFacts): OutcomeState {
  return {
    recordKey: recordKeyOf(secret, patient.id, concern.id),
    patientKey: Deidentify.pseudonymousKey(secret, patient.id),
    ageBand: Deidentify.ageBand(patient.dateOfBirth, concern.baselineOn),
    fitzpatrick: patient.fitzpatrick ?? null,
    homeSiteId: patient.siteId,
    indication: concern.indication,
    bodyArea: concern.bodyArea,
    baselineScale: concern.baselineScale,
    baselineScore: concern.baselineScore,
    baselineMonth: month(concern.baselineOn),
    baselineOn: concern.baselineOn,
    sessions: [],
    assessments: [],
    shard: shardOf(patient.id),
    version: 0,
  };
}

export interface OutcomeChange {
  patient: OutcomePatientFacts;
  /** The concern; its id alone when the caller has not read it (the record's stored facts are kept). */
  concern: OutcomeConcernFacts | { id: string };
  /** A session recorded or corrected (replaces the entry with the same id). */
  session?: OutcomeSessionFacts | undefined;
  /** A session removed (archived) from the course. */
  removedSessionId?: string | undefined;
  /** An assessment of the concern recorded or corrected. */
  assessment?: OutcomeAssessmentFacts | undefined;
  removedAssessmentId?: string | undefined;
}

/** Applies a change to a state (pure). Patient and concern facts are refreshed on every write. */
export function applyChange(
  secret: string,
  prev: OutcomeState | undefined,
  change: OutcomeChange,
): OutcomeState {
  const c = { ...change, concern: concernFacts(change.concern, prev) };
  const base = newState(secret, c.patient, c.concern);
  const s: OutcomeState = {
    ...base,
    // The age band is fixed at the first write (age at the start of treatment).
    ageBand: prev?.ageBand ?? base.ageBand,
    sessions: prev?.sessions ?? [],
    assessments: prev?.assessments ?? [],
    version: (prev?.version ?? 0) + 1,
  };
  if (c.session) {
    const entry = sessionEntry(secret, c.session, c.concern);
    s.sessions = [...s.sessions.filter((x) => x.k !== entry.k), entry];
    if (!prev)
      s.ageBand = Deidentify.ageBand(
        c.patient.dateOfBirth,
        c.session.performedOn < c.concern.baselineOn ? c.session.performedOn : c.concern.baselineOn,
      );
  }
  if (c.removedSessionId) {
    const k = keyed(secret, "session", c.removedSessionId, 16);
    s.sessions = s.sessions.filter((x) => x.k !== k);
  }
  if (c.assessment) {
    const a = c.assessment;
    const entry: StoredAssessment = {
      k: keyed(secret, "assessment", a.id, 16),
      seq: a.id.slice(0, 9),
      scale: a.scale,
      score: a.score,
      on: a.assessedOn,
    };
    s.assessments = [...s.assessments.filter((x) => x.k !== entry.k), entry];
  }
  if (c.removedAssessmentId) {
    const k = keyed(secret, "assessment", c.removedAssessmentId, 16);
    s.assessments = s.assessments.filter((x) => x.k !== k);
  }
  return s;
}

const hasFacts = (c: OutcomeChange["concern"]): c is OutcomeConcernFacts => "indication" in c;

/** The concern's facts: as given, or as the record stored them. */
function concernFacts(c: OutcomeChange["concern"], prev: OutcomeState | undefined): OutcomeConcernFacts {
  if (hasFacts(c)) return c;
  if (!prev) throw new Error("an outcome record needs the concern's facts on its first write");
  return {
    id: c.id,
    indication: prev.indication,
    bodyArea: prev.bodyArea,
    baselineScale: prev.baselineScale,
    baselineScore: prev.baselineScore,
    baselineOn: prev.baselineOn,
  };
}

/**
 * The course an outcome state stands for, as the rollups count it (clinical/rollups.ts courseUnit):
 * the record's improvement per scale under the record's values and the practitioners of its
 * sessions, in the month the course started. Null when nothing is measured yet.
 */
export function courseUnitOf(
  state: OutcomeState,
  record: OutcomeRecord = deriveRecord(state),
): RollupUnit | null {
  return courseUnit({
    indication: record.indication,
    siteId: record.siteId,
    fitzpatrick: record.fitzpatrick,
    startMonth: record.startMonth,
    depthBands: record.depthBands,
    devices: record.devices,
    serumIds: record.serums.map((x) => x.id),
    practitionerIds: state.sessions.map((x) => x.practitionerId).filter((p): p is string => !!p),
    shard: state.shard ?? shardOf(record.id),
    outcomes: [record.outcome, ...record.otherScales],
  });
}

/** The course unit of a stored outcome record item (its stored state). */
export const courseUnitOfItem = (item: Record<string, unknown>): RollupUnit | null =>
  courseUnitOf(stateFromItem(item), recordFromItem(item));

/**
 * Adds the outcome records a session or assessment changes to the caller's transaction: one Put per
 * concern, conditioned on the version read, so two writes racing on one concern cannot lose an update
 * (the loser's whole transaction fails with CONFLICT). Reads: the group secret (cached per process)
 * and one BatchGetItem for the records. Each record's course is taken back from the rollups as it
 * was and added as it is now, into `deltas` (the caller's, written once with its own counters; a
 * transaction may touch an item once).
 */
export async function addOutcomeUpdate(
  tx: Tx,
  db: Db,
  groupId: string,
  changes: readonly OutcomeChange[],
  deltas: RollupDeltas,
): Promise<void> {
  if (changes.length === 0) return;
  const secret = await groupSecret(db, groupId);
  const keys = changes.map((c) =>
    Keys.outcomeRecord(groupId, recordKeyOf(secret, c.patient.id, c.concern.id)),
  );
  const found = await batchGetItems(db, keys);
  const merged = new Map<string, OutcomeState>();
  const read = new Map<string, number>();
  changes.forEach((c, i) => {
    const key = keys[i]!;
    const prev = merged.get(key.sk) ?? (found.get(key.sk) ? stateFromItem(found.get(key.sk)!) : undefined);
    // A change naming only the concern (e.g. a later adverse event) updates an existing record only.
    if (!prev && !hasFacts(c.concern)) return;
    if (!read.has(key.sk)) read.set(key.sk, prev?.version ?? 0);
    merged.set(key.sk, applyChange(secret, prev, c));
  });
  const counters = new RecordCounterDeltas();
  for (const [sk, state] of merged) {
    const readVersion = read.get(sk) ?? 0;
    const before = found.get(sk);
    tx.put(outcomeItem(groupId, { ...state, version: readVersion + 1 }), {
      condition: readVersion === 0 ? "attribute_not_exists(pk)" : "version = :v",
      ...(readVersion === 0 ? {} : { values: { ":v": readVersion } }),
      onConditionFailed: () => conflict("This patient's outcome record"),
    });
    const after = deriveRecord(state);
    counters.change(before ? recordFromItem(before) : null, after);
    deltas.change(before ? courseUnitOfItem(before) : null, courseUnitOf(state, after));
  }
  counters.writeTo(tx, groupId);
}

/**
 * How many outcome records there are, without reading them: sharded counters (the rollup layout,
 * dimension RECORDS) kept by addOutcomeUpdate for the whole group, per site, per concern and per
 * site × concern. They give the CSV export its total.
 */
export const RECORDS_DIMENSION = "RECORDS";

export function recordCounterValues(r: Pick<OutcomeRecord, "siteId" | "indication">): string[] {
  return ["ALL", `SITE|${r.siteId}`, `CONCERN|${r.indication}`, `SITE_CONCERN|${r.siteId}|${r.indication}`];
}

type CountedRecord = Pick<OutcomeRecord, "id" | "siteId" | "indication">;

/**
 * The record counters one transaction moves, merged per item (a transaction may touch an item once):
 * a record that appears adds 1 to each of its values, one that goes takes 1 back, one that changes
 * site (or concern) moves between them. Written by `ADD`; net zero items are left alone.
 */
export class RecordCounterDeltas {
  private readonly counts = new Map<string, { value: string; shard: number; n: number }>();

  add(r: CountedRecord | null | undefined, n: 1 | -1): this {
    if (!r) return this;
    const shard = shardOf(r.id);
    for (const value of recordCounterValues(r)) {
      const id = `${value}#${shard}`;
      const c = this.counts.get(id) ?? { value, shard, n: 0 };
      c.n += n;
      this.counts.set(id, c);
    }
    return this;
  }

  change(before: CountedRecord | null | undefined, after: CountedRecord | null | undefined): this {
    return this.add(before, -1).add(after, 1);
  }

  /** Items that will be written. */
  get size(): number {
    return [...this.counts.values()].filter((c) => c.n !== 0).length;
  }

  writeTo(tx: Tx, groupId: string): void {
    for (const c of this.counts.values()) {
      if (c.n === 0) continue;
      tx.update(Keys.rollup(groupId, RECORDS_DIMENSION, c.value, c.shard), {
        update: "SET #type = :type, dimension = :d, #value = :value, #shard = :shard ADD records :n",
        names: { "#type": "type", "#value": "value", "#shard": "shard" },
        values: {
          ":type": "RollupShard",
          ":d": RECORDS_DIMENSION,
          ":value": c.value,
          ":shard": c.shard,
          ":n": c.n,
        },
      });
    }
  }
}

/** The counter items for a set of records built at once (the demo seed). */
export function recordCounterItems(
  groupId: string,
  records: readonly Pick<OutcomeRecord, "id" | "siteId" | "indication">[],
): Record<string, unknown>[] {
  const counts = new Map<string, { value: string; shard: number; n: number }>();
  for (const r of records) {
    const shard = shardOf(r.id);
    for (const value of recordCounterValues(r)) {
      const c = counts.get(`${value}#${shard}`) ?? { value, shard, n: 0 };
      c.n++;
      counts.set(`${value}#${shard}`, c);
    }
  }
  return [...counts.values()].map((c) => ({
    ...Keys.rollup(groupId, RECORDS_DIMENSION, c.value, c.shard),
    type: "RollupShard",
    dimension: RECORDS_DIMENSION,
    value: c.value,
    shard: c.shard,
    records: c.n,
  }));
}

/** The number of records a filter matches, when the counters know it (site and/or concern only). */
export async function outcomeRecordTotal(db: Db, groupId: string, f: OutcomeFilter): Promise<number | null> {
  const set = (Object.keys(f) as (keyof OutcomeFilter)[]).filter((k) => f[k] != null && f[k] !== "");
  if (set.some((k) => k !== "siteId" && k !== "indication")) return null;
  const value =
    f.siteId && f.indication
      ? `SITE_CONCERN|${f.siteId}|${f.indication}`
      : f.siteId
        ? `SITE|${f.siteId}`
        : f.indication
          ? `CONCERN|${f.indication}`
          : "ALL";
  const keys = Array.from({ length: ROLLUP_SHARDS }, (_, shard) =>
    Keys.rollup(groupId, RECORDS_DIMENSION, value, shard),
  );
  const found = await batchGetItems(db, keys);
  let total = 0;
  for (const it of found.values()) total += typeof it.records === "number" ? it.records : 0;
  return total;
}

/**
 * The item for a concern's whole history at once (the demo seed and backfills use it; the result is
 * the same as applying the history one change at a time).
 */
export function outcomeItemFromHistory(
  groupId: string,
  secret: string,
  h: {
    patient: OutcomePatientFacts;
    concern: OutcomeConcernFacts;
    sessions: readonly OutcomeSessionFacts[];
    assessments: readonly OutcomeAssessmentFacts[];
  },
): Record<string, unknown> {
  let state: OutcomeState | undefined;
  const sessions = [...h.sessions].sort((a, b) => byString(a.performedOn, b.performedOn));
  for (const session of sessions)
    state = applyChange(secret, state, { patient: h.patient, concern: h.concern, session });
  for (const assessment of h.assessments)
    state = applyChange(secret, state, { patient: h.patient, concern: h.concern, assessment });
  state ??= applyChange(secret, undefined, { patient: h.patient, concern: h.concern });
  return outcomeItem(groupId, { ...state, version: 1 });
}

/** Items by key through the request's shared BatchGetItem (clinical/read.ts), by sort key. */
async function batchGetItems(
  db: Db,
  keys: readonly { pk: string; sk: string }[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = await batchGet(db, keys);
  return new Map([...found.values()].map((it) => [String(it.sk), it]));
}

// ---- Reading: a paged Query -----------------------------------------------------------------------

export interface OutcomeFilter {
  /** Inclusive; compared by month (records carry months, not dates). */
  from?: string | null | undefined;
  to?: string | null | undefined;
  siteId?: string | null | undefined;
  indication?: Indication | null | undefined;
  device?: Device | null | undefined;
  serumId?: string | null | undefined;
  depthBand?: DepthBand | null | undefined;
  fitzpatrick?: FitzpatrickType | null | undefined;
}

/** Queries one page may use to fill itself when a FilterExpression drops rows. */
export const MAX_QUERIES_PER_PAGE = 4;
/** Items DynamoDB evaluates per Query when a filter is on (a page of matches may need many). */
const EVALUATE_PER_QUERY = 250;

/** The plan for a filter: which index, which key condition, which FilterExpression. */
export function outcomeQuery(groupId: string, f: OutcomeFilter): Omit<QueryCommandInput, "TableName"> {
  const fromM = f.from ? month(f.from) : undefined;
  const toM = f.to ? month(f.to) : undefined;
  if (fromM && toM && fromM > toM) throw badInput([{ path: "filter.to", reason: "must not be before from" }]);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const filters: string[] = [];
  let key: string;
  let index: "gsi1" | "gsi2";
  const HIGH = "~"; // sorts after '#' and every id character: "2026-03~" ends March.
  if (f.siteId) {
    // Per site: gsi2 sk = <indication>#<month>#<record>: concern and months are key conditions.
    index = "gsi2";
    values[":pk"] = Keys.outcomesBySiteGsi(groupId, f.siteId);
    if (f.indication) {
      values[":lo"] = `${f.indication}#${fromM ?? ""}`;
      values[":hi"] = `${f.indication}#${toM ?? "9999-99"}${HIGH}`;
      key = "gsi2pk = :pk AND gsi2sk BETWEEN :lo AND :hi";
    } else {
      key = "gsi2pk = :pk";
      if (fromM) {
        filters.push("startMonth >= :from");
        values[":from"] = fromM;
      }
      if (toM) {
        filters.push("startMonth <= :to");
        values[":to"] = toM;
      }
    }
  } else {
    // Group-wide: gsi1 sk = <month>#<indication>#<record>: months are the key condition.
    index = "gsi1";
    values[":pk"] = Keys.outcomesByMonthGsi(groupId);
    if (fromM || toM) {
      values[":lo"] = fromM ?? "0000-00";
      values[":hi"] = `${toM ?? "9999-99"}${HIGH}`;
      key = "gsi1pk = :pk AND gsi1sk BETWEEN :lo AND :hi";
    } else key = "gsi1pk = :pk";
    if (f.indication) {
      filters.push("indication = :ind");
      values[":ind"] = f.indication;
    }
  }
  if (f.device) {
    filters.push("contains(devices, :device)");
    values[":device"] = f.device;
  }
  if (f.serumId) {
    filters.push("contains(serumIds, :serum)");
    values[":serum"] = f.serumId;
  }
  if (f.depthBand) {
    filters.push("contains(depthBands, :band)");
    values[":band"] = f.depthBand;
  }
  if (f.fitzpatrick) {
    filters.push("#fitz = :fitz");
    names["#fitz"] = "fitzpatrick";
    values[":fitz"] = f.fitzpatrick;
  }
  names["#record"] = "record";
  return {
    IndexName: index,
    KeyConditionExpression: key,
    ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ProjectionExpression: "pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, #record",
  };
}

interface RawPage {
  items: Record<string, unknown>[];
  /** Each item's key within the index: the cursor after it. */
  keys: StartKey[];
  /** Where reading stopped when the page came back short (filters dropped rows). */
  resumeAt: StartKey | undefined;
  hasNextPage: boolean;
  queries: number;
}

/**
 * One page of outcome records. Key conditions narrow the read where the index allows (site, concern,
 * months); the other filters are a FilterExpression, so DynamoDB reads and bills rows it then drops:
 * a page asks again (up to MAX_QUERIES_PER_PAGE Queries) until it is full, and otherwise comes back
 * short with a cursor where the reading stopped.
 */
async function readPage(
  db: Db,
  groupId: string,
  filter: OutcomeFilter,
  start: StartKey | undefined,
  limit: number,
): Promise<RawPage> {
  const query = outcomeQuery(groupId, filter);
  const index = query.IndexName as "gsi1" | "gsi2";
  const partition = String(query.ExpressionAttributeValues?.[":pk"]);
  if (start && start[`${index}pk`] !== partition) {
    throw badInput([{ path: "after", reason: "belongs to another filter: start again without it" }]);
  }
  const keyOf = (it: Record<string, unknown>): StartKey => ({
    pk: it.pk,
    sk: it.sk,
    [`${index}pk`]: it[`${index}pk`],
    [`${index}sk`]: it[`${index}sk`],
  });
  const rows: Record<string, unknown>[] = [];
  let next = start;
  let queries = 0;
  let more = false;
  let resumeAt: StartKey | undefined;
  while (queries < MAX_QUERIES_PER_PAGE) {
    const res = await db.doc.send(
      new QueryCommand({
        ...query,
        TableName: db.tableName,
        ExclusiveStartKey: next,
        Limit: query.FilterExpression ? Math.max(EVALUATE_PER_QUERY, limit + 1) : limit + 1,
      }),
    );
    queries++;
    rows.push(...(res.Items ?? []));
    next = res.LastEvaluatedKey;
    if (rows.length > limit) {
      more = true;
      break;
    }
    if (!next) break;
    if (queries === MAX_QUERIES_PER_PAGE) {
      more = true;
      resumeAt = next;
    }
  }
  const items = rows.slice(0, limit);
  return { items, keys: items.map(keyOf), resumeAt, hasNextPage: more, queries };
}

export async function listOutcomeRecords(
  db: Db,
  groupId: string,
  filter: OutcomeFilter,
  args: { first?: number | null; after?: string | null },
): Promise<Page<OutcomeRecord> & { queries: number }> {
  const limit = pageSize(args.first);
  const page = await readPage(db, groupId, filter, decodeCursor(args.after, groupId), limit);
  const cursors = page.keys.map((k) => encodeCursor(k) ?? "");
  return {
    items: page.items.map(recordFromItem),
    cursors,
    endCursor: page.resumeAt ? encodeCursor(page.resumeAt) : (cursors.at(-1) ?? null),
    hasNextPage: page.hasNextPage,
    queries: page.queries,
  };
}

/** Rows per export chunk: a chunk of CSV stays far below a Lambda response's 6 MB. */
export const EXPORT_CHUNK_MAX = 500;

/**
 * One chunk of an export: like a page, but up to EXPORT_CHUNK_MAX rows, and its cursor also carries
 * the number of rows exported so far (`n`), so progress needs no state on the server.
 */
export async function exportChunk(
  db: Db,
  groupId: string,
  filter: OutcomeFilter,
  args: { after?: string | null; rows?: number | null },
): Promise<{ records: OutcomeRecord[]; endCursor: string | null; hasNextPage: boolean; done: number }> {
  const limit = args.rows ?? 200;
  if (!Number.isInteger(limit) || limit < 1 || limit > EXPORT_CHUNK_MAX)
    throw badInput([{ path: "rows", reason: `must be a whole number from 1 to ${EXPORT_CHUNK_MAX}` }]);
  const decoded = decodeCursor(args.after, groupId);
  let before = 0;
  let start: StartKey | undefined;
  if (decoded) {
    const { n, ...key } = decoded;
    before = typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : 0;
    start = Object.keys(key).length > 0 ? key : undefined;
  }
  const page = await readPage(db, groupId, filter, start, limit);
  const done = before + page.items.length;
  const last = page.resumeAt ?? page.keys.at(-1);
  return {
    records: page.items.map(recordFromItem),
    endCursor: page.hasNextPage && last ? encodeCursor({ ...last, n: done }) : null,
    hasNextPage: page.hasNextPage,
    done,
  };
}

/** Every record matching a filter, page by page (tests and tooling; the API pages). */
export async function allOutcomeRecords(
  db: Db,
  groupId: string,
  filter: OutcomeFilter = {},
): Promise<OutcomeRecord[]> {
  const out: OutcomeRecord[] = [];
  let after: string | null = null;
  do {
    const page = await listOutcomeRecords(db, groupId, filter, { first: 100, after });
    out.push(...page.items);
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return out;
}

import {
  badInput,
  conflict,
  forbidden,
  isDomainError,
  notFound,
  PatientRules,
  type FitzpatrickType,
  type Principal,
} from "@needlework/core";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { addAudit, auditRefusal } from "./audit";
import { currentScope, type Db } from "./client";
import { Keys } from "./keys";
import { Tx } from "./tx";
import { queryAll } from "./clinical/paging";
import { batchGet, keyString, type Item, type ItemKey } from "./clinical/read";
import { RollupDeltas, sessionUnit } from "./clinical/rollups";
import {
  courseUnitOfItem,
  RecordCounterDeltas,
  recordFromItem,
  recordKeyOf,
  type OutcomeRecord,
} from "./analytics/outcomes";
import { groupSecret } from "./analytics/secret";
import { sessionFromItem } from "./entities/session";

/**
 * Erasure of a patient: the explicit, audited operation that removes a patient's personal and
 * clinical data (clinical records are otherwise archived, never deleted). Clinic admins only.
 *
 * Far more items than one transaction (100) may hold, so it is resumable and idempotent:
 *
 * 1. START, one transaction: the profile is deleted and an ERASURE item put in its place in the
 *    patient collection (status ERASING; it keeps the name, to check `confirmName` on a resumption, and
 *    the Fitzpatrick type the patient's counters sit under), with the audit entry (who, when, reason).
 *    From then on every read finds no profile: the patient and all its records answer NOT_FOUND, it
 *    drops out of the site's patient list, and every write to it fails its profile condition.
 * 2. DATA, transactions of units, each unit with the take-back of what it counted, so the rollups
 *    equal a recomputation from the remaining records after every transaction, and a crash leaves
 *    either a whole unit or none of it:
 *    - a session: the session (version read), its counters (sessions and adverse events on its rollup
 *      refs, FITZPATRICK re-pointed to the patient's type) taken back, and its lot traces de-identified;
 *    - a concern: the concern, its de-identified outcome record (version read) with its course's
 *      counters and the record counters taken back (and a concern outcome item `OUTCOME#`, which
 *      data from before the rollup rework may still hold);
 *    - a plan: the plan (and its due-index keys) and its KPI item;
 *    - a consultation, an assessment.
 *    Each transaction also adds its counts to the ERASURE item, conditioned on status ERASING.
 * 3. The idempotency records of mutations on the patient (indexed under it, gsi2), deleted.
 * 4. The patient's audit entries keep who, when, what, site and outcome, but their free-text `detail`
 *    (override and cancellation reasons, notes of what was done) is removed: the one change ever made
 *    to an audit entry, made only here. The erasure's own entries are kept whole.
 * 5. END, one transaction: the ERASURE item becomes a tombstone without personal data (status ERASED,
 *    who and when, counts), with the completion's audit entry.
 *
 * Running it again resumes from what is left (each step re-reads); once ERASED it answers the
 * tombstone and writes nothing. A call stops early when its request is near its budget of database
 * calls, answering status ERASING with progress: the caller calls again.
 */

export const ERASURE_KINDS = [
  "consultations",
  "concerns",
  "plans",
  "sessions",
  "assessments",
  "outcomeRecords",
  "kpiPlans",
  "lotTraces",
  "idempotencyRecords",
  "auditDetails",
] as const;
export type ErasureKind = (typeof ERASURE_KINDS)[number];
export type ErasureCounts = Record<ErasureKind, number>;

export type ErasureStatus = "ERASING" | "ERASED";

export interface PatientErasure {
  patientId: string;
  siteId: string;
  status: ErasureStatus;
  startedAt: string;
  startedBy: string;
  completedAt: string | null;
  completedBy: string | null;
  /** Items erased (deleted, de-identified or redacted) so far, by kind. */
  erased: ErasureCounts;
  /** Items still to erase, as far as this call saw (0 once ERASED). */
  remaining: number;
}

export interface ErasePatientInput {
  /** The patient's name as the admin typed it to confirm ("given family", case and accents ignored). */
  confirmName: string;
  /** Why: kept in the audit trail, so it must not name or contact the patient. */
  reason: string;
}

const zeroCounts = (): ErasureCounts => Object.fromEntries(ERASURE_KINDS.map((k) => [k, 0])) as ErasureCounts;

const ERASE_ACTION = "ERASE_PATIENT";
/** The calls a request keeps in hand for the read and the answer after its last transaction. */
const BUDGET_RESERVE = 6;
/** Re-reads after a racing write made a transaction CONFLICT, per call. */
const CONFLICT_RETRIES = 3;

// ---- Checks ----------------------------------------------------------------------------------------

const words = (s: string): string[] => PatientRules.normaliseName(s).split(" ").filter(Boolean);

function nameMatches(typed: string, given: string, family: string): boolean {
  const t = PatientRules.normaliseName(typed);
  return (
    t.length > 0 &&
    (t === PatientRules.normaliseName(`${given} ${family}`) ||
      t === PatientRules.normaliseName(`${family} ${given}`))
  );
}

/** Whether the reason names or contacts the patient: it is kept in the audit trail for good. */
function identifies(
  reason: string,
  p: { givenName: string; familyName: string; email?: unknown; phone?: unknown; dateOfBirth?: unknown },
): boolean {
  const said = new Set(words(reason));
  const nameWords = [...words(p.givenName), ...words(p.familyName)].filter((w) => w.length >= 2);
  if (nameWords.some((w) => said.has(w))) return true;
  const lower = reason.toLowerCase();
  if (typeof p.email === "string" && p.email && lower.includes(p.email.toLowerCase())) return true;
  const digits = (s: string) => s.replace(/\D/g, "");
  if (typeof p.phone === "string" && digits(p.phone).length >= 6 && digits(reason).includes(digits(p.phone)))
    return true;
  if (typeof p.dateOfBirth === "string" && p.dateOfBirth) {
    const [y, m, d] = p.dateOfBirth.split("-");
    if (lower.includes(p.dateOfBirth) || (y && m && d && digits(reason).includes(`${d}${m}${y}`)))
      return true;
  }
  return false;
}

function validate(input: ErasePatientInput): { confirmName: string; reason: string } {
  const confirmName = (input.confirmName ?? "").trim();
  const reason = (input.reason ?? "").trim();
  const problems = [];
  if (!confirmName) problems.push({ path: "confirmName", reason: "type the patient's name to confirm" });
  else if (confirmName.length > 250)
    problems.push({ path: "confirmName", reason: "must be at most 250 characters" });
  if (reason.length < 3) problems.push({ path: "reason", reason: "say why the patient is erased" });
  else if (reason.length > 1000) problems.push({ path: "reason", reason: "must be at most 1000 characters" });
  if (problems.length) throw badInput(problems);
  return { confirmName, reason };
}

// ---- The state item ------------------------------------------------------------------------------

function erasureOf(item: Item, remaining: number): PatientErasure {
  const counts = zeroCounts();
  const stored = (item.counts ?? {}) as Partial<Record<string, unknown>>;
  for (const k of ERASURE_KINDS) counts[k] = Number(stored[k] ?? 0);
  return {
    patientId: String(item.id),
    siteId: String(item.siteId),
    status: item.status === "ERASED" ? "ERASED" : "ERASING",
    startedAt: String(item.startedAt),
    startedBy: String(item.startedBy),
    completedAt: typeof item.completedAt === "string" ? item.completedAt : null,
    completedBy: typeof item.completedBy === "string" ? item.completedBy : null,
    erased: counts,
    remaining,
  };
}

/** The ERASURE item's counts move in every transaction of the erasure, which holds only while ERASING. */
function addProgress(tx: Tx, groupId: string, patientId: string, counts: Partial<ErasureCounts>): void {
  const names: Record<string, string> = { "#status": "status" };
  const values: Record<string, unknown> = { ":erasing": "ERASING" };
  const adds: string[] = [];
  for (const [k, n] of Object.entries(counts)) {
    if (!n) continue;
    names["#counts"] = "counts";
    names[`#${k}`] = k;
    values[`:${k}`] = n;
    adds.push(`#counts.#${k} :${k}`);
  }
  tx.update(Keys.patientErasure(groupId, patientId), {
    update: adds.length ? `ADD ${adds.join(", ")}` : "SET #status = :erasing",
    condition: "#status = :erasing",
    names,
    values,
    onConditionFailed: () => conflict("This patient's erasure"),
  });
}

// ---- Units -----------------------------------------------------------------------------------------

/** Items that go together with the counters they added, in one transaction. */
interface Unit {
  ops: ((tx: Tx) => void)[];
  /** Takes back from the rollups what the unit's items counted (merged per transaction). */
  takeBack: ((d: RollupDeltas) => void)[];
  /** Outcome records whose counters (analytics/outcomes.ts, dimension RECORDS) are taken back. */
  records: OutcomeRecord[];
  counts: Partial<ErasureCounts>;
}

const plain = (ops: Unit["ops"], counts: Unit["counts"]): Unit => ({
  ops,
  takeBack: [],
  records: [],
  counts,
});

const del =
  (key: ItemKey, version?: unknown) =>
  (tx: Tx): void => {
    // Conditioned like the item's writers: a write that raced the erasure's read fails this batch.
    tx.delete(
      { ...key },
      version !== undefined
        ? {
            condition: "version = :v",
            values: { ":v": version },
            onConditionFailed: () => conflict("A record of this patient"),
          }
        : {},
    );
  };

function lotTraceKey(
  groupId: string,
  s: { performedOn: string; id: string },
  a: { serumId: string; lotNumber: string; zone: string },
): ItemKey {
  return {
    pk: Keys.lotTracePk(groupId, a.serumId, a.lotNumber),
    sk: Keys.lotTraceSk(s.performedOn, s.id, a.zone),
  };
}

interface Plan {
  units: Unit[];
  /** Keys read to plan (lot traces, outcome records, KPI items), found ones by keyString. */
  found: Map<string, Item>;
}

/** What erasing the collection's items takes, as units (one read: a BatchGetItem of the side items). */
async function planUnits(
  db: Db,
  groupId: string,
  patientId: string,
  fitzpatrick: FitzpatrickType | null | undefined,
  items: readonly Item[],
): Promise<Plan> {
  const secret = await groupSecret(db, groupId);
  const sessions = items.filter((it) => it.type === "TreatmentSession").map(sessionFromItem);
  const concerns = items.filter((it) => it.type === "Concern");
  const outcomes = new Map(
    items
      .filter((it) => String(it.sk).startsWith("OUTCOME#"))
      .map((it) => [String(it.sk).slice("OUTCOME#".length), it]),
  );
  const plans = items.filter((it) => it.type === "TreatmentPlan");
  const side: ItemKey[] = [
    ...sessions.flatMap((s) => s.serums.map((a) => lotTraceKey(groupId, s, a))),
    ...concerns.map((c) => Keys.outcomeRecord(groupId, recordKeyOf(secret, patientId, String(c.id)))),
    ...plans.map((p) => Keys.kpiPlan(groupId, String(p.id))),
  ];
  const found = await batchGet(db, side);
  const units: Unit[] = [];

  // Concerns first: a course is counted under what its sessions did, so it goes before the
  // sessions do (a recomputation between two transactions then agrees too).
  for (const c of concerns) {
    const concernId = String(c.id);
    const unit = plain([del({ pk: String(c.pk), sk: String(c.sk) })], { concerns: 1 });
    // Left by data from before the rollup rework (nothing writes it now).
    const outcome = outcomes.get(concernId);
    if (outcome) {
      unit.ops.push(del({ pk: String(outcome.pk), sk: String(outcome.sk) }, outcome.version));
    }
    const recordKey = Keys.outcomeRecord(groupId, recordKeyOf(secret, patientId, concernId));
    const record = found.get(keyString(recordKey));
    if (record) {
      unit.ops.push(del(recordKey, record.version));
      // The course's counters are taken back as the record counts them (clinical/rollups.ts).
      unit.takeBack.push((d) => d.addUnit(courseUnitOfItem(record), -1));
      unit.records.push(recordFromItem(record));
      unit.counts.outcomeRecords = 1;
    }
    units.push(unit);
  }
  for (const s of sessions) {
    const traces = s.serums.map((a) => lotTraceKey(groupId, s, a)).filter((k) => found.has(keyString(k)));
    units.push({
      ops: [
        del(Keys.session(groupId, patientId, s.performedOn, s.id), s.version),
        ...traces.map((k) => (tx: Tx) => {
          // The application stays traceable for a recall (serum, lot, day, site, zone, practitioner);
          // who received it and the session go.
          tx.update(
            { ...k },
            {
              update: "REMOVE patientId, sessionRef, sessionId SET erased = :t",
              condition: "attribute_exists(pk)",
              values: { ":t": true },
            },
          );
        }),
      ],
      takeBack: [(d) => d.addUnit(sessionUnit(s, fitzpatrick), -1)],
      records: [],
      counts: { sessions: 1, lotTraces: traces.length },
    });
  }

  // Outcome items whose concern is already gone cannot be: a concern unit takes both.

  for (const p of plans) {
    const kpi = Keys.kpiPlan(groupId, String(p.id));
    const hasKpi = found.has(keyString(kpi));
    units.push(
      plain([del({ pk: String(p.pk), sk: String(p.sk) }), ...(hasKpi ? [del(kpi)] : [])], {
        plans: 1,
        kpiPlans: hasKpi ? 1 : 0,
      }),
    );
  }
  for (const it of items) {
    const kind =
      it.type === "Consultation" ? "consultations" : it.type === "Assessment" ? "assessments" : undefined;
    if (!kind) continue;
    units.push(plain([del({ pk: String(it.pk), sk: String(it.sk) })], { [kind]: 1 }));
  }
  // Anything else in the collection (a kind this code does not know yet) goes too, counted nowhere.
  const known = new Set(["TreatmentSession", "Concern", "TreatmentPlan", "Consultation", "Assessment"]);
  for (const it of items) {
    const sk = String(it.sk);
    if (known.has(String(it.type)) || sk.startsWith("OUTCOME#") || sk === "ERASURE" || sk === "PROFILE")
      continue;
    units.push(plain([del({ pk: String(it.pk), sk })], {}));
  }
  return { units, found };
}

/** The rollup deltas and record counters of units, merged as one transaction writes them. */
function merged(units: readonly Unit[]): { deltas: RollupDeltas; records: RecordCounterDeltas } {
  const deltas = new RollupDeltas();
  const records = new RecordCounterDeltas();
  for (const u of units) {
    for (const t of u.takeBack) t(deltas);
    for (const r of u.records) records.add(r, -1);
  }
  return { deltas, records };
}

/** Items a transaction of these units writes (the ERASURE item's progress included). */
function itemsOf(units: readonly Unit[]): number {
  const { deltas, records } = merged(units);
  return 1 + units.reduce((a, u) => a + u.ops.length, 0) + deltas.size + records.size;
}

/** Packs units into transactions of at most 100 items. */
function pack(units: readonly Unit[], maxUnits = Number.POSITIVE_INFINITY): Unit[][] {
  const txs: Unit[][] = [];
  let current: Unit[] = [];
  for (const u of units) {
    if (current.length > 0 && (current.length >= maxUnits || itemsOf([...current, u]) > 100)) {
      txs.push(current);
      current = [];
    }
    current.push(u);
    if (itemsOf(current) > 100) throw new Error("an erasure unit does not fit in one transaction");
  }
  if (current.length) txs.push(current);
  return txs;
}

function commitUnits(db: Db, groupId: string, patientId: string, units: readonly Unit[]): Promise<void> {
  const tx = new Tx();
  const counts: Partial<ErasureCounts> = {};
  for (const u of units) {
    for (const op of u.ops) op(tx);
    for (const [k, n] of Object.entries(u.counts))
      counts[k as ErasureKind] = (counts[k as ErasureKind] ?? 0) + n;
  }
  const { deltas, records } = merged(units);
  deltas.writeTo(tx, groupId);
  records.writeTo(tx, groupId);
  addProgress(tx, groupId, patientId, counts);
  return tx.commit(db);
}

// ---- Steps -----------------------------------------------------------------------------------------

/** Whether the request may make another transaction (and still read and answer). */
function budgetLeft(limit: { transactions: number }): boolean {
  if (limit.transactions <= 0) return false;
  const scope = currentScope();
  return !scope || scope.budget - scope.calls > BUDGET_RESERVE;
}

async function collection(db: Db, groupId: string, patientId: string): Promise<Item[]> {
  return queryAll(db, {
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": Keys.patientPk(groupId, patientId) },
    ConsistentRead: true,
  });
}

async function idempotencyRecords(db: Db, groupId: string, patientId: string): Promise<ItemKey[]> {
  const items = await queryAll(db, {
    IndexName: "gsi2",
    KeyConditionExpression: "gsi2pk = :pk",
    ExpressionAttributeValues: { ":pk": Keys.idempotencyByPatientGsi(groupId, patientId) },
  });
  return items.map((it) => ({ pk: String(it.pk), sk: String(it.sk) }));
}

async function auditDetails(db: Db, groupId: string, patientId: string): Promise<ItemKey[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: "pk = :pk",
    FilterExpression: "attribute_exists(detail) AND NOT begins_with(#action, :erase)",
    ExpressionAttributeNames: { "#action": "action" },
    ExpressionAttributeValues: { ":pk": Keys.auditByPatientPk(groupId, patientId), ":erase": ERASE_ACTION },
    ProjectionExpression: "pk, sk",
    ConsistentRead: true,
  });
  return items.map((it) => ({ pk: String(it.pk), sk: String(it.sk) }));
}

/** Runs `ops` in transactions of up to 99 items with the ERASURE item's progress. */
async function inChunks(
  db: Db,
  groupId: string,
  patientId: string,
  keys: readonly ItemKey[],
  kind: ErasureKind,
  op: (tx: Tx, key: ItemKey) => void,
  limit: { transactions: number },
): Promise<boolean> {
  for (let i = 0; i < keys.length; i += 99) {
    if (!budgetLeft(limit)) return false;
    const chunk = keys.slice(i, i + 99);
    const tx = new Tx();
    for (const k of chunk) op(tx, k);
    addProgress(tx, groupId, patientId, { [kind]: chunk.length });
    await tx.commit(db);
    limit.transactions--;
  }
  return true;
}

const isConflict = (e: unknown): boolean => isDomainError(e) && e.code === "CONFLICT";

/**
 * Erases a patient of the principal's group, or resumes its erasure (see above). CLINIC_ADMIN only.
 * A wrong `confirmName`, a missing reason or a reason naming the patient is BAD_USER_INPUT and writes
 * nothing; an id that is not a patient of the group is NOT_FOUND (audited like every refused access).
 * `maxTransactions` caps the work of one call and `unitsPerTransaction` the units of a data
 * transaction (tests: every intermediate state; the request budget caps a call's work too).
 */
export async function erasePatient(
  db: Db,
  actor: Principal,
  patientId: string,
  input: ErasePatientInput,
  opts: { maxTransactions?: number; unitsPerTransaction?: number } = {},
): Promise<PatientErasure> {
  if (actor.role !== "CLINIC_ADMIN") throw forbidden("Only a clinic admin can erase a patient.");
  const { confirmName, reason } = validate(input);
  const profileKey = Keys.patientProfile(actor.groupId, patientId);
  const erasureKey = Keys.patientErasure(actor.groupId, patientId);
  const read = await batchGet(db, [profileKey, erasureKey]);
  const profile = read.get(keyString(profileKey));
  let state = read.get(keyString(erasureKey));

  if (!profile && !state)
    return auditRefusal(db, actor, { action: ERASE_ACTION, patientId }, notFound("The patient"));
  if (state?.status === "ERASED") return erasureOf(state, 0);
  const who = (state ?? profile)!;
  const text = (v: unknown): string => (typeof v === "string" ? v : "");
  if (!nameMatches(confirmName, text(who.givenName), text(who.familyName)))
    throw badInput([{ path: "confirmName", reason: "does not match the patient's name" }]);

  if (!state) {
    // 1. START
    if (identifies(reason, profile as { givenName: string; familyName: string }))
      throw badInput([
        {
          path: "reason",
          reason: "must not name or contact the patient: it stays in the audit trail after the erasure",
        },
      ]);
    const now = new Date().toISOString();
    state = {
      ...erasureKey,
      type: "PatientErasure",
      id: patientId,
      groupId: actor.groupId,
      siteId: profile!.siteId,
      status: "ERASING",
      startedAt: now,
      startedBy: actor.userId,
      // Until the end only: to check the name on a resumption, and where the counters sit.
      givenName: profile!.givenName,
      familyName: profile!.familyName,
      fitzpatrick: profile!.fitzpatrick,
      counts: zeroCounts(),
      version: 1,
    };
    const tx = new Tx();
    tx.delete(profileKey, {
      condition: "version = :v",
      values: { ":v": profile!.version },
      onConditionFailed: (old) => (old ? conflict("This patient") : notFound("The patient")),
    });
    tx.put(state, {
      condition: "attribute_not_exists(pk)",
      onConditionFailed: () => conflict("This patient"),
    });
    addAudit(tx, actor, {
      action: ERASE_ACTION,
      patientId,
      siteId: String(profile!.siteId),
      detail: `erasure started; reason: ${reason}`,
    });
    await tx.commit(db);
  }

  const fitzpatrick = state.fitzpatrick as FitzpatrickType | undefined;
  const limit = { transactions: opts.maxTransactions ?? Number.POSITIVE_INFINITY };
  let conflicts = 0;
  for (;;) {
    try {
      // 2. DATA
      const items = (await collection(db, actor.groupId, patientId)).filter((it) => it.sk !== "ERASURE");
      if (items.some((it) => it.sk === "PROFILE")) throw conflict("This patient");
      if (items.length > 0) {
        const { units } = await planUnits(db, actor.groupId, patientId, fitzpatrick, items);
        for (const batch of pack(units, opts.unitsPerTransaction)) {
          if (!budgetLeft(limit)) return progress(db, actor.groupId, patientId, items.length);
          await commitUnits(db, actor.groupId, patientId, batch);
          limit.transactions--;
        }
        continue; // read again: nothing may be left (a write may have raced the start)
      }
      // 3. Idempotency records
      const idem = await idempotencyRecords(db, actor.groupId, patientId);
      if (
        !(await inChunks(
          db,
          actor.groupId,
          patientId,
          idem,
          "idempotencyRecords",
          (tx, k) => del(k)(tx),
          limit,
        ))
      )
        return progress(db, actor.groupId, patientId, idem.length);
      // 4. Audit details
      const details = await auditDetails(db, actor.groupId, patientId);
      const redact = (tx: Tx, k: ItemKey) =>
        tx.update(
          { ...k },
          {
            update: "REMOVE detail SET detailErased = :t",
            condition: "attribute_exists(pk)",
            values: { ":t": true },
          },
        );
      if (!(await inChunks(db, actor.groupId, patientId, details, "auditDetails", redact, limit)))
        return progress(db, actor.groupId, patientId, details.length);
      if (details.length > 0 || idem.length > 0) continue;
      // 5. END
      if (!budgetLeft({ transactions: limit.transactions })) return progress(db, actor.groupId, patientId, 1);
      return await finish(db, actor, patientId);
    } catch (e) {
      // A write that raced a step (a late adverse event, a resumption by another admin): read again.
      if (isConflict(e) && ++conflicts <= CONFLICT_RETRIES) continue;
      throw e;
    }
  }
}

async function progress(
  db: Db,
  groupId: string,
  patientId: string,
  remaining: number,
): Promise<PatientErasure> {
  const got = await batchGet(db, [Keys.patientErasure(groupId, patientId)]);
  const item = got.get(keyString(Keys.patientErasure(groupId, patientId)));
  if (!item) throw notFound("The patient");
  return erasureOf(item, remaining);
}

async function finish(db: Db, actor: Principal, patientId: string): Promise<PatientErasure> {
  const key = Keys.patientErasure(actor.groupId, patientId);
  const got = await batchGet(db, [key]);
  const state = got.get(keyString(key));
  if (!state) throw notFound("The patient");
  if (state.status === "ERASED") return erasureOf(state, 0);
  const now = new Date().toISOString();
  const done = erasureOf(state, 0);
  const tombstone: Item = {
    ...key,
    type: "PatientErasure",
    id: patientId,
    groupId: actor.groupId,
    siteId: state.siteId,
    status: "ERASED",
    startedAt: state.startedAt,
    startedBy: state.startedBy,
    completedAt: now,
    completedBy: actor.userId,
    counts: done.erased,
    version: Number(state.version ?? 1) + 1,
  };
  const tx = new Tx();
  tx.put(tombstone, {
    condition: "#status = :erasing",
    names: { "#status": "status" },
    values: { ":erasing": "ERASING" },
    onConditionFailed: () => conflict("This patient's erasure"),
  });
  addAudit(tx, actor, {
    action: `${ERASE_ACTION}_COMPLETED`,
    patientId,
    siteId: String(state.siteId),
    detail: `erased: ${ERASURE_KINDS.map((k) => `${done.erased[k]} ${k}`).join(", ")}`,
  });
  await tx.commit(db);
  return erasureOf(tombstone, 0);
}

/**
 * Applications of a serum lot to patients since erased, for a recall: their lot traces are kept
 * without the patient (`erased`). A practitioner counts those at their sites. One Query (COUNT) per
 * 1 MB of the lot's partition.
 */
export async function erasedLotApplications(
  db: Db,
  actor: Principal,
  args: { serumId: string; lotNumber: string },
): Promise<number> {
  const lot = args.lotNumber?.trim();
  if (!lot) return 0;
  const practitioner = actor.role !== "CLINIC_ADMIN";
  if (practitioner && actor.siteIds.length === 0) return 0;
  const sites = Object.fromEntries(actor.siteIds.map((s, i) => [`:s${i}`, s]));
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: "pk = :pk",
        FilterExpression: `erased = :t${practitioner ? ` AND siteId IN (${Object.keys(sites).join(", ")})` : ""}`,
        ExpressionAttributeValues: {
          ":pk": Keys.lotTracePk(actor.groupId, args.serumId, lot),
          ":t": true,
          ...(practitioner ? sites : {}),
        },
        Select: "COUNT",
        ExclusiveStartKey: start,
      }),
    );
    count += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return count;
}

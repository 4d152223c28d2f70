import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetCounter } from "@needlework/store";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import { CREATE_PATIENT, patientInput, payload, versionedUpdateCases } from "./cases";
import { cancelled, changeSignature, dataWrites, printCounts, snapshot } from "./support";

/**
 * Idempotency and optimistic concurrency under parallel callers, over HTTP on DynamoDB Local.
 * DynamoDB Local serialises transactions, so the race real DynamoDB reports as TransactionConflict
 * is injected as well.
 */
const N = 10;
const PATIENT_WRITE = ["added:AuditEntry", "added:Idempotency", "added:Patient"];

type Created = { createPatient: { patient: { id: string; version: number } } };
const idOf = (r: GqlResult<Created>) => r.data?.createPatient.patient.id;

describe("idempotency and optimistic concurrency", () => {
  let api: TestApi;
  const tally = { tried: 0, rejected: 0, partialWrites: 0, duplicateWrites: 0, conflicts: 0, winners: 0 };

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterEach(() => {
    api.db.faultHook = undefined;
  });
  afterAll(async () => {
    printCounts("concurrency", tally);
    await api?.stop();
  });

  const count = (results: GqlResult<unknown>[]) => {
    tally.tried += results.length;
    tally.rejected += results.filter((r) => codes(r).length > 0).length;
  };

  it(`${N} parallel identical createPatient with one key: one write, every caller gets the same patient`, async () => {
    const before = await snapshot(api.db);
    const vars = { input: patientInput("Twin"), key: "concurrent-create-0001" };
    const results = await Promise.all(
      Array.from({ length: N }, () => api.gql<Created>(CREATE_PATIENT, vars)),
    );
    count(results);
    expect(results.flatMap(codes)).toEqual([]);
    expect(new Set(results.map(idOf)).size).toBe(1);
    const signature = changeSignature(before, await snapshot(api.db));
    tally.duplicateWrites += signature.filter((s) => s === "added:Patient").length - 1;
    expect(signature).toEqual(PATIENT_WRITE);
  });

  it("a replay with the same key returns the first result and writes nothing", async () => {
    const vars = { input: patientInput("Replay"), key: "replay-key-00001" };
    const first = await api.gql<Created>(CREATE_PATIENT, vars);
    const before = await snapshot(api.db);
    resetCounter(api.db);
    const again = await api.gql<Created>(CREATE_PATIENT, vars);
    count([again]);
    expect(again.data).toEqual(first.data);
    const writeOps = Object.keys(api.db.counter.byOperation).filter(
      (op) => !["GetItem", "BatchGetItem", "Query"].includes(op),
    );
    expect(writeOps).toEqual([]);
    expect(changeSignature(before, await snapshot(api.db))).toEqual([]);
  });

  it("the same key with a different body is refused and writes nothing", async () => {
    const key = "reused-key-00001";
    await api.gql<Created>(CREATE_PATIENT, { input: patientInput("Original"), key });
    const before = await snapshot(api.db);
    const other = await api.gql(CREATE_PATIENT, { input: patientInput("Different"), key });
    count([other]);
    expect(codes(other)).toEqual(["BAD_USER_INPUT"]);
    expect(other.errors![0]!.extensions?.fields).toEqual([
      { path: "idempotencyKey", reason: "was used with a different request" },
    ]);
    expect(dataWrites(changeSignature(before, await snapshot(api.db)))).toEqual([]);
  });

  it("duplicates that lose a TransactionConflict race answer with the winner's result, not CONFLICT", async () => {
    const before = await snapshot(api.db);
    let transactions = 0;
    api.db.faultHook = ({ operation, attempt }) => {
      if (operation !== "TransactWriteItems" || attempt > 1) return undefined;
      transactions += 1;
      return transactions === 1 ? undefined : cancelled("TransactionConflict");
    };
    const vars = { input: patientInput("Raced"), key: "conflict-race-0001" };
    const results = await Promise.all(
      Array.from({ length: N }, () => api.gql<Created>(CREATE_PATIENT, vars)),
    );
    count(results);
    expect(results.flatMap(codes)).toEqual([]);
    expect(new Set(results.map(idOf)).size).toBe(1);
    expect(changeSignature(before, await snapshot(api.db))).toEqual(PATIENT_WRITE);
  });

  it("without a key, a TransactionConflict is a CONFLICT and writes nothing", async () => {
    const before = await snapshot(api.db);
    api.db.faultHook = ({ operation }) =>
      operation === "TransactWriteItems" ? cancelled("TransactionConflict") : undefined;
    const r = await api.gql(CREATE_PATIENT, { input: patientInput("NoKey") });
    count([r]);
    expect(codes(r)).toEqual(["CONFLICT"]);
    expect(dataWrites(changeSignature(before, await snapshot(api.db)))).toEqual([]);
  });

  for (const c of versionedUpdateCases) {
    it(`${c.field}: ${N} parallel updates with the same version give exactly one success and ${N - 1} CONFLICT`, async () => {
      const as = c.as?.(api) ?? api.users.ava;
      const varsOf = await c.prepare(api);
      const version = Number(varsOf(0).version);
      const before = await snapshot(api.db);
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) => api.gql(c.document, varsOf(i), as)),
      );
      count(results);
      const ok = results.filter((r) => payload(r, c.field) !== undefined);
      const conflicts = results.filter((r) => codes(r).join() === "CONFLICT");
      tally.winners += ok.length;
      tally.conflicts += conflicts.length;
      expect(ok.length, JSON.stringify(results.map(codes))).toBe(1);
      expect(conflicts.length).toBe(N - 1);
      // The winner's write and nothing from the losers (they leave refusal audit entries, by design).
      const signature = dataWrites(changeSignature(before, await snapshot(api.db)));
      expect(signature.filter((s) => !s.startsWith("added:AuditEntry")).length).toBeGreaterThanOrEqual(1);
      const okAudits = signature.filter((s) => s === "added:AuditEntry").length;
      tally.partialWrites += Math.max(0, okAudits - 1);
      expect(okAudits).toBeLessThanOrEqual(1);
      // The store now holds exactly version + 1: the next update with it wins, one with the old one does not.
      const stale = await api.gql(c.document, varsOf(N), as);
      expect(codes(stale)).toEqual(["CONFLICT"]);
      // (It may still be refused for what it asks, e.g. overriding a finding twice, but not for its version.)
      const next = await api.gql(c.document, { ...varsOf(N + 1), version: version + 1 }, as);
      expect(codes(next)).not.toContain("CONFLICT");
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSchema } from "@needlework/api";
import { resetCounter } from "@needlework/store";
import { codes, startTestApi, type TestApi } from "../support/api";
import { payload, writeCases, type WriteCase } from "./cases";
import {
  changeSignature,
  classify,
  dataWrites,
  failCall,
  injectedServiceError,
  printCounts,
  snapshot,
  type Snapshot,
} from "./support";

/**
 * All-or-nothing under failure: for each write mutation, count its DynamoDB calls in a clean run,
 * then rerun it failing call k, for every k: the call never reaches DynamoDB, and, for a write, also
 * the call runs and its response is lost. After each run the table is exactly as before or exactly
 * as after a complete run; when a write's response was lost, the caller's retry (same idempotency
 * key, or the same version) writes nothing more.
 */
const READS = new Set(["GetItem", "BatchGetItem", "Query", "TransactGetItems"]);
const PREPARE_IN_PARALLEL = 4;

describe("fault injection along each write mutation", () => {
  let api: TestApi;
  const tally = { tried: 0, rejected: 0, partialWrites: 0, lostResponses: 0, replayedOk: 0 };
  const perMutation: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    const mutations = Object.keys(buildSchema().getMutationType()?.getFields() ?? {});
    const covered = new Set(writeCases.map((c) => c.field));
    const uncovered = mutations.filter((m) => !covered.has(m) && !m.startsWith("_"));
    printCounts("fault injection", {
      ...tally,
      mutations: covered.size,
      uncovered: uncovered.join(",") || "none",
    });
    for (const line of perMutation) console.log(`[hardening]   ${line}`);
    await api?.stop();
  });

  /** Runs the mutation once on `vars`, from the table state `before`, failing call `fault.k` if given. */
  async function run(
    c: WriteCase,
    vars: Record<string, unknown>,
    before: Snapshot,
    fault?: { k: number; after: boolean },
  ) {
    resetCounter(api.db);
    const inject = fault ? failCall(fault.k, injectedServiceError(api.db), fault.after) : undefined;
    const operations: string[] = [];
    api.db.faultHook = (point) => {
      if (point.attempt === 1) operations[point.call - 1] = point.operation;
      return inject?.(point);
    };
    const result = await api.gql(c.document, vars, c.as?.(api) ?? api.users.ava).finally(() => {
      api.db.faultHook = undefined;
    });
    const calls = api.db.counter.total;
    const after = await snapshot(api.db);
    return { result, calls, operations, after, signature: dataWrites(changeSignature(before, after)) };
  }

  /** Preconditions of several runs, a few at a time. */
  async function prepareAll(c: WriteCase, from: number, count: number): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < count; i += PREPARE_IN_PARALLEL) {
      const batch = Array.from({ length: Math.min(PREPARE_IN_PARALLEL, count - i) }, (_, j) =>
        c.prepare(api, from + i + j),
      );
      out.push(...(await Promise.all(batch)));
    }
    return out;
  }

  for (const c of writeCases) {
    it(`${c.label ?? c.field}: every failed call leaves nothing or everything`, async () => {
      // A group-wide record (settings, a protocol) is added by its first save and changed by every
      // later one: save it once first, so the clean run is the reference for the faulted ones.
      if (c.singleton) await run(c, await c.prepare(api, -1), await snapshot(api.db));
      const clean = await run(c, await c.prepare(api, 0), await snapshot(api.db));
      expect(codes(clean.result), JSON.stringify(clean.result)).toEqual([]);
      const complete = clean.signature;
      expect(complete.length).toBeGreaterThan(0);

      // Every k; for a write also "ran, response lost" (a read's lost response changes nothing more).
      const faults = Array.from({ length: clean.calls }, (_, i) => i + 1).flatMap((k) =>
        READS.has(clean.operations[k - 1] ?? "")
          ? [{ k, after: false }]
          : [
              { k, after: false },
              { k, after: true },
            ],
      );
      // Preconditions are made up front, so one snapshot is both one run's "after" and the next one's
      // "before"; a singleton's version moves with each success, so it is read just before its run.
      const prepared = c.singleton ? [] : await prepareAll(c, 1, faults.length);
      let before = await snapshot(api.db);
      const outcomes: Record<string, number> = { unchanged: 0, complete: 0, partial: 0 };
      for (const [i, fault] of faults.entries()) {
        let vars = prepared[i];
        if (!vars) {
          vars = await c.prepare(api, i + 1);
          before = await snapshot(api.db);
        }
        const r = await run(c, vars, before, fault);
        before = r.after;
        tally.tried += 1;
        const failed = codes(r.result).length > 0;
        if (failed) {
          tally.rejected += 1;
          expect(codes(r.result)).toEqual(["INTERNAL_SERVER_ERROR"]);
        }
        const outcome = classify(r.signature, complete);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (outcome === "partial") tally.partialWrites += 1;
        const where = `call ${fault.k} of ${clean.calls}, ${fault.after ? "response lost" : "not sent"}`;
        expect(outcome, `${where}: ${r.signature.join(",")}`).not.toBe("partial");
        if (!failed) expect(outcome, where).toBe("complete");
        if (failed && outcome === "complete") {
          // The write happened but the caller saw a failure. Its retry must not write again: with a
          // key it answers the first result; without one, the version it carries is now stale.
          tally.lostResponses += 1;
          const replay = await api.gql(c.document, vars, c.as?.(api) ?? api.users.ava);
          if (vars.key) {
            expect(codes(replay)).toEqual([]);
            expect(payload(replay, c.field)).toBeDefined();
          } else {
            expect(codes(replay)).toEqual(["CONFLICT"]);
          }
          const afterReplay = await snapshot(api.db);
          expect(dataWrites(changeSignature(r.after, afterReplay))).toEqual([]);
          before = afterReplay;
          tally.replayedOk += 1;
        }
      }
      perMutation.push(
        `${c.label ?? c.field}: ${clean.calls} calls (${clean.operations.join(" ")}), ${faults.length} faulted runs, unchanged=${outcomes.unchanged} complete=${outcomes.complete} partial=${outcomes.partial}`,
      );
    });
  }
});

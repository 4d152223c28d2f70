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
} from "./support";

/**
 * All-or-nothing under failure: for each write mutation, count its DynamoDB calls in a clean run,
 * then rerun it failing call k, for every k: the call never reaches DynamoDB, and, for a write, also
 * the call runs and its response is lost. After each run the table is exactly as before or exactly
 * as after a complete run; when a write's response was lost, the caller's retry (same idempotency
 * key, or the same version) writes nothing more.
 */
const READS = new Set(["GetItem", "BatchGetItem", "Query", "TransactGetItems"]);

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

  async function run(c: WriteCase, runNo: number, fault?: { k: number; after: boolean }) {
    const vars = await c.prepare(api, runNo);
    const before = await snapshot(api.db);
    resetCounter(api.db);
    const inject = fault ? failCall(fault.k, injectedServiceError(api.db), fault.after) : undefined;
    const operations: string[] = [];
    api.db.faultHook = (point) => {
      if (point.attempt === 1) operations[point.call - 1] = point.operation;
      return inject?.(point);
    };
    const as = c.as?.(api) ?? api.users.ava;
    const result = await api.gql(c.document, vars, as).finally(() => {
      api.db.faultHook = undefined;
    });
    const calls = api.db.counter.total;
    const signature = dataWrites(changeSignature(before, await snapshot(api.db)));
    return { vars, before, result, calls, operations, signature };
  }

  for (const c of writeCases) {
    it(`${c.label ?? c.field}: every failed call leaves nothing or everything`, async () => {
      // Two clean runs: a group-wide record (settings, a protocol) is added by the first save and
      // changed by every later one, so the second run is the reference for the faulted ones.
      await run(c, -1);
      const clean = await run(c, 0);
      expect(codes(clean.result), JSON.stringify(clean.result)).toEqual([]);
      const complete = clean.signature;
      expect(complete.length).toBeGreaterThan(0);
      let runNo = 1;
      const outcomes: Record<string, number> = { unchanged: 0, complete: 0, partial: 0 };
      let faulted = 0;
      for (let k = 1; k <= clean.calls; k++) {
        // A read whose response is lost changes nothing a read that never ran would not: only writes
        // are also run to completion and then failed.
        const write = !READS.has(clean.operations[k - 1] ?? "");
        for (const after of write ? [false, true] : [false]) {
          faulted += 1;
          const r = await run(c, runNo++, { k, after });
          tally.tried += 1;
          const failed = codes(r.result).length > 0;
          if (failed) {
            tally.rejected += 1;
            expect(codes(r.result)).toEqual(["INTERNAL_SERVER_ERROR"]);
          }
          const outcome = classify(r.signature, complete);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          if (outcome === "partial") tally.partialWrites += 1;
          expect(
            outcome,
            `call ${k} of ${clean.calls}, ${after ? "response lost" : "not sent"}: ${r.signature.join(",")}`,
          ).not.toBe("partial");
          if (!failed) expect(outcome).toBe("complete");
          if (failed && outcome === "complete") {
            // The write happened but the caller saw a failure. Its retry must not write again: with a
            // key it answers the first result; without one, the version it carries is now stale.
            tally.lostResponses += 1;
            const replay = await api.gql(c.document, r.vars, c.as?.(api) ?? api.users.ava);
            if (r.vars.key) {
              expect(codes(replay)).toEqual([]);
              expect(payload(replay, c.field)).toBeDefined();
            } else {
              expect(codes(replay)).toEqual(["CONFLICT"]);
            }
            expect(dataWrites(changeSignature(r.before, await snapshot(api.db)))).toEqual(complete);
            tally.replayedOk += 1;
          }
        }
      }
      perMutation.push(
        `${c.label ?? c.field}: ${clean.calls} calls (${clean.operations.join(" ")}), ${faulted} faulted runs, unchanged=${outcomes.unchanged} complete=${outcomes.complete} partial=${outcomes.partial}`,
      );
    });
  }
});

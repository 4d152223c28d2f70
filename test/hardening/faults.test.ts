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
 * then rerun it failing call k, for every k, in two ways: the call never reaches DynamoDB, or it
 * runs and its response is lost. After each run the table is exactly as before or exactly as after
 * a complete run; when the response was lost, replaying with the same idempotency key answers
 * success and still leaves exactly one write.
 */
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
    if (fault) api.db.faultHook = failCall(fault.k, injectedServiceError(api.db), fault.after);
    const result = await api.gql(c.document, vars).finally(() => {
      api.db.faultHook = undefined;
    });
    const calls = api.db.counter.total;
    const signature = dataWrites(changeSignature(before, await snapshot(api.db)));
    return { vars, before, result, calls, signature };
  }

  for (const c of writeCases) {
    it(`${c.label ?? c.field}: every failed call leaves nothing or everything`, async () => {
      const clean = await run(c, 0);
      expect(codes(clean.result), JSON.stringify(clean.result)).toEqual([]);
      const complete = clean.signature;
      expect(complete.length).toBeGreaterThan(0);
      let runNo = 1;
      const outcomes: Record<string, number> = { unchanged: 0, complete: 0, partial: 0 };
      for (let k = 1; k <= clean.calls; k++) {
        for (const after of [false, true]) {
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
            // The write happened but the caller saw a failure: its retry with the same key must not write again.
            tally.lostResponses += 1;
            expect(r.vars.key, "a case whose response can be lost needs an idempotency key").toBeTruthy();
            const replay = await api.gql(c.document, r.vars);
            expect(codes(replay)).toEqual([]);
            expect(payload(replay, c.field)).toBeDefined();
            expect(dataWrites(changeSignature(r.before, await snapshot(api.db)))).toEqual(complete);
            tally.replayedOk += 1;
          }
        }
      }
      perMutation.push(
        `${c.label ?? c.field}: ${clean.calls} calls, ${clean.calls * 2} faulted runs, unchanged=${outcomes.unchanged} complete=${outcomes.complete} partial=${outcomes.partial}`,
      );
    });
  }
});

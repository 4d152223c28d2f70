/**
 * `npm run bench`: every figure of issue 9, measured side by side in one run on a local stack of its
 * own (DynamoDB Local in memory, the API in this process and, for the load run, in another), printed
 * as a table beside its target and written to bench/results/latest.json. Nothing is asserted.
 *
 *   npm run bench              full sizes (100k generated sessions; a few minutes)
 *   npm run bench -- --smoke   small sizes, same figures (under 90 s): what CI and the smoke test run
 *   --out FILE                 write the JSON there instead of bench/results/latest.json
 */
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSchema, toGlobalId } from "@needlework/api";
import type { Principal } from "@needlework/core";
import { demoGroups, demoPrincipals, seedDemo } from "@needlework/store/local";
import { rmSync } from "node:fs";
import { BENCH_DIR, Figures, formatTable, writeReport } from "./figures";
import { announce, progress } from "./progress";
import { SCREENS, portalOperations, type ScreenContext } from "./screens";
import { recordJourney, type CountedCall } from "./journey";
import { startBenchStack } from "./stack";
import { measureAnalytics } from "./sections/analytics";
import { measureFlat } from "./sections/flat";
import { measureLambda } from "./sections/lambda";
import { measureLoad } from "./sections/loopback";
import { measurePortal } from "./sections/portal";
import { hasField, measureRequests, REQUESTS_SECTION, resolveScreen } from "./sections/requests";

const { values } = parseArgs({
  options: { smoke: { type: "boolean", default: false }, out: { type: "string" } },
});
const smoke = values.smoke === true;

/** Sizes: the full run is what issue 9 asks for; the smoke run keeps every figure, small. */
const SIZES = smoke
  ? {
      patients: 100,
      sessionsPerPatient: 20,
      summaryRuns: 5,
      flatVisits: 10,
      coldRuns: 3,
      overheadCalls: 20,
      loadSeconds: 3,
      loadRequests: 600,
    }
  : {
      patients: 2000,
      sessionsPerPatient: 50,
      summaryRuns: 20,
      flatVisits: 150,
      coldRuns: 9,
      overheadCalls: 300,
      loadSeconds: 10,
      loadRequests: 20_000,
    };

async function main(): Promise<number> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const figures = new Figures();
  const skipped: Record<string, string> = {};
  const notes: Record<string, string> = {};
  let failed = false;
  const section = async (key: string, title: string, fn: (step: (msg: string) => void) => Promise<void>) => {
    announce(title);
    const p = progress(key);
    try {
      await fn((msg) => p.step(msg));
      p.done();
    } catch (e) {
      failed = true;
      skipped[key] = e instanceof Error ? e.message : String(e);
      p.done(`failed: ${skipped[key]}`);
    }
  };

  announce(`Local stack (${smoke ? "smoke" : "full"} run)`);
  const issuerDir = join(BENCH_DIR, "results", `issuer-${process.pid}`);
  const groupIds = demoGroups().map((g) => g.group.id);
  const stack = await startBenchStack({ groupIds: () => groupIds, issuerDir });
  try {
    const seeded = await seedDemo(stack.tooling);
    process.stderr.write(
      `  DynamoDB Local ${stack.endpoint}, API ${stack.url}, demo seed: ${seeded.written} records\n`,
    );
    const schema = buildSchema();
    const users: Record<string, Principal> = {};
    for (const p of demoPrincipals()) users[p.email.split(/[.@]/)[0]!] = p;
    const portal = portalOperations();
    const ctx: ScreenContext = {
      users,
      gql: (q, v, as) => stack.gql(q, v, as),
      ids: { site: "harbour", patient: "demo-glow-p06", globalId: toGlobalId },
      today: new Date().toISOString().slice(0, 10),
      has: (f) => hasField(schema, f),
      portal: (name) => portal.get(name),
    };

    // The clinical fixture, recorded the way the portal records it; the main writes are counted.
    const recorded: CountedCall[] = [];
    await section(
      "fixture",
      "Clinical fixture through the API (consultation, plan, sessions, assessments)",
      async (step) => {
        step("demo patient Isla Graham at Harbour Street");
        const j = await recordJourney(stack, {
          as: users.ava!,
          patientId: toGlobalId("Patient", ctx.ids.patient),
          siteId: toGlobalId("Site", ctx.ids.site),
          today: ctx.today,
          sessions: 3,
          assessments: true,
          count: recorded,
        });
        ctx.ids.concern = j.concernIds[0];
        ctx.ids.serum = j.serum;
        ctx.ids.plan = j.planId;
        ctx.ids.session = j.sessionIds[0];
      },
    );
    await section("requests", "DynamoDB requests per screen and operation", (step) =>
      measureRequests(stack, schema, ctx, figures, skipped, notes, recorded, step),
    );
    await section("flat", "Patient page: flat cost with the size of the record", (step) =>
      measureFlat(
        stack,
        schema,
        ctx,
        figures,
        skipped,
        { visits: SIZES.flatVisits, small: 5, large: 200 },
        step,
      ),
    );
    await section("lambda", "Lambda bundle: size, cold require, memory, handler overhead", async (step) => {
      const page = SCREENS.find((s) => s.id === "patientPage")!;
      const ops = await resolveScreen(page, schema, ctx);
      if ("skip" in ops) throw new Error(`the patient page cannot be sent: ${ops.skip}`);
      await measureLambda(
        stack,
        schema,
        figures,
        { ops, as: page.as(ctx) },
        { coldRuns: SIZES.coldRuns, overheadCalls: SIZES.overheadCalls },
        step,
      );
    });
    await section("load", "Loopback load on the patient page", (step) =>
      measureLoad(
        stack,
        figures,
        {
          as: users.ava!,
          siteId: toGlobalId("Site", ctx.ids.site),
          patientId: toGlobalId("Patient", ctx.ids.patient),
          issuerDir,
        },
        { seconds: SIZES.loadSeconds, requests: SIZES.loadRequests, connections: 10 },
        step,
      ),
    );
    announce(
      `Outcome summary at scale: ${(SIZES.patients * SIZES.sessionsPerPatient).toLocaleString("en-GB")} generated sessions`,
    );
    const ap = progress("analytics");
    try {
      await measureAnalytics(
        stack,
        schema,
        figures,
        { patients: SIZES.patients, sessionsPerPatient: SIZES.sessionsPerPatient, runs: SIZES.summaryRuns },
        ap,
      );
      ap.done();
    } catch (e) {
      failed = true;
      skipped.analytics = e instanceof Error ? e.message : String(e);
      ap.done(`failed: ${skipped.analytics}`);
    }
    await section("portal", "Portal: initial JS of the production build", (step) =>
      measurePortal(figures, join(BENCH_DIR, "results", "portal-dist"), step),
    );

    // Scans on the request path, over everything the API served in this run.
    const scans = stack.db.counter.byOperation.Scan ?? 0;
    figures.add(
      REQUESTS_SECTION,
      "requests.scans",
      `Scans on the request path (all ${stack.db.counter.total.toLocaleString("en-GB")} API requests of the run)`,
      scans,
      "",
      {
        target: { op: "==", value: 0 },
      },
    );
  } finally {
    await stack.stop();
    rmSync(issuerDir, { recursive: true, force: true });
  }

  // Group the table by section, in the order sections first appeared.
  const order = [...new Set(figures.all.map((f) => f.section))];
  const sorted = [...figures.all].sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  const seconds = (Date.now() - started) / 1000;
  const loadAtEnd = loadavg()[0]!;
  console.log(
    `\nNeedlework benchmark (${smoke ? "smoke" : "full"}), ${seconds.toFixed(0)} s, Node ${process.version}, ${cpus().length} cores, ` +
      `load average ${loadAtStart.toFixed(1)} at start / ${loadAtEnd.toFixed(1)} at end\n`,
  );
  console.log(formatTable(sorted));
  for (const [k, v] of Object.entries(skipped)) console.log(`  not measured: ${k}: ${v}`);
  for (const [k, v] of Object.entries(notes)) console.log(`  note: ${k}: ${v}`);
  const where = writeReport(
    {
      mode: smoke ? "smoke" : "full",
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round(seconds),
      machine: {
        node: process.version,
        cpus: cpus().length,
        platform: process.platform,
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadAtEnd,
      },
      figures: Object.fromEntries(sorted.map(({ id, ...rest }) => [id, rest])),
      skipped,
      notes,
    },
    values.out ? resolve(values.out) : undefined,
  );
  console.log(`\nWrote ${where}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`The benchmark could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);

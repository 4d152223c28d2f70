import autocannon from "autocannon";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createLocalIssuer, createVerifier, startLocalApi, toGlobalId } from "@needlework/api";
import { createDb, ensureTable, staticPseudonymSecret } from "@needlework/store";
import { demoPrincipals, freePort, seedDemo } from "@needlework/store/local";
import { startDynamoLocal } from "../packages/store/src/local/dynamo-local";
import { PatientDocument, PatientsDocument } from "../web/src/gql/graphql";

/**
 * A bounded load run on loopback: autocannon against the local API with the portal's own patient
 * list and patient page queries. Reports throughput, p50, p99 and errors; never asserted anywhere.
 *
 *   npx tsx bench/load.ts [--seconds 10] [--connections 10] [--requests 5000] [--scenario mixed]
 *
 * Without a target it starts its own stack in this process (DynamoDB Local in memory, demo seed, the
 * API with the deployed settings); `npm run bench` may pass its own (`target`). Only loopback URLs
 * are accepted, and both the duration and the request count are capped.
 */
export type Scenario = "patients" | "patient" | "mixed";

export interface LoadTarget {
  url: string;
  /** A bearer token for a user who may read `siteId` and `patientId`. */
  token: string;
  /** Global ids. */
  siteId: string;
  patientId: string;
}

export interface LoadOptions {
  target?: LoadTarget;
  scenario?: Scenario;
  /** Wall-clock cap, seconds (at most 60). */
  seconds?: number;
  /** Request cap (at most 50,000); the run stops at whichever cap comes first. */
  requests?: number;
  connections?: number;
  /** Print autocannon's progress and table. */
  verbose?: boolean;
}

export interface LoadResult {
  scenario: Scenario;
  requests: number;
  /** Requests per second over the run. */
  rps: number;
  /** Latency in milliseconds. */
  p50: number;
  p99: number;
  /** Socket errors, timeouts, non-2xx answers and GraphQL answers carrying `errors`. */
  errors: number;
  seconds: number;
}

const MAX_SECONDS = 60;
const MAX_REQUESTS = 50_000;
const MAX_CONNECTIONS = 100;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`load runs against loopback only, not ${host}`);
}

/** The demo stack: DynamoDB Local in memory, the demo seed, the API as deployed (devMode off). */
async function startOwnTarget(): Promise<{ target: LoadTarget; stop(): Promise<void> }> {
  const dynamo = await startDynamoLocal({ port: 0 });
  try {
    const db = createDb({
      endpoint: dynamo.endpoint,
      tableName: "needlework-load",
      pseudonymSecret: staticPseudonymSecret(randomBytes(32).toString("hex")),
    });
    await ensureTable(db);
    await seedDemo(db, () => undefined);
    const issuer = await createLocalIssuer();
    const api = await startLocalApi({
      db,
      verifier: createVerifier(issuer.config),
      devMode: false,
      port: await freePort(),
      issuer,
      users: async () => demoPrincipals(),
      allowedOrigins: [],
      logger: () => undefined,
    });
    const ava = demoPrincipals().find((p) => p.email.startsWith("ava"));
    if (!ava) throw new Error("the demo seed has no practitioner ava");
    return {
      target: {
        url: api.url.replace("localhost", "127.0.0.1"),
        token: await issuer.sign(ava),
        siteId: toGlobalId("Site", "harbour"),
        patientId: toGlobalId("Patient", "demo-glow-p01"),
      },
      stop: async () => {
        await api.stop();
        await dynamo.stop();
      },
    };
  } catch (e) {
    await dynamo.stop();
    throw e;
  }
}

function bodies(scenario: Scenario, t: LoadTarget): string[] {
  const list = JSON.stringify({
    query: PatientsDocument.toString(),
    variables: { siteId: t.siteId, first: 20 },
  });
  const page = JSON.stringify({ query: PatientDocument.toString(), variables: { id: t.patientId } });
  switch (scenario) {
    case "patients":
      return [list];
    case "patient":
      return [page];
    case "mixed":
      return [list, page];
  }
}

export async function runLoad(opts: LoadOptions = {}): Promise<LoadResult> {
  const scenario = opts.scenario ?? "mixed";
  const seconds = Math.min(Math.max(opts.seconds ?? 10, 1), MAX_SECONDS);
  const amount = Math.min(Math.max(opts.requests ?? 5000, 1), MAX_REQUESTS);
  const connections = Math.min(Math.max(opts.connections ?? 10, 1), MAX_CONNECTIONS);
  const own = opts.target ? undefined : await startOwnTarget();
  const target = opts.target ?? own!.target;
  try {
    assertLoopback(target.url);
    // Check the queries answer before loading them, so a broken target is an error, not a benchmark.
    for (const body of bodies(scenario, target)) {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${target.token}` },
        body,
      });
      const json = (await res.json()) as { errors?: unknown[] };
      if (!res.ok || json.errors?.length)
        throw new Error(`warm-up failed: ${res.status} ${JSON.stringify(json.errors)}`);
    }
    let graphqlErrors = 0;
    const onResponse = (status: number, body: string) => {
      if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
    };
    const started = Date.now();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: target.url,
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${target.token}` },
          connections,
          amount,
          timeout: 10,
          requests: bodies(scenario, target).map((body) => ({ method: "POST" as const, body, onResponse })),
        },
        (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
      );
      // autocannon ignores `duration` once `amount` is set: the time cap is ours.
      const timer = setTimeout(() => instance.stop(), seconds * 1000);
      instance.on("done", () => clearTimeout(timer));
      if (opts.verbose) autocannon.track(instance, { renderProgressBar: true });
    });
    const elapsed = (Date.now() - started) / 1000;
    return {
      scenario,
      requests: result.requests.total,
      rps: Math.round((result.requests.total / Math.max(elapsed, 0.001)) * 10) / 10,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
      seconds: Math.round(elapsed * 10) / 10,
    };
  } finally {
    await own?.stop();
  }
}

export function formatLoad(r: LoadResult): string {
  return `load ${r.scenario}: ${r.requests} requests in ${r.seconds} s, ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "10" },
      requests: { type: "string", default: "5000" },
      connections: { type: "string", default: "10" },
      scenario: { type: "string", default: "all" },
    },
  });
  const scenarios: Scenario[] =
    values.scenario === "all" ? ["patients", "patient", "mixed"] : [values.scenario as Scenario];
  const own = await startOwnTarget();
  try {
    for (const scenario of scenarios) {
      const r = await runLoad({
        target: own.target,
        scenario,
        seconds: Number(values.seconds),
        requests: Number(values.requests),
        connections: Number(values.connections),
      });
      console.log(formatLoad(r));
    }
  } finally {
    await own.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}

import { join } from "node:path";
import {
  createLocalIssuer,
  createVerifier,
  localSecretFile,
  LOCAL_SECRET_FILE,
  startLocalApi,
  type LocalApi,
  type LocalIssuer,
} from "@needlework/api";
import type { Principal } from "@needlework/core";
import { createDb, ensureTable, Groups, type Db } from "@needlework/store";
import { freePort, startDynamoLocal, type DynamoLocal } from "@needlework/store/local";
import type { User } from "../packages/store/src/groups";

/**
 * The benchmark's own local stack, in this process: DynamoDB Local in memory, one table, and the
 * local API (the same server factory as the Lambda) on a free loopback port. Two database clients
 * share the table: `db` is the API's, so its counter sees exactly what requests cost; `tooling`
 * writes generated data and reads it back for the analytics comparison, counted separately.
 */
export interface BenchStack {
  endpoint: string;
  tableName: string;
  db: Db;
  tooling: Db;
  issuer: LocalIssuer;
  /** The pseudonymisation secret's file (beside the issuer's key pair), for other processes and the bundle. */
  secretFile: string;
  url: string;
  token(p: Principal): Promise<string>;
  /** POST /graphql as the portal sends it; `ms` is the round trip seen by the client. */
  gql(query: string, variables: Record<string, unknown>, as: Principal): Promise<GqlResponse>;
  /** Runs `fn` and returns the API's DynamoDB requests it caused, by operation (the counter is never reset, so it also holds the run's totals). */
  count<T>(fn: () => Promise<T>): Promise<{ result: T; total: number; byOperation: Record<string, number> }>;
  stop(): Promise<void>;
}

export interface GqlResponse {
  status: number;
  ms: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export function principalOf(u: User): Principal {
  return { userId: u.id, email: u.email, name: u.name, role: u.role, groupId: u.groupId, siteIds: u.siteIds };
}

export async function startBenchStack(opts: {
  groupIds: () => string[];
  /**
   * Where the local issuer keeps its key pair, so another process (bench/serve.ts) can verify its
   * tokens; the pseudonymisation secret's file is kept there too.
   */
  issuerDir: string;
}): Promise<BenchStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    stops.length = 0;
  };
  try {
    const dynamo: DynamoLocal = await startDynamoLocal({ port: 0 });
    stops.push(() => dynamo.stop());
    const tableName = "needlework-bench";
    const pseudonymSecret = localSecretFile(opts.issuerDir);
    const tooling = createDb({ endpoint: dynamo.endpoint, tableName, pseudonymSecret });
    await ensureTable(tooling);
    const db = createDb({ endpoint: dynamo.endpoint, tableName, pseudonymSecret });
    const issuer = await createLocalIssuer(opts.issuerDir);
    const api: LocalApi = await startLocalApi({
      db,
      verifier: createVerifier(issuer.config),
      devMode: false,
      port: await freePort(),
      issuer,
      users: () => Groups.signInDirectory(db, opts.groupIds()),
      allowedOrigins: [],
      logger: () => undefined,
    });
    stops.push(() => api.stop());
    const tokens = new Map<string, string>();
    const token = async (p: Principal) => {
      const key = `${p.groupId}/${p.userId}`;
      let t = tokens.get(key);
      if (!t) {
        t = await issuer.sign(p);
        tokens.set(key, t);
      }
      return t;
    };
    return {
      secretFile: join(opts.issuerDir, LOCAL_SECRET_FILE),
      endpoint: dynamo.endpoint,
      tableName,
      db,
      tooling,
      issuer,
      url: api.url,
      token,
      async gql(query, variables, as) {
        const headers = { "content-type": "application/json", authorization: `Bearer ${await token(as)}` };
        const body = JSON.stringify({ query, variables });
        const t0 = performance.now();
        const res = await fetch(api.url, { method: "POST", headers, body });
        const json = (await res.json()) as Omit<GqlResponse, "status" | "ms">;
        return { ...json, status: res.status, ms: performance.now() - t0 };
      },
      async count(fn) {
        const before = { total: db.counter.total, byOperation: { ...db.counter.byOperation } };
        const result = await fn();
        const byOperation: Record<string, number> = {};
        for (const [op, n] of Object.entries(db.counter.byOperation)) {
          const d = n - (before.byOperation[op] ?? 0);
          if (d > 0) byOperation[op] = d;
        }
        return { result, total: db.counter.total - before.total, byOperation };
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

import {
  createLocalIssuer,
  createVerifier,
  startLocalApi,
  type GraphQLLimits,
  type IdentityProvider,
  type LocalIssuer,
  type Logger,
} from "@needlework/api";
import type { Principal } from "@needlework/core";
import { Groups, type Db } from "@needlework/store";
import { demoGroups, demoPrincipals, freePort, seedDemo } from "@needlework/store/local";
import { createTestDb } from "./dynamo";

/**
 * The one GraphQL test client: a real local API (same server factory as the Lambda) on a free port,
 * over its own table on the run's DynamoDB Local, with the demo groups seeded. Calls go over HTTP
 * with a token from the local issuer, exactly as the portal's do.
 */
export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  db: Db & { drop(): Promise<void> };
  url: string;
  issuer: LocalIssuer;
  /** Demo principals by email local part, e.g. users.ava, users.mia, users.zoe. */
  users: Record<string, Principal>;
  token(p: Principal): Promise<string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Principal | string | null,
  ): Promise<GqlResult<T>>;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  seed?: boolean;
  requestBudget?: number;
  /** Receives the server's error log entries (default: dropped). */
  logger?: Logger;
  /** Local development mode (introspection, error detail); default false, as deployed. */
  devMode?: boolean;
  limits?: Partial<GraphQLLimits>;
  /** Keep the local issuer's key pair in this directory (security tests read it to forge tokens). */
  issuerDir?: string;
  /** Where invited users get a sign-in account (default: local, none); e.g. Cognito on cognito-local. */
  identity?: IdentityProvider;
}

export async function startTestApi(opts: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDb("api");
  if (opts.seed ?? true) await seedDemo(db);
  const issuer = await createLocalIssuer(opts.issuerDir);
  const api = await startLocalApi({
    db,
    verifier: createVerifier(issuer.config),
    devMode: opts.devMode ?? false,
    port: await freePort(),
    issuer,
    users: () =>
      Groups.signInDirectory(
        db,
        demoGroups().map((g) => g.group.id),
      ),
    allowedOrigins: [],
    requestBudget: opts.requestBudget,
    limits: opts.limits,
    logger: opts.logger ?? (() => undefined),
    identity: opts.identity,
  });
  const users: Record<string, Principal> = {};
  for (const p of demoPrincipals()) users[p.email.split(/[.@]/)[0]!] = p;
  const tokens = new Map<string, string>();
  const token = async (p: Principal) => {
    const key = `${p.groupId}/${p.userId}/${p.role}/${p.siteIds.join(",")}`;
    let t = tokens.get(key);
    if (!t) {
      t = await issuer.sign(p);
      tokens.set(key, t);
    }
    return t;
  };
  return {
    db,
    url: api.url,
    issuer,
    users,
    token,
    async gql(query, variables = {}, as = users.ava) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (typeof as === "string") headers.authorization = as;
      else if (as) headers.authorization = `Bearer ${await token(as)}`;
      const res = await fetch(api.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResult;
      return { ...body, status: res.status } as never;
    },
    async stop() {
      await api.stop();
      await db.drop();
    },
  };
}

/** The `extensions.code` of each error, for compact assertions. */
export const codes = (r: GqlResult<unknown>): unknown[] => (r.errors ?? []).map((e) => e.extensions?.code);

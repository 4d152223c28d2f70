import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLocalIssuer } from "../../packages/api/src/auth/local-issuer";
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from "../../packages/api/src/auth/tokens";
import { DEFAULT_LIMITS, toGlobalId } from "@needlework/api";
import * as portal from "../../web/src/gql/graphql";
import { codes, startTestApi, type TestApi } from "../support/api";
import { changeSignature, printCounts, snapshot, type Snapshot } from "./support";

/** The Lambda reads its pseudonymisation secret at start: locally from a file (0600). */
function secretFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), "nw-limits-")), "pseudonym-secret");
  writeFileSync(path, randomBytes(32).toString("hex"), { mode: 0o600 });
  return path;
}

/**
 * Hostile requests, one or more per limit, over real HTTP against the local API with the deployed
 * settings (devMode off). Each must be refused with a typed error and leave the table untouched.
 */
const harbour = toGlobalId("Site", "harbour");
const PATIENT_FIELDS =
  "id givenName familyName dateOfBirth email phone fitzpatrick version site { id name } allergies { substance kind severity } medications { name class }";

interface Raw {
  status: number;
  text: string;
  json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
}

describe("hostile requests against each limit (devMode off)", () => {
  let api: TestApi;
  let auth: string;
  let before: Snapshot;
  let patientId = "";
  const tally = { tried: 0, rejected: 0 };

  /** A request exactly as given (method, headers, body), with a valid token unless told otherwise. */
  async function raw(init: {
    method?: string;
    search?: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<Raw> {
    const res = await fetch(`${api.url}${init.search ?? ""}`, {
      method: init.method ?? "POST",
      headers: { authorization: auth, ...init.headers },
      body: init.body,
    });
    const text = await res.text();
    let json: Raw["json"];
    try {
      json = JSON.parse(text) as Raw["json"];
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  }
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    raw({ headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(payload) });

  /** Records a hostile attempt: it must be refused (no data) with one of the expected codes. */
  function refused(r: Raw, code: string, status = 400): void {
    tally.tried += 1;
    expect(r.status, r.text).toBe(status);
    const got = (r.json?.errors ?? []).map((e) => e.extensions?.code);
    expect(got, r.text).toContain(code);
    expect(r.json?.data ?? null).toBeNull();
    expect(r.text).not.toMatch(/stacktrace|Did you mean/);
    tally.rejected += 1;
  }

  beforeAll(async () => {
    api = await startTestApi();
    auth = `Bearer ${await api.token(api.users.ava!)}`;
    const created = await api.gql<{ createPatient: { patient: { id: string } } }>(
      `mutation($i: PatientInput!) { createPatient(input: $i) { patient { id } } }`,
      { i: { siteId: harbour, givenName: "Lim", familyName: "Its", dateOfBirth: "1980-02-02" } },
    );
    patientId = created.data!.createPatient.patient.id;
    before = await snapshot(api.db);
  });

  afterAll(async () => {
    if (api) {
      // Reads write their own audit entries; anything else written by a refused request is a partial write.
      const writes = changeSignature(before, await snapshot(api.db)).filter((s) => s !== "added:AuditEntry");
      printCounts("limits", { ...tally, partialWrites: writes.length });
      expect(writes).toEqual([]);
      await api.stop();
    }
  });

  it("refuses a query nested deeper than maxDepth (nested inline fragments)", async () => {
    const depth = DEFAULT_LIMITS.maxDepth + 5;
    const query = `{ me { ${"... on Me { ".repeat(depth)}userId${" }".repeat(depth)} } }`;
    const r = await post({ query });
    refused(r, "GRAPHQL_VALIDATION_FAILED");
    expect(r.text).toMatch(/depth limit of 10/);
  });

  it("refuses a query whose cost is over maxCost (nested pages written inline)", async () => {
    const query = `{ patients(siteId: "${harbour}", first: 100) { edges { node { id timeline(first: 100) { edges { cursor } } } } } }`;
    const r = await post({ query });
    refused(r, "GRAPHQL_VALIDATION_FAILED");
    expect(r.text).toMatch(/Cost limit of 25000/);
  });

  it("refuses an alias bomb", async () => {
    const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: me { userId }`).join(" ")} }`;
    const r = await post({ query });
    refused(r, "GRAPHQL_VALIDATION_FAILED");
    expect(r.text).toMatch(/Aliases limit of 15/);
  });

  it("refuses a directive flood", async () => {
    const query = `{ me { ${Array.from({ length: 50 }, () => "userId @include(if: true)").join(" ")} } }`;
    const r = await post({ query });
    refused(r, "GRAPHQL_VALIDATION_FAILED");
    expect(r.text).toMatch(/Directives limit of 10/);
  });

  it("refuses a token flood before validating it", async () => {
    const query = `{ me { ${"userId ".repeat(5000)} } }`;
    const r = await post({ query });
    refused(r, "GRAPHQL_PARSE_FAILED");
    expect(r.text).toMatch(/2000 tokens/);
  });

  it("refuses a page size over the cap, written inline or as a variable", async () => {
    const inline = await post({
      query: `{ patients(siteId: "${harbour}", first: 100000) { edges { cursor } } }`,
    });
    refused(inline, "GRAPHQL_VALIDATION_FAILED");
    expect(inline.text).toMatch(/at most 100/);
    const variable = await post({
      query: `query($n: Int) { patients(siteId: "${harbour}", first: $n) { edges { cursor } } }`,
      variables: { n: 101 },
    });
    refused(variable, "BAD_USER_INPUT");
    const ok = await api.gql(
      `query($n: Int) { patients(siteId: "${harbour}", first: $n) { edges { cursor } } }`,
      { n: 100 },
    );
    expect(ok.errors).toBeUndefined();
  });

  it("refuses a list argument longer than the cap", async () => {
    const allergies = Array.from({ length: 1000 }, (_, i) => ({
      substance: `s${i}`,
      kind: "ALLERGY",
      severity: "MILD",
    }));
    const r = await post({
      query: `mutation($i: PatientInput!) { createPatient(input: $i) { patient { id } } }`,
      variables: {
        i: { siteId: harbour, givenName: "A", familyName: "B", dateOfBirth: "1990-01-01", allergies },
      },
    });
    refused(r, "BAD_USER_INPUT");
  });

  it("refuses a batched array body", async () => {
    const r = await post([{ query: "{ me { userId } }" }, { query: "{ me { email } }" }]);
    refused(r, "BAD_REQUEST");
    expect(r.text).toMatch(/batching/i);
  });

  it("refuses introspection in the deployed mode", async () => {
    refused(await post({ query: "{ __schema { types { name } } }" }), "GRAPHQL_VALIDATION_FAILED");
    refused(
      await post({ query: `{ __type(name: "Patient") { fields { name } } }` }),
      "GRAPHQL_VALIDATION_FAILED",
    );
  });

  it("gives no field suggestions", async () => {
    const r = await post({ query: "{ me { usrId emial } }" });
    refused(r, "GRAPHQL_VALIDATION_FAILED");
    expect(r.text).not.toMatch(/userId|email/);
  });

  it("refuses a mutation over GET, and GET or simple POSTs without the CSRF preflight header", async () => {
    const mutation = `mutation { createPatient(input: { siteId: "${harbour}", givenName: "G", familyName: "Et", dateOfBirth: "1990-01-01" }) { patient { id } } }`;
    const getMutation = await raw({
      method: "GET",
      search: `?query=${encodeURIComponent(mutation)}`,
      headers: { "apollo-require-preflight": "true" },
    });
    refused(getMutation, "BAD_REQUEST", 405);
    const getNoPreflight = await raw({
      method: "GET",
      search: `?query=${encodeURIComponent("{ me { userId } }")}`,
    });
    refused(getNoPreflight, "BAD_REQUEST");
    expect(getNoPreflight.text).toMatch(/Cross-Site Request Forgery/);
    for (const contentType of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const simple = await raw({
        headers: { "content-type": contentType },
        body: JSON.stringify({ query: mutation }),
      });
      refused(simple, "BAD_REQUEST");
    }
  });

  it("refuses an oversized body with 413 before parsing it", async () => {
    const query = `{ me { userId } } # ${"x".repeat(DEFAULT_LIMITS.maxBodyBytes)}`;
    refused(await post({ query }), "BAD_REQUEST", 413);
  });

  it("still answers an ordinary query", async () => {
    const r = await api.gql<{ patient: { id: string } }>(
      `query($id: ID!) { patient(id: $id) { ${PATIENT_FIELDS} } }`,
      { id: patientId },
    );
    expect(codes(r)).toEqual([]);
    expect(r.data?.patient.id).toBe(patientId);
  });
});

describe("the database-call budget", () => {
  let api: TestApi;
  const tally = { tried: 0, rejected: 0, partialWrites: 0 };
  beforeAll(async () => {
    api = await startTestApi({ requestBudget: 2 });
  });
  afterAll(async () => {
    printCounts("request budget", tally);
    await api?.stop();
  });

  it("answers BAD_USER_INPUT naming the limit when a request needs more calls, and writes nothing", async () => {
    const created = await api.gql<{ createPatient: { patient: { id: string } } }>(
      `mutation($i: PatientInput!) { createPatient(input: $i) { patient { id } } }`,
      { i: { siteId: harbour, givenName: "Bud", familyName: "Get", dateOfBirth: "1980-02-02" } },
    );
    expect(codes(created)).toEqual([]);
    const before = await snapshot(api.db);
    // With a key, an update needs three calls: the key lookup, the read, the transaction.
    const update = await api.gql(
      `mutation($id: ID!, $i: PatientInput!) { updatePatient(id: $id, version: 1, input: $i, idempotencyKey: "budget-key-001") { patient { id } } }`,
      {
        id: created.data!.createPatient.patient.id,
        i: { siteId: harbour, givenName: "Bud2", familyName: "Get", dateOfBirth: "1980-02-02" },
      },
    );
    // The user check, the site list (a Query), its audit entry and the sites of `me` (read after it).
    const reads = await api.gql(
      `query($site: ID!) { patients(siteId: $site, first: 1) { edges { node { id } } } me { userId sites { id } } }`,
      { site: harbour },
    );
    for (const r of [update, reads]) {
      tally.tried += 1;
      expect(codes(r)).toContain("BAD_USER_INPUT");
      const e = r.errors!.find((x) => x.extensions?.code === "BAD_USER_INPUT")!;
      expect(e.message).toMatch(/more than 2 database reads and writes/);
      expect(e.extensions?.limit).toEqual({ name: "requestBudget", max: 2 });
      tally.rejected += 1;
    }
    const signature = changeSignature(before, await snapshot(api.db));
    tally.partialWrites += signature.length;
    expect(signature).toEqual([]);
  });
});

describe("the limits leave every portal operation room", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false });
  });
  afterAll(async () => api?.stop());

  it("passes each operation the portal sends, with `first` written inline at its cap", async () => {
    const documents = Object.values(portal)
      .filter((v) => v instanceof String)
      .map((v) => v.toString())
      .filter((text) => /^\s*(query|mutation)\b/.test(text));
    expect(documents.length).toBeGreaterThan(0);
    for (const text of documents) {
      const inlined = text.replace(/first: \$\w+/g, `first: ${DEFAULT_LIMITS.maxListSize}`);
      for (const query of [text, inlined]) {
        // No variables: a mutation stops at variable coercion, after every limit has had its say.
        const r = await api.gql(query, {});
        // (The inlined variant leaves `$first` unused, which GraphQL reports too; only the limits matter here.)
        const limitErrors = (r.errors ?? []).filter(
          (e) => /limit|at most|tokens/i.test(e.message) || e.extensions?.code === "GRAPHQL_PARSE_FAILED",
        );
        expect(
          limitErrors,
          `${query}\nIf this page is meant to be this heavy, raise the limit in packages/api/src/limits.ts`,
        ).toEqual([]);
      }
    }
  });
});

describe("the Lambda entry point applies the same limits", () => {
  type Handler = (event: APIGatewayProxyEventV2, context: Context, callback: () => void) => Promise<unknown>;
  let handler: Handler;
  const saved = { ...process.env };
  const tally = { tried: 0, rejected: 0, partialWrites: 0 };

  beforeAll(async () => {
    const issuer = await createLocalIssuer();
    Object.assign(process.env, {
      TABLE_NAME: "hardening-lambda-unused",
      DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
      AUTH_ISSUER: LOCAL_ISSUER,
      AUTH_AUDIENCE: LOCAL_AUDIENCE,
      AUTH_PUBLIC_JWK: JSON.stringify(issuer.publicJwk),
      PSEUDONYM_SECRET_FILE: secretFile(),
    });
    delete process.env.GRAPHQL_DEV_MODE;
    delete process.env.AUTH_JWKS_URL;
    handler = (await import("../../packages/api/src/lambda")).handler as unknown as Handler;
  });
  afterAll(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    printCounts("lambda limits", tally);
  });

  const event = (body: string): APIGatewayProxyEventV2 => ({
    version: "2.0",
    routeKey: "POST /graphql",
    rawPath: "/graphql",
    rawQueryString: "",
    headers: { "content-type": "application/json", host: "api.example" },
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "api.example",
      domainPrefix: "api",
      http: {
        method: "POST",
        path: "/graphql",
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.7",
        userAgent: "vitest",
      },
      requestId: "hardening",
      routeKey: "POST /graphql",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body,
    isBase64Encoded: false,
  });
  const call = async (body: string) =>
    (await handler(event(body), {} as Context, () => undefined)) as { statusCode: number; body: string };

  it("refuses an oversized body with 413, introspection, and a token flood, before any database call", async () => {
    const big = await call(
      JSON.stringify({ query: `{ me { userId } } # ${"x".repeat(DEFAULT_LIMITS.maxBodyBytes)}` }),
    );
    const introspection = await call(JSON.stringify({ query: "{ __schema { types { name } } }" }));
    const tokens = await call(JSON.stringify({ query: `{ me { ${"userId ".repeat(5000)} } }` }));
    const batched = await call(
      JSON.stringify([{ query: "{ me { userId } }" }, { query: "{ me { email } }" }]),
    );
    for (const [r, status] of [
      [big, 413],
      [introspection, 400],
      [tokens, 400],
      [batched, 400],
    ] as const) {
      tally.tried += 1;
      expect(r.statusCode, r.body).toBe(status);
      expect(r.body).toMatch(/"errors"/);
      tally.rejected += 1;
    }
  });
});

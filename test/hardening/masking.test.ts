import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@needlework/api";
import { resetCounter, type FaultHook, type ResponseHook } from "@needlework/store";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import {
  cancelled,
  changeSignature,
  injectedServiceError,
  leaks,
  printCounts,
  snapshot,
  throttle,
} from "./support";

/**
 * Unexpected failures reach the client as INTERNAL_SERVER_ERROR with a request id and nothing else;
 * the detail is in the log under the same id. Throttling that outlasts the SDK's retries is THROTTLED
 * and retryable. Failures are injected into the real SDK pipeline through `db.faultHook`.
 */
const harbour = toGlobalId("Site", "harbour");
const CREATE = `mutation($i: PatientInput!, $key: String) { createPatient(input: $i, idempotencyKey: $key) { patient { id version } } }`;
const READ = `query($id: ID!) { patient(id: $id) { id givenName } }`;
const LIST = `query { patients(siteId: "${harbour}", first: 5) { edges { node { id } } } }`;
const input = (givenName: string) => ({
  siteId: harbour,
  givenName,
  familyName: "Mask",
  dateOfBirth: "1985-03-03",
});

type LogEntry = Record<string, unknown>;

describe("error masking and throttling", () => {
  let api: TestApi;
  const log: LogEntry[] = [];
  let patientId = "";
  const tally = { tried: 0, rejected: 0, partialWrites: 0, leaks: 0, throttled: 0 };

  beforeAll(async () => {
    api = await startTestApi({ logger: (e) => void log.push(e) });
    const r = await api.gql<{ createPatient: { patient: { id: string } } }>(CREATE, { i: input("Base") });
    patientId = r.data!.createPatient.patient.id;
  });
  afterEach(() => {
    api.db.faultHook = undefined;
  });
  afterAll(async () => {
    printCounts("masking+throttling", tally);
    await api?.stop();
  });

  /** Runs a request with a fault hook from the first DynamoDB call of the request on. */
  async function withFault<T>(hook: FaultHook, run: () => Promise<GqlResult<T>>) {
    const before = await snapshot(api.db);
    resetCounter(api.db);
    api.db.faultHook = hook;
    const result = await run();
    api.db.faultHook = undefined;
    const writes = changeSignature(before, await snapshot(api.db)).filter((s) => s !== "added:AuditEntry");
    tally.tried += 1;
    if (result.errors?.length) {
      tally.rejected += 1;
      tally.partialWrites += writes.length; // a refused request must have written nothing
    }
    return { result, writes, body: JSON.stringify(result) };
  }

  function expectMasked(body: string, result: GqlResult<unknown>): string {
    expect(codes(result)).toEqual(["INTERNAL_SERVER_ERROR"]);
    const e = result.errors![0]!;
    const requestId = String(e.extensions?.requestId);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.message).toBe(
      `Something went wrong on our side. Quote request id ${requestId} if you contact support.`,
    );
    expect(Object.keys(e.extensions ?? {}).sort()).toEqual(["code", "requestId"]);
    const found = leaks(body, api.db.tableName);
    tally.leaks += found.length;
    expect(found, body).toEqual([]);
    return requestId;
  }

  function expectLogged(requestId: string, detail: RegExp): void {
    const entry = log.find((l) => l.requestId === requestId);
    expect(entry, `no log entry for ${requestId}`).toBeDefined();
    expect(JSON.stringify(entry)).toMatch(detail);
    expect(JSON.stringify(entry)).toMatch(/stack/);
  }

  it("masks a DynamoDB error on a read and logs it with the same request id", async () => {
    const { result, body } = await withFault(
      ({ operation }) => (operation === "BatchGetItem" ? injectedServiceError(api.db) : undefined),
      () => api.gql(READ, { id: patientId }),
    );
    const requestId = expectMasked(body, result);
    expectLogged(requestId, new RegExp(`ValidationException.*${api.db.tableName}.*gsi1`));
  });

  it("masks a DynamoDB error on a write, which then writes nothing", async () => {
    const { result, body, writes } = await withFault(
      ({ operation }) => (operation === "TransactWriteItems" ? injectedServiceError(api.db) : undefined),
      () => api.gql(CREATE, { i: input("Failing") }),
    );
    expectLogged(expectMasked(body, result), /Missing the key pk/);
    expect(writes).toEqual([]);
  });

  it("masks a programming error (not from AWS) the same way", async () => {
    const { result, body } = await withFault(
      ({ operation }) =>
        operation === "Query"
          ? new TypeError("Cannot read properties of undefined (reading 'gsi1sk')")
          : undefined,
      () => api.gql(LIST),
    );
    expectLogged(expectMasked(body, result), /TypeError.*gsi1sk/);
  });

  it("answers THROTTLED, retryable, when throttling outlasts the SDK's standard retries, and writes nothing", async () => {
    const attempts: number[] = [];
    const { result, body, writes } = await withFault(
      ({ operation, attempt }) => {
        if (operation !== "TransactWriteItems") return undefined;
        attempts.push(attempt);
        return throttle();
      },
      () => api.gql(CREATE, { i: input("Throttled") }),
    );
    expect(attempts).toEqual([1, 2, 3]); // maxAttempts 3, standard retry mode
    expect(codes(result)).toEqual(["THROTTLED"]);
    expect(result.errors![0]!.extensions?.retryable).toBe(true);
    expect(leaks(body, api.db.tableName)).toEqual([]);
    expect(writes).toEqual([]);
    tally.throttled += 1;
  });

  it("succeeds, with one write, when throttling ends within the SDK's retries", async () => {
    const { result, writes } = await withFault(
      ({ operation, attempt }) =>
        operation === "TransactWriteItems" && attempt < 3 ? throttle() : undefined,
      () => api.gql(CREATE, { i: input("Recovered"), key: "throttle-recovery-1" }),
    );
    expect(codes(result)).toEqual([]);
    expect(writes).toEqual(["added:Idempotency", "added:Patient"]);
  });

  it("answers THROTTLED for a throttled read", async () => {
    const { result } = await withFault(
      ({ operation }) => (operation === "Query" ? throttle() : undefined),
      () => api.gql(LIST),
    );
    expect(codes(result)).toEqual(["THROTTLED"]);
    tally.throttled += 1;
  });

  it("answers THROTTLED when DynamoDB cancels a transaction for throttling", async () => {
    const { result, writes } = await withFault(
      ({ operation }) => (operation === "TransactWriteItems" ? cancelled("ThrottlingError") : undefined),
      () => api.gql(CREATE, { i: input("Cancelled") }),
    );
    expect(codes(result)).toEqual(["THROTTLED"]);
    expect(result.errors![0]!.extensions?.retryable).toBe(true);
    expect(writes).toEqual([]);
    tally.throttled += 1;
  });
});

describe("throttled batches (UnprocessedKeys, which the SDK does not retry)", () => {
  let api: TestApi;
  const tally = { tried: 0, rejected: 0, partialWrites: 0, throttled: 0 };
  const SITES = `{ me { sites { id name } } }`;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    printCounts("throttled batches", tally);
    await api?.stop();
  });

  /** Answers the first `times` BatchGetItem calls with every key unprocessed, as DynamoDB does when throttled. */
  function unprocessed(times: number): { hook: ResponseHook; calls: () => number } {
    let calls = 0;
    const hook: ResponseHook = ({ operation, input, output }) => {
      if (operation !== "BatchGetItem") return output;
      calls += 1;
      return calls <= times ? { ...output, Responses: {}, UnprocessedKeys: input.RequestItems } : output;
    };
    return { hook, calls: () => calls };
  }

  it("retries the unprocessed keys with backoff and answers in full", async () => {
    const plain = unprocessed(0);
    api.db.responseHook = plain.hook;
    const expected = await api.gql<{ me: { sites: { id: string }[] } }>(SITES).finally(() => {
      api.db.responseHook = undefined;
    });
    expect(plain.calls()).toBeGreaterThan(0);
    const u = unprocessed(2);
    api.db.responseHook = u.hook;
    const r = await api.gql<{ me: { sites: { id: string }[] } }>(SITES).finally(() => {
      api.db.responseHook = undefined;
    });
    tally.tried += 1;
    expect(codes(r)).toEqual([]);
    expect(r.data).toEqual(expected.data);
    // The first batch sent twice more, everything else as without throttling.
    expect(u.calls()).toBe(plain.calls() + 2);
  });

  it("answers THROTTLED, retryable, when the keys stay unprocessed", async () => {
    const u = unprocessed(Infinity);
    api.db.responseHook = u.hook;
    const r = await api.gql(SITES).finally(() => {
      api.db.responseHook = undefined;
    });
    tally.tried += 1;
    tally.rejected += codes(r).length > 0 ? 1 : 0;
    expect(codes(r)).toEqual(["THROTTLED"]);
    expect(r.errors![0]!.extensions?.retryable).toBe(true);
    expect(u.calls()).toBe(5); // the call and 4 retries, then no hot loop
    tally.throttled += 1;
  });
});

describe("local development mode", () => {
  let dev: TestApi;
  beforeAll(async () => {
    dev = await startTestApi({ devMode: true, seed: false, logger: () => undefined });
  });
  afterAll(async () => dev?.stop());

  it("allows introspection and shows an unexpected error's detail, only when asked for", async () => {
    const schema = await dev.gql<{ __schema: { queryType: { name: string } } }>(
      `{ __schema { queryType { name } } }`,
      {},
      null,
    );
    expect(schema.data?.__schema.queryType.name).toBe("Query");
    dev.db.faultHook = ({ operation }) =>
      operation === "BatchGetItem" ? new TypeError("dev detail") : undefined;
    const r = await dev.gql(READ, { id: toGlobalId("Patient", "nobody") });
    dev.db.faultHook = undefined;
    expect(codes(r)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(r.errors![0]!.extensions?.detail).toBe("TypeError: dev detail");
  });
});

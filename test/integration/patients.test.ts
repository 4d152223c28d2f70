import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetCounter } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

const CREATE = /* GraphQL */ `
  mutation Create($input: PatientInput!, $key: String) {
    createPatient(input: $input, idempotencyKey: $key) {
      patient {
        id
        version
        givenName
        familyName
        dateOfBirth
        fitzpatrick
        site {
          id
          name
        }
        allergies {
          substance
          kind
          severity
        }
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $version: Int!, $input: PatientInput!) {
    updatePatient(id: $id, version: $version, input: $input) {
      patient {
        id
        version
        givenName
      }
    }
  }
`;
const LIST = /* GraphQL */ `
  query List($siteId: ID!, $search: String, $first: Int, $after: String) {
    patients(siteId: $siteId, search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          givenName
          familyName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const harbour = toGlobalId("Site", "harbour");
const riverside = toGlobalId("Site", "riverside");

const input = (over: Record<string, unknown> = {}) => ({
  siteId: harbour,
  givenName: "Zara",
  familyName: "Quinn",
  dateOfBirth: "1990-05-05",
  fitzpatrick: "III",
  allergies: [{ substance: "Vitamin C", kind: "SENSITIVITY", severity: "MILD" }],
  ...over,
});

describe("patients through GraphQL on DynamoDB Local", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it("creates, reads, updates with the version read, and lists by name", async () => {
    const created = await api.gql<{
      createPatient: { patient: { id: string; version: number; site: { name: string } } };
    }>(CREATE, { input: input() });
    expect(created.errors).toBeUndefined();
    const p = created.data!.createPatient.patient;
    expect(p.version).toBe(1);
    expect(p.site.name).toBe("Harbour Street");

    const read = await api.gql<{ patient: { givenName: string } }>(
      `query($id: ID!) { patient(id: $id) { givenName } }`,
      { id: p.id },
    );
    expect(read.data?.patient.givenName).toBe("Zara");

    const updated = await api.gql<{ updatePatient: { patient: { version: number; givenName: string } } }>(
      UPDATE,
      {
        id: p.id,
        version: 1,
        input: input({ givenName: "Zarah" }),
      },
    );
    expect(updated.data?.updatePatient.patient).toMatchObject({ version: 2, givenName: "Zarah" });

    const stale = await api.gql(UPDATE, { id: p.id, version: 1, input: input({ givenName: "Lost" }) });
    expect(codes(stale)).toEqual(["CONFLICT"]);

    const found = await api.gql<{ patients: { edges: { node: { givenName: string } }[] } }>(LIST, {
      siteId: harbour,
      search: "qui",
    });
    expect(found.data?.patients.edges.map((e) => e.node.givenName)).toEqual(["Zarah"]);
  });

  it("pages a site's list with opaque cursors, sorted by family name, in one Query per page", async () => {
    resetCounter(api.db);
    const first = await api.gql<{
      patients: {
        edges: { node: { familyName: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(LIST, { siteId: harbour, first: 3 });
    expect(api.db.counter.byOperation.Query).toBe(1);
    const names = first.data!.patients.edges.map((e) => e.node.familyName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(first.data!.patients.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<{ patients: { edges: { node: { familyName: string } }[] } }>(LIST, {
      siteId: harbour,
      first: 3,
      after: first.data!.patients.pageInfo.endCursor,
    });
    const next = second.data!.patients.edges.map((e) => e.node.familyName);
    expect(next).toHaveLength(3);
    expect(next.some((n) => names.includes(n))).toBe(false);
  });

  it("caps the page size and refuses a forged cursor", async () => {
    expect(codes(await api.gql(LIST, { siteId: harbour, first: 101 }))).toEqual(["BAD_USER_INPUT"]);
    const forged = Buffer.from(
      JSON.stringify({
        pk: "G#northside#P#x",
        sk: "PROFILE",
        gsi1pk: "G#northside#S#central#PATIENTS",
        gsi1sk: "a",
      }),
    ).toString("base64url");
    expect(codes(await api.gql(LIST, { siteId: harbour, after: forged }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers bad input with field paths and writes nothing", async () => {
    const before = await snapshotTable(api.db);
    const bad = await api.gql(CREATE, {
      input: input({
        givenName: " ",
        dateOfBirth: "2999-01-01",
        email: "not-an-email",
        allergies: [{ substance: "", kind: "ALLERGY", severity: "SEVERE" }],
      }),
    });
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const fields = (bad.errors![0]!.extensions!.fields as { path: string }[]).map((f) => f.path).sort();
    expect(fields).toEqual(["allergies.0.substance", "dateOfBirth", "email", "givenName"]);
    const badEnum = await api.gql(CREATE, { input: input({ fitzpatrick: "VII" }) });
    expect(codes(badEnum)).toEqual(["BAD_USER_INPUT"]);
    const badDate = await api.gql(CREATE, { input: input({ dateOfBirth: "1990-02-30" }) });
    expect(codes(badDate)).toEqual(["BAD_USER_INPUT"]);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("replays an idempotent create and refuses the same key with another body", async () => {
    const key = "create-patient-test-0001";
    const a = await api.gql<{ createPatient: { patient: { id: string } } }>(CREATE, {
      input: input({ givenName: "Once" }),
      key,
    });
    const before = await snapshotTable(api.db);
    const b = await api.gql<{ createPatient: { patient: { id: string } } }>(CREATE, {
      input: input({ givenName: "Once" }),
      key,
    });
    expect(b.data?.createPatient.patient.id).toBe(a.data?.createPatient.patient.id);
    expect(await snapshotTable(api.db)).toEqual(before);
    const c = await api.gql(CREATE, { input: input({ givenName: "Twice" }), key });
    expect(codes(c)).toEqual(["BAD_USER_INPUT"]);
  });

  it("hides patients of other sites and other groups exactly like missing ones", async () => {
    const ownOther = await api.gql(
      `query($id: ID!) { patient(id: $id) { id } }`,
      { id: toGlobalId("Patient", "demo-glow-p08") },
      api.users.ava,
    );
    const otherGroup = await api.gql(
      `query($id: ID!) { patient(id: $id) { id } }`,
      { id: toGlobalId("Patient", "demo-northside-p01") },
      api.users.ava,
    );
    const missing = await api.gql(
      `query($id: ID!) { patient(id: $id) { id } }`,
      { id: toGlobalId("Patient", "nope") },
      api.users.ava,
    );
    expect([codes(ownOther), codes(otherGroup), codes(missing)]).toEqual([
      ["NOT_FOUND"],
      ["NOT_FOUND"],
      ["NOT_FOUND"],
    ]);
    expect(ownOther.errors![0]!.message).toBe(missing.errors![0]!.message);
    expect(codes(await api.gql(LIST, { siteId: riverside }, api.users.ava))).toEqual(["NOT_FOUND"]);
    const sam = await api.gql<{ patient: { id: string } }>(
      `query($id: ID!) { patient(id: $id) { id } }`,
      { id: toGlobalId("Patient", "demo-glow-p08") },
      api.users.sam,
    );
    expect(sam.errors).toBeUndefined();
  });

  it("refuses requests without a valid token", async () => {
    expect(codes(await api.gql(`{ me { email } }`, {}, null))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await api.gql(`{ me { email } }`, {}, "Bearer abc.def.ghi"))).toEqual(["UNAUTHENTICATED"]);
    const me = await api.gql<{ me: { email: string; groupName: string; sites: { name: string }[] } }>(
      `{ me { email groupName sites { name } } }`,
    );
    expect(me.data?.me).toMatchObject({
      email: "ava.reid@glow.example",
      groupName: "Glow Clinics",
      sites: [{ name: "Harbour Street" }],
    });
  });
});

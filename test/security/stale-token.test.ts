import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@needlework/api";
import type { Principal } from "@needlework/core";
import { codes, startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

/**
 * A token whose user is gone, deactivated or changed is refused on its request, although the API now
 * sends a request's first reads beside the user check (one BatchGetItem): nothing of the data it read
 * is answered, and nothing is written (no record, no audit entry), whatever the operation.
 */
describe("a token the table no longer backs", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  const harbour = toGlobalId("Site", "harbour");
  const patient = toGlobalId("Patient", "demo-glow-p06");
  const OPERATIONS: [string, string, Record<string, unknown>][] = [
    ["a patient", `query($id: ID!) { patient(id: $id) { id givenName dateOfBirth } }`, { id: patient }],
    ["a node", `query($id: ID!) { node(id: $id) { id ... on Patient { familyName } } }`, { id: patient }],
    [
      "a patient's timeline",
      `query($id: ID!) { patient(id: $id) { timeline(first: 5) { edges { cursor } } } }`,
      { id: patient },
    ],
    [
      "the patient list",
      `query($s: ID!) { patients(siteId: $s) { edges { node { familyName } } } }`,
      { s: harbour },
    ],
    ["me", `{ me { userId role sites { id name } } }`, {}],
    [
      "a new patient",
      `mutation($i: PatientInput!) { createPatient(input: $i) { patient { id } } }`,
      { i: { siteId: harbour, givenName: "Stale", familyName: "Token", dateOfBirth: "1980-02-02" } },
    ],
  ];

  const stale = (): [string, Principal][] => {
    const ava = api.users.ava!;
    return [
      ["a user who does not exist", { ...ava, userId: "u-ghost", email: "ghost@glow.example" }],
      ["a role the user no longer has", { ...ava, role: "CLINIC_ADMIN" }],
      ["a site the user does not work at", { ...ava, siteIds: [...ava.siteIds, "riverside"] }],
    ];
  };

  it("answers UNAUTHENTICATED with no data and writes nothing", async () => {
    const before = await snapshotTable(api.db);
    let tried = 0;
    for (const [who, principal] of stale()) {
      for (const [what, query, variables] of OPERATIONS) {
        const r = await api.gql<Record<string, unknown>>(query, variables, principal);
        expect(codes(r), `${who}: ${what}`).toEqual(["UNAUTHENTICATED"]);
        // Nothing answered: no data at all, or null for a nullable root field.
        expect(
          Object.values(r.data ?? {}).filter((v) => v !== null),
          `${who}: ${what}`,
        ).toEqual([]);
        tried += 1;
      }
    }
    expect(tried).toBe(18);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("while the same operations work for the user as the table has them (and are audited)", async () => {
    const before = await snapshotTable(api.db);
    for (const [what, query, variables] of OPERATIONS) {
      const r = await api.gql(query, variables, api.users.ava);
      expect(codes(r), what).toEqual([]);
    }
    // Reads of patient data and the new patient leave entries behind.
    expect((await snapshotTable(api.db)).length).toBeGreaterThan(before.length);
  });
});

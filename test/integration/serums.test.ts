import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetCounter } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

const SERUM = /* GraphQL */ `id name ingredients allergens clearance sterile version lots { lotNumber expiresOn expired }`;
const LIST = /* GraphQL */ `
  query List($first: Int, $after: String) {
    serums(first: $first, after: $after) { edges { cursor node { ${SERUM} } } pageInfo { hasNextPage endCursor } }
  }
`;
const CREATE = /* GraphQL */ `
  mutation Create($input: SerumInput!, $key: String) { createSerum(input: $input, idempotencyKey: $key) { serum { ${SERUM} } } }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $version: Int!, $input: SerumInput!) { updateSerum(id: $id, version: $version, input: $input) { serum { ${SERUM} } } }
`;
const ADD_LOT = /* GraphQL */ `
  mutation AddLot($id: ID!, $version: Int!, $lot: SerumLotInput!) { addSerumLot(id: $id, version: $version, lot: $lot) { serum { ${SERUM} } } }
`;
const CHECK = /* GraphQL */ `
  query Check(
    $patientId: ID!
    $serumId: ID!
    $lotNumber: String!
    $onDate: Date!
    $duringNeedling: Boolean!
  ) {
    checkSerum(
      patientId: $patientId
      serumId: $serumId
      lotNumber: $lotNumber
      onDate: $onDate
      duringNeedling: $duringNeedling
    ) {
      serum {
        name
      }
      lotNumber
      blocked
      overridable
      findings {
        code
        level
        overridable
        reason
        source
      }
    }
  }
`;

interface SerumOut {
  id: string;
  name: string;
  clearance: string;
  version: number;
  lots: { lotNumber: string; expiresOn: string; expired: boolean }[];
}

const TODAY = new Date().toISOString().slice(0, 10);
const patient = (n: number) => toGlobalId("Patient", `demo-glow-p${String(n).padStart(2, "0")}`);
const AMARA = patient(3); // harbour; sensitive to ascorbic acid
const KEIRA = patient(8); // riverside
const VITC = toGlobalId("SerumAddOn", "srm-vitamin-c");
const HA = toGlobalId("SerumAddOn", "srm-hyaluronic-acid");
const fieldPaths = (r: GqlResult<unknown>): string[] =>
  ((r.errors?.[0]?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path).sort();

const peptide = {
  name: "Copper peptide serum",
  ingredients: ["Copper tripeptide-1", "Glycerin"],
  allergens: ["Fragrance"],
  clearance: "TOPICAL_AFTER_HEALING",
  sterile: false,
};

describe("serum catalogue through GraphQL on DynamoDB Local", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it("lists the group's seeded catalogue to a practitioner, in pages, with each lot's expiry state", async () => {
    resetCounter(api.db);
    const first = await api.gql<{
      serums: { edges: { node: SerumOut }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(LIST, { first: 5 });
    expect(first.errors).toBeUndefined();
    expect(api.db.counter.byOperation.Query).toBe(1);
    expect(first.data!.serums.edges).toHaveLength(5);
    expect(first.data!.serums.pageInfo.hasNextPage).toBe(true);
    const rest = await api.gql<{ serums: { edges: { node: SerumOut }[] } }>(LIST, {
      first: 100,
      after: first.data!.serums.pageInfo.endCursor,
    });
    const all = [...first.data!.serums.edges, ...rest.data!.serums.edges].map((e) => e.node);
    expect(all.map((s) => s.name)).toContain("Hyaluronic acid serum (sterile)");
    const ha = all.find((s) => s.id === HA)!;
    expect(ha.clearance).toBe("CLEARED_FOR_NEEDLING");
    expect(ha.lots).toEqual([
      { lotNumber: "HYAL-2409", expiresOn: "2025-09-30", expired: true },
      { lotNumber: "HYAL-2511", expiresOn: "2027-11-30", expired: TODAY > "2027-11-30" },
    ]);
    // Another group's catalogue is its own.
    const other = await api.gql<{ serums: { edges: { node: { id: string } }[] } }>(
      LIST,
      { first: 100 },
      api.users.zoe,
    );
    expect(other.data!.serums.edges.length).toBe(all.length);
  });

  it("lets a clinic admin create, update with the version read and add lots; a stale version is CONFLICT and writes nothing", async () => {
    const created = await api.gql<{ createSerum: { serum: SerumOut } }>(
      CREATE,
      { input: peptide },
      api.users.mia,
    );
    expect(created.errors).toBeUndefined();
    const s = created.data!.createSerum.serum;
    expect(s).toMatchObject({ name: "Copper peptide serum", version: 1, lots: [] });

    const updated = await api.gql<{ updateSerum: { serum: SerumOut } }>(
      UPDATE,
      { id: s.id, version: 1, input: { ...peptide, name: "Copper peptide serum 2%" } },
      api.users.mia,
    );
    expect(updated.data?.updateSerum.serum).toMatchObject({ name: "Copper peptide serum 2%", version: 2 });

    const lot = await api.gql<{ addSerumLot: { serum: SerumOut } }>(
      ADD_LOT,
      { id: s.id, version: 2, lot: { lotNumber: "CP-001", expiresOn: "2028-01-31" } },
      api.users.mia,
    );
    expect(lot.data?.addSerumLot.serum).toMatchObject({
      version: 3,
      lots: [{ lotNumber: "CP-001", expiresOn: "2028-01-31", expired: false }],
    });

    const before = await snapshotTable(api.db);
    expect(codes(await api.gql(UPDATE, { id: s.id, version: 2, input: peptide }, api.users.mia))).toEqual([
      "CONFLICT",
    ]);
    expect(
      codes(
        await api.gql(
          ADD_LOT,
          { id: s.id, version: 1, lot: { lotNumber: "CP-002", expiresOn: "2028-01-31" } },
          api.users.mia,
        ),
      ),
    ).toEqual(["CONFLICT"]);
    expect(await snapshotTable(api.db)).toEqual(before);

    const read = await api.gql<{ node: { name: string } }>(
      `query($id: ID!) { node(id: $id) { ... on SerumAddOn { name } } }`,
      { id: s.id },
      api.users.ava,
    );
    expect(read.data?.node.name).toBe("Copper peptide serum 2%");
  });

  it("refuses practitioners and analysts the admin mutations (FORBIDDEN)", async () => {
    const before = await snapshotTable(api.db);
    expect(codes(await api.gql(CREATE, { input: peptide }, api.users.ava))).toEqual(["FORBIDDEN"]);
    expect(codes(await api.gql(CREATE, { input: peptide }, api.users.leo))).toEqual(["FORBIDDEN"]);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("answers bad input with the field at fault and leaves the table exactly as it was", async () => {
    const before = await snapshotTable(api.db);
    const missing = await api.gql(
      CREATE,
      { input: { ...peptide, name: " ", ingredients: [] } },
      api.users.mia,
    );
    expect(codes(missing)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(missing)).toEqual(["ingredients", "name"]);
    expect(
      codes(await api.gql(CREATE, { input: { ...peptide, clearance: "INJECTABLE" } }, api.users.mia)),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await api.gql(
          CREATE,
          { input: { name: "No ingredients", clearance: "TOPICAL_AFTER_HEALING" } },
          api.users.mia,
        ),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    // Vitamin C can never be cleared for needling (granulomas; an active on needled skin).
    const vitc = await api.gql(
      CREATE,
      {
        input: {
          name: "Vit C",
          ingredients: ["L-ascorbic acid"],
          clearance: "CLEARED_FOR_NEEDLING",
          sterile: true,
        },
      },
      api.users.mia,
    );
    expect(fieldPaths(vitc)).toEqual(["clearance"]);
    const ha = await api.gql<{ serums: { edges: { node: SerumOut }[] } }>(
      LIST,
      { first: 100 },
      api.users.mia,
    );
    const haNode = ha.data!.serums.edges.map((e) => e.node).find((s) => s.id === HA)!;
    const dup = await api.gql(
      ADD_LOT,
      { id: HA, version: haNode.version, lot: { lotNumber: "hyal-2511", expiresOn: "2029-01-31" } },
      api.users.mia,
    );
    expect(fieldPaths(dup)).toEqual(["lotNumber"]);
    expect(
      codes(
        await api.gql(
          ADD_LOT,
          { id: HA, version: haNode.version, lot: { lotNumber: "X-1", expiresOn: "2029-02-30" } },
          api.users.mia,
        ),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await api.gql(
          UPDATE,
          { id: toGlobalId("SerumAddOn", "nope"), version: 1, input: peptide },
          api.users.mia,
        ),
      ),
    ).toEqual(["NOT_FOUND"]);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("checks a serum for a patient before saving: sensitivity, clearance, actives, and the lot", async () => {
    const r = await api.gql<{
      checkSerum: {
        blocked: boolean;
        overridable: boolean;
        findings: { code: string; level: string; overridable: boolean }[];
      };
    }>(CHECK, {
      patientId: AMARA,
      serumId: VITC,
      lotNumber: "VITA-2511",
      onDate: TODAY,
      duringNeedling: true,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.checkSerum.findings.map((f) => `${f.code}:${f.level}`).sort()).toEqual([
      "SERUM_ACTIVE_ON_NEEDLED_SKIN:BLOCK",
      "SERUM_NOT_CLEARED_FOR_NEEDLING:BLOCK",
      "SERUM_SENSITIVITY:WARN",
    ]);
    expect(r.data!.checkSerum).toMatchObject({ blocked: true, overridable: true });

    const expired = await api.gql<{
      checkSerum: { blocked: boolean; overridable: boolean; findings: { code: string }[] };
    }>(CHECK, {
      patientId: AMARA,
      serumId: HA,
      lotNumber: "HYAL-2409",
      onDate: TODAY,
      duringNeedling: true,
    });
    expect(expired.data!.checkSerum).toMatchObject({
      blocked: true,
      overridable: false,
      findings: [{ code: "LOT_EXPIRED" }],
    });

    const clean = await api.gql<{ checkSerum: { blocked: boolean; findings: unknown[] } }>(CHECK, {
      patientId: AMARA,
      serumId: HA,
      lotNumber: "hyal-2511",
      onDate: TODAY,
      duringNeedling: true,
    });
    expect(clean.data!.checkSerum).toMatchObject({ blocked: false, findings: [] });
  });

  it("hides a patient of another site exactly like a missing one, and refuses analysts", async () => {
    const args = { serumId: HA, lotNumber: "HYAL-2511", onDate: TODAY, duringNeedling: true };
    const other = await api.gql(CHECK, { ...args, patientId: KEIRA }, api.users.ava);
    const missing = await api.gql(
      CHECK,
      { ...args, patientId: toGlobalId("Patient", "nope") },
      api.users.ava,
    );
    expect([codes(other), codes(missing)]).toEqual([["NOT_FOUND"], ["NOT_FOUND"]]);
    expect(other.errors![0]!.message).toBe(missing.errors![0]!.message);
    expect(codes(await api.gql(CHECK, { ...args, patientId: AMARA }, api.users.leo))).toEqual(["FORBIDDEN"]);
  });
});

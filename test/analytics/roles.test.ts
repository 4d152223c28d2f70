import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";

/**
 * Who may read analytics: analysts and clinic admins (de-identified data); practitioners are
 * FORBIDDEN. The FHIR export is identified data: the patient's practitioners and clinic admins;
 * analysts are FORBIDDEN. Another group sees nothing of this one.
 */
const RECORDS = /* GraphQL */ `
  query ($f: OutcomeFilter) {
    outcomeRecords(filter: $f, first: 5) {
      edges {
        node {
          id
          patientKey
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;
const SUMMARY = /* GraphQL */ `
  query {
    outcomeSummary(groupBy: CONCERN) {
      rows {
        key
        n
      }
    }
  }
`;
const MATRIX = /* GraphQL */ `
  query {
    concernDepthMatrix {
      indication
      depthBand
    }
  }
`;
const KPIS = /* GraphQL */ `
  query {
    kpis {
      courseCompletion {
        value
      }
    }
  }
`;
const EXPORT = /* GraphQL */ `
  query {
    outcomeExport {
      csv
      rows
      hasNextPage
      progress {
        done
        total
      }
    }
  }
`;
const FHIR = /* GraphQL */ `
  query ($id: ID!) {
    patientFhirBundle(patientId: $id)
  }
`;

const ANALYTICS = { RECORDS, SUMMARY, MATRIX, KPIS, EXPORT };

describe("analytics roles", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it.each(Object.entries(ANALYTICS))(
    "%s: analyst and clinic admin may, practitioners are FORBIDDEN, no token is UNAUTHENTICATED",
    async (_, q) => {
      for (const who of [api.users.leo!, api.users.mia!]) {
        const r = await api.gql(q, {}, who);
        expect(r.errors, `${who.role}`).toBeUndefined();
      }
      for (const who of [api.users.ava!, api.users.sam!, api.users.zoe!]) {
        const r = await api.gql(q, {}, who);
        expect(codes(r), `${who.email}`).toEqual(["FORBIDDEN"]);
        expect(r.data ?? null).toBeNull();
      }
      expect(codes(await api.gql(q, {}, null))).toEqual(["UNAUTHENTICATED"]);
    },
  );

  it("the FHIR bundle: the site's practitioner and the clinic admin may; the analyst is FORBIDDEN; another site or group is NOT_FOUND", async () => {
    const riverside = toGlobalId("Patient", "demo-glow-p08");
    const harbour = toGlobalId("Patient", "demo-glow-p01");
    expect((await api.gql(FHIR, { id: harbour }, api.users.ava)).errors).toBeUndefined();
    expect((await api.gql(FHIR, { id: riverside }, api.users.mia)).errors).toBeUndefined();
    expect(codes(await api.gql(FHIR, { id: harbour }, api.users.leo))).toEqual(["FORBIDDEN"]);
    expect(codes(await api.gql(FHIR, { id: riverside }, api.users.ava))).toEqual(["NOT_FOUND"]);
    expect(codes(await api.gql(FHIR, { id: harbour }, api.users.ian))).toEqual(["NOT_FOUND"]);
    expect(codes(await api.gql(FHIR, { id: harbour }, api.users.zoe))).toEqual(["NOT_FOUND"]);
  });
});

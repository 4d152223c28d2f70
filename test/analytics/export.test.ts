import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type GqlResult, type TestApi } from "../support/api";
import { recordCohort } from "./cohort";

/**
 * The CSV export both ways: the streamed route of the local server and the GraphQL chunks the portal
 * joins behind API Gateway give the same file; the same roles; filters apply.
 */
const EXPORT = /* GraphQL */ `
  query ($f: OutcomeFilter, $after: String, $rows: Int) {
    outcomeExport(filter: $f, after: $after, rows: $rows) {
      csv
      rows
      endCursor
      hasNextPage
      progress {
        done
        total
      }
    }
  }
`;

interface Chunk {
  csv: string;
  endCursor: string | null;
  hasNextPage: boolean;
  progress: { done: number; total: number | null };
}

describe("outcome CSV export", () => {
  let api: TestApi;
  let csvUrl: string;
  beforeAll(async () => {
    api = await startTestApi();
    await recordCohort(api);
    csvUrl = api.url.replace(/\/graphql$/, "/export/outcomes.csv");
  }, 120_000);
  afterAll(async () => api?.stop());

  const chunks = async (f: Record<string, unknown> | null, rows: number) => {
    const out: { csv: string; done: number; total: number | null }[] = [];
    let after: string | null = null;
    do {
      const r: GqlResult<{ outcomeExport: Chunk }> = await api.gql<{ outcomeExport: Chunk }>(
        EXPORT,
        { f, after, rows },
        api.users.leo,
      );
      expect(r.errors).toBeUndefined();
      const c = r.data!.outcomeExport;
      out.push({ csv: c.csv, done: c.progress.done, total: c.progress.total });
      after = c.hasNextPage ? c.endCursor : null;
    } while (after);
    return out;
  };
  const stream = async (query = "", as = api.users.leo) =>
    fetch(`${csvUrl}${query}`, { headers: as ? { authorization: `Bearer ${await api.token(as)}` } : {} });

  it("streams the same file the GraphQL chunks add up to", async () => {
    const res = await stream();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const streamed = await res.text();
    const joined = (await chunks(null, 3)).map((c) => c.csv).join("");
    expect(streamed).toBe(joined);
    const lines = streamed.trimEnd().split("\r\n");
    expect(lines[0]!.split(",")).toContain("patient_key");
    expect(lines.length).toBeGreaterThan(5);
  });

  it("reports progress against a known total for a site or concern filter, and none for other filters", async () => {
    const bySite = await chunks({ indication: "ACNE_SCARRING" }, 1);
    expect(bySite.length).toBeGreaterThanOrEqual(2);
    expect(bySite.map((c) => c.done)).toEqual(bySite.map((_, i) => i + 1));
    expect(bySite.every((c) => c.total === bySite.length)).toBe(true);
    const byDevice = await chunks({ device: "PEN" }, 1);
    expect(byDevice.slice(0, -1).every((c) => c.total === null)).toBe(true);
    // The last chunk knows the total: it is what was done.
    expect(byDevice.at(-1)!.total).toBe(byDevice.at(-1)!.done);
  });

  it("applies the filter on the route too", async () => {
    const all = (await (await stream()).text()).trimEnd().split("\r\n").length;
    const acne = (await (await stream("?indication=ACNE_SCARRING")).text()).trimEnd().split("\r\n");
    expect(acne.length).toBeLessThan(all);
    expect(acne.slice(1).every((l) => l.includes(",ACNE_SCARRING,"))).toBe(true);
    const bad = await stream("?depthBand=9mm");
    expect(bad.status).toBe(400);
  });

  it("refuses practitioners (403) and anonymous callers (401), like the GraphQL field", async () => {
    expect((await stream("", api.users.ava)).status).toBe(403);
    expect((await fetch(csvUrl)).status).toBe(401);
    const r = await api.gql(EXPORT, { f: null, after: null, rows: 10 }, api.users.sam);
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("caps a chunk at 500 rows", async () => {
    const r = await api.gql(EXPORT, { f: null, after: null, rows: 501 }, api.users.leo);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

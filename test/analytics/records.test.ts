import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@needlework/core";
import { Keys, resetCounter } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { codes, startTestApi, type TestApi } from "../support/api";
import { recordCohort, TODAY, type CreatedPatient } from "./cohort";

/**
 * Outcome records: what a row holds, every filter (key conditions and FilterExpression) against the
 * same filter applied to all rows, paging with one Query per page, and the record written in the same
 * transaction as the session.
 */
interface Row {
  id: string;
  patientKey: string;
  ageBand: string;
  fitzpatrick: string | null;
  site: { id: string; name: string };
  indication: string;
  bodyArea: string;
  startMonth: string;
  firstSessionMonth: string | null;
  lastSessionMonth: string | null;
  sessionCount: number;
  zones: { zone: string; depthsMm: number[]; depthBands: string[] }[];
  depthBands: string[];
  devices: string[];
  serums: { id: string; name: string | null }[];
  outcome: {
    scale: string;
    baselineScore: number;
    latestScore: number | null;
    improvement: number | null;
    improvementPercent: number | null;
    improved: boolean | null;
    assessments: number;
  };
  otherScales: {
    scale: string;
    baselineScore: number;
    latestScore: number | null;
    improvement: number | null;
  }[];
  adverseEvents: { type: string; severity: string }[];
  adverseEventsCounted: number;
}
const ROW = `id patientKey ageBand fitzpatrick site { id name } indication bodyArea startMonth firstSessionMonth lastSessionMonth sessionCount
  zones { zone depthsMm depthBands } depthBands devices serums { id name }
  outcome { scale baselineScore latestScore improvement improvementPercent improved assessments }
  otherScales { scale baselineScore latestScore improvement } adverseEvents { type severity } adverseEventsCounted`;
const RECORDS = `query($f: OutcomeFilter, $first: Int, $after: String) {
  outcomeRecords(filter: $f, first: $first, after: $after) { edges { cursor node { ${ROW} } } pageInfo { hasNextPage endCursor } }
}`;

type Filter = Record<string, string>;
const harbour = toGlobalId("Site", "harbour");
const PRP = toGlobalId("SerumAddOn", "srm-prp");

/** The filter applied to rows in memory: what the API must answer. */
function matches(r: Row, f: Filter): boolean {
  if (f.siteId && r.site.id !== f.siteId) return false;
  if (f.indication && r.indication !== f.indication) return false;
  if (f.device && !r.devices.includes(f.device)) return false;
  if (f.serumId && !r.serums.some((s) => s.id === f.serumId)) return false;
  if (f.depthBand && !r.depthBands.includes(f.depthBand)) return false;
  if (f.fitzpatrick && r.fitzpatrick !== f.fitzpatrick) return false;
  if (f.from && r.startMonth < f.from.slice(0, 7)) return false;
  if (f.to && r.startMonth > f.to.slice(0, 7)) return false;
  return true;
}

describe("outcome records", () => {
  let api: TestApi;
  let created: CreatedPatient[];
  let all: Row[];

  const page = async (f: Filter | null, first: number, after: string | null = null) => {
    const r = await api.gql<{
      outcomeRecords: {
        edges: { cursor: string; node: Row }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(RECORDS, { f, first, after }, api.users.leo);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.outcomeRecords;
  };
  const everything = async (f: Filter | null, first = 2): Promise<Row[]> => {
    const out: Row[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const p = await page(f, first, after);
      out.push(...p.edges.map((e) => e.node));
      if (!p.pageInfo.hasNextPage) return out;
      after = p.pageInfo.endCursor;
    }
    throw new Error("paging did not end");
  };

  beforeAll(async () => {
    api = await startTestApi();
    created = await recordCohort(api);
    all = await everything(null, 100);
  }, 120_000);
  afterAll(async () => api?.stop());

  it("holds the course de-identified: age band, Fitzpatrick, concern, zones and depths, device, serums, sessions, scores, adverse events", () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    const zelda = all.find(
      (r) => r.ageBand === "90+" && r.indication === "ACNE_SCARRING" && r.fitzpatrick === "II",
    )!;
    expect(zelda).toMatchObject({
      fitzpatrick: "II",
      site: { id: harbour, name: "Harbour Street" },
      indication: "ACNE_SCARRING",
      bodyArea: "CHEEKS",
      sessionCount: 4,
      zones: [{ zone: "CHEEKS", depthsMm: [1.5, 2], depthBands: ["1.0–1.5", "1.5–2.0"] }],
      depthBands: ["1.0–1.5", "1.5–2.0"],
      devices: ["PEN"],
      serums: [
        { id: toGlobalId("SerumAddOn", "srm-hyaluronic-acid"), name: "Hyaluronic acid serum (sterile)" },
      ],
      outcome: {
        scale: "GOODMAN_BARON_QUANTITATIVE",
        baselineScore: 40,
        latestScore: 24,
        improvement: 16,
        improvementPercent: 40,
        improved: true,
        assessments: 2,
      },
      otherScales: [{ scale: "GAIS", baselineScore: 4, latestScore: 2, improvement: 2 }],
      // Redness for 2 days is expected (not counted); 9 days and PIH are adverse events.
      adverseEventsCounted: 2,
    });
    expect(zelda.adverseEvents).toHaveLength(3);
    expect(zelda.startMonth).toMatch(/^\d{4}-\d{2}$/);
    expect(zelda.firstSessionMonth! <= zelda.lastSessionMonth!).toBe(true);
    // Two concerns of one patient: one key, two rows; the wrinkles row counts only the forehead.
    const xantheKey = all.find(
      (r) =>
        r.indication === "WRINKLES" &&
        r.fitzpatrick === "III" &&
        r.ageBand === "30–39" &&
        r.devices.includes("RF_MICRONEEDLING"),
    )!.patientKey;
    const xanthe = all.filter((r) => r.patientKey === xantheKey);
    expect(xanthe.map((r) => r.indication).sort()).toEqual(["ACNE_SCARRING", "WRINKLES"]);
    expect(xanthe.find((r) => r.indication === "WRINKLES")!.zones).toEqual([
      { zone: "FOREHEAD", depthsMm: [0.5], depthBands: ["0.25–0.5"] },
    ]);
    expect(xanthe.find((r) => r.indication === "WRINKLES")!.serums).toEqual([]);
    expect(xanthe.find((r) => r.indication === "ACNE_SCARRING")!.otherScales).toEqual([
      { scale: "SATISFACTION", baselineScore: 6, latestScore: 8, improvement: 2 },
    ]);
  });

  it.each<[string, Filter, number]>([
    ["site (key condition)", { siteId: harbour }, 3],
    ["site and concern (key condition)", { siteId: harbour, indication: "ACNE_SCARRING" }, 2],
    ["concern", { indication: "ACNE_SCARRING" }, 2],
    ["device", { device: "PEN" }, 2],
    ["serum", { serumId: PRP }, 2],
    ["depth band", { depthBand: "1.5–2.0" }, 1],
    ["Fitzpatrick type", { fitzpatrick: "V" }, 1],
    ["months from the start", { from: addDays(TODAY, -400) }, 5],
    ["nothing starting after this month", { from: addDays(TODAY, 40) }, 0],
    ["site and months (filter)", { siteId: harbour, from: addDays(TODAY, -400), to: TODAY }, 3],
    [
      "site, concern and months (key condition)",
      { siteId: harbour, indication: "WRINKLES", from: addDays(TODAY, -400), to: TODAY },
      1,
    ],
    ["device and Fitzpatrick", { device: "PEN", fitzpatrick: "IV" }, 1],
  ])("filters by %s exactly as the rows say", async (_, f, n) => {
    const expected = all
      .filter((r) => matches(r, f))
      .map((r) => r.id)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(n);
    if (n === 0) expect(expected).toEqual([]);
    const got = (await everything(f, 1)).map((r) => r.id).sort();
    expect(got).toEqual(expected);
  });

  it("pages with opaque cursors, one Query per page when the filter is a key condition", async () => {
    const f = { siteId: harbour };
    const seen: string[] = [];
    let after: string | null = null;
    do {
      resetCounter(api.db);
      const p = await page(f, 2, after);
      expect(api.db.counter.byOperation.Query).toBe(1);
      expect(p.edges.length).toBeLessThanOrEqual(2);
      seen.push(...p.edges.map((e) => e.node.id));
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(
      all
        .filter((r) => matches(r, f))
        .map((r) => r.id)
        .sort(),
    );
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it("refuses a cursor from another filter and a depth band that is not core's", async () => {
    const p = await page({ siteId: harbour }, 1);
    const crossed = await api.gql(RECORDS, { f: null, first: 1, after: p.pageInfo.endCursor }, api.users.leo);
    expect(codes(crossed)).toEqual(["BAD_USER_INPUT"]);
    const bad = await api.gql(RECORDS, { f: { depthBand: "3 mm" }, first: 1 }, api.users.leo);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
  });

  it("is written in the session's own transaction: a refused session leaves the record as it was", async () => {
    const wendell = created[3]!;
    const before = await recordItem(api);
    const planId = wendell.planId!;
    const session = (extra: Record<string, unknown>) => ({
      patientId: wendell.id,
      input: {
        planId,
        siteId: toGlobalId("Site", "riverside"),
        performedOn: addDays(TODAY, -5),
        device: "PEN",
        cartridge: { needleCount: 12, lotNumber: "CART-8" },
        zones: [{ zone: "SCALP", depthMm: 1.0, passes: 2 }],
        aftercareGiven: true,
        rescreen: {
          activeSkinInfection: false,
          activeAcneInArea: false,
          activeHerpesOutbreak: false,
          openWounds: false,
          pregnantOrBreastfeeding: false,
          eczemaPsoriasisRosaceaFlareInArea: false,
          sunburn: false,
        },
        ...extra,
      },
    });
    const MUTATION = `mutation($patientId: ID!, $input: TreatmentSessionInput!) { recordTreatmentSession(patientId: $patientId, input: $input) { session { id } } }`;
    // Vitamin C is not cleared for needling: CONTRAINDICATED, nothing written.
    const refused = await api.gql(
      MUTATION,
      session({
        serumsApplied: [
          { serumId: toGlobalId("SerumAddOn", "srm-vitamin-c"), lotNumber: "VITA-2511", zone: "SCALP" },
        ],
      }),
      api.users.sam,
    );
    expect(codes(refused)).toEqual(["CONTRAINDICATED"]);
    expect(await recordItem(api)).toEqual(before);
    resetCounter(api.db);
    const ok = await api.gql(MUTATION, session({}), api.users.sam);
    expect(ok.errors).toBeUndefined();
    expect(api.db.counter.byOperation.TransactWriteItems).toBe(1);
    const after = await recordItem(api);
    expect(Number(after.get(wendellKey(before))!.version)).toBe(
      Number(before.get(wendellKey(before))!.version) + 1,
    );
    const row = (await everything({ indication: "ALOPECIA", fitzpatrick: "IV" }, 10)).find(
      (r) => r.ageBand === "18–29",
    )!;
    expect(row.sessionCount).toBe(4);
  });
});

/** Every outcome item by sort key (tooling read of the group's outcome partition). */
async function recordItem(api: TestApi): Promise<Map<string, Record<string, unknown>>> {
  const res = await api.db.doc.send(
    new QueryCommand({
      TableName: api.db.tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": Keys.outcomeRecord("glow", "").pk },
    }),
  );
  return new Map((res.Items ?? []).map((it) => [String(it.sk), it]));
}

function wendellKey(items: Map<string, Record<string, unknown>>): string {
  for (const [sk, it] of items) {
    const r = it.record as { indication: string; fitzpatrick: string | null; ageBand: string };
    if (r.indication === "ALOPECIA" && r.fitzpatrick === "IV" && r.ageBand === "18–29") return sk;
  }
  throw new Error("no alopecia record");
}

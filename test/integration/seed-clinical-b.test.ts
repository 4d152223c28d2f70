import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { Scales, Schedule } from "@needlework/core";
import { Rollups } from "@needlework/store";
import { demoGroups, seedDemo } from "@needlework/store/local";
import { toGlobalId } from "@needlework/api";
import { clinicalBDemo } from "../../packages/store/src/seed/clinical-b";
import { startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

/** The demo seed's serums, sessions and assessments read like recorded data, and its rollups add up. */
const PAGE = /* GraphQL */ `
  query ($id: ID!) {
    patient(id: $id) {
      givenName
      timeline(first: 50) {
        edges {
          date
          node {
            __typename
            ... on TreatmentSession {
              performedOn
              practitioner {
                name
              }
              serumsApplied {
                serumName
                lotNumber
              }
              adverseEvents {
                classification
              }
              rescreen {
                carriedOverrides {
                  code
                }
              }
            }
            ... on TreatmentPlan {
              status
              progress {
                done
                planned
              }
              nextDueOn
            }
            ... on Assessment {
              scale
              score
              improvement {
                absolute
                percent
              }
            }
          }
        }
      }
    }
  }
`;

type Node = {
  __typename: string;
  performedOn?: string;
  status?: string;
  progress?: { done: number; planned: number };
  nextDueOn?: string;
  scale?: string;
  score?: number;
  improvement?: { absolute: number; percent: number | null } | null;
  serumsApplied?: { serumName: string; lotNumber: string }[];
  rescreen?: { carriedOverrides: { code: string }[] };
  adverseEvents?: { classification: string }[];
};

describe("demo seed: serum catalogue, sessions, assessments and rollups", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  const timeline = async (n: number, as = api.users.ava) => {
    const r = await api.gql<{ patient: { timeline: { edges: { node: Node }[] } } }>(
      PAGE,
      { id: toGlobalId("Patient", `demo-glow-p${String(n).padStart(2, "0")}`) },
      as,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.patient.timeline.edges.map((e) => e.node);
  };

  it("shows the seeded sessions and scores on the patient's timeline, and the plan's progress", async () => {
    const olivia = await timeline(1);
    const sessions = olivia.filter((n) => n.__typename === "TreatmentSession");
    expect(sessions.map((s) => s.performedOn)).toEqual(["2026-11-16", "2026-10-19"]);
    expect(sessions[0]!.serumsApplied).toEqual([
      { serumName: "Hyaluronic acid serum (sterile)", lotNumber: "HYAL-2511" },
    ]);
    // Her lidocaine allergy was overridden at the consultation: carried into each session.
    expect(sessions[0]!.rescreen!.carriedOverrides).toEqual([{ code: "ANAESTHETIC_ALLERGY" }]);
    expect(olivia.find((n) => n.__typename === "TreatmentPlan")).toMatchObject({
      status: "IN_PROGRESS",
      progress: { done: 2, planned: 4 },
      nextDueOn: "2026-12-14",
    });
    const scores = olivia
      .filter((n) => n.__typename === "Assessment")
      .map((a) => [a.scale, a.score, a.improvement?.absolute]);
    expect(scores).toEqual(
      expect.arrayContaining([
        ["GOODMAN_BARON_QUALITATIVE", 2, 1],
        ["GAIS", 3, 1],
        ["GOODMAN_BARON_QUALITATIVE", 3, 0],
      ]),
    );
    const liam = await timeline(9, api.users.sam);
    expect(liam.filter((n) => n.__typename === "TreatmentSession")).toHaveLength(3);
    expect(liam.find((n) => n.__typename === "TreatmentPlan")).toMatchObject({
      progress: { done: 3, planned: 12 },
      nextDueOn: "2026-11-30",
    });
    const keira = await timeline(8, api.users.sam);
    expect(keira.find((n) => n.__typename === "TreatmentSession")!.adverseEvents).toEqual([
      { classification: "PROLONGED" },
    ]);
  });

  it("traces the seeded lots", async () => {
    const r = await api.gql<{ sessionsByLot: { edges: { performedOn: string }[] } }>(
      `query($serumId: ID!, $lotNumber: String!) { sessionsByLot(serumId: $serumId, lotNumber: $lotNumber) { edges { performedOn } } }`,
      { serumId: toGlobalId("SerumAddOn", "srm-prp"), lotNumber: "PRP-2511" },
      api.users.sam,
    );
    expect(r.data!.sessionsByLot.edges.map((e) => e.performedOn)).toEqual([
      "2026-11-23",
      "2026-11-16",
      "2026-11-09",
    ]);
  });

  it("seeds rollups equal to a recomputation from the seeded sessions and assessments", async () => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await api.db.doc.send(
        new ScanCommand({ TableName: api.db.tableName, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    // A value's all-time items (or its month items, summed), one counter.
    const total = (dimension: string, value: string, attr: string, months = false) =>
      items
        .filter(
          (i) =>
            i.type === "Rollup" &&
            i.dimension === dimension &&
            i.value === value &&
            (months ? i.bucket !== "ALL" : i.bucket === "ALL") &&
            String(i.pk).startsWith("G#glow#"),
        )
        .reduce((a, i) => a + (typeof i[attr] === "number" ? i[attr] : 0), 0);
    const { sessions: S, adverseEvents: AE } = Rollups.RollupAttr;

    const demo = clinicalBDemo(demoGroups().find((g) => g.group.id === "glow")!);
    const sessions = items.filter((i) => i.type === "TreatmentSession" && String(i.pk).startsWith("G#glow#"));
    expect(sessions).toHaveLength(demo.sessions.length);
    expect(total("DEVICE", "PEN", S)).toBe(sessions.filter((s) => s.device === "PEN").length);
    expect(total("SITE", "riverside", S)).toBe(sessions.filter((s) => s.siteId === "riverside").length);
    expect(total("PRACTITIONER", "u-sam", AE)).toBe(1);
    // Each session in exactly one month: the months add up to all time.
    expect(total("DEVICE", "PEN", S, true)).toBe(total("DEVICE", "PEN", S));
    expect(total("SITE", "riverside", S, true)).toBe(total("SITE", "riverside", S));
    const bands = sessions.flatMap((s) => [
      ...new Set((s.zones as { depthMm: number }[]).map((z) => Schedule.depthBand(z.depthMm))),
    ]);
    expect(total("DEPTH_BAND", "1.0–1.5", S)).toBe(bands.filter((b) => b === "1.0–1.5").length);

    // Improvement: each concern's latest score against its baseline, once it has a follow-up.
    const expectSum = (
      indication: string,
      scale: Parameters<typeof Scales.improvement>[0],
      baseline: number,
      latest: number,
    ) => {
      expect(total("CONCERN", indication, Rollups.RollupAttr.improvementSum(scale))).toBeCloseTo(
        Scales.improvement(scale, baseline, latest).absolute,
        6,
      );
      expect(total("CONCERN", indication, Rollups.RollupAttr.improvementCount(scale))).toBe(1);
    };
    expectSum("ACNE_SCARRING", "GOODMAN_BARON_QUALITATIVE", 3, 2);
    expectSum("ACNE_SCARRING", "GAIS", 4, 3);
    expectSum("MELASMA", "MMASI", 8.4, 6.9);
    expectSum("ALOPECIA", "HAIR_COUNT", 62, 68);
    // A baseline-only concern adds nothing.
    expect(total("CONCERN", "WRINKLES", Rollups.RollupAttr.improvementCount("LEMPERLE"))).toBe(0);
    // The concern × depth band cell: the band's counters per concern.
    const cell = Rollups.prefixed(
      { dimension: "CONCERN", value: "ALOPECIA" },
      Rollups.RollupAttr.improvementSum("HAIR_COUNT"),
    );
    expect(total("DEPTH_BAND", "0.5–1.0", cell)).toBe(6);
    expect(total("DEPTH_BAND", "0.5–1.0", cell, true)).toBe(6);
  });

  it("writes nothing when seeded again", async () => {
    const before = await snapshotTable(api.db);
    const again = await seedDemo(api.db);
    expect(again.written).toBe(0);
    expect(await snapshotTable(api.db)).toEqual(before);
  });
});

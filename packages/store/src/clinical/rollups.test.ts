import { describe, expect, it } from "vitest";
import type { Patient } from "@needlework/core";
import { Tx } from "../tx";
import { contributionDeltas, contributionFor, scaleBaseline } from "./assessments";
import type { Concern } from "./consultations";
import {
  concernDepthValue,
  foldDeltas,
  improvementCounters,
  outcomeRefs,
  ROLLUP_SHARDS,
  RollupAttr,
  RollupDeltas,
  sessionRefs,
  shardOf,
} from "./rollups";

const concern = {
  id: "k1",
  indication: "ACNE_SCARRING",
  bodyArea: "CHEEKS",
  baselineScale: "GOODMAN_BARON_QUANTITATIVE",
  baselineScore: 40,
  baselineOn: "2026-01-10",
} as const satisfies Partial<Concern>;
const patient = { fitzpatrick: "III", siteId: "harbour" } as const satisfies Partial<Patient>;
const score = (id: string, scale: string, value: number, on: string) => ({
  id,
  scale: scale as "GAIS",
  score: value,
  assessedOn: on,
});

describe("rollup shards", () => {
  it("spreads records over the shards and keeps each record on one", () => {
    const shards = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`s${i}`)));
    expect(shards.size).toBe(ROLLUP_SHARDS);
    expect(shardOf("abc")).toBe(shardOf("abc"));
  });

  it("counts a session once per distinct value, with indication × depth band", () => {
    const refs = sessionRefs({
      indications: ["ACNE_SCARRING", "WRINKLES"],
      zones: [
        { zone: "CHEEKS", depthMm: 1.5 },
        { zone: "FOREHEAD", depthMm: 0.35 },
        { zone: "NOSE", depthMm: 0.5 },
      ],
      serumIds: ["srm-a", "srm-a"],
      device: "PEN",
      fitzpatrick: undefined,
      siteId: "harbour",
      practitionerId: "u-ava",
    });
    const by = (d: string) => refs.filter((r) => r.dimension === d).map((r) => r.value);
    expect(by("DEPTH_BAND")).toEqual(["1.0–1.5", "0.25–0.5"]);
    expect(by("SERUM")).toEqual(["srm-a"]);
    expect(by("FITZPATRICK")).toEqual([]);
    expect(by("CONCERN_DEPTH_BAND")).toEqual([
      concernDepthValue("ACNE_SCARRING", "1.0–1.5"),
      concernDepthValue("ACNE_SCARRING", "0.25–0.5"),
      concernDepthValue("WRINKLES", "1.0–1.5"),
      concernDepthValue("WRINKLES", "0.25–0.5"),
    ]);
  });

  it("attributes an outcome to the zones of the concern's area when that area was treated", () => {
    const refs = outcomeRefs({
      indication: "ACNE_SCARRING",
      bodyArea: "CHEEKS",
      fitzpatrick: "IV",
      siteId: "harbour",
      treatments: [
        {
          zones: [
            { zone: "CHEEKS", depthMm: 1.5 },
            { zone: "FOREHEAD", depthMm: 0.35 },
          ],
          serums: [
            { serumId: "srm-ha", zone: "CHEEKS" },
            { serumId: "srm-x", zone: "FOREHEAD" },
          ],
          device: "PEN",
          practitionerId: "u-ava",
        },
      ],
    });
    expect(refs.filter((r) => r.dimension === "DEPTH_BAND").map((r) => r.value)).toEqual(["1.0–1.5"]);
    expect(refs.filter((r) => r.dimension === "SERUM").map((r) => r.value)).toEqual(["srm-ha"]);
    expect(refs.find((r) => r.dimension === "FITZPATRICK")?.value).toBe("IV");
  });

  it("merges a taken-back contribution and the new one into one net ADD per item, dropping zeros", () => {
    const refs = [{ dimension: "CONCERN" as const, value: "ACNE_SCARRING" }];
    const d = new RollupDeltas()
      .add(refs, 3, improvementCounters("GAIS", { absolute: 1, percent: null, improved: true }, -1))
      .add(refs, 3, improvementCounters("GAIS", { absolute: 2, percent: null, improved: true }, 1));
    expect(d.exported()).toEqual([
      { ref: refs[0], shard: 3, counters: { [RollupAttr.improvementSum("GAIS")]: 1 } },
    ]);
    const tx = new Tx();
    d.writeTo(tx, "glow");
    expect(tx.items).toHaveLength(1);
    const update = (tx.items[0]!.item as { Update: { Key: unknown; UpdateExpression: string } }).Update;
    expect(update.Key).toEqual({ pk: "G#glow#ROLLUP#CONCERN#ACNE_SCARRING", sk: "SHARD#3" });
    expect(update.UpdateExpression).toContain("ADD #c0 :c0");
    expect(new RollupDeltas().add(refs, 1, { sessions: 1 }).add(refs, 1, { sessions: -1 }).size).toBe(0);
  });

  it("folds deltas into the items a run of transactions would leave", () => {
    const a = new RollupDeltas().add([{ dimension: "DEVICE", value: "PEN" }], 0, {
      sessions: 1,
      adverseEvents: 1,
    });
    const b = new RollupDeltas().add([{ dimension: "DEVICE", value: "PEN" }], 0, { sessions: 1 });
    expect(foldDeltas("glow", [a, b])).toEqual([
      {
        pk: "G#glow#ROLLUP#DEVICE#PEN",
        sk: "SHARD#0",
        type: "RollupShard",
        groupId: "glow",
        dimension: "DEVICE",
        value: "PEN",
        shard: 0,
        sessions: 2,
        adverseEvents: 1,
      },
    ]);
  });
});

describe("a concern's contribution", () => {
  const input = (scale: string, scores: ReturnType<typeof score>[]) => ({
    concern,
    scale: scale as "GAIS",
    scores,
    patient,
    treatments: [],
  });

  it("is the latest score against the baseline, once a score later than the baseline day exists", () => {
    const gbq = "GOODMAN_BARON_QUANTITATIVE";
    expect(contributionFor(input(gbq, [score("a1", gbq, 40, "2026-01-10")]))).toBeUndefined();
    const c = contributionFor(
      input(gbq, [
        score("a1", gbq, 40, "2026-01-10"),
        score("a3", gbq, 24, "2026-03-10"),
        score("a2", gbq, 30, "2026-02-10"),
      ]),
    )!;
    expect(c).toMatchObject({
      assessmentId: "a3",
      absolute: 16,
      percent: 40,
      improved: true,
      shard: shardOf("k1"),
    });
    expect(c.refs.map((r) => `${r.dimension}:${r.value}`)).toEqual([
      "CONCERN:ACNE_SCARRING",
      "FITZPATRICK:III",
      "SITE:harbour",
    ]);
  });

  it("reads GAIS against No change and another scale against its first score", () => {
    expect(scaleBaseline(concern, "GAIS", [])).toEqual({ score: 4, on: "2026-01-10" });
    expect(
      scaleBaseline(concern, "SATISFACTION", [
        score("s2", "SATISFACTION", 7, "2026-03-01"),
        score("s1", "SATISFACTION", 5, "2026-02-01"),
      ]),
    ).toEqual({ score: 5, on: "2026-02-01" });
    expect(
      contributionFor(input("SATISFACTION", [score("s1", "SATISFACTION", 5, "2026-02-01")])),
    ).toBeUndefined();
    expect(
      contributionFor(
        input("SATISFACTION", [
          score("s1", "SATISFACTION", 5, "2026-02-01"),
          score("s2", "SATISFACTION", 8, "2026-03-01"),
        ]),
      ),
    ).toMatchObject({ absolute: 3, percent: 60 });
    expect(contributionFor(input("GAIS", [score("g1", "GAIS", 5, "2026-02-01")]))).toMatchObject({
      absolute: -1,
      percent: null,
      improved: false,
    });
  });

  it("takes the old contribution back and adds the new one", () => {
    const gbq = "GOODMAN_BARON_QUANTITATIVE";
    const before = contributionFor(input(gbq, [score("a2", gbq, 30, "2026-02-10")]))!;
    const after = contributionFor(
      input(gbq, [score("a2", gbq, 30, "2026-02-10"), score("a3", gbq, 24, "2026-03-10")]),
    )!;
    const net = contributionDeltas(before, after).exported();
    expect(net.find((e) => e.ref.dimension === "CONCERN")!.counters).toEqual({
      [RollupAttr.improvementSum(gbq)]: 6,
      [RollupAttr.improvementPercentSum(gbq)]: 15,
    });
  });
});

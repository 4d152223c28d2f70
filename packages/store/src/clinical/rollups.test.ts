import { describe, expect, it } from "vitest";
import { Tx } from "../tx";
import {
  applyChange,
  courseUnitOf,
  deriveRecord,
  type OutcomeChange,
  type OutcomeState,
} from "../analytics/outcomes";
import { scaleBaseline } from "./assessments";
import {
  ALL_TIME,
  courseUnit,
  prefixed,
  ROLLUP_SHARDS,
  RollupAttr,
  RollupDeltas,
  rollupItemsOf,
  sessionRefs,
  sessionUnit,
  shardOf,
} from "./rollups";
import { type Concern } from "../entities/consultation";

const concern = {
  id: "k1",
  indication: "ACNE_SCARRING",
  bodyArea: "CHEEKS",
  baselineScale: "GOODMAN_BARON_QUANTITATIVE",
  baselineScore: 40,
  baselineOn: "2026-01-10",
} as const satisfies Partial<Concern>;
const patient = { id: "p1", dateOfBirth: "1990-05-01", fitzpatrick: "III", siteId: "harbour" } as const;
const score = (id: string, scale: string, value: number, on: string) => ({
  id,
  scale: scale as "GAIS",
  score: value,
  assessedOn: on,
});

/** A course (outcome record state) built one change at a time, as the transactions do. */
function course(
  changes: readonly Omit<OutcomeChange, "patient" | "concern">[],
  over: Partial<OutcomeChange["patient"]> = {},
): OutcomeState {
  let state: OutcomeState | undefined;
  for (const c of changes)
    state = applyChange("a-test-secret-of-32-characters!!", state, {
      patient: { ...patient, ...over },
      concern,
      ...c,
    });
  return state!;
}
const assessed = (a: ReturnType<typeof score>) => ({ assessment: a });

describe("rollup shards", () => {
  it("spreads records over the shards and keeps each record on one", () => {
    const shards = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`s${i}`)));
    expect(shards.size).toBe(ROLLUP_SHARDS);
    expect(shardOf("abc")).toBe(shardOf("abc"));
  });

  it("counts a session once per distinct value of each dimension", () => {
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
    expect(by("CONCERN")).toEqual(["ACNE_SCARRING", "WRINKLES"]);
  });

  it("attributes an outcome to the zones of the concern's area when that area was treated", () => {
    const state = course(
      [
        {
          session: {
            id: "s1",
            performedOn: "2026-01-20",
            siteId: "harbour",
            device: "PEN",
            practitionerId: "u-ava",
            zones: [
              { zone: "CHEEKS", depthMm: 1.5 },
              { zone: "FOREHEAD", depthMm: 0.35 },
            ],
            serums: [
              { serumId: "srm-ha", zone: "CHEEKS" },
              { serumId: "srm-x", zone: "FOREHEAD" },
            ],
            adverseEvents: [],
          },
        },
        assessed(score("a1", "GOODMAN_BARON_QUANTITATIVE", 30, "2026-02-20")),
      ],
      { fitzpatrick: "IV" },
    );
    const refs = courseUnitOf(state)!.refs;
    expect(refs.filter((r) => r.dimension === "DEPTH_BAND").map((r) => r.value)).toEqual(["1.0–1.5"]);
    expect(refs.filter((r) => r.dimension === "SERUM").map((r) => r.value)).toEqual(["srm-ha"]);
    expect(refs.find((r) => r.dimension === "FITZPATRICK")?.value).toBe("IV");
  });
});

describe("rollup units and items", () => {
  const session = (over: Partial<Parameters<typeof sessionUnit>[0]> = {}) => ({
    performedOn: "2026-03-14",
    rollup: {
      shard: 3,
      refs: sessionRefs({
        indications: ["ACNE_SCARRING"],
        zones: [
          { zone: "CHEEKS", depthMm: 1.5 },
          { zone: "NOSE", depthMm: 0.5 },
        ],
        serumIds: ["srm-ha"],
        device: "PEN",
        fitzpatrick: "II",
        siteId: "harbour",
        practitionerId: "u-ava",
      }),
    },
    adverseEvents: [],
    ...over,
  });

  it("adds a session to its values' all-time and month items, with the prefix dimensions it has", () => {
    const d = new RollupDeltas().addUnit(sessionUnit(session(), "II")).exported();
    // 7 values (a concern, two bands, a serum, a device, a type, a site, a practitioner) × 2 buckets.
    expect(d).toHaveLength(16);
    expect(new Set(d.map((e) => e.bucket))).toEqual(new Set([ALL_TIME, "2026-03"]));
    const serum = d.find((e) => e.dimension === "SERUM" && e.bucket === "2026-03")!;
    expect(serum).toMatchObject({ value: "srm-ha", shard: 3 });
    expect(serum.counters).toEqual({
      [RollupAttr.sessions]: 1,
      [prefixed({ dimension: "CONCERN", value: "ACNE_SCARRING" }, RollupAttr.sessions)]: 1,
      [prefixed({ dimension: "SITE", value: "harbour" }, RollupAttr.sessions)]: 1,
      [prefixed({ dimension: "DEVICE", value: "PEN" }, RollupAttr.sessions)]: 1,
      [prefixed({ dimension: "DEPTH_BAND", value: "1.0–1.5" }, RollupAttr.sessions)]: 1,
      [prefixed({ dimension: "DEPTH_BAND", value: "0.25–0.5" }, RollupAttr.sessions)]: 1,
    });
    // A depth band's item counts per concern (the matrix), and per concern with a site or a device.
    const band = d.find(
      (e) => e.dimension === "DEPTH_BAND" && e.value === "1.0–1.5" && e.bucket === ALL_TIME,
    )!;
    expect(band.counters[prefixed({ dimension: "CONCERN", value: "ACNE_SCARRING" }, "s")]).toBe(1);
    expect(
      band.counters[prefixed({ pair: ["CONCERN", "SITE"], values: ["ACNE_SCARRING", "harbour"] }, "s")],
    ).toBe(1);
    expect(
      band.counters[prefixed({ pair: ["CONCERN", "DEVICE"], values: ["ACNE_SCARRING", "PEN"] }, "s")],
    ).toBe(1);
    // An item does not count by its own dimension, and nothing counts by serum or Fitzpatrick type.
    expect(Object.keys(band.counters).some((k) => k.startsWith("B="))).toBe(false);
    expect(
      d.every((e) => Object.keys(e.counters).every((k) => !k.startsWith("S=") && !k.startsWith("F="))),
    ).toBe(true);
  });

  it("moves a unit as a net change per item: a later adverse event, a new Fitzpatrick type", () => {
    const event = { type: "PIH" as const, onsetOn: "2026-03-16", durationDays: 10 };
    const net = new RollupDeltas()
      .change(sessionUnit(session(), "II"), sessionUnit(session({ adverseEvents: [event] }), "II"))
      .exported();
    expect(net).toHaveLength(16);
    expect(
      net.every((e) => e.counters[RollupAttr.adverseEvents] === 1 && !(RollupAttr.sessions in e.counters)),
    ).toBe(true);
    const moved = new RollupDeltas()
      .change(sessionUnit(session(), "II"), sessionUnit(session(), "V"))
      .exported();
    // Only the FITZPATRICK items change: no other item counts by type.
    expect(new Set(moved.map((e) => `${e.dimension}:${e.value}`))).toEqual(
      new Set(["FITZPATRICK:II", "FITZPATRICK:V"]),
    );
    expect(
      new RollupDeltas().addUnit(sessionUnit(session(), "II")).addUnit(sessionUnit(session(), "II"), -1).size,
    ).toBe(0);
  });

  it("counts a course's improvement in the month it started, under its values, with the concern prefix", () => {
    const course = courseUnit({
      indication: "ACNE_SCARRING",
      siteId: "harbour",
      fitzpatrick: "III",
      startMonth: "2026-01",
      depthBands: ["1.0–1.5"],
      devices: ["PEN"],
      serumIds: ["srm-ha"],
      practitionerIds: ["u-ava", "u-ava"],
      shard: 5,
      outcomes: [
        { scale: "GOODMAN_BARON_QUANTITATIVE", improvement: 16, improvementPercent: 40, improved: true },
        { scale: "GAIS", improvement: null, improvementPercent: null, improved: null },
      ],
    })!;
    expect(course.month).toBe("2026-01");
    const items = new RollupDeltas().addUnit(course).exported();
    expect(items).toHaveLength(14);
    const pract = items.find((e) => e.dimension === "PRACTITIONER" && e.bucket === "2026-01")!;
    const gbq = "GOODMAN_BARON_QUANTITATIVE";
    expect(pract.counters[RollupAttr.improvementSum(gbq)]).toBe(16);
    expect(
      pract.counters[
        prefixed({ dimension: "CONCERN", value: "ACNE_SCARRING" }, RollupAttr.improvementCount(gbq))
      ],
    ).toBe(1);
    expect(pract.counters[RollupAttr.improvementSum("GAIS")]).toBeUndefined();
    expect(
      courseUnit({
        ...course,
        indication: "ACNE_SCARRING",
        siteId: "h",
        fitzpatrick: null,
        startMonth: "2026-01",
        depthBands: [],
        devices: [],
        serumIds: [],
        practitionerIds: [],
        shard: 0,
        outcomes: [],
      }),
    ).toBeNull();
  });

  it("writes one short update per item and folds units into the items a run of transactions leaves", () => {
    const tx = new Tx();
    new RollupDeltas().addUnit(sessionUnit(session(), "II")).writeTo(tx, "glow");
    expect(tx.items).toHaveLength(16);
    const update = tx.items[0]!.item.Update;
    expect(update?.Key).toEqual({ pk: "G#glow#ROLLUP#CONCERN", sk: "A#ACNE_SCARRING#3" });
    expect(update?.UpdateExpression?.length).toBeLessThan(4096);
    const items = rollupItemsOf("glow", [
      sessionUnit(session(), "II"),
      sessionUnit(session({ performedOn: "2026-04-02" }), "II"),
    ]);
    const device = items.filter((it) => it.dimension === "DEVICE");
    expect(device.map((it) => it.sk).sort()).toEqual(["A#PEN#3", "M#2026-03#PEN#3", "M#2026-04#PEN#3"]);
    expect(device.find((it) => it.sk === "A#PEN#3")).toMatchObject({
      type: "Rollup",
      bucket: ALL_TIME,
      s: 2,
    });
  });
});

describe("a course's outcome on a scale", () => {
  const gbq = "GOODMAN_BARON_QUANTITATIVE";
  const onScale = (state: OutcomeState, scale: string) => {
    const r = deriveRecord(state);
    return [r.outcome, ...r.otherScales].find((o) => o.scale === scale);
  };

  it("is the latest score against the baseline, once a score later than the baseline day exists", () => {
    const baselineDay = course([assessed(score("a1", gbq, 40, "2026-01-10"))]);
    expect(onScale(baselineDay, gbq)).toMatchObject({ latestScore: null, improvement: null });
    expect(courseUnitOf(baselineDay)).toBeNull();
    const state = course([
      assessed(score("a1", gbq, 40, "2026-01-10")),
      assessed(score("a3", gbq, 24, "2026-03-10")),
      assessed(score("a2", gbq, 30, "2026-02-10")),
    ]);
    expect(onScale(state, gbq)).toMatchObject({
      latestScore: 24,
      improvement: 16,
      improvementPercent: 40,
      improved: true,
    });
    const unit = courseUnitOf(state)!;
    expect(unit.shard).toBe(shardOf("p1"));
    expect(unit.refs.map((r) => `${r.dimension}:${r.value}`)).toEqual([
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
      onScale(course([assessed(score("s1", "SATISFACTION", 5, "2026-02-01"))]), "SATISFACTION"),
    ).toMatchObject({ improvement: null });
    expect(
      onScale(
        course([
          assessed(score("s1", "SATISFACTION", 5, "2026-02-01")),
          assessed(score("s2", "SATISFACTION", 8, "2026-03-01")),
        ]),
        "SATISFACTION",
      ),
    ).toMatchObject({ improvement: 3, improvementPercent: 60 });
    expect(onScale(course([assessed(score("g1", "GAIS", 5, "2026-02-01"))]), "GAIS")).toMatchObject({
      improvement: -1,
      improvementPercent: null,
      improved: false,
    });
  });
});

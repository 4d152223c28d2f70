import { describe, it, expect } from "vitest";
import {
  DEFAULT_PROTOCOLS,
  floorDepth,
  protocolFor,
  suggestPlan,
  validatePlanInput,
  MAX_CONCERNS_PER_PLAN,
  validateProtocol,
  zoneRange,
  type PlanInput,
} from "./protocols";
import { INDICATIONS } from "./concerns";
import { type DomainError } from "./errors";
import type { Serum } from "./serums";

const paths = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).fields.map((f) => f.path).sort();
  }
  throw new Error("expected a DomainError");
};

describe("DEFAULT_PROTOCOLS", () => {
  it("has one valid template per indication", () => {
    for (const i of INDICATIONS) expect(DEFAULT_PROTOCOLS.filter((p) => p.indication === i)).toHaveLength(1);
    for (const p of DEFAULT_PROTOCOLS) expect(() => validateProtocol(p)).not.toThrow();
  });
  it("follows DOMAIN.md's table", () => {
    expect(protocolFor("ACNE_SCARRING")).toMatchObject({
      depthMinMm: 1.5,
      depthMaxMm: 2.0,
      sessionsMin: 4,
      sessionsMax: 6,
      intervalWeeksMin: 4,
      intervalWeeksMax: 6,
    });
    expect(protocolFor("STRETCH_MARKS")).toMatchObject({ depthMinMm: 1.5, depthMaxMm: 2.5, sessionsMin: 6 });
    expect(protocolFor("ALOPECIA")).toMatchObject({
      sessionsDefault: 12,
      intervalWeeksDefault: 1,
      intervalWeeksMax: 4,
    });
    expect(protocolFor("LAXITY")?.device).toBe("RF_MICRONEEDLING");
    expect(protocolFor("WRINKLES")?.zoneDepths?.PERIORBITAL).toEqual({ minMm: 0.25, maxMm: 0.3 });
  });
});

describe("validateProtocol", () => {
  it("rejects depths outside 0.25–2.5, inverted ranges and defaults outside min–max", () => {
    const base = protocolFor("ACNE_SCARRING")!;
    expect(
      paths(() =>
        validateProtocol({
          ...base,
          depthMinMm: 0.2,
          depthMaxMm: 2.6,
          sessionsDefault: 7,
          zoneDepths: { CHEEKS: { minMm: 1.5, maxMm: 1.0 } },
        }),
      ),
    ).toEqual(["depthMaxMm", "depthMinMm", "sessionsDefault", "zoneDepths.CHEEKS.maxMm"]);
  });
});

describe("zoneRange", () => {
  it("caps the protocol at the zone's safe maximum", () => {
    expect(zoneRange(protocolFor("ACNE_SCARRING")!, "CHEEKS")).toEqual({
      minMm: 1.5,
      maxMm: 1.5,
      capped: true,
    });
    expect(zoneRange(protocolFor("STRETCH_MARKS")!, "NECK")).toEqual({
      minMm: 1.0,
      maxMm: 1.0,
      capped: true,
    });
    expect(zoneRange(protocolFor("STRETCH_MARKS")!, "THIGHS")).toEqual({
      minMm: 1.5,
      maxMm: 2.5,
      capped: false,
    });
  });
  it("uses the template's own zone range", () => {
    expect(zoneRange(protocolFor("WRINKLES")!, "FOREHEAD")).toEqual({
      minMm: 0.25,
      maxMm: 0.5,
      capped: false,
    });
  });
});

describe("suggestPlan", () => {
  it("suggests the middle of the range for Fitzpatrick I–III", () => {
    const plan = suggestPlan({
      concerns: [{ indication: "ALOPECIA", bodyArea: "SCALP" }],
      patient: { fitzpatrick: "II" },
    });
    expect(plan.zones).toEqual([
      { zone: "SCALP", depthMm: 1.0, depthMinMm: 0.5, depthMaxMm: 1.5, indication: "ALOPECIA" },
    ]);
    expect(plan).toMatchObject({ sessions: 12, intervalWeeks: 1, conservative: false, device: "PEN" });
    expect(plan.serums).toEqual(["Minoxidil", "PRP"]);
  });
  it("uses the lower end for Fitzpatrick IV and says why", () => {
    const plan = suggestPlan({
      concerns: [{ indication: "STRETCH_MARKS", bodyArea: "ABDOMEN" }],
      patient: { fitzpatrick: "IV" },
    });
    expect(plan.zones[0]?.depthMm).toBe(1.5);
    expect(plan.conservative).toBe(true);
    expect(plan.notes.join(" ")).toMatch(/Fitzpatrick IV/);
  });
  it("never exceeds a zone's safe maximum, and notes the cap", () => {
    const plan = suggestPlan({
      concerns: [{ indication: "ACNE_SCARRING", bodyArea: "CHEEKS", zones: ["CHEEKS", "FOREHEAD"] }],
      patient: {},
    });
    expect(plan.zones.map((z) => [z.zone, z.depthMm])).toEqual([
      ["CHEEKS", 1.5],
      ["FOREHEAD", 0.5],
    ]);
    expect(plan.notes.filter((n) => /capped/.test(n))).toHaveLength(2);
  });
  it("rounds the periorbital middle down to 0.25 mm", () => {
    const plan = suggestPlan({
      concerns: [{ indication: "WRINKLES", bodyArea: "PERIORBITAL" }],
      patient: {},
    });
    expect(plan.zones[0]?.depthMm).toBe(0.25);
    expect(floorDepth(0.75)).toBe(0.75);
    expect(floorDepth(1.7999999)).toBe(1.75);
  });
  it("combines concerns: shallower depth per zone, most sessions, longest interval, RF if any", () => {
    const plan = suggestPlan({
      concerns: [
        { indication: "LAXITY", bodyArea: "CHEEKS" },
        { indication: "PIGMENTATION", bodyArea: "CHEEKS" },
        { indication: "ALOPECIA", bodyArea: "SCALP" },
      ],
      patient: { fitzpatrick: "I" },
    });
    expect(plan.zones.find((z) => z.zone === "CHEEKS")).toMatchObject({
      depthMm: 0.6,
      indication: "PIGMENTATION",
    });
    expect(plan.sessions).toBe(12);
    expect(plan.intervalWeeks).toBe(4);
    expect(plan.device).toBe("RF_MICRONEEDLING");
  });
  it("matches suggested serums against the catalogue", () => {
    const catalogue: Serum[] = [
      {
        id: "ha",
        name: "HA booster",
        ingredients: ["Sodium hyaluronate"],
        allergens: [],
        clearance: "CLEARED_FOR_NEEDLING",
        lots: [],
      },
      {
        id: "vc",
        name: "Vitamin C",
        ingredients: ["Ascorbic acid"],
        allergens: [],
        clearance: "TOPICAL_AFTER_HEALING",
        lots: [],
      },
    ];
    const plan = suggestPlan({
      concerns: [{ indication: "WRINKLES", bodyArea: "FOREHEAD" }],
      patient: {},
      catalogue,
    });
    expect(plan.serumIds).toEqual(["ha"]);
  });
  it("rejects a concern without a template", () => {
    expect(
      paths(() =>
        suggestPlan({
          concerns: [{ indication: "ROSACEA", bodyArea: "CHEEKS" }],
          patient: {},
          protocols: [],
        }),
      ),
    ).toEqual(["concerns.0.indication"]);
  });
});

describe("validatePlanInput", () => {
  const ok: PlanInput = {
    concernIds: ["c1"],
    startOn: "2026-06-01",
    zones: [{ zone: "CHEEKS", depthMm: 1.0, depthMinMm: 0.5, depthMaxMm: 1.5 }],
    sessionsPlanned: 4,
    intervalWeeks: 4,
  };
  it("accepts a plan and defaults the range to the planned depth", () => {
    const { plan } = validatePlanInput({ ...ok, zones: [{ zone: "FOREHEAD", depthMm: 0.25 }] });
    expect(plan.zones).toEqual([{ zone: "FOREHEAD", depthMm: 0.25, depthMinMm: 0.25, depthMaxMm: 0.25 }]);
  });
  it("accepts the device bounds 0.25 and 2.5 mm and rejects just outside", () => {
    expect(() => validatePlanInput({ ...ok, zones: [{ zone: "THIGHS", depthMm: 2.5 }] })).not.toThrow();
    expect(() => validatePlanInput({ ...ok, zones: [{ zone: "NOSE", depthMm: 0.25 }] })).not.toThrow();
    expect(paths(() => validatePlanInput({ ...ok, zones: [{ zone: "THIGHS", depthMm: 2.55 }] }))).toEqual([
      "zones.0.depthMm",
    ]);
    expect(paths(() => validatePlanInput({ ...ok, zones: [{ zone: "NOSE", depthMm: 0.2 }] }))).toEqual([
      "zones.0.depthMm",
    ]);
  });
  it("lists zones planned deeper than their safe default", () => {
    const r = validatePlanInput({ ...ok, zones: [{ zone: "CHEEKS", depthMm: 2.0 }] });
    expect(r.aboveZoneDefault).toEqual(["CHEEKS"]);
  });
  it("rejects duplicate zones, depth outside its own range, bad sessions and intervals", () => {
    expect(
      paths(() =>
        validatePlanInput({
          ...ok,
          zones: [
            { zone: "CHEEKS", depthMm: 1.0 },
            { zone: "CHEEKS", depthMm: 0.5 },
            { zone: "NECK", depthMm: 1.2, depthMinMm: 0.5, depthMaxMm: 1.0 },
          ],
          sessionsPlanned: 25,
          intervalWeeks: 1.5,
        }),
      ),
    ).toEqual(["intervalWeeks", "sessionsPlanned", "zones.1.zone", "zones.2.depthMm"]);
    expect(paths(() => validatePlanInput({ ...ok, zones: [], concernIds: [] }))).toEqual([
      "concernIds",
      "zones",
    ]);
  });
  it("treats at most MAX_CONCERNS_PER_PLAN concerns (a session's transaction holds each one's counters)", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    expect(() => validatePlanInput({ ...ok, concernIds: ids(MAX_CONCERNS_PER_PLAN) })).not.toThrow();
    expect(paths(() => validatePlanInput({ ...ok, concernIds: ids(MAX_CONCERNS_PER_PLAN + 1) }))).toEqual([
      "concernIds",
    ]);
  });
});

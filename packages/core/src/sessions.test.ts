import { afterEach, describe, it, expect, vi } from "vitest";
import {
  AFTERCARE_SEED,
  aftercareSheet,
  adverseEventFlag,
  checkSessionSerums,
  classifyAdverseEvent,
  MAX_DISTINCT_SERUMS_PER_SESSION,
  MAX_SERUMS_PER_SESSION,
  validateAdverseEvent,
  validateRecordSessionInput,
  validateSessionInput,
  type RecordSessionInput,
  type SessionInput,
} from "./sessions";
import { DEFAULT_SETTINGS } from "./settings";
import type { PlanZone } from "./protocols";
import type { Serum } from "./serums";
import { DomainError } from "./errors";

const now = new Date("2026-06-01T12:00:00Z");
const pen: SessionInput = {
  performedOn: "2026-06-01",
  device: "PEN",
  cartridge: { needleCount: 12, lotNumber: "C-1" },
  zones: [{ zone: "CHEEKS", depthMm: 1.0, passes: 3 }],
};
const paths = (input: SessionInput, planZones?: PlanZone[]): string[] => {
  try {
    validateSessionInput(input, { now, ...(planZones ? { planZones } : {}) });
  } catch (e) {
    return (e as DomainError).fields.map((f) => f.path).sort();
  }
  return [];
};

describe("validateSessionInput: device", () => {
  it("accepts a pen session", () => {
    const { session } = validateSessionInput(pen, { now });
    expect(session).toMatchObject({
      device: "PEN",
      cartridge: { needleCount: 12, lotNumber: "C-1" },
      aftercareGiven: false,
    });
  });
  it("requires a cartridge for a pen, with needle count 1–100 whole", () => {
    expect(paths({ ...pen, cartridge: null })).toEqual(["cartridge"]);
    expect(paths({ ...pen, cartridge: { needleCount: 0, lotNumber: "" } })).toEqual([
      "cartridge.lotNumber",
      "cartridge.needleCount",
    ]);
    expect(paths({ ...pen, cartridge: { needleCount: 100, lotNumber: "x" } })).toEqual([]);
    expect(paths({ ...pen, cartridge: { needleCount: 12.5, lotNumber: "x" } })).toEqual([
      "cartridge.needleCount",
    ]);
  });
  it("requires RF settings for RF microneedling and rejects them elsewhere", () => {
    const rf: SessionInput = { ...pen, device: "RF_MICRONEEDLING", cartridge: null };
    expect(paths(rf)).toEqual(["rf"]);
    expect(paths({ ...rf, rf: { energyLevel: 0, pulseDurationMs: 1001 } })).toEqual([
      "rf.energyLevel",
      "rf.pulseDurationMs",
    ]);
    expect(paths({ ...rf, rf: { energyLevel: 30, pulseDurationMs: 150 } })).toEqual([]);
    expect(paths({ ...pen, rf: { energyLevel: 30, pulseDurationMs: 150 } })).toEqual(["rf"]);
  });
  it("accepts a dermaroller without a cartridge", () => {
    expect(paths({ ...pen, device: "DERMAROLLER", cartridge: null })).toEqual([]);
  });
});

describe("validateSessionInput: zones and depth", () => {
  it("accepts 0.25 and 2.5 mm exactly, rejects beyond; passes 1–10", () => {
    expect(
      paths({
        ...pen,
        zones: [
          { zone: "NOSE", depthMm: 0.25, passes: 1 },
          { zone: "THIGHS", depthMm: 2.5, passes: 10 },
        ],
      }),
    ).toEqual([]);
    expect(
      paths({
        ...pen,
        zones: [
          { zone: "NOSE", depthMm: 0.24, passes: 0 },
          { zone: "THIGHS", depthMm: 2.51, passes: 11 },
        ],
      }),
    ).toEqual(["zones.0.depthMm", "zones.0.passes", "zones.1.depthMm", "zones.1.passes"]);
  });
  it("rejects no zones and a zone recorded twice", () => {
    expect(paths({ ...pen, zones: [] })).toEqual(["zones"]);
    expect(
      paths({
        ...pen,
        zones: [
          { zone: "CHEEKS", depthMm: 1, passes: 2 },
          { zone: "CHEEKS", depthMm: 1.5, passes: 2 },
        ],
      }),
    ).toEqual(["zones.1.zone"]);
    // Named twice even when the first entry has a problem of its own.
    expect(
      paths({
        ...pen,
        zones: [
          { zone: "CHEEKS", depthMm: 3, passes: 2 },
          { zone: "CHEEKS", depthMm: 1.5, passes: 2 },
        ],
      }),
    ).toEqual(["zones.0.depthMm", "zones.1.zone"]);
  });
  it("needs a reason when depth is outside the plan's range and reports the deviating zones", () => {
    const plan: PlanZone[] = [{ zone: "CHEEKS", depthMm: 1.0, depthMinMm: 0.75, depthMaxMm: 1.25 }];
    const input: SessionInput = {
      ...pen,
      zones: [
        { zone: "CHEEKS", depthMm: 1.5, passes: 2 },
        { zone: "NECK", depthMm: 0.5, passes: 1 },
      ],
    };
    expect(paths(input, plan)).toEqual(["depthDeviationReason"]);
    const { deviations } = validateSessionInput(
      { ...input, depthDeviationReason: "deeper scars on the left cheek" },
      { now, planZones: plan },
    );
    expect(deviations.map((d) => d.zone)).toEqual(["CHEEKS", "NECK"]);
    expect(deviations[0]).toMatchObject({ plannedMinMm: 0.75, plannedMaxMm: 1.25 });
    expect(deviations[1]?.reason).toMatch(/not in the plan/);
  });
  it("has no deviation at the plan's range bounds", () => {
    const plan: PlanZone[] = [{ zone: "CHEEKS", depthMm: 1.0, depthMinMm: 0.75, depthMaxMm: 1.25 }];
    expect(paths({ ...pen, zones: [{ zone: "CHEEKS", depthMm: 1.25, passes: 2 }] }, plan)).toEqual([]);
    expect(paths({ ...pen, zones: [{ zone: "CHEEKS", depthMm: 0.75, passes: 2 }] }, plan)).toEqual([]);
  });
  it("rejects a future session date and a serum on an untreated zone", () => {
    expect(
      paths({ ...pen, performedOn: "2026-06-02", serums: [{ serumId: "s1", lotNumber: "L", zone: "NECK" }] }),
    ).toEqual(["performedOn", "serums.0.zone"]);
  });
});

describe("adverse events", () => {
  it("validates onset not before the session and not in the future", () => {
    expect(
      paths({
        ...pen,
        adverseEvents: [
          { type: "INFECTION", onsetOn: "2026-05-31", severity: "MILD" },
          { type: "RASH", onsetOn: "2026-06-01", severity: "BAD" },
        ],
      }),
    ).toEqual(["adverseEvents.0.onsetOn", "adverseEvents.1.severity", "adverseEvents.1.type"]);
    expect(() =>
      validateAdverseEvent({ type: "PIH", onsetOn: "2026-06-02", severity: "MILD" }, "2026-05-01", now),
    ).toThrow(DomainError);
    expect(
      validateAdverseEvent(
        { type: "GRANULOMA", onsetOn: "2026-05-20", severity: "MODERATE", serumId: "s1", lotNumber: "L1" },
        "2026-05-01",
        now,
      ),
    ).toMatchObject({ lotNumber: "L1" });
  });
  it("flags erythema past 7 days as abnormal, not at 7", () => {
    const e = { type: "ERYTHEMA_OEDEMA" as const, onsetOn: "2026-05-01" };
    expect(classifyAdverseEvent({ ...e, durationDays: 3 })).toBe("EXPECTED");
    expect(classifyAdverseEvent({ ...e, durationDays: 7 })).toBe("PROLONGED");
    expect(classifyAdverseEvent({ ...e, durationDays: 8 })).toBe("ABNORMAL");
    expect(adverseEventFlag({ ...e, durationDays: 7 })).toBeUndefined();
    expect(adverseEventFlag({ ...e, durationDays: 8 })).toMatch(/abnormal/);
  });
  it("counts ongoing erythema up to today", () => {
    expect(classifyAdverseEvent({ type: "ERYTHEMA_OEDEMA", onsetOn: "2026-05-20" }, "2026-06-01")).toBe(
      "ABNORMAL",
    );
    expect(classifyAdverseEvent({ type: "INFECTION", onsetOn: "2026-05-20", durationDays: 1 })).toBe(
      "ABNORMAL",
    );
  });
});

describe("an ongoing adverse event without a date given", () => {
  afterEach(() => vi.useRealTimers());
  it("is classified against today, so redness still there 60 days on is not EXPECTED", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-30T12:00:00Z"));
    const e = { type: "ERYTHEMA_OEDEMA" as const, onsetOn: "2026-05-01" };
    expect(classifyAdverseEvent(e)).toBe("ABNORMAL");
    expect(adverseEventFlag(e)).toMatch(/abnormal/);
    expect(classifyAdverseEvent({ ...e, onsetOn: "2026-06-29" })).toBe("EXPECTED");
    expect(classifyAdverseEvent({ ...e, onsetOn: "2026-06-25" })).toBe("PROLONGED");
    // A resolved event keeps the duration it lasted.
    expect(classifyAdverseEvent({ ...e, durationDays: 2 })).toBe("EXPECTED");
  });
});

describe("checkSessionSerums", () => {
  it("checks each serum and blocks unknown ones", () => {
    const cat: Serum[] = [
      {
        id: "vc",
        name: "Vitamin C",
        ingredients: ["Ascorbic acid"],
        allergens: [],
        clearance: "TOPICAL_AFTER_HEALING",
        lots: [{ lotNumber: "V1", expiresOn: "2027-01-01" }],
      },
    ];
    const fs = checkSessionSerums({
      serums: [
        { serumId: "vc", lotNumber: "V1", zone: "CHEEKS" },
        { serumId: "nope", lotNumber: "X", zone: "CHEEKS" },
      ],
      catalogue: cat,
      patient: { allergies: [] },
      onDate: "2026-06-01",
    });
    expect(fs.map((f) => [f.path, f.code])).toEqual([
      ["serums.0", "SERUM_NOT_CLEARED_FOR_NEEDLING"],
      ["serums.0", "SERUM_ACTIVE_ON_NEEDLED_SKIN"],
      ["serums.1", "SERUM_UNKNOWN"],
    ]);
  });
});

describe("aftercare", () => {
  it("keeps the seed's advice in order", () => {
    expect(AFTERCARE_SEED[0]).toMatch(/gentle/);
    expect(AFTERCARE_SEED.join(" ")).toMatch(/SPF/);
    expect(AFTERCARE_SEED.join(" ")).toMatch(/make-up for 24 hours/);
  });
  it("fills in the clinic's numbers, the restart date and the clinic's own text", () => {
    const lines = aftercareSheet(
      { ...DEFAULT_SETTINGS, activesAfterNeedlingDays: 5, aftercareText: "Call 0123 456 if worried.\n\n" },
      { performedOn: "2026-06-01" },
    );
    expect(lines).toContain(
      "No actives (retinoids, acids, vitamin C) for 5 days (restart on 2026-06-06 at the earliest).",
    );
    expect(lines.some((l) => /about 6 months/.test(l))).toBe(true);
    expect(lines.some((l) => /more than 7 days/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe("Call 0123 456 if worried.");
    expect(lines).toHaveLength(AFTERCARE_SEED.length + 2);
  });
});

describe("validateRecordSessionInput", () => {
  const rescreen = {
    activeSkinInfection: false,
    activeAcneInArea: false,
    activeHerpesOutbreak: false,
    openWounds: false,
    pregnantOrBreastfeeding: false,
    eczemaPsoriasisRosaceaFlareInArea: false,
    sunburn: false,
  };
  const record: RecordSessionInput = { ...pen, planId: "p|2026-05-01|plan", siteId: "harbour", rescreen };
  const applied = (n: number, distinct: number) =>
    Array.from({ length: n }, (_, i) => ({
      serumId: `serum-${i % distinct}`,
      lotNumber: `L-${i}`,
      zone: "CHEEKS",
    }));
  const problems = (input: RecordSessionInput): { path: string; reason: string }[] => {
    try {
      validateRecordSessionInput(input, { now });
    } catch (e) {
      return (e as DomainError).fields;
    }
    return [];
  };

  it("accepts a session within the caps and returns the day's answers", () => {
    const v = validateRecordSessionInput(
      { ...record, serums: applied(MAX_SERUMS_PER_SESSION, MAX_DISTINCT_SERUMS_PER_SESSION) },
      { now },
    );
    expect(v.session.serums).toHaveLength(MAX_SERUMS_PER_SESSION);
    expect(v.answers.sunburn).toBe(false);
  });

  it("caps the serum applications and the different serums of a session", () => {
    expect(problems({ ...record, serums: applied(MAX_SERUMS_PER_SESSION + 1, 1) })).toEqual([
      { path: "serums", reason: `at most ${MAX_SERUMS_PER_SESSION} serum applications per session` },
    ]);
    expect(problems({ ...record, serums: applied(MAX_DISTINCT_SERUMS_PER_SESSION + 1, 99) })).toEqual([
      { path: "serums", reason: `at most ${MAX_DISTINCT_SERUMS_PER_SESSION} different serums per session` },
    ]);
  });

  it("refuses the same lot twice on a zone, whatever its case", () => {
    const twice = [
      { serumId: "s", lotNumber: "l-1", zone: "CHEEKS" },
      { serumId: "s", lotNumber: " L-1 ", zone: "CHEEKS" },
      { serumId: "s", lotNumber: "L-1", zone: "FOREHEAD" },
    ];
    const zones = [...pen.zones, { zone: "FOREHEAD", depthMm: 0.5, passes: 2 }];
    expect(problems({ ...record, zones, serums: twice }).map((f) => f.path)).toEqual(["serums.1"]);
  });

  it("lists every problem at once: plan, site, override, session fields and screening answers", () => {
    const paths = problems({
      ...record,
      planId: "",
      siteId: "",
      device: "NONE",
      serums: [{ serumId: "s", lotNumber: "L", zone: "CHEEKS", overrideReason: "x".repeat(1001) }],
      overrides: [{ code: "KELOID_TENDENCY", reason: " " }],
      rescreen: { ...rescreen, sunburn: undefined },
    }).map((f) => f.path);
    expect(paths).toEqual([
      "planId",
      "siteId",
      "serums.0.overrideReason",
      "overrides.0.reason",
      "device",
      "rescreen.sunburn",
    ]);
  });

  it("refuses a serum override reason that says nothing; an empty one means no override", () => {
    const serum = (overrideReason: string) => ({
      ...record,
      serums: [{ serumId: "s", lotNumber: "L", zone: "CHEEKS", overrideReason }],
    });
    const weak = problems(serum("test"));
    expect(weak.map((f) => f.path)).toEqual(["serums.0.overrideReason"]);
    expect(weak[0]?.reason).toContain("not a placeholder");
    expect(problems(serum("n/a")).map((f) => f.path)).toEqual(["serums.0.overrideReason"]);
    expect(problems(serum(" "))).toEqual([]);
    expect(problems(serum("Patch test clear; applied after needling on intact skin"))).toEqual([]);
  });

  it("screens the answers on the session day, today when that day is not a date", () => {
    const dated = { ...rescreen, toxinDate: "2026-06-02" };
    expect(problems({ ...record, rescreen: dated }).map((f) => f.path)).toEqual(["rescreen.toxinDate"]);
  });
});

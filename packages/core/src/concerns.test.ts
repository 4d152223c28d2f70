import { describe, it, expect } from "vitest";
import { ICD10, INDICATIONS, ZONES, ZONE_DEPTHS, validateConcernInput } from "./concerns";
import { type DomainError } from "./errors";

const now = new Date("2026-06-01T12:00:00Z");

describe("zone depth defaults", () => {
  it("uses DOMAIN.md's facial zone ranges", () => {
    expect(ZONE_DEPTHS.FOREHEAD).toEqual({ minMm: 0.25, maxMm: 0.5 });
    expect(ZONE_DEPTHS.CHEEKS).toEqual({ minMm: 0.5, maxMm: 1.5 });
    expect(ZONE_DEPTHS.PERIORBITAL.maxMm).toBe(0.3);
    expect(ZONE_DEPTHS.NOSE).toEqual({ minMm: 0.25, maxMm: 0.5 });
    expect(ZONE_DEPTHS.NECK).toEqual({ minMm: 0.5, maxMm: 1.0 });
  });
  it("keeps every zone inside the device range 0.25–2.5 mm", () => {
    for (const z of ZONES) {
      const r = ZONE_DEPTHS[z];
      expect(r.minMm).toBeGreaterThanOrEqual(0.25);
      expect(r.maxMm).toBeLessThanOrEqual(2.5);
      expect(r.minMm).toBeLessThanOrEqual(r.maxMm);
    }
  });
});

describe("ICD-10 codes", () => {
  it("maps DOMAIN.md's codes; acne scarring is a scar, not active acne", () => {
    expect(ICD10.ACNE_SCARRING?.code).toBe("L90.5");
    expect(ICD10.ALOPECIA?.code).toBe("L64.9");
    expect(ICD10.MELASMA?.code).toBe("L81.1");
    expect(ICD10.STRETCH_MARKS?.code).toBe("L90.6");
    expect(ICD10.ROSACEA?.code).toBe("L71.9");
    expect(ICD10.REJUVENATION).toBeNull();
    expect(INDICATIONS).not.toContain("ACNE_ACTIVE");
  });
});

describe("validateConcernInput", () => {
  it("accepts a concern with a fitting baseline and defaults status and date", () => {
    const c = validateConcernInput(
      {
        indication: "ACNE_SCARRING",
        bodyArea: "CHEEKS",
        baselineScale: "GOODMAN_BARON_QUANTITATIVE",
        baselineScore: 42,
      },
      now,
    );
    expect(c).toMatchObject({ status: "ACTIVE", baselineOn: "2026-06-01", baselineScore: 42 });
  });
  it("rejects a scale that does not measure the indication", () => {
    expect(() =>
      validateConcernInput(
        { indication: "ALOPECIA", bodyArea: "SCALP", baselineScale: "MMASI", baselineScore: 3 },
        now,
      ),
    ).toThrow(/does not measure alopecia/);
  });
  it("rejects a score outside the scale and GAIS as a baseline", () => {
    try {
      validateConcernInput(
        { indication: "WRINKLES", bodyArea: "FOREHEAD", baselineScale: "GAIS", baselineScore: 7 },
        now,
      );
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe("BAD_USER_INPUT");
      const reasons = (e as DomainError).fields.map((f) => `${f.path}: ${f.reason}`);
      expect(reasons.some((r) => r.startsWith("baselineScore"))).toBe(true);
      expect(reasons.some((r) => /rates change/.test(r))).toBe(true);
    }
  });
  it("rejects unknown area, status and a future baseline date", () => {
    try {
      validateConcernInput(
        {
          indication: "MELASMA",
          bodyArea: "FACE",
          baselineScale: "MMASI",
          baselineScore: 8.5,
          status: "OPEN",
          baselineOn: "2026-06-02",
        },
        now,
      );
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).fields.map((f) => f.path).sort()).toEqual([
        "baselineOn",
        "bodyArea",
        "status",
      ]);
    }
  });
});

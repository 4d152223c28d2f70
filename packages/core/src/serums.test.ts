import { describe, it, expect } from "vitest";
import {
  SERUM_CATALOGUE_SEED,
  checkSerumApplication,
  lotUsable,
  serumsMatching,
  validateLotInput,
  validateSerumInput,
  type Serum,
  type SerumCheckInput,
} from "./serums";
import { blocking } from "./contraindications";
import { DomainError } from "./errors";

const ha: Serum = {
  id: "s1",
  name: "Hyaluronic acid serum",
  ingredients: ["Sodium hyaluronate", "Water"],
  allergens: [],
  clearance: "CLEARED_FOR_NEEDLING",
  sterile: true,
  lots: [{ lotNumber: "HA-001", expiresOn: "2026-06-30" }],
};
const vitC: Serum = {
  id: "s2",
  name: "Vitamin C serum",
  ingredients: ["L-Ascorbic acid", "Ferulic acid"],
  allergens: ["Fragrance"],
  clearance: "TOPICAL_AFTER_HEALING",
  lots: [{ lotNumber: "VC-9", expiresOn: "2027-01-01" }],
};
const base: SerumCheckInput = {
  patient: { allergies: [] },
  serum: ha,
  lotNumber: "HA-001",
  onDate: "2026-06-01",
  duringNeedling: true,
};
const codes = (input: Partial<SerumCheckInput>): string[] =>
  checkSerumApplication({ ...base, ...input }).map((f) => f.code);

describe("checkSerumApplication", () => {
  it("passes a cleared serum with a valid lot", () => {
    expect(checkSerumApplication(base)).toEqual([]);
  });
  it("blocks an allergy and warns on a sensitivity, case-insensitively, on ingredients and allergens", () => {
    const fs = checkSerumApplication({
      ...base,
      serum: vitC,
      lotNumber: "VC-9",
      duringNeedling: false,
      patient: {
        allergies: [
          { substance: "SODIUM HYALURONATE", kind: "ALLERGY", severity: "SEVERE" },
          { substance: "vitamin c", kind: "ALLERGY", severity: "MODERATE" },
          { substance: "fragrance", kind: "SENSITIVITY", severity: "MILD" },
        ],
      },
    });
    expect(fs.map((f) => [f.code, f.level])).toEqual([
      ["SERUM_ALLERGY", "BLOCK"],
      ["SERUM_SENSITIVITY", "WARN"],
    ]);
    expect(fs[0]?.reason).toContain("L-Ascorbic acid");
    expect(
      codes({
        patient: { allergies: [{ substance: "sodium HYALURONATE", kind: "ALLERGY", severity: "MILD" }] },
      }),
    ).toEqual(["SERUM_ALLERGY"]);
  });
  it("blocks a topical-only serum during needling with the granuloma reason", () => {
    const fs = checkSerumApplication({ ...base, serum: vitC, lotNumber: "VC-9" });
    const f = fs.find((x) => x.code === "SERUM_NOT_CLEARED_FOR_NEEDLING");
    expect(f?.level).toBe("BLOCK");
    expect(f?.reason).toMatch(/granuloma/i);
  });
  it("blocks actives during needling and within the pause after, but not once it has passed", () => {
    expect(codes({ serum: vitC, lotNumber: "VC-9" })).toContain("SERUM_ACTIVE_ON_NEEDLED_SKIN");
    const after = { serum: vitC, lotNumber: "VC-9", duringNeedling: false, lastNeedledOn: "2026-05-26" };
    expect(codes({ ...after, onDate: "2026-06-01" })).toEqual(["SERUM_ACTIVE_ON_NEEDLED_SKIN"]); // day 6 of 7
    expect(codes({ ...after, onDate: "2026-06-02" })).toEqual([]); // day 7: pause over
  });
  it("treats the expiry day as still valid and the next day as expired, never overridable", () => {
    expect(codes({ onDate: "2026-06-30" })).toEqual([]);
    const fs = checkSerumApplication({ ...base, onDate: "2026-07-01" });
    expect(fs).toEqual([
      expect.objectContaining({ code: "LOT_EXPIRED", level: "BLOCK", overridable: false }),
    ]);
    expect(blocking(fs, [{ code: "LOT_EXPIRED", reason: "only a day", by: "u", at: "t" }])).toHaveLength(1);
    expect(lotUsable({ lotNumber: "x", expiresOn: "2026-06-30" }, "2026-06-30")).toBe(true);
  });
  it("blocks an unknown or missing lot; lot numbers match case-insensitively", () => {
    expect(codes({ lotNumber: "HA-999" })).toEqual(["LOT_UNKNOWN"]);
    expect(codes({ lotNumber: "  " })).toEqual(["LOT_MISSING"]);
    expect(codes({ lotNumber: "ha-001" })).toEqual([]);
  });
});

describe("validateSerumInput", () => {
  it("accepts the seed catalogue", () => {
    for (const s of SERUM_CATALOGUE_SEED) expect(() => validateSerumInput(s)).not.toThrow();
  });
  it("rejects clearing a non-sterile or active-containing serum for needling", () => {
    try {
      validateSerumInput({
        name: "Vit C",
        ingredients: ["Ascorbic acid"],
        clearance: "CLEARED_FOR_NEEDLING",
        sterile: false,
      });
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).fields.map((f) => f.path).sort()).toEqual(["clearance", "sterile"]);
    }
  });
  it("requires a name, an ingredient and a known clearance; removes duplicates", () => {
    expect(() => validateSerumInput({ name: "", ingredients: [], clearance: "MAYBE" })).toThrow(DomainError);
    expect(
      validateSerumInput({ name: "HA", ingredients: ["Water", "water"], clearance: "CLEARED_FOR_NEEDLING" })
        .ingredients,
    ).toEqual(["Water"]);
  });
});

describe("validateLotInput", () => {
  it("rejects duplicate lots and bad dates", () => {
    expect(() => validateLotInput({ lotNumber: "ha-001", expiresOn: "2027-01-01" }, ha.lots)).toThrow(
      /already/,
    );
    expect(() => validateLotInput({ lotNumber: "X", expiresOn: "2027-02-30" })).toThrow(DomainError);
    expect(validateLotInput({ lotNumber: " X1 ", expiresOn: "2027-02-28" })).toEqual({
      lotNumber: "X1",
      expiresOn: "2027-02-28",
    });
  });
});

describe("serumsMatching", () => {
  it("matches protocol tags against names and ingredients", () => {
    expect(serumsMatching(["hyaluronic acid"], [ha, vitC]).map((s) => s.id)).toEqual(["s1"]);
    expect(serumsMatching(["vitamin c"], [ha, vitC]).map((s) => s.id)).toEqual(["s2"]);
  });
});

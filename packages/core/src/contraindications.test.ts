import { describe, it, expect } from "vitest";
import {
  SCREENING_QUESTIONS,
  applyOverrides,
  assertClear,
  blocking,
  carriedOverrides,
  rescreenBeforeSession,
  screen,
  validateScreeningAnswers,
  type ContraindicationFinding,
  type ScreenInput,
  type ScreeningAnswers,
} from "./contraindications";
import { DEFAULT_SETTINGS } from "./settings";
import { type DomainError } from "./errors";

const NO: ScreeningAnswers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};
const clean: ScreenInput["patient"] = { allergies: [], medications: [], historyFlags: [], fitzpatrick: "II" };
const run = (over: Partial<ScreenInput> = {}): ContraindicationFinding[] =>
  screen({ patient: clean, answers: NO, settings: DEFAULT_SETTINGS, onDate: "2026-06-01", ...over });
const codes = (fs: ContraindicationFinding[]): string[] => fs.map((f) => f.code).sort();
const find = (fs: ContraindicationFinding[], code: string) => fs.find((f) => f.code === code);

describe("screen: answers of the day", () => {
  it("finds nothing for a clean patient", () => {
    expect(run()).toEqual([]);
  });
  it("blocks each active condition with a readable reason and source", () => {
    const fs = run({
      answers: {
        ...NO,
        activeSkinInfection: true,
        activeAcneInArea: true,
        activeHerpesOutbreak: true,
        openWounds: true,
        pregnantOrBreastfeeding: true,
        eczemaPsoriasisRosaceaFlareInArea: true,
      },
      area: ["CHEEKS"],
    });
    expect(codes(fs)).toEqual([
      "ACTIVE_ACNE",
      "ACTIVE_HERPES",
      "ACTIVE_SKIN_INFECTION",
      "OPEN_WOUNDS",
      "PREGNANT_OR_BREASTFEEDING",
      "SKIN_FLARE_IN_AREA",
    ]);
    expect(fs.every((f) => f.level === "BLOCK" && f.overridable)).toBe(true);
    expect(find(fs, "PREGNANT_OR_BREASTFEEDING")?.source).toBe("screening answer: pregnant or breastfeeding");
    expect(find(fs, "ACTIVE_ACNE")?.reason).toContain("(cheeks)");
  });
  it("warns for sunburn", () => {
    expect(find(run({ answers: { ...NO, sunburn: true } }), "SUNBURN")?.level).toBe("WARN");
  });
});

describe("screen: waiting periods (boundary days)", () => {
  it("blocks isotretinoin until exactly 6 months after stopping", () => {
    const patient = {
      ...clean,
      medications: [{ name: "Roaccutane", class: "ISOTRETINOIN" as const, stoppedOn: "2026-03-01" }],
    };
    const dayBefore = run({ patient, onDate: "2026-08-31" });
    expect(find(dayBefore, "ISOTRETINOIN")).toMatchObject({ level: "BLOCK" });
    expect(find(dayBefore, "ISOTRETINOIN")?.source).toBe(
      "medication: Roaccutane (isotretinoin) stopped 2026-03-01; clinic setting: isotretinoinMonths=6, isotretinoinLevel=BLOCK",
    );
    expect(find(run({ patient, onDate: "2026-09-01" }), "ISOTRETINOIN")).toBeUndefined();
  });
  it("blocks current isotretinoin and downgrades to WARN when the clinic says so", () => {
    const patient = {
      ...clean,
      medications: [{ name: "Isotretinoin 20 mg", class: "ISOTRETINOIN" as const }],
    };
    expect(find(run({ patient }), "ISOTRETINOIN")?.level).toBe("BLOCK");
    const warnOnly = run({ patient, settings: { ...DEFAULT_SETTINGS, isotretinoinLevel: "WARN" } });
    expect(find(warnOnly, "ISOTRETINOIN")?.level).toBe("WARN");
    expect(blocking(warnOnly)).toEqual([]);
  });
  it("follows the clinic's isotretinoin months", () => {
    const patient = {
      ...clean,
      medications: [{ name: "Roaccutane", class: "ISOTRETINOIN" as const, stoppedOn: "2026-03-01" }],
    };
    const s = { ...DEFAULT_SETTINGS, isotretinoinMonths: 3 };
    expect(find(run({ patient, settings: s, onDate: "2026-05-31" }), "ISOTRETINOIN")).toBeDefined();
    expect(find(run({ patient, settings: s, onDate: "2026-06-01" }), "ISOTRETINOIN")).toBeUndefined();
  });
  it("blocks chemo/radiotherapy within 3 months of the last treatment", () => {
    expect(
      find(run({ answers: { ...NO, chemoOrRadiotherapyDate: "2026-03-02" } }), "CHEMO_RADIOTHERAPY")?.level,
    ).toBe("BLOCK");
    expect(
      find(run({ answers: { ...NO, chemoOrRadiotherapyDate: "2026-03-01" } }), "CHEMO_RADIOTHERAPY"),
    ).toBeUndefined();
    expect(
      find(run({ answers: { ...NO, chemoOrRadiotherapyCurrent: true } }), "CHEMO_RADIOTHERAPY"),
    ).toBeDefined();
    const patient = { ...clean, medications: [{ name: "Capecitabine", class: "CHEMOTHERAPY" as const }] };
    expect(find(run({ patient }), "CHEMO_RADIOTHERAPY")?.source).toContain("Capecitabine");
  });
  it("warns for toxin until day 14 and filler until day 28 (defaults)", () => {
    expect(find(run({ answers: { ...NO, toxinDate: "2026-05-19" } }), "RECENT_TOXIN")?.level).toBe("WARN");
    expect(find(run({ answers: { ...NO, toxinDate: "2026-05-18" } }), "RECENT_TOXIN")).toBeUndefined();
    expect(find(run({ answers: { ...NO, fillerDate: "2026-05-05" } }), "RECENT_FILLER")).toBeDefined();
    expect(find(run({ answers: { ...NO, fillerDate: "2026-05-04" } }), "RECENT_FILLER")).toBeUndefined();
  });
  it("warns for a peel, laser or retinoid within 7 days", () => {
    expect(find(run({ answers: { ...NO, peelLaserDate: "2026-05-26" } }), "RECENT_PEEL_LASER")).toBeDefined();
    expect(
      find(run({ answers: { ...NO, peelLaserDate: "2026-05-25" } }), "RECENT_PEEL_LASER"),
    ).toBeUndefined();
    const patient = {
      ...clean,
      medications: [{ name: "Tretinoin cream", class: "TOPICAL_RETINOID" as const, stoppedOn: "2026-05-30" }],
    };
    expect(find(run({ patient }), "RECENT_RETINOID")?.level).toBe("WARN");
  });
});

describe("screen: history, medications and allergies", () => {
  it("blocks keloid tendency, bleeding disorder, immunosuppression and uncontrolled diabetes", () => {
    const fs = run({
      patient: {
        ...clean,
        historyFlags: [
          "KELOID_TENDENCY",
          "BLEEDING_DISORDER",
          "IMMUNOSUPPRESSION",
          "DIABETES_UNCONTROLLED",
          "DIABETES_CONTROLLED",
        ],
      },
    });
    expect(codes(fs)).toEqual([
      "BLEEDING_DISORDER",
      "IMMUNOSUPPRESSION",
      "KELOID_TENDENCY",
      "UNCONTROLLED_DIABETES",
    ]);
    expect(find(fs, "KELOID_TENDENCY")?.source).toBe("history: keloid tendency");
  });
  it("blocks current anticoagulants but not stopped ones", () => {
    const current = { ...clean, medications: [{ name: "Warfarin", class: "ANTICOAGULANT" as const }] };
    expect(find(run({ patient: current }), "ANTICOAGULANT")?.level).toBe("BLOCK");
    const stopped = {
      ...clean,
      medications: [{ name: "Apixaban", class: "ANTICOAGULANT" as const, stoppedOn: "2026-05-01" }],
    };
    expect(find(run({ patient: stopped }), "ANTICOAGULANT")).toBeUndefined();
  });
  it("blocks nickel and anaesthetic allergies, case-insensitively, and warns for sensitivities", () => {
    const fs = run({
      patient: {
        ...clean,
        allergies: [
          { substance: "NICKEL", kind: "ALLERGY", severity: "MODERATE" },
          { substance: "Lidocaine", kind: "SENSITIVITY", severity: "MILD" },
        ],
      },
    });
    expect(find(fs, "METAL_ALLERGY")).toMatchObject({ level: "BLOCK", source: "allergy: NICKEL" });
    expect(find(fs, "ANAESTHETIC_ALLERGY")).toMatchObject({
      level: "WARN",
      source: "sensitivity: Lidocaine",
    });
  });
  it("merges two sources of one code into one finding, BLOCK winning", () => {
    const fs = run({
      patient: {
        ...clean,
        historyFlags: ["ANAESTHETIC_ALLERGY"],
        allergies: [{ substance: "lignocaine", kind: "SENSITIVITY", severity: "MILD" }],
      },
    });
    const f = fs.filter((x) => x.code === "ANAESTHETIC_ALLERGY");
    expect(f).toHaveLength(1);
    expect(f[0]?.level).toBe("BLOCK");
    expect(f[0]?.source).toBe("history: anaesthetic allergy; sensitivity: lignocaine");
  });
  it("warns for herpes history (antiviral prophylaxis) on the face, not on the thighs", () => {
    const patient = { ...clean, historyFlags: ["HERPES_SIMPLEX_HISTORY" as const] };
    expect(find(run({ patient, area: ["PERIORAL"] }), "HERPES_HISTORY")?.reason).toMatch(
      /antiviral prophylaxis/,
    );
    expect(find(run({ patient, area: ["THIGHS"] }), "HERPES_HISTORY")).toBeUndefined();
  });
  it("warns for Fitzpatrick IV–VI only", () => {
    expect(find(run({ patient: { ...clean, fitzpatrick: "III" } }), "FITZPATRICK_PIH_RISK")).toBeUndefined();
    const f = find(run({ patient: { ...clean, fitzpatrick: "IV" } }), "FITZPATRICK_PIH_RISK");
    expect(f?.level).toBe("WARN");
    expect(f?.reason).toMatch(/conservative depth/);
    expect(find(run({ patient: { ...clean, fitzpatrick: "VI" } }), "FITZPATRICK_PIH_RISK")).toBeDefined();
  });
});

describe("overrides", () => {
  const fs = run({ answers: { ...NO, pregnantOrBreastfeeding: true, sunburn: true } });
  const at = "2026-06-01T10:00:00Z";
  it("leaves blocks without overrides", () => {
    expect(blocking(fs).map((f) => f.code)).toEqual(["PREGNANT_OR_BREASTFEEDING"]);
  });
  it("resolves a block with a reasoned override", () => {
    const o = {
      code: "PREGNANT_OR_BREASTFEEDING",
      reason: "Stopped breastfeeding last week, confirmed",
      by: "u1",
      at,
    };
    expect(blocking(fs, [o])).toEqual([]);
    expect(applyOverrides(fs, [o]).overridden[0]?.override).toBe(o);
  });
  it("rejects an override without a reason or for a code that was not found", () => {
    const out = applyOverrides(fs, [
      { code: "PREGNANT_OR_BREASTFEEDING", reason: "  ", by: "u1", at },
      { code: "KELOID_TENDENCY", reason: "fine", by: "u1", at },
    ]);
    expect(out.rejected.map((r) => r.reason)).toEqual([
      "an override needs a reason",
      "there is no finding KELOID_TENDENCY to override",
    ]);
    expect(out.unresolved.map((f) => f.code)).toContain("PREGNANT_OR_BREASTFEEDING");
  });
  it("never overrides a non-overridable finding", () => {
    const hard: ContraindicationFinding = {
      code: "LOT_EXPIRED",
      level: "BLOCK",
      reason: "expired",
      source: "lot",
      overridable: false,
    };
    expect(blocking([hard], [{ code: "LOT_EXPIRED", reason: "please", by: "u1", at }])).toHaveLength(1);
  });
  it("assertClear throws CONTRAINDICATED for remaining blocks and BAD_USER_INPUT for bad overrides", () => {
    expect(() => assertClear(fs)).toThrow(expect.objectContaining({ code: "CONTRAINDICATED" }));
    try {
      assertClear(fs, [{ code: "PREGNANT_OR_BREASTFEEDING", reason: "", by: "u1", at }]);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe("BAD_USER_INPUT");
      expect((e as DomainError).fields[0]?.path).toBe("overrides.0");
    }
    expect(
      assertClear(fs, [
        { code: "PREGNANT_OR_BREASTFEEDING", reason: "confirmed not pregnant", by: "u1", at },
      ]).unresolved.map((f) => f.code),
    ).toEqual(["SUNBURN"]);
  });
});

describe("rescreenBeforeSession", () => {
  it("reports new, changed, resolved and carries over overrides only for unchanged findings", () => {
    const before = run({ answers: { ...NO, sunburn: true }, patient: { ...clean, fitzpatrick: "V" } });
    const after = run({
      answers: { ...NO, activeHerpesOutbreak: true },
      patient: { ...clean, fitzpatrick: "V", medications: [{ name: "Roaccutane", class: "ISOTRETINOIN" }] },
    });
    const r = rescreenBeforeSession(before, after);
    expect(r.added.map((f) => f.code).sort()).toEqual(["ACTIVE_HERPES", "ISOTRETINOIN"]);
    expect(r.resolved.map((f) => f.code)).toEqual(["SUNBURN"]);
    expect(r.unchanged.map((f) => f.code)).toEqual(["FITZPATRICK_PIH_RISK"]);
    expect(r.needsAttention).toBe(true);
    const overrides = [
      { code: "FITZPATRICK_PIH_RISK", reason: "0.5 mm only", by: "u1", at: "x" },
      { code: "SUNBURN", reason: "mild", by: "u1", at: "x" },
    ];
    expect(carriedOverrides(r, overrides).map((o) => o.code)).toEqual(["FITZPATRICK_PIH_RISK"]);
  });
  it("flags a finding whose source changed", () => {
    const a = run({ patient: { ...clean, medications: [{ name: "Warfarin", class: "ANTICOAGULANT" }] } });
    const b = run({ patient: { ...clean, medications: [{ name: "Rivaroxaban", class: "ANTICOAGULANT" }] } });
    const r = rescreenBeforeSession(a, b);
    expect(r.changed).toHaveLength(1);
    expect(r.needsAttention).toBe(true);
  });
});

describe("SCREENING_QUESTIONS / validateScreeningAnswers", () => {
  it("covers every answer key once", () => {
    const keys = SCREENING_QUESTIONS.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(Object.keys(NO)));
    expect(SCREENING_QUESTIONS.every((q) => q.label.length > 0 && q.help.length > 0)).toBe(true);
  });
  it("never treats an unanswered yes/no as 'no'", () => {
    try {
      validateScreeningAnswers(
        { ...NO, pregnantOrBreastfeeding: undefined, toxinDate: "2026-06-02" },
        "2026-06-01",
      );
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).fields.map((f) => f.path).sort()).toEqual([
        "pregnantOrBreastfeeding",
        "toxinDate",
      ]);
    }
  });
  it("fills optional answers", () => {
    const a = validateScreeningAnswers({ ...NO, fillerDate: "2026-05-01" }, "2026-06-01");
    expect(a.fillerDate).toBe("2026-05-01");
    expect(a.chemoOrRadiotherapyCurrent).toBe(false);
    expect(a.toxinDate).toBeNull();
  });
});

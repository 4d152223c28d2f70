import { describe, expect, it } from "vitest";
import {
  SCAR_SCALES,
  baselineStatus,
  scarImprovement,
  validateScarScore,
  type ScarScaleId,
} from "./scar-scales";

describe("scar scales", () => {
  it.each<[ScarScaleId, number, boolean]>([
    ["VANCOUVER", 0, true],
    ["VANCOUVER", 13, true],
    ["VANCOUVER", 14, false],
    ["VANCOUVER", 6.5, false],
    ["ECCA", 540, true],
    ["ECCA", 541, false],
    ["POSAS3_OBSERVER", 2.4, true],
    ["POSAS3_PATIENT", 0, false],
  ])("%s %s valid: %s", (scale, score, ok) => {
    expect(validateScarScore(scale, score) === undefined).toBe(ok);
  });
  it("all are lower-is-better, with the POSAS parts rated by observer and patient", () => {
    expect(Object.values(SCAR_SCALES).every((s) => s.better === "LOWER")).toBe(true);
    expect(SCAR_SCALES.POSAS3_OBSERVER.raters).toEqual(["CLINICIAN"]);
    expect(SCAR_SCALES.POSAS3_PATIENT.raters).toEqual(["PATIENT"]);
    expect(SCAR_SCALES.ECCA.indications).toEqual(["ACNE_SCARRING"]);
    expect(scarImprovement("ECCA", 200, 120)).toBe(80);
    expect(scarImprovement("VANCOUVER", 5, 7)).toBe(-2);
  });
});

describe("baselineStatus", () => {
  const sessions = [
    { id: "s2", performedOn: "2026-03-01" },
    { id: "s1", performedOn: "2026-02-01" },
  ];
  it.each<[string, { assessedOn: string; sessionId?: string }, string]>([
    // Accepted before: a first score after treatment began became the baseline.
    [
      "a first score after the first session has no pre-treatment baseline",
      { assessedOn: "2026-02-15" },
      "NO_PRE_TREATMENT_BASELINE",
    ],
    ["a first score before the first session is the baseline", { assessedOn: "2026-01-20" }, "PRE_TREATMENT"],
    [
      "the day of the first session, not tied to it, counts as before",
      { assessedOn: "2026-02-01" },
      "PRE_TREATMENT",
    ],
    [
      "recorded at the first session, it is after",
      { assessedOn: "2026-02-01", sessionId: "s1" },
      "NO_PRE_TREATMENT_BASELINE",
    ],
  ])("%s", (_name, firstScore, status) => {
    const b = baselineStatus({ firstScore, sessions });
    expect(b.status).toBe(status);
    if (status !== "PRE_TREATMENT") expect(b.reason).toContain("2026-02-01");
  });
  it("with no session yet, the first score is the baseline", () => {
    expect(baselineStatus({ firstScore: { assessedOn: "2026-05-01" }, sessions: [] }).status).toBe(
      "PRE_TREATMENT",
    );
  });
});

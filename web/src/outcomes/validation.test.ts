import { describe, expect, it } from "vitest";
import { Scales } from "../../../packages/core/src";
import { validateAssessment } from "./OutcomesPage";

const concern = {
  id: "C1",
  indication: "ACNE_SCARRING" as const,
  bodyArea: "CHEEKS" as const,
  baselineScale: "GOODMAN_BARON_QUALITATIVE" as const,
  baselineScore: 3,
  baselineLabel: "Moderate",
  baselineOn: "2026-10-05",
  status: "ACTIVE" as const,
};
const NOW = new Date("2026-11-25T12:00:00Z");

function core(input: Parameters<typeof Scales.validateAssessmentInput>[0]): Record<string, string> {
  try {
    Scales.validateAssessmentInput(input, { indication: "ACNE_SCARRING", baselineOn: "2026-10-05" }, NOW);
    return {};
  } catch (e) {
    return Object.fromEntries(
      ((e as { fields: { path: string; reason: string }[] }).fields ?? []).map((f) => [f.path, f.reason]),
    );
  }
}

describe("the assessment form validates like the API", () => {
  it("refuses a scale that does not measure the concern, a score off the scale and a rater it does not take", () => {
    const cases = [
      { scale: "MMASI" as const, score: 4, rater: "CLINICIAN" as const, assessedOn: "2026-11-20" },
      {
        scale: "GOODMAN_BARON_QUALITATIVE" as const,
        score: 5,
        rater: "PATIENT" as const,
        assessedOn: "2026-11-20",
      },
      {
        scale: "GOODMAN_BARON_QUANTITATIVE" as const,
        score: 12.5,
        rater: "CLINICIAN" as const,
        assessedOn: "2026-10-01",
      },
      { scale: "GAIS" as const, score: 2, rater: "PATIENT" as const, assessedOn: "2026-11-26" },
      { scale: "SATISFACTION" as const, score: 8, rater: "PATIENT" as const, assessedOn: "2026-11-25" },
    ];
    for (const c of cases) {
      const mine = validateAssessment({ concernId: "C1", sessionId: "", notes: "", ...c }, concern, NOW);
      expect(mine).toEqual(core(c));
    }
  });
});

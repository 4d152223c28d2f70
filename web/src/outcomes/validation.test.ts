import { describe, expect, it } from "vitest";
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
const form = { concernId: "C1", sessionId: "", notes: "" };

describe("the assessment form", () => {
  it("refuses a scale that does not measure the concern, a score off the scale and a rater it does not take", () => {
    expect(
      validateAssessment(
        { ...form, scale: "MMASI", score: 4, rater: "CLINICIAN", assessedOn: "2026-11-20" },
        concern,
        NOW,
      ),
    ).toEqual({ scale: "Modified Melasma Area and Severity Index does not measure this concern" });
    expect(
      validateAssessment(
        { ...form, scale: "GOODMAN_BARON_QUALITATIVE", score: 5, rater: "PATIENT", assessedOn: "2026-11-20" },
        concern,
        NOW,
      ),
    ).toEqual({
      score: "Goodman & Baron qualitative acne scar grade scores run from 1 to 4",
      rater: "Goodman & Baron qualitative acne scar grade is scored by clinician",
    });
  });

  it("keeps the date between the baseline and today, and whole scores whole", () => {
    expect(
      validateAssessment(
        {
          ...form,
          scale: "GOODMAN_BARON_QUANTITATIVE",
          score: 12.5,
          rater: "CLINICIAN",
          assessedOn: "2026-10-01",
        },
        concern,
        NOW,
      ),
    ).toEqual({
      assessedOn: "must not be before 2026-10-05",
      score: "Goodman & Baron quantitative acne scar score takes whole numbers only",
    });
    expect(
      validateAssessment(
        { ...form, scale: "GAIS", score: 2, rater: "PATIENT", assessedOn: "2026-11-26" },
        concern,
        NOW,
      ),
    ).toEqual({ assessedOn: "must not be after 2026-11-25" });
  });

  it("accepts a fitting score, and asks for what is missing", () => {
    expect(
      validateAssessment(
        { ...form, scale: "SATISFACTION", score: 8, rater: "PATIENT", assessedOn: "2026-11-25" },
        concern,
        NOW,
      ),
    ).toEqual({});
    expect(
      validateAssessment(
        { ...form, scale: "", score: "", rater: "CLINICIAN", assessedOn: "2026-11-25" },
        undefined,
        NOW,
      ),
    ).toEqual({ concernId: "is required", scale: "is required", score: "is required" });
  });
});

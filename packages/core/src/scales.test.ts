import { describe, it, expect } from "vitest";
import {
  improvement,
  scaleFitsIndication,
  scalesForIndication,
  scoreLabel,
  trend,
  validateAssessmentInput,
  validateScore,
} from "./scales";
import { DomainError } from "./errors";

describe("validateScore", () => {
  it("accepts the ends of each range", () => {
    expect(validateScore("GOODMAN_BARON_QUALITATIVE", 1).ok).toBe(true);
    expect(validateScore("GOODMAN_BARON_QUALITATIVE", 4).ok).toBe(true);
    expect(validateScore("GOODMAN_BARON_QUANTITATIVE", 84).ok).toBe(true);
    expect(validateScore("MMASI", 0).ok).toBe(true);
    expect(validateScore("SATISFACTION", 10).ok).toBe(true);
    expect(validateScore("LEMPERLE", 0).ok).toBe(true);
  });
  it("rejects out-of-range scores with the range in the reason", () => {
    const r = validateScore("GOODMAN_BARON_QUALITATIVE", 0);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain("from 1 to 4");
    expect(validateScore("GOODMAN_BARON_QUANTITATIVE", 85).ok).toBe(false);
    expect(validateScore("GAIS", 6).ok).toBe(false);
    expect(validateScore("HAIR_COUNT", -1).ok).toBe(false);
    expect(validateScore("MMASI", 24.1).ok).toBe(false);
  });
  it("enforces whole numbers only where the scale is integer", () => {
    const r = validateScore("GOODMAN_BARON_QUALITATIVE", 2.5);
    expect(!r.ok && r.reason).toContain("whole numbers");
    expect(validateScore("MMASI", 12.3).ok).toBe(true);
    expect(validateScore("HAIR_COUNT", 112.5).ok).toBe(true);
  });
  it("rejects NaN and infinity", () => {
    expect(validateScore("MMASI", Number.NaN).ok).toBe(false);
    expect(validateScore("HAIR_COUNT", Number.POSITIVE_INFINITY).ok).toBe(false);
  });
});

describe("scale fit", () => {
  it("matches specific scales to their indications only", () => {
    expect(scaleFitsIndication("MMASI", "MELASMA")).toBe(true);
    expect(scaleFitsIndication("MMASI", "ACNE_SCARRING")).toBe(false);
    expect(scaleFitsIndication("HAIR_COUNT", "ALOPECIA")).toBe(true);
    expect(scaleFitsIndication("LEMPERLE", "ALOPECIA")).toBe(false);
  });
  it("lets GAIS and satisfaction fit any indication", () => {
    expect(scaleFitsIndication("GAIS", "STRETCH_MARKS")).toBe(true);
    expect(scaleFitsIndication("SATISFACTION", "ROSACEA")).toBe(true);
  });
  it("lists specific scales first", () => {
    expect(scalesForIndication("ACNE_SCARRING")).toEqual([
      "GOODMAN_BARON_QUALITATIVE",
      "GOODMAN_BARON_QUANTITATIVE",
      "GAIS",
      "SATISFACTION",
    ]);
  });
  it("labels GAIS scores", () => {
    expect(scoreLabel("GAIS", 1)).toBe("Very much improved");
    expect(scoreLabel("GAIS", 5)).toBe("Worse");
    expect(scoreLabel("MMASI", 3)).toBeUndefined();
  });
});

describe("improvement", () => {
  it("treats a drop as better on lower-is-better scales", () => {
    expect(improvement("GOODMAN_BARON_QUANTITATIVE", 40, 30)).toEqual({
      absolute: 10,
      percent: 25,
      improved: true,
    });
    expect(improvement("MMASI", 10, 12).improved).toBe(false);
    expect(improvement("MMASI", 10, 12).absolute).toBe(-2);
  });
  it("treats a rise as better on higher-is-better scales", () => {
    expect(improvement("HAIR_COUNT", 80, 100)).toEqual({ absolute: 20, percent: 25, improved: true });
    expect(improvement("SATISFACTION", 6, 4).improved).toBe(false);
  });
  it("has no percent when the baseline is 0", () => {
    expect(improvement("HAIR_COUNT", 0, 10)).toEqual({ absolute: 10, percent: null, improved: true });
  });
  it("is not improved when nothing changed", () => {
    expect(improvement("LEMPERLE", 3, 3)).toEqual({ absolute: 0, percent: 0, improved: false });
  });
  it("avoids floating point noise on decimal scales", () => {
    expect(improvement("MMASI", 10.3, 10.1).absolute).toBe(0.2);
  });
  it("reads GAIS against 'No change' (4), lower is better, whatever the baseline", () => {
    expect(improvement("GAIS", 4, 2)).toEqual({ absolute: 2, percent: null, improved: true });
    expect(improvement("GAIS", 1, 3)).toEqual({ absolute: 1, percent: null, improved: true });
    expect(improvement("GAIS", 4, 4).improved).toBe(false);
    expect(improvement("GAIS", 4, 5)).toEqual({ absolute: -1, percent: null, improved: false });
  });
});

describe("trend", () => {
  it("sorts points by date and reports each against the baseline", () => {
    const t = trend("GOODMAN_BARON_QUANTITATIVE", 40, [
      { on: "2026-03-01", score: 28 },
      { on: "2026-01-01", score: 36 },
      { on: "2026-02-01", score: 30 },
    ]);
    expect(t.points.map((p) => p.on)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(t.points.map((p) => p.absolute)).toEqual([4, 10, 12]);
    expect(t.latest?.score).toBe(28);
    expect(t.best?.score).toBe(28);
    expect(t.direction).toBe("IMPROVED");
  });
  it("reports the best point even when the latest slipped back", () => {
    const t = trend("HAIR_COUNT", 100, [
      { on: "2026-01-01", score: 130 },
      { on: "2026-02-01", score: 95 },
    ]);
    expect(t.best?.score).toBe(130);
    expect(t.direction).toBe("WORSE");
  });
  it("has no direction without follow-up", () => {
    const t = trend("MMASI", 10, []);
    expect(t.direction).toBe("NO_DATA");
    expect(t.latest).toBeNull();
  });
  it("carries GAIS labels", () => {
    const t = trend("GAIS", 4, [{ on: "2026-01-01", score: 2, rater: "PATIENT" }]);
    expect(t.points[0]?.label).toBe("Much improved");
  });
});

describe("validateAssessmentInput", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("accepts a fitting score and stores the label", () => {
    const v = validateAssessmentInput(
      { scale: "GAIS", score: 2, rater: "PATIENT", assessedOn: "2026-05-30" },
      { indication: "ACNE_SCARRING" },
      now,
    );
    expect(v.label).toBe("Much improved");
  });
  it("lists every problem at once", () => {
    try {
      validateAssessmentInput(
        { scale: "MMASI", score: 30, rater: "PATIENT", assessedOn: "2026-06-02" },
        { indication: "ALOPECIA" },
        now,
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const paths = (e as DomainError).fields.map((f) => f.path).sort();
      expect(paths).toEqual(["assessedOn", "rater", "scale", "score"]);
    }
  });
});

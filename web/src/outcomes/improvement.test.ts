import { describe, expect, it } from "vitest";
import { improvementText } from "./improvement";

describe("improvementText", () => {
  it("says better when a lower-is-better score went down, with the percentage", () => {
    expect(
      improvementText("GOODMAN_BARON_QUANTITATIVE", 42, {
        score: 30,
        improvement: { absolute: 12, percent: 28.57, improved: true },
      }),
    ).toBe("12 points better than the baseline (42 → 30, 29% better). Lower is better on this scale.");
  });

  it("says better when a higher-is-better score went up, in the scale's unit", () => {
    expect(
      improvementText("HAIR_COUNT", 80, {
        score: 92.5,
        improvement: { absolute: 12.5, percent: 15.6, improved: true },
      }),
    ).toBe(
      "12.5 hairs/cm² better than the baseline (80 → 92.5, 16% better). Higher is better on this scale.",
    );
  });

  it("says worse when a lower-is-better score went up", () => {
    expect(
      improvementText("LEMPERLE", 3, {
        score: 4,
        improvement: { absolute: -1, percent: -33.3, improved: false },
      }),
    ).toBe("1 point worse than the baseline (3 → 4, 33% worse). Lower is better on this scale.");
  });

  it("reads a change scale against its own 'no change'", () => {
    expect(
      improvementText("GAIS", null, {
        score: 2,
        label: "Much improved",
        improvement: { absolute: 2, improved: true },
      }),
    ).toBe("Latest GAIS: 2 (Much improved): 2 points better than “no change”.");
  });

  it("handles no score yet and no change", () => {
    expect(improvementText("MMASI", 12, null)).toBe("No score after the baseline yet.");
    expect(
      improvementText("MMASI", 12, { score: 12, improvement: { absolute: 0, percent: 0, improved: false } }),
    ).toBe("No change from the baseline of 12 (now 12).");
  });
});

import { describe, expect, it } from "vitest";
import { SCALES as CORE_SCALES, scalesForIndication, validateScore } from "../../../packages/core/src/scales";
import { INDICATIONS } from "../../../packages/core/src/concerns";
import { SCALES, scalesFor, scoreProblem } from "./scales";

// The portal mirrors core's scale table (the contract does not expose it); this keeps them equal.
describe("the portal's outcome scales", () => {
  it("match core's definitions", () => {
    for (const [id, core] of Object.entries(CORE_SCALES)) {
      const { short: _short, ...mirror } = SCALES[id as keyof typeof SCALES];
      expect(mirror).toEqual(core);
    }
    expect(Object.keys(SCALES).sort()).toEqual(Object.keys(CORE_SCALES).sort());
  });

  it("offer the scales core accepts for each concern, in core's order", () => {
    for (const indication of INDICATIONS)
      expect(scalesFor(indication)).toEqual(scalesForIndication(indication));
  });

  it("refuse the scores core refuses, with the same reason", () => {
    const cases: [keyof typeof SCALES, number][] = [
      ["GAIS", 0],
      ["GAIS", 2.5],
      ["GAIS", 3],
      ["MMASI", 12.5],
      ["MMASI", 25],
      ["HAIR_COUNT", -1],
      ["GOODMAN_BARON_QUANTITATIVE", 84],
      ["LEMPERLE", 6],
    ];
    for (const [scale, score] of cases) {
      const core = validateScore(scale, score);
      expect(scoreProblem(scale, score)).toBe(core.ok ? undefined : core.reason);
    }
  });
});

import { describe, expect, it } from "vitest";
import { normaliseName as coreNormaliseName } from "../../../packages/core/src/patient";
import { confirmsName, erasedLine, normaliseName, percentDone } from "./erasure";

describe("erase patient dialog rules", () => {
  it("normalises a name exactly as the API does (core's normaliseName, copied: the portal does not bundle core)", () => {
    for (const name of [
      "Zoë O'Neill-Brown",
      "  ÅSA   Öberg ",
      "Jean-Luc  Picard!",
      "Ngũgĩ wa Thiong'o",
      "ÆLFRED",
    ])
      expect(normaliseName(name)).toBe(coreNormaliseName(name));
  });

  const p = { givenName: "Zoë", familyName: "O'Neill-Brown" };
  it("accepts the name as shown, either order, ignoring accents, case and punctuation", () => {
    expect(confirmsName("Zoë O'Neill-Brown", p)).toBe(true);
    expect(confirmsName("  zoe   oneillbrown ", p)).toBe(true);
    expect(confirmsName("O'Neill-Brown Zoë", p)).toBe(true);
  });
  it("refuses anything else", () => {
    expect(confirmsName("", p)).toBe(false);
    expect(confirmsName("Zoë", p)).toBe(false);
    expect(confirmsName("Zoe O Neill Brown", p)).toBe(false);
  });
  it("says what was erased in words", () => {
    expect(erasedLine("sessions", 1)).toBe("1 session");
    expect(erasedLine("lotTraces", 2)).toBe("2 lot traces (kept without the patient)");
  });
  it("shows progress as a percentage", () => {
    expect(percentDone({ done: 0, total: 0 })).toBe(0);
    expect(percentDone({ done: 5, total: 20 })).toBe(25);
    expect(percentDone({ done: 20, total: 20 })).toBe(100);
  });
});

import { describe, expect, it } from "vitest";
import { nameConfirms, normaliseName } from "./patient";

describe("normaliseName", () => {
  it("ignores accents, case, punctuation and spacing", () => {
    expect(normaliseName("  ÅSA   Öberg ")).toBe("asa oberg");
    expect(normaliseName("Zoë O'Neill-Brown")).toBe("zoe oneillbrown");
    expect(normaliseName("Ngũgĩ wa Thiong'o")).toBe("ngugi wa thiongo");
  });
});

describe("nameConfirms", () => {
  const p = { givenName: "Zoë", familyName: "O'Neill-Brown" };
  it("accepts the name as shown, either order, ignoring accents, case and punctuation", () => {
    expect(nameConfirms("Zoë O'Neill-Brown", p)).toBe(true);
    expect(nameConfirms("  zoe   oneillbrown ", p)).toBe(true);
    expect(nameConfirms("O'Neill-Brown Zoë", p)).toBe(true);
  });
  it("refuses anything else", () => {
    expect(nameConfirms("", p)).toBe(false);
    expect(nameConfirms("Zoë", p)).toBe(false);
    expect(nameConfirms("Zoe O Neill Brown", p)).toBe(false);
  });
});

import { describe, it, expect } from "vitest";
import { findMatch, normalizeTerm, termsMatch } from "./terms";

describe("termsMatch", () => {
  it("ignores case, accents and punctuation", () => {
    expect(normalizeTerm("L-Ascorbic Acid (20%)")).toBe("l ascorbic acid 20");
    expect(termsMatch("NICKEL", "nickel sulfate")).toBe(true);
    expect(termsMatch("Lidocaïne", "lidocaine hydrochloride")).toBe(true);
  });
  it("folds plain plurals but not -ss/-us/-is endings", () => {
    expect(normalizeTerm("Parabens")).toBe("paraben");
    expect(normalizeTerm("stainless citrus")).toBe("stainless citrus");
  });
  it("matches whole words only", () => {
    expect(termsMatch("nut", "coconut oil")).toBe(false);
    expect(termsMatch("coconut", "Coconut oil")).toBe(true);
  });
  it("matches either way round", () => {
    expect(termsMatch("fragrance mix", "fragrance")).toBe(true);
  });
  it("matches through synonyms", () => {
    expect(termsMatch("Vitamin C", "L-ascorbic acid")).toBe(true);
    expect(termsMatch("retinoids", "Tretinoin 0.025%")).toBe(true);
    expect(termsMatch("Peptides", "copper peptide")).toBe(true);
    expect(termsMatch("stainless steel", "nickel")).toBe(true);
    expect(termsMatch("lignocaine", "Lidocaine 4% cream")).toBe(true);
  });
  it("does not match unrelated acids", () => {
    expect(termsMatch("salicylic acid", "hyaluronic acid")).toBe(false);
    expect(termsMatch("vitamin c", "sodium hyaluronate")).toBe(false);
  });
  it("finds the first matching candidate", () => {
    expect(findMatch("Vitamin C", ["water", "Ascorbic acid", "glycerin"])).toBe("Ascorbic acid");
    expect(findMatch("", ["water"])).toBeUndefined();
  });
});

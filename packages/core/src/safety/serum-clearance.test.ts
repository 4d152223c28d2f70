import { describe, expect, it } from "vitest";
import { SERUM_CATALOGUE_SEED } from "../serums";
import {
  categoriesOf,
  needlingClearance,
  serumClearanceFindings,
  severeSerumAllergy,
  type SerumRecord,
} from "./serum-clearance";

const clean: SerumRecord = {
  name: "HA sterile",
  ingredients: ["Sodium hyaluronate", "Water"],
  sterile: true,
  singleUse: true,
  fullIngredientList: true,
};

type Case = [string, Partial<SerumRecord>, boolean, string[]];

const CASES: Case[] = [
  ["sterile, single-use, full list, nothing excluded: cleared", {}, true, []],
  // Accepted before: serums with fragrance, essential oils or sterility not recorded were cleared.
  [
    "fragrance is not cleared",
    { ingredients: ["Sodium hyaluronate", "Parfum"] },
    false,
    ["contains fragrance (Parfum)"],
  ],
  [
    "an essential oil is not cleared",
    { ingredients: ["Water", "Melaleuca alternifolia leaf oil"] },
    false,
    ["contains essential oils (Melaleuca alternifolia leaf oil)"],
  ],
  ["sterility not recorded is not cleared", { sterile: null }, false, ["not recorded as sterile"]],
  ["not single-use is not cleared", { singleUse: false }, false, ["not single-use"]],
  [
    "alcohol denat. is not cleared",
    { ingredients: ["Water", "Alcohol Denat."] },
    false,
    ["contains alcohol denat. (Alcohol Denat.)"],
  ],
  ["a dye is not cleared", { ingredients: ["Water", "CI 19140"] }, false, ["contains dyes (CI 19140)"]],
  [
    "glycolic acid is not cleared",
    { ingredients: ["Glycolic acid"] },
    false,
    ["contains exfoliating acids (Glycolic acid)"],
  ],
  [
    "vitamin C is not cleared",
    { ingredients: ["L-Ascorbic Acid"] },
    false,
    ["contains L-ascorbic acid (L-Ascorbic Acid)"],
  ],
  ["retinol is not cleared", { ingredients: ["Retinol"] }, false, ["contains retinoids (Retinol)"]],
  [
    "hyaluronic and tranexamic acids are not exfoliating acids",
    { ingredients: ["Hyaluronic acid", "Tranexamic acid"] },
    true,
    [],
  ],
  ["cetyl alcohol is a fatty alcohol, not alcohol denat.", { ingredients: ["Cetyl alcohol"] }, true, []],
  [
    "without the full list, each category must be confirmed absent",
    {
      fullIngredientList: false,
      confirmedFreeOf: ["FRAGRANCE", "ESSENTIAL_OILS", "ALCOHOL_DENAT", "DYES", "ACIDS", "L_ASCORBIC_ACID"],
    },
    false,
    ["not confirmed free of retinoids"],
  ],
];

describe("needlingClearance", () => {
  it.each(CASES)("%s", (_name, over, cleared, missing) => {
    const c = needlingClearance({ ...clean, ...over });
    expect(c.cleared).toBe(cleared);
    expect(c.missing).toEqual(missing);
  });
  it("the seed's peptide serum (fragrance allergen) is not cleared", () => {
    const peptides = SERUM_CATALOGUE_SEED.find((s) => s.key === "peptides");
    expect(peptides && needlingClearance(peptides).cleared).toBe(false);
  });
  it("reads categories from INCI names", () => {
    expect(categoriesOf("Parfum (Fragrance)")).toEqual(["FRAGRANCE"]);
    expect(categoriesOf("Alcohol")).toEqual(["ALCOHOL_DENAT"]);
  });
});

describe("findings", () => {
  it("blocks a serum not cleared while needling, with what is missing, and not afterwards", () => {
    const fs = serumClearanceFindings({ ...clean, sterile: undefined, ingredients: ["Fragrance"] }, true);
    expect(fs.map((f) => [f.code, f.level, f.overridable])).toEqual([
      ["SERUM_NOT_CLEARED_FOR_NEEDLING", "BLOCK", true],
    ]);
    expect(fs[0]?.reason).toContain("not recorded as sterile; contains fragrance (Fragrance)");
    expect(serumClearanceFindings({ ...clean, ingredients: ["Fragrance"] }, false)).toEqual([]);
  });
  it("a severe allergy to an ingredient is a hard stop; a moderate one is left to the serum check", () => {
    const serum = { ...clean, ingredients: ["Sodium hyaluronate", "Vitamin C"] };
    expect(
      severeSerumAllergy(
        { allergies: [{ substance: "ascorbic acid", kind: "ALLERGY", severity: "SEVERE" }] },
        serum,
      ).map((f) => [f.code, f.overridable]),
    ).toEqual([["SERUM_SEVERE_ALLERGY", false]]);
    expect(
      severeSerumAllergy(
        { allergies: [{ substance: "ascorbic acid", kind: "ALLERGY", severity: "MODERATE" }] },
        serum,
      ),
    ).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { Allergy, HistoryFlag } from "../patient";
import {
  ANAESTHETIC_PRODUCTS,
  ANAESTHETIC_PRODUCT_IDS,
  AGENTS,
  allergyTarget,
  checkAnaesthetic,
  findAnaestheticProduct,
  type AnaestheticProductId,
} from "./anaesthetics";

const allergy = (substance: string, over: Partial<Allergy> = {}): Allergy => ({
  substance,
  kind: "ALLERGY",
  severity: "MODERATE",
  ...over,
});

interface Case {
  name: string;
  product: AnaestheticProductId;
  allergies: Allergy[];
  flags?: HistoryFlag[];
  /** code:level:overridable of each finding, in order. */
  expect: string[];
}

const CASES: Case[] = [
  // Accepted before: EMLA was free text, unchecked, for a severe lidocaine allergy.
  {
    name: "EMLA with a severe lidocaine allergy is a hard stop",
    product: "EMLA",
    allergies: [allergy("Lidocaine", { severity: "SEVERE" })],
    expect: ["ANAESTHETIC_SEVERE_ALLERGY:BLOCK:false"],
  },
  {
    name: "anaphylaxis in the reaction counts as severe whatever the severity says",
    product: "LMX4",
    allergies: [allergy("lignocaine", { severity: "MILD", reaction: "Anaphylaxis 2019" })],
    expect: ["ANAESTHETIC_SEVERE_ALLERGY:BLOCK:false"],
  },
  {
    name: "Xylocaine (a brand of lidocaine) with a lidocaine allergy blocks",
    product: "XYLOCAINE",
    allergies: [allergy("lidocaine")],
    expect: ["ANAESTHETIC_ALLERGY:BLOCK:true"],
  },
  {
    name: "BLT with an allergy named by product (EMLA) blocks on the lidocaine it shares",
    product: "BLT",
    allergies: [allergy("EMLA cream")],
    expect: ["ANAESTHETIC_ALLERGY:BLOCK:true"],
  },
  {
    name: "an ester allergy blocks another ester (cross-reactivity)",
    product: "AMETOP",
    allergies: [allergy("Benzocaine")],
    expect: ["ANAESTHETIC_ESTER_CROSS_REACTIVITY:BLOCK:true"],
  },
  {
    name: "a PABA allergy blocks ester products",
    product: "AMETOP",
    allergies: [allergy("PABA")],
    expect: ["ANAESTHETIC_ALLERGY:BLOCK:true"],
  },
  {
    name: "an ester allergy does not concern an amide-only product",
    product: "LMX5",
    allergies: [allergy("procaine")],
    expect: [],
  },
  {
    name: "an amide allergy warns on another amide",
    product: "EMLA",
    allergies: [allergy("bupivacaine")],
    expect: ["ANAESTHETIC_AMIDE_CAUTION:WARN:true"],
  },
  {
    name: "an amide allergy does not concern an ester-only product",
    product: "AMETOP",
    allergies: [allergy("lidocaine")],
    expect: [],
  },
  {
    name: "'local anaesthetic' without an agent blocks every product",
    product: "AMETOP",
    allergies: [allergy("Local anaesthetic")],
    expect: ["ANAESTHETIC_ALLERGY:BLOCK:true"],
  },
  {
    name: "a severe allergy to an unnamed local anaesthetic is a hard stop",
    product: "NUMBIFY",
    allergies: [allergy("local anesthetic", { severity: "SEVERE" })],
    expect: ["ANAESTHETIC_SEVERE_ALLERGY:BLOCK:false"],
  },
  {
    name: "a sensitivity to an ingredient warns",
    product: "DR_NUMB",
    allergies: [allergy("lidocaine", { kind: "SENSITIVITY", severity: "MILD" })],
    expect: ["ANAESTHETIC_SENSITIVITY:WARN:true"],
  },
  {
    name: "the history flag blocks whatever the product",
    product: "PLIAGLIS",
    allergies: [],
    flags: ["ANAESTHETIC_ALLERGY"],
    expect: ["ANAESTHETIC_ALLERGY:BLOCK:true"],
  },
  {
    name: "unrelated allergies raise nothing",
    product: "EMLA",
    allergies: [allergy("Penicillin"), allergy("nickel"), allergy("fragrance")],
    expect: [],
  },
];

describe("checkAnaesthetic", () => {
  it.each(CASES)("$name", (c) => {
    const found = checkAnaesthetic({
      product: ANAESTHETIC_PRODUCTS[c.product],
      patient: { allergies: c.allergies, historyFlags: c.flags ?? [] },
    });
    expect(found.map((f) => `${f.code}:${f.level}:${String(f.overridable)}`)).toEqual(c.expect);
    for (const f of found) {
      expect(f.source).toContain("DOMAIN.md Topical anaesthetics");
      expect(f.reason).not.toMatch(/[A-Z]{3,}_[A-Z]/);
    }
  });
});

describe("the catalogue", () => {
  it("holds DOMAIN.md's products with their ingredients and classes", () => {
    expect(ANAESTHETIC_PRODUCTS.EMLA.ingredients).toEqual([
      { agent: "LIDOCAINE", percent: 2.5 },
      { agent: "PRILOCAINE", percent: 2.5 },
    ]);
    expect(ANAESTHETIC_PRODUCTS.BLT.ingredients.map((i) => AGENTS[i.agent].class)).toEqual([
      "ESTER",
      "AMIDE",
      "ESTER",
    ]);
    for (const id of ANAESTHETIC_PRODUCT_IDS) expect(ANAESTHETIC_PRODUCTS[id].id).toBe(id);
  });
  it.each([
    ["EMLA 5%", "EMLA"],
    ["emla cream", "EMLA"],
    ["LMX-4", "LMX4"],
    ["Dr. Numb", "DR_NUMB"],
    ["lignocaine 4% cream", "LIDOCAINE"],
    ["something else", undefined],
  ])("reads the free-text numbing %s as %s", (text, id) => {
    expect(findAnaestheticProduct(text)?.id).toBe(id);
  });
  it("reads an allergy's target by agent, product, class and PABA", () => {
    expect(allergyTarget("Amethocaine")).toMatchObject({ agents: ["TETRACAINE"], unspecified: false });
    expect(allergyTarget("Pliaglis").agents.sort()).toEqual(["LIDOCAINE", "TETRACAINE"]);
    expect(allergyTarget("para-aminobenzoic acid").classes).toEqual(["ESTER"]);
    expect(allergyTarget("anaesthetic creams").unspecified).toBe(true);
  });
});

import type { Allergy } from "../patient";
import { normalizeTerm, termsMatch } from "../terms";
import {
  DOMAIN,
  allergySource,
  blockFinding,
  hardStopFinding,
  isSevereReaction,
  type SafetyFinding,
} from "./findings";

/**
 * Needling clearance of a serum (DOMAIN.md "Serum add-ons"): cleared for use during needling only
 * when recorded sterile, single-use, and free of fragrance, essential oils, alcohol denat., dyes,
 * acids, L-ascorbic acid and retinoids. Unknown is not cleared, and the reason says what is missing.
 */

export const EXCLUDED_CATEGORIES = [
  "FRAGRANCE",
  "ESSENTIAL_OILS",
  "ALCOHOL_DENAT",
  "DYES",
  "ACIDS",
  "L_ASCORBIC_ACID",
  "RETINOIDS",
] as const;
export type ExcludedCategory = (typeof EXCLUDED_CATEGORIES)[number];

export const EXCLUDED_LABELS: Readonly<Record<ExcludedCategory, string>> = {
  FRAGRANCE: "fragrance",
  ESSENTIAL_OILS: "essential oils",
  ALCOHOL_DENAT: "alcohol denat.",
  DYES: "dyes",
  ACIDS: "exfoliating acids",
  L_ASCORBIC_ACID: "L-ascorbic acid",
  RETINOIDS: "retinoids",
};

/**
 * Ingredient names per category, matched as whole words. "Acids" are the exfoliating ones
 * (AHA, BHA, PHA, benzoyl peroxide): hyaluronic and tranexamic acid are not.
 */
const CATEGORY_TERMS: Readonly<Record<ExcludedCategory, readonly string[]>> = {
  FRAGRANCE: [
    "fragrance",
    "parfum",
    "perfume",
    "aroma",
    "limonene",
    "linalool",
    "citral",
    "geraniol",
    "eugenol",
    "coumarin",
    "citronellol",
  ],
  ESSENTIAL_OILS: [
    "essential oil",
    "tea tree",
    "melaleuca",
    "lavandula",
    "lavender oil",
    "peppermint oil",
    "mentha piperita",
    "eucalyptus",
    "rosmarinus",
    "citrus aurantium",
    "bergamot",
    "rose oil",
  ],
  ALCOHOL_DENAT: ["alcohol denat", "denatured alcohol", "sd alcohol", "ethanol", "isopropyl alcohol"],
  DYES: ["dye", "colorant", "colourant", "ci", "fd c", "d c", "tartrazine"],
  ACIDS: [
    "aha",
    "bha",
    "pha",
    "glycolic acid",
    "lactic acid",
    "mandelic acid",
    "salicylic acid",
    "citric acid",
    "malic acid",
    "gluconolactone",
    "lactobionic acid",
    "azelaic acid",
    "benzoyl peroxide",
  ],
  L_ASCORBIC_ACID: ["l ascorbic acid", "ascorbic acid", "vitamin c"],
  RETINOIDS: [
    "retinoid",
    "retinol",
    "retinal",
    "retinaldehyde",
    "retinyl palmitate",
    "tretinoin",
    "adapalene",
    "tazarotene",
    "vitamin a",
  ],
};

/** Categories an ingredient falls in: "Parfum (Fragrance)" → FRAGRANCE; "Alcohol" on its own → ALCOHOL_DENAT. */
export function categoriesOf(ingredient: string): ExcludedCategory[] {
  const norm = normalizeTerm(ingredient);
  const padded = ` ${norm} `;
  const out = EXCLUDED_CATEGORIES.filter((c) =>
    CATEGORY_TERMS[c].some((t) => padded.includes(` ${normalizeTerm(t)} `)),
  );
  // Plain "alcohol" is ethanol; cetyl / cetearyl alcohol are fatty alcohols and fine.
  if (norm === "alcohol" && !out.includes("ALCOHOL_DENAT")) out.push("ALCOHOL_DENAT");
  return out;
}

export interface SerumRecord {
  name: string;
  ingredients: readonly string[];
  allergens?: readonly string[];
  sterile?: boolean | null;
  singleUse?: boolean | null;
  /** The ingredient list is the full INCI list, so what is not on it is not in the serum. */
  fullIngredientList?: boolean | null;
  /** Categories the supplier confirmed absent, when the list is not complete. */
  confirmedFreeOf?: readonly ExcludedCategory[] | null;
}

export interface NeedlingClearance {
  cleared: boolean;
  /** What stops it, each in plain words ("not recorded as sterile", "contains fragrance (Parfum)"). */
  missing: string[];
}

/** Whether a serum may be applied during needling, and what is missing if not. */
export function needlingClearance(serum: SerumRecord): NeedlingClearance {
  const missing: string[] = [];
  if (serum.sterile !== true)
    missing.push(serum.sterile === false ? "not sterile" : "not recorded as sterile");
  if (serum.singleUse !== true)
    missing.push(serum.singleUse === false ? "not single-use" : "not recorded as single-use");
  const all = [...serum.ingredients, ...(serum.allergens ?? [])];
  for (const c of EXCLUDED_CATEGORIES) {
    const hits = all.filter((i) => categoriesOf(i).includes(c));
    if (hits.length > 0) missing.push(`contains ${EXCLUDED_LABELS[c]} (${hits.join(", ")})`);
    else if (!serum.fullIngredientList && !(serum.confirmedFreeOf ?? []).includes(c))
      missing.push(`not confirmed free of ${EXCLUDED_LABELS[c]}`);
  }
  return { cleared: missing.length === 0, missing };
}

/** SERUM_NOT_CLEARED_FOR_NEEDLING (BLOCK, a clinical lead may override) when applied while needling. */
export function serumClearanceFindings(serum: SerumRecord, duringNeedling: boolean): SafetyFinding[] {
  if (!duringNeedling) return [];
  const c = needlingClearance(serum);
  if (c.cleared) return [];
  return [
    blockFinding(
      "SERUM_NOT_CLEARED_FOR_NEEDLING",
      `${serum.name} is not cleared for use while needling: ${c.missing.join("; ")}. Non-sterile topicals and these ingredients have caused granulomas and reactions in needled skin.`,
      `serum: ${serum.name}; ${DOMAIN.serums}`,
    ),
  ];
}

/** A severe allergy to anything in the serum is a hard stop (the existing check only blocks). */
export function severeSerumAllergy(
  patient: { allergies: readonly Allergy[] },
  serum: SerumRecord,
): SafetyFinding[] {
  const substances = [...serum.ingredients, ...(serum.allergens ?? [])];
  const out: SafetyFinding[] = [];
  for (const a of patient.allergies) {
    if (!isSevereReaction(a)) continue;
    const hit = substances.find((s) => termsMatch(a.substance, s));
    if (hit)
      out.push(
        hardStopFinding(
          "SERUM_SEVERE_ALLERGY",
          `Severe reaction recorded to ${a.substance}, and ${serum.name} contains ${hit}. Never overridden: do not apply it.`,
          `${allergySource(a)}; serum: ${serum.name}; ${DOMAIN.overrides}`,
        ),
      );
  }
  return out;
}

/**
 * Matching free-text substance names (allergies, ingredients, allergens) without a terminology
 * server: case- and accent-insensitive, punctuation ignored, whole words only, plus a short list of
 * synonyms practitioners actually write. Whole words keep "acid" from matching "hyaluronic acid"
 * the wrong way round only when the patient really wrote "acid".
 */

/**
 * "L-Ascorbic Acids (20%)" → "l ascorbic acid 20": lower case, no accents or punctuation, and a
 * plain plural "s" dropped ("retinoids", "peptides") so singular and plural match.
 */
export function normalizeTerm(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => (w.length > 3 && /[^su]s$/.test(w) && !/is$/.test(w) ? w.slice(0, -1) : w))
    .join(" ");
}

/**
 * Groups of names for one substance or family. A term matching any name in a group matches all of
 * them (an allergy to "vitamin C" matches the ingredient "L-ascorbic acid").
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  [
    "vitamin c",
    "ascorbic acid",
    "l ascorbic acid",
    "ascorbyl",
    "sodium ascorbyl phosphate",
    "ascorbyl glucoside",
  ],
  [
    "retinoid",
    "retinol",
    "retinal",
    "retinaldehyde",
    "retinyl",
    "tretinoin",
    "isotretinoin",
    "adapalene",
    "tazarotene",
    "vitamin a",
  ],
  ["aha", "alpha hydroxy acid", "glycolic acid", "lactic acid", "mandelic acid", "citric acid", "malic acid"],
  ["bha", "beta hydroxy acid", "salicylic acid"],
  ["benzoyl peroxide"],
  ["nickel", "stainless steel"],
  ["lidocaine", "lignocaine"],
  ["fragrance", "parfum", "perfume"],
  ["hyaluronic acid", "sodium hyaluronate", "hyaluronan"],
  ["tranexamic acid", "txa"],
  ["minoxidil"],
];

/** Word-boundary containment of b in a (both normalised). */
const containsWords = (a: string, b: string): boolean => b.length > 0 && ` ${a} `.includes(` ${b} `);

/** Every normalised name a term stands for: itself plus the synonyms of any group it mentions. */
export function expandTerm(term: string): string[] {
  const n = normalizeTerm(term);
  const out = new Set<string>([n]);
  for (const group of SYNONYM_GROUPS) {
    if (group.some((name) => containsWords(n, normalizeTerm(name)))) {
      for (const name of group) out.add(normalizeTerm(name));
    }
  }
  return [...out].filter((t) => t.length > 0);
}

/**
 * Whether two substance names refer to the same thing: one contains the other as whole words after
 * normalisation ("nickel" ~ "Nickel sulfate", "Fragrance mix" ~ "fragrance"), directly or through
 * a synonym group ("vitamin C" ~ "L-ascorbic acid").
 */
export function termsMatch(a: string, b: string): boolean {
  const na = normalizeTerm(a);
  const nb = normalizeTerm(b);
  if (!na || !nb) return false;
  if (containsWords(na, nb) || containsWords(nb, na)) return true;
  const ea = expandTerm(a);
  const eb = expandTerm(b);
  return ea.some((x) => eb.some((y) => containsWords(x, y) || containsWords(y, x)));
}

/** The first of `candidates` that matches `term`, if any. */
export function findMatch(term: string, candidates: readonly string[]): string | undefined {
  return candidates.find((c) => termsMatch(term, c));
}

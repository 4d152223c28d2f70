import type { Allergy, HistoryFlag } from "../patient";
import { normalizeTerm } from "../terms";
import {
  DOMAIN,
  allergySource,
  blockFinding,
  hardStopFinding,
  isSevereReaction,
  warnFinding,
  type SafetyFinding,
} from "./findings";

/**
 * Topical anaesthetics (numbing) as a catalogue of products with their ingredients, and the check
 * of a chosen product against the patient's allergies by ingredient and by class
 * (DOMAIN.md "Topical anaesthetics").
 *
 * - Allergy to an ingredient of the product (or to the product by name): BLOCK; a severe reaction
 *   (anaphylaxis) is a hard stop.
 * - Esters cross-react with each other (through PABA): an allergy to any ester, or to PABA, blocks
 *   every ester product.
 * - Amide cross-reactivity is rare, but a known amide allergy warns on every amide product.
 * - An allergy to "local anaesthetic" without the agent, or the history flag, may be to any of
 *   them: it blocks every product (a hard stop when severe).
 */

export const ANAESTHETIC_CLASSES = ["AMIDE", "ESTER"] as const;
export type AnaestheticClass = (typeof ANAESTHETIC_CLASSES)[number];

export const ANAESTHETIC_AGENTS = [
  "LIDOCAINE",
  "PRILOCAINE",
  "BUPIVACAINE",
  "BENZOCAINE",
  "TETRACAINE",
  "PROCAINE",
] as const;
export type AnaestheticAgent = (typeof ANAESTHETIC_AGENTS)[number];

export interface AgentDefinition {
  agent: AnaestheticAgent;
  name: string;
  class: AnaestheticClass;
  /** Other names practitioners and patients write. */
  synonyms: readonly string[];
}

export const AGENTS: Readonly<Record<AnaestheticAgent, AgentDefinition>> = {
  LIDOCAINE: { agent: "LIDOCAINE", name: "Lidocaine", class: "AMIDE", synonyms: ["lignocaine", "xylocaine"] },
  PRILOCAINE: { agent: "PRILOCAINE", name: "Prilocaine", class: "AMIDE", synonyms: ["citanest"] },
  BUPIVACAINE: { agent: "BUPIVACAINE", name: "Bupivacaine", class: "AMIDE", synonyms: ["marcaine"] },
  BENZOCAINE: { agent: "BENZOCAINE", name: "Benzocaine", class: "ESTER", synonyms: [] },
  TETRACAINE: { agent: "TETRACAINE", name: "Tetracaine", class: "ESTER", synonyms: ["amethocaine"] },
  PROCAINE: { agent: "PROCAINE", name: "Procaine", class: "ESTER", synonyms: ["novocaine", "novocain"] },
};

export interface Ingredient {
  agent: AnaestheticAgent;
  /** Percent w/w; null when the product is sold in several strengths. */
  percent: number | null;
}

export const ANAESTHETIC_PRODUCT_IDS = [
  "EMLA",
  "LMX4",
  "LMX5",
  "XYLOCAINE",
  "AMETOP",
  "BLT",
  "PLIAGLIS",
  "NUMBIFY",
  "DR_NUMB",
  "LIDOCAINE",
] as const;
export type AnaestheticProductId = (typeof ANAESTHETIC_PRODUCT_IDS)[number];

export interface AnaestheticProduct {
  id: AnaestheticProductId;
  name: string;
  ingredients: readonly Ingredient[];
  /** Names written in free text that mean this product. */
  aliases: readonly string[];
  compounded?: boolean;
}

const ing = (agent: AnaestheticAgent, percent: number | null): Ingredient => ({ agent, percent });

/** DOMAIN.md's products. */
export const ANAESTHETIC_PRODUCTS: Readonly<Record<AnaestheticProductId, AnaestheticProduct>> = {
  EMLA: {
    id: "EMLA",
    name: "EMLA (lidocaine 2.5% + prilocaine 2.5%)",
    ingredients: [ing("LIDOCAINE", 2.5), ing("PRILOCAINE", 2.5)],
    aliases: ["emla"],
  },
  LMX4: {
    id: "LMX4",
    name: "LMX4 (lidocaine 4%)",
    ingredients: [ing("LIDOCAINE", 4)],
    aliases: ["lmx4", "lmx 4"],
  },
  LMX5: {
    id: "LMX5",
    name: "LMX5 (lidocaine 5%)",
    ingredients: [ing("LIDOCAINE", 5)],
    aliases: ["lmx5", "lmx 5"],
  },
  XYLOCAINE: {
    id: "XYLOCAINE",
    name: "Xylocaine (lidocaine)",
    ingredients: [ing("LIDOCAINE", null)],
    aliases: ["xylocaine"],
  },
  AMETOP: {
    id: "AMETOP",
    name: "Ametop (tetracaine 4%)",
    ingredients: [ing("TETRACAINE", 4)],
    aliases: ["ametop"],
  },
  BLT: {
    id: "BLT",
    name: "BLT (benzocaine 20% + lidocaine 6% + tetracaine 4%, compounded)",
    ingredients: [ing("BENZOCAINE", 20), ing("LIDOCAINE", 6), ing("TETRACAINE", 4)],
    aliases: ["blt"],
    compounded: true,
  },
  PLIAGLIS: {
    id: "PLIAGLIS",
    name: "Pliaglis (lidocaine 7% + tetracaine 7%)",
    ingredients: [ing("LIDOCAINE", 7), ing("TETRACAINE", 7)],
    aliases: ["pliaglis"],
  },
  NUMBIFY: {
    id: "NUMBIFY",
    name: "Numbify (lidocaine 5%)",
    ingredients: [ing("LIDOCAINE", 5)],
    aliases: ["numbify"],
  },
  DR_NUMB: {
    id: "DR_NUMB",
    name: "Dr. Numb (lidocaine 5%)",
    ingredients: [ing("LIDOCAINE", 5)],
    aliases: ["dr numb", "doctor numb", "drnumb"],
  },
  LIDOCAINE: {
    id: "LIDOCAINE",
    name: "Lidocaine cream (plain)",
    ingredients: [ing("LIDOCAINE", null)],
    aliases: [],
  },
};

const containsWords = (text: string, words: string): boolean =>
  words.length > 0 && ` ${text} `.includes(` ${words} `);

/** The agents a free-text name stands for: "Lignocaine 5%" → [LIDOCAINE]. */
function agentsNamed(norm: string): AnaestheticAgent[] {
  return ANAESTHETIC_AGENTS.filter((a) =>
    [AGENTS[a].name, ...AGENTS[a].synonyms].some((n) => containsWords(norm, normalizeTerm(n))),
  );
}

/** Products named in free text: "EMLA cream 5 g" → EMLA. */
function productsNamed(norm: string): AnaestheticProduct[] {
  const compact = norm.replace(/ /g, "");
  return Object.values(ANAESTHETIC_PRODUCTS).filter((p) =>
    p.aliases.some((a) => containsWords(norm, normalizeTerm(a)) || compact === a.replace(/ /g, "")),
  );
}

/**
 * The catalogue product a free-text numbing entry means, for records written before the catalogue
 * ("EMLA 5%", "lignocaine cream"); undefined when it names none or several.
 */
export function findAnaestheticProduct(text: string): AnaestheticProduct | undefined {
  const norm = normalizeTerm(text);
  const products = productsNamed(norm);
  if (products.length === 1) return products[0];
  if (products.length > 1) return undefined;
  const agents = agentsNamed(norm);
  return agents.length === 1 && agents[0] === "LIDOCAINE" ? ANAESTHETIC_PRODUCTS.LIDOCAINE : undefined;
}

/** What an allergy is to, in anaesthetic terms. */
export interface AllergyTarget {
  agents: AnaestheticAgent[];
  classes: AnaestheticClass[];
  /** "local anaesthetic" without saying which: could be any of them. */
  unspecified: boolean;
}

const ESTER_TERMS = [
  "ester",
  "ester anaesthetic",
  "ester local anaesthetic",
  "paba",
  "para aminobenzoic acid",
  "aminobenzoic acid",
];
const AMIDE_TERMS = ["amide", "amide anaesthetic", "amide local anaesthetic"];
const UNSPECIFIED_TERMS = [
  "local anaesthetic",
  "local anesthetic",
  "topical anaesthetic",
  "topical anesthetic",
  "anaesthetic",
  "anesthetic",
  "numbing cream",
];

/** Reads an allergy's substance: an agent, a product, a class (or PABA), or "local anaesthetic". */
export function allergyTarget(substance: string): AllergyTarget {
  const norm = normalizeTerm(substance);
  const agents = new Set<AnaestheticAgent>(agentsNamed(norm));
  for (const p of productsNamed(norm)) for (const i of p.ingredients) agents.add(i.agent);
  const classes: AnaestheticClass[] = [];
  if (ESTER_TERMS.some((t) => containsWords(norm, normalizeTerm(t)))) classes.push("ESTER");
  if (AMIDE_TERMS.some((t) => containsWords(norm, normalizeTerm(t)))) classes.push("AMIDE");
  const unspecified =
    agents.size === 0 &&
    classes.length === 0 &&
    UNSPECIFIED_TERMS.some((t) => containsWords(norm, normalizeTerm(t)));
  return { agents: [...agents], classes, unspecified };
}

export interface AnaestheticCheckInput {
  product: AnaestheticProduct;
  patient: { allergies: readonly Allergy[]; historyFlags?: readonly HistoryFlag[] };
}

const agentList = (agents: readonly AnaestheticAgent[]): string =>
  agents.map((a) => AGENTS[a].name.toLowerCase()).join(" and ");

/**
 * Checks a numbing product against the patient's allergies. One finding per allergy that concerns
 * the product: ANAESTHETIC_SEVERE_ALLERGY (hard stop), ANAESTHETIC_ALLERGY or
 * ANAESTHETIC_ESTER_CROSS_REACTIVITY (BLOCK), ANAESTHETIC_AMIDE_CAUTION or ANAESTHETIC_SENSITIVITY (WARN).
 */
export function checkAnaesthetic(input: AnaestheticCheckInput): SafetyFinding[] {
  const { product, patient } = input;
  const inProduct = product.ingredients.map((i) => i.agent);
  const esters = inProduct.filter((a) => AGENTS[a].class === "ESTER");
  const amides = inProduct.filter((a) => AGENTS[a].class === "AMIDE");
  const src = (what: string): string => `${what}; numbing: ${product.name}; ${DOMAIN.anaesthetics}`;
  const out: SafetyFinding[] = [];

  for (const a of patient.allergies) {
    const t = allergyTarget(a.substance);
    const direct = inProduct.filter((x) => t.agents.includes(x) || t.classes.includes(AGENTS[x].class));
    const severe = isSevereReaction(a);
    const source = src(allergySource(a));
    if (direct.length > 0 || (t.unspecified && inProduct.length > 0)) {
      const what = direct.length > 0 ? agentList(direct) : "a local anaesthetic (agent not recorded)";
      if (severe)
        out.push(
          hardStopFinding(
            "ANAESTHETIC_SEVERE_ALLERGY",
            `Severe reaction (anaphylaxis) recorded to ${a.substance}; ${product.name} contains ${what}. This is never overridden: do not use it.`,
            source,
          ),
        );
      else if (a.kind === "ALLERGY")
        out.push(
          blockFinding(
            "ANAESTHETIC_ALLERGY",
            `Allergy to ${a.substance}; ${product.name} contains ${what}. Choose a numbing product without it, or a clinical lead decides.`,
            source,
          ),
        );
      else
        out.push(
          warnFinding(
            "ANAESTHETIC_SENSITIVITY",
            `Sensitivity to ${a.substance}; ${product.name} contains ${what}. Watch for irritation or choose another product.`,
            source,
          ),
        );
      continue;
    }
    const allergicEsters = t.agents.filter((x) => AGENTS[x].class === "ESTER");
    if (esters.length > 0 && allergicEsters.length > 0 && a.kind === "ALLERGY") {
      out.push(
        blockFinding(
          "ANAESTHETIC_ESTER_CROSS_REACTIVITY",
          `Allergy to ${a.substance}, an ester anaesthetic; ${product.name} contains ${agentList(esters)}, another ester. Esters cross-react with each other: choose an amide-only product.`,
          source,
        ),
      );
      continue;
    }
    const allergicAmides = t.agents.filter((x) => AGENTS[x].class === "AMIDE");
    if (amides.length > 0 && allergicAmides.length > 0)
      out.push(
        warnFinding(
          "ANAESTHETIC_AMIDE_CAUTION",
          `${a.kind === "ALLERGY" ? "Allergy" : "Sensitivity"} to ${a.substance}, an amide anaesthetic; ${product.name} contains ${agentList(amides)}, another amide. Cross-reactions between amides are rare but possible: confirm with the patient and watch closely.`,
          source,
        ),
      );
  }

  if (patient.historyFlags?.includes("ANAESTHETIC_ALLERGY") && inProduct.length > 0)
    out.push(
      blockFinding(
        "ANAESTHETIC_ALLERGY",
        `History of allergy to a topical anaesthetic, agent not recorded; ${product.name} may be it. Record which agent, or a clinical lead decides.`,
        src("history: anaesthetic allergy"),
      ),
    );
  return out;
}

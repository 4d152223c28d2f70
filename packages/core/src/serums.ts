import type { Allergy } from "./patient";
import type { ContraindicationFinding } from "./contraindications";
import { DEFAULT_SETTINGS, type ClinicSettings } from "./settings";
import { findMatch, termsMatch } from "./terms";
import { Problems, addDays, requireDate, requireOneOf, requireText } from "./validate";

/**
 * Serum catalogue and the checks run when a serum is applied (DOMAIN.md "Serum add-ons").
 *
 * Lot expiry: a lot is usable up to and including its `expiresOn` day (an "EXP" / use-by date
 * names the last day of use) and expired from the next day.
 */

export const SERUM_CLEARANCES = ["CLEARED_FOR_NEEDLING", "TOPICAL_AFTER_HEALING"] as const;
export type SerumClearance = (typeof SERUM_CLEARANCES)[number];

export interface SerumLot {
  lotNumber: string;
  expiresOn: string;
}

export interface Serum {
  id: string;
  name: string;
  ingredients: string[];
  allergens: string[];
  clearance: SerumClearance;
  sterile?: boolean | undefined;
  lots: SerumLot[];
}

/** Ingredients commonly avoided on freshly needled skin (DOMAIN.md: during needling and for 3–7 days after). */
export const ACTIVES_AVOIDED_AFTER_NEEDLING: readonly string[] = [
  "retinoid",
  "tretinoin",
  "vitamin c",
  "l ascorbic acid",
  "aha",
  "bha",
  "benzoyl peroxide",
];

/** A serum in the seed catalogue: no id and no lots (the store assigns ids and seeds lots). */
export type SerumSeed = Omit<Serum, "id" | "lots"> & { key: string };

/**
 * Suggested catalogue for seeding. Clearance is conservative: only sterile products meant for
 * intradermal contact (hyaluronic acid, autologous PRP, injectable-grade tranexamic acid) are cleared
 * for use during needling; everything else is for topical use after healing. Clinics edit this.
 */
export const SERUM_CATALOGUE_SEED: readonly SerumSeed[] = [
  {
    key: "hyaluronic-acid",
    name: "Hyaluronic acid serum (sterile)",
    ingredients: ["Sodium hyaluronate", "Water"],
    allergens: [],
    clearance: "CLEARED_FOR_NEEDLING",
    sterile: true,
  },
  {
    key: "prp",
    name: "PRP (autologous platelet-rich plasma)",
    ingredients: ["Autologous platelet-rich plasma"],
    allergens: [],
    clearance: "CLEARED_FOR_NEEDLING",
    sterile: true,
  },
  {
    key: "tranexamic-acid",
    name: "Tranexamic acid 4 mg/ml (sterile)",
    ingredients: ["Tranexamic acid", "Water for injection"],
    allergens: [],
    clearance: "CLEARED_FOR_NEEDLING",
    sterile: true,
  },
  {
    key: "vitamin-c",
    name: "Vitamin C serum",
    ingredients: ["L-ascorbic acid", "Ferulic acid", "Tocopherol", "Water"],
    allergens: [],
    clearance: "TOPICAL_AFTER_HEALING",
    sterile: false,
  },
  {
    key: "retinol",
    name: "Retinol serum",
    ingredients: ["Retinol", "Squalane"],
    allergens: [],
    clearance: "TOPICAL_AFTER_HEALING",
    sterile: false,
  },
  {
    key: "tretinoin",
    name: "Tretinoin cream 0.025%",
    ingredients: ["Tretinoin"],
    allergens: [],
    clearance: "TOPICAL_AFTER_HEALING",
    sterile: false,
  },
  {
    key: "growth-factors",
    name: "Growth factor / exosome serum",
    ingredients: ["Human fibroblast conditioned media", "Exosomes"],
    allergens: [],
    clearance: "TOPICAL_AFTER_HEALING",
    sterile: false,
  },
  {
    key: "peptides",
    name: "Peptide serum",
    ingredients: ["Copper tripeptide-1", "Palmitoyl pentapeptide-4", "Glycerin"],
    allergens: ["Fragrance"],
    clearance: "TOPICAL_AFTER_HEALING",
    sterile: false,
  },
  {
    key: "minoxidil",
    name: "Minoxidil 5% scalp solution",
    ingredients: ["Minoxidil", "Propylene glycol", "Ethanol"],
    allergens: ["Propylene glycol"],
    clearance: "TOPICAL_AFTER_HEALING",
    sterile: false,
  },
];

export interface SerumCheckInput {
  patient: { allergies: readonly Allergy[] };
  serum: Serum;
  lotNumber: string | null | undefined;
  onDate: string;
  /** Applied while needling (intradermal contact) rather than afterwards on intact skin. */
  duringNeedling: boolean;
  /** The last needling date, to apply the actives pause after a session. */
  lastNeedledOn?: string | null;
  settings?: Readonly<ClinicSettings>;
}

/** True when the lot is usable on `onDate` (its expiry day included). */
export function lotUsable(lot: SerumLot, onDate: string): boolean {
  return onDate <= lot.expiresOn;
}

/** The serum's ingredients that are actives to avoid on freshly needled skin. */
export function activesIn(serum: Pick<Serum, "ingredients" | "name">): string[] {
  return serum.ingredients.filter((i) => findMatch(i, ACTIVES_AVOIDED_AFTER_NEEDLING) !== undefined);
}

/**
 * Checks one serum application: allergies (BLOCK) and sensitivities (WARN) against ingredients and
 * allergens; needling clearance; actives on freshly needled skin; the lot (unknown or expired lots
 * are BLOCKs that cannot be overridden: traceability and product safety are not a clinical judgement).
 */
export function checkSerumApplication(input: SerumCheckInput): ContraindicationFinding[] {
  const { patient, serum, onDate, duringNeedling } = input;
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const out: ContraindicationFinding[] = [];
  const substances = [...serum.ingredients, ...serum.allergens];

  for (const a of patient.allergies) {
    const hit = substances.find((s) => termsMatch(a.substance, s));
    if (!hit) continue;
    if (a.kind === "ALLERGY")
      out.push({
        code: "SERUM_ALLERGY",
        level: "BLOCK",
        overridable: true,
        reason: `The patient is allergic to ${a.substance}, and ${serum.name} contains ${hit}: risk of an allergic reaction, worse when needled into the skin.`,
        source: `allergy: ${a.substance}; serum: ${serum.name} (${hit})`,
      });
    else
      out.push({
        code: "SERUM_SENSITIVITY",
        level: "WARN",
        overridable: true,
        reason: `The patient is sensitive to ${a.substance}, and ${serum.name} contains ${hit}: watch for irritation or choose another serum.`,
        source: `sensitivity: ${a.substance}; serum: ${serum.name} (${hit})`,
      });
  }

  if (duringNeedling && serum.clearance === "TOPICAL_AFTER_HEALING")
    out.push({
      code: "SERUM_NOT_CLEARED_FOR_NEEDLING",
      level: "BLOCK",
      overridable: true,
      reason: `${serum.name} is for topical use after healing only: it is not approved for intradermal use, and granulomas have been reported after needling with vitamin C serum and other non-sterile topicals.`,
      source: `serum catalogue: ${serum.name} clearance=TOPICAL_AFTER_HEALING`,
    });

  const actives = activesIn(serum);
  const pauseDays = settings.activesAfterNeedlingDays;
  const freshlyNeedled =
    duringNeedling || (input.lastNeedledOn != null && onDate < addDays(input.lastNeedledOn, pauseDays));
  if (actives.length > 0 && freshlyNeedled)
    out.push({
      code: "SERUM_ACTIVE_ON_NEEDLED_SKIN",
      level: "BLOCK",
      overridable: true,
      reason: `${serum.name} contains ${actives.join(", ")}: actives such as retinoids, acids and vitamin C irritate freshly needled skin. Avoid during needling and for ${pauseDays} days after.`,
      source: duringNeedling
        ? `serum: ${serum.name}; applied during needling`
        : `serum: ${serum.name}; last needled ${input.lastNeedledOn}; clinic setting: activesAfterNeedlingDays=${pauseDays}`,
    });

  const lotNumber = input.lotNumber?.trim();
  if (!lotNumber) {
    out.push({
      code: "LOT_MISSING",
      level: "BLOCK",
      overridable: false,
      reason: "Record the lot number of the serum: every application must be traceable to its lot.",
      source: `serum: ${serum.name}`,
    });
  } else {
    const lot = serum.lots.find((l) => l.lotNumber.trim().toLowerCase() === lotNumber.toLowerCase());
    if (!lot)
      out.push({
        code: "LOT_UNKNOWN",
        level: "BLOCK",
        overridable: false,
        reason: `Lot ${lotNumber} is not in the catalogue for ${serum.name}. Add the lot (with its expiry) to the catalogue first; this cannot be overridden.`,
        source: `serum: ${serum.name}; lot ${lotNumber}`,
      });
    else if (!lotUsable(lot, onDate))
      out.push({
        code: "LOT_EXPIRED",
        level: "BLOCK",
        overridable: false,
        reason: `Lot ${lot.lotNumber} of ${serum.name} expired on ${lot.expiresOn}. Expired product must not be used; this cannot be overridden.`,
        source: `serum: ${serum.name}; lot ${lot.lotNumber} expires ${lot.expiresOn}`,
      });
  }
  return out;
}

export interface SerumInput {
  name: string;
  ingredients: string[];
  allergens?: string[] | null;
  clearance: string;
  sterile?: boolean | null;
}

export type ValidSerumFields = Omit<Serum, "id" | "lots">;

/** Validates a catalogue entry. A serum cleared for needling must not be marked non-sterile. */
export function validateSerumInput(input: SerumInput): ValidSerumFields {
  const p = new Problems();
  const name = requireText(p, "name", input.name, { max: 120 });
  const clearance = requireOneOf(p, "clearance", input.clearance, SERUM_CLEARANCES);
  const list = (path: string, values: readonly string[] | null | undefined, required: boolean): string[] => {
    const out: string[] = [];
    (values ?? []).forEach((v, i) => {
      const t = requireText(p, `${path}.${i}`, v, { max: 120 });
      if (t && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
    });
    if (required && out.length === 0 && !(values ?? []).length) p.add(path, "list at least one ingredient");
    if (out.length > 100) p.add(path, "at most 100 entries");
    return out;
  };
  const ingredients = list("ingredients", input.ingredients, true);
  const allergens = list("allergens", input.allergens, false);
  if (clearance === "CLEARED_FOR_NEEDLING" && input.sterile === false)
    p.add(
      "sterile",
      "a serum cleared for use during needling must be sterile (non-sterile topicals have caused granulomas)",
    );
  if (clearance === "CLEARED_FOR_NEEDLING") {
    const actives = activesIn({ name: name ?? "", ingredients });
    if (actives.length > 0)
      p.add(
        "clearance",
        `contains ${actives.join(", ")}, which is avoided on freshly needled skin; it cannot be cleared for needling`,
      );
  }
  p.throwIfAny();
  return { name: name!, ingredients, allergens, clearance: clearance!, sterile: input.sterile ?? undefined };
}

export interface LotInput {
  lotNumber: string;
  expiresOn: string;
}

/**
 * Validates a new lot for a serum: lot number unique within the serum (case-insensitive) and a real
 * expiry date. An already-expired lot may be recorded (for traceability) but can never be applied.
 */
export function validateLotInput(input: LotInput, existing: readonly SerumLot[] = []): SerumLot {
  const p = new Problems();
  const lotNumber = requireText(p, "lotNumber", input.lotNumber, { max: 64 });
  const expiresOn = requireDate(p, "expiresOn", input.expiresOn, {
    notBefore: "2000-01-01",
    notAfter: "2100-12-31",
  });
  if (lotNumber && existing.some((l) => l.lotNumber.trim().toLowerCase() === lotNumber.toLowerCase()))
    p.add("lotNumber", `lot ${lotNumber} is already in the catalogue for this serum`);
  p.throwIfAny();
  return { lotNumber: lotNumber!, expiresOn: expiresOn! };
}

/** Catalogue serums whose name or ingredients match a protocol's suggestion tags ("PRP", "hyaluronic acid"). */
export function serumsMatching(suggestions: readonly string[], catalogue: readonly Serum[]): Serum[] {
  return catalogue.filter((s) =>
    suggestions.some((tag) => termsMatch(tag, s.name) || s.ingredients.some((i) => termsMatch(tag, i))),
  );
}

import type { Allergy } from "../../patient";
import { findMatch } from "../../terms";
import { block, warn } from "../context";
import type { ContraindicationCode, ContraindicationFinding, ScreeningRule } from "../types";

/** Allergies to the needles' metal or to the numbing cream. */

const METAL_TERMS = ["nickel", "stainless steel", "chromium", "cobalt"];
const ANAESTHETIC_TERMS = [
  "lidocaine",
  "lignocaine",
  "prilocaine",
  "tetracaine",
  "amethocaine",
  "benzocaine",
  "articaine",
  "emla",
  "local anaesthetic",
  "local anesthetic",
  "anaesthetic",
  "anesthetic",
];

export const nickelAllergyHistory: ScreeningRule = {
  id: "nickel-allergy-history",
  checks: "a nickel allergy in the history",
  codes: ["METAL_ALLERGY"],
  reads: ["history"],
  evaluate: (ctx) =>
    ctx.hasHistory("NICKEL_ALLERGY")
      ? [
          block(
            "METAL_ALLERGY",
            "Allergy to nickel / stainless steel: the needles may cause an allergic reaction. Needles must be confirmed free of it.",
            "history: nickel allergy",
          ),
        ]
      : [],
};

export const anaestheticAllergyHistory: ScreeningRule = {
  id: "anaesthetic-allergy-history",
  checks: "a topical anaesthetic allergy in the history",
  codes: ["ANAESTHETIC_ALLERGY"],
  reads: ["history"],
  evaluate: (ctx) =>
    ctx.hasHistory("ANAESTHETIC_ALLERGY")
      ? [
          block(
            "ANAESTHETIC_ALLERGY",
            "Allergy to topical anaesthetic: do not use that numbing agent; an alternative needs a prescriber's decision.",
            "history: anaesthetic allergy",
          ),
        ]
      : [],
};

/** An allergy BLOCKs; a sensitivity WARNs. */
function allergyFinding(a: Allergy, code: ContraindicationCode, what: string): ContraindicationFinding {
  const source = `${a.kind === "ALLERGY" ? "allergy" : "sensitivity"}: ${a.substance}`;
  if (a.kind !== "ALLERGY")
    return warn(code, `Sensitivity to ${what}: watch for irritation and consider an alternative.`, source);
  return block(
    code,
    `Allergy to ${what}: risk of an allergic reaction during treatment.${code === "ANAESTHETIC_ALLERGY" ? " Do not use that numbing agent; an alternative needs a prescriber's decision." : " Needles must be confirmed free of it."}`,
    source,
  );
}

/** A substance naming a metal counts as a metal allergy only, even if it also names an anaesthetic. */
export const allergyList: ScreeningRule = {
  id: "allergy-list",
  checks:
    "allergies and sensitivities on the patient's list naming the needles' metals or a topical anaesthetic",
  codes: ["METAL_ALLERGY", "ANAESTHETIC_ALLERGY"],
  reads: ["allergies"],
  evaluate: ({ patient }) =>
    patient.allergies.flatMap((a) => {
      if (findMatch(a.substance, METAL_TERMS))
        return [allergyFinding(a, "METAL_ALLERGY", "nickel / stainless steel")];
      if (findMatch(a.substance, ANAESTHETIC_TERMS))
        return [allergyFinding(a, "ANAESTHETIC_ALLERGY", `the topical anaesthetic (${a.substance})`)];
      return [];
    }),
};

import { medicationFindings } from "../../safety/medicines";
import type { ContraindicationCode, ContraindicationFinding, ScreenContext, ScreeningRule } from "../types";

/**
 * Medicines the patient record has no class for, recognised by name (DOMAIN.md "Medicines by
 * name"): antiplatelets, photosensitisers, bruising supplements, and a WARN for a name nobody has
 * classified, so an unknown medicine is never silently passed. Current medicines only.
 */
const findingsOf = (ctx: ScreenContext, code: ContraindicationCode): ContraindicationFinding[] =>
  medicationFindings({ medications: ctx.patient.medications, onDate: ctx.onDate, settings: ctx.settings })
    .filter((f) => f.code === code)
    .map((f) => ({ code, level: f.level, reason: f.reason, source: f.source, overridable: f.overridable }));

export const antiplatelet: ScreeningRule = {
  id: "antiplatelet",
  checks:
    "a current antiplatelet (aspirin, clopidogrel...) by class or by name; BLOCK when the clinic sets it",
  codes: ["ANTIPLATELET"],
  reads: ["medications", "settings"],
  evaluate: (ctx) => findingsOf(ctx, "ANTIPLATELET"),
};

export const photosensitiser: ScreeningRule = {
  id: "photosensitiser",
  checks: "a current photosensitising medicine (doxycycline, St John's wort...) by name",
  codes: ["PHOTOSENSITISER"],
  reads: ["medications"],
  evaluate: (ctx) => findingsOf(ctx, "PHOTOSENSITISER"),
};

export const bruisingSupplement: ScreeningRule = {
  id: "bruising-supplement",
  checks: "a current supplement that increases bruising (fish oil, vitamin E, ginkgo) by name",
  codes: ["BRUISING_SUPPLEMENT"],
  reads: ["medications"],
  evaluate: (ctx) => findingsOf(ctx, "BRUISING_SUPPLEMENT"),
};

export const unclassifiedMedication: ScreeningRule = {
  id: "unclassified-medication",
  checks: "a current medicine entered as OTHER whose name the dictionary does not recognise",
  codes: ["MEDICATION_UNCLASSIFIED"],
  reads: ["medications"],
  evaluate: (ctx) => findingsOf(ctx, "MEDICATION_UNCLASSIFIED"),
};

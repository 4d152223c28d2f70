import { block, warn } from "../context";
import type { ScreeningRule } from "../types";

/** The day's yes/no answers about the skin and pregnancy: each "yes" is a finding on its own. */

export const activeSkinInfection: ScreeningRule = {
  id: "active-skin-infection",
  checks: "an active skin infection in the treatment area (today's answer)",
  codes: ["ACTIVE_SKIN_INFECTION"],
  reads: ["answers", "area"],
  evaluate: ({ answers, where }) =>
    answers.activeSkinInfection
      ? [
          block(
            "ACTIVE_SKIN_INFECTION",
            `Active skin infection in the treatment area${where}: needling spreads it and risks a deeper infection. Treat the infection first.`,
            "screening answer: active skin infection",
          ),
        ]
      : [],
};

export const activeAcne: ScreeningRule = {
  id: "active-acne",
  checks: "active inflamed acne in the treatment area (today's answer)",
  codes: ["ACTIVE_ACNE"],
  reads: ["answers", "area"],
  evaluate: ({ answers, where }) =>
    answers.activeAcneInArea
      ? [
          block(
            "ACTIVE_ACNE",
            `Active inflamed acne in the treatment area${where}: needling spreads bacteria and worsens inflammation. Treat the acne first; scars can be needled once lesions have settled.`,
            "screening answer: active acne in area",
          ),
        ]
      : [],
};

export const activeHerpes: ScreeningRule = {
  id: "active-herpes",
  checks: "a herpes simplex outbreak now (today's answer)",
  codes: ["ACTIVE_HERPES"],
  reads: ["answers"],
  evaluate: ({ answers }) =>
    answers.activeHerpesOutbreak
      ? [
          block(
            "ACTIVE_HERPES",
            "Active herpes simplex outbreak: needling can spread the virus across the treated skin. Wait until the lesions have fully healed.",
            "screening answer: active herpes outbreak",
          ),
        ]
      : [],
};

export const openWounds: ScreeningRule = {
  id: "open-wounds",
  checks: "open wounds or broken skin in the treatment area (today's answer)",
  codes: ["OPEN_WOUNDS"],
  reads: ["answers", "area"],
  evaluate: ({ answers, where }) =>
    answers.openWounds
      ? [
          block(
            "OPEN_WOUNDS",
            `Open wounds in the treatment area${where}: infection risk and poor healing. Wait until the skin is intact.`,
            "screening answer: open wounds",
          ),
        ]
      : [],
};

export const pregnantOrBreastfeeding: ScreeningRule = {
  id: "pregnant-or-breastfeeding",
  checks: "pregnancy or breastfeeding (today's answer)",
  codes: ["PREGNANT_OR_BREASTFEEDING"],
  reads: ["answers"],
  evaluate: ({ answers }) =>
    answers.pregnantOrBreastfeeding
      ? [
          block(
            "PREGNANT_OR_BREASTFEEDING",
            "Pregnant or breastfeeding: microneedling and its serums are not established as safe; defer until after pregnancy and breastfeeding.",
            "screening answer: pregnant or breastfeeding",
          ),
        ]
      : [],
};

export const skinFlareInArea: ScreeningRule = {
  id: "skin-flare-in-area",
  checks: "eczema, psoriasis or rosacea flaring in the treatment area (today's answer)",
  codes: ["SKIN_FLARE_IN_AREA"],
  reads: ["answers", "area"],
  evaluate: ({ answers, where }) =>
    answers.eczemaPsoriasisRosaceaFlareInArea
      ? [
          block(
            "SKIN_FLARE_IN_AREA",
            `Eczema, psoriasis or rosacea flaring in the treatment area${where}: needling can worsen the flare (and psoriasis can spread to injured skin). Wait until it has settled.`,
            "screening answer: eczema/psoriasis/rosacea flare in area",
          ),
        ]
      : [],
};

export const sunburn: ScreeningRule = {
  id: "sunburn",
  checks: "sunburn in the treatment area (today's answer)",
  codes: ["SUNBURN"],
  reads: ["answers"],
  evaluate: ({ answers }) =>
    answers.sunburn
      ? [
          warn(
            "SUNBURN",
            "Sunburn in the treatment area: the skin is already inflamed; higher risk of irritation and pigmentation. Consider postponing until it has healed.",
            "screening answer: sunburn",
          ),
        ]
      : [],
};

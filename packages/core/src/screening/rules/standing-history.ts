import { FACIAL_ZONES } from "../../concerns";
import { block, medicationSource, warn } from "../context";
import type { ScreeningRule } from "../types";

/** The patient's standing history and long-term medicines: healing, bleeding, infection risk. */

export const keloidTendency: ScreeningRule = {
  id: "keloid-tendency",
  checks: "a keloid or hypertrophic scarring tendency in the history",
  codes: ["KELOID_TENDENCY"],
  reads: ["history"],
  evaluate: (ctx) =>
    ctx.hasHistory("KELOID_TENDENCY")
      ? [
          block(
            "KELOID_TENDENCY",
            "Keloid or hypertrophic scarring tendency: needling injury can trigger new raised scars.",
            "history: keloid tendency",
          ),
        ]
      : [],
};

export const bleedingDisorder: ScreeningRule = {
  id: "bleeding-disorder",
  checks: "a bleeding disorder in the history",
  codes: ["BLEEDING_DISORDER"],
  reads: ["history"],
  evaluate: (ctx) =>
    ctx.hasHistory("BLEEDING_DISORDER")
      ? [
          block(
            "BLEEDING_DISORDER",
            "Bleeding disorder: bleeding and bruising from needling may not stop normally.",
            "history: bleeding disorder",
          ),
        ]
      : [],
};

export const anticoagulant: ScreeningRule = {
  id: "anticoagulant",
  checks: "a current anticoagulant on the medication list",
  codes: ["ANTICOAGULANT"],
  reads: ["medications"],
  evaluate: (ctx) =>
    ctx
      .medications("ANTICOAGULANT")
      .filter((m) => ctx.isCurrent(m))
      .map((m) =>
        block(
          "ANTICOAGULANT",
          "Taking an anticoagulant: prolonged bleeding and bruising. Do not stop it without the prescriber; seek medical advice.",
          medicationSource(m, "anticoagulant"),
        ),
      ),
};

export const immunosuppression: ScreeningRule = {
  id: "immunosuppression",
  checks: "immunosuppression in the history",
  codes: ["IMMUNOSUPPRESSION"],
  reads: ["history"],
  evaluate: (ctx) =>
    ctx.hasHistory("IMMUNOSUPPRESSION")
      ? [
          block(
            "IMMUNOSUPPRESSION",
            "Immunosuppressed: higher infection risk and impaired healing.",
            "history: immunosuppression",
          ),
        ]
      : [],
};

export const immunosuppressant: ScreeningRule = {
  id: "immunosuppressant",
  checks: "a current immunosuppressant on the medication list",
  codes: ["IMMUNOSUPPRESSION"],
  reads: ["medications"],
  evaluate: (ctx) =>
    ctx
      .medications("IMMUNOSUPPRESSANT")
      .filter((m) => ctx.isCurrent(m))
      .map((m) =>
        block(
          "IMMUNOSUPPRESSION",
          "Taking an immunosuppressant: higher infection risk and impaired healing.",
          medicationSource(m, "immunosuppressant"),
        ),
      ),
};

export const uncontrolledDiabetes: ScreeningRule = {
  id: "uncontrolled-diabetes",
  checks: "uncontrolled diabetes in the history",
  codes: ["UNCONTROLLED_DIABETES"],
  reads: ["history"],
  evaluate: (ctx) =>
    ctx.hasHistory("DIABETES_UNCONTROLLED")
      ? [
          block(
            "UNCONTROLLED_DIABETES",
            "Uncontrolled diabetes: impaired wound healing and higher infection risk.",
            "history: uncontrolled diabetes",
          ),
        ]
      : [],
};

/** Skipped while an outbreak is answered: the active outbreak BLOCK already covers it. */
export const herpesHistory: ScreeningRule = {
  id: "herpes-history",
  checks: "a history of herpes simplex when the face is treated (or no area is given)",
  codes: ["HERPES_HISTORY"],
  reads: ["history", "answers", "area"],
  evaluate: ({ hasHistory, answers, area }) => {
    if (!hasHistory("HERPES_SIMPLEX_HISTORY") || answers.activeHerpesOutbreak) return [];
    const facial = !area || area.length === 0 || area.some((z) => FACIAL_ZONES.includes(z));
    if (!facial) return [];
    return [
      warn(
        "HERPES_HISTORY",
        "History of herpes simplex (cold sores): needling can reactivate it. Consider antiviral prophylaxis before treatment.",
        "history: herpes simplex",
      ),
    ];
  },
};

export const fitzpatrickPihRisk: ScreeningRule = {
  id: "fitzpatrick-pih-risk",
  checks: "Fitzpatrick skin type IV, V or VI (post-inflammatory hyperpigmentation risk)",
  codes: ["FITZPATRICK_PIH_RISK"],
  reads: ["fitzpatrick"],
  evaluate: ({ patient: { fitzpatrick: fitz } }) =>
    fitz === "IV" || fitz === "V" || fitz === "VI"
      ? [
          warn(
            "FITZPATRICK_PIH_RISK",
            `Fitzpatrick type ${fitz}: higher risk of post-inflammatory hyperpigmentation. Use conservative depth (lower end of the range) and strict sun protection.`,
            `patient: Fitzpatrick ${fitz}`,
          ),
        ]
      : [],
};

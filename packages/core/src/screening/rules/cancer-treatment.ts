import { settingSource } from "../../settings";
import { block, medicationSource } from "../context";
import type { ScreenContext, ScreeningRule } from "../types";

/** Chemotherapy or radiotherapy, current or within the clinic's period (chemoRadiotherapyMonths). */

const reason = ({ settings }: ScreenContext): string =>
  `Chemotherapy or radiotherapy within the last ${settings.chemoRadiotherapyMonths} months: healing and immunity are impaired, infection risk is high. Defer treatment.`;

export const chemoRadiotherapyNow: ScreeningRule = {
  id: "chemo-radiotherapy-now",
  checks: "chemotherapy or radiotherapy under way (today's answer)",
  codes: ["CHEMO_RADIOTHERAPY"],
  reads: ["answers", "settings"],
  evaluate: (ctx) =>
    ctx.answers.chemoOrRadiotherapyCurrent
      ? [
          block(
            "CHEMO_RADIOTHERAPY",
            reason(ctx),
            "screening answer: currently having chemotherapy/radiotherapy",
          ),
        ]
      : [],
};

export const chemoRadiotherapyRecent: ScreeningRule = {
  id: "chemo-radiotherapy-recent",
  checks: "the last chemotherapy or radiotherapy within the clinic's period (today's answer)",
  codes: ["CHEMO_RADIOTHERAPY"],
  reads: ["answers", "settings"],
  evaluate: (ctx) => {
    const { answers, settings } = ctx;
    const date = answers.chemoOrRadiotherapyDate;
    if (!date || !ctx.withinMonths(date, settings.chemoRadiotherapyMonths)) return [];
    return [
      block(
        "CHEMO_RADIOTHERAPY",
        reason(ctx),
        `screening answer: last chemotherapy/radiotherapy ${date}; ${settingSource(settings, "chemoRadiotherapyMonths")}`,
      ),
    ];
  },
};

export const chemoRadiotherapyMedication: ScreeningRule = {
  id: "chemo-radiotherapy-medication",
  checks:
    "chemotherapy or radiotherapy on the medication list, current or stopped within the clinic's period",
  codes: ["CHEMO_RADIOTHERAPY"],
  reads: ["medications", "settings"],
  evaluate: (ctx) => {
    const { settings } = ctx;
    return [...ctx.medications("CHEMOTHERAPY"), ...ctx.medications("RADIOTHERAPY")]
      .filter(
        (m) =>
          ctx.isCurrent(m) ||
          (m.stoppedOn && ctx.withinMonths(m.stoppedOn, settings.chemoRadiotherapyMonths)),
      )
      .map((m) =>
        block(
          "CHEMO_RADIOTHERAPY",
          reason(ctx),
          `${medicationSource(m, m.class === "CHEMOTHERAPY" ? "chemotherapy" : "radiotherapy")}; ${settingSource(settings, "chemoRadiotherapyMonths")}`,
        ),
      );
  },
};

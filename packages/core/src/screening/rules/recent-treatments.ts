import { settingSource } from "../../settings";
import { medicationSource, warn } from "../context";
import type { ScreenContext, ScreeningRule } from "../types";

/** Other treatments of the skin within the clinic's waiting periods: warnings, never blocks. */

export const recentToxin: ScreeningRule = {
  id: "recent-toxin",
  checks: "botulinum toxin in the area within the clinic's period (today's answer)",
  codes: ["RECENT_TOXIN"],
  reads: ["answers", "settings"],
  evaluate: (ctx) => {
    const { answers, settings } = ctx;
    const date = answers.toxinDate;
    if (!date || !ctx.withinDays(date, settings.toxinDays)) return [];
    return [
      warn(
        "RECENT_TOXIN",
        `Botulinum toxin in the area on ${date}, less than ${settings.toxinDays} days ago: needling may spread it before it has settled.`,
        `screening answer: toxin ${date}; ${settingSource(settings, "toxinDays")}`,
      ),
    ];
  },
};

export const recentFiller: ScreeningRule = {
  id: "recent-filler",
  checks: "dermal filler in the area within the clinic's period (today's answer)",
  codes: ["RECENT_FILLER"],
  reads: ["answers", "settings"],
  evaluate: (ctx) => {
    const { answers, settings } = ctx;
    const date = answers.fillerDate;
    if (!date || !ctx.withinDays(date, settings.fillerDays)) return [];
    return [
      warn(
        "RECENT_FILLER",
        `Dermal filler in the area on ${date}, less than ${settings.fillerDays} days ago: risk of displacing the filler and of infection.`,
        `screening answer: filler ${date}; ${settingSource(settings, "fillerDays")}`,
      ),
    ];
  },
};

export const recentPeelLaser: ScreeningRule = {
  id: "recent-peel-laser",
  checks: "a chemical peel or laser within the clinic's period (today's answer)",
  codes: ["RECENT_PEEL_LASER"],
  reads: ["answers", "settings"],
  evaluate: (ctx) => {
    const { answers, settings } = ctx;
    const date = answers.peelLaserDate;
    const days = settings.peelLaserRetinoidDays;
    if (!date || !ctx.withinDays(date, days)) return [];
    return [
      warn(
        "RECENT_PEEL_LASER",
        `Chemical peel or laser on ${date}, less than ${days} days ago: the skin barrier has not recovered; risk of irritation and pigmentation.`,
        `screening answer: peel/laser ${date}; ${settingSource(settings, "peelLaserRetinoidDays")}`,
      ),
    ];
  },
};

const retinoidReason = ({ settings }: ScreenContext): string =>
  `Retinoid used within the last ${settings.peelLaserRetinoidDays} days: the skin is more fragile and reactive; risk of irritation.`;

export const recentRetinoid: ScreeningRule = {
  id: "recent-retinoid",
  checks: "a retinoid cream used within the clinic's period (today's answer)",
  codes: ["RECENT_RETINOID"],
  reads: ["answers", "settings"],
  evaluate: (ctx) => {
    const { answers, settings } = ctx;
    const date = answers.retinoidDate;
    if (!date || !ctx.withinDays(date, settings.peelLaserRetinoidDays)) return [];
    return [
      warn(
        "RECENT_RETINOID",
        retinoidReason(ctx),
        `screening answer: retinoid ${date}; ${settingSource(settings, "peelLaserRetinoidDays")}`,
      ),
    ];
  },
};

export const topicalRetinoidMedication: ScreeningRule = {
  id: "topical-retinoid-medication",
  checks: "a topical retinoid on the medication list, current or stopped within the clinic's period",
  codes: ["RECENT_RETINOID"],
  reads: ["medications", "settings"],
  evaluate: (ctx) => {
    const { settings } = ctx;
    return ctx
      .medications("TOPICAL_RETINOID")
      .filter(
        (m) =>
          ctx.isCurrent(m) || (m.stoppedOn && ctx.withinDays(m.stoppedOn, settings.peelLaserRetinoidDays)),
      )
      .map((m) =>
        warn(
          "RECENT_RETINOID",
          retinoidReason(ctx),
          `${medicationSource(m, "topical retinoid")}; ${settingSource(settings, "peelLaserRetinoidDays")}`,
        ),
      );
  },
};

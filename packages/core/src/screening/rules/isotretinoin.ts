import { addMonths } from "../../calendar";
import { settingSource } from "../../settings";
import { block, medicationSource, warn } from "../context";
import type { ScreeningRule } from "../types";

/**
 * Isotretinoin current or stopped within the clinic's period. A BLOCK by default; a clinic may make
 * it a WARN (isotretinoinLevel) because the evidence is mixed (DOMAIN.md "Contraindications").
 */
export const isotretinoin: ScreeningRule = {
  id: "isotretinoin",
  checks: "isotretinoin on the medication list, current or stopped within the clinic's period",
  codes: ["ISOTRETINOIN"],
  reads: ["medications", "settings"],
  evaluate: (ctx) => {
    const { settings } = ctx;
    const months = settings.isotretinoinMonths;
    const asWarning = settings.isotretinoinLevel === "WARN";
    return ctx
      .medications("ISOTRETINOIN")
      .filter((m) => ctx.isCurrent(m) || (m.stoppedOn && ctx.withinMonths(m.stoppedOn, months)))
      .map((m) => {
        const until = m.stoppedOn ? ` (earliest ${addMonths(m.stoppedOn, months)})` : "";
        const reason = `Isotretinoin taken within the last ${months} months${until}: risk of delayed healing and atypical scarring.${asWarning ? " Your clinic treats this as a warning: discuss the risk and record consent." : ""}`;
        const source = `${medicationSource(m, "isotretinoin")}; ${settingSource(settings, "isotretinoinMonths")}, isotretinoinLevel=${settings.isotretinoinLevel}`;
        return asWarning ? warn("ISOTRETINOIN", reason, source) : block("ISOTRETINOIN", reason, source);
      });
  },
};

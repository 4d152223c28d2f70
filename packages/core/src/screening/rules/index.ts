import type { ScreeningRule } from "../types";
import { allergyList, anaestheticAllergyHistory, nickelAllergyHistory } from "./allergies";
import {
  chemoRadiotherapyMedication,
  chemoRadiotherapyNow,
  chemoRadiotherapyRecent,
} from "./cancer-treatment";
import { isotretinoin } from "./isotretinoin";
import {
  antiplatelet,
  bruisingSupplement,
  photosensitiser,
  unclassifiedMedication,
} from "./medicines-by-name";
import {
  recentFiller,
  recentPeelLaser,
  recentRetinoid,
  recentToxin,
  topicalRetinoidMedication,
} from "./recent-treatments";
import {
  activeAcne,
  activeHerpes,
  activeSkinInfection,
  openWounds,
  pregnantOrBreastfeeding,
  skinFlareInArea,
  sunburn,
} from "./skin-today";
import {
  anticoagulant,
  bleedingDisorder,
  fitzpatrickPihRisk,
  herpesHistory,
  immunosuppressant,
  immunosuppression,
  keloidTendency,
  uncontrolledDiabetes,
} from "./standing-history";

/**
 * The screen's rules in the order they run. Order matters: findings are merged by code keeping the
 * first reason, and the merged list keeps the order in which codes first appear.
 */
export const SCREENING_RULES: readonly ScreeningRule[] = [
  activeSkinInfection,
  activeAcne,
  activeHerpes,
  openWounds,
  pregnantOrBreastfeeding,
  skinFlareInArea,
  sunburn,
  chemoRadiotherapyNow,
  chemoRadiotherapyRecent,
  chemoRadiotherapyMedication,
  isotretinoin,
  keloidTendency,
  bleedingDisorder,
  anticoagulant,
  immunosuppression,
  immunosuppressant,
  antiplatelet,
  photosensitiser,
  bruisingSupplement,
  unclassifiedMedication,
  uncontrolledDiabetes,
  nickelAllergyHistory,
  anaestheticAllergyHistory,
  allergyList,
  herpesHistory,
  fitzpatrickPihRisk,
  recentToxin,
  recentFiller,
  recentPeelLaser,
  recentRetinoid,
  topicalRetinoidMedication,
];

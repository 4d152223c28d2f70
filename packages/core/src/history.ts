import type { HistoryFlag, MedicationClass } from "./patient";

/**
 * What the contraindication screen makes of a patient's standing record, for the forms that show it
 * before any screen runs: history flags that block needling (unless overridden) and the medication
 * classes the screen looks at. history.test.ts holds them to what screen() does.
 */
export const BLOCKING_HISTORY_FLAGS: ReadonlySet<HistoryFlag> = new Set<HistoryFlag>([
  "KELOID_TENDENCY",
  "BLEEDING_DISORDER",
  "IMMUNOSUPPRESSION",
  "DIABETES_UNCONTROLLED",
  "NICKEL_ALLERGY",
  "ANAESTHETIC_ALLERGY",
]);

export const SCREENED_MEDICATION_CLASSES: ReadonlySet<MedicationClass> = new Set<MedicationClass>([
  "ISOTRETINOIN",
  "ANTICOAGULANT",
  "IMMUNOSUPPRESSANT",
  "CHEMOTHERAPY",
  "RADIOTHERAPY",
  "TOPICAL_RETINOID",
]);

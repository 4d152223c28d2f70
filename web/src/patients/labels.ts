import { BLOCKING_HISTORY_FLAGS, Protocols, SCREENED_MEDICATION_CLASSES } from "@needlework/core";
import type {
  AllergyKind,
  AllergySeverity,
  FitzpatrickType,
  HistoryFlag,
  MedicationClass,
} from "../gql/graphql";

export const FITZPATRICK: Record<FitzpatrickType, string> = {
  I: "I: always burns, never tans",
  II: "II: usually burns, tans minimally",
  III: "III: sometimes burns, tans gradually",
  IV: "IV: burns minimally, tans well",
  V: "V: rarely burns, tans deeply",
  VI: "VI: never burns",
};

/** Types IV–VI carry a post-inflammatory hyperpigmentation risk: conservative depth. */
export const fitzpatrickRisk = Protocols.isConservative;

export const ALLERGY_KIND: Record<AllergyKind, string> = {
  ALLERGY: "Allergy",
  SENSITIVITY: "Sensitivity",
};

export const SEVERITY: Record<AllergySeverity, string> = {
  MILD: "Mild",
  MODERATE: "Moderate",
  SEVERE: "Severe",
};

export const MEDICATION_CLASS: Record<MedicationClass, string> = {
  ISOTRETINOIN: "Isotretinoin",
  ANTICOAGULANT: "Anticoagulant",
  IMMUNOSUPPRESSANT: "Immunosuppressant",
  CHEMOTHERAPY: "Chemotherapy",
  RADIOTHERAPY: "Radiotherapy",
  TOPICAL_RETINOID: "Topical retinoid",
  MINOXIDIL: "Minoxidil",
  ANTIVIRAL: "Antiviral",
  OTHER: "Other",
};

export const HISTORY_FLAG: Record<HistoryFlag, string> = {
  HERPES_SIMPLEX_HISTORY: "History of herpes simplex (cold sores)",
  KELOID_TENDENCY: "Keloid or hypertrophic scarring tendency",
  BLEEDING_DISORDER: "Bleeding disorder",
  IMMUNOSUPPRESSION: "Immunosuppression",
  DIABETES_UNCONTROLLED: "Diabetes, uncontrolled",
  DIABETES_CONTROLLED: "Diabetes, controlled",
  ECZEMA: "Eczema",
  PSORIASIS: "Psoriasis",
  ROSACEA: "Rosacea",
  NICKEL_ALLERGY: "Allergy to stainless steel / nickel",
  ANAESTHETIC_ALLERGY: "Allergy to topical anaesthetic",
};

/** Flags that block needling unless a prescriber overrides, shown in red; the rest warn. */
export const BLOCKING_FLAGS = BLOCKING_HISTORY_FLAGS;

/** Medication classes the contraindication screen looks at. */
export const SCREENED_MEDICATIONS = SCREENED_MEDICATION_CLASSES;

export function keysOf<K extends string>(record: Record<K, string>): K[] {
  return Object.keys(record) as K[];
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function ageOn(dob: string, today: Date = new Date()): number | null {
  const [y, m, d] = dob.split("-").map(Number);
  if (!y || !m || !d) return null;
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

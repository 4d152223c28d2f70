import type {
  AdverseEventClass,
  AdverseEventSeverity,
  AdverseEventType,
  ContraindicationLevel,
  Device,
  Indication,
  Rater,
  SerumClearance,
  Zone,
} from "../gql/graphql";

/** Practitioner words for the clinical enums of the contract (the same words core uses). */

export const INDICATION: Record<Indication, string> = {
  ALOPECIA: "Alopecia (hair loss)",
  WRINKLES: "Wrinkles / fine lines",
  ROSACEA: "Rosacea",
  ACNE_SCARRING: "Acne scarring",
  PIGMENTATION: "Pigmentation",
  MELASMA: "Melasma",
  STRETCH_MARKS: "Stretch marks",
  SCARRING: "Scarring (surgical / traumatic)",
  LAXITY: "Loose skin / laxity",
  REJUVENATION: "General rejuvenation",
};

export const ZONE: Record<Zone, string> = {
  FOREHEAD: "Forehead",
  PERIORBITAL: "Around the eyes",
  CHEEKS: "Cheeks",
  NOSE: "Nose",
  PERIORAL: "Around the mouth",
  CHIN: "Chin",
  JAWLINE: "Jawline",
  NECK: "Neck",
  DECOLLETAGE: "Décolletage",
  SCALP: "Scalp",
  ABDOMEN: "Abdomen",
  THIGHS: "Thighs",
  ARMS: "Arms",
  BUTTOCKS: "Buttocks",
  BACK: "Back",
  HANDS: "Backs of the hands",
};

export const DEVICE: Record<Device, string> = {
  DERMAROLLER: "Dermaroller (manual)",
  PEN: "Dermapen / motorised pen",
  RF_MICRONEEDLING: "RF microneedling",
};

export const ADVERSE_EVENT: Record<AdverseEventType, string> = {
  ERYTHEMA_OEDEMA: "Redness / swelling",
  PIH: "Post-inflammatory hyperpigmentation",
  INFECTION: "Infection",
  HERPES_REACTIVATION: "Herpes (cold sore) reactivation",
  GRANULOMA: "Granuloma",
  TRAM_TRACK_SCARRING: "Tram-track scarring",
  ALLERGIC_REACTION: "Allergic reaction",
  OTHER: "Other",
};

export const ADVERSE_SEVERITY: Record<AdverseEventSeverity, string> = {
  MILD: "Mild",
  MODERATE: "Moderate",
  SEVERE: "Severe",
};

export const ADVERSE_CLASS: Record<AdverseEventClass, string> = {
  EXPECTED: "Expected",
  PROLONGED: "Prolonged",
  ABNORMAL: "Abnormal",
};

export const CLEARANCE: Record<SerumClearance, string> = {
  CLEARED_FOR_NEEDLING: "Cleared for use during needling",
  TOPICAL_AFTER_HEALING: "Topical use after healing only",
};

/** For badges, where the full wording does not fit. */
export const CLEARANCE_SHORT: Record<SerumClearance, string> = {
  CLEARED_FOR_NEEDLING: "Cleared for needling",
  TOPICAL_AFTER_HEALING: "After healing only",
};

export const LEVEL: Record<ContraindicationLevel, string> = {
  BLOCK: "Blocks treatment",
  WARN: "Warning",
};

export const RATER: Record<Rater, string> = {
  CLINICIAN: "Clinician",
  PATIENT: "Patient",
};

/** The device's needle-length range (DOMAIN.md "Devices"). */
export const DEPTH_MIN_MM = 0.25;
export const DEPTH_MAX_MM = 2.5;

export function optionsOf<K extends string>(record: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(record) as K[]).map((value) => ({ value, label: record[value] }));
}

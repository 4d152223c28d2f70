import { Concerns, Devices, Sessions } from "@needlework/core";
import type {
  AdverseEventClass,
  AdverseEventSeverity,
  ContraindicationLevel,
  Rater,
  SerumClearance,
} from "../gql/graphql";

/** Practitioner words for the clinical enums of the contract: core's where core has them. */

export const INDICATION = Concerns.INDICATION_LABELS;
export const ZONE = Concerns.ZONE_LABELS;
export const DEVICE = Devices.DEVICE_LABELS;
export const ADVERSE_EVENT = Sessions.ADVERSE_EVENT_LABELS;

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

/** The device's needle-length range. */
export const DEPTH_MIN_MM = Concerns.DEVICE_DEPTH_MIN_MM;
export const DEPTH_MAX_MM = Concerns.DEVICE_DEPTH_MAX_MM;

export function optionsOf<K extends string>(
  record: Readonly<Record<K, string>>,
): { value: K; label: string }[] {
  return (Object.keys(record) as K[]).map((value) => ({ value, label: record[value] }));
}

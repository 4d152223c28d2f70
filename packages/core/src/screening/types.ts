import type { ContraindicationReason } from "../errors";
import type { HistoryFlag, Medication, MedicationClass, Patient } from "../patient";
import type { Zone } from "../concerns";
import type { ClinicSettings } from "../settings";

/** A finding of the screen (or of a serum check). `overridable: false` means no override exists. */
export interface ContraindicationFinding extends ContraindicationReason {
  overridable: boolean;
}

export const CONTRAINDICATION_CODES = [
  // BLOCK
  "ACTIVE_SKIN_INFECTION",
  "ACTIVE_ACNE",
  "ACTIVE_HERPES",
  "OPEN_WOUNDS",
  "PREGNANT_OR_BREASTFEEDING",
  "CHEMO_RADIOTHERAPY",
  "ISOTRETINOIN",
  "KELOID_TENDENCY",
  "BLEEDING_DISORDER",
  "ANTICOAGULANT",
  "IMMUNOSUPPRESSION",
  "UNCONTROLLED_DIABETES",
  "METAL_ALLERGY",
  "ANAESTHETIC_ALLERGY",
  "SKIN_FLARE_IN_AREA",
  // WARN
  "HERPES_HISTORY",
  "FITZPATRICK_PIH_RISK",
  "RECENT_TOXIN",
  "RECENT_FILLER",
  "RECENT_PEEL_LASER",
  "RECENT_RETINOID",
  "SUNBURN",
  // WARN, or BLOCK by the clinic's antiplateletLevel
  "ANTIPLATELET",
  "PHOTOSENSITISER",
  "BRUISING_SUPPLEMENT",
  "MEDICATION_UNCLASSIFIED",
] as const;
export type ContraindicationCode = (typeof CONTRAINDICATION_CODES)[number];

/** The day's answers to the screening questions; medications and history come from the patient. */
export interface ScreeningAnswers {
  activeSkinInfection: boolean;
  activeAcneInArea: boolean;
  activeHerpesOutbreak: boolean;
  openWounds: boolean;
  pregnantOrBreastfeeding: boolean;
  eczemaPsoriasisRosaceaFlareInArea: boolean;
  sunburn: boolean;
  /** Currently receiving chemotherapy or radiotherapy. */
  chemoOrRadiotherapyCurrent?: boolean | null;
  /** Date of the last chemotherapy or radiotherapy treatment, if any. */
  chemoOrRadiotherapyDate?: string | null;
  /** Last botulinum toxin in the treatment area. */
  toxinDate?: string | null;
  /** Last dermal filler in the treatment area. */
  fillerDate?: string | null;
  /** Last chemical peel or laser treatment in the area. */
  peelLaserDate?: string | null;
  /** Last use of a topical retinoid (retinol, tretinoin, adapalene). */
  retinoidDate?: string | null;
}

export interface ScreenInput {
  patient: Pick<Patient, "allergies" | "medications" | "historyFlags" | "fitzpatrick">;
  answers: ScreeningAnswers;
  settings: Readonly<ClinicSettings>;
  /** The day of treatment (or of the consultation). */
  onDate: string;
  /** Zones to be treated; used in the wording and to stress facial risks. */
  area?: readonly Zone[];
}

/** What a rule reads, so a reader (and a test) can see which input can raise it. */
export type Evidence =
  "answers" | "history" | "medications" | "allergies" | "fitzpatrick" | "settings" | "area";

/**
 * One row of the screen. `evaluate` is pure and returns zero or more findings, all with codes from
 * `codes`; the screen runs the rows in order and merges findings by code (first reason kept, BLOCK
 * over WARN), so a new rule is a new row.
 */
export interface ScreeningRule {
  /** Stable name, unique across the table. */
  id: string;
  /** What the rule checks, in a practitioner's words. */
  checks: string;
  /** The codes it may raise. */
  codes: readonly ContraindicationCode[];
  reads: readonly Evidence[];
  evaluate: (ctx: ScreenContext) => ContraindicationFinding[];
}

/** The screen's input with the lookups every rule needs. Built once per screen (./context.ts). */
export interface ScreenContext extends ScreenInput {
  /** The treated zones for a reason's wording, e.g. " (forehead, cheeks)"; empty without an area. */
  where: string;
  hasHistory: (flag: HistoryFlag) => boolean;
  /** Medications of a class, by the class picked or recognised from the name (Safety.medicationsForScreening). */
  medications: (cls: MedicationClass) => Medication[];
  /** The medication has started (or has no start) and has not stopped before onDate. */
  isCurrent: (m: Medication) => boolean;
  /** The waiting period of `days` after `date` has not ended by onDate. */
  withinDays: (date: string, days: number) => boolean;
  withinMonths: (date: string, months: number) => boolean;
}

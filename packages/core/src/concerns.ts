import { Problems, requireDate, requireOneOf, requireText, todayIso } from "./validate";
import { SCALE_IDS, SCALES, scaleFitsIndication, validateScore, type ScaleId } from "./scales";
import { INDICATIONS, INDICATION_LABELS, type Indication } from "./indications";

/**
 * Concerns (indications), treatment zones and their safe depth defaults (DOMAIN.md "Concerns",
 * "Typical protocols"). Active acne is a contraindication, not an indication.
 */

export { INDICATIONS, INDICATION_LABELS, type Indication };

export interface ConditionCode {
  system: "http://hl7.org/fhir/sid/icd-10";
  code: string;
  display: string;
  /** true when the code is given in DOMAIN.md; false when chosen here to fill a gap. */
  fromDomain: boolean;
}

const icd = (code: string, display: string, fromDomain: boolean): ConditionCode => ({
  system: "http://hl7.org/fhir/sid/icd-10",
  code,
  display,
  fromDomain,
});

/**
 * ICD-10 code per indication for FHIR Condition. Acne scarring is a scar (L90.5), not acne (L70.0,
 * which is active acne: a contraindication). General rejuvenation is not a condition: no code,
 * the Condition carries text only.
 */
export const ICD10: Readonly<Record<Indication, ConditionCode | null>> = {
  ALOPECIA: icd("L64.9", "Androgenic alopecia, unspecified", true),
  WRINKLES: icd("L98.8", "Other specified disorders of the skin and subcutaneous tissue", false),
  ROSACEA: icd("L71.9", "Rosacea, unspecified", true),
  ACNE_SCARRING: icd("L90.5", "Scar conditions and fibrosis of skin", true),
  PIGMENTATION: icd("L81.9", "Disorder of pigmentation, unspecified", false),
  MELASMA: icd("L81.1", "Chloasma", true),
  STRETCH_MARKS: icd("L90.6", "Striae atrophicae", true),
  SCARRING: icd("L90.5", "Scar conditions and fibrosis of skin", true),
  LAXITY: icd("L57.4", "Cutis laxa senilis", false),
  REJUVENATION: null,
};

/** Active acne, for a Condition recorded as a contraindication. */
export const ACTIVE_ACNE_ICD10: ConditionCode = icd("L70.0", "Acne vulgaris", true);

/** Body areas; a concern sits in one, a plan and a session treat one or more of them as zones. */
export const ZONES = [
  "FOREHEAD",
  "PERIORBITAL",
  "CHEEKS",
  "NOSE",
  "PERIORAL",
  "CHIN",
  "JAWLINE",
  "NECK",
  "DECOLLETAGE",
  "SCALP",
  "ABDOMEN",
  "THIGHS",
  "ARMS",
  "BUTTOCKS",
  "BACK",
  "HANDS",
] as const;
export type Zone = (typeof ZONES)[number];
/** A concern's body area is one of the zones. */
export type BodyArea = Zone;

export const ZONE_LABELS: Readonly<Record<Zone, string>> = {
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

/** The device range for needle length (DOMAIN.md "Devices"). */
export const DEVICE_DEPTH_MIN_MM = 0.25;
export const DEVICE_DEPTH_MAX_MM = 2.5;

export interface DepthRange {
  minMm: number;
  maxMm: number;
}

/**
 * Safe depth defaults per zone. Forehead, cheeks, periorbital, nose and neck are DOMAIN.md's;
 * the rest follow skin thickness: thin facial skin (perioral, chin, hands, décolletage) stays at or
 * under 1.0 mm, thick body skin (abdomen, thighs, buttocks, back) may go to the device maximum that
 * stretch-mark and scar protocols need.
 */
export const ZONE_DEPTHS: Readonly<Record<Zone, DepthRange>> = {
  FOREHEAD: { minMm: 0.25, maxMm: 0.5 },
  PERIORBITAL: { minMm: 0.25, maxMm: 0.3 },
  CHEEKS: { minMm: 0.5, maxMm: 1.5 },
  NOSE: { minMm: 0.25, maxMm: 0.5 },
  PERIORAL: { minMm: 0.25, maxMm: 1.0 },
  CHIN: { minMm: 0.5, maxMm: 1.0 },
  JAWLINE: { minMm: 0.5, maxMm: 1.5 },
  NECK: { minMm: 0.5, maxMm: 1.0 },
  DECOLLETAGE: { minMm: 0.25, maxMm: 1.0 },
  SCALP: { minMm: 0.5, maxMm: 1.5 },
  ABDOMEN: { minMm: 1.0, maxMm: 2.5 },
  THIGHS: { minMm: 1.0, maxMm: 2.5 },
  ARMS: { minMm: 0.5, maxMm: 2.0 },
  BUTTOCKS: { minMm: 1.0, maxMm: 2.5 },
  BACK: { minMm: 1.0, maxMm: 2.5 },
  HANDS: { minMm: 0.25, maxMm: 0.5 },
};

/** Facial zones, where the Fitzpatrick and herpes warnings matter most. */
export const FACIAL_ZONES: readonly Zone[] = [
  "FOREHEAD",
  "PERIORBITAL",
  "CHEEKS",
  "NOSE",
  "PERIORAL",
  "CHIN",
  "JAWLINE",
];

export const CONCERN_STATUSES = ["ACTIVE", "RESOLVED"] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export interface ConcernInput {
  indication: string;
  bodyArea: string;
  baselineScale: string;
  baselineScore: number;
  /** Date of the baseline assessment; defaults to today. */
  baselineOn?: string | null;
  status?: string | null;
  notes?: string | null;
}

export interface ValidConcernFields {
  indication: Indication;
  bodyArea: BodyArea;
  baselineScale: ScaleId;
  baselineScore: number;
  baselineOn: string;
  status: ConcernStatus;
  notes?: string | undefined;
}

/**
 * Validates a concern: indication and body area from the lists, a baseline scale that measures the
 * indication and a score that fits that scale. Throws BAD_USER_INPUT listing every problem.
 */
export function validateConcernInput(input: ConcernInput, now: Date = new Date()): ValidConcernFields {
  const p = new Problems();
  const indication = requireOneOf(p, "indication", input.indication, INDICATIONS);
  const bodyArea = requireOneOf(p, "bodyArea", input.bodyArea, ZONES);
  const baselineScale = requireOneOf(p, "baselineScale", input.baselineScale, SCALE_IDS);
  const baselineOn =
    requireDate(p, "baselineOn", input.baselineOn, { required: false, notAfter: todayIso(now) }) ??
    todayIso(now);
  const status = input.status == null ? "ACTIVE" : requireOneOf(p, "status", input.status, CONCERN_STATUSES);
  const notes = requireText(p, "notes", input.notes, { max: 2000, required: false });
  if (indication && baselineScale && !scaleFitsIndication(baselineScale, indication)) {
    p.add(
      "baselineScale",
      `${SCALES[baselineScale].name} does not measure ${INDICATION_LABELS[indication].toLowerCase()}`,
    );
  }
  if (baselineScale) {
    const v = validateScore(baselineScale, input.baselineScore);
    if (!v.ok) p.add("baselineScore", v.reason);
    if (SCALES[baselineScale].kind === "CHANGE") {
      p.add("baselineScale", `${SCALES[baselineScale].name} rates change, so it cannot be a baseline`);
    }
  }
  p.throwIfAny();
  return {
    indication: indication!,
    bodyArea: bodyArea!,
    baselineScale: baselineScale!,
    baselineScore: input.baselineScore,
    baselineOn,
    status: status!,
    notes,
  };
}

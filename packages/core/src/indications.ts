/**
 * The concerns (indications) microneedling treats. Its own module because both concerns and scales
 * name them, and concerns imports scales.
 */

export const INDICATIONS = [
  "ALOPECIA",
  "WRINKLES",
  "ROSACEA",
  "ACNE_SCARRING",
  "PIGMENTATION",
  "MELASMA",
  "STRETCH_MARKS",
  "SCARRING",
  "LAXITY",
  "REJUVENATION",
] as const;
export type Indication = (typeof INDICATIONS)[number];

export const INDICATION_LABELS: Readonly<Record<Indication, string>> = {
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

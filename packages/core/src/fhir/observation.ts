import type { FitzpatrickType } from "../patient";
import { SCALES, type Rater, type ScaleId } from "../scales";
import type { BundleContext } from "./context";
import { NEEDLEWORK_SYSTEM, type FhirExportInput, type FhirObservation, type Reference } from "./types";

export function fitzpatrickObservation(fitz: FitzpatrickType, ctx: BundleContext): FhirObservation {
  return {
    resourceType: "Observation",
    id: ctx.idOf("Observation", "fitzpatrick"),
    status: "final",
    code: {
      coding: [
        {
          system: `${NEEDLEWORK_SYSTEM}/observation`,
          code: "FITZPATRICK",
          display: "Fitzpatrick skin type",
        },
      ],
      text: "Fitzpatrick skin type",
    },
    subject: ctx.patientRef,
    effectiveDateTime: ctx.today,
    valueCodeableConcept: {
      coding: [{ system: `${NEEDLEWORK_SYSTEM}/fitzpatrick`, code: fitz }],
      text: `Type ${fitz}`,
    },
  };
}

interface Score {
  localId: string;
  scale: ScaleId;
  score: number;
  on: string;
  /** The concerns (Conditions) scored. */
  focus: Reference[];
  /** The session (Procedure) the score was taken at, if any. */
  partOf: Reference | undefined;
  /** Overrides the scale's own label for the score. */
  label: string | undefined;
  rater: Rater;
}

/** A score on an outcome scale; a patient-rated score names the patient as performer. */
export function scoreObservation(s: Score, ctx: BundleContext): FhirObservation {
  const def = SCALES[s.scale];
  const text = s.label ?? def.labels?.[s.score];
  return {
    resourceType: "Observation",
    id: ctx.idOf("Observation", s.localId),
    status: "final",
    category: [
      { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "exam" }] },
    ],
    code: {
      coding: [{ system: `${NEEDLEWORK_SYSTEM}/outcome-scale`, code: s.scale, display: def.name }],
      text: def.name,
    },
    subject: ctx.patientRef,
    focus: s.focus,
    ...(s.partOf ? { partOf: [s.partOf] } : {}),
    ...(s.rater === "PATIENT" ? { performer: [ctx.patientRef] } : {}),
    effectiveDateTime: s.on,
    valueQuantity: { value: s.score, unit: def.unit ?? "score" },
    ...(text ? { interpretation: [{ text }] } : {}),
  };
}

/** A concern's baseline score, rated by the clinician at consultation. */
export const baselineLocalId = (concernId: string): string => `baseline-${concernId}`;
export function baselineObservation(
  c: FhirExportInput["concerns"][number],
  ctx: BundleContext,
): FhirObservation {
  return scoreObservation(
    {
      localId: baselineLocalId(c.id),
      scale: c.baselineScale,
      score: c.baselineScore,
      on: c.baselineOn,
      focus: ctx.refs("Condition", [c.id]),
      partOf: undefined,
      label: undefined,
      rater: "CLINICIAN",
    },
    ctx,
  );
}

export function assessmentObservation(
  a: FhirExportInput["assessments"][number],
  ctx: BundleContext,
): FhirObservation {
  return scoreObservation(
    {
      localId: a.id,
      scale: a.scale,
      score: a.score,
      on: a.assessedOn,
      focus: ctx.refs("Condition", [a.concernId]),
      partOf: ctx.ref("Procedure", a.sessionId),
      label: a.label,
      rater: a.rater,
    },
    ctx,
  );
}

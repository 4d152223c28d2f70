import { PatientRules } from "@needlework/core";
import { errorsOf, problemsOf } from "../clinical/validate";
import { placeFieldErrors, toInput, type PatientFormValues } from "./formModel";

/**
 * Core's patient rules (the API's) on the form, so most mistakes show before a round trip; the
 * problems land on the fields as the API's would. Field path → reason.
 */
export function validatePatientForm(v: PatientFormValues, now: Date = new Date()): Record<string, string> {
  const input = toInput(v);
  const problems = problemsOf(() =>
    PatientRules.validatePatientInput(
      {
        ...input,
        allergies: input.allergies?.map((a) => ({ ...a, reaction: a.reaction ?? undefined })),
        medications: input.medications?.map((m) => ({
          ...m,
          startedOn: m.startedOn ?? undefined,
          stoppedOn: m.stoppedOn ?? undefined,
        })),
      },
      now,
    ),
  );
  const { errors, unplaced } = placeFieldErrors(problems, v);
  return { ...errorsOf(unplaced), ...errors };
}

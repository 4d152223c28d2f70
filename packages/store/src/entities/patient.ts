import { PatientRules, type Patient } from "@needlework/core";
import { z } from "zod";
import { Keys } from "../keys";
import { decodeItem, listOf, oneOf, optional, versioned, type ItemSchema } from "./decode";

/** A patient's profile (`PROFILE` in the patient collection; the site's patient list, gsi1). */

const allergy = z
  .object({
    substance: z.string(),
    kind: oneOf(PatientRules.ALLERGY_KINDS),
    reaction: optional(z.string()),
    severity: oneOf(PatientRules.ALLERGY_SEVERITIES),
  })
  .passthrough();

const medication = z
  .object({
    name: z.string(),
    class: oneOf(PatientRules.MEDICATION_CLASSES),
    startedOn: optional(z.string()),
    stoppedOn: optional(z.string()),
  })
  .passthrough();

/** The profile's own attributes (the item also holds `recordSeq`, clinical/patient-facts.ts). */
const patientSchema: ItemSchema<Patient> = z.object({
  id: z.string(),
  groupId: z.string(),
  siteId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  email: optional(z.string()),
  phone: optional(z.string()),
  fitzpatrick: optional(oneOf(PatientRules.FITZPATRICK_TYPES)),
  allergies: listOf(allergy),
  medications: listOf(medication),
  historyFlags: listOf(oneOf(PatientRules.HISTORY_FLAGS)),
  archived: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  ...versioned,
});

export function patientFromItem(item: Record<string, unknown>): Patient {
  return decodeItem("Patient", patientSchema, item);
}

export function patientItem(p: Patient): Record<string, unknown> {
  return {
    ...Keys.patientProfile(p.groupId, p.id),
    gsi1pk: Keys.sitePatientsGsi(p.groupId, p.siteId),
    gsi1sk: Keys.sitePatientsSort(PatientRules.nameSearchKey(p.familyName, p.givenName), p.id),
    type: "Patient",
    ...p,
  };
}

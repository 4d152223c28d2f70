import { PatientRules, type Patient } from "@needlework/core";
import { Keys } from "../keys";

/** A patient's profile (`PROFILE` in the patient collection; the site's patient list, gsi1). */

const PATIENT_FIELDS = [
  "id",
  "groupId",
  "siteId",
  "givenName",
  "familyName",
  "dateOfBirth",
  "email",
  "phone",
  "fitzpatrick",
  "allergies",
  "medications",
  "historyFlags",
  "archived",
  "version",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
] as const;

export function patientFromItem(item: Record<string, unknown>): Patient {
  const out: Record<string, unknown> = {};
  for (const f of PATIENT_FIELDS) out[f] = item[f];
  out.allergies ??= [];
  out.medications ??= [];
  out.historyFlags ??= [];
  out.archived ??= false;
  return out as unknown as Patient;
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

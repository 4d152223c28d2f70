/**
 * Reading a patient and sending it back changed, as the recount suites (fitzpatrick, site-move) do:
 * `updatePatient` replaces the whole profile, so the input is the profile as read with one change.
 */
export const PATIENT_FIELDS = `id version siteId: site { id } givenName familyName dateOfBirth email phone fitzpatrick
  allergies { substance kind reaction severity } medications { name class startedOn stoppedOn } historyFlags`;

export interface PatientOut {
  id: string;
  version: number;
  siteId: { id: string };
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email: string | null;
  phone: string | null;
  fitzpatrick: string | null;
  allergies: unknown[];
  medications: unknown[];
  historyFlags: string[];
}

/** The PatientInput that rewrites `p` as read, with `change` applied. */
export const patientInputOf = (
  p: PatientOut,
  change: { siteId?: string; fitzpatrick?: string | null } = {},
) => ({
  siteId: change.siteId ?? p.siteId.id,
  givenName: p.givenName,
  familyName: p.familyName,
  dateOfBirth: p.dateOfBirth,
  email: p.email,
  phone: p.phone,
  fitzpatrick: change.fitzpatrick !== undefined ? change.fitzpatrick : p.fitzpatrick,
  allergies: p.allergies,
  medications: p.medications,
  historyFlags: p.historyFlags,
});

import { Problems, requireDate, requireOneOf, requireText, todayIso } from "./validate";

export const FITZPATRICK_TYPES = ["I", "II", "III", "IV", "V", "VI"] as const;
export type FitzpatrickType = (typeof FITZPATRICK_TYPES)[number];

export const ALLERGY_SEVERITIES = ["MILD", "MODERATE", "SEVERE"] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];

export const ALLERGY_KINDS = ["ALLERGY", "SENSITIVITY"] as const;
export type AllergyKind = (typeof ALLERGY_KINDS)[number];

/** An allergy or skin sensitivity to a substance or ingredient. */
export interface Allergy {
  substance: string;
  kind: AllergyKind;
  reaction?: string | undefined;
  severity: AllergySeverity;
}

/** Medications the screen knows about carry a `class`; anything else is OTHER. */
export const MEDICATION_CLASSES = [
  "ISOTRETINOIN",
  "ANTICOAGULANT",
  "IMMUNOSUPPRESSANT",
  "CHEMOTHERAPY",
  "RADIOTHERAPY",
  "TOPICAL_RETINOID",
  "MINOXIDIL",
  "ANTIVIRAL",
  "OTHER",
] as const;
export type MedicationClass = (typeof MEDICATION_CLASSES)[number];

export interface Medication {
  name: string;
  class: MedicationClass;
  startedOn?: string | undefined;
  stoppedOn?: string | undefined;
}

/** Standing medical history that does not change from visit to visit. */
export const HISTORY_FLAGS = [
  "HERPES_SIMPLEX_HISTORY",
  "KELOID_TENDENCY",
  "BLEEDING_DISORDER",
  "IMMUNOSUPPRESSION",
  "DIABETES_UNCONTROLLED",
  "DIABETES_CONTROLLED",
  "ECZEMA",
  "PSORIASIS",
  "ROSACEA",
  "NICKEL_ALLERGY",
  "ANAESTHETIC_ALLERGY",
] as const;
export type HistoryFlag = (typeof HISTORY_FLAGS)[number];

export interface PatientInput {
  siteId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  fitzpatrick?: FitzpatrickType | null | undefined;
  allergies?: Allergy[] | null | undefined;
  medications?: Medication[] | null | undefined;
  historyFlags?: HistoryFlag[] | null | undefined;
}

export interface Patient {
  id: string;
  groupId: string;
  siteId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email?: string | undefined;
  phone?: string | undefined;
  fitzpatrick?: FitzpatrickType | undefined;
  allergies: Allergy[];
  medications: Medication[];
  historyFlags: HistoryFlag[];
  archived: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type ValidPatientFields = Omit<
  Patient,
  "id" | "groupId" | "archived" | "version" | "createdAt" | "createdBy" | "updatedAt" | "updatedBy"
>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Validates a create or full update of a patient; throws BAD_USER_INPUT listing every problem. */
export function validatePatientInput(input: PatientInput, now: Date = new Date()): ValidPatientFields {
  const p = new Problems();
  const siteId = requireText(p, "siteId", input.siteId, { max: 64 });
  const givenName = requireText(p, "givenName", input.givenName, { max: 100 });
  const familyName = requireText(p, "familyName", input.familyName, { max: 100 });
  const dateOfBirth = requireDate(p, "dateOfBirth", input.dateOfBirth, {
    notAfter: todayIso(now),
    notBefore: "1900-01-01",
  });
  const email = requireText(p, "email", input.email, { max: 200, required: false });
  if (email && !EMAIL.test(email)) p.add("email", "must be an email address");
  const phone = requireText(p, "phone", input.phone, { max: 30, required: false });
  if (phone && !PHONE.test(phone)) p.add("phone", "must be a phone number (digits, spaces, + ( ) -)");
  const fitzpatrick =
    input.fitzpatrick == null
      ? undefined
      : requireOneOf(p, "fitzpatrick", input.fitzpatrick, FITZPATRICK_TYPES);

  const allergies: Allergy[] = [];
  (input.allergies ?? []).forEach((a, i) => {
    const substance = requireText(p, `allergies.${i}.substance`, a.substance, { max: 100 });
    const kind = requireOneOf(p, `allergies.${i}.kind`, a.kind, ALLERGY_KINDS);
    const severity = requireOneOf(p, `allergies.${i}.severity`, a.severity, ALLERGY_SEVERITIES);
    const reaction = requireText(p, `allergies.${i}.reaction`, a.reaction, { max: 200, required: false });
    if (substance && kind && severity) allergies.push({ substance, kind, severity, reaction });
  });
  if (allergies.length > 50) p.add("allergies", "at most 50 entries");

  const medications: Medication[] = [];
  (input.medications ?? []).forEach((m, i) => {
    const name = requireText(p, `medications.${i}.name`, m.name, { max: 100 });
    const cls = requireOneOf(p, `medications.${i}.class`, m.class, MEDICATION_CLASSES);
    const startedOn = requireDate(p, `medications.${i}.startedOn`, m.startedOn, { required: false });
    const stoppedOn = requireDate(p, `medications.${i}.stoppedOn`, m.stoppedOn, { required: false });
    if (startedOn && stoppedOn && stoppedOn < startedOn)
      p.add(`medications.${i}.stoppedOn`, "must not be before the start date");
    if (name && cls) medications.push({ name, class: cls, startedOn, stoppedOn });
  });
  if (medications.length > 50) p.add("medications", "at most 50 entries");

  const historyFlags: HistoryFlag[] = [];
  (input.historyFlags ?? []).forEach((f, i) => {
    const flag = requireOneOf(p, `historyFlags.${i}`, f, HISTORY_FLAGS);
    if (flag && !historyFlags.includes(flag)) historyFlags.push(flag);
  });

  p.throwIfAny();
  return {
    siteId: siteId!,
    givenName: givenName!,
    familyName: familyName!,
    dateOfBirth: dateOfBirth!,
    email,
    phone,
    fitzpatrick,
    allergies,
    medications,
    historyFlags,
  };
}

/** The key the site's patient list is sorted and searched by: case- and accent-insensitive. */
export function nameSearchKey(familyName: string, givenName: string): string {
  return normaliseName(`${familyName} ${givenName}`);
}

export function normaliseName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether a typed name confirms the patient's, as erasing a patient asks: "given family" or
 * "family given", compared by normaliseName.
 */
export function nameConfirms(typed: string, name: { givenName: string; familyName: string }): boolean {
  const t = normaliseName(typed);
  return (
    t.length > 0 &&
    (t === normaliseName(`${name.givenName} ${name.familyName}`) ||
      t === normaliseName(`${name.familyName} ${name.givenName}`))
  );
}

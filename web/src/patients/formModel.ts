import type {
  AllergyKind,
  AllergySeverity,
  FitzpatrickType,
  HistoryFlag,
  MedicationClass,
  PatientFieldsFragment,
  PatientInput,
} from "../gql/graphql";
import type { FieldError } from "../api/errors";

/** Form state: every text is a string ("" = not given) so inputs stay controlled. */
export interface AllergyRow {
  key: string;
  substance: string;
  kind: AllergyKind;
  reaction: string;
  severity: AllergySeverity;
}

export interface MedicationRow {
  key: string;
  name: string;
  class: MedicationClass;
  startedOn: string;
  stoppedOn: string;
}

export interface PatientFormValues {
  siteId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  fitzpatrick: FitzpatrickType | "";
  allergies: AllergyRow[];
  medications: MedicationRow[];
  historyFlags: HistoryFlag[];
}

let rowSeq = 0;
/** A stable React key for a repeatable row. */
export function rowKey(): string {
  rowSeq += 1;
  return `row-${rowSeq}`;
}

export function emptyAllergy(): AllergyRow {
  return { key: rowKey(), substance: "", kind: "ALLERGY", reaction: "", severity: "MODERATE" };
}

export function emptyMedication(): MedicationRow {
  return { key: rowKey(), name: "", class: "OTHER", startedOn: "", stoppedOn: "" };
}

export function emptyPatient(siteId: string): PatientFormValues {
  return {
    siteId,
    givenName: "",
    familyName: "",
    dateOfBirth: "",
    email: "",
    phone: "",
    fitzpatrick: "",
    allergies: [],
    medications: [],
    historyFlags: [],
  };
}

export function fromPatient(p: PatientFieldsFragment): PatientFormValues {
  return {
    siteId: p.site.id,
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    email: p.email ?? "",
    phone: p.phone ?? "",
    fitzpatrick: p.fitzpatrick ?? "",
    allergies: p.allergies.map((a) => ({
      key: rowKey(),
      substance: a.substance,
      kind: a.kind,
      reaction: a.reaction ?? "",
      severity: a.severity,
    })),
    medications: p.medications.map((m) => ({
      key: rowKey(),
      name: m.name,
      class: m.class,
      startedOn: m.startedOn ?? "",
      stoppedOn: m.stoppedOn ?? "",
    })),
    historyFlags: [...p.historyFlags],
  };
}

const orNull = (s: string): string | null => (s.trim() === "" ? null : s.trim());

export function toInput(v: PatientFormValues): PatientInput {
  return {
    siteId: v.siteId,
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    dateOfBirth: v.dateOfBirth,
    email: orNull(v.email),
    phone: orNull(v.phone),
    fitzpatrick: v.fitzpatrick === "" ? null : v.fitzpatrick,
    allergies: v.allergies.map((a) => ({
      substance: a.substance.trim(),
      kind: a.kind,
      reaction: orNull(a.reaction),
      severity: a.severity,
    })),
    medications: v.medications.map((m) => ({
      name: m.name.trim(),
      class: m.class,
      startedOn: orNull(m.startedOn),
      stoppedOn: orNull(m.stoppedOn),
    })),
    historyFlags: v.historyFlags,
  };
}

const FORM_FIELDS = new Set([
  "siteId",
  "givenName",
  "familyName",
  "dateOfBirth",
  "email",
  "phone",
  "fitzpatrick",
]);
const ROW_FIELD = /^(allergies|medications)\.(\d+)\.(\w+)$/;

/**
 * Places the API's field errors on the form's fields (same dotted paths); what the form cannot
 * place is returned so the page shows it above the buttons.
 */
export function placeFieldErrors(
  fields: FieldError[],
  values: PatientFormValues,
): { errors: Record<string, string>; unplaced: FieldError[] } {
  const errors: Record<string, string> = {};
  const unplaced: FieldError[] = [];
  for (const f of fields) {
    const path = f.path.replace(/^input\./, "");
    const row = ROW_FIELD.exec(path);
    if (FORM_FIELDS.has(path)) errors[path] = f.reason;
    else if (row && Number(row[2]) < values[row[1] as "allergies" | "medications"].length)
      errors[path] = f.reason;
    else if (path.startsWith("historyFlags")) errors.historyFlags = f.reason;
    else unplaced.push(f);
  }
  return { errors, unplaced };
}

import type { PatientFormValues } from "./formModel";

// The same rules the API applies (packages/core/src/patient.ts), so most mistakes show before
// a round trip; the API stays the judge and its field errors land on the same fields.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today as the API sees it (UTC). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function text(
  errors: Record<string, string>,
  path: string,
  value: string,
  max: number,
  required: boolean,
): void {
  const v = value.trim();
  if (!v) {
    if (required) errors[path] = "is required";
  } else if (v.length > max) errors[path] = `must be at most ${max} characters`;
}

function date(
  errors: Record<string, string>,
  path: string,
  value: string,
  opts: { required: boolean; notAfter?: string; notBefore?: string },
): void {
  if (!value) {
    if (opts.required) errors[path] = "is required";
    return;
  }
  if (!isIsoDate(value)) errors[path] = "must be a date written YYYY-MM-DD";
  else if (opts.notAfter && value > opts.notAfter) errors[path] = `must not be after ${opts.notAfter}`;
  else if (opts.notBefore && value < opts.notBefore) errors[path] = `must not be before ${opts.notBefore}`;
}

/** Field path → reason, for every problem at once. Messages read after the field's label. */
export function validatePatientForm(v: PatientFormValues, now: Date = new Date()): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.siteId) errors.siteId = "is required";
  text(errors, "givenName", v.givenName, 100, true);
  text(errors, "familyName", v.familyName, 100, true);
  date(errors, "dateOfBirth", v.dateOfBirth, {
    required: true,
    notAfter: todayIso(now),
    notBefore: "1900-01-01",
  });
  text(errors, "email", v.email, 200, false);
  if (!errors.email && v.email.trim() && !EMAIL.test(v.email.trim()))
    errors.email = "must be an email address";
  text(errors, "phone", v.phone, 30, false);
  if (!errors.phone && v.phone.trim() && !PHONE.test(v.phone.trim()))
    errors.phone = "must be a phone number (digits, spaces, + ( ) -)";
  v.allergies.forEach((a, i) => {
    text(errors, `allergies.${i}.substance`, a.substance, 100, true);
    text(errors, `allergies.${i}.reaction`, a.reaction, 200, false);
  });
  if (v.allergies.length > 50) errors.allergies = "at most 50 entries";
  v.medications.forEach((m, i) => {
    text(errors, `medications.${i}.name`, m.name, 100, true);
    date(errors, `medications.${i}.startedOn`, m.startedOn, { required: false });
    date(errors, `medications.${i}.stoppedOn`, m.stoppedOn, { required: false });
    const key = `medications.${i}.stoppedOn`;
    if (!errors[key] && m.startedOn && m.stoppedOn && isIsoDate(m.startedOn) && m.stoppedOn < m.startedOn)
      errors[key] = "must not be before the start date";
  });
  if (v.medications.length > 50) errors.medications = "at most 50 entries";
  return errors;
}

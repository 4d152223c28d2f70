import { hmacSha256, toHex } from "./hash";
import { isIsoDate } from "./validate";

/**
 * De-identification for analyst rows (DOMAIN.md "Analyst KPIs"): no names, contact details or exact
 * dates of birth (age bands, over 89 grouped), free text removed, patient keys pseudonymous per group.
 */

export const AGE_BANDS = [
  "<18",
  "18–29",
  "30–39",
  "40–49",
  "50–59",
  "60–69",
  "70–79",
  "80–89",
  "90+",
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years of age on `onDate` (birthday counted on the day; 29 Feb birthdays on 1 Mar in other years). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  if (!isIsoDate(dateOfBirth) || !isIsoDate(onDate)) throw new RangeError("dates must be YYYY-MM-DD");
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Age band on `onDate`: "<18", "18–29", "30–39" … "80–89", "90+" (everyone over 89 grouped). */
export function ageBand(dateOfBirth: string, onDate: string): AgeBand {
  const age = ageOn(dateOfBirth, onDate);
  if (age < 18) return "<18";
  if (age < 30) return "18–29";
  if (age >= 90) return "90+";
  const decade = Math.floor(age / 10) * 10;
  return `${decade}–${decade + 9}` as AgeBand;
}

/**
 * A pseudonymous patient key: HMAC-SHA256(groupSecret, patientId), hex. Stable within a clinic group,
 * unlinkable across groups and irreversible without the group's secret. Pure (no I/O): the secret is
 * passed in by the caller.
 */
export function pseudonymousKey(groupSecret: string, patientId: string): string {
  if (!groupSecret || groupSecret.length < 16)
    throw new RangeError("the group secret must be at least 16 characters");
  return toHex(hmacSha256(groupSecret, patientId));
}

/** Fields that identify a patient directly and never appear in analyst rows. */
export const DIRECT_IDENTIFIERS = [
  "givenName",
  "familyName",
  "name",
  "email",
  "phone",
  "address",
  "dateOfBirth",
  "patientId",
] as const;

/** Free-text fields of clinical records: removed from analyst rows (they can name people). */
export const FREE_TEXT_FIELDS = [
  "notes",
  "immediateReactions",
  "depthDeviationReason",
  "reason",
  "aftercareText",
  "comment",
  "description",
] as const;

/**
 * Returns a copy without direct identifiers and free-text fields (the defaults above plus `extra`).
 * Nested objects and arrays are cleaned too.
 */
export function stripFreeText<T>(record: T, extra: readonly string[] = []): T {
  const drop = new Set<string>([...DIRECT_IDENTIFIERS, ...FREE_TEXT_FIELDS, ...extra]);
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!drop.has(k)) out[k] = clean(x);
      return out;
    }
    return v;
  };
  return clean(record) as T;
}

/** The identifying part of an analyst row, replaced: pseudonymous key and age band. */
export function deidentifyPatient(
  patient: { id: string; dateOfBirth: string; fitzpatrick?: string | undefined; siteId?: string },
  groupSecret: string,
  onDate: string,
): { patientKey: string; ageBand: AgeBand; fitzpatrick: string | null; siteId: string | null } {
  return {
    patientKey: pseudonymousKey(groupSecret, patient.id),
    ageBand: ageBand(patient.dateOfBirth, onDate),
    fitzpatrick: patient.fitzpatrick ?? null,
    siteId: patient.siteId ?? null,
  };
}

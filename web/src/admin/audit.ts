/** The audit trail page's wording (AuditPage.tsx), kept apart so it is unit-tested. */

export const ERASED_DETAIL = "detail removed when the patient was erased";

/**
 * An entry's Detail column: its text, or, when the patient's erasure removed it (the entry keeps who,
 * when, what and outcome), a note saying so, so that a removed detail never reads as a blank one.
 */
export function detailCell(e: { detail?: string | null; detailErased: boolean }): {
  text: string;
  erased: boolean;
} {
  if (e.detailErased && !e.detail) return { text: ERASED_DETAIL, erased: true };
  return { text: e.detail ?? "", erased: false };
}

/** The trail of one patient, by id: works for an erased patient too (the tombstone stands for it). */
export const patientTrailPath = (patientId: string): string =>
  `/admin/audit?${new URLSearchParams({ patient: patientId }).toString()}`;

/**
 * A patient id as pasted (a global id, trimmed; a link to the patient's page gives its id too), or
 * undefined when it does not look like one.
 */
export function patientIdFrom(input: string): string | undefined {
  const s = input.trim();
  const fromPath = /\/patients\/([^/?#\s]+)/.exec(s)?.[1];
  const id = fromPath ? decodeURIComponent(fromPath) : s;
  return /^[A-Za-z0-9_-]{4,512}$/.test(id) ? id : undefined;
}

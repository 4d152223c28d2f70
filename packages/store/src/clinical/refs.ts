import { isIsoDate } from "@needlework/core";

/**
 * A record inside a patient's item collection (consultation, concern, plan, session, ...) is named by
 * `<patientId>|<date>|<id>`: enough to build its key without an index. The API wraps it in a global id.
 */
export interface RecordRef {
  patientId: string;
  date: string;
  id: string;
}

const PART = /^[A-Za-z0-9_.:-]{1,64}$/;

export function formatRef(ref: RecordRef): string {
  return `${ref.patientId}|${ref.date}|${ref.id}`;
}

/** The parts of a local id, or undefined when it is not one this API gave out. */
export function parseRef(localId: string): RecordRef | undefined {
  const parts = localId.split("|");
  if (parts.length !== 3) return undefined;
  const [patientId, date, id] = parts as [string, string, string];
  if (!PART.test(patientId) || !PART.test(id) || !isIsoDate(date)) return undefined;
  return { patientId, date, id };
}

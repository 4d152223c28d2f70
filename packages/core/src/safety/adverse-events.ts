import {
  ADVERSE_EVENT_LABELS,
  ERYTHEMA_ABNORMAL_AFTER_DAYS,
  ERYTHEMA_EXPECTED_DAYS,
  classifyAdverseEvent,
  type AdverseEvent,
  type AdverseEventClass,
} from "../sessions";
import { daysBetween } from "../validate";
import { DOMAIN } from "./findings";

/**
 * An adverse event classified against today (DOMAIN.md "Adverse events"): erythema / oedema is
 * expected up to 3 days, prolonged to 7 and abnormal after; every other type is abnormal from the
 * start. An ongoing event is measured from its onset to today, which the caller passes: without it
 * an event would never age.
 */

export interface AdverseEventStatus {
  class: AdverseEventClass;
  /** Days since onset (ongoing) or the recorded duration (resolved). */
  days: number;
  ongoing: boolean;
  /** Past its expected duration (or abnormal by type): shown on Today while open. */
  flagged: boolean;
  reason?: string;
  source: string;
}

export function adverseEventStatus(
  e: Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">,
  today: string,
): AdverseEventStatus {
  const ongoing = e.durationDays == null;
  const days = ongoing ? Math.max(0, daysBetween(e.onsetOn, today)) : (e.durationDays ?? 0);
  const label = ADVERSE_EVENT_LABELS[e.type];
  const source = `adverse event: ${label.toLowerCase()} from ${e.onsetOn}${ongoing ? ", ongoing" : `, ${days} days`}; ${DOMAIN.adverseEvents}`;
  if (e.type !== "ERYTHEMA_OEDEMA")
    return {
      class: "ABNORMAL",
      days,
      ongoing,
      flagged: true,
      reason: `${label}: an adverse event, review and follow up.`,
      source,
    };
  const lasting = ongoing ? `ongoing ${days} days after onset` : `lasted ${days} days`;
  // One definition of the thresholds: core's classifyAdverseEvent, against the same day.
  const cls = classifyAdverseEvent(e, today);
  if (cls === "ABNORMAL")
    return {
      class: "ABNORMAL",
      days,
      ongoing,
      flagged: true,
      reason: `Redness / swelling ${lasting}: abnormal past ${ERYTHEMA_ABNORMAL_AFTER_DAYS} days. Review for infection, allergy or a reaction to a serum.`,
      source,
    };
  if (cls === "PROLONGED")
    return {
      class: "PROLONGED",
      days,
      ongoing,
      flagged: true,
      reason: `Redness / swelling ${lasting}: longer than the usual ${ERYTHEMA_EXPECTED_DAYS} days. Check on the patient.`,
      source,
    };
  return { class: "EXPECTED", days, ongoing, flagged: false, source };
}

/** Open (ongoing) events that are flagged today, for the Today page. */
export function openFlaggedEvents<E extends Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">>(
  events: readonly E[],
  today: string,
): { event: E; status: AdverseEventStatus }[] {
  return events
    .filter((e) => e.durationDays == null)
    .map((event) => ({ event, status: adverseEventStatus(event, today) }))
    .filter((x) => x.status.flagged);
}

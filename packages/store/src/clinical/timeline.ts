import { canSeeSite, notFound, type Patient, type Principal } from "@needlework/core";
import type { Db } from "../client";
import type { Page } from "../cursor";
import { Keys } from "../keys";
import { queryPage } from "./paging";
import type { Item } from "./read";
import { assessmentFromItem, type Assessment } from "../entities/assessment";
import { consultationFromItem, type Consultation } from "../entities/consultation";
import { planFromItem, type TreatmentPlan } from "../entities/plan";
import { sessionFromItem, type TreatmentSession } from "../entities/session";

/**
 * A patient's timeline: consultations, plans, sessions and assessments, newest first, from ONE Query
 * per page on the patient collection (`begins_with(sk, "T#")`; sort keys are `T#<date>#<KIND>#<id>`).
 */
export type TimelineEntry =
  | { kind: "CONSULTATION"; date: string; consultation: Consultation }
  | { kind: "PLAN"; date: string; plan: TreatmentPlan }
  | { kind: "SESSION"; date: string; session: TreatmentSession }
  | { kind: "ASSESSMENT"; date: string; assessment: Assessment };

export function timelineEntryFromItem(item: Item): TimelineEntry | undefined {
  const date = String(item.sk).slice(2, 12);
  switch (item.type) {
    case "Consultation":
      return { kind: "CONSULTATION", date, consultation: consultationFromItem(item) };
    case "TreatmentPlan":
      return { kind: "PLAN", date, plan: planFromItem(item) };
    case "TreatmentSession":
      return { kind: "SESSION", date, session: sessionFromItem(item) };
    case "Assessment":
      return { kind: "ASSESSMENT", date, assessment: assessmentFromItem(item) };
    default:
      return undefined;
  }
}

/**
 * One page of the timeline of a patient the caller has already read (the Patient resolver's profile:
 * its site is checked again here, so a patient object from elsewhere cannot widen access).
 */
export async function patientTimeline(
  db: Db,
  actor: Principal,
  patient: Pick<Patient, "id" | "siteId">,
  args: { first?: number | null; after?: string | null },
): Promise<Page<TimelineEntry>> {
  if (!canSeeSite(actor, patient.siteId)) throw notFound("The patient");
  const pk = Keys.patientPk(actor.groupId, patient.id);
  const page = await queryPage(
    db,
    actor.groupId,
    args,
    {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :t)",
      ExpressionAttributeValues: { ":pk": pk, ":t": "T#" },
      ScanIndexForward: false,
    },
    timelineEntryFromItem,
    { pk },
  );
  // Item types the timeline does not know (none today) are left out of the page, not failed on.
  const keep = page.items
    .map((e, i) => ({ e, i }))
    .filter((x): x is { e: TimelineEntry; i: number } => x.e !== undefined);
  return { ...page, items: keep.map((x) => x.e), cursors: keep.map((x) => page.cursors[x.i]!) };
}

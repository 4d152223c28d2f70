import { conflict, notFound } from "@needlework/core";
import { Keys } from "../keys";
import type { Tx } from "../tx";

/**
 * Patient facts the analytics count under, and the one rule for them: a patient's records are
 * counted under the patient's CURRENT Fitzpatrick type and, for its courses and plans, its CURRENT
 * site (the profile's), whenever they were recorded. So an analyst filtering "Fitzpatrick V" gets the
 * patients whose type is V now, and one filtering a site gets the courses and plans of the patients
 * of that site now, in summaries, outcome records and KPIs alike. A session is the exception for the
 * site: it stays counted at the site where it was performed (its own `siteId`).
 *
 * A session keeps the FITZPATRICK ref it was first counted under (`rollup.refs`), but that stored
 * value is superseded by the profile's: the rollups count a session through
 * `sessionUnit(session, patient.fitzpatrick)` (clinical/rollups.ts); a course through its outcome
 * record, whose type and site every write refreshes from the profile; a plan through its KPI item,
 * written at the patient's site with its type. A change of the type or a move to another site
 * recounts the patient in the same transaction as the profile (analytics/recount.ts).
 */

/**
 * The profile attribute every write that counts a patient in the analytics moves (`ADD 1`): sessions,
 * late adverse events, assessments and treatment plans (new or edited). They count the patient under
 * the profile's Fitzpatrick type and site; a change of either recounts everything the patient
 * contributed in one transaction (analytics/recount.ts) and is conditioned on this counter as read before its
 * reads, so a write that lands between the recount's reads and its commit turns the recount into
 * CONFLICT instead of being left counted under the old type or site.
 */
export const RECORD_SEQ = "recordSeq";

/**
 * Adds to `tx` the guard on the patient's profile: the profile at the version the write read (a
 * concurrent edit of the patient, or an erasure, which removes the profile, fails the write), and
 * the write counted on `recordSeq`. Replaces a plain ConditionCheck on the profile.
 */
export function guardPatient(
  tx: Tx,
  groupId: string,
  patientId: string,
  version: number,
  what = "This patient's record (allergies, medications or history)",
): void {
  tx.update(Keys.patientProfile(groupId, patientId), {
    update: "ADD #seq :one",
    condition: "attribute_exists(pk) AND version = :v",
    names: { "#seq": RECORD_SEQ },
    values: { ":one": 1, ":v": version },
    onConditionFailed: (old) => (old ? conflict(what) : notFound("The patient")),
  });
}

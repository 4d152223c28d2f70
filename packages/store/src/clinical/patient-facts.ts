import { conflict, notFound } from "@needlework/core";
import { Keys } from "../keys";
import type { Tx } from "../tx";

/**
 * Patient facts the analytics count under, and the one rule for the Fitzpatrick type: a patient's
 * sessions and courses are counted under the patient's CURRENT type (the profile's), whenever they
 * were recorded, so an analyst filtering "Fitzpatrick V" gets the patients whose type is V now, in
 * summaries, outcome records and KPIs alike. A session keeps the FITZPATRICK ref it was first counted
 * under (`rollup.refs`), but that stored value is superseded by the profile's: the rollups count a
 * session through `sessionUnit(session, patient.fitzpatrick)` (clinical/rollups.ts), a course through
 * its outcome record, whose type every write refreshes from the profile, and a change of the type
 * moves every counter of the patient in the same transaction as the profile (analytics/fitzpatrick.ts).
 */

/**
 * The profile attribute every write that counts a patient in the analytics moves (`ADD 1`): sessions,
 * late adverse events, assessments and new treatment plans. They count the patient under the
 * profile's Fitzpatrick type; a change of that type recounts everything the patient contributed in
 * one transaction (analytics/fitzpatrick.ts) and is conditioned on this counter as read before its
 * reads, so a write that lands between the recount's reads and its commit turns the recount into
 * CONFLICT instead of being left counted under the old type.
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

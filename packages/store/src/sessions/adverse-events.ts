import {
  badInput,
  conflict,
  notFound,
  Sessions as SessionRules,
  type AdverseEventInput,
  type Principal,
} from "@needlework/core";
import { addOutcomeUpdate } from "../analytics/outcomes";
import { addAudit } from "../audit";
import type { Db } from "../client";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { newId } from "../ids";
import { Tx } from "../tx";
import { guardPatient } from "../clinical/patient-facts";
import type { RecordRef } from "../clinical/refs";
import { RollupDeltas, sessionUnit } from "../clinical/rollups";
import { sessionItem, type RecordedAdverseEvent, type TreatmentSession } from "../entities/session";
import { assertFits } from "./items";
import { loadSession } from "./read";
import { outcomeChange } from "./record";

/**
 * Adds an adverse event reported after the session, with the session's version read (stale →
 * CONFLICT). The serum and lot named, if any, must be ones applied in the session. The event is
 * counted on the same rollup items as the session (its FITZPATRICK ref re-pointed to the patient's
 * current type, clinical/patient-facts.ts).
 */
export async function recordAdverseEvent(
  db: Db,
  actor: Principal,
  ref: RecordRef,
  expectedVersion: number,
  input: AdverseEventInput,
  idem?: IdempotencyContext,
): Promise<TreatmentSession> {
  SessionRules.validateAdverseEvent(input);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const { patient, session } = await loadSession(db, actor, ref);
      if (session.version !== expectedVersion) throw conflict("This treatment session");
      const event = SessionRules.validateAdverseEvent(input, session.performedOn);
      if (event.serumId) {
        const applied = session.serums.filter((a) => a.serumId === event.serumId);
        if (applied.length === 0)
          throw badInput([
            { path: "adverseEvent.serumId", reason: "this serum was not applied in the session" },
          ]);
        if (
          event.lotNumber &&
          !applied.some((a) => a.lotNumber.toLowerCase() === event.lotNumber!.toLowerCase())
        )
          throw badInput([
            {
              path: "adverseEvent.lotNumber",
              reason: "this lot of the serum was not applied in the session",
            },
          ]);
      }
      const at = new Date().toISOString();
      const recorded: RecordedAdverseEvent = {
        ...event,
        id: newId(),
        recordedAt: at,
        recordedBy: actor.userId,
      };
      const next: TreatmentSession = {
        ...session,
        adverseEvents: [...session.adverseEvents, recorded],
        version: session.version + 1,
        updatedAt: at,
        updatedBy: actor.userId,
      };
      tx.put(sessionItem(next), {
        condition: "attribute_exists(pk) AND version = :v",
        values: { ":v": expectedVersion },
        onConditionFailed: (old) =>
          old ? conflict("This treatment session") : notFound("The treatment session"),
      });
      // Counted where the session is counted now: under the patient's current Fitzpatrick type.
      const deltas = new RollupDeltas().change(
        sessionUnit(session, patient.fitzpatrick),
        sessionUnit(next, patient.fitzpatrick),
      );
      guardPatient(tx, actor.groupId, session.patientId, patient.version);
      await addOutcomeUpdate(
        tx,
        db,
        actor.groupId,
        next.concernIds.map((id) => outcomeChange(patient, { id }, next)),
        deltas,
      );
      deltas.writeTo(tx, actor.groupId);
      addAudit(tx, actor, {
        action: "RECORD_ADVERSE_EVENT",
        patientId: session.patientId,
        siteId: patient.siteId,
        detail: `${recorded.type} (${recorded.severity}) from ${recorded.onsetOn} after the session of ${session.performedOn}`,
      });
      assertFits(tx, "event", "this adverse event");
      return next;
    },
    () => new Tx(),
  );
}

import { badInput } from "@needlework/core";
import type { Item } from "../clinical/read";
import { RollupDeltas, sessionUnit } from "../clinical/rollups";
import { lotTraceItem, sessionItem, type TreatmentSession } from "../entities/session";
import type { Tx } from "../tx";

// The items a session's transaction writes besides the plan, audit and idempotency record, and the
// check that a transaction fits.

/**
 * The rollup deltas one session adds: sessions + adverse events on each of its dimension values, in
 * the month it was performed, counted under the patient's Fitzpatrick type (by default the one the
 * session stored, the patient's on the day).
 */
export function sessionDeltas(
  s: TreatmentSession,
  fitzpatrick: TreatmentSession["fitzpatrick"] | null = s.fitzpatrick,
): RollupDeltas {
  return new RollupDeltas().addUnit(sessionUnit(s, fitzpatrick));
}

/** Everything the session transaction writes besides the plan, audit and idempotency record. */
export function sessionWrites(s: TreatmentSession): {
  session: Item;
  lotTraces: Item[];
  deltas: RollupDeltas;
} {
  return {
    session: sessionItem(s),
    lotTraces: s.serums.map((a) => lotTraceItem(s, a)),
    deltas: sessionDeltas(s),
  };
}

/**
 * DynamoDB takes at most 100 items in one transaction. Within the validation limits a session fits
 * (docs/STORAGE.md "Transaction size"); what it adds to its concerns' courses grows with the values
 * those courses already have, so the write refuses rather than send a transaction DynamoDB rejects.
 */
export function assertFits(tx: Tx, path: string, what: string, reserved = 1): void {
  const n = tx.items.length + reserved;
  if (n > 100)
    throw badInput([
      {
        path,
        reason: `${what} and the analytics counters it moves need ${n} writes in one save, and at most 100 fit: record fewer serums or zones, or ask an administrator`,
      },
    ]);
}

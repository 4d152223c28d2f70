import { useEffect, useRef, useState } from "react";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import type { FindingFieldsFragment } from "../gql/graphql";
import { CheckSerumQuery } from "./operations";
import type { SerumRow } from "./sessionForm";

export interface SerumCheckState {
  /** serumId|lot|date the answer is for. */
  signature: string;
  loading: boolean;
  findings: FindingFieldsFragment[];
  blocked: boolean;
  overridable: boolean;
  error?: ApiError;
}

const signatureOf = (row: SerumRow, onDate: string) => `${row.serumId}|${row.lotNumber.trim()}|${onDate}`;

/**
 * Checks each serum row with the API (allergies, needling clearance, actives, the lot's expiry) as
 * soon as its serum and lot are chosen, so a refusal shows before the session is saved.
 */
export function useSerumChecks(
  patientId: string,
  rows: readonly SerumRow[],
  onDate: string,
): Record<string, SerumCheckState | undefined> {
  const [checks, setChecks] = useState<Record<string, SerumCheckState>>({});
  const asked = useRef(new Map<string, string>());
  const wanted = rows
    .filter((r) => r.serumId && r.lotNumber.trim() && /^\d{4}-\d{2}-\d{2}$/.test(onDate))
    .map((r) => ({
      key: r.key,
      serumId: r.serumId,
      lotNumber: r.lotNumber.trim(),
      signature: signatureOf(r, onDate),
    }));
  const wantedKey = JSON.stringify(wanted);

  useEffect(() => {
    const list = JSON.parse(wantedKey) as typeof wanted;
    for (const w of list) {
      if (asked.current.get(w.key) === w.signature) continue;
      asked.current.set(w.key, w.signature);
      setChecks((c) => ({
        ...c,
        [w.key]: { signature: w.signature, loading: true, findings: [], blocked: false, overridable: true },
      }));
      gql(CheckSerumQuery, { patientId, serumId: w.serumId, lotNumber: w.lotNumber, onDate }).then(
        (r) => {
          if (asked.current.get(w.key) !== w.signature) return;
          setChecks((c) => ({
            ...c,
            [w.key]: {
              signature: w.signature,
              loading: false,
              findings: r.checkSerum.findings,
              blocked: r.checkSerum.blocked,
              overridable: r.checkSerum.overridable,
            },
          }));
        },
        (e: unknown) => {
          if (asked.current.get(w.key) !== w.signature) return;
          setChecks((c) => ({
            ...c,
            [w.key]: {
              signature: w.signature,
              loading: false,
              findings: [],
              blocked: false,
              overridable: true,
              error: e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error"),
            },
          }));
        },
      );
    }
  }, [patientId, wantedKey, onDate]);

  const out: Record<string, SerumCheckState | undefined> = {};
  for (const r of rows) {
    const c = checks[r.key];
    out[r.key] = c && c.signature === signatureOf(r, onDate) ? c : undefined;
  }
  return out;
}

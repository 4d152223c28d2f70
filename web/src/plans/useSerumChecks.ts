import { useEffect, useRef, useState } from "react";
import { gql } from "../api/client";
import type { Finding } from "../consultations/Findings";
import { asApiError, todayIso } from "../consultations/shared";
import type { PlanBuilderQuery } from "../gql/graphql";
import { isLotFinding } from "./model";
import { CheckPlannedSerumQuery } from "./operations";

type Serum = PlanBuilderQuery["serums"]["edges"][number]["node"];

export interface SerumCheckState {
  loading: boolean;
  findings: Finding[];
  error?: string;
}

/** Checks each chosen serum against the patient before saving (allergies, clearance, actives). */
export function useSerumChecks(
  patientId: string,
  serums: readonly Serum[],
  chosen: readonly string[],
  onDate: string,
) {
  const [checks, setChecks] = useState<Record<string, SerumCheckState>>({});
  const asked = useRef(new Set<string>());
  const date = /^\d{4}-\d{2}-\d{2}$/.test(onDate) ? onDate : todayIso();

  useEffect(() => {
    for (const serumId of chosen) {
      const key = `${serumId}@${date}`;
      if (asked.current.has(key)) continue;
      asked.current.add(key);
      const serum = serums.find((s) => s.id === serumId);
      // A plan names a serum, not a lot: any lot will do for the check, and lot findings are dropped.
      const lot = serum?.lots.find((l) => !l.expired) ?? serum?.lots[0];
      setChecks((prev) => ({ ...prev, [key]: { loading: true, findings: [] } }));
      gql(CheckPlannedSerumQuery, {
        patientId,
        serumId,
        lotNumber: lot?.lotNumber ?? "-",
        onDate: date,
        duringNeedling: true,
      })
        .then((r) =>
          setChecks((prev) => ({
            ...prev,
            [key]: { loading: false, findings: r.checkSerum.findings.filter((f) => !isLotFinding(f.code)) },
          })),
        )
        .catch((e: unknown) => {
          asked.current.delete(key);
          setChecks((prev) => ({
            ...prev,
            [key]: { loading: false, findings: [], error: asApiError(e).userMessage },
          }));
        });
    }
  }, [patientId, serums, chosen, date]);

  return (serumId: string): SerumCheckState | undefined => checks[`${serumId}@${date}`];
}

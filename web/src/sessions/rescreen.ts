import { Contraindications } from "@needlework/core";
import { useEffect, useRef, useState } from "react";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import type { FindingFieldsFragment, ScreeningAnswersInput, Zone } from "../gql/graphql";
import { RescreenQuery } from "./operations";
import type { RecorderPlan } from "./sessionForm";

export type Finding = FindingFieldsFragment;

export type RescreenStatus = "NEW" | "CHANGED" | "UNCHANGED";

export interface RescreenRow {
  finding: Finding;
  status: RescreenStatus;
  /** The consultation's override, when it still stands (the finding is unchanged). */
  carried?: RecorderPlan["consultation"]["overrides"][number];
  /** A BLOCK nothing covers yet: an override with a reason is needed to proceed. */
  needsOverride: boolean;
}

/**
 * The day's screen against the consultation's, by core's comparison (the API's): a finding is new,
 * changed (level, reason or source) or unchanged; consultation overrides carry over only for
 * unchanged findings, so a new or changed BLOCK needs a fresh override.
 */
export function compareWithConsultation(
  current: readonly Finding[],
  consultation: Pick<RecorderPlan["consultation"], "findings" | "overrides">,
): { rows: RescreenRow[]; resolved: Finding[] } {
  const r = Contraindications.rescreenBeforeSession(consultation.findings, current);
  const codes = (fs: readonly { code: string }[]) => new Set(fs.map((f) => f.code));
  const added = codes(r.added);
  const unchanged = codes(r.unchanged);
  const resolved = codes(r.resolved);
  const rows = current.map((f): RescreenRow => {
    const status: RescreenStatus = added.has(f.code)
      ? "NEW"
      : unchanged.has(f.code)
        ? "UNCHANGED"
        : "CHANGED";
    const carried =
      status === "UNCHANGED" ? consultation.overrides.find((o) => o.code === f.code) : undefined;
    return {
      finding: f,
      status,
      ...(carried ? { carried } : {}),
      needsOverride: f.level === "BLOCK" && !carried,
    };
  });
  return { rows, resolved: consultation.findings.filter((f) => resolved.has(f.code)) };
}

export interface ScreenState {
  findings: Finding[] | undefined;
  loading: boolean;
  error: ApiError | undefined;
}

/** Runs the screen as the answers change (debounced); the latest answer wins. */
export function useLiveScreen(
  patientId: string,
  answers: ScreeningAnswersInput,
  onDate: string,
  zones: readonly Zone[],
): ScreenState {
  const [state, setState] = useState<ScreenState>({ findings: undefined, loading: true, error: undefined });
  const latest = useRef(0);
  const key = JSON.stringify({ answers, onDate, zones });
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(onDate)) return;
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      const vars = JSON.parse(key) as { answers: ScreeningAnswersInput; onDate: string; zones: Zone[] };
      gql(RescreenQuery, {
        patientId,
        answers: vars.answers,
        onDate: vars.onDate,
        zones: vars.zones.length ? vars.zones : null,
      }).then(
        (r) => {
          if (id === latest.current)
            setState({ findings: r.screenPatient.findings, loading: false, error: undefined });
        },
        (e: unknown) => {
          if (id === latest.current)
            setState((s) => ({
              ...s,
              loading: false,
              error: e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error"),
            }));
        },
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [patientId, key, onDate]);
  return state;
}

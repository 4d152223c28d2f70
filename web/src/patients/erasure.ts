import { PatientRules } from "@needlework/core";

/**
 * Rules of the portal's "Erase patient" dialog. The typed name is checked by core's rule, as the API
 * checks it again (a wrong name is BAD_USER_INPUT and writes nothing).
 */
export const confirmsName = PatientRules.nameConfirms;

/** Labels of the erased kinds (one, many), in the order the summary lists them. */
export const ERASED_KIND_LABELS = {
  consultations: ["consultation", "consultations"],
  concerns: ["concern", "concerns"],
  plans: ["treatment plan", "treatment plans"],
  sessions: ["session", "sessions"],
  assessments: ["assessment", "assessments"],
  outcomeRecords: ["de-identified outcome record", "de-identified outcome records"],
  kpiPlans: ["KPI plan item", "KPI plan items"],
  lotTraces: ["lot trace (kept without the patient)", "lot traces (kept without the patient)"],
  idempotencyRecords: ["saved request result", "saved request results"],
  auditDetails: ["audit entry detail", "audit entry details"],
} as const;

/** "3 sessions", "1 session". */
export function erasedLine(kind: keyof typeof ERASED_KIND_LABELS, n: number): string {
  return `${n} ${ERASED_KIND_LABELS[kind][n === 1 ? 0 : 1]}`;
}

/** Percent done for a progress bar (0 while nothing is known). */
export function percentDone(p: { done: number; total: number }): number {
  return p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
}

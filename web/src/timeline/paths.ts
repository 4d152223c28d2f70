/** Portal addresses of a patient's clinical records (global ids are opaque, so always encoded). */
const e = encodeURIComponent;

export const patientPath = (patientId: string) => `/patients/${e(patientId)}`;
export const newConsultationPath = (patientId: string) => `${patientPath(patientId)}/consultations/new`;
export const consultationPath = (patientId: string, consultationId: string) =>
  `${patientPath(patientId)}/consultations/${e(consultationId)}`;
export const newPlanPath = (patientId: string, consultationId?: string) =>
  `${patientPath(patientId)}/plans/new${consultationId ? `?consultation=${e(consultationId)}` : ""}`;
export const planPath = (patientId: string, planId: string) => `${patientPath(patientId)}/plans/${e(planId)}`;
/** The session recorder's detail page (sessions are recorded in web/src/sessions). */
export const sessionPath = (patientId: string, sessionId: string) =>
  `${patientPath(patientId)}/sessions/${e(sessionId)}`;
/** The session recorder for a plan's next session. */
export const newSessionPath = (patientId: string, planId: string) =>
  `${patientPath(patientId)}/sessions/new?plan=${e(planId)}`;
/** A concern's outcome trend, where an assessment's score sits against its baseline. */
export const outcomesPath = (patientId: string, concernId: string) =>
  `${patientPath(patientId)}/outcomes?concern=${e(concernId)}`;

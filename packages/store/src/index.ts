export {
  createDb,
  resetCounter,
  withRequestScope,
  currentScope,
  gateWrites,
  RequestBudgetExceeded,
  type RequestScope,
  type Db,
  type DbOptions,
  type RequestCounter,
  type Fault,
  type FaultHook,
  type FaultPoint,
  type ResponseHook,
} from "./client";
export { tableDefinition, keyAttributes, TABLE_NAME_DEFAULT, type TableDefinition } from "./table";
export { ensureTable } from "./bootstrap";
export { Keys } from "./keys";
export { encodeCursor, decodeCursor, pageSize, PAGE_DEFAULT, PAGE_MAX, type Page } from "./cursor";
export { Tx, TransactionConflict } from "./tx";
export { newId } from "./ids";
export * as Audit from "./audit";
export * as Idempotency from "./idempotency";
export * as Patients from "./patients";
export * as Erasure from "./erasure";
export type { PatientErasure, ErasureCounts, ErasureStatus } from "./erasure";
export * as Analytics from "./analytics";
export { staticPseudonymSecret, type PseudonymSecretSource } from "./analytics/secret";
export * as Groups from "./groups";
export type { Group, Site, User } from "./groups";
// Clinical record, part A: settings, protocols, consultations and concerns, treatment plans.
export * as GroupSettings from "./clinical/settings";
export * as ProtocolTemplates from "./clinical/protocols";
export * as Consultations from "./clinical/consultations";
export * as TreatmentPlans from "./clinical/plans";
export { formatRef, parseRef, type RecordRef } from "./clinical/refs";
export { getProfiles as getPatientProfiles } from "./clinical/read";
export type { StoredSettings } from "./clinical/settings";
export type { StoredProtocol } from "./clinical/protocols";
export type { Consultation, Concern, RecordedOverride, ScreenResult } from "./clinical/consultations";
export type { TreatmentPlan, PlannedSerum, SerumOverrideRecord } from "./clinical/plans";
// Clinical record, part B: serum catalogue, sessions, assessments, the timeline, analytics rollups.
export * as SerumCatalogue from "./clinical/serums";
export * as TreatmentSessions from "./sessions";
export * as Assessments from "./clinical/assessments";
export * as PatientTimeline from "./clinical/timeline";
export * as Rollups from "./clinical/rollups";
export type { SerumRecord } from "./clinical/serums";
export type {
  TreatmentSession,
  SerumApplication,
  RecordedAdverseEvent,
  LotTrace,
  SerumCheckResult,
} from "./sessions";
export type { Assessment, OutcomeTrend } from "./clinical/assessments";
export type { TimelineEntry } from "./clinical/timeline";
export { bootstrapGroup, validateBootstrap, type GroupBootstrap } from "./bootstrap-group";

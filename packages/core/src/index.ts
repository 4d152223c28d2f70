export * from "./errors";
export * from "./validate";
export * as PatientRules from "./patient";
export type {
  Patient,
  PatientInput,
  Allergy,
  Medication,
  FitzpatrickType,
  HistoryFlag,
  MedicationClass,
} from "./patient";
export * from "./principal";
export { BLOCKING_HISTORY_FLAGS, SCREENED_MEDICATION_CLASSES } from "./history";
export * from "./token-lifetime";

// Clinical domain rules, one namespace per concept (e.g. Contraindications.screen(...)).
export * as Calendar from "./calendar";
export * as Concerns from "./concerns";
export * as Scales from "./scales";
export * as Settings from "./settings";
export * as Terms from "./terms";
export * as Contraindications from "./contraindications";
export * as Serums from "./serums";
export * as Devices from "./devices";
export * as Protocols from "./protocols";
export * as Sessions from "./sessions";
export * as Schedule from "./schedule";
export * as Kpi from "./kpi";
export * as Deidentify from "./deidentify";
export * as Fhir from "./fhir";
export * as ConsultationRules from "./consultations";
export * as PlanRules from "./treatment-plans";
export * as Safety from "./safety";
export type {
  Indication,
  Zone,
  BodyArea,
  ConcernStatus,
  ConcernInput,
  ValidConcernFields,
  DepthRange,
} from "./concerns";
export type {
  ScaleId,
  Rater,
  ScaleDefinition,
  Improvement,
  Trend,
  TrendPoint,
  ScorePoint,
  AssessmentInput,
  ValidAssessmentFields,
} from "./scales";
export type { ClinicSettings, ClinicSettingsInput, ZoneLimitSetting } from "./settings";
export type {
  SafetyFinding,
  AnaestheticProduct,
  AnaestheticProductId,
  AnaestheticClass,
  MedicineClass,
  ZoneLimit,
  ZoneDepthStatus,
  ZoneDepthCheck,
  OverrideRequest,
  OverrideDecision,
  NeedleMaterial,
  DeviceScreeningInput,
  SessionTimingInput,
  SerumRecord,
  NeedlingClearance,
  AdverseEventStatus,
  ScarScaleId,
  BaselineStatus,
  ChangedAnswer,
  ZonedAnswers,
  ZoneAnswer,
} from "./safety";
export type {
  ContraindicationFinding,
  ContraindicationCode,
  ScreeningAnswers,
  ScreeningQuestion,
  ScreenInput,
  Override,
  OverrideOutcome,
  Rescreen,
} from "./contraindications";
export type {
  Serum,
  SerumLot,
  SerumClearance,
  SerumInput,
  LotInput,
  SerumSeed,
  SerumCheckInput,
} from "./serums";
export type { Device } from "./devices";
export type {
  ProtocolTemplate,
  PlanConcern,
  SuggestedPlan,
  SuggestedZone,
  PlanInput,
  PlanZone,
  ValidPlanFields,
} from "./protocols";
export type {
  SessionInput,
  RecordSessionInput,
  SerumApplicationInput,
  ValidSessionFields,
  SessionZone,
  SerumApplied,
  RfSettings,
  CartridgeInput,
  NumbingInput,
  DepthDeviation,
  AdverseEvent,
  AdverseEventInput,
  AdverseEventType,
  AdverseEventClass,
  Severity,
} from "./sessions";
export type { PlanStatus, PlanSchedule, PlanProgress, PlanDue, DueState, DepthBand } from "./schedule";
export type {
  KpiId,
  KpiPlan,
  Ratio,
  ImprovementRow,
  ImprovementGroup,
  ImprovementDimension,
  IntervalAdherence,
} from "./kpi";
export type { AgeBand } from "./deidentify";
export type { FhirBundle, FhirResource, FhirExportInput } from "./fhir";
export type {
  ConsultationInput,
  ConsultationConcernInput,
  ValidConsultationFields,
  ValidConsultationConcern,
} from "./consultations";
export type {
  PlanState,
  PlannedSerumCheck,
  ResolvedPlannedSerum,
  SerumOverrideInput,
} from "./treatment-plans";

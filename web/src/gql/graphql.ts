/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 in UTC. */
  DateTime: { input: string; output: string; }
};

export type AdverseEvent = {
  classification: AdverseEventClass;
  /** Days it lasted; null while ongoing. */
  durationDays?: Maybe<Scalars['Int']['output']>;
  /** What the practitioner should do about it, when it is abnormal. */
  flag?: Maybe<Scalars['String']['output']>;
  label: Scalars['String']['output'];
  lotNumber?: Maybe<Scalars['String']['output']>;
  notes?: Maybe<Scalars['String']['output']>;
  onsetOn: Scalars['Date']['output'];
  recordedAt: Scalars['DateTime']['output'];
  /** The serum involved, if any. */
  serum?: Maybe<SerumAddOn>;
  severity: AdverseEventSeverity;
  type: AdverseEventType;
};

/** Redness / swelling is EXPECTED up to 3 days, PROLONGED to 7, ABNORMAL after; every other event is ABNORMAL. */
export type AdverseEventClass =
  | 'ABNORMAL'
  | 'EXPECTED'
  | 'PROLONGED';

export type AdverseEventInput = {
  durationDays?: InputMaybe<Scalars['Int']['input']>;
  lotNumber?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  onsetOn: Scalars['Date']['input'];
  serumId?: InputMaybe<Scalars['ID']['input']>;
  severity: AdverseEventSeverity;
  type: AdverseEventType;
};

export type AdverseEventSeverity =
  | 'MILD'
  | 'MODERATE'
  | 'SEVERE';

/** What happened to the skin after a session (DOMAIN.md "Adverse events"). */
export type AdverseEventType =
  | 'ALLERGIC_REACTION'
  | 'ERYTHEMA_OEDEMA'
  | 'GRANULOMA'
  | 'HERPES_REACTIVATION'
  | 'INFECTION'
  | 'OTHER'
  | 'PIH'
  | 'TRAM_TRACK_SCARRING';

/** The aftercare sheet given: the standard advice with the clinic's numbers, then the clinic's own text. */
export type Aftercare = {
  given: Scalars['Boolean']['output'];
  lines: Array<Scalars['String']['output']>;
};

/** An allergy or skin sensitivity to a substance or ingredient. */
export type Allergy = {
  kind: AllergyKind;
  reaction?: Maybe<Scalars['String']['output']>;
  severity: AllergySeverity;
  substance: Scalars['String']['output'];
};

export type AllergyInput = {
  kind: AllergyKind;
  reaction?: InputMaybe<Scalars['String']['input']>;
  severity: AllergySeverity;
  substance: Scalars['String']['input'];
};

export type AllergyKind =
  | 'ALLERGY'
  | 'SENSITIVITY';

export type AllergySeverity =
  | 'MILD'
  | 'MODERATE'
  | 'SEVERE';

/** An outcome score for a concern on a standard scale. */
export type Assessment = Node & {
  assessedOn: Scalars['Date']['output'];
  /** What the improvement is measured against: the concern's baseline on this scale. */
  baseline?: Maybe<Scalars['Float']['output']>;
  baselineOn?: Maybe<Scalars['Date']['output']>;
  concern: Concern;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Against the baseline, with the scale's direction of better; null before the scale has a baseline. */
  improvement?: Maybe<Improvement>;
  /** The scale's label for the score (GAIS: label and number). */
  label?: Maybe<Scalars['String']['output']>;
  notes?: Maybe<Scalars['String']['output']>;
  patient: Patient;
  rater: Rater;
  scale: ScaleId;
  score: Scalars['Float']['output'];
  /** The session the score follows, if any. */
  session?: Maybe<TreatmentSession>;
};

export type AssessmentInput = {
  assessedOn: Scalars['Date']['input'];
  concernId: Scalars['ID']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  rater: Rater;
  scale: ScaleId;
  score: Scalars['Float']['input'];
  sessionId?: InputMaybe<Scalars['ID']['input']>;
};

export type AssessmentPayload = {
  assessment: Assessment;
};

export type AuditEntry = {
  /** What, e.g. READ_PATIENT, UPDATE_PATIENT, LIST_PATIENTS, INVITE_USER. */
  action: Scalars['String']['output'];
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** Free text: a reason given, what was done. Null when there is none, or when it was erased (detailErased). */
  detail?: Maybe<Scalars['String']['output']>;
  /**
   * True when the patient was erased (erasePatient): the entry keeps who, when, what, site and outcome, but
   * its free-text detail was removed, since staff may have named the patient in it. The erasure's own
   * entries keep theirs.
   */
  detailErased: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  outcome: AuditOutcome;
  /** The patient concerned, if any (it may not exist: probes are recorded too). */
  patientId?: Maybe<Scalars['ID']['output']>;
  role: Role;
  /** The site concerned, if known. */
  siteId?: Maybe<Scalars['ID']['output']>;
  userEmail: Scalars['String']['output'];
  /** Who: the user's id, email and role at the time. */
  userId: Scalars['ID']['output'];
};

export type AuditEntryConnection = {
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
};

export type AuditEntryEdge = {
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type AuditOutcome =
  /** A write refused because the record changed since it was read. */
  | 'CONFLICT'
  /** A write refused by a contraindication. */
  | 'CONTRAINDICATED'
  /** Refused for the caller's role. */
  | 'DENIED'
  | 'ERROR'
  /** Refused because the record does not exist for the caller (missing, another site or another group). */
  | 'NOT_FOUND'
  | 'OK';

export type CartridgeInput = {
  lotNumber: Scalars['String']['input'];
  needleCount: Scalars['Int']['input'];
};

/**
 * The clinic group's configurable waiting periods and defaults (DOMAIN.md: where sources disagree the
 * value is a clinic setting). Until an administrator saves them the defaults apply (version 0).
 */
export type ClinicSettings = {
  /** No actives (retinoids, acids, vitamin C) on the skin for this many days after needling. */
  activesAfterNeedlingDays: Scalars['Int']['output'];
  /** The clinic's own aftercare text, printed after the standard advice. */
  aftercareText: Scalars['String']['output'];
  /** Block when chemotherapy / radiotherapy was less than this many months ago. */
  chemoRadiotherapyMonths: Scalars['Int']['output'];
  /** Warn when filler was placed in the area less than this many days ago. */
  fillerDays: Scalars['Int']['output'];
  /** The portal locks after this many minutes without input (shared treatment-room devices). */
  idleLockMinutes: Scalars['Int']['output'];
  /** True while nobody has saved settings: the defaults apply. */
  isDefault: Scalars['Boolean']['output'];
  /** BLOCK (default) or WARN: evidence is mixed, a clinic may downgrade the isotretinoin rule. */
  isotretinoinLevel: ContraindicationLevel;
  /** Isotretinoin must have stopped at least this many months ago. */
  isotretinoinMonths: Scalars['Int']['output'];
  /** Warn after a chemical peel, laser or retinoid use within this many days. */
  peelLaserRetinoidDays: Scalars['Int']['output'];
  /** Days of slack after a due date before a patient counts as overdue. */
  rebookingGraceDays: Scalars['Int']['output'];
  /** Retreatment is due this many months after a completed course. */
  retreatmentMonths: Scalars['Int']['output'];
  /** Warn when botulinum toxin was given in the area less than this many days ago. */
  toxinDays: Scalars['Int']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Pass this back on update (0 while the defaults apply); a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
};

/** Fields to change; anything left out keeps its current value. */
export type ClinicSettingsInput = {
  activesAfterNeedlingDays?: InputMaybe<Scalars['Int']['input']>;
  aftercareText?: InputMaybe<Scalars['String']['input']>;
  chemoRadiotherapyMonths?: InputMaybe<Scalars['Int']['input']>;
  fillerDays?: InputMaybe<Scalars['Int']['input']>;
  idleLockMinutes?: InputMaybe<Scalars['Int']['input']>;
  isotretinoinLevel?: InputMaybe<ContraindicationLevel>;
  isotretinoinMonths?: InputMaybe<Scalars['Int']['input']>;
  peelLaserRetinoidDays?: InputMaybe<Scalars['Int']['input']>;
  rebookingGraceDays?: InputMaybe<Scalars['Int']['input']>;
  retreatmentMonths?: InputMaybe<Scalars['Int']['input']>;
  toxinDays?: InputMaybe<Scalars['Int']['input']>;
};

export type ClinicSettingsPayload = {
  settings: ClinicSettings;
};

/** A concern the patient came with: indication, body area and the baseline on its scale. */
export type Concern = Node & {
  /** The scale's label for the baseline score, where it has one. */
  baselineLabel?: Maybe<Scalars['String']['output']>;
  baselineOn: Scalars['Date']['output'];
  baselineScale: ScaleId;
  baselineScore: Scalars['Float']['output'];
  bodyArea: Zone;
  consultation: Consultation;
  id: Scalars['ID']['output'];
  indication: Indication;
  notes?: Maybe<Scalars['String']['output']>;
  patient: Patient;
  status: ConcernStatus;
  version: Scalars['Int']['output'];
  /** Zones to treat for this concern (empty: the body area). */
  zones: Array<Zone>;
};

export type ConcernDepthCell = {
  depthBand: Scalars['String']['output'];
  indication: Indication;
  summary: OutcomeSummaryRow;
};

export type ConcernInput = {
  baselineScale: ScaleId;
  baselineScore: Scalars['Float']['input'];
  bodyArea: Zone;
  indication: Indication;
  notes?: InputMaybe<Scalars['String']['input']>;
  zones?: InputMaybe<Array<Zone>>;
};

export type ConcernStatus =
  | 'ACTIVE'
  | 'RESOLVED';

export type Consultation = Node & {
  answers: ScreeningAnswers;
  /** No BLOCK left without an override. */
  cleared: Scalars['Boolean']['output'];
  concerns: Array<Concern>;
  createdAt: Scalars['DateTime']['output'];
  date: Scalars['Date']['output'];
  /** The screen as it ran on the consultation day. */
  findings: Array<ContraindicationFinding>;
  id: Scalars['ID']['output'];
  overrides: Array<ContraindicationOverride>;
  patient: Patient;
  practitioner: StaffMember;
  site: Site;
  /** BLOCKs without an override: while any remain, no plan can be made. */
  unresolvedBlocks: Array<ContraindicationFinding>;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass this back on override; a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
};

export type ConsultationInput = {
  answers: ScreeningAnswersInput;
  concerns: Array<ConcernInput>;
  /** The consultation day; not in the future. */
  date: Scalars['Date']['input'];
  /** Where it takes place: a site the practitioner works at (otherwise FORBIDDEN). */
  siteId: Scalars['ID']['input'];
};

export type ConsultationPayload = {
  consultation: Consultation;
};

/**
 * A finding of the contraindication screen (or of a serum check): BLOCK stops treatment unless a
 * prescriber overrides it with a reason; WARN is shown. `source` says what triggered it (an answer,
 * a medication, the history, a clinic setting).
 */
export type ContraindicationFinding = {
  code: Scalars['String']['output'];
  level: ContraindicationLevel;
  /** False when no override exists (e.g. an expired lot). */
  overridable: Scalars['Boolean']['output'];
  reason: Scalars['String']['output'];
  source: Scalars['String']['output'];
};

/** BLOCK stops treatment unless overridden with a reason; WARN is shown and may be acknowledged. */
export type ContraindicationLevel =
  | 'BLOCK'
  | 'WARN';

/** A prescriber's decision to proceed despite a finding: who, when and why (also in the audit trail). */
export type ContraindicationOverride = {
  at: Scalars['DateTime']['output'];
  by: StaffMember;
  code: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** Proceeds despite a finding that is new or changed since the consultation: the reason is required. */
export type ContraindicationOverrideInput = {
  code: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};

/** A zone treated outside the plan's range (or not planned), with the reason given. */
export type DepthDeviation = {
  depthMm: Scalars['Float']['output'];
  plannedMaxMm?: Maybe<Scalars['Float']['output']>;
  plannedMinMm?: Maybe<Scalars['Float']['output']>;
  reason: Scalars['String']['output'];
  zone: Zone;
};

/** A motorised pen: its cartridge's needle count and lot. */
export type Dermapen = SessionDevice & {
  cartridgeLot: Scalars['String']['output'];
  cartridgeNeedleCount: Scalars['Int']['output'];
  kind: Device;
};

/** A manual roller. */
export type Dermaroller = SessionDevice & {
  kind: Device;
};

export type Device =
  | 'DERMAROLLER'
  | 'PEN'
  | 'RF_MICRONEEDLING';

/** What a plan is due for: its next session, or retreatment after a completed course. */
export type DueKind =
  | 'RETREATMENT'
  | 'SESSION';

export type DueState =
  | 'DUE'
  | 'NOT_DUE'
  | 'OVERDUE';

export type ErasePatientPayload = {
  erasure: PatientErasure;
};

export type ExportProgress = {
  /** Rows exported so far, this chunk included. */
  done: Scalars['Int']['output'];
  /** Rows the export will have, when known without reading them (no filter, or site and/or concern only). */
  total?: Maybe<Scalars['Int']['output']>;
};

export type FitzpatrickType =
  | 'I'
  | 'II'
  | 'III'
  | 'IV'
  | 'V'
  | 'VI';

export type HistoryFlag =
  | 'ANAESTHETIC_ALLERGY'
  | 'BLEEDING_DISORDER'
  | 'DIABETES_CONTROLLED'
  | 'DIABETES_UNCONTROLLED'
  | 'ECZEMA'
  | 'HERPES_SIMPLEX_HISTORY'
  | 'IMMUNOSUPPRESSION'
  | 'KELOID_TENDENCY'
  | 'NICKEL_ALLERGY'
  | 'PSORIASIS'
  | 'ROSACEA';

/** Points better than baseline (positive = better, whatever the scale's direction) and as a percentage. */
export type Improvement = {
  absolute: Scalars['Float']['output'];
  improved: Scalars['Boolean']['output'];
  /** Null when the baseline is 0 or the scale rates change itself (GAIS). */
  percent?: Maybe<Scalars['Float']['output']>;
};

/** A concern a patient comes with (an indication for microneedling). */
export type Indication =
  | 'ACNE_SCARRING'
  | 'ALOPECIA'
  | 'LAXITY'
  | 'MELASMA'
  | 'PIGMENTATION'
  | 'REJUVENATION'
  | 'ROSACEA'
  | 'SCARRING'
  | 'STRETCH_MARKS'
  | 'WRINKLES';

/** Time between sessions vs plan: numerator = total days late (early negative), denominator = gaps, value = mean deviation in days. */
export type IntervalKpi = {
  definition: Scalars['String']['output'];
  denominator: Scalars['Float']['output'];
  filtersApplied: Array<Scalars['String']['output']>;
  gaps: Scalars['Int']['output'];
  id: Scalars['String']['output'];
  meanAbsDeviationDays?: Maybe<Scalars['Float']['output']>;
  meanActualDays?: Maybe<Scalars['Float']['output']>;
  meanDeviationDays?: Maybe<Scalars['Float']['output']>;
  meanPlannedDays?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  numerator: Scalars['Float']['output'];
  source: KpiSource;
  unit: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
  /** % of gaps no longer than the planned interval plus the clinic's grace days. */
  withinGraceShare?: Maybe<Scalars['Float']['output']>;
};

export type Kpi = {
  /** The one definition (DOMAIN.md), as everywhere else in Needlework. */
  definition: Scalars['String']['output'];
  denominator: Scalars['Float']['output'];
  /** The filter fields this KPI applied (a plan has no depth band or serum, for example). */
  filtersApplied: Array<Scalars['String']['output']>;
  /** courseCompletionRate, rebookingRate, adverseEventRatePer100 or timeBetweenSessionsVsPlan. */
  id: Scalars['String']['output'];
  name: Scalars['String']['output'];
  numerator: Scalars['Float']['output'];
  source: KpiSource;
  unit: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

/** A KPI ratio: value = numerator ÷ denominator in the KPI's unit; null when there is no data (not 0). */
export type KpiRatio = {
  denominator: Scalars['Float']['output'];
  numerator: Scalars['Float']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

export type KpiReport = {
  adverseEvents: Kpi;
  asOf: Scalars['Date']['output'];
  courseCompletion: Kpi;
  /** The clinic's rebooking grace days, used by the rebooking and interval KPIs. */
  graceDays: Scalars['Int']['output'];
  plansCounted: Scalars['Int']['output'];
  rebooking: Kpi;
  timeBetweenSessions: IntervalKpi;
};

/** Where a KPI was computed from: rollup counters (flat cost), the per-plan KPI items, or the outcome records. */
export type KpiSource =
  | 'OUTCOME_RECORDS'
  | 'PLANS'
  | 'ROLLUPS';

export type Me = {
  email: Scalars['String']['output'];
  groupId: Scalars['ID']['output'];
  groupName: Scalars['String']['output'];
  name: Scalars['String']['output'];
  role: Role;
  sites: Array<Site>;
  userId: Scalars['ID']['output'];
};

export type Medication = {
  class: MedicationClass;
  name: Scalars['String']['output'];
  startedOn?: Maybe<Scalars['Date']['output']>;
  stoppedOn?: Maybe<Scalars['Date']['output']>;
};

export type MedicationClass =
  | 'ANTICOAGULANT'
  | 'ANTIVIRAL'
  | 'CHEMOTHERAPY'
  | 'IMMUNOSUPPRESSANT'
  | 'ISOTRETINOIN'
  | 'MINOXIDIL'
  | 'OTHER'
  | 'RADIOTHERAPY'
  | 'TOPICAL_RETINOID';

export type MedicationInput = {
  class: MedicationClass;
  name: Scalars['String']['input'];
  startedOn?: InputMaybe<Scalars['Date']['input']>;
  stoppedOn?: InputMaybe<Scalars['Date']['input']>;
};

export type Mutation = {
  _noop?: Maybe<Scalars['Boolean']['output']>;
  /** Clinic admins only. An already expired lot may be recorded for traceability; it can never be applied. */
  addSerumLot: SerumPayload;
  createPatient: PatientPayload;
  /** Clinic admins only. */
  createSerum: SerumPayload;
  createSite: SitePayload;
  /** CONTRAINDICATED while the consultation has a BLOCK without an override or a planned serum is flagged without one. */
  createTreatmentPlan: TreatmentPlanPayload;
  /** Stop a user signing in; their current tokens stop working too. You cannot deactivate yourself. */
  deactivateUser: UserPayload;
  /**
   * Clinic admins only. Erases the patient's personal and clinical data for good (clinical records are
   * otherwise archived, never deleted): the profile, consultations, concerns, plans, sessions,
   * assessments, outcome and KPI items, idempotency records; lot traces keep the application without
   * the patient; audit entries keep who, when and what without their free-text detail. `confirmName` is
   * the patient's name as shown; `reason` stays in the audit trail, so it must not name or contact the
   * patient. Long erasures answer ERASING with progress: call again with the same arguments to resume.
   */
  erasePatient: ErasePatientPayload;
  /** Add a user to the group with a role (and sites, for a practitioner). */
  inviteUser: UserPayload;
  /** Overrides one finding with a reason (required); recorded with who and when. */
  overrideContraindication: ConsultationPayload;
  reactivateUser: UserPayload;
  /** Adds an adverse event reported after the session. */
  recordAdverseEvent: TreatmentSessionPayload;
  /** Scores a concern. A scale that does not measure the concern answers BAD_USER_INPUT on `scale`. */
  recordAssessment: AssessmentPayload;
  /** Screens the patient and records the consultation with its concerns in one transaction. */
  recordConsultation: ConsultationPayload;
  /**
   * Records a session against a plan: the screen is re-run (a new BLOCK needs an override) and every
   * serum checked (CONTRAINDICATED with the reasons); the session, the plan's progress, the lot trace,
   * the rollups and the audit entry are written in one transaction.
   */
  recordTreatmentSession: TreatmentSessionPayload;
  /** Clinic administrators only (others: FORBIDDEN). */
  updateClinicSettings: ClinicSettingsPayload;
  updatePatient: PatientPayload;
  /** Replaces the group's template for one indication. Clinic administrators only (others: FORBIDDEN). */
  updateProtocol: ProtocolTemplatePayload;
  /** Clinic admins only; replaces the serum's details, keeps its lots. */
  updateSerum: SerumPayload;
  /** Rename, archive or restore a site. */
  updateSite: SitePayload;
  updateTreatmentPlan: TreatmentPlanPayload;
  /** Change a user's name, role or sites. You cannot change your own role. */
  updateUser: UserPayload;
};


export type MutationAddSerumLotArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  lot: SerumLotInput;
  version: Scalars['Int']['input'];
};


export type MutationCreatePatientArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PatientInput;
};


export type MutationCreateSerumArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SerumInput;
};


export type MutationCreateSiteArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SiteInput;
};


export type MutationCreateTreatmentPlanArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: TreatmentPlanInput;
};


export type MutationDeactivateUserArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationErasePatientArgs = {
  confirmName: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationInviteUserArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UserInput;
};


export type MutationOverrideContraindicationArgs = {
  code: Scalars['String']['input'];
  consultationId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationReactivateUserArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRecordAdverseEventArgs = {
  event: AdverseEventInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  sessionId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRecordAssessmentArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: AssessmentInput;
  patientId: Scalars['ID']['input'];
};


export type MutationRecordConsultationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: ConsultationInput;
  patientId: Scalars['ID']['input'];
};


export type MutationRecordTreatmentSessionArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: TreatmentSessionInput;
  patientId: Scalars['ID']['input'];
};


export type MutationUpdateClinicSettingsArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: ClinicSettingsInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdatePatientArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PatientInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateProtocolArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  indication: Indication;
  input: ProtocolTemplateInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateSerumArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SerumInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateSiteArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SiteUpdateInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateTreatmentPlanArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: TreatmentPlanUpdateInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UserUpdateInput;
  version: Scalars['Int']['input'];
};

/** An object with a globally unique, opaque id. */
export type Node = {
  id: Scalars['ID']['output'];
};

export type Numbing = {
  agent: Scalars['String']['output'];
  minutes: Scalars['Int']['output'];
};

export type NumbingInput = {
  agent: Scalars['String']['input'];
  minutes: Scalars['Int']['input'];
};

/** An adverse event as analysts see it: no dates, no notes. */
export type OutcomeAdverseEvent = {
  severity: AdverseEventSeverity;
  type: AdverseEventType;
};

export type OutcomeDimension =
  | 'CONCERN'
  | 'DEPTH_BAND'
  | 'DEVICE'
  | 'FITZPATRICK'
  | 'PRACTITIONER'
  | 'SERUM'
  | 'SITE';

/**
 * One chunk of the CSV export. Ask again with `after: endCursor` while `hasNextPage`, and join the
 * chunks: the first holds the header line. Each chunk is one request (well under API Gateway's and
 * Lambda's payload limits), so an export of any size works behind them.
 */
export type OutcomeExportChunk = {
  csv: Scalars['String']['output'];
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  progress: ExportProgress;
  rows: Scalars['Int']['output'];
};

/**
 * Analytics for analysts and clinic admins (practitioners: FORBIDDEN): de-identified outcome records,
 * summaries from counters precomputed in the session and assessment transactions, KPIs with one
 * definition each (core Kpi.KPI_DEFINITIONS) and a CSV export. No result names a patient, gives a
 * contact detail, a date of birth, a free-text note or a date finer than a month.
 * The per-patient FHIR export is identified data: practitioners of the patient's site and clinic
 * admins only (analysts: FORBIDDEN).
 *
 * The filter (of outcome records, summaries, the concern × depth band matrix, KPIs and exports): dates
 * compare by month (rows carry months only; a day within a month counts the whole month): outcome
 * records, and the improvement in summaries, are of courses that started in the months; sessions and
 * adverse events in summaries and the adverse-event KPI are of sessions performed in them; the plan
 * KPIs, of plans that started in them. `from` after `to` is BAD_USER_INPUT.
 * Summaries come from counters: filter one by dates, its own dimension's value, and at most one of
 * indication, siteId, device or depthBand (serumId and fitzpatrick narrow only the summary grouped by
 * them); the matrix by dates, indication, depthBand and at most one of siteId or device. Other
 * combinations are BAD_USER_INPUT; outcome records, KPIs and exports take every field.
 */
export type OutcomeFilter = {
  /** A depth band treated in the course: 0.25–0.5, 0.5–1.0, 1.0–1.5, 1.5–2.0 or 2.0–2.5 (mm, core's bands). */
  depthBand?: InputMaybe<Scalars['String']['input']>;
  /** A device used in the course. */
  device?: InputMaybe<Device>;
  fitzpatrick?: InputMaybe<FitzpatrickType>;
  /** Courses (sessions) that started (were performed) in this month or later: the month of the first session, or of the baseline before any session. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** The concern's indication. */
  indication?: InputMaybe<Indication>;
  /** A serum applied in the course. */
  serumId?: InputMaybe<Scalars['ID']['input']>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
  /** Courses (sessions) that started (were performed) in this month or earlier. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type OutcomePoint = {
  assessedOn: Scalars['Date']['output'];
  assessment: Assessment;
  improvement: Improvement;
  label?: Maybe<Scalars['String']['output']>;
  rater?: Maybe<Rater>;
  score: Scalars['Float']['output'];
};

/** One patient's course for one concern, de-identified. */
export type OutcomeRecord = {
  /** Type and severity only. */
  adverseEvents: Array<OutcomeAdverseEvent>;
  /** Adverse events that count for the KPI (redness or swelling within 3 days does not). */
  adverseEventsCounted: Scalars['Int']['output'];
  /** Age at the start of the course: <18, 18–29, 30–39 … 80–89, 90+ (everyone over 89 grouped). */
  ageBand: Scalars['String']['output'];
  bodyArea: Zone;
  depthBands: Array<Scalars['String']['output']>;
  devices: Array<Device>;
  firstSessionMonth?: Maybe<Scalars['String']['output']>;
  fitzpatrick?: Maybe<FitzpatrickType>;
  /** Opaque and stable for this patient and concern; links to no one without the group's secret. */
  id: Scalars['ID']['output'];
  indication: Indication;
  lastSessionMonth?: Maybe<Scalars['String']['output']>;
  /** Other scales the concern was scored on: GAIS against 'No change', others against their first score. */
  otherScales: Array<ScaleOutcome>;
  /** Baseline and latest score on the concern's own (baseline) scale. */
  outcome: ScaleOutcome;
  /** The patient, pseudonymous: a keyed hash (HMAC-SHA256 with the group's secret). The same patient has the same key within the group and another in every other group. */
  patientKey: Scalars['String']['output'];
  serums: Array<OutcomeSerum>;
  sessionCount: Scalars['Int']['output'];
  /** The patient's site (as the outcome summaries count it). */
  site: Site;
  /** YYYY-MM of the first session (of the baseline before any session). */
  startMonth: Scalars['String']['output'];
  /** Zones treated for this concern and the depths used in each. */
  zones: Array<OutcomeZone>;
};

/**
 * A page may hold fewer rows than asked when filters other than site, concern and months drop rows
 * DynamoDB has read: keep following `endCursor` while `hasNextPage`.
 */
export type OutcomeRecordConnection = {
  edges: Array<OutcomeRecordEdge>;
  pageInfo: PageInfo;
};

export type OutcomeRecordEdge = {
  cursor: Scalars['String']['output'];
  node: OutcomeRecord;
};

export type OutcomeSerum = {
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
};

export type OutcomeSummary = {
  groupBy: OutcomeDimension;
  rows: Array<OutcomeSummaryRow>;
};

export type OutcomeSummaryRow = {
  adverseEventRate: KpiRatio;
  adverseEvents: Scalars['Int']['output'];
  adverseEventsPer100Sessions?: Maybe<Scalars['Float']['output']>;
  byScale: Array<ScaleSummary>;
  improvedShare?: Maybe<Scalars['Float']['output']>;
  /** The dimension's value: an enum value, or the global id of a site, serum or practitioner. */
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** Mean points better than baseline when every measurement of the row is on one scale (points of different scales do not add up); null otherwise: see byScale. */
  meanImprovement?: Maybe<Scalars['Float']['output']>;
  /** Mean % improvement against baseline over the row's scales that have one (not GAIS). */
  meanImprovementPercent?: Maybe<Scalars['Float']['output']>;
  /** Outcome measurements: concerns with a follow-up score, counted once per scale. */
  n: Scalars['Int']['output'];
  nPercent: Scalars['Int']['output'];
  sessions: Scalars['Int']['output'];
};

/** A concern's scores on one scale across visits, against its baseline. */
export type OutcomeTrend = {
  baseline?: Maybe<Scalars['Float']['output']>;
  baselineOn?: Maybe<Scalars['Date']['output']>;
  best?: Maybe<OutcomePoint>;
  concern: Concern;
  direction: TrendDirection;
  latest?: Maybe<OutcomePoint>;
  /** Oldest first. */
  points: Array<OutcomePoint>;
  scale: ScaleId;
};

export type OutcomeZone = {
  depthBands: Array<Scalars['String']['output']>;
  depthsMm: Array<Scalars['Float']['output']>;
  zone: Zone;
};

export type PageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Patient = Node & {
  /**
   * Contraindications that stand whatever the day's answers (history, medications, allergies,
   * Fitzpatrick type), screened today with the clinic's settings: always in view on the patient page.
   */
  activeFlags: Array<ContraindicationFinding>;
  allergies: Array<Allergy>;
  archived: Scalars['Boolean']['output'];
  /** Every concern recorded for the patient. */
  concerns: Array<Concern>;
  createdAt: Scalars['DateTime']['output'];
  dateOfBirth: Scalars['Date']['output'];
  email?: Maybe<Scalars['String']['output']>;
  familyName: Scalars['String']['output'];
  fitzpatrick?: Maybe<FitzpatrickType>;
  givenName: Scalars['String']['output'];
  historyFlags: Array<HistoryFlag>;
  id: Scalars['ID']['output'];
  medications: Array<Medication>;
  phone?: Maybe<Scalars['String']['output']>;
  site: Site;
  /** Consultations, plans, sessions and assessments, newest first: one database request per page. */
  timeline: TimelineConnection;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass this back on update; a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
};


export type PatientTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PatientConnection = {
  edges: Array<PatientEdge>;
  pageInfo: PageInfo;
};

export type PatientEdge = {
  cursor: Scalars['String']['output'];
  node: Patient;
};

export type PatientErasure = {
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  erased: PatientErasureCounts;
  /** The erased patient's id: it answers NOT_FOUND everywhere; its audit trail stays readable. */
  patientId: Scalars['ID']['output'];
  progress: PatientErasureProgress;
  startedAt: Scalars['DateTime']['output'];
  status: PatientErasureStatus;
};

/** Items erased so far, by kind (deleted; lot traces de-identified; audit entries' free-text detail removed). */
export type PatientErasureCounts = {
  assessments: Scalars['Int']['output'];
  auditDetails: Scalars['Int']['output'];
  concerns: Scalars['Int']['output'];
  consultations: Scalars['Int']['output'];
  idempotencyRecords: Scalars['Int']['output'];
  kpiPlans: Scalars['Int']['output'];
  lotTraces: Scalars['Int']['output'];
  outcomeRecords: Scalars['Int']['output'];
  plans: Scalars['Int']['output'];
  sessions: Scalars['Int']['output'];
};

export type PatientErasureProgress = {
  /** Items erased so far. */
  done: Scalars['Int']['output'];
  /** Items erased so far plus those this call saw left (equal to done once ERASED). */
  total: Scalars['Int']['output'];
};

export type PatientErasureStatus =
  /** Done: only a tombstone without personal data and the audit trail remain. */
  | 'ERASED'
  /** Started: the patient answers NOT_FOUND everywhere; call erasePatient again to carry on. */
  | 'ERASING';

export type PatientInput = {
  allergies?: InputMaybe<Array<AllergyInput>>;
  dateOfBirth: Scalars['Date']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  familyName: Scalars['String']['input'];
  fitzpatrick?: InputMaybe<FitzpatrickType>;
  givenName: Scalars['String']['input'];
  historyFlags?: InputMaybe<Array<HistoryFlag>>;
  medications?: InputMaybe<Array<MedicationInput>>;
  phone?: InputMaybe<Scalars['String']['input']>;
  siteId: Scalars['ID']['input'];
};

export type PatientPayload = {
  patient: Patient;
};

export type PlanProgress = {
  done: Scalars['Int']['output'];
  planned: Scalars['Int']['output'];
  remaining: Scalars['Int']['output'];
};

export type PlanStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'PLANNED';

/** A serum add-on planned for needling, with what its check found when it was planned. */
export type PlannedSerum = {
  findings: Array<ContraindicationFinding>;
  name: Scalars['String']['output'];
  override?: Maybe<SerumOverride>;
  serumId: Scalars['ID']['output'];
};

export type PlannedSerumInput = {
  serumId: Scalars['ID']['input'];
};

/** A planned zone; sessions may go anywhere in depthMinMm–depthMaxMm. */
export type PlannedZone = {
  /** Planned deeper than the zone's safe default (allowed, shown for confirmation). */
  aboveZoneDefault: Scalars['Boolean']['output'];
  depthMaxMm: Scalars['Float']['output'];
  depthMinMm: Scalars['Float']['output'];
  depthMm: Scalars['Float']['output'];
  zone: Zone;
};

export type PlannedZoneInput = {
  /** Defaults to depthMm. */
  depthMaxMm?: InputMaybe<Scalars['Float']['input']>;
  /** Defaults to depthMm. */
  depthMinMm?: InputMaybe<Scalars['Float']['input']>;
  depthMm: Scalars['Float']['input'];
  zone: Zone;
};

/**
 * A protocol template for one indication: DOMAIN.md's defaults until the clinic group saves its own
 * (version 0 and isDefault while the default applies).
 */
export type ProtocolTemplate = {
  defaultZones: Array<Zone>;
  depthMaxMm: Scalars['Float']['output'];
  depthMinMm: Scalars['Float']['output'];
  device: Device;
  indication: Indication;
  intervalWeeksDefault: Scalars['Int']['output'];
  intervalWeeksMax: Scalars['Int']['output'];
  intervalWeeksMin: Scalars['Int']['output'];
  isDefault: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  notes: Scalars['String']['output'];
  sessionsDefault: Scalars['Int']['output'];
  sessionsMax: Scalars['Int']['output'];
  sessionsMin: Scalars['Int']['output'];
  /** Serum names or ingredients, matched against the catalogue when a plan is suggested. */
  suggestedSerums: Array<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Pass this back on update (0 while the default applies); a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
  /** Zone ranges that win over the zone's safe default. */
  zoneDepths: Array<ZoneDepthRange>;
};

export type ProtocolTemplateInput = {
  defaultZones?: InputMaybe<Array<Zone>>;
  depthMaxMm: Scalars['Float']['input'];
  depthMinMm: Scalars['Float']['input'];
  device: Device;
  intervalWeeksDefault: Scalars['Int']['input'];
  intervalWeeksMax: Scalars['Int']['input'];
  intervalWeeksMin: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  sessionsDefault: Scalars['Int']['input'];
  sessionsMax: Scalars['Int']['input'];
  sessionsMin: Scalars['Int']['input'];
  suggestedSerums?: InputMaybe<Array<Scalars['String']['input']>>;
  zoneDepths?: InputMaybe<Array<ZoneDepthRangeInput>>;
};

export type ProtocolTemplatePayload = {
  protocol: ProtocolTemplate;
};

export type Query = {
  /** Clinic admins: what one user did, newest first. */
  auditByUser: AuditEntryConnection;
  /** Clinic admins: who accessed one patient's record, newest first. */
  auditTrail: AuditEntryConnection;
  /** Checks one serum application (allergies, clearance, actives on needled skin, the lot) without saving. */
  checkSerum: SerumCheck;
  /** The signed-in user's clinic group settings. */
  clinicSettings: ClinicSettings;
  /** Concern × depth band: every cell with data, from the same counters (one Query). ANALYST and CLINIC_ADMIN. */
  concernDepthMatrix: Array<ConcernDepthCell>;
  /** Course completion, rebooking, adverse events per 100 sessions and time between sessions vs plan, as of a day (default today). ANALYST and CLINIC_ADMIN. */
  kpis: KpiReport;
  /** The signed-in user. */
  me: Me;
  /** Any object by its global id, if the caller may see it. */
  node?: Maybe<Node>;
  /** The outcome records as CSV, one chunk per call (up to `rows` rows, at most 500). ANALYST and CLINIC_ADMIN. */
  outcomeExport: OutcomeExportChunk;
  /** De-identified outcome records, newest course first per filter. ANALYST and CLINIC_ADMIN. */
  outcomeRecords: OutcomeRecordConnection;
  /** Improvement, sessions and adverse events per value of one dimension, from precomputed counters (one Query, however many sessions; a date range is a range of months). Filters: see OutcomeFilter. ANALYST and CLINIC_ADMIN. */
  outcomeSummary: OutcomeSummary;
  /** A concern's trend on one scale (default: its baseline scale). */
  outcomeTrend: OutcomeTrend;
  patient?: Maybe<Patient>;
  /** A patient's record as a FHIR R4 Bundle (JSON). Practitioners of the patient's site and clinic admins; ANALYST: FORBIDDEN. */
  patientFhirBundle: Scalars['String']['output'];
  /** Patients of one site, by family name; `search` matches the start of 'family given'. */
  patients: PatientConnection;
  /** Plans whose next session or retreatment falls between from and to (inclusive) at the site, soonest first. */
  plansDue: TreatmentPlanConnection;
  /** Every indication's protocol template, the group's own or the default. */
  protocols: Array<ProtocolTemplate>;
  /** A site's sessions, newest first. */
  recentSessions: TreatmentSessionConnection;
  /** Runs the contraindication screen for the patient on `onDate` without saving anything. */
  screenPatient: ScreenResult;
  screeningQuestions: Array<ScreeningQuestion>;
  /** The group's serum catalogue, by creation. */
  serums: SerumAddOnConnection;
  /** Who received a serum lot: every application, newest first (a practitioner sees their sites'). */
  sessionsByLot: SerumLotTraceConnection;
  /** Clinic admins: the group's sites, archived ones included. */
  sites: SiteConnection;
  /** Core's suggestion for the patient's chosen concerns, from the group's protocols and catalogue. */
  suggestPlan: SuggestedPlan;
  /** Clinic admins: the group's users, deactivated ones included. */
  users: UserConnection;
};


export type QueryAuditByUserArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userId: Scalars['ID']['input'];
};


export type QueryAuditTrailArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  patientId: Scalars['ID']['input'];
};


export type QueryCheckSerumArgs = {
  duringNeedling: Scalars['Boolean']['input'];
  lotNumber: Scalars['String']['input'];
  onDate: Scalars['Date']['input'];
  patientId: Scalars['ID']['input'];
  serumId: Scalars['ID']['input'];
};


export type QueryConcernDepthMatrixArgs = {
  filter?: InputMaybe<OutcomeFilter>;
};


export type QueryKpisArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  filter?: InputMaybe<OutcomeFilter>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOutcomeExportArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OutcomeFilter>;
  rows?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOutcomeRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OutcomeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOutcomeSummaryArgs = {
  filter?: InputMaybe<OutcomeFilter>;
  groupBy: OutcomeDimension;
};


export type QueryOutcomeTrendArgs = {
  concernId: Scalars['ID']['input'];
  patientId: Scalars['ID']['input'];
  scale?: InputMaybe<ScaleId>;
};


export type QueryPatientArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPatientFhirBundleArgs = {
  patientId: Scalars['ID']['input'];
};


export type QueryPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  siteId: Scalars['ID']['input'];
};


export type QueryPlansDueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['Date']['input'];
  siteId: Scalars['ID']['input'];
  to: Scalars['Date']['input'];
};


export type QueryRecentSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId: Scalars['ID']['input'];
};


export type QueryScreenPatientArgs = {
  answers: ScreeningAnswersInput;
  onDate: Scalars['Date']['input'];
  patientId: Scalars['ID']['input'];
  zones?: InputMaybe<Array<Zone>>;
};


export type QuerySerumsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySessionsByLotArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  lotNumber: Scalars['String']['input'];
  serumId: Scalars['ID']['input'];
};


export type QuerySitesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySuggestPlanArgs = {
  concernIds: Array<Scalars['ID']['input']>;
  patientId: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Rater =
  | 'CLINICIAN'
  | 'PATIENT';

/** RF microneedling: the energy settings as the device shows them. */
export type RfMicroneedling = SessionDevice & {
  cartridgeLot?: Maybe<Scalars['String']['output']>;
  cartridgeNeedleCount?: Maybe<Scalars['Int']['output']>;
  /** Power / energy level in the device's units. */
  energyLevel: Scalars['Float']['output'];
  kind: Device;
  pulseDurationMs: Scalars['Float']['output'];
};

export type RfSettingsInput = {
  energyLevel: Scalars['Float']['input'];
  pulseDurationMs: Scalars['Float']['input'];
};

export type Role =
  | 'ANALYST'
  | 'CLINIC_ADMIN'
  | 'PRACTITIONER';

/** An outcome scale (Fitzpatrick is a patient attribute, not a scale). */
export type ScaleId =
  | 'GAIS'
  | 'GOODMAN_BARON_QUALITATIVE'
  | 'GOODMAN_BARON_QUANTITATIVE'
  | 'HAIR_COUNT'
  | 'LEMPERLE'
  | 'MMASI'
  | 'SATISFACTION';

export type ScaleOutcome = {
  /** Follow-up scores on this scale. */
  assessments: Scalars['Int']['output'];
  baselineScore: Scalars['Float']['output'];
  improved?: Maybe<Scalars['Boolean']['output']>;
  /** Points better than baseline (positive = better, whatever the scale's direction); null before a follow-up score. */
  improvement?: Maybe<Scalars['Float']['output']>;
  /** improvement ÷ |baseline| × 100; null for GAIS and a zero baseline. */
  improvementPercent?: Maybe<Scalars['Float']['output']>;
  latestScore?: Maybe<Scalars['Float']['output']>;
  scale: ScaleId;
};

export type ScaleSummary = {
  /** % of them improved. */
  improvedShare: Scalars['Float']['output'];
  /** Mean points better than baseline. */
  meanImprovement: Scalars['Float']['output'];
  meanImprovementPercent?: Maybe<Scalars['Float']['output']>;
  /** Concerns with a follow-up score on this scale. */
  n: Scalars['Int']['output'];
  nPercent: Scalars['Int']['output'];
  scale: ScaleId;
};

/** The screen without saving: what recording the consultation now would find. */
export type ScreenResult = {
  cleared: Scalars['Boolean']['output'];
  findings: Array<ContraindicationFinding>;
  /** Required yes/no questions not answered yet (screened as no for now). */
  unanswered: Array<Scalars['String']['output']>;
  unresolvedBlocks: Array<ContraindicationFinding>;
};

/** The day's answers to the screening questions (medications and history come from the patient). */
export type ScreeningAnswers = {
  activeAcneInArea: Scalars['Boolean']['output'];
  activeHerpesOutbreak: Scalars['Boolean']['output'];
  activeSkinInfection: Scalars['Boolean']['output'];
  chemoOrRadiotherapyCurrent: Scalars['Boolean']['output'];
  chemoOrRadiotherapyDate?: Maybe<Scalars['Date']['output']>;
  eczemaPsoriasisRosaceaFlareInArea: Scalars['Boolean']['output'];
  fillerDate?: Maybe<Scalars['Date']['output']>;
  openWounds: Scalars['Boolean']['output'];
  peelLaserDate?: Maybe<Scalars['Date']['output']>;
  pregnantOrBreastfeeding: Scalars['Boolean']['output'];
  retinoidDate?: Maybe<Scalars['Date']['output']>;
  sunburn: Scalars['Boolean']['output'];
  toxinDate?: Maybe<Scalars['Date']['output']>;
};

/**
 * Answers as the form gives them. Recording a consultation needs every required yes/no answer
 * (BAD_USER_INPUT names the missing ones); `screenPatient` screens a half-filled form.
 */
export type ScreeningAnswersInput = {
  activeAcneInArea?: InputMaybe<Scalars['Boolean']['input']>;
  activeHerpesOutbreak?: InputMaybe<Scalars['Boolean']['input']>;
  activeSkinInfection?: InputMaybe<Scalars['Boolean']['input']>;
  chemoOrRadiotherapyCurrent?: InputMaybe<Scalars['Boolean']['input']>;
  chemoOrRadiotherapyDate?: InputMaybe<Scalars['Date']['input']>;
  eczemaPsoriasisRosaceaFlareInArea?: InputMaybe<Scalars['Boolean']['input']>;
  fillerDate?: InputMaybe<Scalars['Date']['input']>;
  openWounds?: InputMaybe<Scalars['Boolean']['input']>;
  peelLaserDate?: InputMaybe<Scalars['Date']['input']>;
  pregnantOrBreastfeeding?: InputMaybe<Scalars['Boolean']['input']>;
  retinoidDate?: InputMaybe<Scalars['Date']['input']>;
  sunburn?: InputMaybe<Scalars['Boolean']['input']>;
  toxinDate?: InputMaybe<Scalars['Date']['input']>;
};

/** A screening question the portal asks, in order; `key` is the ScreeningAnswersInput field. */
export type ScreeningQuestion = {
  help: Scalars['String']['output'];
  key: Scalars['String']['output'];
  kind: ScreeningQuestionKind;
  label: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
};

export type ScreeningQuestionKind =
  | 'BOOLEAN'
  | 'DATE';

/** A serum add-on in the clinic group's catalogue. */
export type SerumAddOn = Node & {
  allergens: Array<Scalars['String']['output']>;
  clearance: SerumClearance;
  id: Scalars['ID']['output'];
  ingredients: Array<Scalars['String']['output']>;
  lots: Array<SerumLot>;
  name: Scalars['String']['output'];
  sterile?: Maybe<Scalars['Boolean']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass this back on update; a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
};

export type SerumAddOnConnection = {
  edges: Array<SerumAddOnEdge>;
  pageInfo: PageInfo;
};

export type SerumAddOnEdge = {
  cursor: Scalars['String']['output'];
  node: SerumAddOn;
};

/** A serum applied during the session: the lot goes into the lot trace. */
export type SerumApplication = {
  /** The check when applied (e.g. a sensitivity stays visible even when it did not block). */
  findings: Array<ContraindicationFinding>;
  lotExpiresOn: Scalars['Date']['output'];
  lotNumber: Scalars['String']['output'];
  /** The reason given to apply it despite a BLOCK, with who and when. */
  override?: Maybe<SerumOverride>;
  serum: SerumAddOn;
  /** The serum's name when it was applied. */
  serumName: Scalars['String']['output'];
  zone: Zone;
};

export type SerumApplicationInput = {
  lotNumber: Scalars['String']['input'];
  /** Applies it despite an allergy, clearance or actives BLOCK (required then). Nothing overrides an unknown or expired lot. */
  overrideReason?: InputMaybe<Scalars['String']['input']>;
  serumId: Scalars['ID']['input'];
  zone: Zone;
};

/** What applying a serum to a patient would meet: the portal flags these before the session is saved. */
export type SerumCheck = {
  /** A BLOCK is among the findings: the session would answer CONTRAINDICATED. */
  blocked: Scalars['Boolean']['output'];
  duringNeedling: Scalars['Boolean']['output'];
  findings: Array<ContraindicationFinding>;
  lotNumber: Scalars['String']['output'];
  onDate: Scalars['Date']['output'];
  /** Every BLOCK can be overridden with a reason (allergies, clearance); false for an unknown or expired lot. */
  overridable: Scalars['Boolean']['output'];
  serum: SerumAddOn;
};

/** Whether a serum may touch needled skin (DOMAIN.md: most topicals are not approved for intradermal use). */
export type SerumClearance =
  /** Sterile, meant for intradermal contact: may be applied during needling. */
  | 'CLEARED_FOR_NEEDLING'
  /** For topical use on intact skin once it has healed; never during needling. */
  | 'TOPICAL_AFTER_HEALING';

export type SerumInput = {
  allergens?: InputMaybe<Array<Scalars['String']['input']>>;
  clearance: SerumClearance;
  ingredients: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  sterile?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One lot of a serum. Usable up to and including its expiry day. */
export type SerumLot = {
  /** Expired today (an expired lot stays in the catalogue for traceability but can never be applied). */
  expired: Scalars['Boolean']['output'];
  expiresOn: Scalars['Date']['output'];
  lotNumber: Scalars['String']['output'];
};

export type SerumLotInput = {
  expiresOn: Scalars['Date']['input'];
  lotNumber: Scalars['String']['input'];
};

export type SerumLotTraceConnection = {
  edges: Array<SerumLotTraceEdge>;
  /**
   * Applications of this lot to patients since erased (at the caller's sites for a practitioner): a
   * recall still counts them, without the patient (the day, site, zone and practitioner are kept).
   */
  erasedApplications: Scalars['Int']['output'];
  pageInfo: PageInfo;
};

/** One application of a lot: who received it, when, where. */
export type SerumLotTraceEdge = {
  cursor: Scalars['String']['output'];
  node: TreatmentSession;
  performedOn: Scalars['Date']['output'];
  zone: Zone;
};

export type SerumOverride = {
  at: Scalars['DateTime']['output'];
  by: StaffMember;
  reason: Scalars['String']['output'];
};

/** Lets a flagged serum into the plan; the reason is required and recorded with who and when. */
export type SerumOverrideInput = {
  reason: Scalars['String']['input'];
  serumId: Scalars['ID']['input'];
};

export type SerumPayload = {
  serum: SerumAddOn;
};

/** The device a session used, with its settings. */
export type SessionDevice = {
  kind: Device;
};

/** The screen re-run on the session day, against what the consultation found. */
export type SessionRescreen = {
  /** Codes found now but not at the consultation. */
  added: Array<Scalars['String']['output']>;
  answers: ScreeningAnswers;
  /** Consultation overrides still standing (their findings are unchanged). */
  carriedOverrides: Array<ContraindicationOverride>;
  /** Codes whose level, reason or source changed since the consultation. */
  changed: Array<Scalars['String']['output']>;
  findings: Array<ContraindicationFinding>;
  /** Overrides given at this session. */
  overrides: Array<ContraindicationOverride>;
  /** Codes found at the consultation and gone now. */
  resolved: Array<Scalars['String']['output']>;
};

export type SessionZone = {
  /** The analytics depth band the depth falls in (core's one definition). */
  depthBand: Scalars['String']['output'];
  /** Needle depth, 0.25–2.5 mm. */
  depthMm: Scalars['Float']['output'];
  passes: Scalars['Int']['output'];
  zone: Zone;
};

export type SessionZoneInput = {
  depthMm: Scalars['Float']['input'];
  passes: Scalars['Int']['input'];
  zone: Zone;
};

export type Site = Node & {
  /** Archived sites keep their records but take no new patients and no new staff. */
  archived: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Pass this back on update; a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
};

export type SiteConnection = {
  edges: Array<SiteEdge>;
  pageInfo: PageInfo;
};

export type SiteEdge = {
  cursor: Scalars['String']['output'];
  node: Site;
};

export type SiteInput = {
  name: Scalars['String']['input'];
};

export type SitePayload = {
  site: Site;
};

/** Only the fields given change. */
export type SiteUpdateInput = {
  /** true archives the site, false restores it. */
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Someone of the clinic group, as recorded on a clinical record. */
export type StaffMember = {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** A plan built from the group's protocol templates for the chosen concerns. */
export type SuggestedPlan = {
  /** Fitzpatrick IV–VI: lower end of each depth range. */
  conservative: Scalars['Boolean']['output'];
  device: Device;
  intervalWeeks: Scalars['Int']['output'];
  notes: Array<Scalars['String']['output']>;
  /** Catalogue serums matching them. */
  serumIds: Array<Scalars['ID']['output']>;
  /** Serum names / ingredients the templates suggest. */
  serums: Array<Scalars['String']['output']>;
  sessions: Scalars['Int']['output'];
  zones: Array<SuggestedZone>;
};

export type SuggestedZone = {
  depthMaxMm: Scalars['Float']['output'];
  depthMinMm: Scalars['Float']['output'];
  depthMm: Scalars['Float']['output'];
  indication: Indication;
  zone: Zone;
};

export type TimelineConnection = {
  edges: Array<TimelineEdge>;
  pageInfo: PageInfo;
};

export type TimelineEdge = {
  cursor: Scalars['String']['output'];
  /** The record's date (consultation day, plan start, session day, assessment day). */
  date: Scalars['Date']['output'];
  node: TimelineEntry;
};

/** A record on a patient's timeline. */
export type TimelineEntry = Assessment | Consultation | TreatmentPlan | TreatmentSession;

export type TreatmentPlan = Node & {
  cancelledReason?: Maybe<Scalars['String']['output']>;
  concerns: Array<Concern>;
  consultation: Consultation;
  createdAt: Scalars['DateTime']['output'];
  device?: Maybe<Device>;
  dueKind?: Maybe<DueKind>;
  /** Whichever of the two applies. */
  dueOn?: Maybe<Scalars['Date']['output']>;
  /** Against today, with the clinic's grace days. */
  dueState: DueState;
  /** When the course ends if every session runs on time. */
  expectedCompletionOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  intervalWeeks: Scalars['Int']['output'];
  lastSessionOn?: Maybe<Scalars['Date']['output']>;
  /** The next session of the course; null once completed or cancelled. */
  nextDueOn?: Maybe<Scalars['Date']['output']>;
  notes?: Maybe<Scalars['String']['output']>;
  patient: Patient;
  plannedSerums: Array<PlannedSerum>;
  progress: PlanProgress;
  /** Retreatment after a completed course. */
  retreatmentDueOn?: Maybe<Scalars['Date']['output']>;
  sessionsPlanned: Scalars['Int']['output'];
  site: Site;
  startDate: Scalars['Date']['output'];
  status: PlanStatus;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass this back on update; a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
  zones: Array<PlannedZone>;
};

export type TreatmentPlanConnection = {
  edges: Array<TreatmentPlanEdge>;
  pageInfo: PageInfo;
};

export type TreatmentPlanEdge = {
  cursor: Scalars['String']['output'];
  node: TreatmentPlan;
};

export type TreatmentPlanInput = {
  concernIds: Array<Scalars['ID']['input']>;
  consultationId: Scalars['ID']['input'];
  device?: InputMaybe<Device>;
  intervalWeeks: Scalars['Int']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  plannedSerums?: InputMaybe<Array<PlannedSerumInput>>;
  serumOverrides?: InputMaybe<Array<SerumOverrideInput>>;
  sessionsPlanned: Scalars['Int']['input'];
  siteId: Scalars['ID']['input'];
  startDate: Scalars['Date']['input'];
  zones: Array<PlannedZoneInput>;
};

export type TreatmentPlanPayload = {
  plan: TreatmentPlan;
};

/** Fields to change; anything left out stays. `cancelReason` cancels the plan for good. */
export type TreatmentPlanUpdateInput = {
  cancelReason?: InputMaybe<Scalars['String']['input']>;
  device?: InputMaybe<Device>;
  intervalWeeks?: InputMaybe<Scalars['Int']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The full new list (checked again); give it with serumOverrides. */
  plannedSerums?: InputMaybe<Array<PlannedSerumInput>>;
  serumOverrides?: InputMaybe<Array<SerumOverrideInput>>;
  sessionsPlanned?: InputMaybe<Scalars['Int']['input']>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
  startDate?: InputMaybe<Scalars['Date']['input']>;
  zones?: InputMaybe<Array<PlannedZoneInput>>;
};

export type TreatmentSession = Node & {
  adverseEvents: Array<AdverseEvent>;
  aftercare: Aftercare;
  createdAt: Scalars['DateTime']['output'];
  depthDeviationReason?: Maybe<Scalars['String']['output']>;
  deviations: Array<DepthDeviation>;
  device: SessionDevice;
  id: Scalars['ID']['output'];
  immediateReactions?: Maybe<Scalars['String']['output']>;
  notes?: Maybe<Scalars['String']['output']>;
  numbing?: Maybe<Numbing>;
  patient: Patient;
  performedOn: Scalars['Date']['output'];
  plan: TreatmentPlan;
  practitioner: StaffMember;
  rescreen: SessionRescreen;
  serumsApplied: Array<SerumApplication>;
  site: Site;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass this back when adding an adverse event; a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
  zones: Array<SessionZone>;
};

export type TreatmentSessionConnection = {
  edges: Array<TreatmentSessionEdge>;
  pageInfo: PageInfo;
};

export type TreatmentSessionEdge = {
  cursor: Scalars['String']['output'];
  node: TreatmentSession;
};

export type TreatmentSessionInput = {
  adverseEvents?: InputMaybe<Array<AdverseEventInput>>;
  aftercareGiven: Scalars['Boolean']['input'];
  /** Required for PEN. */
  cartridge?: InputMaybe<CartridgeInput>;
  /** Required when a zone's depth is outside the plan's range for it. */
  depthDeviationReason?: InputMaybe<Scalars['String']['input']>;
  device: Device;
  immediateReactions?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  numbing?: InputMaybe<NumbingInput>;
  overrides?: InputMaybe<Array<ContraindicationOverrideInput>>;
  performedOn: Scalars['Date']['input'];
  planId: Scalars['ID']['input'];
  /** The screening questions again, on the session day. */
  rescreen: ScreeningAnswersInput;
  /** Required for RF_MICRONEEDLING. */
  rf?: InputMaybe<RfSettingsInput>;
  serumsApplied?: InputMaybe<Array<SerumApplicationInput>>;
  /** Where it took place: a site the practitioner works at (otherwise FORBIDDEN). */
  siteId: Scalars['ID']['input'];
  zones: Array<SessionZoneInput>;
};

export type TreatmentSessionPayload = {
  /** The plan with this session counted: progress, status and next due date. */
  plan: TreatmentPlan;
  session: TreatmentSession;
};

export type TrendDirection =
  | 'IMPROVED'
  | 'NO_DATA'
  | 'UNCHANGED'
  | 'WORSE';

/** Someone who signs in: a practitioner, a clinic admin or an analyst of the group. */
export type User = Node & {
  /** A deactivated user's tokens stop working on their next request. */
  active: Scalars['Boolean']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The sign-in name; it cannot be changed (invite a new user instead). */
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  role: Role;
  /** Where a practitioner works. Empty for clinic admins (who see every site) and analysts (no patient data). */
  sites: Array<Site>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Pass this back on update; a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
};

export type UserConnection = {
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
};

export type UserEdge = {
  cursor: Scalars['String']['output'];
  node: User;
};

export type UserInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  role: Role;
  /** Practitioners: at least one site. Leave empty for clinic admins and analysts. */
  siteIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type UserPayload = {
  user: User;
};

/** Only the fields given change. Changing the role clears the sites unless siteIds is given. */
export type UserUpdateInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
  siteIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A treatment zone; a concern's body area is one of them. */
export type Zone =
  | 'ABDOMEN'
  | 'ARMS'
  | 'BACK'
  | 'BUTTOCKS'
  | 'CHEEKS'
  | 'CHIN'
  | 'DECOLLETAGE'
  | 'FOREHEAD'
  | 'HANDS'
  | 'JAWLINE'
  | 'NECK'
  | 'NOSE'
  | 'PERIORAL'
  | 'PERIORBITAL'
  | 'SCALP'
  | 'THIGHS';

/** A zone-specific depth range in a protocol template. */
export type ZoneDepthRange = {
  maxMm: Scalars['Float']['output'];
  minMm: Scalars['Float']['output'];
  zone: Zone;
};

export type ZoneDepthRangeInput = {
  maxMm: Scalars['Float']['input'];
  minMm: Scalars['Float']['input'];
  zone: Zone;
};

export type SerumQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SerumQuery = { node?:
    | { id: string, name: string, ingredients: Array<string>, allergens: Array<string>, clearance: SerumClearance, sterile?: boolean | null, version: number, updatedAt: string, lots: Array<{ lotNumber: string, expiresOn: string, expired: boolean }> }
    | Record<PropertyKey, never>
   | null };

export type CreateSerumMutationVariables = Exact<{
  input: SerumInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateSerumMutation = { createSerum: { serum: { id: string, name: string, ingredients: Array<string>, allergens: Array<string>, clearance: SerumClearance, sterile?: boolean | null, version: number, updatedAt: string, lots: Array<{ lotNumber: string, expiresOn: string, expired: boolean }> } } };

export type UpdateSerumMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  input: SerumInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateSerumMutation = { updateSerum: { serum: { id: string, name: string, ingredients: Array<string>, allergens: Array<string>, clearance: SerumClearance, sterile?: boolean | null, version: number, updatedAt: string, lots: Array<{ lotNumber: string, expiresOn: string, expired: boolean }> } } };

export type AddSerumLotMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  lot: SerumLotInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type AddSerumLotMutation = { addSerumLot: { serum: { id: string, name: string, ingredients: Array<string>, allergens: Array<string>, clearance: SerumClearance, sterile?: boolean | null, version: number, updatedAt: string, lots: Array<{ lotNumber: string, expiresOn: string, expired: boolean }> } } };

export type SessionsByLotQueryVariables = Exact<{
  serumId: Scalars['ID']['input'];
  lotNumber: Scalars['String']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SessionsByLotQuery = { sessionsByLot: { edges: Array<{ cursor: string, performedOn: string, zone: Zone, node: { id: string, patient: { id: string, givenName: string, familyName: string, dateOfBirth: string, phone?: string | null, email?: string | null }, site: { id: string, name: string }, practitioner: { id: string, name: string }, adverseEvents: Array<{ type: AdverseEventType, label: string, lotNumber?: string | null, serum?: { id: string } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type SiteFieldsFragment = { id: string, name: string, archived: boolean, version: number };

export type SitesQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SitesQuery = { sites: { edges: Array<{ node: { id: string, name: string, archived: boolean, version: number } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type CreateSiteMutationVariables = Exact<{
  input: SiteInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateSiteMutation = { createSite: { site: { id: string, name: string, archived: boolean, version: number } } };

export type UpdateSiteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  input: SiteUpdateInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateSiteMutation = { updateSite: { site: { id: string, name: string, archived: boolean, version: number } } };

export type UserFieldsFragment = { id: string, email: string, name: string, role: Role, active: boolean, version: number, updatedAt?: string | null, sites: Array<{ id: string, name: string }> };

export type UsersQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type UsersQuery = { users: { edges: Array<{ node: { id: string, email: string, name: string, role: Role, active: boolean, version: number, updatedAt?: string | null, sites: Array<{ id: string, name: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type InviteUserMutationVariables = Exact<{
  input: UserInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type InviteUserMutation = { inviteUser: { user: { id: string, email: string, name: string, role: Role, active: boolean, version: number, updatedAt?: string | null, sites: Array<{ id: string, name: string }> } } };

export type UpdateUserMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  input: UserUpdateInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateUserMutation = { updateUser: { user: { id: string, email: string, name: string, role: Role, active: boolean, version: number, updatedAt?: string | null, sites: Array<{ id: string, name: string }> } } };

export type DeactivateUserMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
}>;


export type DeactivateUserMutation = { deactivateUser: { user: { id: string, email: string, name: string, role: Role, active: boolean, version: number, updatedAt?: string | null, sites: Array<{ id: string, name: string }> } } };

export type ReactivateUserMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
}>;


export type ReactivateUserMutation = { reactivateUser: { user: { id: string, email: string, name: string, role: Role, active: boolean, version: number, updatedAt?: string | null, sites: Array<{ id: string, name: string }> } } };

export type ClinicSettingsFieldsFragment = { chemoRadiotherapyMonths: number, isotretinoinMonths: number, isotretinoinLevel: ContraindicationLevel, toxinDays: number, fillerDays: number, peelLaserRetinoidDays: number, retreatmentMonths: number, rebookingGraceDays: number, activesAfterNeedlingDays: number, aftercareText: string, idleLockMinutes: number, isDefault: boolean, version: number, updatedAt?: string | null };

export type ClinicSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClinicSettingsQuery = { clinicSettings: { chemoRadiotherapyMonths: number, isotretinoinMonths: number, isotretinoinLevel: ContraindicationLevel, toxinDays: number, fillerDays: number, peelLaserRetinoidDays: number, retreatmentMonths: number, rebookingGraceDays: number, activesAfterNeedlingDays: number, aftercareText: string, idleLockMinutes: number, isDefault: boolean, version: number, updatedAt?: string | null } };

export type UpdateClinicSettingsMutationVariables = Exact<{
  version: Scalars['Int']['input'];
  input: ClinicSettingsInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateClinicSettingsMutation = { updateClinicSettings: { settings: { chemoRadiotherapyMonths: number, isotretinoinMonths: number, isotretinoinLevel: ContraindicationLevel, toxinDays: number, fillerDays: number, peelLaserRetinoidDays: number, retreatmentMonths: number, rebookingGraceDays: number, activesAfterNeedlingDays: number, aftercareText: string, idleLockMinutes: number, isDefault: boolean, version: number, updatedAt?: string | null } } };

export type AuditEntryFieldsFragment = { id: string, at: string, userId: string, userEmail: string, role: Role, action: string, patientId?: string | null, siteId?: string | null, outcome: AuditOutcome, detail?: string | null, detailErased: boolean };

export type AuditTrailQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditTrailQuery = { auditTrail: { edges: Array<{ node: { id: string, at: string, userId: string, userEmail: string, role: Role, action: string, patientId?: string | null, siteId?: string | null, outcome: AuditOutcome, detail?: string | null, detailErased: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type AuditByUserQueryVariables = Exact<{
  userId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditByUserQuery = { auditByUser: { edges: Array<{ node: { id: string, at: string, userId: string, userEmail: string, role: Role, action: string, patientId?: string | null, siteId?: string | null, outcome: AuditOutcome, detail?: string | null, detailErased: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type AuditPatientSearchQueryVariables = Exact<{
  siteId: Scalars['ID']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditPatientSearchQuery = { patients: { edges: Array<{ node: { id: string, givenName: string, familyName: string, dateOfBirth: string } }> } };

export type AnalyticsSummaryRowFragment = { key: string, label: string, n: number, meanImprovement?: number | null, meanImprovementPercent?: number | null, nPercent: number, improvedShare?: number | null, sessions: number, adverseEvents: number, adverseEventsPer100Sessions?: number | null };

export type AnalyticsOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AnalyticsOptionsQuery = { sites: { rows: Array<{ key: string, label: string }> }, serums: { rows: Array<{ key: string, label: string }> } };

export type AnalyticsOverviewQueryVariables = Exact<{
  matrixFilter?: InputMaybe<OutcomeFilter>;
  serumFilter?: InputMaybe<OutcomeFilter>;
}>;


export type AnalyticsOverviewQuery = { serums: { rows: Array<{ key: string, label: string, n: number, meanImprovement?: number | null, meanImprovementPercent?: number | null, nPercent: number, improvedShare?: number | null, sessions: number, adverseEvents: number, adverseEventsPer100Sessions?: number | null }> }, concernDepthMatrix: Array<{ indication: Indication, depthBand: string, summary: { key: string, label: string, n: number, meanImprovement?: number | null, meanImprovementPercent?: number | null, nPercent: number, improvedShare?: number | null, sessions: number, adverseEvents: number, adverseEventsPer100Sessions?: number | null } }> };

export type AnalyticsKpisQueryVariables = Exact<{
  filter?: InputMaybe<OutcomeFilter>;
}>;


export type AnalyticsKpisQuery = { kpis: { asOf: string, graceDays: number, plansCounted: number, courseCompletion: { id: string, name: string, unit: string, definition: string, numerator: number, denominator: number, value?: number | null, source: KpiSource, filtersApplied: Array<string> }, rebooking: { id: string, name: string, unit: string, definition: string, numerator: number, denominator: number, value?: number | null, source: KpiSource, filtersApplied: Array<string> }, adverseEvents: { id: string, name: string, unit: string, definition: string, numerator: number, denominator: number, value?: number | null, source: KpiSource, filtersApplied: Array<string> }, timeBetweenSessions: { id: string, name: string, unit: string, definition: string, numerator: number, denominator: number, value?: number | null, source: KpiSource, filtersApplied: Array<string>, gaps: number, meanAbsDeviationDays?: number | null, withinGraceShare?: number | null } } };

export type OutcomeExportQueryVariables = Exact<{
  filter?: InputMaybe<OutcomeFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
  rows?: InputMaybe<Scalars['Int']['input']>;
}>;


export type OutcomeExportQuery = { outcomeExport: { csv: string, rows: number, endCursor?: string | null, hasNextPage: boolean, progress: { done: number, total?: number | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { userId: string, email: string, name: string, role: Role, groupId: string, groupName: string, sites: Array<{ id: string, name: string }> } };

export type IdleLockQueryVariables = Exact<{ [key: string]: never; }>;


export type IdleLockQuery = { clinicSettings: { idleLockMinutes: number } };

export type ScreenFindingFragment = { code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean };

export type ConsultationFieldsFragment = { id: string, date: string, cleared: boolean, version: number, createdAt: string, site: { id: string, name: string }, practitioner: { id: string, name: string }, patient: { id: string, givenName: string, familyName: string }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, zones: Array<Zone>, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null, baselineOn: string, status: ConcernStatus, notes?: string | null }>, answers: { activeSkinInfection: boolean, activeAcneInArea: boolean, activeHerpesOutbreak: boolean, openWounds: boolean, pregnantOrBreastfeeding: boolean, eczemaPsoriasisRosaceaFlareInArea: boolean, sunburn: boolean, chemoOrRadiotherapyCurrent: boolean, chemoOrRadiotherapyDate?: string | null, toxinDate?: string | null, fillerDate?: string | null, peelLaserDate?: string | null, retinoidDate?: string | null }, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, overrides: Array<{ code: string, reason: string, at: string, by: { id: string, name: string } }>, unresolvedBlocks: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }> };

export type NewConsultationQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
}>;


export type NewConsultationQuery = { patient?: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, activeFlags: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } | null, screeningQuestions: Array<{ key: string, kind: ScreeningQuestionKind, required: boolean, label: string, help: string }> };

export type ScreenPatientQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  answers: ScreeningAnswersInput;
  onDate: Scalars['Date']['input'];
  zones?: InputMaybe<Array<Zone> | Zone>;
}>;


export type ScreenPatientQuery = { screenPatient: { cleared: boolean, unanswered: Array<string>, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, unresolvedBlocks: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }> } };

export type RecordConsultationMutationVariables = Exact<{
  patientId: Scalars['ID']['input'];
  input: ConsultationInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type RecordConsultationMutation = { recordConsultation: { consultation: { id: string, date: string, cleared: boolean, version: number, createdAt: string, site: { id: string, name: string }, practitioner: { id: string, name: string }, patient: { id: string, givenName: string, familyName: string }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, zones: Array<Zone>, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null, baselineOn: string, status: ConcernStatus, notes?: string | null }>, answers: { activeSkinInfection: boolean, activeAcneInArea: boolean, activeHerpesOutbreak: boolean, openWounds: boolean, pregnantOrBreastfeeding: boolean, eczemaPsoriasisRosaceaFlareInArea: boolean, sunburn: boolean, chemoOrRadiotherapyCurrent: boolean, chemoOrRadiotherapyDate?: string | null, toxinDate?: string | null, fillerDate?: string | null, peelLaserDate?: string | null, retinoidDate?: string | null }, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, overrides: Array<{ code: string, reason: string, at: string, by: { id: string, name: string } }>, unresolvedBlocks: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }> } } };

export type ConsultationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsultationQuery = { node?:
    | { id: string, date: string, cleared: boolean, version: number, createdAt: string, site: { id: string, name: string }, practitioner: { id: string, name: string }, patient: { id: string, givenName: string, familyName: string }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, zones: Array<Zone>, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null, baselineOn: string, status: ConcernStatus, notes?: string | null }>, answers: { activeSkinInfection: boolean, activeAcneInArea: boolean, activeHerpesOutbreak: boolean, openWounds: boolean, pregnantOrBreastfeeding: boolean, eczemaPsoriasisRosaceaFlareInArea: boolean, sunburn: boolean, chemoOrRadiotherapyCurrent: boolean, chemoOrRadiotherapyDate?: string | null, toxinDate?: string | null, fillerDate?: string | null, peelLaserDate?: string | null, retinoidDate?: string | null }, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, overrides: Array<{ code: string, reason: string, at: string, by: { id: string, name: string } }>, unresolvedBlocks: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }> }
    | Record<PropertyKey, never>
   | null, screeningQuestions: Array<{ key: string, kind: ScreeningQuestionKind, required: boolean, label: string, help: string }> };

export type OverrideContraindicationMutationVariables = Exact<{
  consultationId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  code: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type OverrideContraindicationMutation = { overrideContraindication: { consultation: { id: string, date: string, cleared: boolean, version: number, createdAt: string, site: { id: string, name: string }, practitioner: { id: string, name: string }, patient: { id: string, givenName: string, familyName: string }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, zones: Array<Zone>, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null, baselineOn: string, status: ConcernStatus, notes?: string | null }>, answers: { activeSkinInfection: boolean, activeAcneInArea: boolean, activeHerpesOutbreak: boolean, openWounds: boolean, pregnantOrBreastfeeding: boolean, eczemaPsoriasisRosaceaFlareInArea: boolean, sunburn: boolean, chemoOrRadiotherapyCurrent: boolean, chemoOrRadiotherapyDate?: string | null, toxinDate?: string | null, fillerDate?: string | null, peelLaserDate?: string | null, retinoidDate?: string | null }, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, overrides: Array<{ code: string, reason: string, at: string, by: { id: string, name: string } }>, unresolvedBlocks: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }> } } };

export type OutcomesPageQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
}>;


export type OutcomesPageQuery = { patient?: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null, baselineOn: string, status: ConcernStatus }>, timeline: { edges: Array<{ node:
          | { id: string, performedOn: string, zones: Array<{ zone: Zone }>, plan: { concerns: Array<{ id: string }> } }
          | Record<PropertyKey, never>
         }> }, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } | null };

export type OutcomeTrendQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  concernId: Scalars['ID']['input'];
  scale?: InputMaybe<ScaleId>;
}>;


export type OutcomeTrendQuery = { outcomeTrend: { scale: ScaleId, baseline?: number | null, baselineOn?: string | null, direction: TrendDirection, points: Array<{ assessedOn: string, score: number, label?: string | null, rater?: Rater | null, improvement: { absolute: number, percent?: number | null, improved: boolean }, assessment: { id: string, session?: { id: string } | null } }>, latest?: { assessedOn: string, score: number, label?: string | null, improvement: { absolute: number, percent?: number | null, improved: boolean } } | null, best?: { assessedOn: string, score: number } | null } };

export type RecordAssessmentMutationVariables = Exact<{
  patientId: Scalars['ID']['input'];
  input: AssessmentInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type RecordAssessmentMutation = { recordAssessment: { assessment: { id: string, scale: ScaleId, score: number, label?: string | null, assessedOn: string, improvement?: { absolute: number, percent?: number | null, improved: boolean } | null } } };

export type PatientFieldsFragment = { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> };

export type PatientsQueryVariables = Exact<{
  siteId: Scalars['ID']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PatientsQuery = { patients: { edges: Array<{ cursor: string, node: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, allergies: Array<{ substance: string, kind: AllergyKind, severity: AllergySeverity }> } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type PatientQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PatientQuery = { patient?: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } | null };

export type CreatePatientMutationVariables = Exact<{
  input: PatientInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreatePatientMutation = { createPatient: { patient: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } } };

export type UpdatePatientMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  input: PatientInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdatePatientMutation = { updatePatient: { patient: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } } };

export type ErasePatientMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  confirmName: Scalars['String']['input'];
  reason: Scalars['String']['input'];
}>;


export type ErasePatientMutation = { erasePatient: { erasure: { patientId: string, status: PatientErasureStatus, startedAt: string, completedAt?: string | null, progress: { done: number, total: number }, erased: { consultations: number, concerns: number, plans: number, sessions: number, assessments: number, outcomeRecords: number, kpiPlans: number, lotTraces: number, idempotencyRecords: number, auditDetails: number } } } };

export type PlanFieldsFragment = { id: string, startDate: string, sessionsPlanned: number, intervalWeeks: number, device?: Device | null, notes?: string | null, status: PlanStatus, lastSessionOn?: string | null, nextDueOn?: string | null, retreatmentDueOn?: string | null, dueOn?: string | null, dueKind?: DueKind | null, dueState: DueState, expectedCompletionOn: string, cancelledReason?: string | null, version: number, createdAt: string, patient: { id: string, givenName: string, familyName: string }, site: { id: string, name: string }, consultation: { id: string, date: string, cleared: boolean }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null }>, zones: Array<{ zone: Zone, depthMm: number, depthMinMm: number, depthMaxMm: number, aboveZoneDefault: boolean }>, plannedSerums: Array<{ serumId: string, name: string, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, override?: { reason: string, at: string, by: { id: string, name: string } } | null }>, progress: { done: number, planned: number, remaining: number } };

export type PlanBuilderQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  consultationId: Scalars['ID']['input'];
}>;


export type PlanBuilderQuery = { patient?: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, activeFlags: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } | null, consultation?:
    | { id: string, date: string, cleared: boolean, version: number, unresolvedBlocks: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, zones: Array<Zone>, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null, status: ConcernStatus }> }
    | Record<PropertyKey, never>
   | null, serums: { edges: Array<{ node: { id: string, name: string, ingredients: Array<string>, allergens: Array<string>, clearance: SerumClearance, lots: Array<{ lotNumber: string, expiresOn: string, expired: boolean }> } }> } };

export type PatientConsultationsQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
}>;


export type PatientConsultationsQuery = { patient?: { id: string, givenName: string, familyName: string, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, consultation: { id: string, date: string, cleared: boolean } }> } | null };

export type SuggestPlanQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  concernIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type SuggestPlanQuery = { suggestPlan: { sessions: number, intervalWeeks: number, device: Device, serums: Array<string>, serumIds: Array<string>, conservative: boolean, notes: Array<string>, zones: Array<{ zone: Zone, depthMm: number, depthMinMm: number, depthMaxMm: number, indication: Indication }> } };

export type CheckPlannedSerumQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  serumId: Scalars['ID']['input'];
  lotNumber: Scalars['String']['input'];
  onDate: Scalars['Date']['input'];
  duringNeedling: Scalars['Boolean']['input'];
}>;


export type CheckPlannedSerumQuery = { checkSerum: { blocked: boolean, overridable: boolean, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }> } };

export type CreateTreatmentPlanMutationVariables = Exact<{
  input: TreatmentPlanInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateTreatmentPlanMutation = { createTreatmentPlan: { plan: { id: string, startDate: string, sessionsPlanned: number, intervalWeeks: number, device?: Device | null, notes?: string | null, status: PlanStatus, lastSessionOn?: string | null, nextDueOn?: string | null, retreatmentDueOn?: string | null, dueOn?: string | null, dueKind?: DueKind | null, dueState: DueState, expectedCompletionOn: string, cancelledReason?: string | null, version: number, createdAt: string, patient: { id: string, givenName: string, familyName: string }, site: { id: string, name: string }, consultation: { id: string, date: string, cleared: boolean }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null }>, zones: Array<{ zone: Zone, depthMm: number, depthMinMm: number, depthMaxMm: number, aboveZoneDefault: boolean }>, plannedSerums: Array<{ serumId: string, name: string, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, override?: { reason: string, at: string, by: { id: string, name: string } } | null }>, progress: { done: number, planned: number, remaining: number } } } };

export type TreatmentPlanQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TreatmentPlanQuery = { node?:
    | { id: string, startDate: string, sessionsPlanned: number, intervalWeeks: number, device?: Device | null, notes?: string | null, status: PlanStatus, lastSessionOn?: string | null, nextDueOn?: string | null, retreatmentDueOn?: string | null, dueOn?: string | null, dueKind?: DueKind | null, dueState: DueState, expectedCompletionOn: string, cancelledReason?: string | null, version: number, createdAt: string, patient: { id: string, givenName: string, familyName: string }, site: { id: string, name: string }, consultation: { id: string, date: string, cleared: boolean }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone, baselineScale: ScaleId, baselineScore: number, baselineLabel?: string | null }>, zones: Array<{ zone: Zone, depthMm: number, depthMinMm: number, depthMaxMm: number, aboveZoneDefault: boolean }>, plannedSerums: Array<{ serumId: string, name: string, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, override?: { reason: string, at: string, by: { id: string, name: string } } | null }>, progress: { done: number, planned: number, remaining: number } }
    | Record<PropertyKey, never>
   | null };

export type FindingFieldsFragment = { code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean };

export type SerumCatalogueFieldsFragment = { id: string, name: string, ingredients: Array<string>, allergens: Array<string>, clearance: SerumClearance, sterile?: boolean | null, version: number, updatedAt: string, lots: Array<{ lotNumber: string, expiresOn: string, expired: boolean }> };

export type SessionRecorderQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  planId: Scalars['ID']['input'];
}>;


export type SessionRecorderQuery = { patient?: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } | null, plan?:
    | { id: string, status: PlanStatus, startDate: string, device?: Device | null, sessionsPlanned: number, intervalWeeks: number, nextDueOn?: string | null, progress: { done: number, planned: number, remaining: number }, site: { id: string, name: string }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }>, zones: Array<{ zone: Zone, depthMm: number, depthMinMm: number, depthMaxMm: number }>, plannedSerums: Array<{ serumId: string, name: string }>, consultation: { id: string, date: string, answers: { activeSkinInfection: boolean, activeAcneInArea: boolean, activeHerpesOutbreak: boolean, openWounds: boolean, pregnantOrBreastfeeding: boolean, eczemaPsoriasisRosaceaFlareInArea: boolean, sunburn: boolean, chemoOrRadiotherapyCurrent: boolean, chemoOrRadiotherapyDate?: string | null, toxinDate?: string | null, fillerDate?: string | null, peelLaserDate?: string | null, retinoidDate?: string | null }, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, overrides: Array<{ code: string, reason: string, at: string, by: { name: string } }> } }
    | Record<PropertyKey, never>
   | null, screeningQuestions: Array<{ key: string, kind: ScreeningQuestionKind, required: boolean, label: string, help: string }> };

export type PatientPlansQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PatientPlansQuery = { patient?: { id: string, givenName: string, familyName: string, timeline: { edges: Array<{ node:
          | { id: string, status: PlanStatus, startDate: string, sessionsPlanned: number, progress: { done: number }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }> }
          | Record<PropertyKey, never>
         }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } } | null };

export type SerumCatalogueQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SerumCatalogueQuery = { serums: { edges: Array<{ node: { id: string, name: string, ingredients: Array<string>, allergens: Array<string>, clearance: SerumClearance, sterile?: boolean | null, version: number, updatedAt: string, lots: Array<{ lotNumber: string, expiresOn: string, expired: boolean }> } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type RescreenQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  answers: ScreeningAnswersInput;
  onDate: Scalars['Date']['input'];
  zones?: InputMaybe<Array<Zone> | Zone>;
}>;


export type RescreenQuery = { screenPatient: { unanswered: Array<string>, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }> } };

export type CheckSerumQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  serumId: Scalars['ID']['input'];
  lotNumber: Scalars['String']['input'];
  onDate: Scalars['Date']['input'];
}>;


export type CheckSerumQuery = { checkSerum: { blocked: boolean, overridable: boolean, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }> } };

export type SessionFieldsFragment = { id: string, performedOn: string, depthDeviationReason?: string | null, immediateReactions?: string | null, notes?: string | null, version: number, createdAt: string, site: { id: string, name: string }, practitioner: { id: string, name: string }, plan: { id: string, sessionsPlanned: number, intervalWeeks: number, nextDueOn?: string | null, progress: { done: number, planned: number }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }> }, device:
    | { cartridgeNeedleCount: number, cartridgeLot: string, kind: Device }
    | { kind: Device }
    | { energyLevel: number, pulseDurationMs: number, kind: Device, rfNeedleCount?: number | null, rfLot?: string | null }
  , zones: Array<{ zone: Zone, depthMm: number, passes: number }>, deviations: Array<{ zone: Zone, depthMm: number, plannedMinMm?: number | null, plannedMaxMm?: number | null, reason: string }>, serumsApplied: Array<{ serumName: string, lotNumber: string, lotExpiresOn: string, zone: Zone, serum: { id: string }, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, override?: { reason: string, at: string, by: { name: string } } | null }>, numbing?: { agent: string, minutes: number } | null, aftercare: { given: boolean, lines: Array<string> }, adverseEvents: Array<{ type: AdverseEventType, label: string, onsetOn: string, durationDays?: number | null, severity: AdverseEventSeverity, lotNumber?: string | null, notes?: string | null, classification: AdverseEventClass, flag?: string | null, serum?: { id: string, name: string } | null }>, rescreen: { added: Array<string>, changed: Array<string>, resolved: Array<string>, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, carriedOverrides: Array<{ code: string, reason: string, at: string, by: { name: string } }>, overrides: Array<{ code: string, reason: string, at: string, by: { name: string } }> } };

export type RecordTreatmentSessionMutationVariables = Exact<{
  patientId: Scalars['ID']['input'];
  input: TreatmentSessionInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type RecordTreatmentSessionMutation = { recordTreatmentSession: { session: { id: string }, plan: { id: string, nextDueOn?: string | null, progress: { done: number, planned: number } } } };

export type TreatmentSessionQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
}>;


export type TreatmentSessionQuery = { patient?: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } | null, session?:
    | { id: string, performedOn: string, depthDeviationReason?: string | null, immediateReactions?: string | null, notes?: string | null, version: number, createdAt: string, site: { id: string, name: string }, practitioner: { id: string, name: string }, plan: { id: string, sessionsPlanned: number, intervalWeeks: number, nextDueOn?: string | null, progress: { done: number, planned: number }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }> }, device:
        | { cartridgeNeedleCount: number, cartridgeLot: string, kind: Device }
        | { kind: Device }
        | { energyLevel: number, pulseDurationMs: number, kind: Device, rfNeedleCount?: number | null, rfLot?: string | null }
      , zones: Array<{ zone: Zone, depthMm: number, passes: number }>, deviations: Array<{ zone: Zone, depthMm: number, plannedMinMm?: number | null, plannedMaxMm?: number | null, reason: string }>, serumsApplied: Array<{ serumName: string, lotNumber: string, lotExpiresOn: string, zone: Zone, serum: { id: string }, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, override?: { reason: string, at: string, by: { name: string } } | null }>, numbing?: { agent: string, minutes: number } | null, aftercare: { given: boolean, lines: Array<string> }, adverseEvents: Array<{ type: AdverseEventType, label: string, onsetOn: string, durationDays?: number | null, severity: AdverseEventSeverity, lotNumber?: string | null, notes?: string | null, classification: AdverseEventClass, flag?: string | null, serum?: { id: string, name: string } | null }>, rescreen: { added: Array<string>, changed: Array<string>, resolved: Array<string>, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, carriedOverrides: Array<{ code: string, reason: string, at: string, by: { name: string } }>, overrides: Array<{ code: string, reason: string, at: string, by: { name: string } }> } }
    | Record<PropertyKey, never>
   | null, clinicSettings: { aftercareText: string } };

export type RecordAdverseEventMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  event: AdverseEventInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type RecordAdverseEventMutation = { recordAdverseEvent: { session: { id: string, performedOn: string, depthDeviationReason?: string | null, immediateReactions?: string | null, notes?: string | null, version: number, createdAt: string, site: { id: string, name: string }, practitioner: { id: string, name: string }, plan: { id: string, sessionsPlanned: number, intervalWeeks: number, nextDueOn?: string | null, progress: { done: number, planned: number }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }> }, device:
        | { cartridgeNeedleCount: number, cartridgeLot: string, kind: Device }
        | { kind: Device }
        | { energyLevel: number, pulseDurationMs: number, kind: Device, rfNeedleCount?: number | null, rfLot?: string | null }
      , zones: Array<{ zone: Zone, depthMm: number, passes: number }>, deviations: Array<{ zone: Zone, depthMm: number, plannedMinMm?: number | null, plannedMaxMm?: number | null, reason: string }>, serumsApplied: Array<{ serumName: string, lotNumber: string, lotExpiresOn: string, zone: Zone, serum: { id: string }, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, override?: { reason: string, at: string, by: { name: string } } | null }>, numbing?: { agent: string, minutes: number } | null, aftercare: { given: boolean, lines: Array<string> }, adverseEvents: Array<{ type: AdverseEventType, label: string, onsetOn: string, durationDays?: number | null, severity: AdverseEventSeverity, lotNumber?: string | null, notes?: string | null, classification: AdverseEventClass, flag?: string | null, serum?: { id: string, name: string } | null }>, rescreen: { added: Array<string>, changed: Array<string>, resolved: Array<string>, findings: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, carriedOverrides: Array<{ code: string, reason: string, at: string, by: { name: string } }>, overrides: Array<{ code: string, reason: string, at: string, by: { name: string } }> } } } };

export type TimelineEntryFieldsFragment = { cursor: string, date: string, node:
    | { __typename: 'Assessment', id: string, assessedOn: string, scale: ScaleId, score: number, label?: string | null, rater: Rater, concern: { id: string, indication: Indication, bodyArea: Zone }, improvement?: { absolute: number, percent?: number | null, improved: boolean } | null }
    | { __typename: 'Consultation', id: string, date: string, cleared: boolean, practitioner: { id: string, name: string }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }>, findings: Array<{ code: string, level: ContraindicationLevel }>, overrides: Array<{ code: string }> }
    | { __typename: 'TreatmentPlan', id: string, startDate: string, status: PlanStatus, sessionsPlanned: number, intervalWeeks: number, dueOn?: string | null, dueKind?: DueKind | null, dueState: DueState, concerns: Array<{ id: string, indication: Indication }>, zones: Array<{ zone: Zone, depthMm: number }>, progress: { done: number, planned: number } }
    | { __typename: 'TreatmentSession', id: string, performedOn: string, practitioner: { id: string, name: string }, device:
        | { kind: Device }
        | { kind: Device }
        | { kind: Device }
      , zones: Array<{ zone: Zone, depthMm: number }>, serumsApplied: Array<{ serumName: string }>, adverseEvents: Array<{ classification: AdverseEventClass }>, plan: { id: string, progress: { done: number, planned: number } } }
   };

export type PatientRecordQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type PatientRecordQuery = { patient?: { id: string, givenName: string, familyName: string, dateOfBirth: string, email?: string | null, phone?: string | null, fitzpatrick?: FitzpatrickType | null, historyFlags: Array<HistoryFlag>, archived: boolean, version: number, updatedAt: string, activeFlags: Array<{ code: string, level: ContraindicationLevel, reason: string, source: string, overridable: boolean }>, timeline: { edges: Array<{ cursor: string, date: string, node:
          | { __typename: 'Assessment', id: string, assessedOn: string, scale: ScaleId, score: number, label?: string | null, rater: Rater, concern: { id: string, indication: Indication, bodyArea: Zone }, improvement?: { absolute: number, percent?: number | null, improved: boolean } | null }
          | { __typename: 'Consultation', id: string, date: string, cleared: boolean, practitioner: { id: string, name: string }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }>, findings: Array<{ code: string, level: ContraindicationLevel }>, overrides: Array<{ code: string }> }
          | { __typename: 'TreatmentPlan', id: string, startDate: string, status: PlanStatus, sessionsPlanned: number, intervalWeeks: number, dueOn?: string | null, dueKind?: DueKind | null, dueState: DueState, concerns: Array<{ id: string, indication: Indication }>, zones: Array<{ zone: Zone, depthMm: number }>, progress: { done: number, planned: number } }
          | { __typename: 'TreatmentSession', id: string, performedOn: string, practitioner: { id: string, name: string }, device:
              | { kind: Device }
              | { kind: Device }
              | { kind: Device }
            , zones: Array<{ zone: Zone, depthMm: number }>, serumsApplied: Array<{ serumName: string }>, adverseEvents: Array<{ classification: AdverseEventClass }>, plan: { id: string, progress: { done: number, planned: number } } }
         }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } }, site: { id: string, name: string }, allergies: Array<{ substance: string, kind: AllergyKind, reaction?: string | null, severity: AllergySeverity }>, medications: Array<{ name: string, class: MedicationClass, startedOn?: string | null, stoppedOn?: string | null }> } | null };

export type PatientTimelineQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PatientTimelineQuery = { patient?: { id: string, timeline: { edges: Array<{ cursor: string, date: string, node:
          | { __typename: 'Assessment', id: string, assessedOn: string, scale: ScaleId, score: number, label?: string | null, rater: Rater, concern: { id: string, indication: Indication, bodyArea: Zone }, improvement?: { absolute: number, percent?: number | null, improved: boolean } | null }
          | { __typename: 'Consultation', id: string, date: string, cleared: boolean, practitioner: { id: string, name: string }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }>, findings: Array<{ code: string, level: ContraindicationLevel }>, overrides: Array<{ code: string }> }
          | { __typename: 'TreatmentPlan', id: string, startDate: string, status: PlanStatus, sessionsPlanned: number, intervalWeeks: number, dueOn?: string | null, dueKind?: DueKind | null, dueState: DueState, concerns: Array<{ id: string, indication: Indication }>, zones: Array<{ zone: Zone, depthMm: number }>, progress: { done: number, planned: number } }
          | { __typename: 'TreatmentSession', id: string, performedOn: string, practitioner: { id: string, name: string }, device:
              | { kind: Device }
              | { kind: Device }
              | { kind: Device }
            , zones: Array<{ zone: Zone, depthMm: number }>, serumsApplied: Array<{ serumName: string }>, adverseEvents: Array<{ classification: AdverseEventClass }>, plan: { id: string, progress: { done: number, planned: number } } }
         }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } } | null };

export type PlansDueQueryVariables = Exact<{
  siteId: Scalars['ID']['input'];
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PlansDueQuery = { plansDue: { edges: Array<{ cursor: string, node: { id: string, status: PlanStatus, dueOn?: string | null, dueKind?: DueKind | null, dueState: DueState, lastSessionOn?: string | null, intervalWeeks: number, patient: { id: string, givenName: string, familyName: string, fitzpatrick?: FitzpatrickType | null, allergies: Array<{ substance: string, kind: AllergyKind, severity: AllergySeverity }> }, concerns: Array<{ id: string, indication: Indication, bodyArea: Zone }>, progress: { done: number, planned: number } } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type RecentSessionsQueryVariables = Exact<{
  siteId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RecentSessionsQuery = { recentSessions: { edges: Array<{ cursor: string, node: { id: string, performedOn: string, patient: { id: string, givenName: string, familyName: string }, practitioner: { id: string, name: string }, device:
          | { kind: Device }
          | { kind: Device }
          | { kind: Device }
        , zones: Array<{ zone: Zone, depthMm: number }>, adverseEvents: Array<{ classification: AdverseEventClass }>, plan: { id: string, progress: { done: number, planned: number } } } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SiteFieldsFragmentDoc = new TypedDocumentString(`
    fragment SiteFields on Site {
  id
  name
  archived
  version
}
    `, {"fragmentName":"SiteFields"}) as unknown as TypedDocumentString<SiteFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  email
  name
  role
  sites {
    id
    name
  }
  active
  version
  updatedAt
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const ClinicSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment ClinicSettingsFields on ClinicSettings {
  chemoRadiotherapyMonths
  isotretinoinMonths
  isotretinoinLevel
  toxinDays
  fillerDays
  peelLaserRetinoidDays
  retreatmentMonths
  rebookingGraceDays
  activesAfterNeedlingDays
  aftercareText
  idleLockMinutes
  isDefault
  version
  updatedAt
}
    `, {"fragmentName":"ClinicSettingsFields"}) as unknown as TypedDocumentString<ClinicSettingsFieldsFragment, unknown>;
export const AuditEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditEntryFields on AuditEntry {
  id
  at
  userId
  userEmail
  role
  action
  patientId
  siteId
  outcome
  detail
  detailErased
}
    `, {"fragmentName":"AuditEntryFields"}) as unknown as TypedDocumentString<AuditEntryFieldsFragment, unknown>;
export const AnalyticsSummaryRowFragmentDoc = new TypedDocumentString(`
    fragment AnalyticsSummaryRow on OutcomeSummaryRow {
  key
  label
  n
  meanImprovement
  meanImprovementPercent
  nPercent
  improvedShare
  sessions
  adverseEvents
  adverseEventsPer100Sessions
}
    `, {"fragmentName":"AnalyticsSummaryRow"}) as unknown as TypedDocumentString<AnalyticsSummaryRowFragment, unknown>;
export const ScreenFindingFragmentDoc = new TypedDocumentString(`
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
    `, {"fragmentName":"ScreenFinding"}) as unknown as TypedDocumentString<ScreenFindingFragment, unknown>;
export const ConsultationFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsultationFields on Consultation {
  id
  date
  site {
    id
    name
  }
  practitioner {
    id
    name
  }
  patient {
    id
    givenName
    familyName
  }
  concerns {
    id
    indication
    bodyArea
    zones
    baselineScale
    baselineScore
    baselineLabel
    baselineOn
    status
    notes
  }
  answers {
    activeSkinInfection
    activeAcneInArea
    activeHerpesOutbreak
    openWounds
    pregnantOrBreastfeeding
    eczemaPsoriasisRosaceaFlareInArea
    sunburn
    chemoOrRadiotherapyCurrent
    chemoOrRadiotherapyDate
    toxinDate
    fillerDate
    peelLaserDate
    retinoidDate
  }
  findings {
    ...ScreenFinding
  }
  overrides {
    code
    reason
    by {
      id
      name
    }
    at
  }
  unresolvedBlocks {
    ...ScreenFinding
  }
  cleared
  version
  createdAt
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}`, {"fragmentName":"ConsultationFields"}) as unknown as TypedDocumentString<ConsultationFieldsFragment, unknown>;
export const PatientFieldsFragmentDoc = new TypedDocumentString(`
    fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}
    `, {"fragmentName":"PatientFields"}) as unknown as TypedDocumentString<PatientFieldsFragment, unknown>;
export const PlanFieldsFragmentDoc = new TypedDocumentString(`
    fragment PlanFields on TreatmentPlan {
  id
  patient {
    id
    givenName
    familyName
  }
  site {
    id
    name
  }
  consultation {
    id
    date
    cleared
  }
  concerns {
    id
    indication
    bodyArea
    baselineScale
    baselineScore
    baselineLabel
  }
  startDate
  zones {
    zone
    depthMm
    depthMinMm
    depthMaxMm
    aboveZoneDefault
  }
  sessionsPlanned
  intervalWeeks
  device
  plannedSerums {
    serumId
    name
    findings {
      ...ScreenFinding
    }
    override {
      reason
      by {
        id
        name
      }
      at
    }
  }
  notes
  status
  progress {
    done
    planned
    remaining
  }
  lastSessionOn
  nextDueOn
  retreatmentDueOn
  dueOn
  dueKind
  dueState
  expectedCompletionOn
  cancelledReason
  version
  createdAt
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}`, {"fragmentName":"PlanFields"}) as unknown as TypedDocumentString<PlanFieldsFragment, unknown>;
export const SerumCatalogueFieldsFragmentDoc = new TypedDocumentString(`
    fragment SerumCatalogueFields on SerumAddOn {
  id
  name
  ingredients
  allergens
  clearance
  sterile
  lots {
    lotNumber
    expiresOn
    expired
  }
  version
  updatedAt
}
    `, {"fragmentName":"SerumCatalogueFields"}) as unknown as TypedDocumentString<SerumCatalogueFieldsFragment, unknown>;
export const FindingFieldsFragmentDoc = new TypedDocumentString(`
    fragment FindingFields on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
    `, {"fragmentName":"FindingFields"}) as unknown as TypedDocumentString<FindingFieldsFragment, unknown>;
export const SessionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionFields on TreatmentSession {
  id
  performedOn
  site {
    id
    name
  }
  practitioner {
    id
    name
  }
  plan {
    id
    sessionsPlanned
    intervalWeeks
    nextDueOn
    progress {
      done
      planned
    }
    concerns {
      id
      indication
      bodyArea
    }
  }
  device {
    kind
    ... on Dermapen {
      cartridgeNeedleCount
      cartridgeLot
    }
    ... on RfMicroneedling {
      energyLevel
      pulseDurationMs
      rfNeedleCount: cartridgeNeedleCount
      rfLot: cartridgeLot
    }
  }
  zones {
    zone
    depthMm
    passes
  }
  depthDeviationReason
  deviations {
    zone
    depthMm
    plannedMinMm
    plannedMaxMm
    reason
  }
  serumsApplied {
    serum {
      id
    }
    serumName
    lotNumber
    lotExpiresOn
    zone
    findings {
      ...FindingFields
    }
    override {
      reason
      by {
        name
      }
      at
    }
  }
  numbing {
    agent
    minutes
  }
  immediateReactions
  aftercare {
    given
    lines
  }
  adverseEvents {
    type
    label
    onsetOn
    durationDays
    severity
    serum {
      id
      name
    }
    lotNumber
    notes
    classification
    flag
  }
  rescreen {
    findings {
      ...FindingFields
    }
    added
    changed
    resolved
    carriedOverrides {
      code
      reason
      by {
        name
      }
      at
    }
    overrides {
      code
      reason
      by {
        name
      }
      at
    }
  }
  notes
  version
  createdAt
}
    fragment FindingFields on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}`, {"fragmentName":"SessionFields"}) as unknown as TypedDocumentString<SessionFieldsFragment, unknown>;
export const TimelineEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment TimelineEntryFields on TimelineEdge {
  cursor
  date
  node {
    __typename
    ... on Consultation {
      id
      date
      practitioner {
        id
        name
      }
      concerns {
        id
        indication
        bodyArea
      }
      findings {
        code
        level
      }
      overrides {
        code
      }
      cleared
    }
    ... on TreatmentPlan {
      id
      startDate
      status
      sessionsPlanned
      intervalWeeks
      concerns {
        id
        indication
      }
      zones {
        zone
        depthMm
      }
      progress {
        done
        planned
      }
      dueOn
      dueKind
      dueState
    }
    ... on TreatmentSession {
      id
      performedOn
      practitioner {
        id
        name
      }
      device {
        kind
      }
      zones {
        zone
        depthMm
      }
      serumsApplied {
        serumName
      }
      adverseEvents {
        classification
      }
      plan {
        id
        progress {
          done
          planned
        }
      }
    }
    ... on Assessment {
      id
      assessedOn
      scale
      score
      label
      rater
      concern {
        id
        indication
        bodyArea
      }
      improvement {
        absolute
        percent
        improved
      }
    }
  }
}
    `, {"fragmentName":"TimelineEntryFields"}) as unknown as TypedDocumentString<TimelineEntryFieldsFragment, unknown>;
export const SerumDocument = new TypedDocumentString(`
    query Serum($id: ID!) {
  node(id: $id) {
    ... on SerumAddOn {
      ...SerumCatalogueFields
    }
  }
}
    fragment SerumCatalogueFields on SerumAddOn {
  id
  name
  ingredients
  allergens
  clearance
  sterile
  lots {
    lotNumber
    expiresOn
    expired
  }
  version
  updatedAt
}`) as unknown as TypedDocumentString<SerumQuery, SerumQueryVariables>;
export const CreateSerumDocument = new TypedDocumentString(`
    mutation CreateSerum($input: SerumInput!, $idempotencyKey: String) {
  createSerum(input: $input, idempotencyKey: $idempotencyKey) {
    serum {
      ...SerumCatalogueFields
    }
  }
}
    fragment SerumCatalogueFields on SerumAddOn {
  id
  name
  ingredients
  allergens
  clearance
  sterile
  lots {
    lotNumber
    expiresOn
    expired
  }
  version
  updatedAt
}`) as unknown as TypedDocumentString<CreateSerumMutation, CreateSerumMutationVariables>;
export const UpdateSerumDocument = new TypedDocumentString(`
    mutation UpdateSerum($id: ID!, $version: Int!, $input: SerumInput!, $idempotencyKey: String) {
  updateSerum(
    id: $id
    version: $version
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    serum {
      ...SerumCatalogueFields
    }
  }
}
    fragment SerumCatalogueFields on SerumAddOn {
  id
  name
  ingredients
  allergens
  clearance
  sterile
  lots {
    lotNumber
    expiresOn
    expired
  }
  version
  updatedAt
}`) as unknown as TypedDocumentString<UpdateSerumMutation, UpdateSerumMutationVariables>;
export const AddSerumLotDocument = new TypedDocumentString(`
    mutation AddSerumLot($id: ID!, $version: Int!, $lot: SerumLotInput!, $idempotencyKey: String) {
  addSerumLot(
    id: $id
    version: $version
    lot: $lot
    idempotencyKey: $idempotencyKey
  ) {
    serum {
      ...SerumCatalogueFields
    }
  }
}
    fragment SerumCatalogueFields on SerumAddOn {
  id
  name
  ingredients
  allergens
  clearance
  sterile
  lots {
    lotNumber
    expiresOn
    expired
  }
  version
  updatedAt
}`) as unknown as TypedDocumentString<AddSerumLotMutation, AddSerumLotMutationVariables>;
export const SessionsByLotDocument = new TypedDocumentString(`
    query SessionsByLot($serumId: ID!, $lotNumber: String!, $after: String) {
  sessionsByLot(
    serumId: $serumId
    lotNumber: $lotNumber
    first: 25
    after: $after
  ) {
    edges {
      cursor
      performedOn
      zone
      node {
        id
        patient {
          id
          givenName
          familyName
          dateOfBirth
          phone
          email
        }
        site {
          id
          name
        }
        practitioner {
          id
          name
        }
        adverseEvents {
          type
          label
          lotNumber
          serum {
            id
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SessionsByLotQuery, SessionsByLotQueryVariables>;
export const SitesDocument = new TypedDocumentString(`
    query Sites($after: String) {
  sites(first: 50, after: $after) {
    edges {
      node {
        ...SiteFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment SiteFields on Site {
  id
  name
  archived
  version
}`) as unknown as TypedDocumentString<SitesQuery, SitesQueryVariables>;
export const CreateSiteDocument = new TypedDocumentString(`
    mutation CreateSite($input: SiteInput!, $idempotencyKey: String) {
  createSite(input: $input, idempotencyKey: $idempotencyKey) {
    site {
      ...SiteFields
    }
  }
}
    fragment SiteFields on Site {
  id
  name
  archived
  version
}`) as unknown as TypedDocumentString<CreateSiteMutation, CreateSiteMutationVariables>;
export const UpdateSiteDocument = new TypedDocumentString(`
    mutation UpdateSite($id: ID!, $version: Int!, $input: SiteUpdateInput!, $idempotencyKey: String) {
  updateSite(
    id: $id
    version: $version
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    site {
      ...SiteFields
    }
  }
}
    fragment SiteFields on Site {
  id
  name
  archived
  version
}`) as unknown as TypedDocumentString<UpdateSiteMutation, UpdateSiteMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($after: String) {
  users(first: 50, after: $after) {
    edges {
      node {
        ...UserFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  sites {
    id
    name
  }
  active
  version
  updatedAt
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const InviteUserDocument = new TypedDocumentString(`
    mutation InviteUser($input: UserInput!, $idempotencyKey: String) {
  inviteUser(input: $input, idempotencyKey: $idempotencyKey) {
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  sites {
    id
    name
  }
  active
  version
  updatedAt
}`) as unknown as TypedDocumentString<InviteUserMutation, InviteUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($id: ID!, $version: Int!, $input: UserUpdateInput!, $idempotencyKey: String) {
  updateUser(
    id: $id
    version: $version
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  sites {
    id
    name
  }
  active
  version
  updatedAt
}`) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const DeactivateUserDocument = new TypedDocumentString(`
    mutation DeactivateUser($id: ID!, $version: Int!) {
  deactivateUser(id: $id, version: $version) {
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  sites {
    id
    name
  }
  active
  version
  updatedAt
}`) as unknown as TypedDocumentString<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const ReactivateUserDocument = new TypedDocumentString(`
    mutation ReactivateUser($id: ID!, $version: Int!) {
  reactivateUser(id: $id, version: $version) {
    user {
      ...UserFields
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  sites {
    id
    name
  }
  active
  version
  updatedAt
}`) as unknown as TypedDocumentString<ReactivateUserMutation, ReactivateUserMutationVariables>;
export const ClinicSettingsDocument = new TypedDocumentString(`
    query ClinicSettings {
  clinicSettings {
    ...ClinicSettingsFields
  }
}
    fragment ClinicSettingsFields on ClinicSettings {
  chemoRadiotherapyMonths
  isotretinoinMonths
  isotretinoinLevel
  toxinDays
  fillerDays
  peelLaserRetinoidDays
  retreatmentMonths
  rebookingGraceDays
  activesAfterNeedlingDays
  aftercareText
  idleLockMinutes
  isDefault
  version
  updatedAt
}`) as unknown as TypedDocumentString<ClinicSettingsQuery, ClinicSettingsQueryVariables>;
export const UpdateClinicSettingsDocument = new TypedDocumentString(`
    mutation UpdateClinicSettings($version: Int!, $input: ClinicSettingsInput!, $idempotencyKey: String) {
  updateClinicSettings(
    version: $version
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    settings {
      ...ClinicSettingsFields
    }
  }
}
    fragment ClinicSettingsFields on ClinicSettings {
  chemoRadiotherapyMonths
  isotretinoinMonths
  isotretinoinLevel
  toxinDays
  fillerDays
  peelLaserRetinoidDays
  retreatmentMonths
  rebookingGraceDays
  activesAfterNeedlingDays
  aftercareText
  idleLockMinutes
  isDefault
  version
  updatedAt
}`) as unknown as TypedDocumentString<UpdateClinicSettingsMutation, UpdateClinicSettingsMutationVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($patientId: ID!, $after: String) {
  auditTrail(patientId: $patientId, first: 50, after: $after) {
    edges {
      node {
        ...AuditEntryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment AuditEntryFields on AuditEntry {
  id
  at
  userId
  userEmail
  role
  action
  patientId
  siteId
  outcome
  detail
  detailErased
}`) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;
export const AuditByUserDocument = new TypedDocumentString(`
    query AuditByUser($userId: ID!, $after: String) {
  auditByUser(userId: $userId, first: 50, after: $after) {
    edges {
      node {
        ...AuditEntryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment AuditEntryFields on AuditEntry {
  id
  at
  userId
  userEmail
  role
  action
  patientId
  siteId
  outcome
  detail
  detailErased
}`) as unknown as TypedDocumentString<AuditByUserQuery, AuditByUserQueryVariables>;
export const AuditPatientSearchDocument = new TypedDocumentString(`
    query AuditPatientSearch($siteId: ID!, $search: String) {
  patients(siteId: $siteId, search: $search, first: 10) {
    edges {
      node {
        id
        givenName
        familyName
        dateOfBirth
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditPatientSearchQuery, AuditPatientSearchQueryVariables>;
export const AnalyticsOptionsDocument = new TypedDocumentString(`
    query AnalyticsOptions {
  sites: outcomeSummary(groupBy: SITE) {
    rows {
      key
      label
    }
  }
  serums: outcomeSummary(groupBy: SERUM) {
    rows {
      key
      label
    }
  }
}
    `) as unknown as TypedDocumentString<AnalyticsOptionsQuery, AnalyticsOptionsQueryVariables>;
export const AnalyticsOverviewDocument = new TypedDocumentString(`
    query AnalyticsOverview($matrixFilter: OutcomeFilter, $serumFilter: OutcomeFilter) {
  serums: outcomeSummary(groupBy: SERUM, filter: $serumFilter) {
    rows {
      ...AnalyticsSummaryRow
    }
  }
  concernDepthMatrix(filter: $matrixFilter) {
    indication
    depthBand
    summary {
      ...AnalyticsSummaryRow
    }
  }
}
    fragment AnalyticsSummaryRow on OutcomeSummaryRow {
  key
  label
  n
  meanImprovement
  meanImprovementPercent
  nPercent
  improvedShare
  sessions
  adverseEvents
  adverseEventsPer100Sessions
}`) as unknown as TypedDocumentString<AnalyticsOverviewQuery, AnalyticsOverviewQueryVariables>;
export const AnalyticsKpisDocument = new TypedDocumentString(`
    query AnalyticsKpis($filter: OutcomeFilter) {
  kpis(filter: $filter) {
    asOf
    graceDays
    plansCounted
    courseCompletion {
      id
      name
      unit
      definition
      numerator
      denominator
      value
      source
      filtersApplied
    }
    rebooking {
      id
      name
      unit
      definition
      numerator
      denominator
      value
      source
      filtersApplied
    }
    adverseEvents {
      id
      name
      unit
      definition
      numerator
      denominator
      value
      source
      filtersApplied
    }
    timeBetweenSessions {
      id
      name
      unit
      definition
      numerator
      denominator
      value
      source
      filtersApplied
      gaps
      meanAbsDeviationDays
      withinGraceShare
    }
  }
}
    `) as unknown as TypedDocumentString<AnalyticsKpisQuery, AnalyticsKpisQueryVariables>;
export const OutcomeExportDocument = new TypedDocumentString(`
    query OutcomeExport($filter: OutcomeFilter, $after: String, $rows: Int) {
  outcomeExport(filter: $filter, after: $after, rows: $rows) {
    csv
    rows
    endCursor
    hasNextPage
    progress {
      done
      total
    }
  }
}
    `) as unknown as TypedDocumentString<OutcomeExportQuery, OutcomeExportQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    userId
    email
    name
    role
    groupId
    groupName
    sites {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const IdleLockDocument = new TypedDocumentString(`
    query IdleLock {
  clinicSettings {
    idleLockMinutes
  }
}
    `) as unknown as TypedDocumentString<IdleLockQuery, IdleLockQueryVariables>;
export const NewConsultationDocument = new TypedDocumentString(`
    query NewConsultation($patientId: ID!) {
  patient(id: $patientId) {
    ...PatientFields
    activeFlags {
      ...ScreenFinding
    }
  }
  screeningQuestions {
    key
    kind
    required
    label
    help
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}`) as unknown as TypedDocumentString<NewConsultationQuery, NewConsultationQueryVariables>;
export const ScreenPatientDocument = new TypedDocumentString(`
    query ScreenPatient($patientId: ID!, $answers: ScreeningAnswersInput!, $onDate: Date!, $zones: [Zone!]) {
  screenPatient(
    patientId: $patientId
    answers: $answers
    onDate: $onDate
    zones: $zones
  ) {
    findings {
      ...ScreenFinding
    }
    unresolvedBlocks {
      ...ScreenFinding
    }
    cleared
    unanswered
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}`) as unknown as TypedDocumentString<ScreenPatientQuery, ScreenPatientQueryVariables>;
export const RecordConsultationDocument = new TypedDocumentString(`
    mutation RecordConsultation($patientId: ID!, $input: ConsultationInput!, $idempotencyKey: String) {
  recordConsultation(
    patientId: $patientId
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    consultation {
      ...ConsultationFields
    }
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment ConsultationFields on Consultation {
  id
  date
  site {
    id
    name
  }
  practitioner {
    id
    name
  }
  patient {
    id
    givenName
    familyName
  }
  concerns {
    id
    indication
    bodyArea
    zones
    baselineScale
    baselineScore
    baselineLabel
    baselineOn
    status
    notes
  }
  answers {
    activeSkinInfection
    activeAcneInArea
    activeHerpesOutbreak
    openWounds
    pregnantOrBreastfeeding
    eczemaPsoriasisRosaceaFlareInArea
    sunburn
    chemoOrRadiotherapyCurrent
    chemoOrRadiotherapyDate
    toxinDate
    fillerDate
    peelLaserDate
    retinoidDate
  }
  findings {
    ...ScreenFinding
  }
  overrides {
    code
    reason
    by {
      id
      name
    }
    at
  }
  unresolvedBlocks {
    ...ScreenFinding
  }
  cleared
  version
  createdAt
}`) as unknown as TypedDocumentString<RecordConsultationMutation, RecordConsultationMutationVariables>;
export const ConsultationDocument = new TypedDocumentString(`
    query Consultation($id: ID!) {
  node(id: $id) {
    ... on Consultation {
      ...ConsultationFields
    }
  }
  screeningQuestions {
    key
    kind
    required
    label
    help
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment ConsultationFields on Consultation {
  id
  date
  site {
    id
    name
  }
  practitioner {
    id
    name
  }
  patient {
    id
    givenName
    familyName
  }
  concerns {
    id
    indication
    bodyArea
    zones
    baselineScale
    baselineScore
    baselineLabel
    baselineOn
    status
    notes
  }
  answers {
    activeSkinInfection
    activeAcneInArea
    activeHerpesOutbreak
    openWounds
    pregnantOrBreastfeeding
    eczemaPsoriasisRosaceaFlareInArea
    sunburn
    chemoOrRadiotherapyCurrent
    chemoOrRadiotherapyDate
    toxinDate
    fillerDate
    peelLaserDate
    retinoidDate
  }
  findings {
    ...ScreenFinding
  }
  overrides {
    code
    reason
    by {
      id
      name
    }
    at
  }
  unresolvedBlocks {
    ...ScreenFinding
  }
  cleared
  version
  createdAt
}`) as unknown as TypedDocumentString<ConsultationQuery, ConsultationQueryVariables>;
export const OverrideContraindicationDocument = new TypedDocumentString(`
    mutation OverrideContraindication($consultationId: ID!, $version: Int!, $code: String!, $reason: String!, $idempotencyKey: String) {
  overrideContraindication(
    consultationId: $consultationId
    version: $version
    code: $code
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    consultation {
      ...ConsultationFields
    }
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment ConsultationFields on Consultation {
  id
  date
  site {
    id
    name
  }
  practitioner {
    id
    name
  }
  patient {
    id
    givenName
    familyName
  }
  concerns {
    id
    indication
    bodyArea
    zones
    baselineScale
    baselineScore
    baselineLabel
    baselineOn
    status
    notes
  }
  answers {
    activeSkinInfection
    activeAcneInArea
    activeHerpesOutbreak
    openWounds
    pregnantOrBreastfeeding
    eczemaPsoriasisRosaceaFlareInArea
    sunburn
    chemoOrRadiotherapyCurrent
    chemoOrRadiotherapyDate
    toxinDate
    fillerDate
    peelLaserDate
    retinoidDate
  }
  findings {
    ...ScreenFinding
  }
  overrides {
    code
    reason
    by {
      id
      name
    }
    at
  }
  unresolvedBlocks {
    ...ScreenFinding
  }
  cleared
  version
  createdAt
}`) as unknown as TypedDocumentString<OverrideContraindicationMutation, OverrideContraindicationMutationVariables>;
export const OutcomesPageDocument = new TypedDocumentString(`
    query OutcomesPage($patientId: ID!) {
  patient(id: $patientId) {
    ...PatientFields
    concerns {
      id
      indication
      bodyArea
      baselineScale
      baselineScore
      baselineLabel
      baselineOn
      status
    }
    timeline(first: 50) {
      edges {
        node {
          ... on TreatmentSession {
            id
            performedOn
            zones {
              zone
            }
            plan {
              concerns {
                id
              }
            }
          }
        }
      }
    }
  }
}
    fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}`) as unknown as TypedDocumentString<OutcomesPageQuery, OutcomesPageQueryVariables>;
export const OutcomeTrendDocument = new TypedDocumentString(`
    query OutcomeTrend($patientId: ID!, $concernId: ID!, $scale: ScaleId) {
  outcomeTrend(patientId: $patientId, concernId: $concernId, scale: $scale) {
    scale
    baseline
    baselineOn
    direction
    points {
      assessedOn
      score
      label
      rater
      improvement {
        absolute
        percent
        improved
      }
      assessment {
        id
        session {
          id
        }
      }
    }
    latest {
      assessedOn
      score
      label
      improvement {
        absolute
        percent
        improved
      }
    }
    best {
      assessedOn
      score
    }
  }
}
    `) as unknown as TypedDocumentString<OutcomeTrendQuery, OutcomeTrendQueryVariables>;
export const RecordAssessmentDocument = new TypedDocumentString(`
    mutation RecordAssessment($patientId: ID!, $input: AssessmentInput!, $idempotencyKey: String) {
  recordAssessment(
    patientId: $patientId
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    assessment {
      id
      scale
      score
      label
      assessedOn
      improvement {
        absolute
        percent
        improved
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordAssessmentMutation, RecordAssessmentMutationVariables>;
export const PatientsDocument = new TypedDocumentString(`
    query Patients($siteId: ID!, $search: String, $first: Int, $after: String) {
  patients(siteId: $siteId, search: $search, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        givenName
        familyName
        dateOfBirth
        email
        phone
        fitzpatrick
        allergies {
          substance
          kind
          severity
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PatientsQuery, PatientsQueryVariables>;
export const PatientDocument = new TypedDocumentString(`
    query Patient($id: ID!) {
  patient(id: $id) {
    ...PatientFields
  }
}
    fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}`) as unknown as TypedDocumentString<PatientQuery, PatientQueryVariables>;
export const CreatePatientDocument = new TypedDocumentString(`
    mutation CreatePatient($input: PatientInput!, $idempotencyKey: String) {
  createPatient(input: $input, idempotencyKey: $idempotencyKey) {
    patient {
      ...PatientFields
    }
  }
}
    fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}`) as unknown as TypedDocumentString<CreatePatientMutation, CreatePatientMutationVariables>;
export const UpdatePatientDocument = new TypedDocumentString(`
    mutation UpdatePatient($id: ID!, $version: Int!, $input: PatientInput!, $idempotencyKey: String) {
  updatePatient(
    id: $id
    version: $version
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    patient {
      ...PatientFields
    }
  }
}
    fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}`) as unknown as TypedDocumentString<UpdatePatientMutation, UpdatePatientMutationVariables>;
export const ErasePatientDocument = new TypedDocumentString(`
    mutation ErasePatient($id: ID!, $confirmName: String!, $reason: String!) {
  erasePatient(id: $id, confirmName: $confirmName, reason: $reason) {
    erasure {
      patientId
      status
      startedAt
      completedAt
      progress {
        done
        total
      }
      erased {
        consultations
        concerns
        plans
        sessions
        assessments
        outcomeRecords
        kpiPlans
        lotTraces
        idempotencyRecords
        auditDetails
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ErasePatientMutation, ErasePatientMutationVariables>;
export const PlanBuilderDocument = new TypedDocumentString(`
    query PlanBuilder($patientId: ID!, $consultationId: ID!) {
  patient(id: $patientId) {
    ...PatientFields
    activeFlags {
      ...ScreenFinding
    }
  }
  consultation: node(id: $consultationId) {
    ... on Consultation {
      id
      date
      cleared
      version
      unresolvedBlocks {
        ...ScreenFinding
      }
      concerns {
        id
        indication
        bodyArea
        zones
        baselineScale
        baselineScore
        baselineLabel
        status
      }
    }
  }
  serums(first: 100) {
    edges {
      node {
        id
        name
        ingredients
        allergens
        clearance
        lots {
          lotNumber
          expiresOn
          expired
        }
      }
    }
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}`) as unknown as TypedDocumentString<PlanBuilderQuery, PlanBuilderQueryVariables>;
export const PatientConsultationsDocument = new TypedDocumentString(`
    query PatientConsultations($patientId: ID!) {
  patient(id: $patientId) {
    id
    givenName
    familyName
    concerns {
      id
      indication
      bodyArea
      consultation {
        id
        date
        cleared
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PatientConsultationsQuery, PatientConsultationsQueryVariables>;
export const SuggestPlanDocument = new TypedDocumentString(`
    query SuggestPlan($patientId: ID!, $concernIds: [ID!]!) {
  suggestPlan(patientId: $patientId, concernIds: $concernIds) {
    zones {
      zone
      depthMm
      depthMinMm
      depthMaxMm
      indication
    }
    sessions
    intervalWeeks
    device
    serums
    serumIds
    conservative
    notes
  }
}
    `) as unknown as TypedDocumentString<SuggestPlanQuery, SuggestPlanQueryVariables>;
export const CheckPlannedSerumDocument = new TypedDocumentString(`
    query CheckPlannedSerum($patientId: ID!, $serumId: ID!, $lotNumber: String!, $onDate: Date!, $duringNeedling: Boolean!) {
  checkSerum(
    patientId: $patientId
    serumId: $serumId
    lotNumber: $lotNumber
    onDate: $onDate
    duringNeedling: $duringNeedling
  ) {
    findings {
      ...ScreenFinding
    }
    blocked
    overridable
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}`) as unknown as TypedDocumentString<CheckPlannedSerumQuery, CheckPlannedSerumQueryVariables>;
export const CreateTreatmentPlanDocument = new TypedDocumentString(`
    mutation CreateTreatmentPlan($input: TreatmentPlanInput!, $idempotencyKey: String) {
  createTreatmentPlan(input: $input, idempotencyKey: $idempotencyKey) {
    plan {
      ...PlanFields
    }
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment PlanFields on TreatmentPlan {
  id
  patient {
    id
    givenName
    familyName
  }
  site {
    id
    name
  }
  consultation {
    id
    date
    cleared
  }
  concerns {
    id
    indication
    bodyArea
    baselineScale
    baselineScore
    baselineLabel
  }
  startDate
  zones {
    zone
    depthMm
    depthMinMm
    depthMaxMm
    aboveZoneDefault
  }
  sessionsPlanned
  intervalWeeks
  device
  plannedSerums {
    serumId
    name
    findings {
      ...ScreenFinding
    }
    override {
      reason
      by {
        id
        name
      }
      at
    }
  }
  notes
  status
  progress {
    done
    planned
    remaining
  }
  lastSessionOn
  nextDueOn
  retreatmentDueOn
  dueOn
  dueKind
  dueState
  expectedCompletionOn
  cancelledReason
  version
  createdAt
}`) as unknown as TypedDocumentString<CreateTreatmentPlanMutation, CreateTreatmentPlanMutationVariables>;
export const TreatmentPlanDocument = new TypedDocumentString(`
    query TreatmentPlan($id: ID!) {
  node(id: $id) {
    ... on TreatmentPlan {
      ...PlanFields
    }
  }
}
    fragment ScreenFinding on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment PlanFields on TreatmentPlan {
  id
  patient {
    id
    givenName
    familyName
  }
  site {
    id
    name
  }
  consultation {
    id
    date
    cleared
  }
  concerns {
    id
    indication
    bodyArea
    baselineScale
    baselineScore
    baselineLabel
  }
  startDate
  zones {
    zone
    depthMm
    depthMinMm
    depthMaxMm
    aboveZoneDefault
  }
  sessionsPlanned
  intervalWeeks
  device
  plannedSerums {
    serumId
    name
    findings {
      ...ScreenFinding
    }
    override {
      reason
      by {
        id
        name
      }
      at
    }
  }
  notes
  status
  progress {
    done
    planned
    remaining
  }
  lastSessionOn
  nextDueOn
  retreatmentDueOn
  dueOn
  dueKind
  dueState
  expectedCompletionOn
  cancelledReason
  version
  createdAt
}`) as unknown as TypedDocumentString<TreatmentPlanQuery, TreatmentPlanQueryVariables>;
export const SessionRecorderDocument = new TypedDocumentString(`
    query SessionRecorder($patientId: ID!, $planId: ID!) {
  patient(id: $patientId) {
    ...PatientFields
  }
  plan: node(id: $planId) {
    ... on TreatmentPlan {
      id
      status
      startDate
      device
      sessionsPlanned
      intervalWeeks
      progress {
        done
        planned
        remaining
      }
      nextDueOn
      site {
        id
        name
      }
      concerns {
        id
        indication
        bodyArea
      }
      zones {
        zone
        depthMm
        depthMinMm
        depthMaxMm
      }
      plannedSerums {
        serumId
        name
      }
      consultation {
        id
        date
        answers {
          activeSkinInfection
          activeAcneInArea
          activeHerpesOutbreak
          openWounds
          pregnantOrBreastfeeding
          eczemaPsoriasisRosaceaFlareInArea
          sunburn
          chemoOrRadiotherapyCurrent
          chemoOrRadiotherapyDate
          toxinDate
          fillerDate
          peelLaserDate
          retinoidDate
        }
        findings {
          ...FindingFields
        }
        overrides {
          code
          reason
          by {
            name
          }
          at
        }
      }
    }
  }
  screeningQuestions {
    key
    kind
    required
    label
    help
  }
}
    fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}
fragment FindingFields on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}`) as unknown as TypedDocumentString<SessionRecorderQuery, SessionRecorderQueryVariables>;
export const PatientPlansDocument = new TypedDocumentString(`
    query PatientPlans($patientId: ID!, $after: String) {
  patient(id: $patientId) {
    id
    givenName
    familyName
    timeline(first: 50, after: $after) {
      edges {
        node {
          ... on TreatmentPlan {
            id
            status
            startDate
            sessionsPlanned
            progress {
              done
            }
            concerns {
              id
              indication
              bodyArea
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PatientPlansQuery, PatientPlansQueryVariables>;
export const SerumCatalogueDocument = new TypedDocumentString(`
    query SerumCatalogue($after: String) {
  serums(first: 50, after: $after) {
    edges {
      node {
        ...SerumCatalogueFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment SerumCatalogueFields on SerumAddOn {
  id
  name
  ingredients
  allergens
  clearance
  sterile
  lots {
    lotNumber
    expiresOn
    expired
  }
  version
  updatedAt
}`) as unknown as TypedDocumentString<SerumCatalogueQuery, SerumCatalogueQueryVariables>;
export const RescreenDocument = new TypedDocumentString(`
    query Rescreen($patientId: ID!, $answers: ScreeningAnswersInput!, $onDate: Date!, $zones: [Zone!]) {
  screenPatient(
    patientId: $patientId
    answers: $answers
    onDate: $onDate
    zones: $zones
  ) {
    findings {
      ...FindingFields
    }
    unanswered
  }
}
    fragment FindingFields on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}`) as unknown as TypedDocumentString<RescreenQuery, RescreenQueryVariables>;
export const CheckSerumDocument = new TypedDocumentString(`
    query CheckSerum($patientId: ID!, $serumId: ID!, $lotNumber: String!, $onDate: Date!) {
  checkSerum(
    patientId: $patientId
    serumId: $serumId
    lotNumber: $lotNumber
    onDate: $onDate
    duringNeedling: true
  ) {
    findings {
      ...FindingFields
    }
    blocked
    overridable
  }
}
    fragment FindingFields on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}`) as unknown as TypedDocumentString<CheckSerumQuery, CheckSerumQueryVariables>;
export const RecordTreatmentSessionDocument = new TypedDocumentString(`
    mutation RecordTreatmentSession($patientId: ID!, $input: TreatmentSessionInput!, $idempotencyKey: String) {
  recordTreatmentSession(
    patientId: $patientId
    input: $input
    idempotencyKey: $idempotencyKey
  ) {
    session {
      id
    }
    plan {
      id
      progress {
        done
        planned
      }
      nextDueOn
    }
  }
}
    `) as unknown as TypedDocumentString<RecordTreatmentSessionMutation, RecordTreatmentSessionMutationVariables>;
export const TreatmentSessionDocument = new TypedDocumentString(`
    query TreatmentSession($patientId: ID!, $sessionId: ID!) {
  patient(id: $patientId) {
    ...PatientFields
  }
  session: node(id: $sessionId) {
    ...SessionFields
  }
  clinicSettings {
    aftercareText
  }
}
    fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}
fragment FindingFields on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment SessionFields on TreatmentSession {
  id
  performedOn
  site {
    id
    name
  }
  practitioner {
    id
    name
  }
  plan {
    id
    sessionsPlanned
    intervalWeeks
    nextDueOn
    progress {
      done
      planned
    }
    concerns {
      id
      indication
      bodyArea
    }
  }
  device {
    kind
    ... on Dermapen {
      cartridgeNeedleCount
      cartridgeLot
    }
    ... on RfMicroneedling {
      energyLevel
      pulseDurationMs
      rfNeedleCount: cartridgeNeedleCount
      rfLot: cartridgeLot
    }
  }
  zones {
    zone
    depthMm
    passes
  }
  depthDeviationReason
  deviations {
    zone
    depthMm
    plannedMinMm
    plannedMaxMm
    reason
  }
  serumsApplied {
    serum {
      id
    }
    serumName
    lotNumber
    lotExpiresOn
    zone
    findings {
      ...FindingFields
    }
    override {
      reason
      by {
        name
      }
      at
    }
  }
  numbing {
    agent
    minutes
  }
  immediateReactions
  aftercare {
    given
    lines
  }
  adverseEvents {
    type
    label
    onsetOn
    durationDays
    severity
    serum {
      id
      name
    }
    lotNumber
    notes
    classification
    flag
  }
  rescreen {
    findings {
      ...FindingFields
    }
    added
    changed
    resolved
    carriedOverrides {
      code
      reason
      by {
        name
      }
      at
    }
    overrides {
      code
      reason
      by {
        name
      }
      at
    }
  }
  notes
  version
  createdAt
}`) as unknown as TypedDocumentString<TreatmentSessionQuery, TreatmentSessionQueryVariables>;
export const RecordAdverseEventDocument = new TypedDocumentString(`
    mutation RecordAdverseEvent($sessionId: ID!, $version: Int!, $event: AdverseEventInput!, $idempotencyKey: String) {
  recordAdverseEvent(
    sessionId: $sessionId
    version: $version
    event: $event
    idempotencyKey: $idempotencyKey
  ) {
    session {
      ...SessionFields
    }
  }
}
    fragment FindingFields on ContraindicationFinding {
  code
  level
  reason
  source
  overridable
}
fragment SessionFields on TreatmentSession {
  id
  performedOn
  site {
    id
    name
  }
  practitioner {
    id
    name
  }
  plan {
    id
    sessionsPlanned
    intervalWeeks
    nextDueOn
    progress {
      done
      planned
    }
    concerns {
      id
      indication
      bodyArea
    }
  }
  device {
    kind
    ... on Dermapen {
      cartridgeNeedleCount
      cartridgeLot
    }
    ... on RfMicroneedling {
      energyLevel
      pulseDurationMs
      rfNeedleCount: cartridgeNeedleCount
      rfLot: cartridgeLot
    }
  }
  zones {
    zone
    depthMm
    passes
  }
  depthDeviationReason
  deviations {
    zone
    depthMm
    plannedMinMm
    plannedMaxMm
    reason
  }
  serumsApplied {
    serum {
      id
    }
    serumName
    lotNumber
    lotExpiresOn
    zone
    findings {
      ...FindingFields
    }
    override {
      reason
      by {
        name
      }
      at
    }
  }
  numbing {
    agent
    minutes
  }
  immediateReactions
  aftercare {
    given
    lines
  }
  adverseEvents {
    type
    label
    onsetOn
    durationDays
    severity
    serum {
      id
      name
    }
    lotNumber
    notes
    classification
    flag
  }
  rescreen {
    findings {
      ...FindingFields
    }
    added
    changed
    resolved
    carriedOverrides {
      code
      reason
      by {
        name
      }
      at
    }
    overrides {
      code
      reason
      by {
        name
      }
      at
    }
  }
  notes
  version
  createdAt
}`) as unknown as TypedDocumentString<RecordAdverseEventMutation, RecordAdverseEventMutationVariables>;
export const PatientRecordDocument = new TypedDocumentString(`
    query PatientRecord($id: ID!, $first: Int) {
  patient(id: $id) {
    ...PatientFields
    activeFlags {
      code
      level
      reason
      source
      overridable
    }
    timeline(first: $first) {
      edges {
        ...TimelineEntryFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment PatientFields on Patient {
  id
  site {
    id
    name
  }
  givenName
  familyName
  dateOfBirth
  email
  phone
  fitzpatrick
  allergies {
    substance
    kind
    reaction
    severity
  }
  medications {
    name
    class
    startedOn
    stoppedOn
  }
  historyFlags
  archived
  version
  updatedAt
}
fragment TimelineEntryFields on TimelineEdge {
  cursor
  date
  node {
    __typename
    ... on Consultation {
      id
      date
      practitioner {
        id
        name
      }
      concerns {
        id
        indication
        bodyArea
      }
      findings {
        code
        level
      }
      overrides {
        code
      }
      cleared
    }
    ... on TreatmentPlan {
      id
      startDate
      status
      sessionsPlanned
      intervalWeeks
      concerns {
        id
        indication
      }
      zones {
        zone
        depthMm
      }
      progress {
        done
        planned
      }
      dueOn
      dueKind
      dueState
    }
    ... on TreatmentSession {
      id
      performedOn
      practitioner {
        id
        name
      }
      device {
        kind
      }
      zones {
        zone
        depthMm
      }
      serumsApplied {
        serumName
      }
      adverseEvents {
        classification
      }
      plan {
        id
        progress {
          done
          planned
        }
      }
    }
    ... on Assessment {
      id
      assessedOn
      scale
      score
      label
      rater
      concern {
        id
        indication
        bodyArea
      }
      improvement {
        absolute
        percent
        improved
      }
    }
  }
}`) as unknown as TypedDocumentString<PatientRecordQuery, PatientRecordQueryVariables>;
export const PatientTimelineDocument = new TypedDocumentString(`
    query PatientTimeline($id: ID!, $first: Int, $after: String) {
  patient(id: $id) {
    id
    timeline(first: $first, after: $after) {
      edges {
        ...TimelineEntryFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment TimelineEntryFields on TimelineEdge {
  cursor
  date
  node {
    __typename
    ... on Consultation {
      id
      date
      practitioner {
        id
        name
      }
      concerns {
        id
        indication
        bodyArea
      }
      findings {
        code
        level
      }
      overrides {
        code
      }
      cleared
    }
    ... on TreatmentPlan {
      id
      startDate
      status
      sessionsPlanned
      intervalWeeks
      concerns {
        id
        indication
      }
      zones {
        zone
        depthMm
      }
      progress {
        done
        planned
      }
      dueOn
      dueKind
      dueState
    }
    ... on TreatmentSession {
      id
      performedOn
      practitioner {
        id
        name
      }
      device {
        kind
      }
      zones {
        zone
        depthMm
      }
      serumsApplied {
        serumName
      }
      adverseEvents {
        classification
      }
      plan {
        id
        progress {
          done
          planned
        }
      }
    }
    ... on Assessment {
      id
      assessedOn
      scale
      score
      label
      rater
      concern {
        id
        indication
        bodyArea
      }
      improvement {
        absolute
        percent
        improved
      }
    }
  }
}`) as unknown as TypedDocumentString<PatientTimelineQuery, PatientTimelineQueryVariables>;
export const PlansDueDocument = new TypedDocumentString(`
    query PlansDue($siteId: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
  plansDue(siteId: $siteId, from: $from, to: $to, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        patient {
          id
          givenName
          familyName
          fitzpatrick
          allergies {
            substance
            kind
            severity
          }
        }
        concerns {
          id
          indication
          bodyArea
        }
        status
        dueOn
        dueKind
        dueState
        lastSessionOn
        intervalWeeks
        progress {
          done
          planned
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PlansDueQuery, PlansDueQueryVariables>;
export const RecentSessionsDocument = new TypedDocumentString(`
    query RecentSessions($siteId: ID!, $first: Int, $after: String) {
  recentSessions(siteId: $siteId, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        performedOn
        patient {
          id
          givenName
          familyName
        }
        practitioner {
          id
          name
        }
        device {
          kind
        }
        zones {
          zone
          depthMm
        }
        adverseEvents {
          classification
        }
        plan {
          id
          progress {
            done
            planned
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<RecentSessionsQuery, RecentSessionsQueryVariables>;
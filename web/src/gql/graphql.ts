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

export type AuditEntry = {
  /** What, e.g. READ_PATIENT, UPDATE_PATIENT, LIST_PATIENTS, INVITE_USER. */
  action: Scalars['String']['output'];
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  detail?: Maybe<Scalars['String']['output']>;
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
  createPatient: PatientPayload;
  createSite: SitePayload;
  /** CONTRAINDICATED while the consultation has a BLOCK without an override or a planned serum is flagged without one. */
  createTreatmentPlan: TreatmentPlanPayload;
  /** Stop a user signing in; their current tokens stop working too. You cannot deactivate yourself. */
  deactivateUser: UserPayload;
  /** Add a user to the group with a role (and sites, for a practitioner). */
  inviteUser: UserPayload;
  /** Overrides one finding with a reason (required); recorded with who and when. */
  overrideContraindication: ConsultationPayload;
  reactivateUser: UserPayload;
  /** Screens the patient and records the consultation with its concerns in one transaction. */
  recordConsultation: ConsultationPayload;
  /** Clinic administrators only (others: FORBIDDEN). */
  updateClinicSettings: ClinicSettingsPayload;
  updatePatient: PatientPayload;
  /** Replaces the group's template for one indication. Clinic administrators only (others: FORBIDDEN). */
  updateProtocol: ProtocolTemplatePayload;
  /** Rename, archive or restore a site. */
  updateSite: SitePayload;
  updateTreatmentPlan: TreatmentPlanPayload;
  /** Change a user's name, role or sites. You cannot change your own role. */
  updateUser: UserPayload;
};


export type MutationCreatePatientArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PatientInput;
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


export type MutationRecordConsultationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: ConsultationInput;
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

export type PageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Patient = Node & {
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
  updatedAt: Scalars['DateTime']['output'];
  /** Pass this back on update; a stale version answers CONFLICT. */
  version: Scalars['Int']['output'];
};

export type PatientConnection = {
  edges: Array<PatientEdge>;
  pageInfo: PageInfo;
};

export type PatientEdge = {
  cursor: Scalars['String']['output'];
  node: Patient;
};

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
  /** The signed-in user's clinic group settings. */
  clinicSettings: ClinicSettings;
  /** The signed-in user. */
  me: Me;
  /** Any object by its global id, if the caller may see it. */
  node?: Maybe<Node>;
  patient?: Maybe<Patient>;
  /** Patients of one site, by family name; `search` matches the start of 'family given'. */
  patients: PatientConnection;
  /** Plans whose next session or retreatment falls between from and to (inclusive) at the site, soonest first. */
  plansDue: TreatmentPlanConnection;
  /** Every indication's protocol template, the group's own or the default. */
  protocols: Array<ProtocolTemplate>;
  /** Runs the contraindication screen for the patient on `onDate` without saving anything. */
  screenPatient: ScreenResult;
  screeningQuestions: Array<ScreeningQuestion>;
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


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPatientArgs = {
  id: Scalars['ID']['input'];
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


export type QueryScreenPatientArgs = {
  answers: ScreeningAnswersInput;
  onDate: Scalars['Date']['input'];
  patientId: Scalars['ID']['input'];
  zones?: InputMaybe<Array<Zone>>;
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

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { userId: string, email: string, name: string, role: Role, groupId: string, groupName: string, sites: Array<{ id: string, name: string }> } };

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
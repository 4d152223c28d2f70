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

/** BLOCK stops treatment unless overridden with a reason; WARN is shown and may be acknowledged. */
export type ContraindicationLevel =
  | 'BLOCK'
  | 'WARN';

export type Device =
  | 'DERMAROLLER'
  | 'PEN'
  | 'RF_MICRONEEDLING';

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
  /** Stop a user signing in; their current tokens stop working too. You cannot deactivate yourself. */
  deactivateUser: UserPayload;
  /** Add a user to the group with a role (and sites, for a practitioner). */
  inviteUser: UserPayload;
  reactivateUser: UserPayload;
  updatePatient: PatientPayload;
  /** Rename, archive or restore a site. */
  updateSite: SitePayload;
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


export type MutationDeactivateUserArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationInviteUserArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UserInput;
};


export type MutationReactivateUserArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationUpdatePatientArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PatientInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateSiteArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SiteUpdateInput;
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

export type Query = {
  /** Clinic admins: what one user did, newest first. */
  auditByUser: AuditEntryConnection;
  /** Clinic admins: who accessed one patient's record, newest first. */
  auditTrail: AuditEntryConnection;
  /** The signed-in user. */
  me: Me;
  /** Any object by its global id, if the caller may see it. */
  node?: Maybe<Node>;
  patient?: Maybe<Patient>;
  /** Patients of one site, by family name; `search` matches the start of 'family given'. */
  patients: PatientConnection;
  /** Clinic admins: the group's sites, archived ones included. */
  sites: SiteConnection;
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


export type QuerySitesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
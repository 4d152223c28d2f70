import type { Patient } from "@needlework/core";
import type { Concern, Consultation, Site, TreatmentPlan, User } from "@needlework/store";
import type { Assessment, LotTrace, SerumRecord, TreatmentSession } from "@needlework/store";
import { toGlobalId } from "../ids";

/** What resolvers hand to GraphQL for each Node type: the domain object plus its typename. */
export type PatientNode = Patient & { __typename: "Patient"; localId: string };

export const patientNode = (p: Patient): PatientNode => ({ ...p, __typename: "Patient", localId: p.id });

export const siteNode = (s: Site) => ({
  __typename: "Site" as const,
  id: toGlobalId("Site", s.id),
  name: s.name,
  archived: s.archived ?? false,
  version: s.version ?? 1,
});

/** A user, for clinic admins (authz.ts TYPE_POLICIES); `siteIds` stay local for the sites resolver. */
export type UserNode = ReturnType<typeof userNode>;
export const userNode = (u: User) => ({
  __typename: "User" as const,
  id: toGlobalId("User", u.id),
  email: u.email,
  name: u.name,
  role: u.role,
  siteIds: u.siteIds,
  active: u.active,
  version: u.version,
  createdAt: u.createdAt ?? null,
  updatedAt: u.updatedAt ?? null,
});

// Clinical records (resolvers/consultations.ts, resolvers/plans.ts): the store's record plus its
// typename; the global id is built from `<patientId>|<date>|<id>` by the type's id resolver.
export type ConsultationNode = Consultation & { __typename: "Consultation" };
export const consultationNode = (c: Consultation): ConsultationNode => ({ ...c, __typename: "Consultation" });

export type ConcernNode = Concern & { __typename: "Concern" };
export const concernNode = (c: Concern): ConcernNode => ({ ...c, __typename: "Concern" });

export type TreatmentPlanNode = TreatmentPlan & { __typename: "TreatmentPlan" };
export const treatmentPlanNode = (p: TreatmentPlan): TreatmentPlanNode => ({
  ...p,
  __typename: "TreatmentPlan",
});

export type { StoredProtocol as ProtocolTemplateNode } from "@needlework/store";
export type {
  RecordedOverride as ContraindicationOverrideNode,
  PlannedSerum as PlannedSerumNode,
  SerumOverrideRecord as SerumOverrideNode,
} from "@needlework/store";

// Serum catalogue, sessions and assessments (resolvers/serums.ts, sessions.ts, assessments.ts).
export type SerumNode = SerumRecord & { __typename: "SerumAddOn" };
export const serumNode = (s: SerumRecord): SerumNode => ({ ...s, __typename: "SerumAddOn" });

export type TreatmentSessionNode = TreatmentSession & { __typename: "TreatmentSession" };
export const treatmentSessionNode = (s: TreatmentSession): TreatmentSessionNode => ({
  ...s,
  __typename: "TreatmentSession",
});

export type AssessmentNode = Assessment & { __typename: "Assessment" };
export const assessmentNode = (a: Assessment): AssessmentNode => ({ ...a, __typename: "Assessment" });

export type {
  SerumApplication as SerumApplicationNode,
  RecordedAdverseEvent as AdverseEventNode,
} from "@needlework/store";
/** An edge of the lot trace: the trace item; its node (the session) is loaded by the edge's resolver. */
export interface SerumLotTraceEdgeNode {
  cursor: string;
  performedOn: string;
  zone: LotTrace["zone"];
  trace: LotTrace;
}
/** The lot trace: its edges, and the lot, for the count of applications to erased patients. */
export interface SerumLotTraceConnectionNode {
  edges: SerumLotTraceEdgeNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  lot: { serumId: string; lotNumber: string };
}
/** recordTreatmentSession returns the plan it moved; recordAdverseEvent leaves it to the loader. */
export interface TreatmentSessionPayloadNode {
  session: TreatmentSessionNode;
  plan: TreatmentPlanNode | null;
}

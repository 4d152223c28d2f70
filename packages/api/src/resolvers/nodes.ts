import type { Patient } from "@needlework/core";
import type { Site } from "@needlework/store";
import { toGlobalId } from "../ids";

/** What resolvers hand to GraphQL for each Node type: the domain object plus its typename. */
export type PatientNode = Patient & { __typename: "Patient"; localId: string };

export const patientNode = (p: Patient): PatientNode => ({ ...p, __typename: "Patient", localId: p.id });

export const siteNode = (s: Site) => ({
  __typename: "Site" as const,
  id: toGlobalId("Site", s.id),
  name: s.name,
});

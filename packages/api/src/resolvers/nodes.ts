import type { Patient } from "@needlework/core";
import type { Site, User } from "@needlework/store";
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

import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { useAuth } from "../auth/context";
import type { Role } from "../gql/graphql";

/** Roles that see the outcomes dashboard (the API refuses everyone else with FORBIDDEN). */
export const ANALYTICS_ROLES: readonly Role[] = ["ANALYST", "CLINIC_ADMIN"];

export function canSeeAnalytics(role: Role | undefined): boolean {
  return role !== undefined && ANALYTICS_ROLES.includes(role);
}

export function RequireAnalyticsRole({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  if (!canSeeAnalytics(me?.role))
    return (
      <Alert color="gray" title="Outcome analytics are for analysts and clinic admins" maw={640}>
        Ask your clinic admin if you need the group's de-identified outcome data.
      </Alert>
    );
  return children;
}

import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { Outlet } from "react-router";
import { useAuth } from "../auth/context";

/** Clinic administration is for clinic admins (the API answers FORBIDDEN to everyone else). */
export function RequireAdmin({ children }: { children?: ReactNode }) {
  const { me } = useAuth();
  if (me?.role !== "CLINIC_ADMIN")
    return (
      <Alert color="gray" title="Clinic administration is for clinic admins" maw={640}>
        The serum catalogue, sites, users, settings and the audit trail are managed by your clinic admin.
      </Alert>
    );
  return children ?? <Outlet />;
}

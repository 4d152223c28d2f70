import { NavLink, Text } from "@mantine/core";
import { Link } from "react-router";

const LINKS: { to: string; label: string }[] = [
  { to: "/admin/serums", label: "Serum catalogue" },
  { to: "/admin/lot-trace", label: "Lot trace" },
  { to: "/admin/sites", label: "Sites" },
  { to: "/admin/users", label: "Users" },
  { to: "/admin/settings", label: "Clinic settings" },
  { to: "/admin/audit", label: "Audit trail" },
];

/** The clinic admin's pages in the main navigation (shown to clinic admins only). */
export function AdminNav({ pathname, onNavigate }: { pathname: string; onNavigate: () => void }) {
  return (
    <>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="md" mb={4} px="sm" id="admin-nav-heading">
        Clinic admin
      </Text>
      <div role="group" aria-labelledby="admin-nav-heading">
        {LINKS.map((l) => (
          <NavLink
            key={l.to}
            component={Link}
            to={l.to}
            label={l.label}
            active={pathname.startsWith(l.to)}
            onClick={onNavigate}
          />
        ))}
      </div>
    </>
  );
}

import { AppShell, Badge, Burger, Button, Group, NativeSelect, NavLink, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { Suspense } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { PageLoader } from "./PageLoader";
import { useAuth } from "../auth/context";
import { canSeeAnalytics } from "../analytics/RequireAnalyticsRole";
import { AdminNav } from "../admin/AdminNav";
import type { Role } from "../gql/graphql";

const ROLE_LABEL: Record<Role, string> = {
  PRACTITIONER: "Practitioner",
  CLINIC_ADMIN: "Clinic admin",
  ANALYST: "Analyst",
};

export function Shell() {
  const { me, site, selectSite, signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  if (!me) return null;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 200, breakpoint: "md", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={2} size="h3" c="teal.9">
              Needlework
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {me.groupName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me.sites.length > 1 ? (
              <NativeSelect
                aria-label="Site"
                size="sm"
                value={site?.id ?? ""}
                onChange={(e) => selectSite(e.currentTarget.value)}
                data={me.sites.map((s) => ({ value: s.id, label: s.name }))}
              />
            ) : (
              site && (
                <Text size="sm" fw={500}>
                  {site.name}
                </Text>
              )
            )}
            <Group gap={6} wrap="nowrap" visibleFrom="xs">
              <Text size="sm" fw={600} data-testid="signed-in-user">
                {me.name}
              </Text>
              <Badge variant="outline" color="gray.7" c="dark.7" size="sm">
                {ROLE_LABEL[me.role]}
              </Badge>
            </Group>
            <Button
              variant="default"
              size="sm"
              onClick={() => {
                notifications.clean();
                signOut();
              }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main">
        {me.role !== "ANALYST" && (
          <NavLink component={Link} to="/" label="Today" active={pathname === "/"} onClick={close} />
        )}
        {me.role !== "ANALYST" && (
          <NavLink
            component={Link}
            to="/patients"
            label="Patients"
            active={pathname.startsWith("/patients")}
            onClick={close}
          />
        )}
        {canSeeAnalytics(me.role) && (
          <NavLink
            component={Link}
            to="/analytics"
            label="Outcomes"
            active={pathname.startsWith("/analytics")}
            onClick={close}
          />
        )}
        {me.role === "CLINIC_ADMIN" && <AdminNav pathname={pathname} onNavigate={close} />}
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

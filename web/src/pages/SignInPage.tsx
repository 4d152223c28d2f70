import {
  Alert,
  Badge,
  Center,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { Navigate, useSearchParams } from "react-router";
import { ApiError } from "../api/errors";
import { useAuth } from "../auth/context";
import { CognitoSignIn } from "../auth/CognitoSignIn";
import { demoToken, listDemoUsers, type DemoUser } from "../auth/local";
import { config } from "../config";
import type { Role } from "../gql/graphql";
import classes from "./SignInPage.module.css";

const ROLE_LABEL: Record<Role, string> = {
  PRACTITIONER: "Practitioner",
  CLINIC_ADMIN: "Clinic admin",
  ANALYST: "Analyst",
};

function message(e: unknown): string {
  return e instanceof ApiError ? e.userMessage : "Sign-in failed.";
}

function DemoSignIn({ onError }: { onError: (message: string) => void }) {
  const { signIn } = useAuth();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    listDemoUsers().then(setUsers, (e: unknown) => setLoadError(message(e)));
  }, []);

  if (loadError)
    return (
      <Alert color="red" title="Demo users unavailable">
        {loadError}
      </Alert>
    );
  if (!users)
    return (
      <Center h={120}>
        <Loader aria-label="Loading demo users" />
      </Center>
    );

  const choose = async (email: string) => {
    setBusy(email);
    try {
      await signIn(await demoToken(email));
    } catch (e) {
      onError(message(e));
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" component="ul" className={classes.list} aria-label="Demo users">
      {users.map((u) => (
        <li key={u.email}>
          <UnstyledButton
            className={classes.user}
            onClick={() => void choose(u.email)}
            disabled={busy !== null}
            aria-busy={busy === u.email}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <div>
                <Text fw={600}>Sign in as {u.name}</Text>
                <Text size="sm" c="dimmed">
                  {u.email} · {u.sites.map((s) => s.name).join(", ") || u.groupName}
                </Text>
              </div>
              {busy === u.email ? (
                <Loader size="sm" aria-label="Signing in" />
              ) : (
                <Badge variant="outline" color="teal.9" c="teal.9">
                  {ROLE_LABEL[u.role]}
                </Badge>
              )}
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}

export default function SignInPage() {
  const { status, notice } = useAuth();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  if (status === "signed-in") {
    const next = params.get("next");
    return (
      <Navigate to={next && next.startsWith("/") && !next.startsWith("//") ? next : "/patients"} replace />
    );
  }
  return (
    <main>
      <Container size={520} py="xl">
        <Stack gap="lg">
          <div>
            <Title order={1} c="teal.9">
              Needlework
            </Title>
            <Text c="dimmed">Microneedling consultations, plans, sessions and outcomes.</Text>
          </div>
          <Paper withBorder p="lg" shadow="xs">
            <Stack>
              <Title order={2} size="h3">
                Sign in
              </Title>
              {notice && <Alert color="yellow">{notice}</Alert>}
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              {config.authMode === "local" ? (
                <>
                  <Text size="sm">This is a local demo: choose who to sign in as.</Text>
                  <DemoSignIn onError={setError} />
                </>
              ) : (
                <CognitoSignIn onError={setError} />
              )}
            </Stack>
          </Paper>
        </Stack>
      </Container>
    </main>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { gql } from "../api/client";
import type { ApiError } from "../api/errors";
import { useAuth, useSite } from "../auth/context";
import { ADVERSE_CLASS, DEVICE, INDICATION, ZONE } from "../clinical/labels";
import { addDays, asApiError, daysBetween, todayIso } from "../consultations/shared";
import type { PlansDueQuery, RecentSessionsQuery } from "../gql/graphql";
import { AllergyBadge } from "../patients/badges";
import { formatDate } from "../patients/labels";
import { DueBadge } from "../plans/DueBadge";
import { DUE_KIND, mm } from "../plans/model";
import { newSessionPath, patientPath, planPath, sessionPath } from "../timeline/paths";
import { DANGER_TEXT } from "../theme";
import {
  PlansDueQuery as PlansDueDocument,
  RecentSessionsQuery as RecentSessionsDocument,
} from "./operations";

type DuePlan = PlansDueQuery["plansDue"]["edges"][number]["node"];
type Session = RecentSessionsQuery["recentSessions"]["edges"][number]["node"];

/** How far back an overdue plan still shows: older ones are lapsed courses, not today's work. */
const OVERDUE_LOOKBACK_DAYS = 365;
const HORIZONS = [7, 14, 30] as const;
const PAGE = 25;

/** A paged connection loaded page by page; the latest request wins. */
function usePaged<T>(
  load: (after: string | null) => Promise<{ items: T[]; hasNextPage: boolean; endCursor: string | null }>,
) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const run = useCallback(
    async (after: string | null) => {
      const id = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const page = await load(after);
        if (id !== latest.current) return;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.endCursor);
        setHasNextPage(page.hasNextPage);
      } catch (e) {
        if (id === latest.current) setError(asApiError(e));
      } finally {
        if (id === latest.current) setLoading(false);
      }
    },
    [load],
  );

  useEffect(() => {
    void run(null);
  }, [run]);

  return { items, hasNextPage, loading, error, more: () => void run(cursor) };
}

function whenText(dueOn: string, today: string): string {
  const d = daysBetween(today, dueOn);
  if (d === 0) return "today";
  if (d === 1) return "tomorrow";
  if (d === -1) return "yesterday";
  return d < 0 ? `${-d} days ago` : `in ${d} days`;
}

function DueTable({ plans, today }: { plans: DuePlan[]; today: string }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" striped aria-label="Patients due">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Due for</Table.Th>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Course</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((p) => (
            <Table.Tr key={p.id} data-testid="due-row">
              <Table.Td>
                <Anchor component={Link} to={patientPath(p.patient.id)} fw={600}>
                  {p.patient.familyName}, {p.patient.givenName}
                </Anchor>
                {p.patient.allergies.length > 0 && (
                  <Group gap={4} mt={4}>
                    {p.patient.allergies.map((a) => (
                      <AllergyBadge key={`${a.substance}-${a.kind}`} {...a} />
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={planPath(p.patient.id, p.id)} size="sm">
                  {p.dueKind ? DUE_KIND[p.dueKind] : "Session"}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {p.concerns
                    .map((c) => `${INDICATION[c.indication]} (${ZONE[c.bodyArea].toLowerCase()})`)
                    .join(", ")}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <DueBadge state={p.dueState} />
                  {p.dueOn && (
                    <Text size="sm">
                      {formatDate(p.dueOn)}{" "}
                      <Text span size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                        ({whenText(p.dueOn, today)})
                      </Text>
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {p.progress.done}/{p.progress.planned} done, every {p.intervalWeeks} wk
                </Text>
                {p.lastSessionOn && (
                  <Text size="xs" c="dimmed">
                    last {formatDate(p.lastSessionOn)}
                  </Text>
                )}
                {p.dueKind === "SESSION" && (
                  <Button
                    component={Link}
                    to={newSessionPath(p.patient.id, p.id)}
                    size="xs"
                    variant="light"
                    mt={6}
                    aria-label={`Record session for ${p.patient.givenName} ${p.patient.familyName}`}
                  >
                    Record session
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SessionsTable({ sessions }: { sessions: Session[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" striped aria-label="Recent sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Treatment</Table.Th>
            <Table.Th scope="col">By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => {
            const abnormal = s.adverseEvents.filter((a) => a.classification !== "EXPECTED");
            return (
              <Table.Tr key={s.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Anchor component={Link} to={sessionPath(s.patient.id, s.id)} size="sm">
                    {formatDate(s.performedOn)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={patientPath(s.patient.id)} fw={600}>
                    {s.patient.familyName}, {s.patient.givenName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {DEVICE[s.device.kind]}:{" "}
                    {s.zones.map((z) => `${ZONE[z.zone]} ${mm(z.depthMm)}`).join(", ")}
                  </Text>
                  <Text size="xs" c="dimmed">
                    course {s.plan.progress.done}/{s.plan.progress.planned} done
                  </Text>
                  {abnormal.length > 0 && (
                    <Text size="xs" c={DANGER_TEXT} fw={600}>
                      {abnormal.map((a) => ADVERSE_CLASS[a.classification]).join(", ")} adverse event
                      {abnormal.length === 1 ? "" : "s"}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.practitioner.name}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function TodayPage() {
  const site = useSite();
  const { me } = useAuth();
  const [horizon, setHorizon] = useState<(typeof HORIZONS)[number]>(14);
  const today = todayIso();
  const from = addDays(today, -OVERDUE_LOOKBACK_DAYS);
  const to = addDays(today, horizon);

  const loadDue = useCallback(
    async (after: string | null) => {
      const { plansDue } = await gql(PlansDueDocument, { siteId: site.id, from, to, first: PAGE, after });
      return {
        items: plansDue.edges.map((e) => e.node),
        hasNextPage: plansDue.pageInfo.hasNextPage,
        endCursor: plansDue.pageInfo.endCursor ?? null,
      };
    },
    [site.id, from, to],
  );
  const loadSessions = useCallback(
    async (after: string | null) => {
      const { recentSessions } = await gql(RecentSessionsDocument, { siteId: site.id, first: 10, after });
      return {
        items: recentSessions.edges.map((e) => e.node),
        hasNextPage: recentSessions.pageInfo.hasNextPage,
        endCursor: recentSessions.pageInfo.endCursor ?? null,
      };
    },
    [site.id],
  );
  const due = usePaged(loadDue);
  const sessions = usePaged(loadSessions);
  const overdue = due.items.filter((p) => p.dueState === "OVERDUE").length;

  return (
    <Stack maw={1200}>
      <div>
        <Title order={1}>Today</Title>
        <Text c="dimmed">
          {formatDate(today)} · {site.name}
          {me ? ` · ${me.name}` : ""}
        </Text>
      </div>

      <Paper withBorder p="md" component="section" aria-labelledby="due-title">
        <Group justify="space-between" align="flex-end" mb="sm">
          <div>
            <Title order={2} size="h3" id="due-title">
              Patients due
            </Title>
            <Text size="sm" c="dimmed">
              Next sessions and retreatments at {site.name}: overdue first, then the next {horizon} days.
            </Text>
          </div>
          <Group gap="xs" align="center">
            <Text size="sm" id="horizon-label">
              Look ahead
            </Text>
            <SegmentedControl
              aria-labelledby="horizon-label"
              value={String(horizon)}
              onChange={(v) => setHorizon(Number(v) as (typeof HORIZONS)[number])}
              data={HORIZONS.map((h) => ({ value: String(h), label: `${h} days` }))}
            />
          </Group>
        </Group>
        {due.error && (
          <Alert color="red" title="The due list could not be loaded" role="alert">
            {due.error.userMessage}
          </Alert>
        )}
        <Text size="sm" aria-live="polite" mb="xs">
          {due.loading && due.items.length === 0 ? (
            "Loading…"
          ) : (
            <>
              {due.items.length}
              {due.hasNextPage ? "+" : ""} patient{due.items.length === 1 ? "" : "s"} due
              {overdue > 0 && (
                <Text span c={DANGER_TEXT} fw={700}>
                  {" "}
                  ({overdue} overdue)
                </Text>
              )}
            </>
          )}
        </Text>
        {due.items.length > 0 && <DueTable plans={due.items} today={today} />}
        {!due.loading && !due.error && due.items.length === 0 && (
          <Text size="sm" py="sm" data-testid="due-empty">
            Nobody is due at {site.name} in the next {horizon} days and nobody is overdue. Patients appear
            here when a treatment plan’s next session (or retreatment after a completed course) falls in this
            window; plans are made from a consultation on the patient’s page.
          </Text>
        )}
        {due.hasNextPage && (
          <Group justify="center" mt="sm">
            <Button variant="default" loading={due.loading} onClick={due.more}>
              Load more
            </Button>
          </Group>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="recent-title">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={2} size="h3" id="recent-title">
              Recent sessions
            </Title>
            <Text size="sm" c="dimmed">
              The latest sessions recorded at {site.name}, newest first.
            </Text>
          </div>
          {sessions.loading && <Loader size="xs" aria-label="Loading sessions" />}
        </Group>
        {sessions.error && (
          <Alert color="red" title="Recent sessions could not be loaded" role="alert">
            {sessions.error.userMessage}
          </Alert>
        )}
        {sessions.items.length > 0 && <SessionsTable sessions={sessions.items} />}
        {!sessions.loading && !sessions.error && sessions.items.length === 0 && (
          <Text size="sm" py="sm" data-testid="sessions-empty">
            No session has been recorded at {site.name} yet. Sessions recorded against a treatment plan show
            here, with the zones, depths and any adverse event.
          </Text>
        )}
        {sessions.hasNextPage && (
          <Group justify="center" mt="sm">
            <Button variant="default" loading={sessions.loading} onClick={sessions.more}>
              Load more
            </Button>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}

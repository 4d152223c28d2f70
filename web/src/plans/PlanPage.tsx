import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { DEVICE, INDICATION, ZONE } from "../clinical/labels";
import { formatScore, SCALES } from "../clinical/scales";
import { consultationPath, newSessionPath } from "../timeline/paths";
import { FindingList } from "../consultations/Findings";
import type { PlanFieldsFragment } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { LoadError } from "../patients/PatientPage";
import { PageLoader } from "../shell/PageLoader";
import { nodeOf } from "../consultations/shared";
import { WARN_TEXT } from "../theme";
import { DueBadge } from "./DueBadge";
import { DUE_KIND, mm, mmRange, PLAN_STATUS } from "./model";
import { TreatmentPlanQuery } from "./operations";

export default function PlanPage() {
  const { planId = "" } = useParams();
  const { data, error, loading } = useQuery(TreatmentPlanQuery, { id: planId });
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  const node = nodeOf(data?.node, "startDate");
  if (!node) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  return <PlanView plan={node} />;
}

/** One reason covers every flag of a planned serum. */
function overridesOf(s: PlanFieldsFragment["plannedSerums"][number]) {
  const o = s.override;
  return o ? s.findings.map((f) => ({ ...o, code: f.code })) : [];
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}

function PlanView({ plan: p }: { plan: PlanFieldsFragment }) {
  const patientPath = `/patients/${encodeURIComponent(p.patient.id)}`;
  const name = `${p.patient.givenName} ${p.patient.familyName}`;
  const pct = p.progress.planned > 0 ? Math.round((p.progress.done / p.progress.planned) * 100) : 0;
  const title = p.concerns.map((c) => INDICATION[c.indication]).join(" + ") || "Treatment plan";

  return (
    <Stack maw={1100}>
      <div>
        <Anchor component={Link} to={patientPath} size="sm">
          ← {name}
        </Anchor>
        <Title order={1}>Plan: {title}</Title>
        <Text c="dimmed">
          {name} · {p.site.name} · from the{" "}
          <Anchor component={Link} to={consultationPath(p.patient.id, p.consultation.id)}>
            consultation on {formatDate(p.consultation.date)}
          </Anchor>
        </Text>
      </div>

      {p.status === "CANCELLED" && (
        <Alert color="gray" title="Cancelled">
          {p.cancelledReason ?? "This plan was cancelled."}
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="progress-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="progress-title">
            Progress
          </Title>
          <Badge variant="light" color="teal" c="teal.9" tt="none">
            {PLAN_STATUS[p.status]}
          </Badge>
        </Group>
        <Text size="sm" mb={6} data-testid="plan-progress">
          {p.progress.done} of {p.progress.planned} sessions done
          {p.progress.remaining > 0 ? `, ${p.progress.remaining} to go` : ""}
        </Text>
        <Progress
          value={pct}
          size="lg"
          color="teal.9"
          aria-label={`${p.progress.done} of ${p.progress.planned} sessions done`}
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md">
          <Fact label={p.dueKind ? DUE_KIND[p.dueKind] : "Next due"}>
            {p.dueOn ? (
              <Group gap={6}>
                <span data-testid="plan-due">{formatDate(p.dueOn)}</span>
                <DueBadge state={p.dueState} />
              </Group>
            ) : (
              "Nothing due"
            )}
          </Fact>
          <Fact label="Last session">{p.lastSessionOn ? formatDate(p.lastSessionOn) : "None yet"}</Fact>
          <Fact label="Started">{formatDate(p.startDate)}</Fact>
          <Fact label="Course ends if on time">{formatDate(p.expectedCompletionOn)}</Fact>
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="course-title">
        <Title order={2} size="h4" id="course-title" mb="sm">
          Course
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
          <Fact label="Sessions">{p.sessionsPlanned}</Fact>
          <Fact label="Interval">
            every {p.intervalWeeks} week{p.intervalWeeks === 1 ? "" : "s"}
          </Fact>
          <Fact label="Device">{p.device ? DEVICE[p.device] : "Not set"}</Fact>
          <Fact label="Concerns">
            {p.concerns.map((c) => (
              <div key={c.id}>
                {INDICATION[c.indication]} ({ZONE[c.bodyArea].toLowerCase()}), baseline{" "}
                {SCALES[c.baselineScale].short}{" "}
                {formatScore(c.baselineScale, c.baselineScore, c.baselineLabel)}
              </div>
            ))}
          </Fact>
        </SimpleGrid>
        <Table verticalSpacing="xs" aria-label="Planned zones">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Zone</Table.Th>
              <Table.Th scope="col">Planned depth</Table.Th>
              <Table.Th scope="col">Range for sessions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.zones.map((z) => (
              <Table.Tr key={z.zone}>
                <Table.Td>{ZONE[z.zone]}</Table.Td>
                <Table.Td>
                  {mm(z.depthMm)}
                  {z.aboveZoneDefault && (
                    <Text span size="xs" c={WARN_TEXT} fw={600}>
                      {" "}
                      (deeper than the zone’s safe default)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{mmRange(z.depthMinMm, z.depthMaxMm)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {p.notes && (
          <Text size="sm" mt="sm">
            Notes: {p.notes}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="serums-title">
        <Title order={2} size="h4" id="serums-title" mb="sm">
          Serum add-ons
        </Title>
        {p.plannedSerums.length === 0 ? (
          <Text size="sm">No serum planned.</Text>
        ) : (
          <Stack gap="sm">
            {p.plannedSerums.map((s) => (
              <div key={s.serumId}>
                <Text fw={600} size="sm">
                  {s.name}
                </Text>
                {s.findings.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No flags when planned.
                  </Text>
                ) : (
                  <FindingList
                    label={`Flags for ${s.name}`}
                    findings={s.findings}
                    overrides={overridesOf(s)}
                    overrideLabel="Planned anyway by"
                  />
                )}
              </div>
            ))}
          </Stack>
        )}
      </Paper>

      <Group justify="flex-end">
        <Button variant="default" component={Link} to={patientPath}>
          Back to patient
        </Button>
        {(p.status === "PLANNED" || p.status === "IN_PROGRESS") && (
          <Button component={Link} to={newSessionPath(p.patient.id, p.id)}>
            Record session
          </Button>
        )}
      </Group>
    </Stack>
  );
}

import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { INDICATION, ZONE } from "../clinical/labels";
import { LoadError } from "../patients/PatientPage";
import { formatDate } from "../patients/labels";
import { PageLoader } from "../shell/PageLoader";
import { useCatalogue } from "./catalogue";
import { PatientPlansQuery, SessionRecorderQuery } from "./operations";
import { SessionRecorder } from "./SessionRecorder";
import { isPlan } from "./sessionForm";

export default function SessionRecorderPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const planId = params.get("plan");
  if (!planId) return <PlanPicker patientId={id} />;
  return <RecorderLoader patientId={id} planId={planId} />;
}

function RecorderLoader({ patientId, planId }: { patientId: string; planId: string }) {
  const { data, error, loading, refetch } = useQuery(SessionRecorderQuery, { patientId, planId });
  const catalogue = useCatalogue();
  if ((loading && !data) || (!catalogue.serums && !catalogue.error)) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  if (catalogue.error) return <LoadError error={catalogue.error} />;
  if (!data?.patient) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  const plan = data.plan;
  if (!isPlan(plan))
    return (
      <Stack maw={640}>
        <Alert color="yellow" title="Treatment plan not found" role="alert">
          This plan was not found for the patient. Choose one of their plans instead.
        </Alert>
        <Anchor component={Link} to={`/patients/${encodeURIComponent(patientId)}/sessions/new`}>
          Choose a plan
        </Anchor>
      </Stack>
    );
  if (plan.status === "CANCELLED")
    return (
      <Alert color="yellow" title="This plan was cancelled" role="alert" maw={640}>
        Sessions cannot be recorded against a cancelled plan. Plan again from the patient&apos;s page.
      </Alert>
    );
  return (
    <SessionRecorder
      key={plan.id}
      patient={data.patient}
      plan={plan}
      questions={data.screeningQuestions}
      catalogue={catalogue.serums ?? []}
      onReload={refetch}
    />
  );
}

/** Opened without ?plan=: the patient's open plans to record against. */
function PlanPicker({ patientId }: { patientId: string }) {
  const { data, error, loading } = useQuery(PatientPlansQuery, { patientId, after: null });
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  const p = data?.patient;
  if (!p) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  const plans = p.timeline.edges
    .map((e) => e.node)
    .filter((n): n is Extract<typeof n, { sessionsPlanned: number }> => "sessionsPlanned" in n)
    .filter((n) => n.status !== "CANCELLED");
  const base = `/patients/${encodeURIComponent(p.id)}`;
  return (
    <Stack maw={760}>
      <Title order={1}>
        Record a session for {p.givenName} {p.familyName}
      </Title>
      {plans.length === 0 ? (
        <Alert color="yellow" title="No treatment plan yet">
          A session is recorded against a treatment plan. Hold a consultation and build a plan first.
        </Alert>
      ) : (
        <Text>Choose the plan this session belongs to.</Text>
      )}
      {plans.map((plan) => (
        <Card key={plan.id} withBorder>
          <Group justify="space-between">
            <div>
              <Text fw={600}>
                {plan.concerns.map((c) => `${INDICATION[c.indication]} (${ZONE[c.bodyArea]})`).join(", ")}
              </Text>
              <Text size="sm" c="dimmed">
                From {formatDate(plan.startDate)} · {plan.progress.done} of {plan.sessionsPlanned} sessions
                done
              </Text>
            </div>
            <Button component={Link} to={`${base}/sessions/new?plan=${encodeURIComponent(plan.id)}`}>
              Record session
            </Button>
          </Group>
        </Card>
      ))}
      <Anchor component={Link} to={base}>
        Back to the patient
      </Anchor>
    </Stack>
  );
}

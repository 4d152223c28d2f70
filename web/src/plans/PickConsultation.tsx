import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { INDICATION, ZONE } from "../clinical/labels";
import { formatDate } from "../patients/labels";
import { LoadError } from "../patients/PatientPage";
import { PageLoader } from "../shell/PageLoader";
import { PatientConsultationsQuery } from "./operations";

/** Opened without a consultation: the plan is built from one, so pick it. */
export function PickConsultation({ patientId }: { patientId: string }) {
  const { data, error, loading } = useQuery(PatientConsultationsQuery, { patientId });
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  const p = data?.patient;
  if (!p) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  const byId = new Map<string, { id: string; date: string; cleared: boolean; concerns: string[] }>();
  for (const c of p.concerns) {
    const entry = byId.get(c.consultation.id) ?? { ...c.consultation, concerns: [] };
    entry.concerns.push(`${INDICATION[c.indication]} (${ZONE[c.bodyArea].toLowerCase()})`);
    byId.set(c.consultation.id, entry);
  }
  const consultations = [...byId.values()].sort((a, b) => b.date.localeCompare(a.date));
  const patientPath = `/patients/${encodeURIComponent(p.id)}`;
  return (
    <Stack maw={800}>
      <Anchor component={Link} to={patientPath} size="sm">
        ← {p.givenName} {p.familyName}
      </Anchor>
      <Title order={1}>New treatment plan</Title>
      {consultations.length === 0 ? (
        <Alert color="gray" title="A consultation comes first">
          A plan is built from the concerns recorded at a consultation, after the contraindication screen.{" "}
          <Anchor component={Link} to={`${patientPath}/consultations/new`} inherit fw={600}>
            Record a consultation
          </Anchor>
          .
        </Alert>
      ) : (
        <>
          <Text>Choose the consultation whose concerns the plan treats.</Text>
          <Stack gap="xs">
            {consultations.map((c) => (
              <Paper key={c.id} withBorder p="sm">
                <Group justify="space-between">
                  <div>
                    <Anchor component={Link} to={`?consultation=${encodeURIComponent(c.id)}`} fw={600}>
                      Consultation on {formatDate(c.date)}
                    </Anchor>
                    <Text size="sm">{c.concerns.join(", ")}</Text>
                  </div>
                  {!c.cleared && (
                    <Badge color="red.9" tt="none">
                      Block to override
                    </Badge>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

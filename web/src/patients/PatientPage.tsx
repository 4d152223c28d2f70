import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import type { PatientFieldsFragment } from "../gql/graphql";
import { PageLoader } from "../shell/PageLoader";
import {
  ageOn,
  ALLERGY_KIND,
  BLOCKING_FLAGS,
  FITZPATRICK,
  fitzpatrickRisk,
  formatDate,
  HISTORY_FLAG,
  MEDICATION_CLASS,
  SCREENED_MEDICATIONS,
  SEVERITY,
} from "./labels";
import { DANGER_TEXT, WARN_TEXT } from "../theme";
import { AllergyBadge } from "./badges";
import { useAuth } from "../auth/context";
import { ErasePatientButton } from "./ErasePatient";
import { FindingList, type Finding } from "../consultations/Findings";
import { PatientRecordQuery } from "../timeline/operations";
import { Timeline, TIMELINE_PAGE } from "../timeline/Timeline";
import classes from "./PatientPage.module.css";

export function LoadError({ error }: { error: ApiError }) {
  return (
    <Stack maw={640}>
      <Alert color={error.code === "NOT_FOUND" ? "yellow" : "red"} title="Patient unavailable" role="alert">
        {error.code === "NOT_FOUND"
          ? "This patient was not found at your clinic. They may have been archived, or the link is wrong."
          : error.code === "FORBIDDEN"
            ? "You do not have access to this patient."
            : error.userMessage}
      </Alert>
      <Anchor component={Link} to="/patients">
        Back to patients
      </Anchor>
    </Stack>
  );
}

export default function PatientPage() {
  const { id = "" } = useParams();
  // One request: the record, its standing contraindication flags and the newest timeline page.
  const { data, error, loading } = useQuery(PatientRecordQuery, { id, first: TIMELINE_PAGE });
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  if (!data?.patient) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  return (
    <Stack gap="xl">
      <PatientHeader patient={data.patient} flags={data.patient.activeFlags} />
      <Timeline key={data.patient.id} patientId={data.patient.id} first={data.patient.timeline} />
    </Stack>
  );
}

/** What must never be out of sight while treating: allergies, skin type, medications, history. */
function PatientHeader({ patient: p, flags }: { patient: PatientFieldsFragment; flags: Finding[] }) {
  const isAdmin = useAuth().me?.role === "CLINIC_ADMIN";
  const current = p.medications.filter((m) => !m.stoppedOn);
  const past = p.medications.filter((m) => m.stoppedOn);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>
            {p.givenName} {p.familyName}
          </Title>
          <Text c="dimmed">
            Born {formatDate(p.dateOfBirth)} (age {ageOn(p.dateOfBirth)}) · {p.site.name}
            {p.archived ? " · archived" : ""}
          </Text>
          {(p.phone || p.email) && <Text size="sm">{[p.phone, p.email].filter(Boolean).join(" · ")}</Text>}
        </div>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/patients">
            All patients
          </Button>
          <Button component={Link} to={`/patients/${encodeURIComponent(p.id)}/edit`}>
            Edit patient
          </Button>
          {isAdmin && <ErasePatientButton patient={p} />}
        </Group>
      </Group>

      <Paper withBorder p="md" className={classes.safety} aria-label="Safety summary" component="section">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <div>
            <Title order={2} size="h5" mb={6}>
              Allergies and sensitivities
            </Title>
            {p.allergies.length === 0 ? (
              <Text size="sm">None recorded</Text>
            ) : (
              <Stack gap={6}>
                {p.allergies.map((a) => (
                  <Group key={`${a.substance}-${a.kind}`} gap={6} wrap="nowrap" align="flex-start">
                    <AllergyBadge {...a} />
                    <Text size="sm">
                      {ALLERGY_KIND[a.kind]}, {SEVERITY[a.severity].toLowerCase()}
                      {a.reaction ? `: ${a.reaction}` : ""}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </div>

          <div>
            <Title order={2} size="h5" mb={6}>
              Fitzpatrick skin type
            </Title>
            {p.fitzpatrick ? (
              <>
                <Text size="sm" fw={600}>
                  {FITZPATRICK[p.fitzpatrick]}
                </Text>
                {fitzpatrickRisk(p.fitzpatrick) && (
                  <Text size="sm" c={WARN_TEXT}>
                    Risk of post-inflammatory hyperpigmentation: conservative depth.
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm" c={WARN_TEXT}>
                Not assessed yet
              </Text>
            )}
          </div>

          <div>
            <Title order={2} size="h5" mb={6}>
              Medications
            </Title>
            {p.medications.length === 0 ? (
              <Text size="sm">None recorded</Text>
            ) : (
              <List size="sm" spacing={4} listStyleType="none" p={0}>
                {[...current, ...past].map((m, i) => (
                  <List.Item key={`${m.name}-${i}`}>
                    <Text
                      span
                      fw={SCREENED_MEDICATIONS.has(m.class) && !m.stoppedOn ? 700 : 500}
                      size="sm"
                      c={SCREENED_MEDICATIONS.has(m.class) && !m.stoppedOn ? DANGER_TEXT : undefined}
                    >
                      {m.name}
                    </Text>{" "}
                    <Text span size="sm" c="dimmed">
                      ({MEDICATION_CLASS[m.class]}
                      {m.startedOn ? `, from ${formatDate(m.startedOn)}` : ""}
                      {m.stoppedOn ? `, stopped ${formatDate(m.stoppedOn)}` : ", current"})
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>

          <div>
            <Title order={2} size="h5" mb={6}>
              Medical history
            </Title>
            {p.historyFlags.length === 0 ? (
              <Text size="sm">Nothing recorded</Text>
            ) : (
              <Stack gap={4}>
                {p.historyFlags.map((f) => (
                  <Text key={f} size="sm" c={BLOCKING_FLAGS.has(f) ? DANGER_TEXT : WARN_TEXT} fw={600}>
                    {HISTORY_FLAG[f]}
                  </Text>
                ))}
              </Stack>
            )}
          </div>
        </SimpleGrid>
        <div className={classes.flags}>
          <Title order={2} size="h5" mb={6}>
            Contraindication flags
          </Title>
          {flags.length === 0 ? (
            <Text size="sm">
              None standing (the day’s answers are screened at each consultation and session)
            </Text>
          ) : (
            <FindingList findings={flags} label="Contraindication flags" />
          )}
        </div>
      </Paper>
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { INDICATION, ZONE } from "../clinical/labels";
import { formatScore, SCALES } from "../clinical/scales";
import type { ConsultationFieldsFragment, ConsultationQuery } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { LoadError } from "../patients/PatientPage";
import { PageLoader } from "../shell/PageLoader";
import { DANGER_TEXT } from "../theme";
import { newPlanPath } from "../timeline/paths";
import { FindingList, formatInstant, type Finding } from "./Findings";
import { ConsultationQuery as ConsultationDocument, OverrideContraindicationMutation } from "./operations";
import { asApiError, nodeOf, useIdempotencyKey } from "./shared";

type Question = ConsultationQuery["screeningQuestions"][number];

export default function ConsultationPage() {
  const { consultationId = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(ConsultationDocument, { id: consultationId });
  const [latest, setLatest] = useState<ConsultationFieldsFragment | null>(null);
  if (loading && !data) return <PageLoader />;
  if (error)
    return (
      <LoadError error={error.code === "NOT_FOUND" ? new ApiError("NOT_FOUND", error.message) : error} />
    );
  const node = nodeOf(data?.node, "date");
  if (!data || !node) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  // An override answers with the consultation as saved; show that until the page reloads.
  const consultation = latest && latest.version >= node.version ? latest : node;
  return (
    <ConsultationView
      consultation={consultation}
      questions={data.screeningQuestions}
      onChanged={setLatest}
      reload={async () => {
        const r = await refetch();
        const n = nodeOf(r?.node, "date");
        if (n) setLatest(n);
      }}
    />
  );
}

function answerText(c: ConsultationFieldsFragment, q: Question): string {
  const v = (c.answers as Record<string, boolean | string | null | undefined>)[q.key];
  if (q.kind === "BOOLEAN") return v === true ? "Yes" : v === false ? "No" : "Not answered";
  return typeof v === "string" && v ? formatDate(v) : "None";
}

function OverrideForm({
  consultation,
  finding,
  onDone,
  onCancel,
  reload,
}: {
  consultation: ConsultationFieldsFragment;
  finding: Finding;
  onDone: (c: ConsultationFieldsFragment) => void;
  onCancel: () => void;
  reload: () => Promise<void>;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const keyFor = useIdempotencyKey();
  const ref = useRef<HTMLTextAreaElement>(null);

  const submit = async () => {
    setError(null);
    setNotice(null);
    const trimmed = reason.trim();
    if (!trimmed) {
      setError("Give the reason for overriding: it is recorded with your name.");
      ref.current?.focus();
      return;
    }
    setSaving(true);
    const vars = {
      consultationId: consultation.id,
      version: consultation.version,
      code: finding.code,
      reason: trimmed,
    };
    try {
      const r = await gql(OverrideContraindicationMutation, { ...vars, idempotencyKey: keyFor(vars) });
      onDone(r.overrideContraindication.consultation);
    } catch (e) {
      const err = asApiError(e);
      if (err.code === "BAD_USER_INPUT") {
        setError(err.fields.map((f) => f.reason).join("; ") || err.message);
        ref.current?.focus();
      } else if (err.code === "CONFLICT") {
        // Someone changed the consultation: reload it; the reason typed stays in the box.
        await reload();
        setNotice(
          "The consultation changed since you opened it and has been reloaded. Check it and record the override again.",
        );
      } else setError(err.userMessage);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="sm" mt={4} bg="gray.0">
      <Stack gap="xs">
        {notice && (
          <Alert color="orange" role="alert">
            {notice}
          </Alert>
        )}
        <Textarea
          ref={ref}
          label="Reason for overriding"
          description="Recorded with your name and the time, in the record and the audit trail."
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          // Opened by the override button: the reason is the next thing to type.
          autoFocus
        />
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={onCancel}>
            Cancel
          </Button>
          <Button size="xs" color="red.9" loading={saving} onClick={() => void submit()}>
            Record override
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ConsultationView({
  consultation: c,
  questions,
  onChanged,
  reload,
}: {
  consultation: ConsultationFieldsFragment;
  questions: Question[];
  onChanged: (c: ConsultationFieldsFragment) => void;
  reload: () => Promise<void>;
}) {
  const [overriding, setOverriding] = useState<string | null>(null);
  const patientPath = `/patients/${encodeURIComponent(c.patient.id)}`;
  const unresolved = new Set(c.unresolvedBlocks.map((f) => f.code));
  const name = `${c.patient.givenName} ${c.patient.familyName}`;

  return (
    <Stack maw={1100}>
      <div>
        <Anchor component={Link} to={patientPath} size="sm">
          ← {name}
        </Anchor>
        <Title order={1}>Consultation on {formatDate(c.date)}</Title>
        <Text c="dimmed">
          {name} · {c.site.name} · {c.practitioner.name}
        </Text>
      </div>

      {c.cleared ? (
        <Alert color="teal" title="Cleared for treatment planning" role="status">
          {c.findings.some((f) => f.level === "BLOCK")
            ? "Every block has been overridden with a reason. "
            : "The screen found no block. "}
          {c.findings.some((f) => f.level === "WARN") &&
            "Warnings are listed below: keep them in mind when planning."}
        </Alert>
      ) : (
        <Alert color="red" title="Not cleared: a plan cannot be made yet" role="alert">
          {c.unresolvedBlocks.length} block{c.unresolvedBlocks.length === 1 ? "" : "s"} without an override. A
          prescriber may override each with a reason, or treatment waits until it no longer applies.
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="findings-title">
        <Title order={2} size="h4" id="findings-title" mb="sm">
          Contraindication screen
        </Title>
        {c.findings.length === 0 ? (
          <Text size="sm">No contraindications were found on the consultation day.</Text>
        ) : (
          <FindingList
            label="Findings"
            findings={c.findings}
            overrides={c.overrides}
            action={(f) =>
              f.level === "BLOCK" && unresolved.has(f.code) ? (
                f.overridable === false ? (
                  <Text size="sm" c="dimmed">
                    This block cannot be overridden.
                  </Text>
                ) : overriding === f.code ? (
                  <OverrideForm
                    consultation={c}
                    finding={f}
                    reload={reload}
                    onCancel={() => setOverriding(null)}
                    onDone={(next) => {
                      setOverriding(null);
                      onChanged(next);
                    }}
                  />
                ) : (
                  <Group>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      onClick={() => setOverriding(f.code)}
                      aria-label={`Override: ${f.reason}`}
                    >
                      Override with a reason…
                    </Button>
                  </Group>
                )
              ) : null
            }
          />
        )}
        {c.overrides.length > 0 && (
          <Text size="xs" c="dimmed" mt="sm">
            Overrides are part of the record and the audit trail; the latest was recorded{" "}
            {formatInstant(c.overrides[c.overrides.length - 1]?.at ?? c.createdAt)}.
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="concerns-title">
        <Title order={2} size="h4" id="concerns-title" mb="sm">
          Concerns
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-labelledby="concerns-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Concern</Table.Th>
                <Table.Th scope="col">Area</Table.Th>
                <Table.Th scope="col">Baseline</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.concerns.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {INDICATION[k.indication]}
                    </Text>
                    {k.notes && (
                      <Text size="xs" c="dimmed">
                        {k.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {ZONE[k.bodyArea]}
                      {k.zones.length > 0 && ` (zones: ${k.zones.map((z) => ZONE[z]).join(", ")})`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {SCALES[k.baselineScale].short}:{" "}
                      {formatScore(k.baselineScale, k.baselineScore, k.baselineLabel)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="answers-title">
        <Title order={2} size="h4" id="answers-title" mb="sm">
          Screening answers
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {questions.map((q) => (
            <Group key={q.key} justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
              <Text size="sm">{q.label}</Text>
              <Text
                size="sm"
                fw={answerText(c, q) === "Yes" ? 700 : 600}
                c={answerText(c, q) === "Yes" ? DANGER_TEXT : undefined}
                style={{ flexShrink: 0 }}
              >
                {answerText(c, q)}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </Paper>

      <Group justify="flex-end">
        <Button variant="default" component={Link} to={patientPath}>
          Back to patient
        </Button>
        <Button component={Link} to={newPlanPath(c.patient.id, c.id)}>
          Build a treatment plan
        </Button>
      </Group>
    </Stack>
  );
}

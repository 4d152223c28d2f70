import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { ZONE } from "../clinical/labels";
import type { SessionsByLotQuery } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { PageLoader } from "../shell/PageLoader";
import { lotLabel, useCatalogue } from "../sessions/catalogue";
import { LotBadge } from "./LotBadge";
import { SessionsByLotQuery as SessionsByLotDocument } from "./operations";
import { usePaged } from "./paged";

type Edge = SessionsByLotQuery["sessionsByLot"]["edges"][number];

/** "Which patients received lot X": every application of a serum lot, newest first. */
export default function LotTracePage() {
  const [params, setParams] = useSearchParams();
  const catalogue = useCatalogue();
  const serumId = params.get("serum") ?? "";
  const lotNumber = params.get("lot") ?? "";
  const [draft, setDraft] = useState({ serumId, lotNumber });
  const [errors, setErrors] = useState<{ serumId?: string; lotNumber?: string }>({});

  if (!catalogue.serums && !catalogue.error) return <PageLoader />;
  const serums = catalogue.serums ?? [];
  const draftSerum = serums.find((s) => s.id === draft.serumId);
  const serum = serums.find((s) => s.id === serumId);
  const lot = serum?.lots.find((l) => l.lotNumber.toLowerCase() === lotNumber.toLowerCase());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!draft.serumId) next.serumId = "Serum is required";
    if (!draft.lotNumber.trim()) next.lotNumber = "Lot number is required";
    else if (draft.lotNumber.trim().length > 64) next.lotNumber = "Lot number must be at most 64 characters";
    setErrors(next);
    if (Object.keys(next).length === 0) setParams({ serum: draft.serumId, lot: draft.lotNumber.trim() });
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Lot trace</Title>
        <Text c="dimmed">
          Who received a serum lot: every application, newest first, with the patient to contact.
        </Text>
      </div>
      {catalogue.error && (
        <Alert color="red" role="alert" title="The catalogue could not be loaded">
          {catalogue.error.userMessage}
        </Alert>
      )}
      <Paper withBorder p="md">
        <form noValidate onSubmit={submit} aria-label="Trace a lot">
          <Group align="flex-start" wrap="wrap">
            <NativeSelect
              label="Serum"
              required
              miw={280}
              value={draft.serumId}
              error={errors.serumId}
              onChange={(e) => setDraft({ serumId: e.currentTarget.value, lotNumber: "" })}
              data={[
                { value: "", label: "Choose a serum" },
                ...serums.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            {draftSerum && draftSerum.lots.length > 0 ? (
              <NativeSelect
                label="Lot"
                required
                miw={260}
                value={draft.lotNumber}
                error={errors.lotNumber}
                onChange={(e) => {
                  const lotNumber = e.currentTarget.value;
                  setDraft((d) => ({ ...d, lotNumber }));
                }}
                data={[
                  { value: "", label: "Choose a lot" },
                  ...draftSerum.lots.map((l) => ({ value: l.lotNumber, label: lotLabel(l, formatDate) })),
                ]}
              />
            ) : (
              <TextInput
                label="Lot number"
                required
                value={draft.lotNumber}
                error={errors.lotNumber}
                onChange={(e) => {
                  const lotNumber = e.currentTarget.value;
                  setDraft((d) => ({ ...d, lotNumber }));
                }}
              />
            )}
            <Button type="submit" mt={24}>
              Trace
            </Button>
          </Group>
        </form>
      </Paper>
      {serumId && lotNumber && (
        <TraceResults
          serumId={serumId}
          lotNumber={lotNumber}
          serumName={serum?.name ?? "this serum"}
          lot={lot}
        />
      )}
    </Stack>
  );
}

function TraceResults({
  serumId,
  lotNumber,
  serumName,
  lot,
}: {
  serumId: string;
  lotNumber: string;
  serumName: string;
  lot: { lotNumber: string; expiresOn: string; expired: boolean } | undefined;
}) {
  const trace = usePaged(
    SessionsByLotDocument,
    { serumId, lotNumber },
    (r: SessionsByLotQuery) => r.sessionsByLot,
  );
  const edges: Edge[] = trace.items;
  const patients = new Set(edges.map((e) => e.node.patient.id));
  if (trace.loading && edges.length === 0) return <PageLoader />;
  return (
    <Stack gap="sm" component="section" aria-labelledby="trace-heading">
      <Group gap="sm">
        <Title order={2} size="h3" id="trace-heading">
          {serumName}, lot {lotNumber}
        </Title>
        {lot ? (
          <LotBadge lot={lot} />
        ) : (
          <Text size="sm" c="dimmed">
            (not a lot in the catalogue)
          </Text>
        )}
      </Group>
      {trace.error ? (
        <Alert color="red" role="alert" title="The trace could not be run">
          {trace.error.userMessage}
        </Alert>
      ) : (
        <Text aria-live="polite" data-testid="trace-summary">
          {edges.length === 0
            ? "Nobody has received this lot."
            : `${edges.length} application${edges.length === 1 ? "" : "s"} to ${patients.size} patient${
                patients.size === 1 ? "" : "s"
              }${trace.hasNextPage ? " so far (more below)" : ""}.`}
        </Text>
      )}
      {edges.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={`Patients who received lot ${lotNumber}`} striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Session</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Contact</Table.Th>
                <Table.Th>Zone</Table.Th>
                <Table.Th>Site and practitioner</Table.Th>
                <Table.Th>Adverse events</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {edges.map((e) => {
                const p = e.node.patient;
                const base = `/patients/${encodeURIComponent(p.id)}`;
                const events = e.node.adverseEvents.filter((a) => a.serum?.id === serumId);
                return (
                  <Table.Tr key={e.cursor}>
                    <Table.Td>
                      <Anchor component={Link} to={`${base}/sessions/${encodeURIComponent(e.node.id)}`}>
                        {formatDate(e.performedOn)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={base} fw={600}>
                        {p.familyName}, {p.givenName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        Born {formatDate(p.dateOfBirth)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{[p.phone, p.email].filter(Boolean).join(" · ") || "—"}</Text>
                    </Table.Td>
                    <Table.Td>{ZONE[e.zone]}</Table.Td>
                    <Table.Td>
                      {e.node.site.name} · {e.node.practitioner.name}
                    </Table.Td>
                    <Table.Td>
                      {events.length === 0 ? (
                        <Text size="sm">None recorded</Text>
                      ) : (
                        events.map((a, i) => (
                          <Text key={i} size="sm" c="red.9" fw={600}>
                            {a.label}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {trace.hasNextPage && (
        <Group>
          <Button variant="default" loading={trace.loading} onClick={trace.loadMore}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

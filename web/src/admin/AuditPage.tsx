import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Link, useSearchParams } from "react-router";
import { useState } from "react";
import { useQuery } from "../api/useQuery";
import { useAuth } from "../auth/context";
import type {
  AuditByUserQuery,
  AuditEntryFieldsFragment,
  AuditOutcome,
  AuditTrailQuery,
  UsersQuery,
} from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { detailCell, patientIdFrom, patientTrailPath } from "./audit";
import { PageLoader } from "../shell/PageLoader";
import {
  AuditByUserQuery as AuditByUserDocument,
  AuditPatientSearchQuery,
  AuditTrailQuery as AuditTrailDocument,
  UsersQuery as UsersDocument,
} from "./operations";
import { usePaged } from "./paged";

type Entry = AuditEntryFieldsFragment;

const OUTCOME: Record<AuditOutcome, { label: string; color: string; c: string }> = {
  OK: { label: "OK", color: "teal", c: "teal.9" },
  DENIED: { label: "Denied", color: "red", c: "red.9" },
  NOT_FOUND: { label: "Not found", color: "yellow", c: "#8a4a00" },
  CONFLICT: { label: "Conflict", color: "yellow", c: "#8a4a00" },
  CONTRAINDICATED: { label: "Contraindicated", color: "orange", c: "#9c3b07" },
  ERROR: { label: "Error", color: "red", c: "red.9" },
};

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });

/** The audit trail per patient or per user (clinic admins): who did what, when, and how it ended. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const userId = params.get("user");
  const patientId = params.get("patient");
  const mode = userId ? "user" : "patient";
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Audit trail</Title>
        <Text c="dimmed">
          Every access to patient data and every change of administration, refusals included.
        </Text>
      </div>
      <SegmentedControl
        w="fit-content"
        value={mode}
        onChange={(m) => setParams(m === "user" ? { user: "" } : { patient: "" })}
        data={[
          { value: "patient", label: "By patient" },
          { value: "user", label: "By user" },
        ]}
        aria-label="Audit trail of"
      />
      {mode === "user" ? (
        <UserPicker value={userId ?? ""} onChange={(id) => setParams({ user: id })} />
      ) : (
        <PatientPicker value={patientId ?? ""} onChange={(id, name) => setParams({ patient: id, name })} />
      )}
      {mode === "user" && userId && <UserTrail userId={userId} />}
      {mode === "patient" && patientId && (
        <PatientTrail patientId={patientId} name={params.get("name") ?? ""} />
      )}
    </Stack>
  );
}

function UserPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const users = usePaged(UsersDocument, {}, (r: UsersQuery) => r.users);
  return (
    <NativeSelect
      label="User"
      maw={420}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: "", label: users.loading ? "Loading users…" : "Choose a user" },
        ...users.items.map(({ node: u }) => ({ value: u.id, label: `${u.name} (${u.email})` })),
      ]}
    />
  );
}

function PatientPicker({ value, onChange }: { value: string; onChange: (id: string, name: string) => void }) {
  const { me, site } = useAuth();
  const [siteId, setSiteId] = useState(site?.id ?? me?.sites[0]?.id ?? "");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data, loading } = useQuery(AuditPatientSearchQuery, { siteId, search: debounced || null });
  const found = data?.patients.edges.map((e) => e.node) ?? [];
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label="Site"
          value={siteId}
          onChange={(e) => setSiteId(e.currentTarget.value)}
          data={(me?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <TextInput
          label="Patient name"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          miw={240}
        />
      </Group>
      <Group gap="xs" mt="sm" aria-live="polite">
        {loading && <Text size="sm">Searching…</Text>}
        {!loading && found.length === 0 && <Text size="sm">No patient found at this site.</Text>}
        {found.map((p) => (
          <Button
            key={p.id}
            size="xs"
            variant={p.id === value ? "filled" : "default"}
            onClick={() => onChange(p.id, `${p.givenName} ${p.familyName}`)}
            aria-pressed={p.id === value}
          >
            {p.familyName}, {p.givenName} ({formatDate(p.dateOfBirth)})
          </Button>
        ))}
      </Group>
      <PatientIdForm onOpen={(id) => onChange(id, "")} />
    </Paper>
  );
}

/** An erased patient is in no list: its trail opens by the patient's id (or a link to its page). */
function PatientIdForm({ onOpen }: { onOpen: (id: string) => void }) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      noValidate
      aria-label="Open a trail by patient id"
      onSubmit={(e) => {
        e.preventDefault();
        const id = patientIdFrom(text);
        if (!id) return setProblem("Paste a patient id or a link to the patient's page");
        setProblem(null);
        onOpen(id);
      }}
    >
      <Group align="flex-end" wrap="wrap" mt="sm">
        <TextInput
          label="Or patient id"
          description="For a patient no longer listed, e.g. an erased one"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setProblem(null);
          }}
          error={problem}
          miw={320}
        />
        <Button type="submit" variant="default">
          Open trail
        </Button>
      </Group>
    </form>
  );
}

function PatientTrail({ patientId, name }: { patientId: string; name: string }) {
  const trail = usePaged(AuditTrailDocument, { patientId }, (r: AuditTrailQuery) => r.auditTrail);
  return (
    <Trail
      title={`Who accessed ${name || "this patient"}'s record`}
      entries={trail.items.map((e) => e.node)}
      loading={trail.loading}
      error={trail.error?.userMessage}
      hasNextPage={trail.hasNextPage}
      loadMore={trail.loadMore}
      showPatient={false}
    />
  );
}

function UserTrail({ userId }: { userId: string }) {
  const trail = usePaged(AuditByUserDocument, { userId }, (r: AuditByUserQuery) => r.auditByUser);
  return (
    <Trail
      title="What this user did"
      entries={trail.items.map((e) => e.node)}
      loading={trail.loading}
      error={trail.error?.userMessage}
      hasNextPage={trail.hasNextPage}
      loadMore={trail.loadMore}
      showPatient
    />
  );
}

function Trail({
  title,
  entries,
  loading,
  error,
  hasNextPage,
  loadMore,
  showPatient,
}: {
  title: string;
  entries: Entry[];
  loading: boolean;
  error: string | undefined;
  hasNextPage: boolean;
  loadMore: () => void;
  showPatient: boolean;
}) {
  if (loading && entries.length === 0) return <PageLoader />;
  return (
    <Stack gap="sm" component="section" aria-labelledby="trail-heading">
      <Title order={2} size="h3" id="trail-heading">
        {title}
      </Title>
      {error && (
        <Alert color="red" role="alert" title="The audit trail could not be loaded">
          {error}
        </Alert>
      )}
      {!error && entries.length === 0 && <Text>No entries.</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={title} striped verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Action</Table.Th>
                {showPatient && <Table.Th>Patient</Table.Th>}
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => {
                const o = OUTCOME[e.outcome];
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{when(e.at)}</Table.Td>
                    <Table.Td>
                      {e.userEmail}
                      <Text size="xs" c="dimmed">
                        {e.role.replace("_", " ").toLowerCase()}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {e.action}
                      </Text>
                    </Table.Td>
                    {showPatient && (
                      <Table.Td>
                        {e.patientId ? (
                          <Group gap="xs" wrap="nowrap">
                            <Anchor
                              component={Link}
                              to={`/patients/${encodeURIComponent(e.patientId)}`}
                              size="sm"
                            >
                              Open
                            </Anchor>
                            {/* An erased patient has no page, but its trail stays. */}
                            <Anchor component={Link} to={patientTrailPath(e.patientId)} size="sm">
                              Trail
                            </Anchor>
                          </Group>
                        ) : (
                          "—"
                        )}
                      </Table.Td>
                    )}
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {/* Never cut to "Not fo…": the label is short, so the column makes room for it. */}
                      <Badge
                        variant="light"
                        color={o.color}
                        c={o.c}
                        tt="none"
                        style={{ flexShrink: 0, overflow: "visible" }}
                        styles={{ label: { overflow: "visible" } }}
                      >
                        {o.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <DetailCell entry={e} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {hasNextPage && (
        <Group>
          <Button variant="default" onClick={loadMore} loading={loading}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function DetailCell({ entry }: { entry: Entry }) {
  const d = detailCell(entry);
  if (!d.erased) return <>{d.text}</>;
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {d.text}
    </Text>
  );
}

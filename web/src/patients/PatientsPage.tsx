import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { useSite } from "../auth/context";
import type { PatientsQuery } from "../gql/graphql";
import { AllergyBadge, FitzpatrickBadge } from "./badges";
import { ageOn, formatDate } from "./labels";
import { PatientsQuery as PatientsDocument } from "./operations";
import classes from "./PatientsPage.module.css";

type Row = PatientsQuery["patients"]["edges"][number]["node"];
const PAGE_SIZE = 25;

export default function PatientsPage() {
  const site = useSite();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [rows, setRows] = useState<Row[]>([]);
  const [endCursor, setEndCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const id = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const { patients } = await gql(PatientsDocument, {
          siteId: site.id,
          search: debounced || null,
          first: PAGE_SIZE,
          after,
        });
        if (id !== latest.current) return;
        const page = patients.edges.map((e) => e.node);
        setRows((prev) => (after ? [...prev, ...page] : page));
        setEndCursor(patients.pageInfo.endCursor ?? null);
        setHasNextPage(patients.pageInfo.hasNextPage);
      } catch (e) {
        if (id === latest.current)
          setError(e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error"));
      } finally {
        if (id === latest.current) setLoading(false);
      }
    },
    [site.id, debounced],
  );

  useEffect(() => {
    void load(null);
    setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [load, debounced, setParams]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Patients</Title>
          <Text c="dimmed">{site.name}</Text>
        </div>
        <Button component={Link} to="/patients/new">
          New patient
        </Button>
      </Group>

      <TextInput
        label="Search by name"
        description="Family name first, e.g. “Smith” or “Smith Jo”"
        placeholder="Family name…"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        rightSection={loading ? <Loader size="xs" aria-hidden /> : null}
      />

      {error && (
        <Alert color="red" title="Patients could not be loaded" role="alert">
          {error.userMessage}
        </Alert>
      )}

      <Text size="sm" aria-live="polite" c="dimmed">
        {!loading || rows.length > 0
          ? `${rows.length}${hasNextPage ? "+" : ""} patient${rows.length === 1 ? "" : "s"}${debounced ? ` matching “${debounced}”` : ""}`
          : "Loading patients…"}
      </Text>

      <Table.ScrollContainer minWidth={640}>
        <Table className={classes.table} striped highlightOnHover verticalSpacing="sm" aria-label="Patients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Date of birth</Table.Th>
              <Table.Th scope="col">Fitzpatrick</Table.Th>
              <Table.Th scope="col">Allergies and sensitivities</Table.Th>
              <Table.Th scope="col">Contact</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${encodeURIComponent(p.id)}`} fw={600}>
                    {p.familyName}, {p.givenName}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatDate(p.dateOfBirth)}{" "}
                  <Text span c="dimmed" size="sm">
                    ({ageOn(p.dateOfBirth)})
                  </Text>
                </Table.Td>
                <Table.Td>
                  {p.fitzpatrick ? (
                    <FitzpatrickBadge type={p.fitzpatrick} />
                  ) : (
                    <Text span c="dimmed" size="sm">
                      not assessed
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.allergies.length === 0 ? (
                    <Text span c="dimmed" size="sm">
                      none recorded
                    </Text>
                  ) : (
                    <Group gap={4}>
                      {p.allergies.map((a) => (
                        <AllergyBadge key={`${a.substance}-${a.kind}`} {...a} />
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.phone ?? ""}</Text>
                  <Text size="sm" c="dimmed">
                    {p.email ?? ""}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
            {!loading && rows.length === 0 && !error && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" ta="center" py="md">
                    {debounced
                      ? `No patient at ${site.name} matches “${debounced}”.`
                      : `No patients at ${site.name} yet.`}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={loading} onClick={() => void load(endCursor)}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

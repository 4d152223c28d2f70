import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { CLEARANCE, CLEARANCE_SHORT } from "../clinical/labels";
import type { SerumCatalogueQuery } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { PageLoader } from "../shell/PageLoader";
import { SerumCatalogueQuery as SerumCatalogueDocument } from "../sessions/operations";
import { usePaged } from "./paged";
import { LotBadge } from "./LotBadge";

export default function SerumsPage() {
  const list = usePaged(SerumCatalogueDocument, {}, (r: SerumCatalogueQuery) => r.serums);
  if (list.loading && list.items.length === 0) return <PageLoader />;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Serum catalogue</Title>
          <Text c="dimmed">
            What may touch needled skin, what it contains, and every lot with its expiry. Expired lots stay
            listed for tracing but can never be applied.
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/admin/lot-trace">
            Trace a lot
          </Button>
          <Button component={Link} to="/admin/serums/new">
            New serum
          </Button>
        </Group>
      </Group>
      {list.error && (
        <Alert color="red" role="alert" title="The catalogue could not be loaded">
          {list.error.userMessage}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Serum catalogue" verticalSpacing="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Serum</Table.Th>
              <Table.Th>Needling</Table.Th>
              <Table.Th>Ingredients and allergens</Table.Th>
              <Table.Th>Lots</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map(({ node: s }) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/serums/${encodeURIComponent(s.id)}`} fw={600}>
                    {s.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {s.sterile === true
                      ? "Sterile"
                      : s.sterile === false
                        ? "Not sterile"
                        : "Sterility not recorded"}{" "}
                    · updated {formatDate(s.updatedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    fw={600}
                    c={s.clearance === "CLEARED_FOR_NEEDLING" ? "teal.9" : "#8a4a00"}
                    title={CLEARANCE[s.clearance]}
                  >
                    {CLEARANCE_SHORT[s.clearance]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.ingredients.join(", ")}</Text>
                  {s.allergens.length > 0 && (
                    <Text size="sm" c="red.9">
                      Allergens: {s.allergens.join(", ")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {s.lots.length === 0 && (
                      <Text size="sm" c="dimmed">
                        No lot
                      </Text>
                    )}
                    {s.lots.map((l) => (
                      <LotBadge key={l.lotNumber} lot={l} />
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Group>
          <Button variant="default" loading={list.loading} onClick={list.loadMore}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

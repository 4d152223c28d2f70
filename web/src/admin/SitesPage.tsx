import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState, type FormEvent } from "react";
import { gql } from "../api/client";
import { validateSiteName } from "@needlework/core";
import { problemsOf } from "../clinical/validate";
import type { SiteFieldsFragment, SitesQuery } from "../gql/graphql";
import { PageLoader } from "../shell/PageLoader";
import { asApiError, ConflictAlert, fieldErrors } from "./common";
import { CreateSiteMutation, SitesQuery as SitesDocument, UpdateSiteMutation } from "./operations";
import { usePaged } from "./paged";

type Site = SiteFieldsFragment;

/** core's validateSiteName: a name a practitioner recognises, at most 100 characters. */
export function siteNameError(name: string): string | undefined {
  const [problem] = problemsOf(() => validateSiteName(name, "name"));
  return problem ? `Name ${problem.reason}` : undefined;
}

export default function SitesPage() {
  const list = usePaged(SitesDocument, {}, (r: SitesQuery) => r.sites);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const key = useRef(crypto.randomUUID());

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const problem = siteNameError(name);
    setError(problem);
    if (problem) return;
    setSaving(true);
    try {
      const { createSite } = await gql(CreateSiteMutation, {
        input: { name: name.trim() },
        idempotencyKey: key.current,
      });
      key.current = crypto.randomUUID();
      setName("");
      notifications.show({ color: "teal", message: `${createSite.site.name} was added.` });
      list.reload();
    } catch (err) {
      const apiError = asApiError(err);
      const f = fieldErrors(apiError.fields);
      setError(f.name ? `Name ${f.name}` : apiError.userMessage);
    } finally {
      setSaving(false);
    }
  };

  if (list.loading && list.items.length === 0) return <PageLoader />;
  return (
    <Stack gap="md" maw={880}>
      <div>
        <Title order={1}>Sites</Title>
        <Text c="dimmed">Archived sites keep their records but take no new patients and no new staff.</Text>
      </div>
      <Paper withBorder p="md">
        <form noValidate onSubmit={(e) => void create(e)} aria-label="Add a site">
          <Group align="flex-start">
            <TextInput
              label="New site name"
              required
              value={name}
              error={error}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setError(undefined);
              }}
              miw={280}
            />
            <Button type="submit" mt={24} loading={saving}>
              Add site
            </Button>
          </Group>
        </form>
      </Paper>
      {list.error && (
        <Alert color="red" role="alert" title="The sites could not be loaded">
          {list.error.userMessage}
        </Alert>
      )}
      <Table aria-label="Sites" striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Site</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.items.map(({ node }) => (
            <SiteRow
              key={node.id}
              site={node}
              onSaved={(s) => list.replace((e) => e.node.id === s.id, { node: s })}
              onReload={list.reload}
            />
          ))}
        </Table.Tbody>
      </Table>
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={list.loadMore} loading={list.loading}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SiteRow({
  site,
  onSaved,
  onReload,
}: {
  site: Site;
  onSaved: (s: Site) => void;
  onReload: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(site.name);
  const [version, setVersion] = useState(site.version);
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const update = async (input: { name?: string; archived?: boolean }) => {
    setSaving(true);
    setError(undefined);
    try {
      const { updateSite } = await gql(UpdateSiteMutation, {
        id: site.id,
        version,
        input,
        idempotencyKey: crypto.randomUUID(),
      });
      setVersion(updateSite.site.version);
      setConflict(false);
      setEditing(false);
      onSaved(updateSite.site);
      notifications.show({
        color: "teal",
        message:
          input.archived === undefined
            ? `Renamed to ${updateSite.site.name}.`
            : `${updateSite.site.name} ${input.archived ? "archived" : "restored"}.`,
      });
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.code === "CONFLICT") setConflict(true);
      else {
        const f = fieldErrors(apiError.fields);
        setError(f.name ? `Name ${f.name}` : apiError.userMessage);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Table.Tr>
        <Table.Td>
          {editing ? (
            <form
              noValidate
              aria-label={`Rename ${site.name}`}
              onSubmit={(e) => {
                e.preventDefault();
                const problem = siteNameError(name);
                setError(problem);
                if (!problem) void update({ name: name.trim() });
              }}
            >
              <Group gap="xs" align="flex-start">
                <TextInput
                  label="Name"
                  required
                  size="sm"
                  value={name}
                  error={error}
                  onChange={(e) => setName(e.currentTarget.value)}
                />
                <Button type="submit" size="sm" mt={22} loading={saving}>
                  Save
                </Button>
                <Button
                  size="sm"
                  mt={22}
                  variant="default"
                  onClick={() => {
                    setEditing(false);
                    setName(site.name);
                    setError(undefined);
                  }}
                >
                  Cancel
                </Button>
              </Group>
            </form>
          ) : (
            <Text fw={600}>{site.name}</Text>
          )}
        </Table.Td>
        <Table.Td>
          {site.archived ? (
            <Badge variant="filled" color="gray.7">
              Archived
            </Badge>
          ) : (
            <Badge variant="light" color="teal" c="teal.9">
              Open
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          <Group gap="xs">
            {!editing && (
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditing(true)}
                aria-label={`Rename ${site.name}`}
              >
                Rename
              </Button>
            )}
            <Button
              size="xs"
              variant={site.archived ? "light" : "subtle"}
              color={site.archived ? "teal" : "red"}
              c={site.archived ? undefined : "red.9"}
              loading={saving && !editing}
              onClick={() => void update({ archived: !site.archived })}
              aria-label={`${site.archived ? "Restore" : "Archive"} ${site.name}`}
            >
              {site.archived ? "Restore" : "Archive"}
            </Button>
          </Group>
          {!editing && error && (
            <Text size="sm" c="red.9" role="alert">
              {error}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {conflict && (
        <Table.Tr>
          <Table.Td colSpan={3}>
            <ConflictAlert
              what={site.name}
              onKeepMine={() => {
                // Take the newer version as the base; saving again applies this change over it.
                void gql(SitesDocument, { after: null }).then((r) => {
                  const latest = r.sites.edges.find((e) => e.node.id === site.id)?.node;
                  if (latest) setVersion(latest.version);
                  setConflict(false);
                });
              }}
              onLoadLatest={() => {
                setConflict(false);
                setEditing(false);
                onReload();
              }}
            />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

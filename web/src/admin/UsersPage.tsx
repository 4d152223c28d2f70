import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { gql } from "../api/client";
import { useAuth } from "../auth/context";
import { config } from "../config";
import { validateStaffInput } from "@needlework/core";
import { errorsOf, problemsOf, type Errors } from "../clinical/validate";
import type { Role, SitesQuery, UserFieldsFragment, UsersQuery } from "../gql/graphql";
import { PageLoader } from "../shell/PageLoader";
import { asApiError, ConflictAlert, FailureAlert, fieldErrors } from "./common";
import {
  DeactivateUserMutation,
  InviteUserMutation,
  ReactivateUserMutation,
  SitesQuery as SitesDocument,
  UpdateUserMutation,
  UsersQuery as UsersDocument,
} from "./operations";
import { usePaged } from "./paged";

type User = UserFieldsFragment;

const ROLE: Record<Role, string> = {
  PRACTITIONER: "Practitioner",
  CLINIC_ADMIN: "Clinic admin",
  ANALYST: "Analyst",
};
const ROLE_HELP: Record<Role, string> = {
  PRACTITIONER: "Patients of their sites",
  CLINIC_ADMIN: "Every site; manages sites, users, the catalogue and settings",
  ANALYST: "De-identified outcome data only",
};

const LABELS: Record<string, string> = { email: "Email", name: "Name", role: "Role", siteIds: "Sites" };

interface UserValues {
  email: string;
  name: string;
  role: Role;
  siteIds: string[];
}

/** core's validateStaffInput, the rules the API applies, on what the form sends. */
export function validateUser(v: UserValues, opts: { isNew: boolean }): Errors {
  const input = { name: v.name, role: v.role, siteIds: v.role === "PRACTITIONER" ? v.siteIds : [] };
  const problems = problemsOf(() =>
    opts.isNew
      ? validateStaffInput({ ...input, email: v.email })
      : validateStaffInput(input, { email: v.email, name: v.name, role: v.role, siteIds: v.siteIds }),
  );
  return errorsOf(problems.map((f) => ({ ...f, path: f.path.replace(/^input\./, "") })));
}

const describeAll = (e: Errors): Errors =>
  Object.fromEntries(
    Object.entries(e).map(([p, r]) => {
      const field = p.split(".")[0] ?? p;
      return [field, `${LABELS[field] ?? field} ${r}`];
    }),
  );

export default function UsersPage() {
  const users = usePaged(UsersDocument, {}, (r: UsersQuery) => r.users);
  const sites = usePaged(SitesDocument, {}, (r: SitesQuery) => r.sites);
  const [inviting, setInviting] = useState(false);
  if ((users.loading && users.items.length === 0) || (sites.loading && sites.items.length === 0))
    return <PageLoader />;
  const openSites = sites.items.map((e) => e.node).filter((s) => !s.archived);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Users</Title>
          <Text c="dimmed">Who signs in, with which role and at which sites.</Text>
        </div>
        {!inviting && <Button onClick={() => setInviting(true)}>Invite a user</Button>}
      </Group>
      {inviting && (
        <UserForm
          sites={openSites}
          onDone={(u) => {
            setInviting(false);
            if (u) users.reload();
          }}
        />
      )}
      {(users.error ?? sites.error) && (
        <Alert color="red" role="alert" title="Users could not be loaded">
          {(users.error ?? sites.error)?.userMessage}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Users" striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Sites</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.items.map(({ node }) => (
              <UserRow
                key={node.id}
                user={node}
                sites={openSites}
                onSaved={(u) => users.replace((e) => e.node.id === u.id, { node: u })}
                onReload={users.reload}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.hasNextPage && (
        <Group>
          <Button variant="default" onClick={users.loadMore} loading={users.loading}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function UserRow({
  user,
  sites,
  onSaved,
  onReload,
}: {
  user: User;
  sites: { id: string; name: string }[];
  onSaved: (u: User) => void;
  onReload: () => void;
}) {
  const { me } = useAuth();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string>();
  const self = me?.userId === user.id;

  const toggleActive = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const vars = { id: user.id, version: user.version };
      const next = user.active
        ? (await gql(DeactivateUserMutation, vars)).deactivateUser.user
        : (await gql(ReactivateUserMutation, vars)).reactivateUser.user;
      onSaved(next);
      notifications.show({
        color: "teal",
        message: `${next.name} ${next.active ? "can sign in again" : "can no longer sign in"}.`,
      });
    } catch (err) {
      const e = asApiError(err);
      if (e.code === "CONFLICT") setConflict(true);
      else setError(e.fields[0] ? `${e.fields[0].reason}` : e.userMessage);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text fw={600}>
            {user.name}
            {self ? " (you)" : ""}
          </Text>
          <Text size="sm" c="dimmed">
            {user.email}
          </Text>
        </Table.Td>
        <Table.Td>{ROLE[user.role]}</Table.Td>
        <Table.Td>
          {user.role === "PRACTITIONER"
            ? user.sites.map((s) => s.name).join(", ")
            : user.role === "CLINIC_ADMIN"
              ? "All sites"
              : "—"}
        </Table.Td>
        <Table.Td>
          {user.active ? (
            <Badge variant="light" color="teal" c="teal.9">
              Active
            </Badge>
          ) : (
            <Badge variant="filled" color="gray.7">
              Deactivated
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={() => setEditing((x) => !x)}
              aria-label={`Edit ${user.name}`}
            >
              Edit
            </Button>
            {!self && (
              <Button
                size="xs"
                variant={user.active ? "subtle" : "light"}
                color={user.active ? "red" : "teal"}
                c={user.active ? "red.9" : undefined}
                loading={busy}
                onClick={() => void toggleActive()}
                aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
              >
                {user.active ? "Deactivate" : "Reactivate"}
              </Button>
            )}
            <Anchor
              size="sm"
              component={Link}
              to={`/admin/audit?user=${encodeURIComponent(user.id)}`}
              aria-label={`Audit trail of ${user.name}`}
            >
              Audit trail
            </Anchor>
          </Group>
          {error && (
            <Text size="sm" c="red.9" role="alert">
              {error}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {(editing || conflict) && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            {conflict ? (
              <ConflictAlert
                what={user.name}
                onLoadLatest={() => {
                  setConflict(false);
                  onReload();
                }}
              />
            ) : (
              <UserForm
                user={user}
                self={self}
                sites={sites}
                onConflict={() => {
                  setEditing(false);
                  setConflict(true);
                }}
                onDone={(u) => {
                  setEditing(false);
                  if (u) onSaved(u);
                }}
              />
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function UserForm({
  user,
  self = false,
  sites,
  onDone,
  onConflict,
}: {
  user?: User;
  self?: boolean;
  sites: { id: string; name: string }[];
  onDone: (u: User | null) => void;
  onConflict?: () => void;
}) {
  const isNew = !user;
  const [v, setV] = useState<UserValues>({
    email: user?.email ?? "",
    name: user?.name ?? "",
    role: user?.role ?? "PRACTITIONER",
    siteIds: user?.sites.map((s) => s.id) ?? [],
  });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(crypto.randomUUID());
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof UserValues>(k: K, value: UserValues[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = validateUser(v, { isNew });
    setErrors(describeAll(local));
    if (Object.keys(local).length > 0) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    const siteIds = v.role === "PRACTITIONER" ? v.siteIds : [];
    try {
      if (user) {
        const { updateUser } = await gql(UpdateUserMutation, {
          id: user.id,
          version: user.version,
          idempotencyKey: key.current,
          input: { name: v.name.trim(), ...(self ? {} : { role: v.role }), siteIds },
        });
        notifications.show({ color: "teal", message: `${updateUser.user.name} saved.` });
        onDone(updateUser.user);
      } else {
        const { inviteUser } = await gql(InviteUserMutation, {
          idempotencyKey: key.current,
          input: { email: v.email.trim(), name: v.name.trim(), role: v.role, siteIds },
        });
        notifications.show({
          color: "teal",
          message:
            config.authMode === "cognito"
              ? `${inviteUser.user.name} was invited: an email with a temporary password was sent to ${inviteUser.user.email}.`
              : `${inviteUser.user.name} can now sign in.`,
        });
        onDone(inviteUser.user);
      }
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.code === "CONFLICT" && onConflict) onConflict();
      else if (apiError.code === "BAD_USER_INPUT") {
        setErrors(describeAll(fieldErrors(apiError.fields)));
        setFailure("Some fields need attention: see the messages beside them.");
      } else setFailure(apiError.userMessage);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-label={user ? `Edit ${user.name}` : "Invite a user"}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Email"
              description={isNew ? "Their sign-in name" : "The sign-in name cannot be changed"}
              type="email"
              required={isNew}
              readOnly={!isNew}
              value={v.email}
              error={errors.email}
              onChange={(e) => set("email", e.currentTarget.value)}
            />
            <TextInput
              label="Name"
              required
              value={v.name}
              error={errors.name}
              onChange={(e) => set("name", e.currentTarget.value)}
            />
            <NativeSelect
              label="Role"
              required
              disabled={self}
              description={self ? "You cannot change your own role" : ROLE_HELP[v.role]}
              value={v.role}
              error={errors.role}
              onChange={(e) => set("role", e.currentTarget.value as Role)}
              data={(Object.keys(ROLE) as Role[]).map((r) => ({ value: r, label: ROLE[r] }))}
            />
          </SimpleGrid>
          {v.role === "PRACTITIONER" && (
            <Checkbox.Group
              label="Sites"
              description="Where they work: they see the patients of these sites"
              required
              value={v.siteIds}
              error={errors.siteIds}
              onChange={(x) => set("siteIds", x)}
            >
              <Group mt={6}>
                {sites.map((s) => (
                  <Checkbox key={s.id} value={s.id} label={s.name} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          {failure && <FailureAlert message={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onDone(null)}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {user ? "Save user" : "Invite"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

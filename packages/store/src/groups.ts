import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  badInput,
  conflict,
  forbidden,
  nextAccessStamp,
  notFound,
  validateSiteName,
  validateStaffInput,
  type AccessChange,
  type Principal,
  type Role,
  type StaffInput,
} from "@needlework/core";
import type { Db } from "./client";
import { addAudit } from "./audit";
import { decodeCursor, encodeCursor, pageSize, type Page } from "./cursor";
import { runIdempotent, type IdempotencyContext } from "./idempotency";
import { newId } from "./ids";
import { Keys } from "./keys";
import { batchGet, getItem, keyString } from "./clinical/read";
import { Tx } from "./tx";
import { queryAll } from "./clinical/paging";
import { emailClaimed } from "./user-email";

/** The clinic group, its sites and its users: one partition per group. */
export interface Group {
  id: string;
  name: string;
  createdAt: string;
}

export interface Site {
  id: string;
  groupId: string;
  name: string;
  archived: boolean;
  version: number;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface User {
  id: string;
  groupId: string;
  email: string;
  name: string;
  role: Role;
  siteIds: string[];
  active: boolean;
  version: number;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
  /**
   * When the user's access (active, role, sites) last changed, and the earliest token `iat` accepted
   * since, in epoch seconds (core `nextAccessStamp`). Absent on records not changed since stamps exist.
   */
  accessChangedAt?: number;
  tokensValidFrom?: number;
}

export const groupItem = (g: Group) => ({ ...Keys.group(g.id), type: "Group", ...g });
export const siteItem = (s: Site) => ({ ...Keys.site(s.groupId, s.id), type: "Site", ...s });
export const userItem = (u: User) => ({ ...Keys.user(u.groupId, u.id), type: "User", ...u });
/** One email, one user in one group: the claim every new user's transaction puts, conditionally. */
export const userEmailItem = (u: Pick<User, "groupId" | "id" | "email">) => ({
  ...Keys.userEmail(u.email),
  type: "UserEmail",
  email: u.email.toLowerCase(),
  groupId: u.groupId,
  userId: u.id,
});

const SITE_FIELDS = [
  "id",
  "groupId",
  "name",
  "archived",
  "version",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
] as const;
const USER_FIELDS = [
  "id",
  "groupId",
  "email",
  "name",
  "role",
  "siteIds",
  "active",
  "version",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
  "accessChangedAt",
  "tokensValidFrom",
] as const;

function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (item[f] !== undefined) out[f] = item[f];
  return out as T;
}

export const siteFromItem = (item: Record<string, unknown>): Site => {
  const s = pick<Site>(item, SITE_FIELDS);
  return { ...s, archived: s.archived ?? false, version: s.version ?? 1 };
};
export const userFromItem = (item: Record<string, unknown>): User => {
  const u = pick<User>(item, USER_FIELDS);
  return { ...u, siteIds: u.siteIds ?? [], active: u.active ?? true, version: u.version ?? 1 };
};

export async function getGroup(db: Db, groupId: string): Promise<Group | undefined> {
  const item = await getItem(db, Keys.group(groupId));
  return item
    ? { id: String(item.id), name: String(item.name), createdAt: String(item.createdAt) }
    : undefined;
}

/** Sites by id, in the order asked, through the request's shared BatchGetItem (clinical/read.ts). */
export async function getSites(
  db: Db,
  groupId: string,
  siteIds: readonly string[],
): Promise<(Site | undefined)[]> {
  const keys = siteIds.map((id) => Keys.site(groupId, id));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? siteFromItem(it) : undefined;
  });
}

export async function getSite(db: Db, groupId: string, siteId: string): Promise<Site | undefined> {
  const item = await getItem(db, Keys.site(groupId, siteId));
  return item ? siteFromItem(item) : undefined;
}

/**
 * A user of the group; strongly consistent, because the API checks every request's user with it.
 * Goes out in the request's shared BatchGetItem with whatever else is read in the same turn.
 */
export async function getUser(db: Db, groupId: string, userId: string): Promise<User | undefined> {
  const item = await getItem(db, Keys.user(groupId, userId));
  return item ? userFromItem(item) : undefined;
}

/** Every site of the group (a group has a handful): one Query. */
export async function listSites(db: Db, groupId: string): Promise<Site[]> {
  return (await queryGroupPrefix(db, groupId, "SITE#")).map(siteFromItem);
}

export async function listUsers(db: Db, groupId: string): Promise<User[]> {
  return (await queryGroupPrefix(db, groupId, "USER#")).map(userFromItem);
}

/** Every item of the group partition whose sort key starts with `prefix`. */
const queryGroupPrefix = (db: Db, groupId: string, prefix: string) =>
  queryAll(db, {
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
    ExpressionAttributeValues: { ":pk": Keys.group(groupId).pk, ":p": prefix },
  });

// ---- Administration (CLINIC_ADMIN). The API checks the role first; the store checks it again.

function requireAdmin(actor: Principal): void {
  if (actor.role !== "CLINIC_ADMIN") throw forbidden("Only a clinic admin can manage sites and users.");
}

async function pageOf<T>(
  db: Db,
  actor: Principal,
  prefix: "SITE#" | "USER#",
  args: { first?: number | null; after?: string | null },
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  requireAdmin(actor);
  const limit = pageSize(args.first);
  const pk = Keys.group(actor.groupId).pk;
  const start = decodeCursor(args.after, actor.groupId, { pk });
  if (start && !(typeof start.sk === "string" && start.sk.startsWith(prefix))) {
    throw badInput([{ path: "after", reason: "is not a cursor this API gave out" }]);
  }
  const res = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
      ExpressionAttributeValues: { ":pk": pk, ":p": prefix },
      ExclusiveStartKey: start,
      Limit: limit + 1,
    }),
  );
  const rows = (res.Items ?? []).slice(0, limit);
  const cursors = rows.map((it) => encodeCursor({ pk: it.pk, sk: it.sk }) ?? "");
  return {
    items: rows.map(map),
    cursors,
    endCursor: cursors.at(-1) ?? null,
    hasNextPage: (res.Items ?? []).length > limit,
  };
}

export const listSitesPage = (
  db: Db,
  actor: Principal,
  args: { first?: number | null; after?: string | null },
) => pageOf(db, actor, "SITE#", args, siteFromItem);

export const listUsersPage = (
  db: Db,
  actor: Principal,
  args: { first?: number | null; after?: string | null },
) => pageOf(db, actor, "USER#", args, userFromItem);

const versioned = (expected: number, what: string, missing: string) => ({
  condition: "attribute_exists(pk) AND version = :v",
  values: { ":v": expected },
  onConditionFailed: (old: Record<string, unknown> | undefined) => (old ? conflict(what) : notFound(missing)),
});

export async function createSite(
  db: Db,
  actor: Principal,
  input: { name: string },
  idem?: IdempotencyContext,
): Promise<Site> {
  requireAdmin(actor);
  const name = validateSiteName(input.name);
  return runIdempotent(
    db,
    actor,
    idem,
    (tx) => {
      const now = new Date().toISOString();
      const site: Site = {
        id: newId(),
        groupId: actor.groupId,
        name,
        archived: false,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      };
      tx.put(siteItem(site), { condition: "attribute_not_exists(pk)" });
      addAudit(tx, actor, { action: "CREATE_SITE", siteId: site.id, detail: name });
      return site;
    },
    () => new Tx(),
  );
}

/** Renames and/or archives (or restores) a site, with the version read. */
export async function updateSite(
  db: Db,
  actor: Principal,
  siteId: string,
  expectedVersion: number,
  input: { name?: string | null; archived?: boolean | null },
  idem?: IdempotencyContext,
): Promise<Site> {
  requireAdmin(actor);
  const name = input.name == null ? undefined : validateSiteName(input.name);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const current = await getSite(db, actor.groupId, siteId);
      if (!current) throw notFound("The site");
      if (current.version !== expectedVersion) throw conflict("This site");
      const next: Site = {
        ...current,
        name: name ?? current.name,
        archived: input.archived ?? current.archived,
        version: current.version + 1,
        updatedAt: new Date().toISOString(),
        updatedBy: actor.userId,
      };
      tx.put(siteItem(next), versioned(expectedVersion, "This site", "The site"));
      const change = [
        name !== undefined && name !== current.name ? "renamed" : "",
        next.archived !== current.archived ? (next.archived ? "archived" : "restored") : "",
      ].filter(Boolean);
      addAudit(tx, actor, { action: "UPDATE_SITE", siteId, detail: change.join(", ") || "unchanged" });
      return next;
    },
    () => new Tx(),
  );
}

/** Each site of the user's list exists in the group and is open, checked inside the write. */
function sitesOpen(tx: Tx, groupId: string, siteIds: string[]): void {
  siteIds.forEach((siteId, i) =>
    tx.conditionCheck(Keys.site(groupId, siteId), {
      condition: "attribute_exists(pk) AND archived = :f",
      values: { ":f": false },
      onConditionFailed: (old) =>
        old
          ? badInput([{ path: `input.siteIds.${i}`, reason: "is an archived site" }])
          : notFound("The site"),
    }),
  );
}

/**
 * What a user write does beside the table. Deployed, the API mirrors every user to the identity
 * provider (packages/api/src/auth/accounts.ts): the store calls these once the write is valid and is
 * not an idempotent replay, just before its transaction commits. A hook that throws abandons the write.
 */
export interface UserWriteHooks {
  /**
   * inviteUser: the new user's id. Deployed, the sign-in account is created here and its `sub` (the
   * token's subject) becomes the User id; undefined means "no account here", and the store picks one.
   */
  newUserId?(user: Omit<User, "id">): Promise<string | undefined>;
  /** updateUser, setUserActive: called with the record about to be written and the one it replaces. */
  beforeChange?(next: User, current: User): Promise<void>;
}

export { requireEmailFree, emailInUse } from "./user-email";

/**
 * Adds a user to the group with a role and sites. Locally they can sign in at once; deployed, the
 * identity provider account is created first (`hooks.newUserId`) and its `sub` is the User id.
 */
export async function inviteUser(
  db: Db,
  actor: Principal,
  input: StaffInput,
  idem?: IdempotencyContext,
  hooks?: UserWriteHooks,
): Promise<User> {
  requireAdmin(actor);
  const fields = validateStaffInput(input);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const nowMs = Date.now();
      const now = new Date(nowMs).toISOString();
      const draft: Omit<User, "id"> = {
        groupId: actor.groupId,
        ...fields,
        active: true,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
        ...nextAccessStamp({}, "restores", nowMs),
      };
      const user: User = { id: (await hooks?.newUserId?.(draft)) ?? newId(), ...draft };
      sitesOpen(tx, actor.groupId, user.siteIds);
      tx.put(userEmailItem(user), {
        condition: "attribute_not_exists(pk)",
        onConditionFailed: (claim) => emailClaimed(actor.groupId, claim),
      });
      tx.put(userItem(user), { condition: "attribute_not_exists(pk)" });
      addAudit(tx, actor, { action: "INVITE_USER", detail: `${user.id} ${user.role}` });
      return user;
    },
    () => new Tx(),
  );
}

async function changeUser(
  db: Db,
  actor: Principal,
  userId: string,
  expectedVersion: number,
  action: string,
  change: (current: User) => Partial<User>,
  idem?: IdempotencyContext,
  hooks?: UserWriteHooks,
): Promise<User> {
  requireAdmin(actor);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const current = await getUser(db, actor.groupId, userId);
      if (!current) throw notFound("The user");
      if (current.version !== expectedVersion) throw conflict("This user");
      const nowMs = Date.now();
      const next: User = {
        ...current,
        ...change(current),
        id: current.id,
        groupId: current.groupId,
        email: current.email,
        version: current.version + 1,
        updatedAt: new Date(nowMs).toISOString(),
        updatedBy: actor.userId,
      };
      const access = accessChange(current, next);
      if (access) Object.assign(next, nextAccessStamp(current, access, nowMs));
      const added = next.siteIds.filter((s) => !current.siteIds.includes(s));
      sitesOpen(tx, actor.groupId, added);
      tx.put(userItem(next), versioned(expectedVersion, "This user", "The user"));
      addAudit(tx, actor, {
        action,
        detail: `${userId} ${next.role} ${next.active ? "active" : "inactive"}`,
      });
      await hooks?.beforeChange?.(next, current);
      return next;
    },
    () => new Tx(),
  );
}

/**
 * How a write changes what the user's tokens may do (core token-lifetime.ts): none (a new name), only
 * taking away (deactivated; sites removed, role kept), or anything else (reactivated, a new role, a
 * site added).
 */
function accessChange(current: User, next: User): AccessChange | undefined {
  const sameSites =
    next.siteIds.length === current.siteIds.length && next.siteIds.every((s) => current.siteIds.includes(s));
  if (next.active === current.active && next.role === current.role && sameSites) return undefined;
  const narrows =
    !next.active ||
    (current.active && next.role === current.role && next.siteIds.every((s) => current.siteIds.includes(s)));
  return narrows ? "narrows" : "restores";
}

/** Changes a user's name, role and/or sites. An admin cannot change their own role. */
export function updateUser(
  db: Db,
  actor: Principal,
  userId: string,
  expectedVersion: number,
  input: Omit<StaffInput, "email">,
  idem?: IdempotencyContext,
  hooks?: UserWriteHooks,
): Promise<User> {
  requireAdmin(actor);
  if (userId === actor.userId && input.role != null && input.role !== actor.role) {
    throw badInput([
      { path: "input.role", reason: "cannot be changed on your own account: ask another clinic admin" },
    ]);
  }
  return changeUser(
    db,
    actor,
    userId,
    expectedVersion,
    "UPDATE_USER",
    (current) => {
      const fields = validateStaffInput(
        { name: input.name, role: input.role, siteIds: input.siteIds },
        current,
      );
      return { name: fields.name, role: fields.role, siteIds: fields.siteIds };
    },
    idem,
    hooks,
  );
}

/** Deactivates (or reactivates) a user; their tokens stop working on the next request. */
export function setUserActive(
  db: Db,
  actor: Principal,
  userId: string,
  expectedVersion: number,
  active: boolean,
  hooks?: UserWriteHooks,
): Promise<User> {
  requireAdmin(actor);
  if (userId === actor.userId && !active) {
    throw badInput([
      { path: "id", reason: "is your own account: ask another clinic admin to deactivate it" },
    ]);
  }
  return changeUser(
    db,
    actor,
    userId,
    expectedVersion,
    active ? "REACTIVATE_USER" : "DEACTIVATE_USER",
    () => ({ active }),
    undefined,
    hooks,
  );
}

/** Who may sign in locally: the active users of the given groups, read from the table. Local tooling. */
export interface SignInEntry extends Principal {
  groupName: string;
  sites: { id: string; name: string }[];
}

export async function signInDirectory(db: Db, groupIds: readonly string[]): Promise<SignInEntry[]> {
  const out: SignInEntry[] = [];
  for (const groupId of groupIds) {
    const [group, sites, users] = await Promise.all([
      getGroup(db, groupId),
      listSites(db, groupId),
      listUsers(db, groupId),
    ]);
    if (!group) continue;
    for (const u of users
      .filter((x) => x.active)
      .sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? ""))) {
      out.push({
        userId: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        groupId,
        siteIds: u.siteIds,
        groupName: group.name,
        sites: (u.role === "CLINIC_ADMIN" ? sites : sites.filter((s) => u.siteIds.includes(s.id))).map(
          (s) => ({
            id: s.id,
            name: s.name,
          }),
        ),
      });
    }
  }
  return out;
}

import { badInput } from "@needlework/core";
import type { Db } from "./client";
import { groupItem, siteItem, userEmailItem, userItem, type Group, type Site, type User } from "./groups";
import { Tx } from "./tx";

/**
 * Creates a clinic group, its sites and its first administrator in one transaction: what a new
 * deployment needs before anyone can sign in (every later change goes through the admin API).
 * The administrator's id must be their Cognito `sub`, which the API checks on every request.
 * Refuses to touch a group that already exists.
 */
export interface GroupBootstrap {
  groupId: string;
  name: string;
  sites: { id: string; name: string }[];
  admin: { sub: string; email: string; name: string };
}

const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function validateBootstrap(b: GroupBootstrap): void {
  const problems: { path: string; reason: string }[] = [];
  if (!ID.test(b.groupId))
    problems.push({ path: "groupId", reason: "must be 2–63 lowercase letters, digits or -" });
  if (!b.name.trim()) problems.push({ path: "name", reason: "is required" });
  if (b.sites.length === 0) problems.push({ path: "sites", reason: "at least one site is required" });
  b.sites.forEach((s, i) => {
    if (!ID.test(s.id))
      problems.push({ path: `sites.${i}.id`, reason: "must be 2–63 lowercase letters, digits or -" });
    if (!s.name.trim()) problems.push({ path: `sites.${i}.name`, reason: "is required" });
  });
  if (new Set(b.sites.map((s) => s.id)).size !== b.sites.length)
    problems.push({ path: "sites", reason: "site ids must be unique" });
  if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(b.admin.sub))
    problems.push({ path: "admin.sub", reason: "must be the user's Cognito sub" });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.admin.email))
    problems.push({ path: "admin.email", reason: "must be an email address" });
  if (!b.admin.name.trim()) problems.push({ path: "admin.name", reason: "is required" });
  if (problems.length) throw badInput(problems);
}

export async function bootstrapGroup(db: Db, b: GroupBootstrap, now = new Date()): Promise<void> {
  validateBootstrap(b);
  const at = now.toISOString();
  const group: Group = { id: b.groupId, name: b.name.trim(), createdAt: at };
  const sites: Site[] = b.sites.map((s) => ({
    id: s.id,
    groupId: b.groupId,
    name: s.name.trim(),
    archived: false,
    version: 1,
    createdAt: at,
    createdBy: "bootstrap",
    updatedAt: at,
    updatedBy: "bootstrap",
  }));
  const admin: User = {
    id: b.admin.sub,
    groupId: b.groupId,
    email: b.admin.email.trim().toLowerCase(),
    name: b.admin.name.trim(),
    role: "CLINIC_ADMIN",
    siteIds: [],
    active: true,
    version: 1,
    createdAt: at,
    createdBy: "bootstrap",
    updatedAt: at,
    updatedBy: "bootstrap",
  };
  const tx = new Tx();
  const fresh = { condition: "attribute_not_exists(pk)" };
  tx.put(groupItem(group), {
    ...fresh,
    onConditionFailed: () => badInput([{ path: "groupId", reason: `group ${b.groupId} already exists` }]),
  });
  for (const s of sites) tx.put(siteItem(s), fresh);
  tx.put(userItem(admin), fresh);
  tx.put(userEmailItem(admin), {
    ...fresh,
    onConditionFailed: () =>
      badInput([{ path: "admin.email", reason: "already belongs to a Needlework user" }]),
  });
  await tx.commit(db);
}

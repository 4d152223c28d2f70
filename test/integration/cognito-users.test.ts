import { randomUUID } from "node:crypto";
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCognitoIdentity,
  parseGlobalId,
  principalFromClaims,
  toGlobalId,
  USER_POOL_ACTIONS,
  type CognitoIdentity,
  type IdentityProvider,
} from "@needlework/api";
import type { Principal } from "@needlework/core";
import { freePort } from "@needlework/store/local";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import { startCognitoLocal, type CognitoLocal } from "../support/cognito-local";
import { untilSignInAllowed } from "../support/access";
import { snapshotTable } from "../support/dynamo";

/**
 * The admin user mutations against a real Cognito API (cognito-local, offline) through the real local
 * API: every invite creates the account whose `sub` is the User id, every change sets the account to
 * the record, and any failure leaves the table as it was and no account behind. Faults are injected
 * with SDK middleware on the provider's client (a call failed before it is sent), or by pointing the
 * provider at a closed port; DynamoDB faults through the Db's fault hook.
 *
 * cognito-local 5.3.0 does not implement AdminUserGlobalSignOut: the provider treats that call as
 * best-effort (the account is disabled first), so here it fails and is logged, and the test says so.
 */
type UserOut = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  version: number;
  sites: { id: string }[];
};
const USER = `id email name role active version sites { id }`;
const INVITE = `mutation($input: UserInput!, $key: String) { inviteUser(input: $input, idempotencyKey: $key) { user { ${USER} } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UserUpdateInput!, $key: String) { updateUser(id: $id, version: $v, input: $input, idempotencyKey: $key) { user { ${USER} } } }`;
const DEACTIVATE = `mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { user { ${USER} } } }`;
const REACTIVATE = `mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, version: $v) { user { ${USER} } } }`;
const CREATE_SITE = `mutation($name: String!) { createSite(input: { name: $name }) { site { id version } } }`;
const ARCHIVE_SITE = `mutation($id: ID!, $v: Int!) { updateSite(id: $id, version: $v, input: { archived: true }) { site { id } } }`;

const site = (id: string) => toGlobalId("Site", id);
const localId = (globalId: string) => parseGlobalId(globalId)!.localId;

let cognito: CognitoLocal;
let poolId = "";
let idp: CognitoIdentity;
let down: CognitoIdentity;
let api: TestApi;
/** The provider the API uses: the emulator, or the same pool behind a closed port. */
let current: IdentityProvider;
const logs: Record<string, unknown>[] = [];
/** Cognito calls the provider made, by action (after the fault hook let them through). */
const calls: Record<string, number> = {};
/** Fails the named Cognito action before it is sent, while set. */
let failAction: string | undefined;

beforeAll(async () => {
  cognito = await startCognitoLocal();
  poolId = await cognito.createUserPool();
  idp = createCognitoIdentity({
    userPoolId: poolId,
    endpoint: cognito.endpoint,
    logger: (e) => logs.push(e),
  });
  idp.client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = String(context.commandName).replace(/Command$/, "");
      if (failAction === action) {
        throw Object.assign(new Error(`injected failure of ${action}`), {
          name: "InternalErrorException",
          $metadata: { httpStatusCode: 500 },
        });
      }
      calls[action] = (calls[action] ?? 0) + 1;
      return next(args);
    },
    { step: "initialize", name: "testCognitoFaults" },
  );
  down = createCognitoIdentity({
    userPoolId: poolId,
    endpoint: `http://127.0.0.1:${await freePort()}`,
    logger: (e) => logs.push(e),
  });
  current = idp;
  const switchable: IdentityProvider = {
    kind: "cognito",
    mirrorsUsers: true,
    createAccount: (u) => current.createAccount(u),
    syncAccount: (u) => current.syncAccount(u),
    deleteAccount: (id) => current.deleteAccount(id),
  };
  api = await startTestApi({ identity: switchable });
});

afterAll(async () => {
  await api?.stop();
  await cognito?.stop();
});

const asMia = <T>(q: string, v: Record<string, unknown> = {}) => api.gql<T>(q, v, api.users.mia);
const asIan = <T>(q: string, v: Record<string, unknown> = {}) => api.gql<T>(q, v, api.users.ian);
const ok = <T>(r: GqlResult<T>): T => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const newKey = () => `k-${randomUUID()}`;
const email = (name: string) => `${name}.${randomUUID().slice(0, 6)}@glow.example`;

interface Account {
  username: string;
  enabled: boolean;
  status: string;
  attributes: Record<string, string>;
  groups: string[];
}

/** The account as Cognito holds it, by sub or email; undefined when there is none. */
async function account(username: string): Promise<Account | undefined> {
  try {
    const u = await cognito.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    const g = await cognito.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: u.Username! }),
    );
    return {
      username: u.Username!,
      enabled: u.Enabled === true,
      status: u.UserStatus ?? "",
      attributes: Object.fromEntries((u.UserAttributes ?? []).map((a) => [a.Name!, a.Value ?? ""])),
      groups: (g.Groups ?? []).map((x) => x.GroupName!).sort(),
    };
  } catch (e) {
    if ((e as Error).name === "UserNotFoundException") return undefined;
    throw e;
  }
}

/** A bearer token carrying exactly the claims Cognito would put in this account's ID token. */
async function tokenOf(acc: Account): Promise<string> {
  const p: Principal = principalFromClaims({
    sub: acc.attributes.sub,
    email: acc.attributes.email,
    name: acc.attributes.name,
    "custom:clinicGroup": acc.attributes["custom:clinicGroup"],
    "custom:sites": acc.attributes["custom:sites"],
    "cognito:groups": acc.groups,
  });
  return `Bearer ${await api.issuer.sign(p)}`;
}

async function invite(input: Record<string, unknown>, key?: string): Promise<UserOut> {
  return ok(await asMia<{ inviteUser: { user: UserOut } }>(INVITE, { input, key })).inviteUser.user;
}

describe("admin user mutations keep the Cognito user pool in step", () => {
  it("invite: the account's sub is the User id, with the attributes, the role's group and a pending invitation; a replay creates nothing", async () => {
    const input = {
      email: email("Nia.Grant"),
      name: "Nia Grant",
      role: "PRACTITIONER",
      siteIds: [site("harbour"), site("riverside")],
    };
    const key = newKey();
    const created = calls.AdminCreateUser ?? 0;
    const user = await invite(input, key);
    const acc = await account(localId(user.id));
    expect(acc).toBeDefined();
    expect(acc!.attributes.sub).toBe(localId(user.id));
    expect(acc!.attributes).toMatchObject({
      email: input.email.toLowerCase(),
      email_verified: "true",
      name: "Nia Grant",
      "custom:clinicGroup": "glow",
      "custom:sites": "harbour,riverside",
    });
    expect(acc!.groups).toEqual(["PRACTITIONER"]);
    expect(acc!.enabled).toBe(true);
    // Cognito e-mailed a temporary password; the first sign-in sets a permanent one.
    expect(acc!.status).toBe("FORCE_CHANGE_PASSWORD");
    expect(calls.AdminCreateUser).toBe(created + 1);

    // The same request again (same key): the stored result, no second account, no Cognito call.
    const before = await snapshotTable(api.db);
    const again = await invite(input, key);
    expect(again).toEqual(user);
    expect(calls.AdminCreateUser).toBe(created + 1);
    expect(await snapshotTable(api.db)).toEqual(before);
    const listed = await cognito.client.send(
      new ListUsersCommand({ UserPoolId: poolId, Filter: `email = "${input.email.toLowerCase()}"` }),
    );
    expect(listed.Users ?? []).toHaveLength(1);

    // The token Cognito would issue for this account is accepted by the API as this user.
    const me = ok(
      await api.gql<{ me: { email: string; role: string; sites: { id: string }[] } }>(
        `{ me { email role sites { id } } }`,
        {},
        await tokenOf(acc!),
      ),
    ).me;
    expect(me).toMatchObject({ email: input.email.toLowerCase(), role: "PRACTITIONER" });
    expect(me.sites.map((s) => s.id).sort()).toEqual([site("harbour"), site("riverside")].sort());
  });

  it("the same invite sent twice at once (same key): one account, one user, both answered with it", async () => {
    const input = { email: email("twice"), name: "Twice Sent", role: "ANALYST" };
    const key = newKey();
    const created = calls.AdminCreateUser ?? 0;
    const [a, b] = await Promise.all([asMia(INVITE, { input, key }), asMia(INVITE, { input, key })]);
    const users = [a, b].map((r) => ok(r as GqlResult<{ inviteUser: { user: UserOut } }>).inviteUser.user);
    expect(users[0]).toEqual(users[1]);
    // Usually both ask Cognito and the second, told the email is taken, answers with the first's stored
    // result; if the first had already finished, the second is a plain replay.
    expect(calls.AdminCreateUser! - created).toBeGreaterThanOrEqual(1);
    expect(calls.AdminCreateUser! - created).toBeLessThanOrEqual(2);
    const listed = await cognito.client.send(
      new ListUsersCommand({ UserPoolId: poolId, Filter: `email = "${input.email}"` }),
    );
    expect((listed.Users ?? []).map((u) => u.Username)).toEqual([localId(users[0]!.id)]);
  });

  it("update: name, sites and role are mirrored (exactly one role group; no sites attribute without sites)", async () => {
    const u = await invite({
      email: email("omar"),
      name: "Omar Moves",
      role: "PRACTITIONER",
      siteIds: [site("harbour"), site("riverside")],
    });
    const sub = localId(u.id);
    const moved = ok(
      await asMia<{ updateUser: { user: UserOut } }>(UPDATE, {
        id: u.id,
        v: u.version,
        key: newKey(),
        input: { name: "Omar Moved", siteIds: [site("riverside")] },
      }),
    ).updateUser.user;
    let acc = (await account(sub))!;
    expect(acc.attributes).toMatchObject({ name: "Omar Moved", "custom:sites": "riverside" });
    expect(acc.groups).toEqual(["PRACTITIONER"]);
    expect(
      ok(await api.gql<{ me: { name: string } }>(`{ me { name } }`, {}, await tokenOf(acc))).me.name,
    ).toBe("Omar Moved");

    const analyst = ok(
      await asMia<{ updateUser: { user: UserOut } }>(UPDATE, {
        id: u.id,
        v: moved.version,
        input: { role: "ANALYST" },
      }),
    ).updateUser.user;
    expect(analyst).toMatchObject({ role: "ANALYST", sites: [] });
    await untilSignInAllowed(api.db, "glow", sub);
    acc = (await account(sub))!;
    expect(acc.groups).toEqual(["ANALYST"]);
    expect(acc.attributes).not.toHaveProperty("custom:sites");
    expect(
      ok(await api.gql<{ me: { role: string } }>(`{ me { role } }`, {}, await tokenOf(acc))).me.role,
    ).toBe("ANALYST");
  });

  it("deactivate disables the account, reactivate enables it; the record decides at once either way", async () => {
    const u = await invite({ email: email("dee"), name: "Dee Active", role: "ANALYST" });
    const sub = localId(u.id);
    const token = await tokenOf((await account(sub))!);
    const signOuts = logs.filter((l) => String(l.msg).startsWith("cognito global sign-out failed")).length;

    const off = ok(await asMia<{ deactivateUser: { user: UserOut } }>(DEACTIVATE, { id: u.id, v: u.version }))
      .deactivateUser.user;
    expect(off.active).toBe(false);
    expect((await account(sub))!.enabled).toBe(false);
    expect(codes(await api.gql(`{ me { role } }`, {}, token))).toEqual(["UNAUTHENTICATED"]);
    // cognito-local lacks AdminUserGlobalSignOut: the call was made, failed, and was only logged.
    expect(calls.AdminUserGlobalSignOut).toBeGreaterThan(0);
    expect(logs.filter((l) => String(l.msg).startsWith("cognito global sign-out failed")).length).toBe(
      signOuts + 1,
    );

    const on = ok(
      await asMia<{ reactivateUser: { user: UserOut } }>(REACTIVATE, { id: u.id, v: off.version }),
    ).reactivateUser.user;
    expect(on.active).toBe(true);
    const acc = (await account(sub))!;
    expect(acc.enabled).toBe(true);
    expect(acc.groups).toEqual(["ANALYST"]);
    // The token from before the deactivation stays refused; one issued after the reactivation works.
    expect(codes(await api.gql(`{ me { role } }`, {}, token))).toEqual(["UNAUTHENTICATED"]);
    await untilSignInAllowed(api.db, "glow", sub);
    expect(
      ok(await api.gql<{ me: { role: string } }>(`{ me { role } }`, {}, await tokenOf(acc))).me.role,
    ).toBe("ANALYST");
  });

  it("an invite whose record cannot be written (archived site) leaves no account and the table as it was", async () => {
    const s = ok(
      await asMia<{ createSite: { site: { id: string; version: number } } }>(CREATE_SITE, {
        name: "Old Pier",
      }),
    ).createSite.site;
    ok(await asMia(ARCHIVE_SITE, { id: s.id, v: s.version }));
    const before = await snapshotTable(api.db);
    const [created, deleted] = [calls.AdminCreateUser ?? 0, calls.AdminDeleteUser ?? 0];
    const address = email("pier");
    const res = await asMia(INVITE, {
      input: { email: address, name: "Pier Staff", role: "PRACTITIONER", siteIds: [s.id] },
      key: newKey(),
    });
    expect(codes(res)).toEqual(["BAD_USER_INPUT"]);
    expect(res.errors?.[0]?.extensions?.fields).toEqual([
      { path: "input.siteIds.0", reason: "is an archived site" },
    ]);
    // The account was created, then deleted when the record was refused.
    expect(calls.AdminCreateUser).toBe(created + 1);
    expect(calls.AdminDeleteUser).toBe(deleted + 1);
    expect(await account(address)).toBeUndefined();
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("an email already used in the group gets the group's answer, and Cognito is not asked", async () => {
    const created = calls.AdminCreateUser ?? 0;
    const res = await asMia(INVITE, {
      input: { email: "ava.reid@glow.example", name: "Ava Again", role: "ANALYST" },
    });
    expect(codes(res)).toEqual(["BAD_USER_INPUT"]);
    expect(res.errors?.[0]?.extensions?.fields).toEqual([
      { path: "input.email", reason: "already belongs to a user of this clinic group" },
    ]);
    expect(calls.AdminCreateUser ?? 0).toBe(created);
  });

  it("an email with an account in another clinic group: BAD_USER_INPUT naming no group, the other account untouched", async () => {
    const address = `shared.${randomUUID().slice(0, 6)}@example.com`;
    const theirs = ok(
      await asIan<{ inviteUser: { user: UserOut } }>(INVITE, {
        input: { email: address, name: "Northside Person", role: "ANALYST" },
      }),
    ).inviteUser.user;
    const before = await snapshotTable(api.db);
    const deleted = calls.AdminDeleteUser ?? 0;
    const created = calls.AdminCreateUser ?? 0;
    const res = await asMia(INVITE, {
      input: { email: address.toUpperCase(), name: "Glow Person", role: "ANALYST" },
      key: newKey(),
    });
    expect(codes(res)).toEqual(["BAD_USER_INPUT"]);
    // The table's claim on the email answers before Cognito is asked.
    expect(calls.AdminCreateUser ?? 0).toBe(created);
    expect(res.errors?.[0]?.extensions?.fields).toEqual([
      { path: "input.email", reason: "already has a Needlework sign-in account" },
    ]);
    const text = JSON.stringify(res);
    for (const secret of ["northside", "Northside", localId(theirs.id), poolId])
      expect(text).not.toContain(secret);
    expect(await snapshotTable(api.db)).toEqual(before);
    expect(calls.AdminDeleteUser ?? 0).toBe(deleted);
    const acc = (await account(localId(theirs.id)))!;
    expect(acc.attributes["custom:clinicGroup"]).toBe("northside");
    expect(acc.enabled).toBe(true);
  });

  it("an email with a Cognito account but no user anywhere (left over): Cognito's answer, the same one", async () => {
    const address = `orphan.${randomUUID().slice(0, 6)}@example.com`;
    await cognito.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: address,
        UserAttributes: [{ Name: "email", Value: address }],
        MessageAction: "SUPPRESS",
      }),
    );
    const before = await snapshotTable(api.db);
    const res = await asMia(INVITE, { input: { email: address, name: "Orphan", role: "ANALYST" } });
    expect(codes(res)).toEqual(["BAD_USER_INPUT"]);
    expect(res.errors?.[0]?.extensions?.fields).toEqual([
      { path: "input.email", reason: "already has a Needlework sign-in account" },
    ]);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("Cognito unreachable: IDENTITY_UNAVAILABLE (retryable, no internals), the table unchanged; the same mutation again converges", async () => {
    const u = await invite({
      email: email("una"),
      name: "Una Reach",
      role: "PRACTITIONER",
      siteIds: [site("harbour")],
    });
    const sub = localId(u.id);
    const before = await snapshotTable(api.db);
    current = down;
    try {
      const results = [
        await asMia(INVITE, {
          input: { email: email("nobody"), name: "No Body", role: "ANALYST" },
          key: newKey(),
        }),
        await asMia(UPDATE, { id: u.id, v: u.version, input: { role: "ANALYST" } }),
        await asMia(DEACTIVATE, { id: u.id, v: u.version }),
      ];
      for (const res of results) {
        expect(codes(res)).toEqual(["IDENTITY_UNAVAILABLE"]);
        expect(res.errors?.[0]?.extensions?.retryable).toBe(true);
        expect(res.errors?.[0]?.message).toBe(
          "The sign-in service could not be updated, so nothing was saved. Try again in a moment.",
        );
        expect(JSON.stringify(res)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|arn:|cognito-idp|local_/);
        expect(JSON.stringify(res)).not.toContain(poolId);
      }
      expect(await snapshotTable(api.db)).toEqual(before);
    } finally {
      current = idp;
    }
    // Nothing was saved, so the very same request (same version) can be sent again.
    const off = ok(await asMia<{ deactivateUser: { user: UserOut } }>(DEACTIVATE, { id: u.id, v: u.version }))
      .deactivateUser.user;
    expect(off.active).toBe(false);
    expect((await account(sub))!.enabled).toBe(false);
  });

  it("a Cognito call failing half-way through an invite leaves no account behind", async () => {
    const before = await snapshotTable(api.db);
    const address = email("half");
    failAction = "AdminAddUserToGroup";
    let res: GqlResult;
    try {
      res = await asMia(INVITE, {
        input: { email: address, name: "Half Made", role: "ANALYST" },
        key: newKey(),
      });
    } finally {
      failAction = undefined;
    }
    expect(codes(res)).toEqual(["IDENTITY_UNAVAILABLE"]);
    expect(await account(address)).toBeUndefined();
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("a sync failing half-way saves nothing; the same mutation again sets the whole account", async () => {
    const u = await invite({
      email: email("part"),
      name: "Part Way",
      role: "PRACTITIONER",
      siteIds: [site("harbour")],
    });
    const sub = localId(u.id);
    const before = await snapshotTable(api.db);
    const change = { id: u.id, v: u.version, input: { name: "Whole Way", role: "CLINIC_ADMIN" } };
    failAction = "AdminListGroupsForUser";
    try {
      expect(codes(await asMia(UPDATE, change))).toEqual(["IDENTITY_UNAVAILABLE"]);
    } finally {
      failAction = undefined;
    }
    expect(await snapshotTable(api.db)).toEqual(before);
    // Part of the sync went through (the name, the sites attribute), the role did not: the record still
    // decides, and a token from this account is still the practitioner the record says.
    const partial = (await account(sub))!;
    expect(partial.groups).toEqual(["PRACTITIONER"]);
    expect(
      ok(await api.gql<{ me: { role: string } }>(`{ me { role } }`, {}, await tokenOf(partial))).me.role,
    ).toBe("PRACTITIONER");

    const saved = ok(await asMia<{ updateUser: { user: UserOut } }>(UPDATE, change)).updateUser.user;
    expect(saved).toMatchObject({ name: "Whole Way", role: "CLINIC_ADMIN", version: u.version + 1 });
    const acc = (await account(sub))!;
    expect(acc.groups).toEqual(["CLINIC_ADMIN"]);
    expect(acc.attributes.name).toBe("Whole Way");
    expect(acc.attributes).not.toHaveProperty("custom:sites");
  });

  it("a record write failing after the account was set: the account is set back to the record", async () => {
    const u = await invite({
      email: email("back"),
      name: "Set Back",
      role: "PRACTITIONER",
      siteIds: [site("harbour")],
    });
    const sub = localId(u.id);
    const before = await snapshotTable(api.db);
    api.db.faultHook = ({ operation }) =>
      operation === "TransactWriteItems"
        ? Object.assign(new Error("injected"), { name: "ValidationException" })
        : undefined;
    let res: GqlResult;
    try {
      res = await asMia(UPDATE, { id: u.id, v: u.version, input: { name: "Never Saved", role: "ANALYST" } });
    } finally {
      api.db.faultHook = undefined;
    }
    expect(codes(res)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(await snapshotTable(api.db)).toEqual(before);
    const acc = (await account(sub))!;
    expect(acc.groups).toEqual(["PRACTITIONER"]);
    expect(acc.attributes).toMatchObject({ name: "Set Back", "custom:sites": "harbour" });
  });

  it("an admin whose record was deactivated creates no account with a token still in hand", async () => {
    const admin = await invite({ email: email("admin2"), name: "Second Admin", role: "CLINIC_ADMIN" });
    const token = await tokenOf((await account(localId(admin.id)))!);
    ok(await asMia(DEACTIVATE, { id: admin.id, v: admin.version }));
    const created = calls.AdminCreateUser ?? 0;
    const address = email("victim");
    const res = await api.gql(
      INVITE,
      { input: { email: address, name: "Not Made", role: "CLINIC_ADMIN" } },
      token,
    );
    expect(codes(res)).toEqual(["UNAUTHENTICATED"]);
    expect(calls.AdminCreateUser ?? 0).toBe(created);
    expect(await account(address)).toBeUndefined();
  });

  it("a record without a Cognito user (deleted by hand) can be deactivated, but a change is refused and nothing saved", async () => {
    // The demo users were seeded into the table only: none of them has a Cognito user.
    const before = await snapshotTable(api.db);
    const UPDATE_AVA = { id: toGlobalId("User", "u-ava"), v: 1, input: { name: "Ava Renamed" } };
    const res = await asMia(UPDATE, UPDATE_AVA);
    expect(codes(res)).toEqual(["IDENTITY_UNAVAILABLE"]);
    expect(res.errors?.[0]?.extensions?.retryable).toBeUndefined();
    expect(await snapshotTable(api.db)).toEqual(before);
    const off = ok(
      await asMia<{ deactivateUser: { user: UserOut } }>(DEACTIVATE, { id: UPDATE_AVA.id, v: 1 }),
    ).deactivateUser.user;
    expect(off.active).toBe(false);
  });

  it("the Lambda's IAM grants exactly the Cognito actions the provider calls", () => {
    expect(
      Object.keys(calls)
        .map((a) => `cognito-idp:${a}`)
        .sort(),
    ).toEqual([...USER_POOL_ACTIONS].sort());
  });
});

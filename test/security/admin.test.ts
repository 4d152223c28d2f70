import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseGlobalId, toGlobalId } from "@needlework/api";
import { untilSignInAllowed } from "../support/access";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";
import { patientInput, siteId } from "./fixtures";

/**
 * The admin API end to end: sites and users with versions, local sign-in of invited users (from the
 * table, not the static demo list), and changes that take effect on the very next request: a
 * deactivated user's token stops working, a changed role or site needs a new sign-in.
 */
type SiteOut = { id: string; name: string; archived: boolean; version: number };
type UserOut = {
  id: string;
  email: string;
  role: string;
  active: boolean;
  version: number;
  sites: { id: string }[];
};

const SITE = `id name archived version`;
const USER = `id email role active version sites { id }`;

describe("admin API", () => {
  let api: TestApi;
  let base = "";
  beforeAll(async () => {
    api = await startTestApi();
    base = api.url.replace(/\/graphql$/, "");
  });
  afterAll(async () => api?.stop());

  const asMia = <T>(q: string, v: Record<string, unknown> = {}) => api.gql<T>(q, v, api.users.mia);
  const ok = <T>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };
  const signIn = async (email: string) => {
    const res = await fetch(`${base}/auth/local/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    return {
      status: res.status,
      token: res.ok ? `Bearer ${((await res.json()) as { token: string }).token}` : "",
    };
  };
  const directory = async () =>
    (await (await fetch(`${base}/auth/local/users`)).json()) as {
      email: string;
      role: string;
      sites: { id: string }[];
    }[];

  it("creates, renames (with the version read), archives and pages sites", async () => {
    const created = ok(
      await asMia<{ createSite: { site: SiteOut } }>(
        `mutation { createSite(input: { name: "  Quayside " }) { site { ${SITE} } } }`,
      ),
    );
    const s = created.createSite.site;
    expect(s).toMatchObject({ name: "Quayside", archived: false, version: 1 });

    const UPDATE = `mutation($id: ID!, $v: Int!, $input: SiteUpdateInput!) { updateSite(id: $id, version: $v, input: $input) { site { ${SITE} } } }`;
    const renamed = ok(
      await asMia<{ updateSite: { site: SiteOut } }>(UPDATE, {
        id: s.id,
        v: 1,
        input: { name: "Quayside Clinic" },
      }),
    );
    expect(renamed.updateSite.site).toMatchObject({ name: "Quayside Clinic", version: 2 });
    expect(codes(await asMia(UPDATE, { id: s.id, v: 1, input: { name: "Lost update" } }))).toEqual([
      "CONFLICT",
    ]);
    expect(codes(await asMia(UPDATE, { id: s.id, v: 2, input: { name: "  " } }))).toEqual(["BAD_USER_INPUT"]);

    // Paging: every site once, in pages of one.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        sites: { edges: { node: SiteOut }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      } = ok(
        await asMia(
          `query($after: String) { sites(first: 1, after: $after) { edges { node { ${SITE} } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        ),
      );
      seen.push(...page.sites.edges.map((e) => e.node.name));
      after = page.sites.pageInfo.hasNextPage ? page.sites.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(["Harbour Street", "Quayside Clinic", "Riverside"]);

    // Archived: no new patients there, and no new staff.
    const archived = ok(
      await asMia<{ updateSite: { site: SiteOut } }>(UPDATE, { id: s.id, v: 2, input: { archived: true } }),
    );
    expect(archived.updateSite.site).toMatchObject({ archived: true, version: 3, name: "Quayside Clinic" });
    const patient = await asMia(
      `mutation($input: PatientInput!) { createPatient(input: $input) { patient { id } } }`,
      { input: patientInput(s.id) },
    );
    expect(codes(patient)).toEqual(["BAD_USER_INPUT"]);
    const staff = await asMia(`mutation($input: UserInput!) { inviteUser(input: $input) { user { id } } }`, {
      input: { email: "quay@glow.example", name: "Quay", role: "PRACTITIONER", siteIds: [s.id] },
    });
    expect(codes(staff)).toEqual(["BAD_USER_INPUT"]);
  });

  it("invites a practitioner who can sign in locally at once and sees only their site", async () => {
    const INVITE = `mutation($input: UserInput!) { inviteUser(input: $input) { user { ${USER} } } }`;
    const invited = ok(
      await asMia<{ inviteUser: { user: UserOut } }>(INVITE, {
        input: {
          email: "Nina.New@Glow.example",
          name: "Nina New",
          role: "PRACTITIONER",
          siteIds: [siteId("otherSite")],
        },
      }),
    );
    expect(invited.inviteUser.user).toMatchObject({
      email: "nina.new@glow.example",
      role: "PRACTITIONER",
      active: true,
      version: 1,
      sites: [{ id: siteId("otherSite") }],
    });

    expect(
      codes(
        await asMia(INVITE, { input: { email: "nina.new@glow.example", name: "Again", role: "ANALYST" } }),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await asMia(INVITE, {
          input: { email: "nosite@glow.example", name: "No Site", role: "PRACTITIONER" },
        }),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(await asMia(INVITE, { input: { email: "not-an-email", name: "X", role: "ANALYST" } })),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await asMia(INVITE, {
          input: { email: "admin2@glow.example", name: "X", role: "CLINIC_ADMIN", siteIds: [siteId("own")] },
        }),
      ),
    ).toEqual(["BAD_USER_INPUT"]);

    expect((await directory()).map((u) => u.email)).toContain("nina.new@glow.example");
    const { status, token } = await signIn("nina.new@glow.example");
    expect(status).toBe(200);
    const me = ok(
      await api.gql<{ me: { email: string; sites: { id: string }[] } }>(
        `{ me { email sites { id } } }`,
        {},
        token,
      ),
    );
    expect(me.me).toEqual({ email: "nina.new@glow.example", sites: [{ id: siteId("otherSite") }] });
    const LIST = `query($s: ID!) { patients(siteId: $s) { edges { node { id } } } }`;
    expect(
      ok(await api.gql<{ patients: { edges: unknown[] } }>(LIST, { s: siteId("otherSite") }, token)).patients
        .edges.length,
    ).toBeGreaterThan(0);
    expect(codes(await api.gql(LIST, { s: siteId("own") }, token))).toEqual(["NOT_FOUND"]);
  });

  it("an email belongs to one user in one group: inviting one held anywhere is refused, and changes nothing", async () => {
    const INVITE = `mutation($input: UserInput!) { inviteUser(input: $input) { user { ${USER} } } }`;
    const reasons = (r: GqlResult<unknown>) =>
      (r.errors ?? []).flatMap(
        (e) => (e.extensions?.fields as { path: string; reason: string }[] | undefined) ?? [],
      );
    const before = await snapshotTable(api.db);
    // Zoe is a practitioner of Northside; Mia administers Glow. Any case, any role.
    for (const email of ["zoe.park@northside.example", "  Zoe.Park@NORTHSIDE.example "]) {
      const r = await asMia(INVITE, { input: { email, name: "Zoe Again", role: "CLINIC_ADMIN" } });
      expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
      expect(r.data ?? null).toBeNull();
      // The same answer as Cognito's, naming no group.
      expect(reasons(r)).toEqual([
        { path: "input.email", reason: "already has a Needlework sign-in account" },
      ]);
      expect(JSON.stringify(r.errors)).not.toMatch(/northside/i);
    }
    // The group's own user: the group's own answer.
    const own = await asMia(INVITE, {
      input: { email: "ava.reid@glow.example", name: "Ava", role: "ANALYST" },
    });
    expect(reasons(own)).toEqual([
      { path: "input.email", reason: "already belongs to a user of this clinic group" },
    ]);
    expect(await snapshotTable(api.db)).toEqual(before);
    // Signing in with the email is still Zoe, of Northside, and only her.
    const { token } = await signIn("zoe.park@northside.example");
    const me = ok(
      await api.gql<{ me: { userId: string; groupId: string } }>(`{ me { userId groupId } }`, {}, token),
    ).me;
    expect(me).toMatchObject({ groupId: "northside" });

    // Two groups inviting one new address at once: exactly one gets it.
    const email = `shared.${Date.now().toString(36)}@clinic.example`;
    const results = await Promise.all(
      [api.users.mia!, api.users.ian!].map((admin) =>
        api.gql<{ inviteUser: { user: UserOut } }>(
          INVITE,
          { input: { email, name: "Shared Person", role: "ANALYST" } },
          admin,
        ),
      ),
    );
    expect(results.map((r) => codes(r)[0] ?? "OK").sort()).toEqual(["BAD_USER_INPUT", "OK"]);
    const holders = (await directory()).filter((u) => u.email === email);
    expect(holders).toHaveLength(1);
  });

  it("applies a change of role or sites, and a deactivation, on the next request", async () => {
    const INVITE = `mutation($input: UserInput!) { inviteUser(input: $input) { user { ${USER} } } }`;
    const UPDATE = `mutation($id: ID!, $v: Int!, $input: UserUpdateInput!) { updateUser(id: $id, version: $v, input: $input) { user { ${USER} } } }`;
    const u = ok(
      await asMia<{ inviteUser: { user: UserOut } }>(INVITE, {
        input: {
          email: "omar.moves@glow.example",
          name: "Omar Moves",
          role: "PRACTITIONER",
          siteIds: [siteId("own"), siteId("otherSite")],
        },
      }),
    ).inviteUser.user;
    const userId = parseGlobalId(u.id)!.localId;
    const first = (await signIn(u.email)).token;
    expect(ok(await api.gql<{ me: { role: string } }>(`{ me { role } }`, {}, first)).me.role).toBe(
      "PRACTITIONER",
    );

    // Sites narrowed: the old token claims a site no longer granted.
    const narrowed = ok(
      await asMia<{ updateUser: { user: UserOut } }>(UPDATE, {
        id: u.id,
        v: 1,
        input: { siteIds: [siteId("own")] },
      }),
    ).updateUser.user;
    expect(narrowed).toMatchObject({ version: 2, sites: [{ id: siteId("own") }] });
    expect(codes(await api.gql(`{ me { role } }`, {}, first))).toEqual(["UNAUTHENTICATED"]);
    const second = (await signIn(u.email)).token;
    expect(
      ok(await api.gql<{ me: { sites: { id: string }[] } }>(`{ me { sites { id } } }`, {}, second)).me.sites,
    ).toEqual([{ id: siteId("own") }]);

    // Role changed: the practitioner's token no longer works; the analyst sign-in sees no patients.
    expect(codes(await asMia(UPDATE, { id: u.id, v: 1, input: { role: "ANALYST" } }))).toEqual(["CONFLICT"]);
    const analyst = ok(
      await asMia<{ updateUser: { user: UserOut } }>(UPDATE, { id: u.id, v: 2, input: { role: "ANALYST" } }),
    ).updateUser.user;
    expect(analyst).toMatchObject({ role: "ANALYST", sites: [], version: 3 });
    expect(codes(await api.gql(`{ me { role } }`, {}, second))).toEqual(["UNAUTHENTICATED"]);
    await untilSignInAllowed(api.db, "glow", userId);
    const third = (await signIn(u.email)).token;
    expect(
      codes(
        await api.gql(
          `query($s: ID!) { patients(siteId: $s) { edges { node { id } } } }`,
          { s: siteId("own") },
          third,
        ),
      ),
    ).toEqual(["FORBIDDEN"]);

    // Deactivated: the current token stops working, and there is no new sign-in.
    const off = ok(
      await asMia<{ deactivateUser: { user: UserOut } }>(
        `mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { user { ${USER} } } }`,
        { id: u.id, v: 3 },
      ),
    );
    expect(off.deactivateUser.user).toMatchObject({ active: false, version: 4 });
    expect(codes(await api.gql(`{ me { role } }`, {}, third))).toEqual(["UNAUTHENTICATED"]);
    expect((await signIn(u.email)).status).toBe(404);
    expect((await directory()).map((x) => x.email)).not.toContain(u.email);

    const on = ok(
      await asMia<{ reactivateUser: { user: UserOut } }>(
        `mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, version: $v) { user { ${USER} } } }`,
        { id: u.id, v: 4 },
      ),
    );
    expect(on.reactivateUser.user.active).toBe(true);
    // A token issued before the deactivation does not come back with the reactivation; a new sign-in works.
    expect(codes(await api.gql(`{ me { role } }`, {}, third))).toEqual(["UNAUTHENTICATED"]);
    await untilSignInAllowed(api.db, "glow", userId);
    const fourth = (await signIn(u.email)).token;
    expect(ok(await api.gql<{ me: { role: string } }>(`{ me { role } }`, {}, fourth)).me.role).toBe(
      "ANALYST",
    );
  });

  it("does not let an admin lock themselves out", async () => {
    const mia = await api.gql<{ node: UserOut }>(
      `query($id: ID!) { node(id: $id) { ... on User { ${USER} } } }`,
      { id: toGlobalId("User", "u-mia") },
      api.users.mia,
    );
    const me = ok(mia).node;
    expect(me.email).toBe("mia.chen@glow.example");
    expect(
      codes(
        await asMia(`mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { user { id } } }`, {
          id: me.id,
          v: me.version,
        }),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await asMia(
          `mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { role: PRACTITIONER, siteIds: ["${siteId("own")}"] }) { user { id } } }`,
          { id: me.id, v: me.version },
        ),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
  });

  it("records administration in the group's audit trail, under the admin", async () => {
    const entries = ok(
      await asMia<{ auditByUser: { edges: { node: { action: string; outcome: string } }[] } }>(
        `query($u: ID!) { auditByUser(userId: $u, first: 100) { edges { node { action outcome } } } }`,
        { u: toGlobalId("User", "u-mia") },
      ),
    ).auditByUser.edges.map((e) => e.node.action);
    for (const action of [
      "CREATE_SITE",
      "UPDATE_SITE",
      "INVITE_USER",
      "UPDATE_USER",
      "DEACTIVATE_USER",
      "REACTIVATE_USER",
    ]) {
      expect(entries).toContain(action);
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importJWK, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_AUDIENCE, LOCAL_ISSUER, parseGlobalId, toGlobalId } from "@needlework/api";
import { ID_TOKEN_VALIDITY_SECONDS, TOKEN_CLOCK_SKEW_SECONDS, type Principal } from "@needlework/core";
import { Groups } from "@needlework/store";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

/**
 * A token is good for what the user's record grants now, and for no longer than an ID token lives:
 * - issued before the user's last access change (deactivation, reactivation, role, sites) it is refused,
 *   with nothing answered and nothing written, even when the record is back to what the token claims;
 * - older than the ID token validity, valid for longer, or issued in the future, it is refused
 *   whatever its `exp` says.
 * Tokens are signed with the local issuer's real key and a chosen `iat`, against the record's stamp
 * read from the table, so no case depends on where in a second it runs.
 */
const SKEW = TOKEN_CLOCK_SKEW_SECONDS;
const now = () => Math.floor(Date.now() / 1000);
const USER = `id role active version sites { id }`;
type UserOut = { id: string; role: string; active: boolean; version: number };

describe("token lifecycle", () => {
  let api: TestApi;
  let dir: string;
  let sign: (p: Principal, times: { iat: number; exp?: number }) => Promise<string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "needlework-tokens-"));
    api = await startTestApi({ issuerDir: dir });
    const { privateJwk } = JSON.parse(readFileSync(join(dir, "local-issuer.jwk.json"), "utf8")) as {
      privateJwk: JWK;
    };
    const key = await importJWK(privateJwk, "ES256");
    sign = async (p, { iat, exp = iat + ID_TOKEN_VALIDITY_SECONDS }) =>
      `Bearer ${await new SignJWT({
        email: p.email,
        name: p.name,
        "cognito:groups": [p.role],
        "custom:clinicGroup": p.groupId,
        "custom:sites": p.siteIds.join(","),
        token_use: "id",
      })
        .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: privateJwk.kid! })
        .setSubject(p.userId)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key)}`;
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const asMia = <T>(q: string, v: Record<string, unknown> = {}) => api.gql<T>(q, v, api.users.mia);
  const ok = <T>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };
  const harbour = toGlobalId("Site", "harbour");
  const patient = toGlobalId("Patient", "demo-glow-p06");

  /** A read of patient data and a write: neither may answer or leave anything for a refused token. */
  const OPERATIONS: [string, string, Record<string, unknown>][] = [
    ["me", `{ me { userId role } }`, {}],
    ["a patient", `query($id: ID!) { patient(id: $id) { id givenName } }`, { id: patient }],
    [
      "a new patient",
      `mutation($i: PatientInput!) { createPatient(input: $i) { patient { id } } }`,
      { i: { siteId: harbour, givenName: "Stale", familyName: "Token", dateOfBirth: "1980-02-02" } },
    ],
  ];

  async function expectRefused(token: string, why: string) {
    const before = await snapshotTable(api.db);
    for (const [what, query, variables] of OPERATIONS) {
      const r = await api.gql<Record<string, unknown>>(query, variables, token);
      expect(codes(r), `${why}: ${what}`).toEqual(["UNAUTHENTICATED"]);
      expect(
        Object.values(r.data ?? {}).filter((v) => v !== null),
        `${why}: ${what}`,
      ).toEqual([]);
    }
    expect(await snapshotTable(api.db), why).toEqual(before);
  }

  async function expectAccepted(token: string, why: string) {
    const r = await api.gql<{ me: { userId: string } }>(`{ me { userId } }`, {}, token);
    expect(codes(r), why).toEqual([]);
  }

  /** A new practitioner at Harbour Street, and their principal as a token would carry it. */
  async function newPractitioner(name: string): Promise<{ user: UserOut; p: Principal }> {
    const email = `${name.toLowerCase().replace(/\s+/g, ".")}.${Date.now().toString(36)}@glow.example`;
    const user = ok(
      await asMia<{ inviteUser: { user: UserOut } }>(
        `mutation($input: UserInput!) { inviteUser(input: $input) { user { ${USER} } } }`,
        { input: { email, name, role: "PRACTITIONER", siteIds: [harbour] } },
      ),
    ).inviteUser.user;
    const userId = parseGlobalId(user.id)!.localId;
    return {
      user,
      p: { userId, email, name, role: "PRACTITIONER", groupId: "glow", siteIds: ["harbour"] },
    };
  }

  /** The user's last access change and the earliest token `iat` accepted since, from the table. */
  const stamp = async (userId: string): Promise<{ changedAt: number; validFrom: number }> => {
    const u = await Groups.getUser(api.db, "glow", userId);
    expect(u?.accessChangedAt, "the record carries its last access change").toBeTypeOf("number");
    return { changedAt: u!.accessChangedAt!, validFrom: u!.tokensValidFrom! };
  };

  it("a token from before a deactivation stays refused after the reactivation", async () => {
    const { user, p } = await newPractitioner("Rhea Back");
    const before = await sign(p, { iat: now() });
    await expectAccepted(before, "before any change");

    const off = ok(
      await asMia<{ deactivateUser: { user: UserOut } }>(
        `mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { user { ${USER} } } }`,
        { id: user.id, v: user.version },
      ),
    ).deactivateUser.user;
    await expectRefused(before, "deactivated");
    const deactivatedAt = (await stamp(p.userId)).changedAt;

    ok(
      await asMia(
        `mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, version: $v) { user { ${USER} } } }`,
        { id: user.id, v: off.version },
      ),
    );
    const reactivated = await stamp(p.userId);
    await expectRefused(before, "reactivated, token from before the deactivation");
    // Issued in the deactivation's second, or just before the first second accepted: still refused.
    await expectRefused(await sign(p, { iat: deactivatedAt }), "issued in the deactivation's second");
    await expectRefused(await sign(p, { iat: reactivated.validFrom - 1 }), "issued before the first second");
    // The first accepted second: after the deactivation's, and within the skew of the reactivation.
    expect(reactivated.validFrom).toBeGreaterThan(deactivatedAt);
    expect(reactivated.validFrom).toBeGreaterThanOrEqual(reactivated.changedAt - SKEW);
    await expectAccepted(await sign(p, { iat: reactivated.validFrom }), "issued at the first second");
  });

  it("a token from before a role change stays refused when the role is changed back", async () => {
    const { user, p } = await newPractitioner("Theo Turns");
    const UPDATE = `mutation($id: ID!, $v: Int!, $input: UserUpdateInput!) { updateUser(id: $id, version: $v, input: $input) { user { ${USER} } } }`;
    const before = await sign(p, { iat: now() });
    await expectAccepted(before, "before any change");

    const analyst = ok(
      await asMia<{ updateUser: { user: UserOut } }>(UPDATE, {
        id: user.id,
        v: user.version,
        input: { role: "ANALYST" },
      }),
    ).updateUser.user;
    await expectRefused(before, "the role changed");
    const back = ok(
      await asMia<{ updateUser: { user: UserOut } }>(UPDATE, {
        id: user.id,
        v: analyst.version,
        input: { role: "PRACTITIONER", siteIds: [harbour] },
      }),
    ).updateUser.user;
    expect(back.role).toBe("PRACTITIONER");
    // The record grants exactly what the old token claims again, and the token is still refused.
    await expectRefused(before, "the role changed back");
    const { validFrom } = await stamp(p.userId);
    await expectAccepted(await sign(p, { iat: Math.max(validFrom, now()) }), "a sign-in after the change");
  });

  it("a name change retires no token", async () => {
    const { user, p } = await newPractitioner("Nell Named");
    const token = await sign(p, { iat: now() });
    const stamped = await stamp(p.userId);
    ok(
      await asMia(
        `mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { name: "Nell Renamed" }) { user { id } } }`,
        { id: user.id, v: user.version },
      ),
    );
    expect(await stamp(p.userId)).toEqual(stamped);
    await expectAccepted(token, "after a new name");
  });

  describe("a maximum token age, whatever exp says", () => {
    const ava = () => api.users.ava!;

    it("accepts a token within the ID token validity", async () => {
      await expectAccepted(await sign(ava(), { iat: now() - ID_TOKEN_VALIDITY_SECONDS + 60 }), "55 min old");
    });

    it("refuses exp a hundred years after iat", async () => {
      await expectRefused(
        await sign(ava(), { iat: now(), exp: now() + 100 * 365 * 24 * 3600 }),
        "exp in 100 years",
      );
    });

    it("refuses exp - iat longer than the validity", async () => {
      await expectRefused(
        await sign(ava(), { iat: now(), exp: now() + ID_TOKEN_VALIDITY_SECONDS + 60 }),
        "valid 61 minutes",
      );
    });

    it("refuses iat older than the validity, even with exp still ahead", async () => {
      await expectRefused(
        await sign(ava(), { iat: now() - ID_TOKEN_VALIDITY_SECONDS - SKEW - 60, exp: now() + 600 }),
        "issued over an hour ago",
      );
    });

    it("refuses iat in the future beyond the clock skew", async () => {
      await expectRefused(await sign(ava(), { iat: now() + SKEW + 60 }), "issued in a minute");
    });
  });
});

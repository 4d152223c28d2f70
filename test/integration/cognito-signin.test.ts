import { AdminDisableUserCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalIssuer, createVerifier, startLocalApi, toGlobalId, type LocalApi } from "@needlework/api";
import { bootstrapGroup, Groups } from "@needlework/store";
import { freePort } from "@needlework/store/local";
import {
  createCognitoAuth,
  memoryStorage,
  type CognitoAuth,
  type SignInStep,
} from "../../web/src/auth/cognito";
import { createTestDb } from "../support/dynamo";
import {
  createMotoPool,
  inviteMotoUser,
  MOTO_TOTP_SECRET,
  startMoto,
  type Moto,
  type MotoPool,
} from "../support/moto";
import { totp, wrongTotp } from "../support/totp";

/**
 * The portal's Cognito sign-in module (web/src/auth/cognito.ts, amazon-cognito-identity-js) against
 * moto's Cognito, which speaks SRP and the challenges: an invited user changes the temporary
 * password, sets up an authenticator app, signs in with a TOTP code, calls the real API (whose
 * verifier reads moto's JWKS), refreshes and signs out, after which the refresh token is dead.
 */
let moto: Moto;
let pool: MotoPool;
let db: Awaited<ReturnType<typeof createTestDb>>;
let api: LocalApi;

const GROUP = `grp-moto-${Date.now().toString(36)}`;
const EMAIL = `nadia.${Date.now().toString(36)}@clinic.example`;
const TEMPORARY = "Temporary-pass-1!";
const CHOSEN = "Chosen-password-2#";
let sub = "";

const portal = (storage = memoryStorage()) => ({
  storage,
  auth: createCognitoAuth({
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    endpoint: moto.endpoint,
    storage,
  }),
});

function expectStep<K extends SignInStep["step"]>(s: SignInStep, step: K): Extract<SignInStep, { step: K }> {
  expect(s.step).toBe(step);
  return s as Extract<SignInStep, { step: K }>;
}

/** Sign-in with the chosen password up to the TOTP question. */
async function untilCode(auth: CognitoAuth) {
  return expectStep(await auth.signIn(EMAIL, CHOSEN), "mfa-code");
}

const me = async (token: string) => {
  const res = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ me { userId email role groupId } }" }),
  });
  return (await res.json()) as {
    data?: { me: { userId: string; email: string; role: string; groupId: string } };
    errors?: { extensions?: { code?: string } }[];
  };
};

beforeAll(async () => {
  moto = await startMoto();
  pool = await createMotoPool(moto);
  ({ sub } = await inviteMotoUser(moto, pool, {
    email: EMAIL,
    name: "Nadia Rahman",
    role: "CLINIC_ADMIN",
    groupId: GROUP,
    siteIds: [],
    temporaryPassword: TEMPORARY,
  }));
  db = await createTestDb("moto");
  // As infra/DEPLOY.md's first administrator: the group's record names the Cognito user's sub.
  await bootstrapGroup(db, {
    groupId: GROUP,
    name: "Moto Clinic",
    sites: [{ id: "site-moto-1", name: "Harbour Street" }],
    admin: { sub, email: EMAIL, name: "Nadia Rahman" },
  });
  api = await startLocalApi({
    db,
    verifier: createVerifier({
      issuer: pool.issuer,
      audience: pool.clientId,
      jwksUrl: pool.jwksUrl,
      algorithms: ["RS256"],
    }),
    devMode: false,
    port: await freePort(),
    // The local issuer's sign-in routes stay, but this verifier accepts only moto's tokens.
    issuer: await createLocalIssuer(),
    users: () => Groups.signInDirectory(db, [GROUP]),
    allowedOrigins: [],
    logger: () => undefined,
  });
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  await moto?.stop();
});

describe("Cognito sign-in through the portal's module (moto)", () => {
  it("takes an invited user through a new password and authenticator set-up to a token the API accepts", async () => {
    const { auth } = portal();
    const first = expectStep(await auth.signIn(EMAIL, TEMPORARY), "new-password");
    const setup = expectStep(await first.submit(CHOSEN), "mfa-setup");
    expect(setup.secret).toBe(MOTO_TOTP_SECRET);
    expect(setup.uri).toBe(
      `otpauth://totp/${encodeURIComponent(`Needlework:${EMAIL}`)}?secret=${MOTO_TOTP_SECRET}&issuer=Needlework`,
    );

    // A wrong first code does not set the app up; the right one does and signs in.
    await expect(setup.submit(wrongTotp(setup.secret))).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const done = expectStep(await setup.submit(totp(setup.secret)), "signed-in");
    const r = await me(done.token.token);
    expect(r.errors).toBeUndefined();
    expect(r.data?.me).toEqual({
      userId: toGlobalId("User", sub),
      email: EMAIL,
      role: "CLINIC_ADMIN",
      groupId: GROUP,
    });
  });

  it("asks for the TOTP code at every later sign-in and refuses a wrong one", async () => {
    const { auth } = portal();
    const ask = await untilCode(auth);
    const refused = await ask.submit(wrongTotp(MOTO_TOTP_SECRET)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(refused).toHaveProperty(
      "message",
      "That code is not right. Enter the current code from your app.",
    );
    expect(await auth.restore()).toBeNull();
  });

  it("signs in with a code, calls the API, refreshes, and signs out so the refresh token is revoked", async () => {
    const { auth, storage } = portal();
    const signedIn = expectStep(await (await untilCode(auth)).submit(totp(MOTO_TOTP_SECRET)), "signed-in");
    expect((await me(signedIn.token.token)).data?.me.userId).toBe(toGlobalId("User", sub));

    // A reload finds the session in the storage the portal gave the library.
    expect((await auth.restore())?.token).toBe(signedIn.token.token);

    const refreshed = await auth.refresh();
    expect(refreshed.token).not.toBe(signedIn.token.token);
    expect((await me(refreshed.token)).data?.me.userId).toBe(toGlobalId("User", sub));

    const refreshKey = storage.keys().find((k) => k.endsWith(".refreshToken"));
    const refreshToken = refreshKey ? storage.getItem(refreshKey) : null;
    expect(refreshToken).toBeTruthy();

    expect(await auth.signOut()).toBe(true);
    expect(await auth.restore()).toBeNull();
    await expect(auth.refresh()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // The refresh token itself, replayed by anyone who copied it, is refused.
    await expect(
      moto.client.send(
        new InitiateAuthCommand({
          ClientId: pool.clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: refreshToken ?? "" },
        }),
      ),
    ).rejects.toMatchObject({ name: "NotAuthorizedException" });
  });

  it("refuses a deactivated user", async () => {
    await moto.client.send(new AdminDisableUserCommand({ UserPoolId: pool.userPoolId, Username: EMAIL }));
    const { auth } = portal();
    const refused = await auth.signIn(EMAIL, CHOSEN).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(refused).toHaveProperty("message", "This account is switched off. Ask your clinic administrator.");
  });
});

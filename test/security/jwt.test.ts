import { createPublicKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";

/**
 * Every way a bearer token can be wrong answers UNAUTHENTICATED, with no data and no hint of why
 * (no "signature", no library name). The tokens are forged with the local issuer's real private key
 * where the attack needs it, so only the checked property is wrong.
 */
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

describe("JWT negatives: each answers UNAUTHENTICATED", () => {
  let api: TestApi;
  let dir: string;
  let privateJwk: JWK;
  let publicJwk: JWK;
  let kid: string;

  /** Ava's claims, as the local issuer (and Cognito) would put them. */
  const claims = (over: JWTPayload = {}): JWTPayload => ({
    sub: "u-ava",
    email: "ava.reid@glow.example",
    name: "Ava Reid",
    "cognito:groups": ["PRACTITIONER"],
    "custom:clinicGroup": "glow",
    "custom:sites": "harbour",
    token_use: "id",
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat: now(),
    nbf: now() - 1,
    exp: now() + 600,
    ...over,
  });

  const signEs256 = async (payload: JWTPayload, opts: { jwk?: JWK; kid?: string } = {}) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: opts.kid ?? kid })
      .sign(await importJWK(opts.jwk ?? privateJwk, "ES256"));

  const me = (authorization: string) =>
    api.gql<{ me: { email: string } }>(`{ me { email role } }`, {}, authorization);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "needlework-jwt-"));
    api = await startTestApi({ issuerDir: dir });
    ({ privateJwk, publicJwk } = JSON.parse(readFileSync(join(dir, "local-issuer.jwk.json"), "utf8")) as {
      privateJwk: JWK;
      publicJwk: JWK;
    });
    kid = publicJwk.kid!;
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("accepts the baseline token the negatives are derived from", async () => {
    const r = await me(`Bearer ${await signEs256(claims())}`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.me.email).toBe("ava.reid@glow.example");
  });

  const cases: [string, () => Promise<string>][] = [
    ["no token", async () => ""],
    ["not a bearer scheme", async () => `Basic ${Buffer.from("ava:pw").toString("base64")}`],
    ["garbage", async () => "Bearer abc.def.ghi"],
    [
      "alg none (unsigned, empty signature)",
      async () => `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}.`,
    ],
    [
      "alg none (unsigned, no signature part)",
      async () => `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}`,
    ],
    ["alg NONE with a kid (case games)", async () => `Bearer ${b64({ alg: "NONE", kid })}.${b64(claims())}.`],
    [
      "HS256 signed with the public key as PEM (key confusion)",
      async () => {
        const pem = createPublicKey({ key: publicJwk as never, format: "jwk" }).export({
          type: "spki",
          format: "pem",
        });
        const secret = new TextEncoder().encode(String(pem));
        return `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: "HS256", typ: "JWT", kid }).sign(secret)}`;
      },
    ],
    [
      "HS256 signed with the public JWK JSON (key confusion)",
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
        return `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: "HS256", typ: "JWT", kid }).sign(secret)}`;
      },
    ],
    ["wrong audience", async () => `Bearer ${await signEs256(claims({ aud: "someone-elses-app" }))}`],
    ["wrong issuer", async () => `Bearer ${await signEs256(claims({ iss: "https://evil.example/issuer" }))}`],
    [
      "expired",
      async () =>
        `Bearer ${await signEs256(claims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }))}`,
    ],
    [
      "not yet valid (nbf in an hour)",
      async () => `Bearer ${await signEs256(claims({ nbf: now() + 3600 }))}`,
    ],
    [
      "unknown key id (another key pair)",
      async () => {
        const other = await generateKeyPair("ES256", { extractable: true });
        return `Bearer ${await signEs256(claims(), { jwk: await exportJWK(other.privateKey), kid: "attacker-key" })}`;
      },
    ],
    [
      "the real key id, signed by another key",
      async () => {
        const other = await generateKeyPair("ES256", { extractable: true });
        return `Bearer ${await signEs256(claims(), { jwk: await exportJWK(other.privateKey) })}`;
      },
    ],
    [
      "tampered payload (role raised to CLINIC_ADMIN, original signature)",
      async () => {
        const [h, , s] = (await signEs256(claims())).split(".");
        return `Bearer ${h}.${b64(claims({ "cognito:groups": ["CLINIC_ADMIN"] }))}.${s}`;
      },
    ],
    [
      "tampered payload (another group, original signature)",
      async () => {
        const [h, , s] = (await signEs256(claims())).split(".");
        return `Bearer ${h}.${b64(claims({ "custom:clinicGroup": "northside" }))}.${s}`;
      },
    ],
    [
      "missing group claim",
      async () => `Bearer ${await signEs256(claims({ "custom:clinicGroup": undefined }))}`,
    ],
    ["missing role", async () => `Bearer ${await signEs256(claims({ "cognito:groups": [] }))}`],
    ["an unknown role", async () => `Bearer ${await signEs256(claims({ "cognito:groups": ["SUPERUSER"] }))}`],
    ["missing subject", async () => `Bearer ${await signEs256(claims({ sub: undefined }))}`],
    ["missing expiry", async () => `Bearer ${await signEs256(claims({ exp: undefined }))}`],
    // Validly signed, but the table does not grant it: the per-request user check.
    ["a user the group does not have", async () => `Bearer ${await signEs256(claims({ sub: "u-ghost" }))}`],
    [
      "a real user claimed in another group",
      async () => `Bearer ${await signEs256(claims({ "custom:clinicGroup": "northside" }))}`,
    ],
    [
      "a practitioner claiming a site not granted",
      async () => `Bearer ${await signEs256(claims({ "custom:sites": "harbour,riverside" }))}`,
    ],
    [
      "a practitioner claiming the admin role",
      async () => `Bearer ${await signEs256(claims({ "cognito:groups": ["CLINIC_ADMIN"] }))}`,
    ],
  ];

  it.each(cases)("%s", async (_name, make) => {
    const r = await me(await make());
    expect(codes(r)).toEqual(["UNAUTHENTICATED"]);
    expect(r.data ?? null).toBeNull();
    expect(JSON.stringify(r.errors)).not.toMatch(/signature|jose|jws|alg|kid|stack|claim/i);
  });

  it("refuses patient data, not only `me`, for a forged token", async () => {
    const forged = `Bearer ${b64({ alg: "none" })}.${b64(claims({ "cognito:groups": ["CLINIC_ADMIN"] }))}.`;
    const r = await api.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: "UGF0aWVudDpkZW1vLWdsb3ctcDAx" },
      forged,
    );
    expect(codes(r)).toEqual(["UNAUTHENTICATED"]);
    expect(r.data?.node ?? null).toBeNull();
  });
});

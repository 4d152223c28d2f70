import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { ID_TOKEN_VALIDITY_SECONDS, type Principal } from "@needlework/core";
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type AuthConfig } from "./tokens";

/**
 * The local stand-in for Cognito: an ES256 key pair generated into the data directory on first start,
 * signing tokens with the same claims Cognito ID tokens carry, and the same validity (the API refuses
 * longer-lived ones: auth/tokens.ts).
 */
export interface LocalIssuer {
  config: AuthConfig;
  publicJwk: JWK;
  /** `expiresIn`: seconds, at most (and by default) ID_TOKEN_VALIDITY_SECONDS. */
  sign(p: Principal, opts?: { expiresIn?: number }): Promise<string>;
}

const KID_PREFIX = "needlework-local-";

export async function createLocalIssuer(dir?: string): Promise<LocalIssuer> {
  let privateJwk: JWK;
  let publicJwk: JWK;
  const file = dir ? join(dir, "local-issuer.jwk.json") : undefined;
  if (file && existsSync(file)) {
    ({ privateJwk, publicJwk } = JSON.parse(readFileSync(file, "utf8")) as {
      privateJwk: JWK;
      publicJwk: JWK;
    });
  } else {
    const pair = await generateKeyPair("ES256", { extractable: true });
    const kid = `${KID_PREFIX}${Date.now().toString(36)}`;
    privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg: "ES256" };
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: "ES256", use: "sig" };
    if (file && dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
    }
  }
  const key = await importJWK(privateJwk, "ES256");
  return {
    publicJwk,
    config: {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      publicJwks: [publicJwk],
      algorithms: ["ES256"],
    },
    sign: (p, opts = {}) => {
      // One clock reading for both: read twice, a second boundary between them would make the token
      // one second longer than the API accepts.
      const iat = Math.floor(Date.now() / 1000);
      const lifetime = Math.min(opts.expiresIn ?? ID_TOKEN_VALIDITY_SECONDS, ID_TOKEN_VALIDITY_SECONDS);
      return new SignJWT({
        email: p.email,
        name: p.name,
        "cognito:groups": [p.role],
        "custom:clinicGroup": p.groupId,
        "custom:sites": p.siteIds.join(","),
        token_use: "id",
      })
        .setProtectedHeader({ alg: "ES256", kid: publicJwk.kid!, typ: "JWT" })
        .setSubject(p.userId)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + lifetime)
        .sign(key);
    },
  };
}

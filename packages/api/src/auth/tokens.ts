import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import {
  ID_TOKEN_VALIDITY_SECONDS,
  ROLES,
  TOKEN_CLOCK_SKEW_SECONDS,
  unauthenticated,
  type Principal,
  type Role,
} from "@needlework/core";

/**
 * Bearer JWT verification. Algorithms are pinned (RS256 for Cognito, ES256 for the local issuer);
 * issuer, audience, expiry and not-before are checked by jose; the principal comes only from the
 * verified claims, never from request input.
 *
 * A token's age is bounded whatever `exp` says: `iat` is required, may be at most the ID token's
 * validity (core ID_TOKEN_VALIDITY_SECONDS, plus the clock skew) in the past and no more than the skew
 * in the future, and `exp - iat` may not exceed the validity. So a token signed with a far `exp` (by
 * a leaked key, or a misconfigured issuer) still dies within the hour. Whether the user's access
 * changed since `iat` is the per-request user check's (authz.ts requireActiveUser).
 */
export interface AuthConfig {
  issuer: string;
  audience: string;
  /** Cognito: the user pool's JWKS URL. */
  jwksUrl?: string | undefined;
  /** Local / tests: public JWKs. */
  publicJwks?: JWK[] | undefined;
  algorithms?: string[];
}

export const LOCAL_ISSUER = "https://needlework.local/issuer";
export const LOCAL_AUDIENCE = "needlework-portal";

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  if (!issuer || !audience) throw new Error("AUTH_ISSUER and AUTH_AUDIENCE must be set");
  const publicJwks = env.AUTH_PUBLIC_JWK
    ? ([] as JWK[]).concat(JSON.parse(env.AUTH_PUBLIC_JWK) as JWK | JWK[])
    : undefined;
  return {
    issuer,
    audience,
    jwksUrl: env.AUTH_JWKS_URL,
    publicJwks,
    algorithms: env.AUTH_JWKS_URL ? ["RS256"] : ["ES256"],
  };
}

/** The principal of a verified token, with the token's `iat` (epoch seconds). */
export type VerifiedPrincipal = Principal & { issuedAt: number };

export type Verifier = (authorization: string | undefined) => Promise<VerifiedPrincipal>;

export function createVerifier(cfg: AuthConfig): Verifier {
  let keys: JWTVerifyGetKey;
  if (cfg.jwksUrl) keys = createRemoteJWKSet(new URL(cfg.jwksUrl));
  else if (cfg.publicJwks?.length) keys = createLocalJWKSet({ keys: cfg.publicJwks });
  else throw new Error("auth needs a JWKS URL or public keys");
  const algorithms = cfg.algorithms ?? ["RS256"];

  return async (authorization) => {
    const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization?.trim() ?? "");
    if (!m?.[1]) throw unauthenticated("Sign in to continue: this request carries no bearer token.");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(m[1], keys, {
        issuer: cfg.issuer,
        audience: cfg.audience,
        algorithms,
        clockTolerance: TOKEN_CLOCK_SKEW_SECONDS,
        // Also refuses an `iat` further in the future than the tolerance.
        maxTokenAge: ID_TOKEN_VALIDITY_SECONDS,
        requiredClaims: ["sub", "exp", "iat"],
      }));
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired)
        throw unauthenticated("Your sign-in has expired. Sign in again.");
      throw unauthenticated("Your sign-in token is not valid. Sign in again.");
    }
    const issuedAt = payload.iat!;
    if (payload.exp! - issuedAt > ID_TOKEN_VALIDITY_SECONDS) {
      throw unauthenticated("Your sign-in token is not valid. Sign in again.");
    }
    return { ...principalFromClaims(payload), issuedAt };
  };
}

export function principalFromClaims(c: JWTPayload): Principal {
  const groups = Array.isArray(c["cognito:groups"]) ? (c["cognito:groups"] as unknown[]) : [];
  const role = groups.find(
    (g): g is Role => typeof g === "string" && (ROLES as readonly string[]).includes(g),
  );
  const groupId = c["custom:clinicGroup"];
  const sites = c["custom:sites"];
  if (!role || typeof groupId !== "string" || !groupId || typeof c.sub !== "string") {
    throw unauthenticated("Your account is not set up for a clinic group yet. Ask your clinic admin.");
  }
  return {
    userId: c.sub,
    email: typeof c.email === "string" ? c.email : "",
    name: typeof c.name === "string" ? c.name : "",
    role,
    groupId,
    siteIds:
      typeof sites === "string" && sites
        ? sites
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
  };
}

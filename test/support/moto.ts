import { spawnSync } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { ROLES, type Role } from "@needlework/core";
import { freePort, startWatchedService } from "@needlework/store/local";

/**
 * moto's server (Python, `moto_server`) on a free 127.0.0.1 port, for the Cognito sign-in tests: it
 * speaks SRP (InitiateAuth USER_SRP_AUTH -> PASSWORD_VERIFIER), NEW_PASSWORD_REQUIRED, MFA_SETUP with
 * AssociateSoftwareToken / VerifySoftwareToken, SOFTWARE_TOKEN_MFA, refresh and GlobalSignOut, signs
 * RS256 ID tokens carrying cognito:groups and custom:* attributes, and serves each pool's JWKS.
 *
 * What moto 5.2.1 does not do, so no test here can show it: it does not check the SRP proof (any
 * password passes the PASSWORD_VERIFIER step), it ignores an app client's ExplicitAuthFlows (the
 * infra contract test checks those), and it has no RevokeToken. Every user's TOTP secret is moto's
 * fixed one (MOTO_TOTP_SECRET); codes are checked only with MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP,
 * which this harness sets.
 *
 * Its NEW_PASSWORD_REQUIRED challenge also lacks the userAttributes and requiredAttributes parameters
 * Cognito always sends (amazon-cognito-identity-js parses them), so the endpoint handed to clients is
 * a small proxy in front of moto that adds them, empty, and changes nothing else.
 */
export const MOTO_TOTP_SECRET = "asdfasdfasdf";
/**
 * moto finds the region of an unsigned call (GlobalSignOut, the token calls) from the request's
 * host, and answers for us-east-1 on 127.0.0.1: pools live there so every call finds them.
 */
export const MOTO_REGION = "us-east-1";

export interface Moto {
  /** Where clients talk to Cognito (the proxy described above). */
  endpoint: string;
  /** moto itself. */
  motoEndpoint: string;
  /** The code the last ForgotPassword would have emailed (moto returns it in a header). */
  lastEmailedCode(): string | undefined;
  client: CognitoIdentityProviderClient;
  stop(): Promise<void>;
}

/** Fails with the fix when moto is not installed (.ci/run checks the same before the suite). */
export function requireMoto(): void {
  const r = spawnSync("python3", ["-c", "import moto"], { encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(
      'moto is not installed for python3: `pip install "moto[server]==5.2.1"` (the Cognito sign-in tests run against moto_server).',
    );
}

export async function startMoto(opts: { verbose?: boolean } = {}): Promise<Moto> {
  requireMoto();
  const port = await freePort();
  const service = await startWatchedService({
    name: "moto_server",
    command: "moto_server",
    args: ["-H", "127.0.0.1", "-p", String(port)],
    port,
    cwd: tmpdir(),
    env: { ...process.env, MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP: "true" },
    verbose: opts.verbose,
  });
  const motoEndpoint = `http://127.0.0.1:${port}`;
  const proxy = await startProxy(motoEndpoint).catch(async (e: unknown) => {
    await service.stop();
    throw e;
  });
  const endpoint = proxy.endpoint;
  const lastEmailedCode = () => proxy.emailed;
  const client = new CognitoIdentityProviderClient({
    endpoint: motoEndpoint,
    region: MOTO_REGION,
    credentials: { accessKeyId: "moto", secretAccessKey: "moto" },
    maxAttempts: 1,
  });
  return {
    endpoint,
    motoEndpoint,
    lastEmailedCode,
    client,
    stop: async () => {
      await proxy.stop();
      await service.stop();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Forwards everything to moto; fills in NEW_PASSWORD_REQUIRED's missing parameters. */
async function startProxy(
  target: string,
): Promise<{ endpoint: string; emailed: string | undefined; stop(): Promise<void> }> {
  let emailed: string | undefined;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers.set(k, v);
    }
    const upstream = await fetch(new URL(req.url ?? "/", target), {
      method: req.method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
    });
    emailed = upstream.headers.get("x-moto-forgot-password-confirmation-code") ?? emailed;
    let out = Buffer.from(await upstream.arrayBuffer());
    const parsed = (() => {
      try {
        return JSON.parse(out.toString("utf8")) as {
          ChallengeName?: string;
          ChallengeParameters?: Record<string, string>;
        };
      } catch {
        return null;
      }
    })();
    if (parsed?.ChallengeName === "NEW_PASSWORD_REQUIRED") {
      parsed.ChallengeParameters = {
        userAttributes: "{}",
        requiredAttributes: "[]",
        ...parsed.ChallengeParameters,
      };
      out = Buffer.from(JSON.stringify(parsed));
    }
    const outHeaders: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(k))
        outHeaders[k] = v;
    });
    res.writeHead(upstream.status, outHeaders);
    res.end(out);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the moto proxy has no port");
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    get emailed() {
      return emailed;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface MotoPool {
  userPoolId: string;
  clientId: string;
  /** The `iss` of the pool's tokens (moto names the AWS issuer, as Cognito does). */
  issuer: string;
  /** Where moto serves the pool's public keys. */
  jwksUrl: string;
}

/** A pool shaped like infra/Auth.ts's on a kept stage: email usernames, the custom attributes, a group per role, TOTP required. */
export async function createMotoPool(moto: Moto, name = "needlework-test"): Promise<MotoPool> {
  const pool = await moto.client.send(
    new CreateUserPoolCommand({
      PoolName: name,
      UsernameAttributes: ["email"],
      AutoVerifiedAttributes: ["email"],
      MfaConfiguration: "ON",
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      Schema: [
        { Name: "name", AttributeDataType: "String", Mutable: true, Required: true },
        { Name: "clinicGroup", AttributeDataType: "String", Mutable: true },
        { Name: "sites", AttributeDataType: "String", Mutable: true },
      ],
    }),
  );
  const userPoolId = pool.UserPool?.Id;
  if (!userPoolId) throw new Error("moto created a pool without an id");
  await moto.client.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      MfaConfiguration: "ON",
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );
  for (const role of ROLES) {
    await moto.client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role }));
  }
  const client = await moto.client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: "portal",
      GenerateSecret: false,
      ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }),
  );
  const clientId = client.UserPoolClient?.ClientId;
  if (!clientId) throw new Error("moto created an app client without an id");
  return {
    userPoolId,
    clientId,
    issuer: `https://cognito-idp.${MOTO_REGION}.amazonaws.com/${userPoolId}`,
    jwksUrl: `${moto.endpoint}/${userPoolId}/.well-known/jwks.json`,
  };
}

/** An invited user, as an administrator's invitation leaves them: a temporary password to change. */
export async function inviteMotoUser(
  moto: Moto,
  pool: MotoPool,
  user: {
    email: string;
    name: string;
    role: Role;
    groupId: string;
    siteIds: string[];
    temporaryPassword: string;
  },
): Promise<{ sub: string }> {
  const created = await moto.client.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.userPoolId,
      Username: user.email,
      TemporaryPassword: user.temporaryPassword,
      MessageAction: "SUPPRESS",
      UserAttributes: [
        { Name: "email", Value: user.email },
        { Name: "email_verified", Value: "true" },
        { Name: "name", Value: user.name },
        { Name: "custom:clinicGroup", Value: user.groupId },
        { Name: "custom:sites", Value: user.siteIds.join(",") },
      ],
    }),
  );
  const sub = created.User?.Attributes?.find((a) => a.Name === "sub")?.Value;
  if (!sub) throw new Error("moto created a user without a sub");
  await moto.client.send(
    new AdminAddUserToGroupCommand({
      UserPoolId: pool.userPoolId,
      Username: user.email,
      GroupName: user.role,
    }),
  );
  return { sub };
}

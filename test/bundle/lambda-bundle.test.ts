import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { createLocalIssuer, type LocalIssuer } from "../../packages/api/src/auth/local-issuer";
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from "../../packages/api/src/auth/tokens";
import { parseGlobalId, toGlobalId } from "../../packages/api/src/ids";
import type { Principal } from "../../packages/core/src/principal";
import { groupItem, siteItem, userItem } from "../../packages/store/src/groups";
import { buildLambda, formatSize, LAMBDA_OUT_DIR, type LambdaBuild } from "../../scripts/build-lambda";
import { startCognitoLocal, type CognitoLocal } from "../support/cognito-local";
import { createTestDb } from "../support/dynamo";
import { startMotoSecrets, type MotoSecrets } from "../support/moto-secrets";

/**
 * The deployable file, not the source: build the bundle exactly as deployed, require the built
 * .cjs, and hand its `handler` the event API Gateway (HTTP API, payload 2.0) would send, against
 * DynamoDB Local. Tokens come from the local issuer (the bundle is configured with its public key,
 * as the deployed one is with the Cognito pool's JWKS URL); the user pool it provisions is
 * cognito-local's (USER_POOL_ID as deployed, COGNITO_ENDPOINT pointing at the emulator).
 */
type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let db: Awaited<ReturnType<typeof createTestDb>>;
let bundle: LambdaBuild;
let handler: Handler;
let issuer: LocalIssuer;
let cognito: CognitoLocal;
let userPoolId = "";
/** Secrets Manager (moto's): the bundle reads the pseudonymisation secret from it, as deployed. */
let secrets: MotoSecrets;
let secretArn = "";
const savedEnv = { ...process.env };

const groupId = `g${randomUUID().slice(0, 8)}`;
const practitioner: Principal = {
  userId: "u-bundle-1",
  email: "ines@clinic.test",
  name: "Inès Practitioner",
  role: "PRACTITIONER",
  groupId,
  siteIds: ["s1"],
};
const admin: Principal = {
  userId: "u-bundle-admin",
  email: "ada@clinic.test",
  name: "Ada Admin",
  role: "CLINIC_ADMIN",
  groupId,
  siteIds: [],
};

beforeAll(async () => {
  db = await createTestDb("bundle");
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: groupItem({ id: groupId, name: "Bundle Clinic Group", createdAt: "2025-01-01T00:00:00.000Z" }),
    }),
  );
  for (const [id, name] of [
    ["s1", "Harbour Street"],
    ["s2", "Old Town"],
  ] as const) {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: siteItem({ id, groupId, name, archived: false, version: 1 }),
      }),
    );
  }
  // The API checks each request's user against the table (active, role and sites still granted).
  for (const u of [practitioner, admin]) {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: userItem({ ...u, id: u.userId, active: true, version: 1 }),
      }),
    );
  }
  cognito = await startCognitoLocal();
  userPoolId = await cognito.createUserPool();
  secrets = await startMotoSecrets();
  secretArn = await secrets.createSecret(
    `needlework/bundle/pseudonym-${groupId}`,
    `${groupId}-`.padEnd(64, "s"),
  );

  issuer = await createLocalIssuer();
  // Its own directory: `npm run bench` or a developer may be using .build/lambda meanwhile.
  bundle = await buildLambda(join(LAMBDA_OUT_DIR, `../lambda-test-${process.pid}`));

  // The environment the deployed function gets, with the local stand-ins for Cognito and DynamoDB.
  Object.assign(process.env, {
    NODE_ENV: "production",
    TABLE_NAME: db.tableName,
    DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
    AWS_REGION: "eu-west-2",
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_PUBLIC_JWK: JSON.stringify(issuer.publicJwk),
    USER_POOL_ID: userPoolId,
    COGNITO_ENDPOINT: cognito.endpoint,
    PSEUDONYM_SECRET_ARN: secretArn,
    SECRETS_MANAGER_ENDPOINT: secrets.endpoint,
  });
  delete process.env.AUTH_JWKS_URL;
  delete process.env.GRAPHQL_DEV_MODE;
  const required = createRequire(import.meta.url)(bundle.file) as { handler?: Handler };
  if (typeof required.handler !== "function") throw new Error("the bundle does not export handler");
  handler = required.handler;
});

afterAll(async () => {
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  await db?.drop();
  await cognito?.stop();
  await secrets?.stop();
  if (bundle) rmSync(dirname(bundle.file), { recursive: true, force: true });
});

/** An HTTP API payload 2.0 event for POST /graphql, as API Gateway builds it. */
function graphqlEvent(
  query: string,
  token?: string,
  variables?: Record<string, unknown>,
): APIGatewayProxyEventV2 {
  const now = Date.now();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
    host: "abc123.execute-api.eu-west-2.amazonaws.com",
    "user-agent": "vitest",
  };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = JSON.stringify({ query, variables });
  return {
    version: "2.0",
    routeKey: "POST /graphql",
    rawPath: "/graphql",
    rawQueryString: "",
    headers,
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.eu-west-2.amazonaws.com",
      domainPrefix: "abc123",
      http: {
        method: "POST",
        path: "/graphql",
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.7",
        userAgent: "vitest",
      },
      requestId: randomUUID(),
      routeKey: "POST /graphql",
      stage: "$default",
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body,
    isBase64Encoded: false,
  };
}

function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: "test-needlework-Api-graphql",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:eu-west-2:123456789012:function:test-needlework-Api-graphql",
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: "/aws/lambda/test-needlework-Api-graphql",
    logStreamName: "2025/01/01/[$LATEST]0",
    getRemainingTimeInMillis: () => 15_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function invoke(
  query: string,
  token?: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number | undefined; body: GraphQLBody }> {
  const res = await handler(graphqlEvent(query, token, variables), lambdaContext());
  return { status: res.statusCode, body: JSON.parse(res.body ?? "{}") as GraphQLBody };
}

describe("the built Lambda bundle", () => {
  test("is one CommonJS file that requires only Node built-ins (the AWS SDK is bundled in)", () => {
    const code = readFileSync(bundle.file, "utf8");
    const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const allowed = new Set([
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
      // The SDK probes for the optional CRT signer (SigV4a only) inside try/catch; DynamoDB never needs it.
      "@aws-sdk/signature-v4-crt",
    ]);
    expect([...required].filter((m) => !allowed.has(m))).toEqual([]);
    expect(code).toContain("DynamoDBClient");
    console.log(`${formatSize(bundle)}; largest inputs:`);
    for (const i of bundle.largestInputs.slice(0, 5))
      console.log(`  ${(i.bytes / 1024).toFixed(1)} KB ${i.path}`);
  });

  test("leaves out local-only code, unused Apollo plugins and credential sources, and holds one Apollo Server", () => {
    // infra/lambda-slim.ts; npm run bench reports the size. Markers are string literals minification keeps.
    const code = readFileSync(bundle.file, "utf8");
    const count = (s: string) => code.split(s).length - 1;
    expect(count("DynamoDBLocal.jar"), "the DynamoDB Local launcher").toBe(0);
    expect(count("Glow Clinics"), "the demo seed").toBe(0);
    expect(count("google.protobuf.Timestamp"), "Apollo usage reporting's protobuf").toBe(0);
    expect(count("sso-oidc"), "the SSO/STS clients of the credential chain").toBe(0);
    expect(count("You cannot pass a cache returned from"), "copies of Apollo Server").toBe(1);
  });

  test("answers a real GraphQL query for a signed-in practitioner, reading DynamoDB Local", async () => {
    const token = await issuer.sign(practitioner);
    const { status, body } = await invoke("{ me { email name role groupName sites { name } } }", token);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data).toEqual({
      me: {
        email: practitioner.email,
        name: practitioner.name,
        role: "PRACTITIONER",
        groupName: "Bundle Clinic Group",
        sites: [{ name: "Harbour Street" }],
      },
    });
  });

  test("keys the analytics with the stage secret it reads from Secrets Manager (a recount on a patient edit)", async () => {
    const token = await issuer.sign(practitioner);
    const input = {
      siteId: toGlobalId("Site", "s1"),
      givenName: "Bundle",
      familyName: "Patient",
      dateOfBirth: "1985-03-04",
      fitzpatrick: "II",
    };
    const created = await invoke(
      `mutation($i: PatientInput!) { createPatient(input: $i) { patient { id version } } }`,
      token,
      { i: input },
    );
    expect(created.body.errors).toBeUndefined();
    const patient = (created.body.data as { createPatient: { patient: { id: string; version: number } } })
      .createPatient.patient;
    // A new Fitzpatrick type recounts the patient's analytics, which needs the group's key.
    const updated = await invoke(
      `mutation($id: ID!, $v: Int!, $i: PatientInput!) { updatePatient(id: $id, version: $v, input: $i) { patient { version } } }`,
      token,
      { id: patient.id, v: patient.version, i: { ...input, fitzpatrick: "IV" } },
    );
    expect(updated.body.errors).toBeUndefined();
    expect(updated.status).toBe(200);
  });

  test("provisions the user pool: an invite creates the Cognito account whose sub is the new User id", async () => {
    const { body } = await invoke(
      `mutation($input: UserInput!) { inviteUser(input: $input) { user { id email role } } }`,
      await issuer.sign(admin),
      {
        input: {
          email: "new.hire@clinic.test",
          name: "New Hire",
          role: "PRACTITIONER",
          siteIds: [toGlobalId("Site", "s2")],
        },
      },
    );
    expect(body.errors).toBeUndefined();
    const user = (body.data as { inviteUser: { user: { id: string; email: string } } }).inviteUser.user;
    const sub = parseGlobalId(user.id)!.localId;
    const acc = await cognito.client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: sub }));
    const attrs: Record<string, string | undefined> = Object.fromEntries(
      (acc.UserAttributes ?? []).map((a) => [a.Name ?? "", a.Value]),
    );
    expect(attrs).toMatchObject({
      sub,
      email: "new.hire@clinic.test",
      "custom:clinicGroup": groupId,
      "custom:sites": "s2",
    });
    const groups = await cognito.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: sub }),
    );
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(["PRACTITIONER"]);
  });

  test("refuses a request without a token with extensions.code UNAUTHENTICATED", async () => {
    const { body } = await invoke("{ me { email role } }");
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  test("refuses a token signed by another key with UNAUTHENTICATED, without leaking why", async () => {
    const other = await createLocalIssuer();
    const { body } = await invoke("{ me { email role } }", await other.sign(practitioner));
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(body)).not.toMatch(/signature|stack|jose/i);
  });
});

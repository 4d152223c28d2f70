import { beforeAll, describe, expect, test } from "vitest";
import { type Api as HttpApi, getStack, type FunctionProps } from "sst/constructs";
import { Api } from "../../infra/Api";
import { USER_POOL_ACTIONS } from "../../packages/api/src/auth/cognito-actions";
import { ID_TOKEN_VALIDITY_SECONDS } from "../../packages/core/src/token-lifetime";
import { LAMBDA_HANDLER, lambdaEsbuildOptions } from "../../infra/lambda-bundle";
import { tableDefinition } from "../../packages/store/src/table";
import {
  actionsOf,
  arnOf,
  only,
  policyStatements,
  ref,
  resolveImports,
  resources,
  resourcesOf,
  type Json,
  type Synthesised,
  synthesise,
  TEST_REGION,
} from "./synth";

let s: Synthesised;
beforeAll(async () => {
  s = await synthesise("test");
});

/** The GraphQL function (the one Lambda of the Api stack with our handler's runtime settings). */
function graphqlFunction() {
  const fns = resources(s.api, "AWS::Lambda::Function").filter(
    (f) => (f.props.Environment as { Variables?: Json } | undefined)?.Variables?.TABLE_NAME !== undefined,
  );
  expect(fns).toHaveLength(1);
  return fns[0]!;
}

/** Template values with cross-stack imports replaced by what the producing stacks export. */
function resolved(value: unknown): unknown {
  return resolveImports(value, [s.database, s.auth, s.api]);
}

function userPoolAndClient() {
  return {
    pool: only(s.auth, "AWS::Cognito::UserPool").logicalId,
    client: only(s.auth, "AWS::Cognito::UserPoolClient").logicalId,
  };
}

const issuerOf = (poolLogicalId: string) => ({
  "Fn::Join": ["", [`https://cognito-idp.${TEST_REGION}.amazonaws.com/`, ref(poolLogicalId)]],
});

describe("Api stack", () => {
  test("a JWT authorizer trusts only the user pool (issuer) and the portal client (audience)", () => {
    const { pool, client } = userPoolAndClient();
    const authorizer = only(s.api, "AWS::ApiGatewayV2::Authorizer");
    expect(authorizer.props.AuthorizerType).toBe("JWT");
    expect(authorizer.props.IdentitySource).toEqual(["$request.header.Authorization"]);
    expect(resolved(authorizer.props.JwtConfiguration)).toEqual({
      Issuer: issuerOf(pool),
      Audience: [ref(client)],
    });
  });

  test("POST /graphql is the only route, behind the authorizer, proxied to the GraphQL Lambda", () => {
    const route = only(s.api, "AWS::ApiGatewayV2::Route");
    const authorizer = only(s.api, "AWS::ApiGatewayV2::Authorizer");
    const integration = only(s.api, "AWS::ApiGatewayV2::Integration");
    expect(route.props.RouteKey).toBe("POST /graphql");
    expect(route.props.AuthorizationType).toBe("JWT");
    expect(route.props.AuthorizerId).toEqual(ref(authorizer.logicalId));
    expect(route.props.Target).toEqual({ "Fn::Join": ["", ["integrations/", ref(integration.logicalId)]] });
    expect(integration.props).toMatchObject({
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0",
      IntegrationUri: arnOf(graphqlFunction().logicalId),
    });
  });

  test("the Lambda runs Node 22 on arm64 and is bundled with the shared esbuild settings", () => {
    const fn = graphqlFunction();
    expect(fn.props.Runtime).toBe("nodejs22.x");
    expect(fn.props.Architectures).toEqual(["arm64"]);
    // SST built the real bundle during synthesis: the handler is the CommonJS file of lambda.ts.
    expect(fn.props.Handler).toBe(LAMBDA_HANDLER);
    expect(fn.props.Code).toHaveProperty("S3Key");
    const api = getStack(Api).node.findChild("Api") as HttpApi;
    const fnProps = (api.getFunction("POST /graphql") as unknown as { props: FunctionProps }).props;
    expect(fnProps.nodejs).toMatchObject({
      format: lambdaEsbuildOptions.format,
      minify: lambdaEsbuildOptions.minify,
      esbuild: { target: lambdaEsbuildOptions.target, sourcemap: lambdaEsbuildOptions.sourcemap },
    });
  });

  test("memory and timeout are set explicitly (timeout under the HTTP API's 30 s)", () => {
    const fn = graphqlFunction();
    expect(fn.props.MemorySize).toBe(1024);
    expect(fn.props.Timeout).toBeGreaterThan(3);
    expect(fn.props.Timeout).toBeLessThan(30);
  });

  test("the environment names the table and the token issuer, in production mode, without dev mode", () => {
    const { pool, client } = userPoolAndClient();
    const table = only(s.database, "AWS::DynamoDB::Table").logicalId;
    const vars = resolved((graphqlFunction().props.Environment as { Variables: Json }).Variables) as Json;
    expect(vars.NODE_ENV).toBe("production");
    expect(vars.TABLE_NAME).toEqual(ref(table));
    expect(vars.AUTH_ISSUER).toEqual(issuerOf(pool));
    expect(vars.AUTH_AUDIENCE).toEqual(ref(client));
    expect(vars.AUTH_JWKS_URL).toEqual({
      "Fn::Join": [
        "",
        [`https://cognito-idp.${TEST_REGION}.amazonaws.com/`, ref(pool), "/.well-known/jwks.json"],
      ],
    });
    expect(vars.USER_POOL_ID).toEqual(ref(pool));
    expect(vars.PSEUDONYM_SECRET_ARN).toEqual(ref(only(s.database, "AWS::SecretsManager::Secret").logicalId));
    expect(vars).not.toHaveProperty("PSEUDONYM_SECRET_FILE");
    expect(vars).not.toHaveProperty("SECRETS_MANAGER_ENDPOINT");
    expect(vars).not.toHaveProperty("COGNITO_ENDPOINT");
    expect(vars).not.toHaveProperty("GRAPHQL_DEV_MODE");
    expect(vars).not.toHaveProperty("AUTH_PUBLIC_JWK");
    expect(vars).not.toHaveProperty("DYNAMODB_ENDPOINT");
  });

  test("no policy in the Api stack allows Scan or any DynamoDB wildcard", () => {
    const dynamo = policyStatements(s.api)
      .flatMap(actionsOf)
      .filter((a) => a.startsWith("dynamodb:"));
    expect(dynamo.length).toBeGreaterThan(0);
    expect(dynamo).not.toContain("dynamodb:Scan");
    expect(dynamo.filter((a) => a.includes("*"))).toEqual([]);
    expect(policyStatements(s.api).flatMap(actionsOf)).not.toContain("*");
  });

  test("DynamoDB access is scoped to this table and its indexes, and the key to this key", () => {
    const table = only(s.database, "AWS::DynamoDB::Table").logicalId;
    const key = only(s.database, "AWS::KMS::Key").logicalId;
    const tableArn = arnOf(table);
    const indexArns = tableDefinition.globalIndexes.map((g) => ({
      "Fn::Join": ["", [tableArn, `/index/${g.indexName}`]],
    }));
    const statements = policyStatements(s.api).map((st) => resolved(st) as Json);
    const dynamo = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("dynamodb:")));
    for (const st of dynamo) {
      expect(st.Effect).toBe("Allow");
      for (const r of resourcesOf(st)) expect([tableArn, ...indexArns]).toContainEqual(r);
    }
    // Indexes are only ever queried.
    for (const st of dynamo.filter((x) => resourcesOf(x).some((r) => indexArns.some((i) => equal(i, r))))) {
      expect(actionsOf(st)).toEqual(["dynamodb:Query"]);
    }
    const kms = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("kms:")));
    expect(kms.flatMap(actionsOf)).toEqual(expect.arrayContaining(["kms:Decrypt", "kms:Encrypt"]));
    for (const st of kms) expect(resourcesOf(st)).toEqual([arnOf(key)]);
  });

  test("the API's maximum token age is the portal client's ID token validity", () => {
    const client = only(s.auth, "AWS::Cognito::UserPoolClient").props;
    const unit = (client.TokenValidityUnits as { IdToken?: string } | undefined)?.IdToken ?? "hours";
    const seconds = { seconds: 1, minutes: 60, hours: 3600, days: 86400 }[unit];
    expect(Number(client.IdTokenValidity) * seconds!).toBe(ID_TOKEN_VALIDITY_SECONDS);
  });

  test("the pseudonymisation secret: GetSecretValue on exactly that secret; its key only through Secrets Manager", () => {
    const secret = ref(only(s.database, "AWS::SecretsManager::Secret").logicalId);
    const key = arnOf(only(s.database, "AWS::KMS::Key").logicalId);
    const statements = policyStatements(s.api).map((st) => resolved(st) as Json);
    const sm = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("secretsmanager:")));
    expect(sm).toHaveLength(1);
    expect(sm[0]!.Effect).toBe("Allow");
    expect(actionsOf(sm[0]!)).toEqual(["secretsmanager:GetSecretValue"]);
    expect(resourcesOf(sm[0]!)).toEqual([secret]);
    expect(sm[0]!.Condition).toBeUndefined();
    // Every use of the key is through a service: DynamoDB for the table, Secrets Manager for the secret.
    const kms = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("kms:")));
    const via = kms.map(
      (st) => (st.Condition as { StringEquals?: Json } | undefined)?.StringEquals?.["kms:ViaService"],
    );
    expect(via.sort()).toEqual([
      `dynamodb.${TEST_REGION}.amazonaws.com`,
      `secretsmanager.${TEST_REGION}.amazonaws.com`,
    ]);
    const forSecret = kms.find((st) => JSON.stringify(st.Condition).includes("secretsmanager."))!;
    expect(actionsOf(forSecret)).toEqual(["kms:Decrypt"]);
    expect(resourcesOf(forSecret)).toEqual([key]);
  });

  test("Cognito: only the Admin* actions the API calls, on this stage's user pool only", () => {
    const { pool } = userPoolAndClient();
    const statements = policyStatements(s.api).map((st) => resolved(st) as Json);
    const cognito = statements.filter((st) => actionsOf(st).some((a) => a.startsWith("cognito-idp:")));
    expect(cognito).toHaveLength(1);
    const st = cognito[0]!;
    expect(st.Effect).toBe("Allow");
    expect([...actionsOf(st)].sort()).toEqual([...USER_POOL_ACTIONS].sort());
    for (const a of actionsOf(st)) expect(a).toMatch(/^cognito-idp:Admin[A-Za-z]+$/);
    expect(resourcesOf(st)).toEqual([arnOf(pool)]);
    // Nothing else in the stack touches Cognito or holds a wildcard action or resource for it.
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith("cognito") && a.includes("*"))).toEqual(
      [],
    );
    expect(JSON.stringify(resourcesOf(st))).not.toContain("*");
  });

  test("logs are kept one month: the function's log group and the API's access log", () => {
    const fnLog = only(s.api, "Custom::LogRetention");
    expect(fnLog.props.RetentionInDays).toBe(30);
    expect(fnLog.props.LogGroupName).toEqual({
      "Fn::Join": ["", ["/aws/lambda/", ref(graphqlFunction().logicalId)]],
    });
    const accessLog = only(s.api, "AWS::Logs::LogGroup");
    expect(accessLog.props.RetentionInDays).toBe(30);
    const stage = only(s.api, "AWS::ApiGatewayV2::Stage");
    expect(stage.props.AccessLogSettings).toMatchObject({ DestinationArn: arnOf(accessLog.logicalId) });
  });

  test("CORS allows only the portal's origin, never *", () => {
    // The Api template declares none (no "*" default); the Web stack sets the site's origin.
    const httpApi = only(s.api, "AWS::ApiGatewayV2::Api");
    expect(httpApi.props.CorsConfiguration).toBeUndefined();
    const cors = only(s.web, "Custom::AWS");
    const distribution = only(s.web, "AWS::CloudFront::Distribution").logicalId;
    for (const phase of ["Create", "Update"]) {
      const call = joinedJson(resolved(cors.props[phase]), { [distribution]: "dSITE.cloudfront.net" }) as {
        action: string;
        parameters: { ApiId: unknown; CorsConfiguration: { AllowOrigins: string[] } };
      };
      expect(call.action).toBe("UpdateApi");
      expect(call.parameters.ApiId).toBe(`<Ref ${httpApi.logicalId}>`);
      expect(call.parameters.CorsConfiguration.AllowOrigins).toEqual(["https://dSITE.cloudfront.net"]);
    }
  });
});

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Evaluates an `Fn::Join` of literal strings, Refs and GetAtt DomainName into one string and parses it
 * as JSON (how AwsCustomResource stores its SDK call). Refs become "<Ref id>"; GetAtts of the given
 * logical ids become the given values.
 */
function joinedJson(value: unknown, domains: Record<string, string>): unknown {
  const join = (value as { "Fn::Join": [string, unknown[]] })["Fn::Join"];
  const text = join[1]
    .map((part) => {
      if (typeof part === "string") return part;
      const p = part as { Ref?: string; "Fn::GetAtt"?: [string, string] };
      if (p.Ref) return `<Ref ${p.Ref}>`;
      const [id, attr] = p["Fn::GetAtt"] ?? [];
      if (id && attr === "DomainName" && domains[id]) return domains[id];
      throw new Error(`unexpected part ${JSON.stringify(part)}`);
    })
    .join(join[0]);
  return JSON.parse(text);
}

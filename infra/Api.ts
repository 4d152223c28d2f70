import { Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import { Api as HttpApi, use, type StackContext } from "sst/constructs";
import { USER_POOL_ACTIONS } from "../packages/api/src/auth/cognito-actions";
import { tableDefinition } from "../packages/store/src/table";
import { Auth } from "./Auth";
import { Database } from "./Database";
import {
  LAMBDA_ARCHITECTURE,
  LAMBDA_HANDLER,
  LAMBDA_RUNTIME,
  lambdaEsbuildOptions,
  lambdaEsbuildOverrides,
} from "./lambda-bundle";

/**
 * What the API may do to the table, and nothing more. Transactions are authorised per item action
 * (there is no separate IAM action for TransactWriteItems). Scan is deliberately absent: no request
 * path scans (DESIGN.md, Data rules).
 */
export const TABLE_ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:BatchWriteItem",
] as const;
export const INDEX_ACTIONS = ["dynamodb:Query"] as const;
export const KEY_ACTIONS = [
  "kms:Decrypt",
  "kms:Encrypt",
  "kms:GenerateDataKey*",
  "kms:ReEncrypt*",
  "kms:DescribeKey",
] as const;

/** The GraphQL endpoint: an HTTP API that rejects requests without a valid Cognito token, then the Lambda. */
export function Api({ stack, app }: StackContext) {
  const { table, key, pseudonymSecret } = use(Database);
  const viaService = (service: string) => ({
    StringEquals: { "kms:ViaService": `${service}.${app.region}.amazonaws.com` },
  });
  const auth = use(Auth);

  const tableArn = table.tableArn;
  const indexArns = tableDefinition.globalIndexes.map((g) => `${tableArn}/index/${g.indexName}`);

  const api = new HttpApi(stack, "Api", {
    // CORS is set by the Web stack once the site's URL exists (see infra/Web.ts): never "*".
    cors: false,
    accessLog: { retention: "one_month" },
    authorizers: {
      cognito: {
        type: "user_pool",
        userPool: {
          id: auth.userPool.userPoolId,
          clientIds: [auth.portalClient.userPoolClientId],
          region: app.region,
        },
      },
    },
    defaults: { authorizer: "cognito" },
    routes: {
      "POST /graphql": {
        function: {
          handler: LAMBDA_HANDLER,
          runtime: LAMBDA_RUNTIME,
          architecture: LAMBDA_ARCHITECTURE,
          memorySize: "1024 MB",
          // Under the HTTP API's 30 s ceiling, so a slow request fails in the Lambda's own logs.
          timeout: "15 seconds",
          logRetention: "one_month",
          nodejs: {
            format: lambdaEsbuildOptions.format,
            minify: lambdaEsbuildOptions.minify,
            esbuild: lambdaEsbuildOverrides,
          },
          environment: {
            NODE_ENV: "production",
            TABLE_NAME: table.tableName,
            AUTH_ISSUER: auth.issuer,
            AUTH_AUDIENCE: auth.portalClient.userPoolClientId,
            AUTH_JWKS_URL: auth.jwksUrl,
            // The admin user mutations provision this pool's users (packages/api/src/auth/cognito.ts).
            USER_POOL_ID: auth.userPool.userPoolId,
            // Read once per cold start (packages/api/src/secrets.ts).
            PSEUDONYM_SECRET_ARN: pseudonymSecret.secretArn,
          },
          // Explicit statements instead of `bind: [table]`, which would grant dynamodb:* on the table.
          permissions: [
            new iam.PolicyStatement({
              sid: "TableItems",
              actions: [...TABLE_ITEM_ACTIONS],
              resources: [tableArn],
            }),
            new iam.PolicyStatement({
              sid: "TableIndexes",
              actions: [...INDEX_ACTIONS],
              resources: indexArns,
            }),
            // The key only through DynamoDB for the table, and through Secrets Manager to decrypt the
            // pseudonymisation secret: never directly.
            new iam.PolicyStatement({
              sid: "TableKey",
              actions: [...KEY_ACTIONS],
              resources: [key.keyArn],
              conditions: viaService("dynamodb"),
            }),
            new iam.PolicyStatement({
              sid: "PseudonymSecret",
              actions: ["secretsmanager:GetSecretValue"],
              resources: [pseudonymSecret.secretArn],
            }),
            new iam.PolicyStatement({
              sid: "PseudonymSecretKey",
              actions: ["kms:Decrypt"],
              resources: [key.keyArn],
              conditions: viaService("secretsmanager"),
            }),
            // Only the Admin* calls the API makes, on this stage's pool only (never cognito-idp:*).
            new iam.PolicyStatement({
              sid: "UserPoolAdmin",
              actions: [...USER_POOL_ACTIONS],
              resources: [auth.userPool.userPoolArn],
            }),
          ],
        },
      },
    },
  });

  stack.addOutputs({ ApiUrl: api.url, GraphqlUrl: `${api.url}/graphql` });
  return { api, graphqlUrl: `${api.url}/graphql`, region: Stack.of(api).region };
}

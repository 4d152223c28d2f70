import { startServerAndCreateLambdaHandler, handlers } from "@as-integrations/aws-lambda";
import { createDb, withRequestScope } from "@needlework/store";
import { createCognitoIdentity } from "./auth/cognito";
import { localIdentity } from "./auth/identity";
import { authConfigFromEnv, createVerifier } from "./auth/tokens";
import { jsonLogger } from "./errors";
import { limitsFromEnv } from "./limits";
import { pseudonymSecretFromEnv } from "./secrets";
import { buildContext, createApolloServer, limitsOf, type ServerOptions } from "./server";

/**
 * The deployed entry point: API Gateway v2 (HTTP API) events. Everything is built once per cold start.
 * With USER_POOL_ID set (infra/Api.ts), the admin user mutations keep that Cognito user pool in step
 * with the User records; COGNITO_ENDPOINT points the client at an emulator (test/bundle only).
 */
const options: ServerOptions = {
  // The pseudonymisation secret: read from Secrets Manager on first use, once per cold start.
  db: createDb({ pseudonymSecret: pseudonymSecretFromEnv() }),
  verifier: createVerifier(authConfigFromEnv()),
  devMode: process.env.GRAPHQL_DEV_MODE === "true",
  limits: limitsFromEnv(process.env),
  identity: process.env.USER_POOL_ID
    ? createCognitoIdentity({
        userPoolId: process.env.USER_POOL_ID,
        endpoint: process.env.COGNITO_ENDPOINT,
        logger: jsonLogger,
      })
    : localIdentity,
};
const limits = limitsOf(options);

const server = createApolloServer(options);

const apolloHandler = startServerAndCreateLambdaHandler(
  server,
  handlers.createAPIGatewayProxyEventV2RequestHandler(),
  {
    context: async ({ event }) =>
      buildContext(options, event.headers.authorization ?? event.headers.Authorization),
  },
);

type Handler = typeof apolloHandler;

export const handler: Handler = (event, context, callback) => {
  const size = event.body ? Buffer.byteLength(event.body, event.isBase64Encoded ? "base64" : "utf8") : 0;
  if (size > limits.maxBodyBytes) {
    return Promise.resolve({
      statusCode: 413,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        errors: [
          {
            message: `The request body is larger than ${limits.maxBodyBytes} bytes.`,
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      }),
    });
  }
  return withRequestScope(limits.requestBudget, async () =>
    apolloHandler(event, context, callback),
  ) as ReturnType<Handler>;
};

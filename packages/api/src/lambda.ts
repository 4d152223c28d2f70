import {
  startServerAndCreateLambdaHandler,
  handlers,
} from "@as-integrations/aws-lambda";
import { createDb, withRequestScope } from "@needlework/store";
import { authConfigFromEnv, createVerifier } from "./auth/tokens";
import { buildContext, createApolloServer, DEFAULT_REQUEST_BUDGET, type ServerOptions } from "./server";

/**
 * The deployed entry point: API Gateway v2 (HTTP API) events. Everything is built once per cold start.
 */
const options: ServerOptions = {
  db: createDb(),
  verifier: createVerifier(authConfigFromEnv()),
  devMode: process.env.GRAPHQL_DEV_MODE === "true",
  requestBudget: Number(process.env.REQUEST_BUDGET ?? DEFAULT_REQUEST_BUDGET),
};

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

export const handler: Handler = (event, context, callback) =>
  withRequestScope(options.requestBudget ?? DEFAULT_REQUEST_BUDGET, async () =>
    apolloHandler(event, context, callback),
  ) as ReturnType<Handler>;

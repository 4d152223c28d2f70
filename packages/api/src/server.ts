import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import type { Principal } from "@needlework/core";
import { currentScope, type Db, type RequestScope } from "@needlework/store";
import { createLoaders, type Context } from "./context";
import { jsonLogger, makeFormatError, type Logger } from "./errors";
import { localIdentity, type IdentityProvider } from "./auth/identity";
import {
  DEFAULT_LIMITS,
  listLimitPlugin,
  parseOptions,
  resolveLimits,
  validationRules,
  type GraphQLLimits,
} from "./limits";
import { typeDefs } from "./generated/sdl";
import { resolvers } from "./resolvers";
import type { Verifier } from "./auth/tokens";

/**
 * The one server factory behind both entry points (Lambda and the local HTTP server).
 * Settings that matter for security are set explicitly here, never left to NODE_ENV.
 */
export interface ServerOptions {
  db: Db;
  verifier: Verifier;
  /** Local development: introspection and error detail (stack traces) on. Never set in a deployed stage. */
  devMode?: boolean;
  logger?: Logger | undefined;
  /** Database calls one request may make (wins over `limits.requestBudget`). */
  requestBudget?: number | undefined;
  /** Overrides of the abuse limits; see limits.ts for each one and its default. */
  limits?: Partial<GraphQLLimits> | undefined;
  /**
   * Where users sign in, kept in step by the admin user mutations: the stage's Cognito user pool
   * when deployed (lambda.ts, USER_POOL_ID); default local (the table is the directory, no accounts).
   */
  identity?: IdentityProvider | undefined;
}

export const DEFAULT_REQUEST_BUDGET = DEFAULT_LIMITS.requestBudget;

/** The limits in force for these options: defaults, then `limits`, then `requestBudget`. */
export function limitsOf(opts: Pick<ServerOptions, "limits" | "requestBudget">): GraphQLLimits {
  return resolveLimits({
    ...opts.limits,
    ...(opts.requestBudget !== undefined ? { requestBudget: opts.requestBudget } : {}),
  });
}

let cachedSchema: GraphQLSchema | undefined;
export function buildSchema(): GraphQLSchema {
  // Built at cold start, so its cost is paid by every new Lambda instance: resolvers are attached to
  // the schema built from the SDL rather than to a copy of it (the same schema, half the time), and
  // the deployed bundle skips re-validating the SDL (its source is validated by every test run, and
  // the built schema is still validated by Apollo Server at start).
  cachedSchema ??= makeExecutableSchema({
    typeDefs,
    resolvers,
    updateResolversInPlace: true,
    assumeValidSDL: process.env.NODE_ENV === "production",
  });
  return cachedSchema;
}

export function createApolloServer(opts: ServerOptions): ApolloServer<Context> {
  const limits = limitsOf(opts);
  const devMode = opts.devMode === true;
  return new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: devMode,
    includeStacktraceInErrorResponses: devMode,
    hideSchemaDetailsFromClientErrors: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: validationRules(limits),
    parseOptions: parseOptions(limits),
    plugins: [
      listLimitPlugin<Context>(limits),
      // Not a federated subgraph and no Apollo GraphOS: off explicitly, so Apollo never loads them
      // (the Lambda bundle leaves them out: infra/lambda-slim.ts).
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
    formatError: makeFormatError(opts.logger, { devMode }),
  });
}

/** Builds the per-request context from the Authorization header. Auth failures surface per field. */
export async function buildContext(opts: ServerOptions, authorization: string | undefined): Promise<Context> {
  let principal: Principal | undefined;
  let tokenIssuedAt: number | undefined;
  let authError: Error | undefined;
  try {
    const { issuedAt, ...verified } = await opts.verifier(authorization);
    principal = verified;
    tokenIssuedAt = issuedAt;
  } catch (e) {
    authError = e as Error;
  }
  const scope: RequestScope = currentScope() ?? { calls: 0, budget: Infinity, byOperation: {} };
  return {
    db: opts.db,
    principal,
    tokenIssuedAt,
    authError,
    scope,
    loaders: createLoaders(opts.db, principal),
    identity: opts.identity ?? localIdentity,
    log: opts.logger ?? jsonLogger,
  };
}

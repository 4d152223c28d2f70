export {
  createApolloServer,
  buildContext,
  buildSchema,
  DEFAULT_REQUEST_BUDGET,
  type ServerOptions,
} from "./server";
export {
  createVerifier,
  authConfigFromEnv,
  principalFromClaims,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  type AuthConfig,
  type Verifier,
} from "./auth/tokens";
export { createLocalIssuer, type LocalIssuer } from "./auth/local-issuer";
export {
  localSecretFile,
  pseudonymSecretFromEnv,
  secretsManagerSecret,
  LOCAL_SECRET_FILE,
  type SecretsManagerSecret,
} from "./secrets";
export {
  localIdentity,
  IdentityUnavailable,
  type IdentityProvider,
  type AccountState,
  type NewAccount,
} from "./auth/identity";
export { createCognitoIdentity, type CognitoIdentity, type CognitoIdentityOptions } from "./auth/cognito";
export { USER_POOL_ACTIONS } from "./auth/cognito-actions";
export { startLocalApi, type LocalApi, type LocalApiOptions } from "./local";
export { toGlobalId, parseGlobalId } from "./ids";
export {
  DEFAULT_LIMITS,
  limitsFromEnv,
  resolveLimits,
  listArgumentProblem,
  type GraphQLLimits,
} from "./limits";
export { limitsOf } from "./server";
export { makeFormatError, type Logger } from "./errors";

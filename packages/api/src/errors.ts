import { randomUUID } from "node:crypto";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { type DomainError, isDomainError } from "@needlework/core";
import { RequestBudgetExceeded } from "@needlework/store";

/**
 * The one error mapper. Domain errors keep their code and practitioner-readable message; GraphQL's own
 * validation errors keep theirs; anything else becomes INTERNAL_SERVER_ERROR with a request id,
 * logged here with its detail and never sent to the client.
 */
export function toGraphQLError(e: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: e.code };
  if (e.fields.length) extensions.fields = e.fields;
  if (e.reasons.length) extensions.reasons = e.reasons;
  if (e.retryable) extensions.retryable = true;
  if (e instanceof RequestBudgetExceeded) extensions.limit = { name: "requestBudget", max: e.budget };
  return new GraphQLError(e.message, { extensions });
}

const SAFE_APOLLO_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "CONTRAINDICATED",
  "THROTTLED",
]);

export type Logger = (entry: Record<string, unknown>) => void;

export const jsonLogger: Logger = (entry) => {
  console.error(JSON.stringify({ level: "error", ...entry }));
};

export interface FormatErrorOptions {
  /** Local development only: an unexpected error also carries its message and stack to the client. */
  devMode?: boolean;
}

export function makeFormatError(log: Logger = jsonLogger, opts: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDomainError(original)) {
      const g = toGraphQLError(original);
      return {
        message: g.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: g.extensions,
      };
    }
    if (isThrottle(original)) {
      return {
        message: "The service is busy. Try again in a moment.",
        path: formatted.path,
        extensions: { code: "THROTTLED", retryable: true },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && SAFE_APOLLO_CODES.has(code) && isGraphQLErrorLike(original)) {
      // GraphQL's own validation / coercion messages: no internals. Keep them, drop any stack and
      // the "Did you mean ...?" hints, which would spell out the schema to a prober.
      const { stacktrace: _drop, ...rest } = formatted.extensions ?? {};
      return { ...formatted, message: withoutSuggestions(formatted.message), extensions: { ...rest, code } };
    }
    const requestId = randomUUID();
    log({
      msg: "unexpected error",
      requestId,
      path: formatted.path,
      error:
        original instanceof Error
          ? { name: original.name, message: original.message, stack: original.stack }
          : String(original),
    });
    const dev =
      opts.devMode === true
        ? {
            detail: original instanceof Error ? `${original.name}: ${original.message}` : String(original),
            stacktrace: formatted.extensions?.stacktrace,
          }
        : {};
    return {
      message: `Something went wrong on our side. Quote request id ${requestId} if you contact support.`,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId, ...dev },
    };
  };
}

/**
 * graphql ships both ESM and CJS builds, so `instanceof GraphQLError` is unreliable across packages;
 * GraphQL's errors are recognised by shape instead. Plain and SDK errors carry no `extensions`.
 */
function isGraphQLErrorLike(e: unknown): boolean {
  return (
    e instanceof GraphQLError ||
    (e instanceof Error && "extensions" in e && typeof (e as { extensions: unknown }).extensions === "object")
  );
}

export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, "");
}

/** DynamoDB throttling that outlasted the SDK's retries (by name, HTTP 429, or the SDK's own flag). */
function isThrottle(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const meta = e as { $metadata?: { httpStatusCode?: number }; $retryable?: { throttling?: boolean } };
  return (
    e.name === "ThrottlingException" ||
    e.name === "ProvisionedThroughputExceededException" ||
    e.name === "RequestLimitExceeded" ||
    meta.$metadata?.httpStatusCode === 429 ||
    meta.$retryable?.throttling === true
  );
}

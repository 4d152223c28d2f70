import { config } from "../config";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, toApiError } from "./errors";

export { ApiError } from "./errors";

let token: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The bearer token sent with every request; set by the session on sign-in. */
export function setToken(next: string | null): void {
  token = next;
}

/** Called once when the API answers UNAUTHENTICATED: the session sends the user to sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: unknown[];
}

/**
 * Runs one typed operation. Resolves with `data` or rejects with an ApiError carrying the API's
 * code, field errors and contraindication reasons.
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(config.apiUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError("NETWORK", "The Needlework service could not be reached.");
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(
      response.status === 401 ? "UNAUTHENTICATED" : "INTERNAL_SERVER_ERROR",
      `The service answered ${response.status}.`,
    );
  }
  const first = body.errors?.[0];
  if (first !== undefined || response.status === 401) {
    const error = first !== undefined ? toApiError(first) : new ApiError("UNAUTHENTICATED", "Sign in again.");
    if (error.code === "UNAUTHENTICATED") onUnauthenticated?.();
    throw error;
  }
  if (body.data == null) throw new ApiError("INTERNAL_SERVER_ERROR", "The service sent no data.");
  return body.data;
}

import { useRef } from "react";
import { ApiError } from "../api/errors";

// Dates as core (the API) computes them, in UTC.
export { addDays, daysBetween, todayIso } from "@needlework/core";

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");
}

/**
 * One idempotency key per distinct payload: a retry of the same save (say after a lost answer)
 * reuses its key and is answered once; a changed form gets a new key, since the API refuses a key
 * reused for a different request.
 */
export function useIdempotencyKey(): (payload: unknown) => string {
  const last = useRef<{ payload: string; key: string } | null>(null);
  return (payload) => {
    const json = JSON.stringify(payload);
    if (last.current?.payload !== json) last.current = { payload: json, key: crypto.randomUUID() };
    return last.current.key;
  };
}

/**
 * Splits the API's field errors into those a form can place (by path) and the rest, which the
 * page shows above its buttons. `place` returns the form path for an API path, or null.
 */
export function placeErrors(
  error: ApiError,
  place: (apiPath: string) => string | null,
): { errors: Record<string, string>; unplaced: { path: string; reason: string }[] } {
  const errors: Record<string, string> = {};
  const unplaced: { path: string; reason: string }[] = [];
  for (const f of error.fields) {
    const at = place(f.path.replace(/^input\./, ""));
    if (at && !(at in errors)) errors[at] = f.reason;
    else if (!at) unplaced.push(f);
  }
  return { errors, unplaced };
}

/** "concerns.0.baselineScore" → "Baseline score": the last named segment, in words. */
export function fieldName(path: string, labels: Record<string, string>): string {
  const last =
    path
      .split(".")
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  return labels[last] ?? last.replace(/([A-Z])/g, " $1").toLowerCase();
}

/** `node(id)` answers `{}` for a node of another type: the node when it is the expected one, else null. */
export function nodeOf<N extends object>(
  node: N | null | undefined,
  key: string,
): Exclude<N, Record<PropertyKey, never>> | null {
  return node && key in node ? (node as Exclude<N, Record<PropertyKey, never>>) : null;
}

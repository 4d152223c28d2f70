import { useCallback, useEffect, useRef, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { gql } from "./client";
import { ApiError } from "./errors";

export interface QueryState<TResult> {
  data: TResult | undefined;
  error: ApiError | undefined;
  loading: boolean;
  refetch(): Promise<TResult | undefined>;
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");
}

/** Runs a query when its variables change; the latest request wins. */
export function useQuery<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): QueryState<TResult> {
  const [data, setData] = useState<TResult>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const key = JSON.stringify(variables);

  const run = useCallback(async (): Promise<TResult | undefined> => {
    const id = ++latest.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await (gql as (d: typeof document, v: TVariables) => Promise<TResult>)(
        document,
        JSON.parse(key) as TVariables,
      );
      if (id === latest.current) setData(result);
      return result;
    } catch (e) {
      if (id === latest.current) setError(asApiError(e));
      return undefined;
    } finally {
      if (id === latest.current) setLoading(false);
    }
  }, [document, key]);

  useEffect(() => {
    void run();
  }, [run]);

  return { data, error, loading, refetch: run };
}

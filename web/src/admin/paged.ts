import { useCallback, useEffect, useRef, useState } from "react";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import type { TypedDocumentString } from "../gql/graphql";

interface Connection<TEdge> {
  edges: TEdge[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface Paged<TNode> {
  items: TNode[];
  loading: boolean;
  error: ApiError | undefined;
  hasNextPage: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one item in place after a mutation answered with its new version. */
  replace: (match: (n: TNode) => boolean, next: TNode) => void;
}

const asApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");

/** A Relay connection's edges, read page by page ("Load more"); the latest request wins. */
export function usePaged<TResult, TVariables extends { after?: string | null }, TNode>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: Omit<TVariables, "after">,
  select: (r: TResult) => Connection<TNode>,
  enabled = true,
): Paged<TNode> {
  const [items, setItems] = useState<TNode[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<ApiError>();
  const latest = useRef(0);
  const key = JSON.stringify(variables);
  const selectRef = useRef(select);
  selectRef.current = select;

  const load = useCallback(
    async (after: string | null) => {
      const id = ++latest.current;
      setLoading(true);
      setError(undefined);
      try {
        const vars = { ...(JSON.parse(key) as object), after } as TVariables;
        const res = await (gql as (d: typeof document, v: TVariables) => Promise<TResult>)(document, vars);
        if (id !== latest.current) return;
        const conn = selectRef.current(res);
        const page = conn.edges;
        setItems((prev) => (after ? [...prev, ...page] : page));
        setCursor(conn.pageInfo.endCursor ?? null);
        setHasNextPage(conn.pageInfo.hasNextPage);
      } catch (e) {
        if (id === latest.current) setError(asApiError(e));
      } finally {
        if (id === latest.current) setLoading(false);
      }
    },
    [document, key],
  );

  useEffect(() => {
    if (enabled) void load(null);
    else {
      setItems([]);
      setLoading(false);
    }
  }, [load, enabled]);

  return {
    items,
    loading,
    error,
    hasNextPage,
    loadMore: () => void load(cursor),
    reload: () => void load(null),
    replace: (match, next) => setItems((xs) => xs.map((x) => (match(x) ? next : x))),
  };
}

import { useEffect, useState } from "react";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import type {
  SerumCatalogueFieldsFragment,
  SerumCatalogueQuery as SerumCatalogueResult,
} from "../gql/graphql";
import { SerumCatalogueQuery } from "./operations";

export type CatalogueSerum = SerumCatalogueFieldsFragment;

/** The whole serum catalogue (a clinic's is small: pages of 50 until the end, within the query cost limit). */
export async function loadCatalogue(): Promise<CatalogueSerum[]> {
  const out: CatalogueSerum[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const res: SerumCatalogueResult = await gql(SerumCatalogueQuery, { after });
    out.push(...res.serums.edges.map((e) => e.node));
    if (!res.serums.pageInfo.hasNextPage || !res.serums.pageInfo.endCursor) break;
    after = res.serums.pageInfo.endCursor;
  }
  return out;
}

export function useCatalogue(): {
  serums: CatalogueSerum[] | undefined;
  error: ApiError | undefined;
  reload: () => void;
} {
  const [serums, setSerums] = useState<CatalogueSerum[]>();
  const [error, setError] = useState<ApiError>();
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    loadCatalogue().then(
      (s) => live && setSerums(s),
      (e: unknown) =>
        live &&
        setError(e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error")),
    );
    return () => {
      live = false;
    };
  }, [n]);
  return { serums, error, reload: () => setN((x) => x + 1) };
}

/** "A12 · use by 3 Mar 2027" / "A09 · expired 1 Jan 2025". */
export function lotLabel(lot: CatalogueSerum["lots"][number], formatDate: (d: string) => string): string {
  return lot.expired
    ? `${lot.lotNumber} · EXPIRED ${formatDate(lot.expiresOn)}`
    : `${lot.lotNumber} · use by ${formatDate(lot.expiresOn)}`;
}

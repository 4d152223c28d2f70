import { gql } from "../api/client";
import type { OutcomeExportQuery as OutcomeExportResult, OutcomeFilter } from "../gql/graphql";
import { OutcomeExportQuery } from "./operations";

export interface ExportProgress {
  done: number;
  total: number | null;
}

/** Rows per request: each chunk is one small GraphQL response, far below API Gateway's limits. */
export const EXPORT_ROWS_PER_CHUNK = 500;

/**
 * Fetches the CSV export chunk by chunk (the cursor carries the count so far), reporting progress
 * after each, and returns the whole file. `signal` stops between chunks.
 */
export async function fetchOutcomeCsv(
  filter: OutcomeFilter,
  onProgress: (p: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  const parts: string[] = [];
  let after: string | null = null;
  for (;;) {
    if (signal?.aborted) throw new DOMException("Export cancelled", "AbortError");
    const res: OutcomeExportResult = await gql(OutcomeExportQuery, {
      filter,
      after,
      rows: EXPORT_ROWS_PER_CHUNK,
    });
    const chunk = res.outcomeExport;
    parts.push(chunk.csv);
    onProgress({ done: chunk.progress.done, total: chunk.progress.total ?? null });
    if (!chunk.hasNextPage || !chunk.endCursor) break;
    after = chunk.endCursor;
  }
  return new Blob(parts, { type: "text/csv;charset=utf-8" });
}

/** A file name saying what the export holds and when it was made. */
export function exportFileName(filter: OutcomeFilter, now = new Date()): string {
  const parts = ["outcomes", now.toISOString().slice(0, 10)];
  if (filter.indication) parts.push(filter.indication.toLowerCase());
  if (filter.device) parts.push(filter.device.toLowerCase());
  if (filter.fitzpatrick) parts.push(`fitzpatrick-${filter.fitzpatrick}`);
  if (filter.from || filter.to) parts.push(`${filter.from ?? "start"}_to_${filter.to ?? "now"}`);
  return `${parts.join("-")}.csv`;
}

/** Hands the file to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { isDomainError } from "@needlework/core";
import { Analytics, Audit, Groups } from "@needlework/store";
import { authorizeRoot } from "../authz";
import { storeFilter, type OutcomeFilterInput } from "../resolvers/analytics";
import { buildContext, type ServerOptions } from "../server";
import { csvHeader, csvLine } from "./csv";

/**
 * `GET /export/outcomes.csv?siteId=&indication=&device=&serumId=&depthBand=&fitzpatrick=&from=&to=`
 * with `Authorization: Bearer …`: the outcome records as one streamed CSV response (chunked
 * transfer), written chunk by chunk as the paged Query reads them, so memory stays flat however many
 * rows there are. Same policy as the GraphQL `outcomeExport` (ANALYST and CLINIC_ADMIN).
 *
 * This route is for the local server (and curl). Behind API Gateway a Lambda response is buffered and
 * capped (6 MB, 30 s), so the deployed way is `outcomeExport`: one small chunk per request, the
 * portal joining them with a progress bar.
 */
export const OUTCOME_CSV_PATH = "/export/outcomes.csv";

const FILTER_PARAMS = [
  "from",
  "to",
  "siteId",
  "indication",
  "device",
  "serumId",
  "depthBand",
  "fitzpatrick",
] as const;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
};

export async function handleOutcomeCsv(
  opts: ServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  headers: Record<string, string> = {},
): Promise<void> {
  const fail = (status: number, code: string, message: string) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  };
  let started = false;
  try {
    const ctx = await buildContext(opts, req.headers.authorization);
    const { principal, active } = await authorizeRoot("Query.outcomeExport", ctx, {});
    // Nothing is streamed before the signed-in user's check has passed.
    await active;
    const input: OutcomeFilterInput = {};
    for (const k of FILTER_PARAMS) {
      const v = url.searchParams.get(k);
      if (v) (input as Record<string, string>)[k] = v;
    }
    const filter = storeFilter(input);
    const sites = new Map((await Groups.listSites(ctx.db, principal.groupId)).map((s) => [s.id, s.name]));
    await Audit.appendAudit(ctx.db, principal, {
      action: "EXPORT_OUTCOME_RECORDS",
      detail: `csv route, filter ${JSON.stringify(filter)}`,
    });
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="outcomes-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
      ...headers,
    });
    started = true;
    res.write(csvHeader());
    let after: string | null = null;
    do {
      const chunk = await Analytics.exportChunk(ctx.db, principal.groupId, filter, {
        after,
        rows: Analytics.EXPORT_CHUNK_MAX,
      });
      const text = chunk.records.map((r) => csvLine(r, (id) => sites.get(id) ?? id)).join("");
      if (text && !res.write(text)) await new Promise<void>((resolve) => res.once("drain", () => resolve()));
      after = chunk.hasNextPage ? chunk.endCursor : null;
    } while (after);
    res.end();
  } catch (e) {
    if (started) {
      // Mid-stream: the client sees a cut connection rather than a CSV that looks complete.
      res.destroy(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if (isDomainError(e)) return fail(STATUS[e.code] ?? 400, e.code, e.message);
    fail(500, "INTERNAL_SERVER_ERROR", "Something went wrong on our side.");
  }
}

import { badInput, type Principal } from "@needlework/core";
import { appendAudit } from "../audit";
import type { Db } from "../client";
import type { Page } from "../cursor";
import { Keys } from "../keys";
import { queryPage } from "../clinical/paging";
import { lotTraceFromItem, type LotTrace } from "../entities/session";

/**
 * Who received lot X: ONE Query per page on the lot's partition, newest first. A practitioner sees
 * the applications at their own sites (filtered in the Query); a clinic admin sees the group's.
 */
export async function sessionsByLot(
  db: Db,
  actor: Principal,
  args: { serumId: string; lotNumber: string; first?: number | null; after?: string | null },
): Promise<Page<LotTrace>> {
  const lot = args.lotNumber?.trim();
  if (!lot) throw badInput([{ path: "lotNumber", reason: "is required" }]);
  const pk = Keys.lotTracePk(actor.groupId, args.serumId, lot);
  const practitioner = actor.role !== "CLINIC_ADMIN";
  const siteValues = Object.fromEntries(actor.siteIds.map((s, i) => [`:s${i}`, s]));
  if (practitioner && actor.siteIds.length === 0)
    return { items: [], cursors: [], endCursor: null, hasNextPage: false };
  const page = await queryPage(
    db,
    actor.groupId,
    { first: args.first, after: args.after },
    {
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk, ...(practitioner ? siteValues : {}) },
      // Applications to an erased patient stay in the partition de-identified (src/erasure.ts): not listed.
      FilterExpression: `attribute_not_exists(erased)${practitioner ? ` AND siteId IN (${Object.keys(siteValues).join(", ")})` : ""}`,
      ScanIndexForward: false,
    },
    lotTraceFromItem,
    { pk },
  );
  await appendAudit(db, actor, {
    action: "TRACE_SERUM_LOT",
    detail: `serum ${args.serumId} lot ${lot}: ${page.items.length} applications`,
  });
  return page;
}

import { Sessions as SessionRules } from "@needlework/core";

/**
 * Treatment sessions. Recording one re-runs the contraindication screen for what changed since the
 * consultation and checks every serum applied (core), then writes in ONE TransactWriteItems: the
 * session (in the patient collection and the site's session list), the plan's progress (version
 * read), one lot-trace item per serum applied, the analytics rollups, the audit entry and the
 * idempotency record.
 */

/** The entity this module writes, declared in entities/session.ts. */
export * from "../entities/session";
export * from "./items";
export * from "./record";
export * from "./adverse-events";
export * from "./lot-traces";
export * from "./read";

/** The session limits are core's; re-exported for callers that size transactions by them. */
export const { MAX_SERUMS_PER_SESSION, MAX_DISTINCT_SERUMS_PER_SESSION } = SessionRules;
export type { RecordSessionInput, SerumApplicationInput } from "@needlework/core";

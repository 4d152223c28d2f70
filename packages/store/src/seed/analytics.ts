import { analyticsItemsFor } from "../analytics/rebuild";
import { registerPostSeeder } from "./demo";

/**
 * Demo analytics: the outcome records, their counters and the KPI plan items of the seeded clinical
 * history, rebuilt from the patient collections the first seeding pass wrote (the same builders the
 * session, assessment and plan transactions use).
 */
registerPostSeeder((db, g) =>
  analyticsItemsFor(
    db,
    g.group.id,
    g.patients.map((p) => p.id),
  ),
);

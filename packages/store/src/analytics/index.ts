/** Analytics: de-identified outcome records, summaries from rollups, KPIs and exports. */
export * from "./outcomes";
export * from "./summary";
export * from "./kpis";
export * from "./fhir";
export { groupSecret } from "./secret";
export { analyticsItemsFor } from "./rebuild";

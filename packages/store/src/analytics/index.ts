/** Analytics: de-identified outcome records, summaries from rollups, KPIs and exports. */
export * from "./outcomes";
export * from "./summary";
export * from "./kpis";
export * from "./fhir";
export {
  groupSecret,
  deriveGroupKey,
  staticPseudonymSecret,
  checkSecret,
  GROUP_KEY_LABEL,
  MIN_SECRET_LENGTH,
  type PseudonymSecretSource,
} from "./secret";
export { analyticsItemsFor } from "./rebuild";

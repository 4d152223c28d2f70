/** Clinical safety rules of issue 15, one module per rule; each finding quotes its DOMAIN.md section. */
export * from "./findings";
export * from "./anaesthetics";
export * from "./medicines";
export * from "./zone-limits";
export * from "./overrides";
export * from "./device-screening";
export * from "./intervals";
export * from "./serum-clearance";
export * from "./adverse-events";
export * from "./scar-scales";
export * from "./changed-answers";
export * from "./zone-findings";

import { Serums as SerumRules, type SerumLot } from "@needlework/core";
import { seededSerum, serumItem, type SerumRecord } from "../clinical/serums";
import { registerSeeder, type DemoGroup } from "./demo";

/**
 * Demo clinical history, part B: each group's serum catalogue (core's suggestions, each with a
 * current lot and an expired one kept for traceability), then sessions, assessments and the rollups
 * they add, built with the same item builders as the write functions so the demo reads exactly like
 * recorded data. Ids are fixed, so seeding twice writes nothing new.
 */
const SEEDED_AT = "2026-01-05T09:00:00.000Z";

/** Lot numbers: `<KEY>-<yymm>`; the current lot expires well after the demo's dates. */
export function demoLots(key: string): SerumLot[] {
  const code = key.replace(/[^a-z]/g, "").slice(0, 4).toUpperCase();
  return [
    { lotNumber: `${code}-2409`, expiresOn: "2025-09-30" },
    { lotNumber: `${code}-2511`, expiresOn: "2027-11-30" },
  ];
}

export function demoSerums(groupId: string): SerumRecord[] {
  return SerumRules.SERUM_CATALOGUE_SEED.map((seed) => seededSerum(groupId, seed, demoLots(seed.key), SEEDED_AT));
}

/** The id of a seeded serum by its seed key, e.g. "hyaluronic-acid" → "srm-hyaluronic-acid". */
export const demoSerumId = (key: string): string => `srm-${key}`;

export function clinicalBItems(g: DemoGroup): Record<string, unknown>[] {
  return demoSerums(g.group.id).map(serumItem);
}

registerSeeder((_db, g) => clinicalBItems(g));

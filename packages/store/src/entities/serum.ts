import type { Serum } from "@needlework/core";
import { Keys } from "../keys";

/**
 * A serum of the catalogue: one item per serum in the group's partition (`G#g / SERUM#<id>`), its lots
 * embedded.
 */
export interface SerumRecord extends Serum {
  groupId: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const FIELDS = [
  "id",
  "groupId",
  "name",
  "ingredients",
  "allergens",
  "clearance",
  "sterile",
  "lots",
  "version",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
] as const;

export function serumFromItem(item: Record<string, unknown>): SerumRecord {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) out[f] = item[f];
  out.ingredients ??= [];
  out.allergens ??= [];
  out.lots ??= [];
  return out as unknown as SerumRecord;
}

export function serumItem(s: SerumRecord): Record<string, unknown> {
  return { ...Keys.serum(s.groupId, s.id), type: "Serum", ...s };
}

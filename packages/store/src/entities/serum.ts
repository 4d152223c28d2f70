import { Serums, type Serum } from "@needlework/core";
import { z } from "zod";
import { Keys } from "../keys";
import { decodeItem, listOf, oneOf, optional, versioned, type ItemSchema } from "./decode";

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

const serumSchema: ItemSchema<SerumRecord> = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  ingredients: listOf(z.string()),
  allergens: listOf(z.string()),
  clearance: oneOf(Serums.SERUM_CLEARANCES),
  sterile: optional(z.boolean()),
  lots: listOf(z.object({ lotNumber: z.string(), expiresOn: z.string() }).passthrough()),
  ...versioned,
});

export function serumFromItem(item: Record<string, unknown>): SerumRecord {
  return decodeItem("Serum", serumSchema, item);
}

export function serumItem(s: SerumRecord): Record<string, unknown> {
  return { ...Keys.serum(s.groupId, s.id), type: "Serum", ...s };
}

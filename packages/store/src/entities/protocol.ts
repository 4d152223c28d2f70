import { Concerns, Devices, type ProtocolTemplate } from "@needlework/core";
import { z } from "zod";
import { decodeItem, listOf, oneOf, optional, type ItemSchema } from "./decode";

/**
 * Protocol templates per indication: the group's own item `PROTOCOL#<indication>` when an admin has
 * saved one, otherwise core's DEFAULT_PROTOCOLS (version 0).
 */
export interface StoredProtocol extends ProtocolTemplate {
  /** 0 while core's default applies; pass it back on update. */
  version: number;
  isDefault: boolean;
  updatedAt?: string | undefined;
  updatedBy?: string | undefined;
}

const depthRange = z.object({ minMm: z.number(), maxMm: z.number() }).passthrough();

const protocolSchema = z.object({
  indication: oneOf(Concerns.INDICATIONS),
  name: z.string(),
  depthMinMm: z.number(),
  depthMaxMm: z.number(),
  zoneDepths: optional(z.record(oneOf(Concerns.ZONES), depthRange)),
  sessionsMin: z.number().int(),
  sessionsMax: z.number().int(),
  sessionsDefault: z.number().int(),
  intervalWeeksMin: z.number(),
  intervalWeeksMax: z.number(),
  intervalWeeksDefault: z.number(),
  suggestedSerums: listOf(z.string()),
  device: oneOf(Devices.DEVICES),
  defaultZones: listOf(oneOf(Concerns.ZONES)),
  notes: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  version: z.number().int(),
  isDefault: z.literal(false).default(false),
  updatedAt: optional(z.string()),
  updatedBy: optional(z.string()),
}) satisfies ItemSchema<StoredProtocol>;

/** A clinic's own template for one indication (`G#g / PROTOCOL#<indication>`). */
export function protocolFromItem(item: Record<string, unknown>): StoredProtocol {
  return decodeItem("ProtocolTemplate", protocolSchema, item);
}

import { Concerns, Settings, type ClinicSettings } from "@needlework/core";
import { z } from "zod";
import { Keys } from "../keys";
import { decodeItem, optional, type ItemSchema } from "./decode";

/**
 * The clinic group's settings (waiting periods, retreatment, aftercare text): one item per group
 * (`G#g / SETTINGS`). Until an admin saves them the group runs on core's DEFAULT_SETTINGS, reported as
 * version 0.
 */
export interface StoredSettings {
  settings: ClinicSettings;
  /** 0 while the defaults apply; pass it back on update. */
  version: number;
  isDefault: boolean;
  updatedAt?: string | undefined;
  updatedBy?: string | undefined;
}

const withDefault = <K extends keyof ClinicSettings>(key: K, value: ItemSchema<ClinicSettings[K]>) =>
  value.nullish().transform((v): ClinicSettings[K] => v ?? Settings.DEFAULT_SETTINGS[key]);

/** The saved settings: a value the item lacks (a setting added since it was saved) is the default. */
const settingsSchema = z.object({
  settings: z.object({
    chemoRadiotherapyMonths: withDefault("chemoRadiotherapyMonths", z.number()),
    isotretinoinMonths: withDefault("isotretinoinMonths", z.number()),
    isotretinoinLevel: withDefault("isotretinoinLevel", z.enum(["BLOCK", "WARN"])),
    toxinDays: withDefault("toxinDays", z.number()),
    fillerDays: withDefault("fillerDays", z.number()),
    peelLaserRetinoidDays: withDefault("peelLaserRetinoidDays", z.number()),
    retreatmentMonths: withDefault("retreatmentMonths", z.number()),
    rebookingGraceDays: withDefault("rebookingGraceDays", z.number()),
    activesAfterNeedlingDays: withDefault("activesAfterNeedlingDays", z.number()),
    aftercareText: withDefault("aftercareText", z.string()),
    idleLockMinutes: withDefault("idleLockMinutes", z.number()),
    antiplateletLevel: withDefault("antiplateletLevel", z.enum(["BLOCK", "WARN"])),
    intervalDeepFaceWeeks: withDefault("intervalDeepFaceWeeks", z.number()),
    intervalFaceWeeks: withDefault("intervalFaceWeeks", z.number()),
    intervalScalpDays: withDefault("intervalScalpDays", z.number()),
    intervalBodyWeeks: withDefault("intervalBodyWeeks", z.number()),
    zoneLimits: withDefault(
      "zoneLimits",
      z.record(
        z.enum(Concerns.ZONES),
        z.object({ defaultMinMm: z.number(), defaultMaxMm: z.number(), hardMaxMm: z.number() }),
      ),
    ),
    rfNeedleMaxMm: withDefault("rfNeedleMaxMm", z.number()),
  }) satisfies ItemSchema<ClinicSettings>,
  version: z.number().int(),
  isDefault: z.literal(false),
  updatedAt: optional(z.string()),
  updatedBy: optional(z.string()),
}) satisfies ItemSchema<StoredSettings>;

/** The stored item (or its absence) as settings: defaults fill anything the item lacks. */
export function settingsFromItem(item: Record<string, unknown> | undefined): StoredSettings {
  if (!item) return { settings: { ...Settings.DEFAULT_SETTINGS }, version: 0, isDefault: true };
  const { version, updatedAt, updatedBy } = item;
  return decodeItem("ClinicSettings", settingsSchema, {
    settings: item,
    version,
    isDefault: false,
    updatedAt,
    updatedBy,
  });
}

export function settingsItem(
  groupId: string,
  s: ClinicSettings,
  version: number,
  at: string,
  by: string,
): Record<string, unknown> {
  return { ...Keys.settings(groupId), type: "ClinicSettings", ...s, version, updatedAt: at, updatedBy: by };
}

import {
  conflict,
  forbidden,
  Settings,
  type ClinicSettings,
  type ClinicSettingsInput,
  type Principal,
} from "@needlework/core";
import { addAudit } from "../audit";
import type { Db } from "../client";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { Keys } from "../keys";
import { getItem } from "./read";
import { Tx } from "../tx";
import { type StoredSettings, settingsFromItem, settingsItem } from "../entities/settings";

/** The entity this module writes, declared in entities/settings.ts. */
export * from "../entities/settings";

const FIELDS = Object.keys(Settings.DEFAULT_SETTINGS) as (keyof ClinicSettings)[];

/** A setting as the audit entry shows it; zone limits are an object, compared and shown as JSON. */
function settingText(value: ClinicSettings[keyof ClinicSettings]): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * One item, read in the request's shared BatchGetItem; any signed-in member of the group may read the
 * settings (they hold no patient data).
 */
export async function getSettings(db: Db, groupId: string): Promise<StoredSettings> {
  return settingsFromItem(await getItem(db, Keys.settings(groupId)));
}

/**
 * Replaces the given fields (core validates ranges). Only a CLINIC_ADMIN may; the version read must
 * still be current (0 = nobody has saved yet), otherwise CONFLICT.
 */
export async function updateSettings(
  db: Db,
  actor: Principal,
  expectedVersion: number,
  input: ClinicSettingsInput,
  idem?: IdempotencyContext,
): Promise<StoredSettings> {
  if (actor.role !== "CLINIC_ADMIN")
    throw forbidden("Only a clinic administrator can change the clinic settings.");
  Settings.validateSettings(input); // bad input answers before any read
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const current = await getSettings(db, actor.groupId);
      if (current.version !== expectedVersion) throw conflict("The clinic settings");
      const next = Settings.validateSettings(input, current.settings);
      const at = new Date().toISOString();
      const version = current.version + 1;
      tx.put(settingsItem(actor.groupId, next, version, at, actor.userId), {
        condition: expectedVersion === 0 ? "attribute_not_exists(pk)" : "version = :v",
        values: expectedVersion === 0 ? undefined : { ":v": expectedVersion },
        onConditionFailed: () => conflict("The clinic settings"),
      });
      const changed = FIELDS.filter((f) => settingText(next[f]) !== settingText(current.settings[f]));
      addAudit(tx, actor, {
        action: "UPDATE_CLINIC_SETTINGS",
        detail: changed.length
          ? changed.map((f) => (f === "aftercareText" ? f : `${f}=${settingText(next[f])}`)).join(", ")
          : "no change",
      });
      return { settings: next, version, isDefault: false, updatedAt: at, updatedBy: actor.userId };
    },
    () => new Tx(),
  );
}

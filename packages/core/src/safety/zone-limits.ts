import { ZONES, ZONE_LABELS, type Zone } from "../concerns";
import type { Device } from "../devices";
import type { ClinicSettings, ZoneLimitSetting } from "../settings";
import { DOMAIN, hardStopFinding, warnFinding, type SafetyFinding } from "./findings";

/**
 * Depth limits per zone and device (DOMAIN.md "Zone limits"): a default range (above it needs a
 * reason) and a hard maximum (refused above it), in plans and in sessions. Clinic-settable within
 * the device's range. RF microneedling uses the same zone limits, capped at the clinic's RF
 * device's insulated-needle maximum.
 */

export type ZoneLimit = ZoneLimitSetting;

const z = (defaultMinMm: number, defaultMaxMm: number, hardMaxMm: number): ZoneLimit => ({
  defaultMinMm,
  defaultMaxMm,
  hardMaxMm,
});

/**
 * Mechanical pen / roller defaults. Chin, back and hands are not in DOMAIN.md: the chin follows the
 * neck (0.5–1.0, max 1.5), the back the other body areas, the backs of the hands the forehead's thin
 * skin (0.25–0.5, max 1.0).
 */
export const DEFAULT_ZONE_LIMITS: Readonly<Record<Zone, ZoneLimit>> = {
  PERIORBITAL: z(0.25, 0.3, 0.5),
  FOREHEAD: z(0.25, 0.5, 1.0),
  NOSE: z(0.25, 0.5, 1.0),
  PERIORAL: z(0.25, 0.5, 1.0),
  CHEEKS: z(0.5, 1.5, 2.0),
  JAWLINE: z(0.5, 1.5, 2.0),
  CHIN: z(0.5, 1.0, 1.5),
  NECK: z(0.5, 1.0, 1.5),
  DECOLLETAGE: z(0.5, 1.0, 1.5),
  SCALP: z(0.5, 1.5, 1.5),
  ABDOMEN: z(1.5, 2.5, 2.5),
  THIGHS: z(1.5, 2.5, 2.5),
  ARMS: z(1.5, 2.5, 2.5),
  BUTTOCKS: z(1.5, 2.5, 2.5),
  BACK: z(1.5, 2.5, 2.5),
  HANDS: z(0.25, 0.5, 1.0),
};

/** Whether a zone's limits come from DOMAIN.md or were chosen for a zone it does not list. */
export const ZONES_NOT_IN_DOMAIN: readonly Zone[] = ["CHIN", "BACK", "HANDS"];

/** The limits in force for a zone and device: the clinic's (or the default), capped for RF. */
export function zoneLimit(
  zone: Zone,
  device: Device,
  settings: Pick<ClinicSettings, "zoneLimits" | "rfNeedleMaxMm">,
): ZoneLimit & { clinicSet: boolean } {
  const clinic = settings.zoneLimits?.[zone];
  const base = clinic ?? DEFAULT_ZONE_LIMITS[zone];
  if (device !== "RF_MICRONEEDLING") return { ...base, clinicSet: clinic !== undefined };
  const cap = settings.rfNeedleMaxMm;
  const hardMaxMm = Math.min(base.hardMaxMm, cap);
  const defaultMaxMm = Math.min(base.defaultMaxMm, hardMaxMm);
  return {
    defaultMinMm: Math.min(base.defaultMinMm, defaultMaxMm),
    defaultMaxMm,
    hardMaxMm,
    clinicSet: clinic !== undefined || cap < base.hardMaxMm,
  };
}

export type ZoneDepthStatus = "OK" | "NEEDS_REASON" | "REFUSED";

export interface ZoneDepthCheck {
  zone: Zone;
  depthMm: number;
  status: ZoneDepthStatus;
  limit: ZoneLimit;
  /** Plain-language reason, for NEEDS_REASON and REFUSED. */
  reason?: string;
  source: string;
}

const EPS = 1e-9;

/** Checks one zone's depth, in a plan or a session. */
export function checkZoneDepth(input: {
  zone: Zone;
  depthMm: number;
  device: Device;
  settings: Pick<ClinicSettings, "zoneLimits" | "rfNeedleMaxMm">;
}): ZoneDepthCheck {
  const { zone, depthMm, device } = input;
  const limit = zoneLimit(zone, device, input.settings);
  const label = ZONE_LABELS[zone];
  const rf = device === "RF_MICRONEEDLING" ? " with RF microneedling" : "";
  const source = `zone limit: ${label.toLowerCase()} ${limit.defaultMinMm}–${limit.defaultMaxMm} mm, maximum ${limit.hardMaxMm} mm${limit.clinicSet ? " (set by your clinic)" : ""}; ${DOMAIN.zoneLimits}`;
  const { clinicSet: _clinicSet, ...plainLimit } = limit;
  if (depthMm > limit.hardMaxMm + EPS)
    return {
      zone,
      depthMm,
      status: "REFUSED",
      limit: plainLimit,
      reason: `${label}: ${depthMm} mm is deeper than the ${limit.hardMaxMm} mm maximum for this zone${rf}. Not allowed.`,
      source,
    };
  if (depthMm > limit.defaultMaxMm + EPS)
    return {
      zone,
      depthMm,
      status: "NEEDS_REASON",
      limit: plainLimit,
      reason: `${label}: ${depthMm} mm is deeper than the usual ${limit.defaultMinMm}–${limit.defaultMaxMm} mm for this zone${rf}. Give a clinical reason.`,
      source,
    };
  return { zone, depthMm, status: "OK", limit: plainLimit, source };
}

/**
 * Zone depth findings for a plan's or a session's zones: ZONE_DEPTH_OVER_MAXIMUM (refused, never
 * overridable) and ZONE_DEPTH_ABOVE_DEFAULT (WARN that needs a reason).
 */
export function zoneDepthFindings(input: {
  zones: readonly { zone: Zone; depthMm: number }[];
  device: Device;
  settings: Pick<ClinicSettings, "zoneLimits" | "rfNeedleMaxMm">;
}): SafetyFinding[] {
  const out: SafetyFinding[] = [];
  for (const zd of input.zones) {
    const c = checkZoneDepth({ ...zd, device: input.device, settings: input.settings });
    if (c.status === "REFUSED")
      out.push(hardStopFinding("ZONE_DEPTH_OVER_MAXIMUM", c.reason ?? "", c.source));
    else if (c.status === "NEEDS_REASON")
      out.push(warnFinding("ZONE_DEPTH_ABOVE_DEFAULT", c.reason ?? "", c.source, true));
  }
  return out;
}

/** Every zone with its limits for a device, for the portal to show beside the depth field. */
export function zoneLimitsFor(
  device: Device,
  settings: Pick<ClinicSettings, "zoneLimits" | "rfNeedleMaxMm">,
): Record<Zone, ZoneLimit> {
  const out = {} as Record<Zone, ZoneLimit>;
  for (const zone of ZONES) {
    const { clinicSet: _c, ...l } = zoneLimit(zone, device, settings);
    out[zone] = l;
  }
  return out;
}

import { DEVICE_DEPTH_MAX_MM, DEVICE_DEPTH_MIN_MM, ZONES, type Zone } from "./concerns";
import { Problems, requireNumberInRange, requireOneOf, requireText } from "./validate";

/** A clinic's limits for one zone: above the default range needs a reason, above the hard maximum is refused. */
export interface ZoneLimitSetting {
  defaultMinMm: number;
  defaultMaxMm: number;
  hardMaxMm: number;
}

/**
 * The clinic group's configurable waiting periods and defaults. DOMAIN.md: where sources disagree
 * the value is a clinic setting with a default, never a constant. Rules quote the setting they used
 * in a finding's `source` (e.g. "clinic setting: isotretinoinMonths=6").
 */
export interface ClinicSettings {
  /** Block when the last chemotherapy / radiotherapy was less than this many months ago. */
  chemoRadiotherapyMonths: number;
  /** Isotretinoin must have stopped at least this many months ago. */
  isotretinoinMonths: number;
  /** Evidence is mixed: a clinic may downgrade the isotretinoin rule to a warning. */
  isotretinoinLevel: "BLOCK" | "WARN";
  /** Antiplatelets (aspirin, clopidogrel...) warn by default; a clinic may block them. */
  antiplateletLevel: "BLOCK" | "WARN";
  /** Warn when botulinum toxin was given in the area less than this many days ago. */
  toxinDays: number;
  /** Warn when filler was placed in the area less than this many days ago. */
  fillerDays: number;
  /** Warn after a chemical peel, laser or retinoid use within this many days. */
  peelLaserRetinoidDays: number;
  /** Maintenance: retreatment due this many months after a completed course. */
  retreatmentMonths: number;
  /** Rebooking KPI and "overdue": days of slack after the planned interval. */
  rebookingGraceDays: number;
  /** No actives (retinoids, acids, vitamin C) on the skin for this many days after needling. */
  activesAfterNeedlingDays: number;
  /** The clinic's own aftercare text, printed after the standard advice; one line per paragraph. */
  aftercareText: string;
  /**
   * Shared treatment-room devices: the portal locks after this many minutes without input, and the
   * user signs in again.
   */
  idleLockMinutes: number;
  /** Minimum interval between sessions on a facial zone deeper than 1.0 mm. */
  intervalDeepFaceWeeks: number;
  /** Minimum interval between sessions on a facial zone at 1.0 mm or less (and the neck and chest). */
  intervalFaceWeeks: number;
  /** Minimum interval between scalp sessions (alopecia: weekly is normal). */
  intervalScalpDays: number;
  /** Minimum interval between sessions on the body (stretch marks, scars). */
  intervalBodyWeeks: number;
  /** Zone limits the clinic changed (mechanical needling); zones not listed keep the defaults. */
  zoneLimits: Partial<Record<Zone, ZoneLimitSetting>>;
  /** RF microneedling: the deepest the clinic's RF device's insulated needles go, in mm. */
  rfNeedleMaxMm: number;
}

/**
 * Defaults from DOMAIN.md. Where DOMAIN.md gives a span the default takes the cautious end:
 * filler 28 days (of "2–4 weeks": filler can migrate or become infected if the area is needled too
 * soon) and actives 7 days (of "3–7 days": barrier recovery varies, a longer pause costs nothing).
 */
export const DEFAULT_SETTINGS: Readonly<ClinicSettings> = Object.freeze({
  chemoRadiotherapyMonths: 3,
  isotretinoinMonths: 6,
  isotretinoinLevel: "BLOCK",
  antiplateletLevel: "WARN",
  toxinDays: 14,
  fillerDays: 28,
  peelLaserRetinoidDays: 7,
  retreatmentMonths: 6,
  rebookingGraceDays: 14,
  activesAfterNeedlingDays: 7,
  aftercareText: "",
  // Long enough for a needling pass without touching the screen, short enough that a room left
  // between patients does not stay open to the next person in it.
  idleLockMinutes: 10,
  intervalDeepFaceWeeks: 4,
  intervalFaceWeeks: 2,
  intervalScalpDays: 7,
  intervalBodyWeeks: 2,
  zoneLimits: Object.freeze({}),
  rfNeedleMaxMm: DEVICE_DEPTH_MAX_MM,
});

export type ClinicSettingsInput = { [K in keyof ClinicSettings]?: ClinicSettings[K] | null };

/** Allowed ranges, so a typo (60 months) cannot silently switch a rule off or on. */
export const SETTING_RANGES = {
  chemoRadiotherapyMonths: { min: 0, max: 24, unit: "months" },
  isotretinoinMonths: { min: 0, max: 24, unit: "months" },
  toxinDays: { min: 0, max: 90, unit: "days" },
  fillerDays: { min: 0, max: 90, unit: "days" },
  peelLaserRetinoidDays: { min: 0, max: 60, unit: "days" },
  // DOMAIN.md: retreatment every 3–12 months.
  retreatmentMonths: { min: 3, max: 12, unit: "months" },
  rebookingGraceDays: { min: 0, max: 60, unit: "days" },
  activesAfterNeedlingDays: { min: 0, max: 30, unit: "days" },
  idleLockMinutes: { min: 1, max: 60, unit: "minutes" },
  intervalDeepFaceWeeks: { min: 1, max: 12, unit: "weeks" },
  intervalFaceWeeks: { min: 1, max: 12, unit: "weeks" },
  intervalScalpDays: { min: 1, max: 28, unit: "days" },
  intervalBodyWeeks: { min: 1, max: 12, unit: "weeks" },
} as const satisfies Partial<Record<keyof ClinicSettings, { min: number; max: number; unit: string }>>;

type NumericSetting = keyof typeof SETTING_RANGES;

/**
 * Validates a (partial) settings update and returns complete settings: `base` (the stored settings,
 * default DEFAULT_SETTINGS) with the given fields replaced. Throws BAD_USER_INPUT.
 */
export function validateSettings(
  input: ClinicSettingsInput,
  base: Readonly<ClinicSettings> = DEFAULT_SETTINGS,
): ClinicSettings {
  const p = new Problems();
  const out: ClinicSettings = { ...base };
  for (const key of Object.keys(SETTING_RANGES) as NumericSetting[]) {
    const value = input[key];
    if (value == null) continue;
    const { min, max, unit } = SETTING_RANGES[key];
    const v = requireNumberInRange(p, key, value, min, max, { integer: true, unit });
    if (v !== undefined) out[key] = v;
  }
  if (input.isotretinoinLevel != null) {
    const level = requireOneOf(p, "isotretinoinLevel", input.isotretinoinLevel, ["BLOCK", "WARN"] as const);
    if (level) out.isotretinoinLevel = level;
  }
  if (input.antiplateletLevel != null) {
    const level = requireOneOf(p, "antiplateletLevel", input.antiplateletLevel, ["BLOCK", "WARN"] as const);
    if (level) out.antiplateletLevel = level;
  }
  if (input.rfNeedleMaxMm != null) {
    const v = requireNumberInRange(
      p,
      "rfNeedleMaxMm",
      input.rfNeedleMaxMm,
      DEVICE_DEPTH_MIN_MM,
      DEVICE_DEPTH_MAX_MM,
      {
        unit: "mm",
      },
    );
    if (v !== undefined) out.rfNeedleMaxMm = v;
  }
  if (input.zoneLimits != null) out.zoneLimits = validateZoneLimits(p, input.zoneLimits);
  if (input.aftercareText != null) {
    out.aftercareText =
      requireText(p, "aftercareText", input.aftercareText, { max: 4000, required: false }) ?? "";
  }
  p.throwIfAny();
  return out;
}

/** Each zone's limits within the device range, in order: default min ≤ default max ≤ hard max. */
function validateZoneLimits(
  p: Problems,
  input: Readonly<Record<string, ZoneLimitSetting>>,
): ClinicSettings["zoneLimits"] {
  const out: ClinicSettings["zoneLimits"] = {};
  for (const [zone, limit] of Object.entries(input)) {
    const path = `zoneLimits.${zone}`;
    if (!(ZONES as readonly string[]).includes(zone)) {
      p.add(path, `unknown zone; use one of ${ZONES.join(", ")}`);
      continue;
    }
    if (limit == null || typeof limit !== "object") {
      p.add(path, "give the default range and the hard maximum");
      continue;
    }
    const mm = (key: keyof ZoneLimitSetting): number | undefined =>
      requireNumberInRange(p, `${path}.${key}`, limit[key], DEVICE_DEPTH_MIN_MM, DEVICE_DEPTH_MAX_MM, {
        unit: "mm",
      });
    const defaultMinMm = mm("defaultMinMm");
    const defaultMaxMm = mm("defaultMaxMm");
    const hardMaxMm = mm("hardMaxMm");
    if (defaultMinMm === undefined || defaultMaxMm === undefined || hardMaxMm === undefined) continue;
    if (defaultMinMm > defaultMaxMm) p.add(`${path}.defaultMinMm`, "must not be above the default maximum");
    else if (defaultMaxMm > hardMaxMm) p.add(`${path}.defaultMaxMm`, "must not be above the hard maximum");
    else out[zone as Zone] = { defaultMinMm, defaultMaxMm, hardMaxMm };
  }
  return out;
}

/** The source string a finding quotes, e.g. "clinic setting: isotretinoinMonths=6". */
export function settingSource(
  settings: Readonly<ClinicSettings>,
  key: Exclude<keyof ClinicSettings, "zoneLimits">,
): string {
  return `clinic setting: ${key}=${String(settings[key])}`;
}

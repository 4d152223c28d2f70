import { describe, expect, it } from "vitest";
import type { Zone } from "../concerns";
import type { Device } from "../devices";
import { isDomainError } from "../errors";
import { DEFAULT_SETTINGS, validateSettings, type ClinicSettings } from "../settings";
import { checkZoneDepth, zoneDepthFindings, zoneLimitsFor, type ZoneDepthStatus } from "./zone-limits";

type Case = [string, Zone, number, Device, ZoneDepthStatus, Partial<ClinicSettings>?];

const CASES: Case[] = [
  // Accepted before: 2.5 mm around the eyes and on the forehead, with the reason "x".
  ["2.5 mm around the eyes is refused", "PERIORBITAL", 2.5, "PEN", "REFUSED"],
  ["2.5 mm on the forehead is refused", "FOREHEAD", 2.5, "PEN", "REFUSED"],
  ["0.3 mm around the eyes is fine", "PERIORBITAL", 0.3, "PEN", "OK"],
  [
    "0.5 mm around the eyes needs a reason (the hard maximum itself)",
    "PERIORBITAL",
    0.5,
    "PEN",
    "NEEDS_REASON",
  ],
  ["0.75 mm on the forehead needs a reason", "FOREHEAD", 0.75, "DERMAROLLER", "NEEDS_REASON"],
  ["1.0 mm on the forehead is the maximum, allowed with a reason", "FOREHEAD", 1.0, "PEN", "NEEDS_REASON"],
  ["1.1 mm on the lips is refused", "PERIORAL", 1.1, "PEN", "REFUSED"],
  ["2.0 mm on the cheeks (acne scars) needs a reason", "CHEEKS", 2.0, "PEN", "NEEDS_REASON"],
  ["1.5 mm on the cheeks is fine", "CHEEKS", 1.5, "PEN", "OK"],
  ["1.2 mm on the chest needs a reason", "DECOLLETAGE", 1.2, "PEN", "NEEDS_REASON"],
  ["2.0 mm on the scalp is refused", "SCALP", 2.0, "PEN", "REFUSED"],
  ["2.5 mm on the thighs is fine (striae)", "THIGHS", 2.5, "PEN", "OK"],
  ["below the default range is not a safety matter", "ABDOMEN", 0.5, "PEN", "OK"],
  [
    "RF is capped at the clinic's RF needle maximum",
    "CHEEKS",
    1.8,
    "RF_MICRONEEDLING",
    "REFUSED",
    { rfNeedleMaxMm: 1.5 },
  ],
  [
    "a clinic may raise a zone's limits within the device range",
    "FOREHEAD",
    0.8,
    "PEN",
    "OK",
    { zoneLimits: { FOREHEAD: { defaultMinMm: 0.25, defaultMaxMm: 1.0, hardMaxMm: 1.5 } } },
  ],
];

describe("checkZoneDepth", () => {
  it.each(CASES)("%s", (_name, zone, depthMm, device, status, settings) => {
    const c = checkZoneDepth({ zone, depthMm, device, settings: { ...DEFAULT_SETTINGS, ...settings } });
    expect(c.status).toBe(status);
    expect(c.source).toContain("DOMAIN.md Zone limits");
    if (status !== "OK") {
      expect(c.reason).toContain(`${depthMm} mm`);
      expect(c.reason).not.toMatch(/zoneLimits|rfNeedleMaxMm/);
    }
  });
});

describe("zoneDepthFindings", () => {
  it("refuses above the maximum (never overridable) and asks a reason above the default", () => {
    const fs = zoneDepthFindings({
      zones: [
        { zone: "PERIORBITAL", depthMm: 2.5 },
        { zone: "NECK", depthMm: 1.2 },
        { zone: "CHEEKS", depthMm: 1.0 },
      ],
      device: "PEN",
      settings: DEFAULT_SETTINGS,
    });
    expect(fs.map((f) => [f.code, f.level, f.overridable, f.needsReason ?? false])).toEqual([
      ["ZONE_DEPTH_OVER_MAXIMUM", "BLOCK", false, false],
      ["ZONE_DEPTH_ABOVE_DEFAULT", "WARN", true, true],
    ]);
  });
  it("lists every zone's limits for the portal", () => {
    expect(zoneLimitsFor("PEN", DEFAULT_SETTINGS).PERIORBITAL).toEqual({
      defaultMinMm: 0.25,
      defaultMaxMm: 0.3,
      hardMaxMm: 0.5,
    });
  });
});

describe("zone limit settings", () => {
  const problems = (input: Parameters<typeof validateSettings>[0]): string[] => {
    try {
      validateSettings(input);
      return [];
    } catch (e) {
      return isDomainError(e) ? e.fields.map((f) => f.path) : ["not a domain error"];
    }
  };
  it("keeps limits within the device range and in order", () => {
    expect(
      problems({ zoneLimits: { FOREHEAD: { defaultMinMm: 0.25, defaultMaxMm: 0.5, hardMaxMm: 3 } } }),
    ).toEqual(["zoneLimits.FOREHEAD.hardMaxMm"]);
    expect(
      problems({ zoneLimits: { FOREHEAD: { defaultMinMm: 0.25, defaultMaxMm: 1.2, hardMaxMm: 1.0 } } }),
    ).toEqual(["zoneLimits.FOREHEAD.defaultMaxMm"]);
    expect(problems({ rfNeedleMaxMm: 4 })).toEqual(["rfNeedleMaxMm"]);
    expect(problems({ intervalFaceWeeks: 0 })).toEqual(["intervalFaceWeeks"]);
  });
  it("accepts a valid zone change and keeps the other defaults", () => {
    const s = validateSettings({
      zoneLimits: { NECK: { defaultMinMm: 0.5, defaultMaxMm: 1.0, hardMaxMm: 2.0 } },
    });
    expect(s.zoneLimits.NECK?.hardMaxMm).toBe(2.0);
    expect(s.intervalDeepFaceWeeks).toBe(4);
  });
});

import { describe, it, expect } from "vitest";
import { DEFAULT_SETTINGS, settingSource, validateSettings } from "./settings";
import { type DomainError } from "./errors";

describe("DEFAULT_SETTINGS", () => {
  it("holds DOMAIN.md's defaults", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      chemoRadiotherapyMonths: 3,
      isotretinoinMonths: 6,
      isotretinoinLevel: "BLOCK",
      toxinDays: 14,
      peelLaserRetinoidDays: 7,
      retreatmentMonths: 6,
    });
    expect(DEFAULT_SETTINGS.fillerDays).toBeGreaterThanOrEqual(14);
    expect(DEFAULT_SETTINGS.fillerDays).toBeLessThanOrEqual(28);
    expect(DEFAULT_SETTINGS.activesAfterNeedlingDays).toBeGreaterThanOrEqual(3);
    expect(DEFAULT_SETTINGS.activesAfterNeedlingDays).toBeLessThanOrEqual(7);
  });
  it("cannot be mutated by accident", () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});

describe("validateSettings", () => {
  it("merges a partial update onto the base", () => {
    const s = validateSettings({ isotretinoinLevel: "WARN", fillerDays: 14 });
    expect(s.isotretinoinLevel).toBe("WARN");
    expect(s.fillerDays).toBe(14);
    expect(s.toxinDays).toBe(14);
  });
  it("keeps the stored value when a field is null", () => {
    const base = { ...DEFAULT_SETTINGS, toxinDays: 21 };
    expect(validateSettings({ toxinDays: null }, base).toxinDays).toBe(21);
  });
  it("rejects out-of-range and fractional values, and unknown levels", () => {
    try {
      validateSettings({
        retreatmentMonths: 13,
        toxinDays: 2.5,
        isotretinoinLevel: "IGNORE" as "WARN",
      });
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).fields.map((f) => f.path).sort()).toEqual([
        "isotretinoinLevel",
        "retreatmentMonths",
        "toxinDays",
      ]);
    }
  });
  it("accepts the edges of DOMAIN.md's retreatment span", () => {
    expect(validateSettings({ retreatmentMonths: 3 }).retreatmentMonths).toBe(3);
    expect(validateSettings({ retreatmentMonths: 12 }).retreatmentMonths).toBe(12);
  });
  it("quotes settings as sources", () => {
    expect(settingSource(DEFAULT_SETTINGS, "isotretinoinMonths")).toBe(
      "clinic setting: isotretinoinMonths=6",
    );
  });
});

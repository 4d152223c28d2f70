import { describe, expect, it } from "vitest";
import { Serums, Settings, validateStaffInput } from "../../../packages/core/src";
import { validateLot, validateSerum } from "./SerumPage";
import { validateSettings } from "./SettingsPage";
import { siteNameError } from "./SitesPage";
import { validateUser } from "./UsersPage";

/** Core's reason for an input, or undefined when core accepts it. */
function coreReasons(run: () => unknown): Record<string, string> {
  try {
    run();
    return {};
  } catch (e) {
    const fields = (e as { fields?: { path: string; reason: string }[] }).fields ?? [];
    return Object.fromEntries(fields.map((f) => [f.path.replace(/^input\./, ""), f.reason]));
  }
}

describe("admin forms validate like the API", () => {
  it("serum: ingredients required, a needling-cleared serum must be sterile", () => {
    const bad = {
      name: " ",
      ingredients: [],
      allergens: [],
      clearance: "CLEARED_FOR_NEEDLING" as const,
      sterile: "no" as const,
    };
    const mine = validateSerum(bad);
    const core = coreReasons(() =>
      Serums.validateSerumInput({
        name: " ",
        ingredients: [],
        allergens: [],
        clearance: "CLEARED_FOR_NEEDLING",
        sterile: false,
      }),
    );
    expect(mine).toEqual({ name: core.name, ingredients: core.ingredients, sterile: core.sterile });
    expect(
      validateSerum({
        name: "HA",
        ingredients: ["Sodium hyaluronate"],
        allergens: [],
        clearance: "CLEARED_FOR_NEEDLING",
        sterile: "yes",
      }),
    ).toEqual({});
  });

  it("lot: unique within the serum whatever the case, with a real expiry", () => {
    const existing = [{ lotNumber: "PN-2401", expiresOn: "2025-01-31" }];
    const input = { lotNumber: "pn-2401", expiresOn: "2030-02-30" };
    const core = coreReasons(() => Serums.validateLotInput(input, existing));
    expect(validateLot(input, existing)).toEqual(core);
  });

  it("site: a name, at most 100 characters", () => {
    expect(siteNameError("  ")).toBe("Name is required");
    expect(siteNameError("x".repeat(101))).toBe("Name must be at most 100 characters");
    expect(siteNameError("Canal Street")).toBeUndefined();
  });

  it("user: an email for a new user, and a practitioner needs a site", () => {
    const input = { email: "nina@", name: "Nina", role: "PRACTITIONER" as const, siteIds: [] };
    const core = coreReasons(() => validateStaffInput(input));
    expect(validateUser(input, { isNew: true })).toEqual(core);
  });

  it("settings: whole numbers within core's ranges", () => {
    const v = {
      chemoRadiotherapyMonths: 3,
      isotretinoinMonths: 25,
      toxinDays: 14,
      fillerDays: 1.5,
      peelLaserRetinoidDays: 7,
      retreatmentMonths: 2,
      rebookingGraceDays: 14,
      activesAfterNeedlingDays: 7,
      isotretinoinLevel: "BLOCK" as const,
      aftercareText: "",
    };
    expect(validateSettings(v)).toEqual(coreReasons(() => Settings.validateSettings(v)));
  });
});

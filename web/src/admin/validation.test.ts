import { describe, expect, it } from "vitest";
import { Settings } from "@needlework/core";
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

describe("admin forms refuse what the API refuses", () => {
  it("serum: ingredients required, a needling-cleared serum must be sterile", () => {
    expect(
      validateSerum({
        name: " ",
        ingredients: [],
        allergens: [],
        clearance: "CLEARED_FOR_NEEDLING",
        sterile: "no",
      }),
    ).toEqual({
      name: "is required",
      ingredients: "list at least one ingredient",
      sterile:
        "a serum cleared for use during needling must be sterile (non-sterile topicals have caused granulomas)",
    });
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
    expect(validateLot({ lotNumber: "pn-2401", expiresOn: "2030-02-30" }, existing)).toEqual({
      lotNumber: "lot pn-2401 is already in the catalogue for this serum",
      expiresOn: "must be a date written YYYY-MM-DD",
    });
    expect(validateLot({ lotNumber: "PN-2402", expiresOn: "2030-02-28" }, existing)).toEqual({});
  });

  it("site: a name, at most 100 characters", () => {
    expect(siteNameError("  ")).toBe("Name is required");
    expect(siteNameError("x".repeat(101))).toBe("Name must be at most 100 characters");
    expect(siteNameError("Canal Street")).toBeUndefined();
  });

  it("user: an email for a new user, and a practitioner needs a site", () => {
    const input = { email: "nina@", name: "Nina", role: "PRACTITIONER" as const, siteIds: [] };
    expect(validateUser(input, { isNew: true })).toEqual({
      email: "must be an email address",
      siteIds: "a practitioner needs at least one site",
    });
    expect(validateUser({ ...input, email: "", siteIds: ["s1"] }, { isNew: false })).toEqual({});
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
      idleLockMinutes: 0,
      isotretinoinLevel: "BLOCK" as const,
      aftercareText: "",
    };
    expect(validateSettings(v)).toEqual(coreReasons(() => Settings.validateSettings(v)));
  });
});

import { describe, it, expect } from "vitest";
import { createHmac } from "node:crypto";
import { ageBand, ageOn, deidentifyPatient, pseudonymousKey, stripFreeText } from "./deidentify";

describe("ageBand", () => {
  it("counts the birthday on the day", () => {
    expect(ageOn("2000-06-01", "2026-05-31")).toBe(25);
    expect(ageOn("2000-06-01", "2026-06-01")).toBe(26);
    expect(ageOn("2004-02-29", "2025-02-28")).toBe(20);
    expect(ageOn("2004-02-29", "2025-03-01")).toBe(21);
  });
  it("bands by decade with <18 and 90+", () => {
    expect(ageBand("2008-06-02", "2026-06-01")).toBe("<18");
    expect(ageBand("2008-06-01", "2026-06-01")).toBe("18–29");
    expect(ageBand("1996-06-02", "2026-06-01")).toBe("18–29");
    expect(ageBand("1996-06-01", "2026-06-01")).toBe("30–39");
    expect(ageBand("1936-06-02", "2026-06-01")).toBe("80–89");
    expect(ageBand("1936-06-01", "2026-06-01")).toBe("90+");
    expect(ageBand("1920-01-01", "2026-06-01")).toBe("90+");
  });
  it("rejects malformed dates", () => {
    expect(() => ageBand("1990-13-01", "2026-06-01")).toThrow(RangeError);
  });
});

describe("pseudonymousKey", () => {
  const secret = "group-a-secret-0123456789";
  it("is an HMAC-SHA256 of the patient id under the group secret", () => {
    expect(pseudonymousKey(secret, "p1")).toBe(createHmac("sha256", secret).update("p1").digest("hex"));
  });
  it("differs between groups and patients, and needs a real secret", () => {
    expect(pseudonymousKey(secret, "p1")).not.toBe(pseudonymousKey("group-b-secret-0123456789", "p1"));
    expect(pseudonymousKey(secret, "p1")).not.toBe(pseudonymousKey(secret, "p2"));
    expect(() => pseudonymousKey("short", "p1")).toThrow(RangeError);
  });
});

describe("stripFreeText", () => {
  it("removes identifiers and free text, deeply, keeping the rest", () => {
    const row = {
      givenName: "Ann",
      email: "a@b.c",
      dateOfBirth: "1990-01-01",
      indication: "ACNE_SCARRING",
      notes: "Ann's sister recommended us",
      sessions: [{ depthMm: 1.5, immediateReactions: "cried", device: "PEN" }],
      custom: "x",
    };
    expect(stripFreeText(row, ["custom"])).toEqual({
      indication: "ACNE_SCARRING",
      sessions: [{ depthMm: 1.5, device: "PEN" }],
    });
    expect(row.notes).toBeDefined(); // input untouched
  });
  it("replaces the patient with key and band", () => {
    const d = deidentifyPatient(
      { id: "p1", dateOfBirth: "1990-01-01", fitzpatrick: "IV" },
      "group-a-secret-0123456789",
      "2026-06-01",
    );
    expect(d).toMatchObject({ ageBand: "30–39", fitzpatrick: "IV", siteId: null });
    expect(d.patientKey).toHaveLength(64);
  });
});

import { describe, expect, it } from "vitest";
import { emptyAllergy, emptyMedication, emptyPatient, placeFieldErrors, toInput } from "./formModel";
import { validatePatientForm } from "./validation";

const now = new Date("2026-03-01T12:00:00Z");
const valid = () => ({
  ...emptyPatient("site-1"),
  givenName: "Ada",
  familyName: "Lovelace",
  dateOfBirth: "1990-05-01",
});

describe("patient form validation (core's rules, before the round trip)", () => {
  it("accepts a minimal patient", () => {
    expect(validatePatientForm(valid(), now)).toEqual({});
  });

  it("requires names and date of birth", () => {
    expect(validatePatientForm(emptyPatient("site-1"), now)).toEqual({
      givenName: "is required",
      familyName: "is required",
      dateOfBirth: "is required",
    });
  });

  it("refuses a date of birth in the future, a bad email and a bad phone", () => {
    const errors = validatePatientForm(
      { ...valid(), dateOfBirth: "2026-03-02", email: "ada@", phone: "call me" },
      now,
    );
    expect(errors).toEqual({
      dateOfBirth: "must not be after 2026-03-01",
      email: "must be an email address",
      phone: "must be a phone number (digits, spaces, + ( ) -)",
    });
  });

  it("checks each allergy and medication row", () => {
    const med = { ...emptyMedication(), name: "Warfarin", startedOn: "2024-02-01", stoppedOn: "2024-01-01" };
    const errors = validatePatientForm({ ...valid(), allergies: [emptyAllergy()], medications: [med] }, now);
    expect(errors).toEqual({
      "allergies.0.substance": "is required",
      "medications.0.stoppedOn": "must not be before the start date",
    });
  });
});

describe("API field errors on the form", () => {
  it("places known paths on their fields and returns the rest", () => {
    const values = { ...valid(), allergies: [emptyAllergy()] };
    const { errors, unplaced } = placeFieldErrors(
      [
        { path: "input.dateOfBirth", reason: "must not be after 2026-03-01" },
        { path: "allergies.0.severity", reason: "is required" },
        { path: "historyFlags.2", reason: "is not a known flag" },
        { path: "allergies.4.substance", reason: "is required" },
        { path: "somethingElse", reason: "odd" },
      ],
      values,
    );
    expect(errors).toEqual({
      dateOfBirth: "must not be after 2026-03-01",
      "allergies.0.severity": "is required",
      historyFlags: "is not a known flag",
    });
    expect(unplaced.map((u) => u.path)).toEqual(["allergies.4.substance", "somethingElse"]);
  });

  it("sends blanks as null and trims text", () => {
    const input = toInput({ ...valid(), givenName: "  Ada ", email: " ", fitzpatrick: "" });
    expect(input).toMatchObject({ givenName: "Ada", email: null, phone: null, fitzpatrick: null });
  });
});

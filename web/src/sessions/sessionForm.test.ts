import { describe, expect, it } from "vitest";
import { Contraindications } from "@needlework/core";
import {
  addSerumBlocked,
  deviations,
  DISTINCT_SERUM_CAP_MESSAGE,
  formPath,
  numbingWarning,
  placeErrors,
  SERUM_CAP_MESSAGE,
  serumChoicesFor,
  toSessionInput,
  validateSession,
  type PlannedZone,
  type ScreeningQuestion,
  type SessionFormValues,
} from "./sessionForm";

const plan: PlannedZone[] = [{ zone: "CHEEKS", depthMm: 1.5, depthMinMm: 1.5, depthMaxMm: 2 }];
// The questions the API serves: core's.
const questions: ScreeningQuestion[] = Contraindications.SCREENING_QUESTIONS.map((q) => ({
  key: q.key,
  kind: q.kind === "boolean" ? "BOOLEAN" : "DATE",
  required: q.required,
  label: q.label,
  help: q.help,
}));
const allNo = Object.fromEntries(questions.map((q) => [q.key, q.kind === "BOOLEAN" ? "no" : ""]));
const NOW = new Date("2026-11-25T12:00:00Z");

const values = (over: Partial<SessionFormValues> = {}): SessionFormValues => ({
  performedOn: "2026-11-25",
  rescreen: { ...allNo },
  overrides: {},
  device: "PEN",
  cartridgeNeedleCount: 12,
  cartridgeLot: "C-1",
  rfEnergy: "",
  rfPulse: "",
  zones: [{ key: "z1", zone: "CHEEKS", depthMm: 1.5, passes: 2 }],
  depthDeviationReason: "",
  serums: [],
  numbingUsed: false,
  numbingAgent: "",
  numbingMinutes: 30,
  immediateReactions: "",
  adverseEvents: [],
  aftercareGiven: true,
  notes: "",
  ...over,
});

describe("the session recorder's rules (core's, before the round trip)", () => {
  it("accepts a complete pen session inside the plan", () => {
    expect(validateSession(values(), plan, questions, NOW)).toEqual({});
  });

  it("asks the re-screen again and refuses a future date", () => {
    const e = validateSession(
      values({ performedOn: "2026-11-26", rescreen: { activeSkinInfection: "", toxinDate: "" } }),
      plan,
      questions,
      NOW,
    );
    expect(e["rescreen.activeSkinInfection"]).toBe("must be answered yes or no");
    expect(e.performedOn).toBe("must not be after 2026-11-25");
  });

  it("needs the cartridge for a pen and the energy settings for RF", () => {
    expect(
      validateSession(values({ cartridgeLot: "", cartridgeNeedleCount: "" }), plan, questions, NOW),
    ).toMatchObject({
      cartridgeLot: "is required",
      cartridgeNeedleCount: "is required",
    });
    expect(
      validateSession(
        values({ device: "RF_MICRONEEDLING", rfEnergy: 0, rfPulse: 2000 }),
        plan,
        questions,
        NOW,
      ),
    ).toMatchObject({ rfEnergy: "must be above 0", rfPulse: "must be between 0 and 1000 ms" });
  });

  it("asks a reason for a depth outside the plan, with core's wording of the deviation", () => {
    const zones = [
      { key: "a", zone: "CHEEKS" as const, depthMm: 2.5, passes: 2 },
      { key: "b", zone: "NECK" as const, depthMm: 0.5, passes: 1 },
    ];
    expect(deviations(zones, plan).map((d) => d.reason)).toEqual([
      "Cheeks: 2.5 mm is outside the planned 1.5–2 mm",
      "Neck was not in the plan",
    ]);
    expect(validateSession(values({ zones }), plan, questions, NOW).depthDeviationReason).toMatch(
      /^give a reason for treating outside the plan \(Cheeks: 2.5 mm is outside the planned 1.5–2 mm; Neck was not in the plan\)$/,
    );
    expect(
      validateSession(values({ zones, depthDeviationReason: "Deep scars" }), plan, questions, NOW),
    ).toEqual({});
  });

  it("checks depth, passes, duplicate zones and serums applied to untreated zones", () => {
    const e = validateSession(
      values({
        zones: [
          { key: "a", zone: "CHEEKS", depthMm: 3, passes: 0 },
          { key: "b", zone: "CHEEKS", depthMm: 1.5, passes: 2 },
        ],
        serums: [{ key: "s", serumId: "S1", lotNumber: "L1", zone: "NECK", overrideReason: "" }],
      }),
      plan,
      questions,
      NOW,
    );
    expect(e).toMatchObject({
      "zones.0.depthMm": "must be between 0.25 and 2.5 mm",
      "zones.0.passes": "must be between 1 and 10 passes",
      "zones.1.zone": "Cheeks is recorded twice",
      "serums.0.zone": "Neck was not treated in this session",
    });
  });

  it("stops a 13th serum application and a 6th different serum before saving", () => {
    const row = (serumId: string, i: number) => ({
      key: `s${i}`,
      serumId,
      lotNumber: `L-${i}`,
      zone: "CHEEKS" as const,
      overrideReason: "",
    });
    const five = ["a", "b", "c", "d", "e"];
    // Twelve applications of five serums: no more rows.
    const twelve = Array.from({ length: 12 }, (_, i) => row(five[i % 5]!, i));
    expect(addSerumBlocked(twelve.slice(0, 11))).toBeUndefined();
    expect(addSerumBlocked(twelve)).toBe(SERUM_CAP_MESSAGE);
    // A new row beside five different serums may only repeat one of them; a row that is one of the
    // five may change to any (the others then apply four).
    const six = [...twelve.slice(0, 5), row("", 5)];
    expect([...(serumChoicesFor(six, 5) ?? [])].sort()).toEqual(five);
    expect(serumChoicesFor(six, 0)).toBeUndefined();
    expect(serumChoicesFor(twelve.slice(0, 4), 3)).toBeUndefined();
    // And the limits are refused as the API refuses them, however the form got there.
    expect(validateSession(values({ serums: twelve }), plan, questions, NOW).serums).toBeUndefined();
    expect(validateSession(values({ serums: [...twelve, row("a", 12)] }), plan, questions, NOW).serums).toBe(
      SERUM_CAP_MESSAGE,
    );
    expect(
      validateSession(values({ serums: [...twelve.slice(0, 5), row("f", 5)] }), plan, questions, NOW).serums,
    ).toBe(DISTINCT_SERUM_CAP_MESSAGE);
    // The API's "serums" error (the store's path) lands on the same place.
    expect(formPath("serums")).toBe("serums");
  });

  it("keeps adverse events within the session day and today", () => {
    const e = validateSession(
      values({
        adverseEvents: [
          {
            key: "e",
            type: "",
            onsetOn: "2026-11-01",
            durationDays: 1.5,
            severity: "MILD",
            serumId: "",
            lotNumber: "L1",
            notes: "",
          },
        ],
      }),
      plan,
      questions,
      NOW,
    );
    expect(e).toMatchObject({
      "adverseEvents.0.type": "is required",
      "adverseEvents.0.onsetOn": "must not be before 2026-11-25",
      "adverseEvents.0.durationDays": "must be a whole number",
      "adverseEvents.0.serumId": "name the serum the lot belongs to",
    });
  });

  it("puts the API's field errors on the recorder's fields", () => {
    expect(formPath("input.cartridge.lotNumber")).toBe("cartridgeLot");
    expect(formPath("input.serumsApplied.1.lotNumber")).toBe("serums.1.lotNumber");
    expect(formPath("serums.0")).toBe("serums.0.lotNumber");
    expect(formPath("input.rescreen.sunburn")).toBe("rescreen.sunburn");
    expect(formPath("input.rf.pulseDurationMs")).toBe("rfPulse");
    const { errors, unplaced } = placeErrors([
      { path: "zones.0.depthMm", reason: "must be between 0.25 and 2.5 mm" },
      { path: "planId", reason: "this treatment plan was cancelled" },
    ]);
    expect(errors).toEqual({ "zones.0.depthMm": "must be between 0.25 and 2.5 mm" });
    expect(unplaced).toEqual([{ path: "planId", reason: "this treatment plan was cancelled" }]);
  });

  it("sends the re-screen answers, the overrides given and no cartridge for a roller", () => {
    const input = toSessionInput(
      values({ device: "DERMAROLLER", overrides: { HERPES: " Antivirals started ", OTHER: "" } }),
      {
        planId: "P",
        siteId: "S",
        questions: questions.filter((q) => q.key === "activeSkinInfection" || q.key === "toxinDate"),
        overrideCodes: ["HERPES", "OTHER"],
      },
    );
    expect(input.cartridge).toBeNull();
    expect(input.rescreen).toEqual({ activeSkinInfection: false, toxinDate: null });
    expect(input.overrides).toEqual([{ code: "HERPES", reason: "Antivirals started" }]);
  });

  it("warns when the numbing agent is one the patient is allergic to", () => {
    const patient = {
      allergies: [{ substance: "Lidocaine", kind: "ALLERGY" as const, severity: "MODERATE" as const }],
      historyFlags: [],
    };
    expect(numbingWarning(patient, "Lidocaine 5% cream")).toBe(
      "The patient is allergic to Lidocaine: choose another agent or none.",
    );
    expect(numbingWarning(patient, "Cold air")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { ZONE_DEPTHS } from "../../../packages/core/src/concerns";
import * as Protocols from "../../../packages/core/src/protocols";
import {
  CONCERN_CAP_MESSAGE,
  concernLocked,
  formPathOf,
  fromSuggestion,
  initialConcernIds,
  INTERVAL_WEEKS,
  manualZone,
  MAX_CONCERNS_PER_PLAN,
  SESSIONS,
  planFieldsKey,
  toPlanInput,
  validatePlan,
  ZONE_DEPTH,
  type PlanValues,
} from "./model";

const suggestion = {
  zones: [
    {
      zone: "FOREHEAD" as const,
      depthMm: 0.35,
      depthMinMm: 0.25,
      depthMaxMm: 0.5,
      indication: "WRINKLES" as const,
    },
    {
      zone: "PERIORBITAL" as const,
      depthMm: 0.25,
      depthMinMm: 0.25,
      depthMaxMm: 0.3,
      indication: "WRINKLES" as const,
    },
  ],
  sessions: 3,
  intervalWeeks: 4,
  device: "PEN" as const,
  serums: ["Hyaluronic acid"],
  serumIds: ["serum-ha"],
  conservative: false,
  notes: [],
};

function values(): PlanValues {
  return {
    concernIds: ["c1"],
    startDate: "2026-11-25",
    ...fromSuggestion(suggestion),
    serumOverrides: {},
    notes: "",
  };
}

describe("the plan builder", () => {
  it("mirrors core's safe depth per zone", () => {
    expect(ZONE_DEPTH).toEqual(ZONE_DEPTHS);
    expect(manualZone("CHEEKS")).toMatchObject({
      zone: "CHEEKS",
      depthMm: 1,
      depthMinMm: 0.5,
      depthMaxMm: 1.5,
    });
  });

  it("mirrors core's plan limits", () => {
    expect(MAX_CONCERNS_PER_PLAN).toBe(Protocols.MAX_CONCERNS_PER_PLAN);
    expect(SESSIONS).toEqual({ min: Protocols.PLAN_SESSIONS_MIN, max: Protocols.PLAN_SESSIONS_MAX });
    expect(INTERVAL_WEEKS).toEqual({
      min: Protocols.PLAN_INTERVAL_WEEKS_MIN,
      max: Protocols.PLAN_INTERVAL_WEEKS_MAX,
    });
  });

  it("caps the concerns a plan treats, as core does, before saving", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);
    // A consultation with more active concerns than a plan may treat starts with the first five.
    expect(initialConcernIds(ids(7))).toEqual(ids(MAX_CONCERNS_PER_PLAN));
    expect(initialConcernIds(ids(2))).toEqual(ids(2));
    // At the cap the other boxes lock; the chosen ones can still be unticked.
    expect(concernLocked(ids(5), "c6")).toBe(true);
    expect(concernLocked(ids(5), "c3")).toBe(false);
    expect(concernLocked(ids(4), "c6")).toBe(false);
    // And more than the cap (however it came about) is refused where core refuses it.
    const over = { ...values(), concernIds: ids(MAX_CONCERNS_PER_PLAN + 1) };
    expect(validatePlan(over, "2026-11-25").concernIds).toBe(CONCERN_CAP_MESSAGE);
    expect(validatePlan({ ...over, concernIds: ids(5) }, "2026-11-25").concernIds).toBeUndefined();
  });

  it("tells an edited plan from the suggestion", () => {
    const v = values();
    const applied = planFieldsKey(fromSuggestion(suggestion));
    expect(planFieldsKey(v)).toBe(applied);
    v.zones[0]!.depthMm = 0.45;
    expect(planFieldsKey(v)).not.toBe(applied);
  });

  it("refuses a depth outside the zone's allowed range, and bad counts", () => {
    const v = values();
    v.zones[0]!.depthMm = 0.75;
    v.sessionsPlanned = 0;
    v.intervalWeeks = 2.5;
    v.startDate = "2026-11-01";
    expect(validatePlan(v, "2026-11-20")).toEqual({
      "zones.0.depthMm": "Must be within the allowed range 0.25–0.5 mm",
      sessionsPlanned: "Must be a whole number from 1 to 24",
      intervalWeeks: "Must be a whole number from 1 to 26",
      startDate: "Must not be before the consultation",
    });
    expect(validatePlan(values(), "2026-11-20")).toEqual({});
  });

  it("sends overrides only for flagged serums with a reason, and maps their errors back", () => {
    const v = values();
    v.serumIds = ["serum-ha", "serum-pep", "serum-vc"];
    v.serumOverrides = { "serum-pep": " sterile ampoule ", "serum-vc": "" };
    const { input, overrideOrder } = toPlanInput(v, "cons", "site", new Set(["serum-pep", "serum-vc"]));
    expect(input.serumOverrides).toEqual([{ serumId: "serum-pep", reason: "sterile ampoule" }]);
    expect(input.plannedSerums).toEqual([
      { serumId: "serum-ha" },
      { serumId: "serum-pep" },
      { serumId: "serum-vc" },
    ]);
    expect(formPathOf("serumOverrides.0.reason", v, overrideOrder)).toBe("serumOverrides.serum-pep");
    expect(formPathOf("plannedSerums.2.serumId", v, overrideOrder)).toBe("serum.serum-vc");
    expect(formPathOf("zones.1.depthMaxMm", v, overrideOrder)).toBe("zones.1.depthMm");
    expect(formPathOf("concernIds.0", v, overrideOrder)).toBe("concernIds");
  });
});

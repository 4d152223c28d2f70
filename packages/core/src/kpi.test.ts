import { describe, it, expect } from "vitest";
import {
  KPI_DEFINITIONS,
  KPI_IDS,
  adverseEventRatePer100,
  courseCompletionRate,
  meanImprovement,
  rebookingRate,
  timeBetweenSessionsVsPlan,
  type KpiPlan,
} from "./kpi";

const plan = (over: Partial<KpiPlan>): KpiPlan => ({
  startOn: "2026-01-05",
  sessionsPlanned: 3,
  intervalWeeks: 4,
  sessionDates: [],
  ...over,
});

describe("KPI_DEFINITIONS", () => {
  it("defines every KPI in words", () => {
    for (const id of KPI_IDS) expect(KPI_DEFINITIONS[id].definition.length).toBeGreaterThan(40);
  });
});

describe("courseCompletionRate", () => {
  // expected completion 2026-03-02; + 14 grace = 2026-03-16
  const done = plan({ sessionDates: ["2026-01-05", "2026-02-02", "2026-03-02"] });
  const partial = plan({ sessionDates: ["2026-01-05"] });
  it("counts an unfinished plan only after its deadline plus grace", () => {
    expect(courseCompletionRate([done, partial], "2026-03-16", 14)).toEqual({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    expect(courseCompletionRate([done, partial], "2026-03-17", 14)).toEqual({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
  });
  it("counts cancelled plans as not completed once due, and is null without data", () => {
    expect(
      courseCompletionRate([plan({ cancelled: true, sessionDates: ["2026-01-05"] })], "2026-06-01", 14).value,
    ).toBe(0);
    expect(courseCompletionRate([], "2026-06-01", 14).value).toBeNull();
  });
});

describe("rebookingRate", () => {
  it("counts a next session within interval + grace, ignores the course's last session", () => {
    const p = plan({ sessionDates: ["2026-01-05", "2026-02-16", "2026-04-30"] });
    // 01-05 → window ends 02-02 + 14 = 02-16: next 02-16 is in. 02-16 → window ends 03-30: next 04-30 is late. 04-30 is the last.
    expect(rebookingRate([p], "2026-06-01", 14)).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });
  it("counts a future booking, and waits while the window is open", () => {
    const booked = plan({ sessionDates: ["2026-05-20"], bookedDates: ["2026-06-17"] });
    expect(rebookingRate([booked], "2026-06-01", 14)).toEqual({ numerator: 1, denominator: 1, value: 100 });
    const open = plan({ sessionDates: ["2026-05-20"] });
    expect(rebookingRate([open], "2026-06-01", 14).denominator).toBe(0);
    expect(rebookingRate([open], "2026-07-02", 14)).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });
});

describe("adverseEventRatePer100", () => {
  it("counts events per 100 sessions, but not expected redness", () => {
    const r = adverseEventRatePer100(200, [
      { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-01-01", durationDays: 2 },
      { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-01-01", durationDays: 9 },
      { type: "INFECTION", onsetOn: "2026-01-01" },
      { type: "PIH", onsetOn: "2026-01-01" },
    ]);
    expect(r).toEqual({ numerator: 3, denominator: 200, value: 1.5 });
    expect(adverseEventRatePer100(0, []).value).toBeNull();
  });
  it("counts an ongoing redness as recorded unless asked as of a day, so a recount matches the counters", () => {
    const open = [{ type: "ERYTHEMA_OEDEMA" as const, onsetOn: "2026-01-01" }];
    expect(adverseEventRatePer100(10, open).numerator).toBe(0);
    expect(adverseEventRatePer100(10, open, "2026-01-10").numerator).toBe(1);
  });
});

describe("meanImprovement", () => {
  it("groups by the chosen dimensions and always by scale", () => {
    const groups = meanImprovement(
      [
        {
          scale: "GOODMAN_BARON_QUANTITATIVE",
          baseline: 40,
          latest: 30,
          indication: "ACNE_SCARRING",
          depthBand: "1.0–1.5",
        },
        {
          scale: "GOODMAN_BARON_QUANTITATIVE",
          baseline: 20,
          latest: 20,
          indication: "ACNE_SCARRING",
          depthBand: "1.0–1.5",
        },
        { scale: "GAIS", baseline: 4, latest: 2, indication: "ACNE_SCARRING", depthBand: "1.0–1.5" },
        { scale: "HAIR_COUNT", baseline: 0, latest: 10, indication: "ALOPECIA", depthBand: "0.5–1.0" },
      ],
      ["indication"],
    );
    expect(groups).toHaveLength(3);
    const gb = groups.find((g) => g.scale === "GOODMAN_BARON_QUANTITATIVE");
    expect(gb).toMatchObject({
      key: { indication: "ACNE_SCARRING" },
      n: 2,
      meanAbsolute: 5,
      meanPercent: 12.5,
      improvedShare: 50,
    });
    expect(groups.find((g) => g.scale === "GAIS")).toMatchObject({ meanAbsolute: 2, meanPercent: null });
    expect(groups.find((g) => g.scale === "HAIR_COUNT")).toMatchObject({
      meanPercent: null,
      nPercent: 0,
      meanAbsolute: 10,
    });
  });
});

describe("timeBetweenSessionsVsPlan", () => {
  it("reports deviation from the planned interval", () => {
    const r = timeBetweenSessionsVsPlan(
      [plan({ sessionDates: ["2026-01-05", "2026-02-02", "2026-03-16"] })],
      7,
    );
    // gaps: 28 (0 dev), 42 (+14 dev)
    expect(r).toEqual({
      gaps: 2,
      meanActualDays: 35,
      meanPlannedDays: 28,
      meanDeviationDays: 7,
      meanAbsDeviationDays: 7,
      withinGraceShare: 50,
    });
    expect(timeBetweenSessionsVsPlan([plan({ sessionDates: ["2026-01-05"] })], 7).gaps).toBe(0);
  });
});

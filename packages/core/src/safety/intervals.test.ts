import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings";
import {
  minimumIntervalDays,
  nextAllowedOn,
  sessionTimingFindings,
  type SessionTimingInput,
} from "./intervals";

const base: SessionTimingInput = {
  performedOn: "2026-06-10",
  today: "2026-06-10",
  zones: [{ zone: "CHEEKS", depthMm: 1.5 }],
  previous: [],
  plan: { id: "p1", startOn: "2026-05-01", sessionsPlanned: 3 },
  clearedOn: "2026-04-28",
  settings: DEFAULT_SETTINGS,
};
const sess = (
  performedOn: string,
  zone: "CHEEKS" | "SCALP" | "FOREHEAD" | "THIGHS",
  depthMm: number,
  planId = "p1",
) => ({
  performedOn,
  zones: [{ zone, depthMm }],
  planId,
});

type Case = [string, Partial<SessionTimingInput>, string[]];

const CASES: Case[] = [
  ["a session on time raises nothing", { previous: [sess("2026-05-13", "CHEEKS", 1.5)] }, []],
  // Accepted before: a second session the next day, another the same day, a course run to 5 of 3,
  // a session dated before the consultation.
  [
    "the next day at 1.5 mm on the face is below the 4-week minimum",
    { previous: [sess("2026-06-09", "CHEEKS", 1.5)] },
    ["INTERVAL_BELOW_MINIMUM:WARN"],
  ],
  [
    "the same zone twice on one day is refused",
    { previous: [sess("2026-06-10", "CHEEKS", 1.0)] },
    ["SAME_ZONE_SAME_DAY:BLOCK"],
  ],
  ["another zone the same day is fine", { previous: [sess("2026-06-10", "FOREHEAD", 0.5)] }, []],
  [
    "past the planned count needs a reason",
    {
      previous: [
        sess("2026-05-01", "CHEEKS", 1.5),
        sess("2026-05-13", "CHEEKS", 1.5),
        sess("2026-05-20", "THIGHS", 2.0),
        sess("2026-06-01", "THIGHS", 2.0, "other-plan"),
      ],
    },
    ["PAST_PLANNED_SESSIONS:WARN"],
  ],
  [
    "before the consultation that cleared it is refused",
    { performedOn: "2026-04-20", clearedOn: "2026-04-28", plan: null },
    ["SESSION_BEFORE_CONSULTATION:BLOCK"],
  ],
  ["before the plan starts is refused", { performedOn: "2026-04-30" }, ["SESSION_BEFORE_PLAN_START:BLOCK"]],
  ["in the future is refused", { performedOn: "2026-06-11" }, ["SESSION_IN_FUTURE:BLOCK"]],
  [
    "face at 1.0 mm: 2 weeks is enough",
    { zones: [{ zone: "FOREHEAD", depthMm: 0.5 }], previous: [sess("2026-05-27", "FOREHEAD", 0.5)] },
    [],
  ],
  [
    "face at 1.0 mm: 13 days is too soon",
    { zones: [{ zone: "FOREHEAD", depthMm: 0.5 }], previous: [sess("2026-05-28", "FOREHEAD", 0.5)] },
    ["INTERVAL_BELOW_MINIMUM:WARN"],
  ],
  [
    "the deeper previous session sets the interval",
    { zones: [{ zone: "CHEEKS", depthMm: 0.5 }], previous: [sess("2026-05-20", "CHEEKS", 1.5)] },
    ["INTERVAL_BELOW_MINIMUM:WARN"],
  ],
  [
    "scalp for alopecia: weekly is normal",
    {
      zones: [{ zone: "SCALP", depthMm: 1.0 }],
      previous: [sess("2026-06-03", "SCALP", 1.0)],
      plan: { id: "p1", startOn: "2026-05-01", sessionsPlanned: 12, indication: "ALOPECIA" },
    },
    [],
  ],
];

describe("sessionTimingFindings", () => {
  it.each(CASES)("%s", (_name, over, expected) => {
    const fs = sessionTimingFindings({ ...base, ...over });
    expect(fs.map((f) => `${f.code}:${f.level}`)).toEqual(expected);
    for (const f of fs) {
      expect(f.source).toContain("DOMAIN.md Intervals and courses");
      if (f.level === "BLOCK") expect(f.overridable).toBe(false);
      else expect(f.needsReason).toBe(true);
    }
  });
  it("says when the zone may be needled again", () => {
    const [f] = sessionTimingFindings({ ...base, previous: [sess("2026-06-09", "CHEEKS", 1.5)] });
    expect(f?.reason).toContain("until 2026-07-07");
  });
});

describe("minimumIntervalDays", () => {
  it.each<[Parameters<typeof minimumIntervalDays>[0], number, number]>([
    ["CHEEKS", 1.5, 28],
    ["CHEEKS", 1.0, 14],
    ["NECK", 1.2, 28],
    ["SCALP", 1.0, 7],
    ["ABDOMEN", 2.5, 14],
  ])("%s at %s mm: %s days", (zone, depth, days) => {
    expect(minimumIntervalDays(zone, depth, DEFAULT_SETTINGS).days).toBe(days);
  });
  it("follows the clinic's settings", () => {
    expect(minimumIntervalDays("CHEEKS", 1.5, { ...DEFAULT_SETTINGS, intervalDeepFaceWeeks: 6 }).days).toBe(
      42,
    );
    expect(nextAllowedOn("2026-06-01", "SCALP", 1.0, DEFAULT_SETTINGS)).toBe("2026-06-08");
  });
});

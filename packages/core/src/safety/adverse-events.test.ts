import { describe, expect, it } from "vitest";
import type { AdverseEvent } from "../sessions";
import { adverseEventStatus, openFlaggedEvents } from "./adverse-events";

type E = Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">;
const TODAY = "2026-06-30";

const CASES: [string, E, string, boolean][] = [
  // Accepted before: erythema still ongoing 60 days after onset was classed EXPECTED.
  [
    "erythema ongoing 60 days after onset is abnormal",
    { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-05-01" },
    "ABNORMAL",
    true,
  ],
  [
    "erythema ongoing 2 days is expected",
    { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-06-28" },
    "EXPECTED",
    false,
  ],
  [
    "erythema ongoing 3 days is still expected",
    { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-06-27" },
    "EXPECTED",
    false,
  ],
  [
    "erythema ongoing 4 days is prolonged and flagged",
    { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-06-26" },
    "PROLONGED",
    true,
  ],
  [
    "erythema ongoing 7 days is prolonged",
    { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-06-23" },
    "PROLONGED",
    true,
  ],
  [
    "erythema ongoing 8 days is abnormal",
    { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-06-22" },
    "ABNORMAL",
    true,
  ],
  [
    "erythema that lasted 2 days, long ago, stays expected",
    { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-01-01", durationDays: 2 },
    "EXPECTED",
    false,
  ],
  ["an infection is abnormal from day one", { type: "INFECTION", onsetOn: "2026-06-30" }, "ABNORMAL", true],
];

describe("adverseEventStatus", () => {
  it.each(CASES)("%s", (_name, e, cls, flagged) => {
    const s = adverseEventStatus(e, TODAY);
    expect(s.class).toBe(cls);
    expect(s.flagged).toBe(flagged);
    expect(s.source).toContain("DOMAIN.md Adverse events");
    if (flagged) expect(s.reason).toBeTruthy();
  });
  it("counts the days from onset to today for an ongoing event", () => {
    expect(adverseEventStatus({ type: "ERYTHEMA_OEDEMA", onsetOn: "2026-05-01" }, TODAY).days).toBe(60);
  });
});

describe("openFlaggedEvents", () => {
  it("lists only open events past their expected duration", () => {
    const events: E[] = [
      { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-05-01" },
      { type: "ERYTHEMA_OEDEMA", onsetOn: "2026-06-29" },
      { type: "INFECTION", onsetOn: "2026-06-01", durationDays: 10 },
    ];
    expect(openFlaggedEvents(events, TODAY).map((x) => x.event.onsetOn)).toEqual(["2026-05-01"]);
  });
});

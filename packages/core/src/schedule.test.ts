import { describe, it, expect } from "vitest";
import {
  depthBand,
  expectedCompletionDate,
  nextDueDate,
  planDue,
  planProgress,
  retreatmentDue,
} from "./schedule";
import { DEFAULT_SETTINGS } from "./settings";
import { DomainError } from "./errors";

const plan = { startOn: "2026-01-05", sessionsPlanned: 3, intervalWeeks: 4 };
const s = (...d: string[]) => d.map((performedOn) => ({ performedOn }));

describe("planProgress", () => {
  it("moves PLANNED → IN_PROGRESS → COMPLETED", () => {
    expect(planProgress(plan, []).status).toBe("PLANNED");
    expect(planProgress(plan, s("2026-01-05"))).toMatchObject({
      status: "IN_PROGRESS",
      done: 1,
      remaining: 2,
    });
    const done = planProgress(plan, s("2026-03-02", "2026-01-05", "2026-02-02"));
    expect(done).toMatchObject({
      status: "COMPLETED",
      done: 3,
      remaining: 0,
      firstSessionOn: "2026-01-05",
      lastSessionOn: "2026-03-02",
    });
  });
  it("stays completed with an extra session, and cancelled wins", () => {
    expect(planProgress(plan, s("a", "b", "c", "d")).status).toBe("COMPLETED");
    expect(planProgress({ ...plan, cancelled: true }, s("2026-01-05")).status).toBe("CANCELLED");
  });
});

describe("due dates", () => {
  it("first session is due on the plan start, later ones last + interval", () => {
    expect(nextDueDate(plan)).toBe("2026-01-05");
    expect(nextDueDate(plan, "2026-01-10")).toBe("2026-02-07");
  });
  it("computes the expected completion and retreatment dates", () => {
    expect(expectedCompletionDate(plan)).toBe("2026-03-02");
    expect(retreatmentDue("2026-03-02", DEFAULT_SETTINGS)).toBe("2026-09-02");
  });
  it("marks a session DUE from its date and OVERDUE only after the grace days", () => {
    const sessions = s("2026-01-05");
    expect(planDue(plan, sessions, DEFAULT_SETTINGS, "2026-02-01").state).toBe("NOT_DUE");
    expect(planDue(plan, sessions, DEFAULT_SETTINGS, "2026-02-02")).toMatchObject({
      state: "DUE",
      daysOverdue: 0,
      nextSessionDue: "2026-02-02",
    });
    expect(planDue(plan, sessions, DEFAULT_SETTINGS, "2026-02-16").state).toBe("DUE");
    expect(planDue(plan, sessions, DEFAULT_SETTINGS, "2026-02-17")).toMatchObject({
      state: "OVERDUE",
      daysOverdue: 15,
    });
  });
  it("after completion shows the retreatment date instead of a next session", () => {
    const due = planDue(
      plan,
      s("2026-01-05", "2026-02-02", "2026-03-02"),
      { ...DEFAULT_SETTINGS, retreatmentMonths: 3 },
      "2026-06-02",
    );
    expect(due).toMatchObject({ nextSessionDue: null, retreatmentDue: "2026-06-02", state: "DUE" });
  });
});

describe("depthBand", () => {
  it("includes the upper bound of each band", () => {
    expect(depthBand(0.25)).toBe("0.25–0.5");
    expect(depthBand(0.5)).toBe("0.25–0.5");
    expect(depthBand(0.55)).toBe("0.5–1.0");
    expect(depthBand(1.0)).toBe("0.5–1.0");
    expect(depthBand(1.25)).toBe("1.0–1.5");
    expect(depthBand(1.5)).toBe("1.0–1.5");
    expect(depthBand(2.0)).toBe("1.5–2.0");
    expect(depthBand(2.5)).toBe("2.0–2.5");
  });
  it("is robust to floating point sums", () => {
    expect(depthBand(0.1 + 0.2 + 0.2)).toBe("0.25–0.5");
  });
  it("throws outside the device range", () => {
    expect(() => depthBand(0.2)).toThrow(DomainError);
    expect(() => depthBand(2.6)).toThrow(DomainError);
    expect(() => depthBand(Number.NaN)).toThrow(DomainError);
  });
});

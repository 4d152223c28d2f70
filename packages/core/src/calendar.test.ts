import { describe, it, expect } from "vitest";
import { addMonths, addWeeks, laterOf } from "./calendar";

describe("addMonths", () => {
  it("adds months within a year and across a year end", () => {
    expect(addMonths("2026-03-01", 6)).toBe("2026-09-01");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
  });
  it("clamps to the last day of a shorter month", () => {
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
  });
  it("subtracts months", () => {
    expect(addMonths("2026-01-31", -2)).toBe("2025-11-30");
  });
});

describe("addWeeks / laterOf", () => {
  it("adds weeks as 7-day steps", () => {
    expect(addWeeks("2026-01-01", 4)).toBe("2026-01-29");
  });
  it("picks the later date", () => {
    expect(laterOf("2026-01-02", "2026-01-01")).toBe("2026-01-02");
  });
});

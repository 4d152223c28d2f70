import { describe, expect, it } from "vitest";
import { erasedLine, percentDone } from "./erasure";

describe("the erase patient dialog's wording", () => {
  it("says what was erased in words", () => {
    expect(erasedLine("sessions", 1)).toBe("1 session");
    expect(erasedLine("lotTraces", 2)).toBe("2 lot traces (kept without the patient)");
  });
  it("shows progress as a percentage", () => {
    expect(percentDone({ done: 0, total: 0 })).toBe(0);
    expect(percentDone({ done: 5, total: 20 })).toBe(25);
    expect(percentDone({ done: 20, total: 20 })).toBe(100);
  });
});

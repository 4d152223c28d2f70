import { describe, expect, it } from "vitest";
import { REFRESH_AHEAD_MS, refreshDelay } from "./session";

describe("refreshDelay", () => {
  const now = Date.parse("2026-03-02T09:00:00Z");

  it("refreshes ahead of the ID token's expiry, so a request never carries an expired token", () => {
    const expiresAt = new Date(now + 3_600_000).toISOString();
    expect(refreshDelay(expiresAt, now)).toBe(3_600_000 - REFRESH_AHEAD_MS);
  });

  it("waits a little rather than looping when the token is already close to expiry or past it", () => {
    expect(refreshDelay(new Date(now + 60_000).toISOString(), now)).toBe(10_000);
    expect(refreshDelay(new Date(now - 60_000).toISOString(), now)).toBe(10_000);
  });
});

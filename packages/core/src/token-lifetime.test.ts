import { describe, expect, it } from "vitest";
import { nextAccessStamp, TOKEN_CLOCK_SKEW_SECONDS as SKEW, tokenPredatesAccess } from "./token-lifetime";

const at = (s: number, ms = 0) => s * 1000 + ms;

describe("access changes and the tokens they retire", () => {
  it("stamps the first change with its second, tokens accepted from the skew before it", () => {
    expect(nextAccessStamp({}, "restores", at(1000, 999))).toEqual({
      accessChangedAt: 1000,
      tokensValidFrom: 1000 - SKEW,
    });
  });

  it("never re-opens a token from before a deactivation, however soon the reactivation", () => {
    for (const gap of [0, 1, SKEW, SKEW + 1, SKEW + 2, 60]) {
      const deactivated = nextAccessStamp({}, "narrows", at(1000, 500));
      const reactivated = nextAccessStamp(deactivated, "restores", at(1000 + gap, 600));
      for (const iat of [1000, 999, 1000 - SKEW]) {
        expect(tokenPredatesAccess(iat, reactivated.tokensValidFrom), `gap ${gap}, iat ${iat}`).toBe(true);
      }
      // Issued after the reactivation, and after the deactivation's second.
      expect(tokenPredatesAccess(Math.max(1000 + gap, 1001), reactivated.tokensValidFrom)).toBe(false);
    }
  });

  it("allows the clock skew to a token issued after a change long after the previous one", () => {
    const t = nextAccessStamp({ accessChangedAt: 1000, tokensValidFrom: 995 }, "restores", at(2000));
    expect(tokenPredatesAccess(2000 - SKEW, t.tokensValidFrom)).toBe(false);
    expect(tokenPredatesAccess(2000 - SKEW - 1, t.tokensValidFrom)).toBe(true);
  });

  it("changes in quick succession do not push the first accepted second ahead of the clock", () => {
    let stamp = nextAccessStamp({}, "restores", at(1000));
    for (let i = 0; i < 5; i++) stamp = nextAccessStamp(stamp, "restores", at(1000, 100 * i));
    expect(stamp.tokensValidFrom).toBe(1001);
  });

  it("a change that only takes away keeps fresh tokens of its own second, and never moves back", () => {
    const t = nextAccessStamp({ accessChangedAt: 990, tokensValidFrom: 1001 }, "narrows", at(1000, 900));
    expect(t).toEqual({ accessChangedAt: 1000, tokensValidFrom: 1001 });
    const u = nextAccessStamp({ accessChangedAt: 900, tokensValidFrom: 895 }, "narrows", at(1000, 900));
    expect(tokenPredatesAccess(1000, u.tokensValidFrom)).toBe(false);
  });

  it("retires nothing on a record never stamped, and refuses a token without iat on one that is", () => {
    expect(tokenPredatesAccess(undefined, undefined)).toBe(false);
    expect(tokenPredatesAccess(1, undefined)).toBe(false);
    expect(tokenPredatesAccess(undefined, 1000)).toBe(true);
  });
});

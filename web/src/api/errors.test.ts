import { describe, expect, it } from "vitest";
import { toApiError } from "./errors";

describe("toApiError", () => {
  it("keeps the code, field errors (input. prefix dropped) and contraindication reasons", () => {
    const e = toApiError({
      message: "Invalid input",
      extensions: {
        code: "BAD_USER_INPUT",
        fields: [{ path: "input.dateOfBirth", reason: "must not be after 2026-01-01" }, { nope: 1 }],
      },
    });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.fields).toEqual([{ path: "dateOfBirth", reason: "must not be after 2026-01-01" }]);

    const c = toApiError({
      message: "Contraindicated",
      extensions: {
        code: "CONTRAINDICATED",
        reasons: [{ code: "PREGNANCY", message: "Pregnant", severity: "BLOCK" }, "Sunburn"],
      },
    });
    expect(c.reasons).toEqual([
      { code: "PREGNANCY", message: "Pregnant", severity: "BLOCK" },
      { message: "Sunburn" },
    ]);
  });

  it("keeps a reason's level, source and input path", () => {
    const c = toApiError({
      message: "Not allowed",
      extensions: {
        code: "CONTRAINDICATED",
        reasons: [
          {
            code: "LOT_EXPIRED",
            level: "BLOCK",
            reason: "Lot A1 expired",
            source: "serum: X",
            path: "serums.0",
          },
        ],
      },
    });
    expect(c.reasons).toEqual([
      {
        code: "LOT_EXPIRED",
        message: "Lot A1 expired",
        level: "BLOCK",
        source: "serum: X",
        path: "serums.0",
      },
    ]);
  });

  it("treats unknown codes as an internal error and never shows internals", () => {
    const e = toApiError({
      message: "TypeError: x is undefined",
      extensions: { code: "WEIRD", requestId: "r-1" },
    });
    expect(e.code).toBe("INTERNAL_SERVER_ERROR");
    expect(e.userMessage).toBe("Something went wrong on our side. Reference: r-1.");
  });
});

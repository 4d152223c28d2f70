import { describe, expect, it } from "vitest";
import { PORTAL_AUTH_FLOWS, initiateAuthFlow } from "./flows";
import { memoryStorage, toSignInError } from "./cognito";

const named = (code: string, message = "") => Object.assign(new Error(message), { code, name: code });

describe("Cognito errors as the portal says them", () => {
  it("a wrong password and an unknown user read the same (no account discovery)", () => {
    const wrong = toSignInError(named("NotAuthorizedException", "Incorrect username or password."));
    const unknown = toSignInError(named("UserNotFoundException", "User does not exist."));
    expect(wrong).toMatchObject({ code: "UNAUTHENTICATED", message: "Email or password is not right." });
    expect(unknown.message).toBe(wrong.message);
  });

  it("a switched-off account, a wrong code and a weak password each say what to do", () => {
    expect(toSignInError(named("NotAuthorizedException", "User is disabled.")).message).toMatch(
      /switched off/,
    );
    expect(toSignInError(named("CodeMismatchException"))).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(toSignInError(named("InvalidPasswordException")).message).toMatch(/at least 12 characters/);
    expect(toSignInError(named("LimitExceededException")).code).toBe("THROTTLED");
    expect(toSignInError(new TypeError("Failed to fetch")).code).toBe("NETWORK");
  });

  it("never shows the service's own text for an unexpected error", () => {
    const e = toSignInError(named("InternalErrorException", "stack trace at line 12"));
    expect(e.code).toBe("INTERNAL_SERVER_ERROR");
    expect(e.message).not.toContain("stack trace");
  });
});

describe("portal auth flows", () => {
  it("start SRP sign-in by its InitiateAuth name, never USER_PASSWORD_AUTH", () => {
    expect(initiateAuthFlow("ALLOW_USER_SRP_AUTH")).toBe("USER_SRP_AUTH");
    expect(PORTAL_AUTH_FLOWS).not.toContain("ALLOW_USER_PASSWORD_AUTH");
  });

  it("memory storage keeps and forgets what the library writes", () => {
    const s = memoryStorage();
    s.setItem("k", "v");
    expect(s.getItem("k")).toBe("v");
    expect(s.keys()).toEqual(["k"]);
    s.clear();
    expect(s.getItem("k")).toBeNull();
  });
});

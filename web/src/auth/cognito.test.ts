import { afterEach, describe, expect, it, vi } from "vitest";
import { cognitoSignIn } from "./cognito";

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn((_url: string, _init: RequestInit) =>
    Promise.resolve(new Response(JSON.stringify(body), { status })),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("cognitoSignIn", () => {
  it("calls InitiateAuth with USER_PASSWORD_AUTH and returns the IdToken", async () => {
    const fetchMock = answer(200, { AuthenticationResult: { IdToken: "id.token.x", ExpiresIn: 3600 } });
    const t = await cognitoSignIn("ava@glow.example", "secret");
    expect(t.token).toBe("id.token.x");
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(new Headers(init?.headers).get("x-amz-target")).toBe(
      "AWSCognitoIdentityProviderService.InitiateAuth",
    );
    expect(JSON.parse(init?.body as string)).toMatchObject({
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: "ava@glow.example", PASSWORD: "secret" },
    });
  });

  it("says so plainly when the password is wrong", async () => {
    answer(400, { __type: "NotAuthorizedException", message: "Incorrect username or password." });
    await expect(cognitoSignIn("ava@glow.example", "bad")).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Email or password is not right.",
    });
  });
});

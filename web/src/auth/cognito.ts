import { config } from "../config";
import { ApiError } from "../api/errors";
import type { IssuedToken } from "./local";

interface InitiateAuthResponse {
  AuthenticationResult?: { IdToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  __type?: string;
  message?: string;
}

/**
 * Email + password sign-in against the clinic group's Cognito user pool (USER_PASSWORD_AUTH),
 * spoken directly over fetch so the portal carries no AWS SDK. The API expects the IdToken.
 */
export async function cognitoSignIn(email: string, password: string): Promise<IssuedToken> {
  const { region, clientId } = config.cognito;
  let res: Response;
  try {
    res = await fetch(`https://cognito-idp.${region}.amazonaws.com/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth",
      },
      body: JSON.stringify({
        AuthFlow: "USER_PASSWORD_AUTH",
        ClientId: clientId,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    });
  } catch {
    throw new ApiError("NETWORK", "The sign-in service could not be reached.");
  }
  const body = (await res.json().catch(() => ({}))) as InitiateAuthResponse;
  if (!res.ok) {
    const type = body.__type ?? "";
    if (type.includes("NotAuthorized") || type.includes("UserNotFound"))
      throw new ApiError("UNAUTHENTICATED", "Email or password is not right.");
    if (type.includes("PasswordResetRequired"))
      throw new ApiError("UNAUTHENTICATED", "Your password must be reset. Ask your clinic administrator.");
    throw new ApiError("INTERNAL_SERVER_ERROR", body.message ?? `Sign-in failed (${res.status}).`);
  }
  if (body.ChallengeName)
    throw new ApiError(
      "UNAUTHENTICATED",
      "Your account needs a first-time setup step. Ask your clinic administrator to complete it.",
    );
  const idToken = body.AuthenticationResult?.IdToken;
  if (!idToken) throw new ApiError("INTERNAL_SERVER_ERROR", "Sign-in returned no token.");
  const expiresIn = body.AuthenticationResult?.ExpiresIn ?? 3600;
  return { token: idToken, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
}

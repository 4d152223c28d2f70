import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
  type IAuthenticationCallback,
} from "amazon-cognito-identity-js";
import { ApiError } from "../api/errors";
import { initiateAuthFlow } from "./flows";
import type { IssuedToken } from "./local";

/**
 * Sign-in against the clinic group's Cognito user pool through amazon-cognito-identity-js: SRP (the
 * password never leaves the browser), the challenges every user meets (a new password after an
 * invitation, setting up an authenticator app, a TOTP code), forgotten password, refresh and a
 * sign-out that revokes. The portal loads this module only when it is configured for Cognito.
 */
export interface CognitoSettings {
  userPoolId: string;
  clientId: string;
  /** Another endpoint than the region's Cognito (an emulator in tests). */
  endpoint?: string | undefined;
  /** Where the library keeps the tokens: never localStorage (see docs/SECURITY.md). */
  storage: ICognitoStorage;
  /** The issuer name an authenticator app shows next to the code. */
  appName?: string;
}

/** What sign-in needs next: done, or one more answer from the user. */
export type SignInStep =
  | { step: "signed-in"; token: IssuedToken }
  | { step: "new-password"; submit: (newPassword: string) => Promise<SignInStep> }
  | {
      step: "mfa-setup";
      /** The shared secret, for typing into an app by hand. */
      secret: string;
      /** otpauth:// URI, shown as a QR code. */
      uri: string;
      submit: (code: string) => Promise<SignInStep>;
    }
  | { step: "mfa-code"; submit: (code: string) => Promise<SignInStep> };

export interface CognitoAuth {
  signIn(email: string, password: string): Promise<SignInStep>;
  /** Sends a code by email to reset a forgotten password. */
  forgotPassword(email: string): Promise<void>;
  confirmNewPassword(email: string, code: string, newPassword: string): Promise<void>;
  /** The session kept in storage (a reload), refreshed if its ID token has expired. */
  restore(): Promise<IssuedToken | null>;
  /** New tokens from the refresh token, before the ID token expires. */
  refresh(): Promise<IssuedToken>;
  /**
   * Revokes the user's refresh tokens, then forgets the session here even if revoking failed;
   * false when the service could not be told.
   */
  signOut(): Promise<boolean>;
}

/** A Storage-shaped map in memory: for Node, or where nothing should outlive the page. */
export function memoryStorage(): ICognitoStorage & { keys(): string[] } {
  const m = new Map<string, string>();
  return {
    keys: () => [...m.keys()],
    setItem: (k, v) => void m.set(k, v),
    getItem: (k) => m.get(k) ?? null,
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

interface CognitoError {
  code?: string;
  name?: string;
  message?: string;
}

/** The library's errors as the portal's: what the user can do about it, never the raw text. */
export function toSignInError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const err = (e ?? {}) as CognitoError;
  const code = err.code ?? err.name ?? "";
  const raw = err.message ?? "";
  switch (code) {
    case "NotAuthorizedException":
      if (/disabled/i.test(raw))
        return new ApiError(
          "UNAUTHENTICATED",
          "This account is switched off. Ask your clinic administrator.",
        );
      if (/expired|revoked/i.test(raw))
        return new ApiError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      return new ApiError("UNAUTHENTICATED", "Email or password is not right.");
    case "UserNotFoundException":
      return new ApiError("UNAUTHENTICATED", "Email or password is not right.");
    case "CodeMismatchException":
    case "EnableSoftwareTokenMFAException":
      return new ApiError("BAD_USER_INPUT", "That code is not right. Enter the current code from your app.");
    case "ExpiredCodeException":
      return new ApiError("BAD_USER_INPUT", "That code has expired. Ask for a new one.");
    case "InvalidPasswordException":
    case "InvalidParameterException":
      return new ApiError(
        "BAD_USER_INPUT",
        "Choose a password of at least 12 characters with upper and lower case letters, a digit and a symbol, not one used before.",
      );
    case "PasswordResetRequiredException":
      return new ApiError("UNAUTHENTICATED", "Your password must be reset: use “Forgot password?”.");
    case "LimitExceededException":
    case "TooManyRequestsException":
    case "TooManyFailedAttemptsException":
      return new ApiError("THROTTLED", "Too many attempts. Wait a few minutes and try again.");
    case "NetworkError":
      return new ApiError("NETWORK", "The sign-in service could not be reached.");
    default:
      if (e instanceof TypeError) return new ApiError("NETWORK", "The sign-in service could not be reached.");
      return new ApiError("INTERNAL_SERVER_ERROR", "Sign-in failed. Try again in a moment.");
  }
}

function issued(session: CognitoUserSession): IssuedToken {
  const id = session.getIdToken();
  return { token: id.getJwtToken(), expiresAt: new Date(id.getExpiration() * 1000).toISOString() };
}

export function createCognitoAuth(settings: CognitoSettings): CognitoAuth {
  const pool = new CognitoUserPool({
    UserPoolId: settings.userPoolId,
    ClientId: settings.clientId,
    Storage: settings.storage,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  });
  const appName = settings.appName ?? "Needlework";
  const userFor = (email: string) => {
    const user = new CognitoUser({ Username: email, Pool: pool, Storage: settings.storage });
    user.setAuthenticationFlowType(initiateAuthFlow("ALLOW_USER_SRP_AUTH"));
    return user;
  };

  /** Turns one library callback round into the next step (or an ApiError). */
  const stepper = (user: CognitoUser, email: string) => {
    const callbacks = (
      resolve: (s: SignInStep) => void,
      reject: (e: ApiError) => void,
    ): IAuthenticationCallback => ({
      onSuccess: (session) => resolve({ step: "signed-in", token: issued(session) }),
      onFailure: (e: unknown) => reject(toSignInError(e)),
      newPasswordRequired: () =>
        resolve({
          step: "new-password",
          submit: (newPassword) =>
            new Promise((res, rej) =>
              user.completeNewPasswordChallenge(newPassword, {}, callbacks(res, rej)),
            ),
        }),
      mfaSetup: () => {
        user.associateSoftwareToken({
          associateSecretCode: (secret) =>
            resolve({
              step: "mfa-setup",
              secret,
              uri: `otpauth://totp/${encodeURIComponent(`${appName}:${email}`)}?secret=${secret}&issuer=${encodeURIComponent(appName)}`,
              submit: (code) => verifyNewToken(user, code.trim(), callbacks),
            }),
          onFailure: (e: unknown) => reject(toSignInError(e)),
        });
      },
      totpRequired: () =>
        resolve({
          step: "mfa-code",
          submit: (code) =>
            new Promise((res, rej) =>
              user.sendMFACode(code.trim(), callbacks(res, rej), "SOFTWARE_TOKEN_MFA"),
            ),
        }),
      mfaRequired: () =>
        reject(
          new ApiError(
            "UNAUTHENTICATED",
            "This account asks for a text-message code, which Needlework does not use.",
          ),
        ),
      selectMFAType: () => user.sendMFASelectionAnswer("SOFTWARE_TOKEN_MFA", callbacks(resolve, reject)),
    });
    return callbacks;
  };

  /** Verifies the first code from a new authenticator app, then makes TOTP the user's MFA. */
  const verifyNewToken = (
    user: CognitoUser,
    code: string,
    callbacks: (resolve: (s: SignInStep) => void, reject: (e: ApiError) => void) => IAuthenticationCallback,
  ): Promise<SignInStep> =>
    new Promise((resolve, reject) => {
      user.verifySoftwareToken(code, appName, {
        ...callbacks(resolve, reject),
        onSuccess: (session) => {
          // Required pools use TOTP once verified; where MFA is optional this turns it on for the user.
          user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, () =>
            resolve({ step: "signed-in", token: issued(session) }),
          );
        },
      });
    });

  const current = (): Promise<{ user: CognitoUser; session: CognitoUserSession } | null> =>
    new Promise((resolve) => {
      const user = pool.getCurrentUser();
      if (!user) return resolve(null);
      user.getSession((err: Error | null, session: CognitoUserSession | null) =>
        resolve(err || !session?.isValid() ? null : { user, session }),
      );
    });

  return {
    signIn: (email, password) => {
      const user = userFor(email);
      return new Promise((resolve, reject) =>
        user.authenticateUser(
          new AuthenticationDetails({ Username: email, Password: password }),
          stepper(user, email)(resolve, reject),
        ),
      );
    },
    forgotPassword: (email) =>
      new Promise((resolve, reject) =>
        userFor(email).forgotPassword({
          onSuccess: () => resolve(),
          inputVerificationCode: () => resolve(),
          onFailure: (e: unknown) => reject(toSignInError(e)),
        }),
      ),
    confirmNewPassword: (email, code, newPassword) =>
      new Promise((resolve, reject) =>
        userFor(email).confirmPassword(code.trim(), newPassword, {
          onSuccess: () => resolve(),
          onFailure: (e: unknown) => reject(toSignInError(e)),
        }),
      ),
    restore: async () => {
      const c = await current();
      return c ? issued(c.session) : null;
    },
    refresh: async () => {
      const c = await current();
      if (!c) throw new ApiError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      return new Promise((resolve, reject) =>
        c.user.refreshSession(
          c.session.getRefreshToken(),
          (err: unknown, session: CognitoUserSession | null) =>
            err || !session ? reject(toSignInError(err)) : resolve(issued(session)),
        ),
      );
    },
    signOut: async () => {
      const c = await current();
      if (!c) return true;
      // GlobalSignOut revokes every refresh token the user holds, so a session left open on another
      // shared device ends too; the library forgets the tokens here whatever the answer.
      return new Promise<boolean>((resolve) =>
        c.user.globalSignOut({
          onSuccess: () => resolve(true),
          onFailure: () => {
            c.user.signOut();
            resolve(false);
          },
        }),
      );
    },
  };
}

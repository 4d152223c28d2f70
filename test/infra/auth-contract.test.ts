import { beforeAll, describe, expect, test } from "vitest";
import { isDevStage } from "../../infra/stages";
import { PORTAL_AUTH_FLOWS, PORTAL_USES_OAUTH } from "../../web/src/auth/flows";
import { only, type Synthesised, synthesise } from "./synth";

/**
 * The portal and the user pool it signs in to, on a kept stage (prod): every flow the portal starts
 * is one the deployed app client allows, and sign-in asks every role for an authenticator code. A
 * second stage needs its own initProject, hence its own file.
 */
let s: Synthesised;
beforeAll(async () => {
  s = await synthesise("prod");
});

describe("portal ↔ user pool contract (kept stage)", () => {
  test("every auth flow the portal uses is allowed on the portal app client", () => {
    const client = only(s.auth, "AWS::Cognito::UserPoolClient");
    const allowed = client.props.ExplicitAuthFlows as string[];
    expect(PORTAL_AUTH_FLOWS.length).toBeGreaterThan(0);
    for (const flow of PORTAL_AUTH_FLOWS) expect(allowed).toContain(flow);
  });

  test("OAuth settings agree: the portal uses no hosted UI and the client has OAuth off", () => {
    const client = only(s.auth, "AWS::Cognito::UserPoolClient");
    expect(PORTAL_USES_OAUTH).toBe(false);
    expect(client.props.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(client.props.CallbackURLs ?? []).toEqual([]);
  });

  test("sign-out can revoke: token revocation is on and refresh tokens last at most a working week", () => {
    const client = only(s.auth, "AWS::Cognito::UserPoolClient");
    expect(client.props.EnableTokenRevocation).toBe(true);
    expect(client.props.RefreshTokenValidity).toBeLessThanOrEqual(7 * 24 * 60);
    // The portal refreshes before the ID token expires; an hour keeps a stolen one short-lived.
    expect(client.props.IdTokenValidity).toBeLessThanOrEqual(60);
  });

  test("MFA is required for everyone, by authenticator app (TOTP) only, never SMS", () => {
    expect(isDevStage("prod")).toBe(false);
    const { props } = only(s.auth, "AWS::Cognito::UserPool");
    expect(props.MfaConfiguration).toBe("ON");
    expect(props.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
    expect(props.SmsConfiguration).toBeUndefined();
  });
});

/**
 * The Cognito flows the portal uses, named as an app client's ExplicitAuthFlows names them: SRP
 * sign-in (the password never leaves the browser) and refresh (a clinic day on one sign-in). The
 * portal's Cognito module starts its sessions with these; test/infra/auth-contract.test.ts checks
 * each is allowed on the app client infra/Auth.ts deploys, so the two cannot drift apart.
 */
export const PORTAL_AUTH_FLOWS = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] as const;

export type PortalAuthFlow = (typeof PORTAL_AUTH_FLOWS)[number];

/** The InitiateAuth AuthFlow value for an allowed flow ("ALLOW_USER_SRP_AUTH" -> "USER_SRP_AUTH"). */
export function initiateAuthFlow(flow: PortalAuthFlow): string {
  return flow.replace(/^ALLOW_/, "");
}

/** The portal uses no OAuth (no hosted UI): the app client must have OAuth off. */
export const PORTAL_USES_OAUTH = false;

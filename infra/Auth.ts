import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type { StackContext } from "sst/constructs";
import { ROLES } from "../packages/core/src/principal";
import { isDevStage } from "./stages";

/** Custom attributes the API reads as `custom:<name>`: the tenant and the sites a user works at. */
export const CUSTOM_ATTRIBUTES = ["clinicGroup", "sites"] as const;

/**
 * Who may sign in: staff of a clinic group, created by an administrator (no self sign-up), one
 * Cognito group per role. The portal signs in with SRP and sends the ID token to the API.
 */
export function Auth({ stack, app }: StackContext) {
  const keep = !isDevStage(app.stage);

  const userPool = new cognito.UserPool(stack, "UserPool", {
    userPoolName: `needlework-${app.stage}`,
    featurePlan: cognito.FeaturePlan.ESSENTIALS,
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    signInCaseSensitive: false,
    autoVerify: { email: true },
    keepOriginal: { email: true },
    standardAttributes: {
      email: { required: true, mutable: true },
      fullname: { required: true, mutable: true },
    },
    customAttributes: {
      // Mutable so an administrator can move a user between sites; the portal client cannot write them.
      clinicGroup: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      sites: new cognito.StringAttribute({ minLen: 0, maxLen: 2048, mutable: true }),
    },
    passwordPolicy: {
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
      passwordHistorySize: 5,
    },
    // Patient records: an authenticator app (TOTP) is required for every role on every kept stage;
    // the portal walks a new user through setting it up (MFA_SETUP). Dev stages offer it without
    // forcing it, so a throwaway stage can be signed into from a script.
    mfa: keep ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
    mfaSecondFactor: { otp: true, sms: false },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    deletionProtection: keep,
    removalPolicy: keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });

  for (const role of ROLES) {
    new cognito.UserPoolGroup(stack, `Group${role}`, {
      userPool,
      groupName: role,
      description: `Needlework role ${role}`,
    });
  }

  const standardRead = { email: true, emailVerified: true, fullname: true };
  const portalClient = userPool.addClient("PortalClient", {
    userPoolClientName: "portal",
    generateSecret: false,
    // The flows the portal speaks (web/src/auth/flows.ts; test/infra/auth-contract.test.ts holds the
    // two together); CDK adds refresh itself.
    authFlows: { userSrp: true },
    // SRP from the portal only: no hosted UI, no OAuth redirects to configure or leak.
    disableOAuth: true,
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(7),
    readAttributes: new cognito.ClientAttributes()
      .withStandardAttributes(standardRead)
      .withCustomAttributes(...CUSTOM_ATTRIBUTES),
    // A user must never set their own tenant or sites: the client writes only standard attributes
    // (the required ones must stay writable), never custom:clinicGroup or custom:sites.
    writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
  });

  const region = stack.region;
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPool.userPoolId}`;

  stack.addOutputs({
    UserPoolId: userPool.userPoolId,
    UserPoolClientId: portalClient.userPoolClientId,
  });

  return {
    userPool,
    portalClient,
    region,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
  };
}

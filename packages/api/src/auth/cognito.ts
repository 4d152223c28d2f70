import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientConfig,
} from "@aws-sdk/client-cognito-identity-provider";
import { ROLES } from "@needlework/core";
import { jsonLogger, type Logger } from "../errors";
import { USER_POOL_ACTIONS } from "./cognito-actions";
import {
  emailInUse,
  IdentityUnavailable,
  type AccountState,
  type IdentityProvider,
  type NewAccount,
} from "./identity";

/**
 * The deployed identity provider: the stage's Cognito user pool (infra/Auth.ts), driven with the
 * Admin* API under the Lambda's role (infra/Api.ts grants exactly USER_POOL_ACTIONS on this pool).
 *
 * An account mirrors its User record: username the email (sign-in is by email), `sub` the User id,
 * attributes `name`, `custom:clinicGroup` (the group id) and `custom:sites` (the practitioner's site
 * ids, comma-separated, as tokens.ts principalFromClaims reads them; absent when there are none), one
 * group per role, enabled while the record is active. After creation every call names the user by
 * `sub`, which the pool accepts as the username and which never changes.
 */
export interface CognitoIdentityOptions {
  userPoolId: string;
  region?: string | undefined;
  /** An emulator's URL (tests: cognito-local). Credentials are then dummies, as for DynamoDB Local. */
  endpoint?: string | undefined;
  /** Extra client settings (tests). */
  clientConfig?: CognitoIdentityProviderClientConfig;
  /** Where failures are logged with their detail (never sent to the client). */
  logger?: Logger | undefined;
  /** On deactivation also revoke the user's refresh tokens (AdminUserGlobalSignOut). Default true. */
  globalSignOut?: boolean;
}

export interface CognitoIdentity extends IdentityProvider {
  readonly kind: "cognito";
  /** The SDK client (tests add fault-injection middleware to it). */
  readonly client: CognitoIdentityProviderClient;
}

const EMAIL_TAKEN = new Set(["UsernameExistsException", "AliasExistsException"]);
const TRANSIENT = new Set([
  "TooManyRequestsException",
  "InternalErrorException",
  "ThrottlingException",
  "TimeoutError",
  "RequestTimeout",
]);

/** Whether trying again later may succeed: throttling, 5xx, or no answer at all (network). */
function isTransient(e: unknown): boolean {
  if (!(e instanceof Error)) return true;
  const err = e as Error & { $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if (err.$retryable || TRANSIENT.has(err.name)) return true;
  const status = err.$metadata?.httpStatusCode;
  return status === undefined || status >= 500 || status === 429;
}

const nameOf = (e: unknown) => (e instanceof Error ? e.name : typeof e);

export function createCognitoIdentity(opts: CognitoIdentityOptions): CognitoIdentity {
  const log = opts.logger ?? jsonLogger;
  const UserPoolId = opts.userPoolId;
  const client = new CognitoIdentityProviderClient({
    region: opts.region ?? process.env.AWS_REGION ?? "us-east-1",
    // Bounded so that a call, its retry and an undo fit well inside the Lambda's 15 s.
    maxAttempts: 2,
    retryMode: "standard",
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
    ...(opts.endpoint
      ? { endpoint: opts.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
    ...opts.clientConfig,
  });
  // Only the actions the IAM role grants (cognito-actions.ts): anything else fails here, in tests,
  // rather than with AccessDenied in a deployed stage.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = `cognito-idp:${String(context.commandName).replace(/Command$/, "")}`;
      if (!(USER_POOL_ACTIONS as readonly string[]).includes(action)) {
        throw new Error(`${action} is not in USER_POOL_ACTIONS (packages/api/src/auth/cognito-actions.ts)`);
      }
      return next(args);
    },
    { step: "initialize", name: "needleworkUserPoolActions" },
  );

  /** Logs the failure with its detail and answers the typed error. */
  const failed = (
    operation: string,
    e: unknown,
    extra: Record<string, unknown> = {},
  ): IdentityUnavailable => {
    log({
      level: "error",
      msg: "cognito call failed",
      operation,
      ...extra,
      error: e instanceof Error ? { name: e.name, message: e.message } : String(e),
    });
    return new IdentityUnavailable(isTransient(e));
  };

  const deleteAccount = async (id: string): Promise<void> => {
    try {
      await client.send(new AdminDeleteUserCommand({ UserPoolId, Username: id }));
    } catch (e) {
      if (nameOf(e) === "UserNotFoundException") return;
      throw failed("AdminDeleteUser", e, { sub: id });
    }
  };

  const createAccount = async (user: NewAccount): Promise<string> => {
    let sub: string | undefined;
    try {
      const created = await client.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: user.email,
          UserAttributes: [
            { Name: "email", Value: user.email },
            { Name: "email_verified", Value: "true" },
            { Name: "name", Value: user.name },
            { Name: "custom:clinicGroup", Value: user.groupId },
            ...(user.siteIds.length ? [{ Name: "custom:sites", Value: user.siteIds.join(",") }] : []),
          ],
          // Cognito e-mails the temporary password (the pool's invitation template).
          DesiredDeliveryMediums: ["EMAIL"],
        }),
      );
      sub = created.User?.Attributes?.find((a) => a.Name === "sub")?.Value;
    } catch (e) {
      if (EMAIL_TAKEN.has(nameOf(e))) throw emailInUse();
      throw failed("AdminCreateUser", e);
    }
    if (!sub) throw failed("AdminCreateUser", new Error("the created user has no sub attribute"));
    try {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: sub, GroupName: user.role }));
    } catch (e) {
      const error = failed("AdminAddUserToGroup", e, { sub });
      // Nothing half-made: an account without its role is removed again (if that fails too, the
      // account can sign in to nothing: no User record has its sub).
      await deleteAccount(sub).catch(() =>
        log({ level: "error", msg: "orphan sign-in account: delete it by hand", sub }),
      );
      throw error;
    }
    return sub;
  };

  const step = async (operation: string, send: () => Promise<unknown>, sub: string) => {
    try {
      await send();
    } catch (e) {
      throw failed(operation, e, { sub });
    }
  };

  const syncAccount = async (user: AccountState): Promise<void> => {
    const Username = user.id;
    // Access goes first when it is being taken away, last when it is being given back: a sync that
    // stops half-way leaves a disabled account, or one that is not enabled yet.
    if (!user.active) {
      try {
        await client.send(new AdminDisableUserCommand({ UserPoolId, Username }));
      } catch (e) {
        // No Cognito user (deleted by hand): nothing can sign in as this record, which is what
        // deactivating asks for. Anything else still needs the account, and fails below.
        if (nameOf(e) === "UserNotFoundException") {
          log({ level: "warn", msg: "deactivated a user who has no Cognito user", sub: Username });
          return;
        }
        throw failed("AdminDisableUser", e, { sub: Username });
      }
      if (opts.globalSignOut ?? true) {
        // Disabling already refuses sign-in and token refresh, and the API refuses the inactive
        // record on the next request; revoking refresh tokens is belt and braces, never a failure.
        try {
          await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username }));
        } catch (e) {
          log({
            level: "warn",
            msg: "cognito global sign-out failed (the account is disabled)",
            sub: Username,
            error: e instanceof Error ? { name: e.name, message: e.message } : String(e),
          });
        }
      }
    }
    await step(
      "AdminUpdateUserAttributes",
      () =>
        client.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId,
            Username,
            UserAttributes: [
              { Name: "name", Value: user.name },
              ...(user.siteIds.length ? [{ Name: "custom:sites", Value: user.siteIds.join(",") }] : []),
            ],
          }),
        ),
      Username,
    );
    if (!user.siteIds.length) {
      await step(
        "AdminDeleteUserAttributes",
        () =>
          client.send(
            new AdminDeleteUserAttributesCommand({
              UserPoolId,
              Username,
              UserAttributeNames: ["custom:sites"],
            }),
          ),
        Username,
      );
    }
    // Exactly the record's role among the role groups: leave the old one before joining the new one,
    // so the account is never in two roles at once (other groups, if any, are left alone).
    let groups: string[] = [];
    await step(
      "AdminListGroupsForUser",
      async () => {
        const res = await client.send(new AdminListGroupsForUserCommand({ UserPoolId, Username, Limit: 60 }));
        groups = (res.Groups ?? []).map((g) => g.GroupName ?? "");
      },
      Username,
    );
    for (const g of groups) {
      if (g === user.role || !(ROLES as readonly string[]).includes(g)) continue;
      await step(
        "AdminRemoveUserFromGroup",
        () => client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName: g })),
        Username,
      );
    }
    if (!groups.includes(user.role)) {
      await step(
        "AdminAddUserToGroup",
        () => client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: user.role })),
        Username,
      );
    }
    if (user.active) {
      await step(
        "AdminEnableUser",
        () => client.send(new AdminEnableUserCommand({ UserPoolId, Username })),
        Username,
      );
    }
  };

  return { kind: "cognito", mirrorsUsers: true, client, createAccount, syncAccount, deleteAccount };
}

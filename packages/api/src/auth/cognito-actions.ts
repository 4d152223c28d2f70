/**
 * Every Cognito user pool action the API calls, and so every action its IAM role is granted on the
 * stage's user pool (infra/Api.ts; test/infra/api.test.ts checks the statement). The Cognito client
 * refuses to send any other (auth/cognito.ts), so this list cannot fall behind the code.
 */
export const USER_POOL_ACTIONS = [
  "cognito-idp:AdminCreateUser",
  "cognito-idp:AdminDeleteUser",
  "cognito-idp:AdminAddUserToGroup",
  "cognito-idp:AdminRemoveUserFromGroup",
  "cognito-idp:AdminListGroupsForUser",
  "cognito-idp:AdminUpdateUserAttributes",
  "cognito-idp:AdminDeleteUserAttributes",
  "cognito-idp:AdminDisableUser",
  "cognito-idp:AdminEnableUser",
  "cognito-idp:AdminUserGlobalSignOut",
] as const;

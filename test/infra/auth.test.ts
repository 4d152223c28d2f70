import { beforeAll, describe, expect, test } from "vitest";
import { ROLES } from "../../packages/core/src/principal";
import { CUSTOM_ATTRIBUTES } from "../../infra/Auth";
import { only, ref, resources, type Synthesised, synthesise } from "./synth";

let s: Synthesised;
beforeAll(async () => {
  s = await synthesise("test");
});

describe("Auth stack", () => {
  test("users sign in with their email and are created by an administrator (no self sign-up)", () => {
    const { props } = only(s.auth, "AWS::Cognito::UserPool");
    expect(props.UsernameAttributes).toEqual(["email"]);
    expect(props.UsernameConfiguration).toEqual({ CaseSensitive: false });
    expect(props.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
  });

  test("the password policy is strong: 12+ characters, all four classes, history, short-lived temporary passwords", () => {
    const { props } = only(s.auth, "AWS::Cognito::UserPool");
    const policy = (props.Policies as { PasswordPolicy: Record<string, unknown> }).PasswordPolicy;
    expect(policy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(policy).toMatchObject({
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(policy.PasswordHistorySize).toBeGreaterThan(0);
    expect(policy.TemporaryPasswordValidityDays).toBeLessThanOrEqual(7);
  });

  test("on a dev stage MFA is offered, not forced, and by authenticator app (TOTP) only, never SMS", () => {
    // Kept stages require it: test/infra/auth-contract.test.ts.
    const { props } = only(s.auth, "AWS::Cognito::UserPool");
    expect(props.MfaConfiguration).toBe("OPTIONAL");
    expect(props.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
  });

  test("there is one group per role, named as the API reads them from cognito:groups", () => {
    const pool = only(s.auth, "AWS::Cognito::UserPool");
    const groups = resources(s.auth, "AWS::Cognito::UserPoolGroup");
    expect(groups.map((g) => g.props.GroupName).sort()).toEqual([...ROLES].sort());
    for (const g of groups) expect(g.props.UserPoolId).toEqual(ref(pool.logicalId));
  });

  test("the pool holds the custom attributes clinicGroup and sites", () => {
    const { props } = only(s.auth, "AWS::Cognito::UserPool");
    const schema = props.Schema as { Name: string; AttributeDataType?: string }[];
    for (const name of CUSTOM_ATTRIBUTES) {
      expect(schema).toContainEqual(expect.objectContaining({ Name: name, AttributeDataType: "String" }));
    }
    expect([...CUSTOM_ATTRIBUTES].sort()).toEqual(["clinicGroup", "sites"]);
  });

  test("the portal client uses SRP without a secret or OAuth, and cannot write a user's tenant or sites", () => {
    const pool = only(s.auth, "AWS::Cognito::UserPool");
    const client = only(s.auth, "AWS::Cognito::UserPoolClient");
    expect(client.props.UserPoolId).toEqual(ref(pool.logicalId));
    expect(client.props.GenerateSecret).toBe(false);
    expect(client.props.ExplicitAuthFlows).toEqual(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
    expect(client.props.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(client.props.PreventUserExistenceErrors).toBe("ENABLED");
    const read = client.props.ReadAttributes as string[];
    const write = client.props.WriteAttributes as string[];
    for (const name of CUSTOM_ATTRIBUTES) expect(read).toContain(`custom:${name}`);
    expect(write.length).toBeGreaterThan(0);
    expect(write.filter((a) => a.startsWith("custom:"))).toEqual([]);
  });

  test("on a dev stage the user pool is removable", () => {
    const pool = only(s.auth, "AWS::Cognito::UserPool");
    expect(pool.props.DeletionProtection).toBe("INACTIVE");
    expect(pool.deletionPolicy).toBe("Delete");
  });
});

import { beforeAll, describe, expect, test } from "vitest";
import { only, ref, resolveImports, type Synthesised, synthesise, TEST_REGION } from "./synth";

let s: Synthesised;
beforeAll(async () => {
  s = await synthesise("test");
});

describe("Web stack", () => {
  test("the portal is web/ built with `npm run build` into dist, served by CloudFront over HTTPS", () => {
    expect(s.siteProps).toMatchObject({ path: "web", buildCommand: "npm run build", buildOutput: "dist" });
    const distribution = only(s.web, "AWS::CloudFront::Distribution");
    const config = distribution.props.DistributionConfig as {
      DefaultCacheBehavior: { ViewerProtocolPolicy: string };
    };
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
  });

  test("the build gets the API URL and Cognito settings: literals directly, deploy-time values substituted", () => {
    // What the build command saw: plain values, and placeholders for values known only at deploy.
    expect(s.siteBuildEnv).toEqual({
      VITE_API_URL: "{{ VITE_API_URL }}",
      VITE_AUTH_MODE: "cognito",
      VITE_COGNITO_USER_POOL_ID: "{{ VITE_COGNITO_USER_POOL_ID }}",
      VITE_COGNITO_CLIENT_ID: "{{ VITE_COGNITO_CLIENT_ID }}",
      VITE_COGNITO_REGION: TEST_REGION,
    });
    // What the upload replaces each placeholder with, in both HTML and JS.
    const uploader = only(s.web, "Custom::S3Uploader");
    const replaces = resolveImports(uploader.props.replaceValues, [s.api, s.auth]) as {
      files: string;
      search: string;
      replace: unknown;
    }[];
    const httpApi = only(s.api, "AWS::ApiGatewayV2::Api").logicalId;
    const expected: Record<string, unknown> = {
      "{{ VITE_API_URL }}": { "Fn::Join": ["", [{ "Fn::GetAtt": [httpApi, "ApiEndpoint"] }, "/graphql"]] },
      "{{ VITE_COGNITO_USER_POOL_ID }}": ref(only(s.auth, "AWS::Cognito::UserPool").logicalId),
      "{{ VITE_COGNITO_CLIENT_ID }}": ref(only(s.auth, "AWS::Cognito::UserPoolClient").logicalId),
    };
    for (const [search, replace] of Object.entries(expected)) {
      for (const files of ["**/*.html", "**/*.js"]) {
        expect(replaces).toContainEqual({ files, search, replace });
      }
    }
    expect(replaces).toHaveLength(Object.keys(expected).length * 2);
  });
});

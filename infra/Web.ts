import { Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as cr from "aws-cdk-lib/custom-resources";
import { StaticSite, use, type StackContext } from "sst/constructs";
import { Api } from "./Api";
import { Auth } from "./Auth";

/** Headers the portal sends: the Cognito ID token and Apollo's CSRF-safe JSON content type. */
export const CORS_ALLOW_HEADERS = ["authorization", "content-type", "apollo-require-preflight"];
export const CORS_ALLOW_METHODS = ["POST", "OPTIONS"];

/**
 * The portal: web/ built by Vite with the API URL and Cognito settings injected at build time
 * (SST substitutes the deploy-time values into the built files), served by S3 + CloudFront.
 */
export function Web({ stack, app }: StackContext) {
  const { api, graphqlUrl } = use(Api);
  const auth = use(Auth);

  const site = new StaticSite(stack, "Portal", {
    path: "web",
    buildCommand: "npm run build",
    buildOutput: "dist",
    environment: {
      VITE_API_URL: graphqlUrl,
      VITE_AUTH_MODE: "cognito",
      VITE_COGNITO_USER_POOL_ID: auth.userPool.userPoolId,
      VITE_COGNITO_CLIENT_ID: auth.portalClient.userPoolClientId,
      VITE_COGNITO_REGION: app.region,
    },
    // SST writes typed env declarations; keep them out of web/src, which declares its own.
    vite: { types: "../.sst/types/web-env.d.ts" },
  });

  const siteUrl = site.url;
  if (siteUrl) allowPortalOrigin(stack, api.httpApiId, siteUrl);

  stack.addOutputs({ SiteUrl: siteUrl ?? "" });
  return { site, siteUrl };
}

/**
 * CORS on the HTTP API, restricted to the portal's origin. The API's own template cannot name the
 * site (the site's build needs the API's URL, the API's CORS would need the site's: a CloudFormation
 * cycle, sst/sst#1549), so the Web stack sets it after the distribution exists, and clears it when
 * the Web stack is removed. The Api stack declares no CORS, so CloudFormation never resets it.
 */
function allowPortalOrigin(stack: Stack, apiId: string, siteUrl: string): cr.AwsCustomResource {
  const apiArn = Stack.of(stack).formatArn({
    service: "apigateway",
    account: "",
    resource: "/apis",
    resourceName: apiId,
  });
  const corsConfiguration = {
    AllowOrigins: [siteUrl],
    AllowMethods: CORS_ALLOW_METHODS,
    AllowHeaders: CORS_ALLOW_HEADERS,
    AllowCredentials: false,
    MaxAge: 600,
  };
  const update: cr.AwsSdkCall = {
    service: "ApiGatewayV2",
    action: "UpdateApi",
    parameters: { ApiId: apiId, CorsConfiguration: corsConfiguration },
    physicalResourceId: cr.PhysicalResourceId.of(`${apiId}-cors`),
  };
  return new cr.AwsCustomResource(stack, "ApiCors", {
    installLatestAwsSdk: false,
    onCreate: update,
    onUpdate: update,
    onDelete: {
      service: "ApiGatewayV2",
      action: "DeleteCorsConfiguration",
      parameters: { ApiId: apiId },
      ignoreErrorCodesMatching: "NotFoundException",
    },
    policy: cr.AwsCustomResourcePolicy.fromStatements([
      new iam.PolicyStatement({
        actions: ["apigateway:PATCH", "apigateway:DELETE"],
        resources: [apiArn, `${apiArn}/cors`],
      }),
    ]),
  });
}

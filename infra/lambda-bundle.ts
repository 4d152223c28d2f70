import type { BuildOptions } from "esbuild";
import { lambdaSlimPlugin } from "./lambda-slim";

/**
 * How the GraphQL Lambda is bundled: the one list of esbuild settings shared by the deployed
 * function (infra/Api.ts hands them to SST) and by scripts/build-lambda.ts (tests, benchmarks,
 * size report), so what is tested is what is deployed.
 *
 * SST 2.49.8's Node builder always sets platform "node", bundle and keepNames, takes format and
 * minify from `nodejs.format` / `nodejs.minify`, keeps "sharp" and "pg-native" external, and
 * spreads `nodejs.esbuild` last (target, sourcemap, legalComments below). Everything else,
 * @aws-sdk/* included, is bundled: the zip is self-contained and does not depend on the SDK
 * version the Lambda runtime happens to ship.
 */
export const LAMBDA_ENTRY = "packages/api/src/lambda.ts";
export const LAMBDA_HANDLER = "packages/api/src/lambda.handler";
export const LAMBDA_RUNTIME = "nodejs22.x" as const;
export const LAMBDA_ARCHITECTURE = "arm_64" as const;

/** Passed to SST as `nodejs.esbuild`; applied after SST's own defaults. */
export const lambdaEsbuildOverrides = {
  target: "node22",
  // The map stays out of the code file; SST uploads it beside the function for stack traces.
  sourcemap: "external",
  legalComments: "none",
  // One copy of each dual-format package (ESM where it has one; SST's ESM builds default to the same),
  // unused Apollo plugins left out, sha.js mapped to node:crypto: infra/lambda-slim.ts. 1.76 MB -> ~0.85 MB.
  mainFields: ["module", "main"],
  plugins: [lambdaSlimPlugin()],
} satisfies BuildOptions;

/** The complete option set, as SST ends up calling esbuild with it. */
export const lambdaEsbuildOptions = {
  platform: "node",
  bundle: true,
  keepNames: true,
  format: "cjs",
  minify: true,
  external: ["sharp", "pg-native"],
  ...lambdaEsbuildOverrides,
} satisfies BuildOptions;

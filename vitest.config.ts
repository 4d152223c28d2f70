import { configDefaults, defineConfig } from "vitest/config";

/**
 * Pure suites: no database, browser, child process or CDK synth, so they run without Java
 * (`npm run test:unit`). Tests beside the source are unit tests by design (docs: test/ holds the
 * suites that cross packages).
 */
const UNIT = [
  "packages/*/src/**/*.test.ts",
  "web/src/**/*.test.ts",
  "test/architecture/**/*.test.ts",
  "test/sdl.test.ts",
  "test/security/policies.test.ts",
];

export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: keep the browser and Java from starving each other.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: UNIT } },
      {
        // Everything else may need DynamoDB Local (started once for the run), a browser, the bench
        // or a CDK synth.
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...UNIT],
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
  },
});

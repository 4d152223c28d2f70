// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import vitest from "@vitest/eslint-plugin";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      ".build/**",
      ".sst/**",
      ".data/**",
      "cdk.out/**",
      "screenshots/**",
      "bench/results/**",
      "packages/api/src/generated/**",
      "web/src/gql/**",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/only-throw-error": "off",
    },
  },
  {
    // Mantine's form and hook APIs hand out methods meant to be passed around.
    files: ["web/src/**/*.tsx", "web/src/**/*.ts"],
    rules: { "@typescript-eslint/unbound-method": "off" },
  },
  {
    // A focused or skipped test passes the run while checking less than it says.
    files: ["**/*.test.ts", "**/*.test.tsx"],
    plugins: { vitest },
    rules: { "vitest/no-focused-tests": "error", "vitest/no-disabled-tests": "error" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

describe("GraphQL Code Generator output", () => {
  it("is up to date with the SDL and the portal's operations (run `npm run codegen` if not)", async () => {
    // --check generates in memory and exits 1 listing every file that would change.
    const result = await run(
      process.execPath,
      ["node_modules/@graphql-codegen/cli/cjs/bin.js", "--config", "codegen.ts", "--check"],
      { cwd: root, env: { ...process.env, CI: "true", NO_COLOR: "1" } },
    ).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        code: e.code ?? 1,
        output: `${e.stdout ?? ""}${e.stderr ?? ""}`,
      }),
    );
    expect(result.output, result.output).not.toMatch(/stale files were detected/);
    expect(result.code, result.output).toBe(0);
  }, 120_000);
});

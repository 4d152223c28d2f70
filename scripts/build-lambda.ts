/**
 * Builds the GraphQL Lambda exactly as `sst deploy` does (same entry, same esbuild settings from
 * infra/lambda-bundle.ts) into .build/lambda/handler.cjs, and reports its size.
 *
 *   npx tsx scripts/build-lambda.ts
 *
 * Tests (test/bundle) and benchmarks import `buildLambda` to get the very file that would ship.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { LAMBDA_ENTRY, lambdaEsbuildOptions } from "../infra/lambda-bundle";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const LAMBDA_OUT_DIR = join(ROOT, ".build/lambda");

export interface LambdaBuild {
  /** Absolute path of the CommonJS bundle (exports `handler`). */
  file: string;
  sourcemap: string;
  /** Minified bundle size in bytes. */
  bytes: number;
  /** The same, gzip-compressed (close to what the deployment zip holds). */
  gzipBytes: number;
  /** The largest inputs by bytes contributed to the bundle, for "why is it this big". */
  largestInputs: { path: string; bytes: number }[];
}

export async function buildLambda(outDir: string = LAMBDA_OUT_DIR): Promise<LambdaBuild> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, "handler.cjs");
  const result = await build({
    ...lambdaEsbuildOptions,
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, LAMBDA_ENTRY)],
    outfile: file,
    metafile: true,
    logLevel: "warning",
  });
  const code = readFileSync(file);
  const output = result.metafile.outputs[relative(ROOT, file)];
  const largestInputs = Object.entries(output?.inputs ?? {})
    .map(([path, i]) => ({ path, bytes: i.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10);
  return {
    file,
    sourcemap: `${file}.map`,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    largestInputs,
  };
}

export function formatSize(b: LambdaBuild): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return `Lambda bundle ${relative(ROOT, b.file)}: ${kb(b.bytes)} minified, ${kb(b.gzipBytes)} gzip`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const b = await buildLambda();
  console.log(formatSize(b));
  console.log("Largest inputs:");
  for (const i of b.largestInputs) console.log(`  ${(i.bytes / 1024).toFixed(1).padStart(8)} KB  ${i.path}`);
}

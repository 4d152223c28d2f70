import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REQUIRED_FIGURES, ROOT, type BenchReport } from "../bench/figures";
import { RECORDED_OPERATIONS, SCREENS } from "../bench/screens";

/**
 * `npm run bench -- --smoke` end to end: it runs, and its report has every figure, each a number.
 * Structure only: how fast anything is never decides a test (the benchmark prints its targets).
 */
let dir: string;
let report: BenchReport;
let output = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "needlework-bench-"));
  const out = join(dir, "smoke.json");
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts", "--smoke", "--out", out], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`the smoke run exited with ${code}:\n${output.slice(-4000)}`);
  report = JSON.parse(readFileSync(out, "utf8")) as BenchReport;
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const isNumber = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);

describe("npm run bench -- --smoke", () => {
  test("prints the table and where it wrote the figures", () => {
    expect(output).toContain("targets met");
    expect(output).toMatch(/Wrote .*smoke\.json/);
    expect(report.mode).toBe("smoke");
  });

  test("has every figure, each a finite number", () => {
    const missing = REQUIRED_FIGURES.filter((id) => !isNumber(report.figures[id]?.value));
    expect(missing, JSON.stringify(report.skipped)).toEqual([]);
  });

  test("measures every screen and main operation, or says why not", () => {
    for (const id of [...SCREENS.map((s) => s.id), ...Object.keys(RECORDED_OPERATIONS)]) {
      const count = report.figures[`requests.${id}.count`]?.value;
      const ratio = report.figures[`requests.${id}.ratio`]?.value;
      if (isNumber(count) && isNumber(ratio)) continue;
      expect(report.skipped[`requests.${id}`], `requests.${id}`).toMatch(/\w/);
    }
  });

  test("marks every figure that has a target as met or missed", () => {
    for (const [id, f] of Object.entries(report.figures)) {
      if (f.target) expect(typeof f.pass, id).toBe("boolean");
      else expect(f.pass, id).toBeUndefined();
    }
  });
});

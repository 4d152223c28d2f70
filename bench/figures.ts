import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * One measured number, printed beside its target. A figure without a target is context (the two
 * sides of a ratio, sizes); a figure with one gets a pass/fail mark. Nothing here asserts: the
 * benchmark reports, CI's smoke only checks that every figure is there and numeric.
 */
export type Comparison = "<=" | "<" | ">=" | "==";

export interface Target {
  op: Comparison;
  value: number;
}

export interface Figure {
  /** Stable id, e.g. "lambda.bundle.minifiedKB"; the JSON file is keyed by it. */
  id: string;
  section: string;
  label: string;
  value: number;
  unit: string;
  target?: Target;
  pass?: boolean;
  /** What exactly was measured, when the label alone could mislead. */
  note?: string;
  /** In the JSON only (its number is already in another row's label). */
  jsonOnly?: boolean;
}

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH_DIR, "..");
export const RESULTS_FILE = join(BENCH_DIR, "results", "latest.json");

function passes(value: number, t: Target): boolean {
  if (!Number.isFinite(value)) return false;
  switch (t.op) {
    case "<=":
      return value <= t.value;
    case "<":
      return value < t.value;
    case ">=":
      return value >= t.value;
    case "==":
      return value === t.value;
  }
}

export class Figures {
  readonly all: Figure[] = [];

  add(
    section: string,
    id: string,
    label: string,
    value: number,
    unit: string,
    opts: { target?: Target; note?: string; jsonOnly?: boolean } = {},
  ): Figure {
    const f: Figure = { id, section, label, value, unit, ...opts };
    if (opts.target) f.pass = passes(value, opts.target);
    const at = this.all.findIndex((x) => x.id === id);
    if (at >= 0) this.all[at] = f;
    else this.all.push(f);
    return f;
  }

  get(id: string): Figure | undefined {
    return this.all.find((f) => f.id === id);
  }
}

export const median = (xs: readonly number[]): number => percentile(xs, 50);

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

export const ratio = (a: number, b: number): number =>
  b === 0 ? (a === 0 ? 1 : Number.POSITIVE_INFINITY) : a / b;

function fmt(v: number, unit: string): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const digits = Number.isInteger(v) ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const n = v.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === "×" ? `${n}×` : unit ? `${n} ${unit}` : n;
}

function fmtTarget(t: Target | undefined, unit: string): string {
  if (!t) return "";
  const op = { "<=": "≤", "<": "<", ">=": "≥", "==": "=" }[t.op];
  return `${op} ${fmt(t.value, unit)}`;
}

/** The table: one line per figure, grouped by section, with ✓ / ✗ where there is a target. */
export function formatTable(all: readonly Figure[]): string {
  const figures = all.filter((f) => !f.jsonOnly);
  const rows = figures.map((f) => ({
    section: f.section,
    label: f.label,
    value: fmt(f.value, f.unit),
    target: fmtTarget(f.target, f.unit),
    mark: f.pass === undefined ? "" : f.pass ? "✓" : "✗",
  }));
  const w = {
    label: Math.max(6, ...rows.map((r) => r.label.length)),
    value: Math.max(5, ...rows.map((r) => r.value.length)),
    target: Math.max(6, ...rows.map((r) => r.target.length)),
  };
  const line = (l: string, v: string, t: string, m: string) =>
    `  ${l.padEnd(w.label)}  ${v.padStart(w.value)}  ${t.padEnd(w.target)}  ${m}`.trimEnd();
  const out: string[] = [
    line("Figure", "Value", "Target", ""),
    `  ${"-".repeat(w.label + w.value + w.target + 9)}`,
  ];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`${section}`);
    }
    out.push(line(r.label, r.value, r.target, r.mark));
  }
  const marked = figures.filter((f) => f.pass !== undefined);
  const failed = marked.filter((f) => !f.pass);
  out.push("");
  out.push(
    `  ${marked.length - failed.length}/${marked.length} targets met${failed.length ? `; missed: ${failed.map((f) => f.id).join(", ")}` : ""}`,
  );
  return out.join("\n");
}

export interface BenchReport {
  mode: "full" | "smoke";
  startedAt: string;
  durationSeconds: number;
  /** Load averages (1 min) when the run started and ended: timings are only as quiet as the machine. */
  machine: {
    node: string;
    cpus: number;
    platform: string;
    loadAverageAtStart: number;
    loadAverageAtEnd: number;
  };
  figures: Record<string, Omit<Figure, "id">>;
  /** Anything a section could not measure, with the reason: an empty object on a complete run. */
  skipped: Record<string, string>;
  /** Context worth knowing (e.g. portal operations no entry measures yet). */
  notes: Record<string, string>;
}

export function writeReport(report: BenchReport, file: string = RESULTS_FILE): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return relative(process.cwd(), file) || file;
}

/**
 * Figures every complete run has (the per-screen request figures come on top, one pair per entry of
 * bench/screens.ts that the API can answer). The smoke test checks these are present and numeric.
 */
export const REQUIRED_FIGURES = [
  "requests.scans",
  "flat.requests.small",
  "flat.requests.large",
  "flat.requests.ratio",
  "flat.ms.small",
  "flat.ms.large",
  "flat.ms.ratio",
  "analytics.rollup.ms",
  "analytics.rollup.requests",
  "analytics.raw.ms",
  "analytics.raw.requests",
  "analytics.speedup",
  "analytics.agree",
  "analytics.range.ms",
  "analytics.range.requests",
  "analytics.range.speedup",
  "analytics.range.agree",
  "lambda.bundle.minifiedKB",
  "lambda.bundle.gzipKB",
  "lambda.cold.nodeMs",
  "lambda.cold.requireMs",
  "lambda.cold.ratio",
  "lambda.cold.cpuRatio",
  "lambda.peakRssMB",
  "overhead.handlerMs",
  "overhead.bareMs",
  "overhead.ratio",
  "load.rps",
  "load.p50",
  "load.p99",
  "load.errors",
  "portal.initialJsKB",
] as const;

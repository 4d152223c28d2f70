import {
  isDomainError,
  Problems,
  requireDate,
  requireNumberInRange,
  requireText,
  type FieldProblem,
} from "@needlework/core";

/**
 * Form glue around core's field rules: a form shows core's own reasons before the round trip, so the
 * API's answer, when it comes, lands the same way. Field path → reason.
 */
export type Errors = Record<string, string>;

/** Core's problems as form errors: the first reason per path. */
export function errorsOf(problems: readonly FieldProblem[]): Errors {
  const out: Errors = {};
  for (const f of problems) out[f.path] ??= f.reason;
  return out;
}

/** Runs one of core's validators; the field problems it refuses with (none: []). */
export function problemsOf(validate: () => unknown): FieldProblem[] {
  try {
    validate();
    return [];
  } catch (e) {
    if (isDomainError(e) && e.code === "BAD_USER_INPUT") return e.fields;
    throw e;
  }
}

function collect<T>(errors: Errors, run: (p: Problems) => T): T {
  const p = new Problems();
  const out = run(p);
  Object.assign(errors, errorsOf(p.list));
  return out;
}

export function text(
  errors: Errors,
  path: string,
  value: string,
  opts: { max?: number; required?: boolean } = {},
): string | undefined {
  return collect(errors, (p) => requireText(p, path, value, opts));
}

export function date(
  errors: Errors,
  path: string,
  value: string,
  opts: { required?: boolean; notAfter?: string; notBefore?: string } = {},
): string | undefined {
  return collect(errors, (p) => requireDate(p, path, value, opts));
}

/** A number input's value: Mantine's NumberInput gives "" while empty. */
export type NumberValue = number | string;

export function toNumber(v: NumberValue): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function numberInRange(
  errors: Errors,
  path: string,
  value: NumberValue,
  min: number,
  max: number,
  opts: { integer?: boolean; unit?: string; required?: boolean } = {},
): number | undefined {
  const n = toNumber(value);
  if (n === undefined && !(opts.required ?? true)) return undefined;
  return collect(errors, (p) => requireNumberInRange(p, path, n, min, max, opts));
}

/** "zones.0.depthMm" + labels → "Depth must be …": the field's label, then the API's reason. */
export function describeWith(labels: Record<string, string>) {
  return (path: string, reason: string): string => {
    const last =
      path
        .split(".")
        .filter((p) => !/^\d+$/.test(p))
        .pop() ?? path;
    return `${labels[last] ?? labels[path] ?? last} ${reason}`;
  };
}

let seq = 0;
/** A stable React key for a repeatable row. */
export function rowKey(): string {
  seq += 1;
  return `r${seq}`;
}

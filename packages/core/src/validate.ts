import { badInput, isDomainError, type FieldProblem } from "./errors";

/**
 * A tiny collector so every validator reports all problems at once, each with its field path.
 */
export class Problems {
  readonly list: FieldProblem[] = [];
  add(path: string, reason: string): void {
    this.list.push({ path, reason });
  }
  get ok(): boolean {
    return this.list.length === 0;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw badInput(this.list);
  }
}

/**
 * Runs a validator and files its field problems in `p` (under `prefix`, when given) instead of
 * throwing, so a compound input reports every problem at once.
 */
export function collectProblems<T>(p: Problems, prefix: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (isDomainError(e) && e.code === "BAD_USER_INPUT") {
      for (const f of e.fields) p.add(prefix ? `${prefix}.${f.path}` : f.path, f.reason);
      return undefined;
    }
    throw e;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function requireText(
  p: Problems,
  path: string,
  value: string | null | undefined,
  opts: { max?: number; required?: boolean } = {},
): string | undefined {
  const max = opts.max ?? 200;
  const v = value?.trim();
  if (!v) {
    if (opts.required ?? true) p.add(path, "is required");
    return undefined;
  }
  if (v.length > max) p.add(path, `must be at most ${max} characters`);
  return v;
}

export function requireDate(
  p: Problems,
  path: string,
  value: string | null | undefined,
  opts: { required?: boolean; notAfter?: string; notBefore?: string } = {},
): string | undefined {
  if (value == null || value === "") {
    if (opts.required ?? true) p.add(path, "is required");
    return undefined;
  }
  if (!isIsoDate(value)) {
    p.add(path, "must be a date written YYYY-MM-DD");
    return undefined;
  }
  if (opts.notAfter && value > opts.notAfter) p.add(path, `must not be after ${opts.notAfter}`);
  if (opts.notBefore && value < opts.notBefore) p.add(path, `must not be before ${opts.notBefore}`);
  return value;
}

export function requireNumberInRange(
  p: Problems,
  path: string,
  value: number | null | undefined,
  min: number,
  max: number,
  opts: { integer?: boolean; unit?: string } = {},
): number | undefined {
  if (value == null || Number.isNaN(value)) {
    p.add(path, "is required");
    return undefined;
  }
  if (!Number.isFinite(value) || value < min || value > max) {
    p.add(path, `must be between ${min} and ${max}${opts.unit ? ` ${opts.unit}` : ""}`);
    return undefined;
  }
  if (opts.integer && !Number.isInteger(value)) {
    p.add(path, "must be a whole number");
    return undefined;
  }
  return value;
}

export function requireOneOf<T extends string>(
  p: Problems,
  path: string,
  value: string | null | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value == null) {
    p.add(path, "is required");
    return undefined;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    p.add(path, `must be one of ${allowed.join(", ")}`);
    return undefined;
  }
  return value as T;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

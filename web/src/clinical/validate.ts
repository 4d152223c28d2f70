import { isIsoDate } from "../patients/validation";

/**
 * Core's field rules (packages/core/src/validate.ts) with the same reasons, so a form shows most
 * mistakes before the round trip and the API's answer lands the same way when it does not.
 */
export type Errors = Record<string, string>;

export function text(
  errors: Errors,
  path: string,
  value: string,
  opts: { max?: number; required?: boolean } = {},
): string | undefined {
  const v = value.trim();
  if (!v) {
    if (opts.required ?? true) errors[path] = "is required";
    return undefined;
  }
  if (v.length > (opts.max ?? 200)) errors[path] = `must be at most ${opts.max ?? 200} characters`;
  return v;
}

export function date(
  errors: Errors,
  path: string,
  value: string,
  opts: { required?: boolean; notAfter?: string; notBefore?: string } = {},
): string | undefined {
  if (!value) {
    if (opts.required ?? true) errors[path] = "is required";
    return undefined;
  }
  if (!isIsoDate(value)) {
    errors[path] = "must be a date written YYYY-MM-DD";
    return undefined;
  }
  if (opts.notAfter && value > opts.notAfter) errors[path] = `must not be after ${opts.notAfter}`;
  else if (opts.notBefore && value < opts.notBefore) errors[path] = `must not be before ${opts.notBefore}`;
  return value;
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
  if (n === undefined) {
    if (opts.required ?? true) errors[path] = "is required";
    return undefined;
  }
  if (n < min || n > max) {
    errors[path] = `must be between ${min} and ${max}${opts.unit ? ` ${opts.unit}` : ""}`;
    return undefined;
  }
  if (opts.integer && !Number.isInteger(n)) {
    errors[path] = "must be a whole number";
    return undefined;
  }
  return n;
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

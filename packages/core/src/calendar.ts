import { addDays } from "./validate";

/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD, UTC, no time of day).
 * Waiting periods in DOMAIN.md are given in months and weeks; validate.ts only has days.
 */

/**
 * Adds whole months. A day that does not exist in the target month is clamped to its last day
 * (2026-08-31 + 6 months = 2027-02-28), so a period never ends later than a practitioner expects.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addWeeks(date: string, weeks: number): string {
  return addDays(date, weeks * 7);
}

/** The later of two ISO dates (ISO dates compare correctly as strings). */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

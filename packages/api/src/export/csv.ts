import type { Analytics } from "@needlework/store";

type OutcomeRecord = Analytics.OutcomeRecord;

/**
 * The CSV of outcome records: one line per record, RFC 4180 quoting, and a leading apostrophe on any
 * cell a spreadsheet would read as a formula (a serum name typed as "=..." by an admin).
 */
export const CSV_COLUMNS = [
  "record_id",
  "patient_key",
  "age_band",
  "fitzpatrick",
  "site",
  "indication",
  "body_area",
  "start_month",
  "first_session_month",
  "last_session_month",
  "session_count",
  "zones_depths_mm",
  "depth_bands",
  "devices",
  "serums",
  "scale",
  "baseline_score",
  "latest_score",
  "improvement",
  "improvement_percent",
  "improved",
  "other_scales",
  "adverse_events",
  "adverse_events_counted",
] as const;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s =
    typeof v === "string"
      ? v
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeader = (): string => `${CSV_COLUMNS.join(",")}\r\n`;

/** One CSV line for a record; `siteName` resolves the site id to its name. */
export function csvLine(r: OutcomeRecord, siteName: (id: string) => string): string {
  const o = r.outcome;
  const cells: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    record_id: r.id,
    patient_key: r.patientKey,
    age_band: r.ageBand,
    fitzpatrick: r.fitzpatrick,
    site: siteName(r.siteId),
    indication: r.indication,
    body_area: r.bodyArea,
    start_month: r.startMonth,
    first_session_month: r.firstSessionMonth,
    last_session_month: r.lastSessionMonth,
    session_count: r.sessionCount,
    zones_depths_mm: r.zones.map((z) => `${z.zone}:${z.depthsMm.join("/")}`).join("; "),
    depth_bands: r.depthBands.join("; "),
    devices: r.devices.join("; "),
    serums: r.serums.map((s) => s.name ?? s.id).join("; "),
    scale: o.scale,
    baseline_score: o.baselineScore,
    latest_score: o.latestScore,
    improvement: o.improvement,
    improvement_percent: o.improvementPercent,
    improved: o.improved,
    other_scales: r.otherScales
      .map(
        (s) =>
          `${s.scale}:${s.baselineScore}->${s.latestScore ?? ""}${s.improvement === null ? "" : ` (${s.improvement >= 0 ? "+" : ""}${s.improvement})`}`,
      )
      .join("; "),
    adverse_events: r.adverseEvents.map((e) => `${e.type}:${e.severity}`).join("; "),
    adverse_events_counted: r.adverseEventsCounted,
  };
  return `${CSV_COLUMNS.map((c) => csvCell(cells[c])).join(",")}\r\n`;
}

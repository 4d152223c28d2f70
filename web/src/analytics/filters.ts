import type { Device, FitzpatrickType, Indication, OutcomeFilter } from "../gql/graphql";

/**
 * The dashboard's filters and what each part of it is asked for. The charts come from the API's
 * counters, which answer a date range (months) with at most one of concern, site, device or depth
 * band (OutcomeFilter in the schema; a summary's own dimension besides): so those four are offered
 * one at a time, and serum (the serum chart's own) and Fitzpatrick type, which the counters answer
 * only for their own dimension, narrow what can be: the serum chart (serum), the KPI tiles and the
 * export (all). The portal never sends a filter the API would refuse.
 */
export interface Filters {
  /** First day of the month (YYYY-MM-01), or null. */
  from: string | null;
  to: string | null;
  siteId: string | null;
  indication: Indication | null;
  device: Device | null;
  depthBand: string | null;
  serumId: string | null;
  fitzpatrick: FitzpatrickType | null;
}

export const EMPTY_FILTERS: Filters = {
  from: null,
  to: null,
  siteId: null,
  indication: null,
  device: null,
  depthBand: null,
  serumId: null,
  fitzpatrick: null,
};

/** Filters the charts take, one at a time. */
export const CHART_FILTERS = ["siteId", "indication", "device", "depthBand"] as const;
export type ChartFilterKey = (typeof CHART_FILTERS)[number];

export const FILTER_LABEL: Record<keyof Filters, string> = {
  from: "From",
  to: "To",
  siteId: "Site",
  indication: "Concern",
  device: "Device",
  depthBand: "Depth band",
  serumId: "Serum",
  fitzpatrick: "Fitzpatrick type",
};

const dates = (f: Filters): OutcomeFilter => ({
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
});

const chartValue = (f: Filters): OutcomeFilter => {
  const key = CHART_FILTERS.find((k) => f[k]);
  return key ? { [key]: f[key] } : {};
};

/** The concern × depth band matrix: dates and the one chart filter. */
export const matrixFilter = (f: Filters): OutcomeFilter => ({ ...dates(f), ...chartValue(f) });

/** The serum chart: dates, the one chart filter, and the serum (its own dimension). */
export const serumFilter = (f: Filters): OutcomeFilter => ({
  ...matrixFilter(f),
  ...(f.serumId ? { serumId: f.serumId } : {}),
});

/** KPI tiles and the export: every filter. */
export function fullFilter(f: Filters): OutcomeFilter {
  const out: OutcomeFilter = { ...dates(f) };
  if (f.siteId) out.siteId = f.siteId;
  if (f.indication) out.indication = f.indication;
  if (f.device) out.device = f.device;
  if (f.depthBand) out.depthBand = f.depthBand;
  if (f.serumId) out.serumId = f.serumId;
  if (f.fitzpatrick) out.fitzpatrick = f.fitzpatrick;
  return out;
}

/** Why a chart filter cannot be chosen now (another one is), or null. */
export function chartFilterBlocked(f: Filters, key: ChartFilterKey): string | null {
  const other = CHART_FILTERS.find((k) => k !== key && f[k]);
  return other ? `One at a time: clear ${FILTER_LABEL[other].toLowerCase()} first` : null;
}

/** Sets a filter; a chart filter replaces none (the select is disabled while another is set). */
export function withFilter<K extends keyof Filters>(f: Filters, key: K, value: Filters[K]): Filters {
  const next = { ...f, [key]: value };
  // A range the other way round cannot be asked: moving one end past the other moves both.
  if (next.from && next.to && next.from > next.to) {
    if (key === "from") next.to = next.from;
    else next.from = next.to;
  }
  return next;
}

/** The filters a chart does not apply (shown beside it), by label. */
export function notApplied(f: Filters, chart: "matrix" | "serums"): string[] {
  const out: string[] = [];
  if (chart === "matrix" && f.serumId) out.push(FILTER_LABEL.serumId);
  if (f.fitzpatrick) out.push(FILTER_LABEL.fitzpatrick);
  return out;
}

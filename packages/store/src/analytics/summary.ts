import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  badInput,
  Concerns,
  Devices,
  Kpi,
  PatientRules,
  Scales,
  Schedule,
  type DepthBand,
  type FieldProblem,
  type Indication,
  type Ratio,
  type ScaleId,
} from "@needlework/core";
import type { Db } from "../client";
import { Keys } from "../keys";
import { listSites, listUsers } from "../groups";
import { queryAll } from "../clinical/paging";
import {
  MATRIX_PAIRS,
  PREFIX_DIMENSIONS,
  prefixOf,
  ROLLUP_DIMENSIONS,
  RollupAttr,
  type PrefixDimension,
  type PrefixFilter,
  type RollupDimension,
} from "../clinical/rollups";
import type { OutcomeFilter } from "./outcomes";

/**
 * Outcome summaries answered from the rollup items only (clinical/rollups.ts, written in the
 * session and assessment transactions): a summary grouped by one dimension is ONE Query of that
 * dimension's partition (all-time items, or the months of the filter's range: a sort-key range),
 * paged past 1 MB, whatever the number of sessions. It never reads a session or an outcome record.
 *
 * Dates: `from`/`to` select months (compared by month, as outcomeRecords): sessions and adverse
 * events of sessions performed in those months; the improvement of courses that started in them
 * (the outcome record's startMonth). Each is counted in exactly one month, so months add up.
 */
export const SUMMARY_DIMENSIONS = ROLLUP_DIMENSIONS;
export type SummaryDimension = RollupDimension;

/** Counters summed over items. */
export interface RollupTotals {
  sessions: number;
  adverseEvents: number;
  adverseEventsRecorded: number;
  byScale: Partial<
    Record<
      ScaleId,
      { count: number; sum: number; percentSum: number; percentCount: number; improved: number }
    >
  >;
}

export interface ScaleSummary {
  scale: ScaleId;
  n: number;
  meanImprovement: number;
  meanImprovementPercent: number | null;
  nPercent: number;
  improvedShare: number;
}

export interface SummaryRow {
  key: string;
  label: string;
  /** Outcome measurements (a concern with a follow-up score, per scale). */
  n: number;
  /** Mean % improvement against baseline across the row's scales (GAIS has no percentage). */
  meanImprovementPercent: number | null;
  nPercent: number;
  improvedShare: number | null;
  byScale: ScaleSummary[];
  sessions: number;
  adverseEvents: number;
  adverseEventRate: Ratio;
}

export interface MatrixCell {
  indication: Indication;
  depthBand: DepthBand;
  row: SummaryRow;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;
const r1 = (x: number): number => Math.round(x * 10) / 10;

export function emptyTotals(): RollupTotals {
  return { sessions: 0, adverseEvents: 0, adverseEventsRecorded: 0, byScale: {} };
}

/** Adds an item's counters under `prefix` ("" = its own) to the totals. */
export function addCounters(t: RollupTotals, item: Record<string, unknown>, prefix = ""): RollupTotals {
  const num = (k: string): number => {
    const v = item[prefix + k];
    return typeof v === "number" ? v : 0;
  };
  t.sessions += num(RollupAttr.sessions);
  t.adverseEvents += num(RollupAttr.adverseEvents);
  t.adverseEventsRecorded += num(RollupAttr.adverseEventsRecorded);
  for (const scale of Scales.SCALE_IDS) {
    const count = num(RollupAttr.improvementCount(scale));
    const percentCount = num(RollupAttr.improvementPercentCount(scale));
    const sum = num(RollupAttr.improvementSum(scale));
    if (count === 0 && percentCount === 0 && sum === 0) continue;
    const s = (t.byScale[scale] ??= { count: 0, sum: 0, percentSum: 0, percentCount: 0, improved: 0 });
    s.count += count;
    s.sum += sum;
    s.percentSum += num(RollupAttr.improvementPercentSum(scale));
    s.percentCount += percentCount;
    s.improved += num(RollupAttr.improvedCount(scale));
  }
  return t;
}

/** A summary row from totals, rounded as core's Kpi.meanImprovement rounds. */
export function summaryRow(key: string, label: string, t: RollupTotals): SummaryRow {
  const byScale: ScaleSummary[] = Scales.SCALE_IDS.flatMap((scale) => {
    const s = t.byScale[scale];
    if (!s || s.count <= 0) return [];
    return [
      {
        scale,
        n: s.count,
        meanImprovement: r2(s.sum / s.count),
        meanImprovementPercent: s.percentCount > 0 ? r2(s.percentSum / s.percentCount) : null,
        nPercent: s.percentCount,
        improvedShare: r1((s.improved / s.count) * 100),
      },
    ];
  });
  const n = byScale.reduce((a, s) => a + s.n, 0);
  const pctSum = Scales.SCALE_IDS.reduce((a, sc) => a + (t.byScale[sc]?.percentSum ?? 0), 0);
  const nPercent = byScale.reduce((a, s) => a + s.nPercent, 0);
  const improved = Scales.SCALE_IDS.reduce((a, sc) => a + (t.byScale[sc]?.improved ?? 0), 0);
  return {
    key,
    label,
    n,
    meanImprovementPercent: nPercent > 0 ? r2(pctSum / nPercent) : null,
    nPercent,
    improvedShare: n > 0 ? r1((improved / n) * 100) : null,
    byScale,
    sessions: t.sessions,
    adverseEvents: t.adverseEvents,
    adverseEventRate: Kpi.ratioFromCounts(t.adverseEvents, t.sessions),
  };
}

// ---- The filter: months, the dimension's own value, one prefix ------------------------------------

const month = (date: string): string => date.slice(0, 7);

/** The store filter's fields and the dimension each names. */
const FIELD_DIMENSION = {
  indication: "CONCERN",
  depthBand: "DEPTH_BAND",
  serumId: "SERUM",
  device: "DEVICE",
  fitzpatrick: "FITZPATRICK",
  siteId: "SITE",
} as const satisfies Partial<Record<keyof OutcomeFilter, RollupDimension>>;
type ValueField = keyof typeof FIELD_DIMENSION;
const VALUE_FIELDS = Object.keys(FIELD_DIMENSION) as ValueField[];

/** Inclusive months, or null for all time. Months after `to` before `from` are BAD_USER_INPUT. */
export interface MonthRange {
  from: string | null;
  to: string | null;
}

export function monthRange(f: Pick<OutcomeFilter, "from" | "to">): MonthRange | null {
  const from = f.from ? month(f.from) : null;
  const to = f.to ? month(f.to) : null;
  if (from && to && from > to) throw badInput([{ path: "filter.to", reason: "must not be before from" }]);
  return from || to ? { from, to } : null;
}

const setValues = (f: OutcomeFilter): { field: ValueField; dimension: RollupDimension; value: string }[] =>
  VALUE_FIELDS.filter((k) => f[k] != null && f[k] !== "").map((field) => ({
    field,
    dimension: FIELD_DIMENSION[field],
    value: String(f[field]),
  }));

const isPrefix = (d: RollupDimension): d is PrefixDimension =>
  (PREFIX_DIMENSIONS as readonly string[]).includes(d);

const FIELD_LABEL: Record<ValueField, string> = {
  indication: "concern",
  siteId: "site",
  device: "device",
  depthBand: "depth band",
  serumId: "serum",
  fitzpatrick: "Fitzpatrick type",
};

/** What a summary can be filtered by, in words (the BAD_USER_INPUT reason). */
export const SUMMARY_FILTERS_SUPPORTED =
  "a summary comes from counters: filter it by a date range (months), its own dimension's value, and at most one of concern, site, device or depth band; serum and Fitzpatrick type narrow only the summary grouped by them";
export const MATRIX_FILTERS_SUPPORTED =
  "the concern × depth band matrix comes from counters: filter it by a date range (months), concern, depth band, and at most one of site or device";

export interface SummaryPlan {
  range: MonthRange | null;
  /** The groupBy dimension's own value, if filtered: the rows are narrowed to it. */
  own: string | null;
  /** The counters read: the item's own, or a prefix's. */
  prefix: PrefixFilter | null;
}

function refuse(fields: readonly ValueField[], reason: string): never {
  throw badInput(fields.map((k): FieldProblem => ({ path: `filter.${k}`, reason })));
}

/**
 * How a summary grouped by `groupBy` answers `filter` from the counters, or BAD_USER_INPUT naming
 * what is supported (never a silently unfiltered answer).
 */
export function planSummary(groupBy: SummaryDimension, filter: OutcomeFilter): SummaryPlan {
  const range = monthRange(filter);
  const set = setValues(filter);
  const own = set.find((s) => s.dimension === groupBy)?.value ?? null;
  const others = set.filter((s) => s.dimension !== groupBy);
  if (others.length === 0) return { range, own, prefix: null };
  const [first] = others;
  if (others.length === 1 && isPrefix(first!.dimension))
    return { range, own, prefix: { dimension: first!.dimension, value: first!.value } };
  if (groupBy === "DEPTH_BAND" && others.length === 2) {
    const pair = matrixPair(others);
    if (pair) return { range, own, prefix: pair };
  }
  const unsupported = others.filter((s) => !isPrefix(s.dimension));
  refuse(
    (unsupported.length > 0 ? unsupported : others).map((s) => s.field),
    `${SUMMARY_FILTERS_SUPPORTED} (grouped by ${groupBy}, filtered by ${others.map((s) => FIELD_LABEL[s.field]).join(" and ")})`,
  );
}

/** A concern with a site or a device: a pair the DEPTH_BAND items keep. */
function matrixPair(
  set: readonly { dimension: RollupDimension; value: string }[],
): Extract<PrefixFilter, { pair: unknown }> | null {
  for (const pair of MATRIX_PAIRS) {
    const a = set.find((s) => s.dimension === pair[0]);
    const b = set.find((s) => s.dimension === pair[1]);
    if (a && b && set.length === 2) return { pair, values: [a.value, b.value] };
  }
  return null;
}

/** The matrix's plan: the DEPTH_BAND items, per concern (or per concern with a site or device). */
export function planMatrix(filter: OutcomeFilter): {
  range: MonthRange | null;
  indication: string | null;
  depthBand: string | null;
  with: { dimension: "SITE" | "DEVICE"; value: string } | null;
} {
  const range = monthRange(filter);
  const set = setValues(filter);
  const others = set.filter((s) => s.dimension !== "CONCERN" && s.dimension !== "DEPTH_BAND");
  const bad = others.filter((s) => s.dimension !== "SITE" && s.dimension !== "DEVICE");
  if (bad.length > 0 || others.length > 1)
    refuse(
      (bad.length > 0 ? bad : others).map((s) => s.field),
      MATRIX_FILTERS_SUPPORTED,
    );
  const w = others[0];
  return {
    range,
    indication: filter.indication ?? null,
    depthBand: filter.depthBand ?? null,
    with: w ? { dimension: w.dimension as "SITE" | "DEVICE", value: w.value } : null,
  };
}

// ---- Reading ---------------------------------------------------------------------------------------

/**
 * A dimension's items for all time or a month range: ONE Query (a sort-key range), paged past 1 MB.
 * All values and shards come back together; `requests` counts the pages.
 */
export async function readDimension(
  db: Db,
  groupId: string,
  dimension: RollupDimension,
  range: MonthRange | null,
): Promise<Record<string, unknown>[]> {
  const pk = Keys.rollupPk(groupId, dimension);
  const key = range
    ? {
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :lo AND :hi",
        // "M#2026-06~" sorts after every "M#2026-06#<value>#<shard>".
        ExpressionAttributeValues: {
          ":pk": pk,
          ":lo": `M#${range.from ?? "0000-00"}`,
          ":hi": `M#${range.to ?? "9999-99"}~`,
        },
      }
    : {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :a)",
        ExpressionAttributeValues: { ":pk": pk, ":a": "A#" },
      };
  return queryAll(db, key);
}

/** Totals per value of the items, under a prefix ("" = the items' own counters). */
function totalsByValue(items: readonly Record<string, unknown>[], prefix: string): Map<string, RollupTotals> {
  const out = new Map<string, RollupTotals>();
  for (const it of items) {
    const value = String(it.value);
    addCounters(out.get(value) ?? out.set(value, emptyTotals()).get(value)!, it, prefix);
  }
  return out;
}

const DEPTH_LABEL = (b: string): string => `${b} mm`;

/** The values of a dimension and their labels: core's lists, or the group's sites, serums and staff. */
async function dimensionValues(
  db: Db,
  groupId: string,
  d: SummaryDimension,
): Promise<{ value: string; label: string }[]> {
  switch (d) {
    case "CONCERN":
      return Concerns.INDICATIONS.map((v) => ({ value: v, label: Concerns.INDICATION_LABELS[v] }));
    case "DEPTH_BAND":
      return Schedule.DEPTH_BANDS.map((v) => ({ value: v, label: DEPTH_LABEL(v) }));
    case "DEVICE":
      return Devices.DEVICES.map((v) => ({ value: v, label: Devices.DEVICE_LABELS[v] }));
    case "FITZPATRICK":
      return PatientRules.FITZPATRICK_TYPES.map((v) => ({ value: v, label: `Type ${v}` }));
    case "SITE":
      return (await listSites(db, groupId)).map((s) => ({ value: s.id, label: s.name }));
    case "PRACTITIONER":
      return (await listUsers(db, groupId)).map((u) => ({ value: u.id, label: u.name }));
    case "SERUM": {
      const res = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
          ExpressionAttributeValues: { ":pk": Keys.group(groupId).pk, ":p": "SERUM#" },
          ProjectionExpression: "id, #name",
          ExpressionAttributeNames: { "#name": "name" },
        }),
      );
      return (res.Items ?? []).map((s) => ({ value: String(s.id), label: String(s.name) }));
    }
  }
}

/**
 * A summary grouped by one dimension, filtered as `planSummary` allows: one Query of the
 * dimension's items (plus, for sites, serums and staff, one Query for their names).
 */
export async function outcomeSummary(
  db: Db,
  groupId: string,
  groupBy: SummaryDimension,
  filter: OutcomeFilter = {},
): Promise<SummaryRow[]> {
  const plan = planSummary(groupBy, filter);
  const [values, items] = await Promise.all([
    dimensionValues(db, groupId, groupBy),
    readDimension(db, groupId, groupBy, plan.range),
  ]);
  const totals = totalsByValue(items, prefixOf(plan.prefix));
  // Every value with data, labelled where the group knows it (a value no list has keeps its id).
  const known = new Set(values.map((v) => v.value));
  const all = [
    ...values,
    ...[...totals.keys()].filter((v) => !known.has(v)).map((v) => ({ value: v, label: v })),
  ];
  return all
    .filter((v) => plan.own === null || v.value === plan.own)
    .map((v) => summaryRow(v.value, v.label, totals.get(v.value) ?? emptyTotals()))
    .filter((r) => r.sessions > 0 || r.n > 0);
}

/**
 * Concern × depth band: every cell with data, from the DEPTH_BAND items' counters per concern (or
 * per concern with the filter's site or device). One Query.
 */
export async function concernDepthMatrix(
  db: Db,
  groupId: string,
  filter: OutcomeFilter = {},
): Promise<MatrixCell[]> {
  const plan = planMatrix(filter);
  const items = await readDimension(db, groupId, "DEPTH_BAND", plan.range);
  const cells: MatrixCell[] = [];
  for (const indication of Concerns.INDICATIONS) {
    if (plan.indication && plan.indication !== indication) continue;
    const prefix = prefixOf(
      plan.with
        ? { pair: ["CONCERN", plan.with.dimension], values: [indication, plan.with.value] }
        : { dimension: "CONCERN", value: indication },
    );
    const totals = totalsByValue(items, prefix);
    for (const depthBand of Schedule.DEPTH_BANDS) {
      if (plan.depthBand && plan.depthBand !== depthBand) continue;
      const row = summaryRow(
        `${indication}|${depthBand}`,
        `${Concerns.INDICATION_LABELS[indication]}, ${DEPTH_LABEL(depthBand)}`,
        totals.get(depthBand) ?? emptyTotals(),
      );
      if (row.sessions > 0 || row.n > 0) cells.push({ indication, depthBand, row });
    }
  }
  return cells;
}

/**
 * Totals over everything a filter selects (the KPI tiles' adverse events per 100 sessions), from the
 * counters when they can answer: no value filter (the SITE items: every session and course has one
 * site), one value, or two when one of them is a prefix of the other's items; with any date range.
 * Null otherwise. One Query.
 */
export async function filteredTotals(
  db: Db,
  groupId: string,
  filter: OutcomeFilter,
): Promise<RollupTotals | null> {
  const range = monthRange(filter);
  const set = setValues(filter);
  let dimension: RollupDimension = "SITE";
  let value: string | null = null;
  let prefix = "";
  if (set.length === 1) ({ dimension, value } = set[0]!);
  else if (set.length === 2) {
    const asPrefix = set.find((s) => isPrefix(s.dimension));
    const other = set.find((s) => s !== asPrefix);
    if (!asPrefix || !other) return null;
    ({ dimension, value } = other);
    prefix = prefixOf({ dimension: asPrefix.dimension as PrefixDimension, value: asPrefix.value });
  } else if (set.length > 2) return null;
  const items = await readDimension(db, groupId, dimension, range);
  const sum = emptyTotals();
  for (const it of items) if (value === null || it.value === value) addCounters(sum, it, prefix);
  return sum;
}

/** Every session of the group once, all time: the SITE items (each session has one site). */
export async function groupTotals(db: Db, groupId: string): Promise<RollupTotals> {
  return (await filteredTotals(db, groupId, {}))!;
}

/**
 * One value's counters summed over its shards, by attribute name (tests and tooling): all time or
 * one month, its own or under a prefix.
 */
export async function rollupCounters(
  db: Db,
  groupId: string,
  dimension: RollupDimension,
  value: string,
  opts: { month?: string; prefix?: PrefixFilter | null } = {},
): Promise<Record<string, number>> {
  const items = await readDimension(
    db,
    groupId,
    dimension,
    opts.month ? { from: opts.month, to: opts.month } : null,
  );
  const prefix = prefixOf(opts.prefix);
  const out: Record<string, number> = {};
  for (const it of items) {
    if (it.value !== value) continue;
    for (const [k, v] of Object.entries(it)) {
      if (typeof v !== "number" || !k.startsWith(prefix) || k === "shard") continue;
      const name = k.slice(prefix.length);
      if (name.includes("/")) continue;
      out[name] = Math.round(((out[name] ?? 0) + v) * 1e6) / 1e6;
    }
  }
  return out;
}

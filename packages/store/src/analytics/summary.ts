import { BatchGetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  badInput,
  Concerns,
  Devices,
  Kpi,
  PatientRules,
  Scales,
  Schedule,
  type DepthBand,
  type Indication,
  type Ratio,
  type ScaleId,
} from "@needlework/core";
import type { Db } from "../client";
import { Keys } from "../keys";
import { listSites, listUsers } from "../groups";
import { concernDepthValue, ROLLUP_SHARDS, RollupAttr, type RollupDimension } from "../clinical/rollups";
import type { OutcomeFilter } from "./outcomes";

/**
 * Outcome summaries answered from the rollup shard items only (clinical/rollups.ts, written in the
 * session and assessment transactions): the values of a dimension are known (core's lists, or the
 * group's sites, serums and staff), so a summary is BatchGetItem of values × ROLLUP_SHARDS keys,
 * 100 keys a call, whatever the number of sessions. It never reads a session.
 */
export const SUMMARY_DIMENSIONS = [
  "CONCERN",
  "DEPTH_BAND",
  "SERUM",
  "DEVICE",
  "FITZPATRICK",
  "SITE",
  "PRACTITIONER",
] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/** Counters summed over a value's shards. */
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

/** Adds one shard item's counters to the totals. */
export function addShard(t: RollupTotals, item: Record<string, unknown>): RollupTotals {
  const num = (k: string): number => (typeof item[k] === "number" ? item[k] : 0);
  t.sessions += num(RollupAttr.sessions);
  t.adverseEvents += num(RollupAttr.adverseEvents);
  t.adverseEventsRecorded += num(RollupAttr.adverseEventsRecorded);
  for (const scale of Scales.SCALE_IDS) {
    const count = num(RollupAttr.improvementCount(scale));
    const percentCount = num(RollupAttr.improvementPercentCount(scale));
    if (count === 0 && percentCount === 0 && num(RollupAttr.improvementSum(scale)) === 0) continue;
    const s = (t.byScale[scale] ??= { count: 0, sum: 0, percentSum: 0, percentCount: 0, improved: 0 });
    s.count += count;
    s.sum += num(RollupAttr.improvementSum(scale));
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

/** Totals per (dimension, value): BatchGetItem of every shard of every value, 100 keys a call. */
export async function readRollups(
  db: Db,
  groupId: string,
  refs: readonly { dimension: RollupDimension; value: string }[],
): Promise<Map<string, RollupTotals>> {
  const totals = new Map<string, RollupTotals>();
  const keys = refs.flatMap((r) => {
    totals.set(`${r.dimension}#${r.value}`, emptyTotals());
    return Array.from({ length: ROLLUP_SHARDS }, (_, shard) =>
      Keys.rollup(groupId, r.dimension, r.value, shard),
    );
  });
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    while (pending && pending.length > 0) {
      const res = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending } } }),
      );
      for (const it of res.Responses?.[db.tableName] ?? []) {
        const t = totals.get(`${String(it.dimension)}#${String(it.value)}`);
        if (t) addShard(t, it);
      }
      pending = res.UnprocessedKeys?.[db.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return totals;
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

/** The filter fields a dimension's own rows can be narrowed by. */
const OWN_FILTER: Record<SummaryDimension, keyof OutcomeFilter | null> = {
  CONCERN: "indication",
  DEPTH_BAND: "depthBand",
  SERUM: "serumId",
  DEVICE: "device",
  FITZPATRICK: "fitzpatrick",
  SITE: "siteId",
  PRACTITIONER: null,
};

const SUPPORTED =
  "Summaries come from precomputed counters without dates: filter a summary by its own dimension, by concern when grouped by depth band, or by depth band when grouped by concern. Use outcome records for other filters.";

/**
 * A summary grouped by one dimension. Filters the counters can answer exactly are applied (the
 * dimension's own value; concern × depth band through the combined rollup); any other filter is
 * BAD_USER_INPUT rather than a silently unfiltered answer.
 */
export async function outcomeSummary(
  db: Db,
  groupId: string,
  groupBy: SummaryDimension,
  filter: OutcomeFilter = {},
): Promise<SummaryRow[]> {
  const set = (Object.keys(filter) as (keyof OutcomeFilter)[]).filter(
    (k) => filter[k] != null && filter[k] !== "",
  );
  const own = OWN_FILTER[groupBy];
  const cross =
    (groupBy === "DEPTH_BAND" && set.includes("indication")) ||
    (groupBy === "CONCERN" && set.includes("depthBand"));
  const unsupported = set.filter((k) => k !== own && !(cross && (k === "indication" || k === "depthBand")));
  if (unsupported.length > 0)
    throw badInput(unsupported.map((k) => ({ path: `filter.${k}`, reason: SUPPORTED })));
  let values = await dimensionValues(db, groupId, groupBy);
  if (own && filter[own]) values = values.filter((v) => v.value === filter[own]);
  const refs = values.map((v) => {
    if (cross && groupBy === "DEPTH_BAND")
      return {
        dimension: "CONCERN_DEPTH_BAND" as const,
        value: concernDepthValue(filter.indication!, v.value),
      };
    if (cross && groupBy === "CONCERN")
      return {
        dimension: "CONCERN_DEPTH_BAND" as const,
        value: concernDepthValue(v.value, filter.depthBand!),
      };
    return { dimension: groupBy, value: v.value };
  });
  const totals = await readRollups(db, groupId, refs);
  return values
    .map((v, i) =>
      summaryRow(v.value, v.label, totals.get(`${refs[i]!.dimension}#${refs[i]!.value}`) ?? emptyTotals()),
    )
    .filter((r) => r.sessions > 0 || r.n > 0);
}

/** Concern × depth band: every cell with data, from the combined rollup. */
export async function concernDepthMatrix(
  db: Db,
  groupId: string,
  filter: Pick<OutcomeFilter, "indication" | "depthBand"> = {},
): Promise<MatrixCell[]> {
  const cells: { indication: Indication; depthBand: DepthBand }[] = [];
  for (const indication of Concerns.INDICATIONS) {
    if (filter.indication && filter.indication !== indication) continue;
    for (const depthBand of Schedule.DEPTH_BANDS) {
      if (filter.depthBand && filter.depthBand !== depthBand) continue;
      cells.push({ indication, depthBand });
    }
  }
  const refs = cells.map((c) => ({
    dimension: "CONCERN_DEPTH_BAND" as const,
    value: concernDepthValue(c.indication, c.depthBand),
  }));
  const totals = await readRollups(db, groupId, refs);
  return cells
    .map((c, i) => ({
      ...c,
      row: summaryRow(
        refs[i]!.value,
        `${Concerns.INDICATION_LABELS[c.indication]}, ${DEPTH_LABEL(c.depthBand)}`,
        totals.get(`CONCERN_DEPTH_BAND#${refs[i]!.value}`) ?? emptyTotals(),
      ),
    }))
    .filter((c) => c.row.sessions > 0 || c.row.n > 0);
}

/** Every session of the group once: the SITE rollup partitions sessions (each has one site). */
export async function groupTotals(db: Db, groupId: string): Promise<RollupTotals> {
  const sites = await listSites(db, groupId);
  const totals = await readRollups(
    db,
    groupId,
    sites.map((s) => ({ dimension: "SITE" as const, value: s.id })),
  );
  const sum = emptyTotals();
  for (const t of totals.values()) {
    sum.sessions += t.sessions;
    sum.adverseEvents += t.adverseEvents;
    sum.adverseEventsRecorded += t.adverseEventsRecorded;
  }
  return sum;
}

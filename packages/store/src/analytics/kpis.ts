import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import {
  daysBetween,
  Kpi,
  Settings,
  type Device,
  type FitzpatrickType,
  type Indication,
  type IntervalAdherence,
  type KpiId,
  type KpiPlan,
  type Ratio,
} from "@needlework/core";
import type { Db } from "../client";
import { Keys } from "../keys";
import { getItem } from "../clinical/read";
import type { Tx } from "../tx";
import { allOutcomeRecords, type OutcomeFilter } from "./outcomes";
import { filteredTotals, monthRange } from "./summary";

/**
 * Analyst KPIs, each computed by core's one definition (Kpi.KPI_DEFINITIONS).
 *
 * - Adverse events per 100 sessions: from the rollup counters (flat cost: one Query) with any month
 *   range and up to two values the counters keep together (summary.ts filteredTotals): sessions
 *   performed in the months; otherwise from the de-identified outcome records (a paged Query, cost
 *   grows with the records matched).
 * - Course completion, rebooking and time between sessions depend on today's date (a plan becomes
 *   "due", a rebooking window closes), so they cannot be running counters. They read one compact KPI
 *   item per treatment plan (`G#g#KPIPLANS / P#<planId>`, ~200 bytes: dates and counts, no patient
 *   data), written in the same transaction as every plan change: a group's plans are one Query per
 *   ~5,000 plans (1 MB pages), per site through gsi1, and the arithmetic is core's.
 */

export interface KpiPlanFacts {
  id: string;
  groupId: string;
  /** The patient's current site (what a KPI filtered by site counts the plan under). */
  siteId: string;
  startDate: string;
  sessionsPlanned: number;
  intervalWeeks: number;
  sessionDates: readonly string[];
  status: string;
  device?: Device | null | undefined;
}

/**
 * Adds the plan's KPI item to the plan's transaction (an UpdateItem, so no read): its schedule and
 * the dates of its sessions, at `plan.siteId`, which callers set to the PATIENT's current site (not
 * the site the plan is held at: clinical/patient-facts.ts); the concern indications and the
 * patient's Fitzpatrick type when the caller knows them (they are kept from an earlier write
 * otherwise; a `fitzpatrick` of null removes it). Type and site are the patient's current ones: a
 * change of either rewrites every plan's item (analytics/recount.ts).
 */
export function addKpiPlan(
  tx: Tx,
  plan: KpiPlanFacts,
  facts: {
    indications?: readonly Indication[] | undefined;
    fitzpatrick?: FitzpatrickType | null | undefined;
  } = {},
): void {
  const sets: string[] = [
    "#type = :type",
    "gsi1pk = :gpk",
    "gsi1sk = :gsk",
    "siteId = :site",
    "startOn = :start",
    "sessionsPlanned = :planned",
    "intervalWeeks = :interval",
    "sessionDates = :dates",
    "cancelled = :cancelled",
  ];
  const values: Record<string, unknown> = {
    ":type": "KpiPlan",
    ":gpk": Keys.kpiPlansBySiteGsi(plan.groupId, plan.siteId),
    ":gsk": `${plan.startDate}#${plan.id}`,
    ":site": plan.siteId,
    ":start": plan.startDate,
    ":planned": plan.sessionsPlanned,
    ":interval": plan.intervalWeeks,
    ":dates": [...plan.sessionDates].sort(),
    ":cancelled": plan.status === "CANCELLED",
  };
  if (plan.device) {
    sets.push("device = :device");
    values[":device"] = plan.device;
  }
  if (facts.indications?.length) {
    sets.push("indications = :ind");
    values[":ind"] = [...new Set(facts.indications)].sort();
  }
  if (facts.fitzpatrick) {
    sets.push("fitzpatrick = :fitz");
    values[":fitz"] = facts.fitzpatrick;
  }
  // null: the patient's type was cleared (undefined keeps what the item has).
  const remove = facts.fitzpatrick === null ? " REMOVE fitzpatrick" : "";
  tx.update(Keys.kpiPlan(plan.groupId, plan.id), {
    update: `SET ${sets.join(", ")}${remove}`,
    names: { "#type": "type" },
    values,
  });
}

/** The KPI item built by hand (the demo seed writes these directly). */
export function kpiPlanItem(
  plan: KpiPlanFacts,
  facts: {
    indications?: readonly Indication[] | undefined;
    fitzpatrick?: FitzpatrickType | null | undefined;
  } = {},
): Record<string, unknown> {
  return {
    ...Keys.kpiPlan(plan.groupId, plan.id),
    type: "KpiPlan",
    gsi1pk: Keys.kpiPlansBySiteGsi(plan.groupId, plan.siteId),
    gsi1sk: `${plan.startDate}#${plan.id}`,
    siteId: plan.siteId,
    startOn: plan.startDate,
    sessionsPlanned: plan.sessionsPlanned,
    intervalWeeks: plan.intervalWeeks,
    sessionDates: [...plan.sessionDates].sort(),
    cancelled: plan.status === "CANCELLED",
    ...(plan.device ? { device: plan.device } : {}),
    ...(facts.indications?.length ? { indications: [...new Set(facts.indications)].sort() } : {}),
    ...(facts.fitzpatrick ? { fitzpatrick: facts.fitzpatrick } : {}),
  };
}

/** Plan filters: what a plan has (site, start date, concerns, Fitzpatrick type, its device). */
const PLAN_FILTERS = ["siteId", "from", "to", "indication", "fitzpatrick", "device"] as const;

/** Every KPI item matching the filter, following pages; `queries` is what it cost. */
export async function loadKpiPlans(
  db: Db,
  groupId: string,
  f: OutcomeFilter,
): Promise<{ plans: KpiPlan[]; queries: number }> {
  const values: Record<string, unknown> = {};
  const filters: string[] = [];
  let query: Omit<QueryCommandInput, "TableName">;
  // Plans that started in the filter's months (compared by month, as the outcome records and the
  // summaries): "2026-03" sorts before every March date, "2026-03~" after them.
  const months = monthRange(f);
  const from = months?.from ?? null;
  const to = months?.to ? `${months.to}~` : null;
  if (f.siteId) {
    values[":pk"] = Keys.kpiPlansBySiteGsi(groupId, f.siteId);
    values[":lo"] = from ?? "0000-00-00";
    values[":hi"] = to ?? "9999-99-99~";
    query = { IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :lo AND :hi" };
  } else {
    values[":pk"] = Keys.kpiPlan(groupId, "").pk;
    query = { KeyConditionExpression: "pk = :pk" };
    if (from) {
      filters.push("startOn >= :from");
      values[":from"] = from;
    }
    if (to) {
      filters.push("startOn <= :to");
      values[":to"] = to;
    }
  }
  if (f.indication) {
    filters.push("contains(indications, :ind)");
    values[":ind"] = f.indication;
  }
  if (f.fitzpatrick) {
    filters.push("fitzpatrick = :fitz");
    values[":fitz"] = f.fitzpatrick;
  }
  if (f.device) {
    filters.push("device = :device");
    values[":device"] = f.device;
  }
  const plans: KpiPlan[] = [];
  let start: Record<string, unknown> | undefined;
  let queries = 0;
  do {
    const res = await db.doc.send(
      new QueryCommand({
        ...query,
        TableName: db.tableName,
        ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
        ExpressionAttributeValues: values,
        ProjectionExpression: "startOn, sessionsPlanned, intervalWeeks, sessionDates, cancelled",
        ExclusiveStartKey: start,
      }),
    );
    queries++;
    for (const it of res.Items ?? []) {
      plans.push({
        startOn: String(it.startOn),
        sessionsPlanned: Number(it.sessionsPlanned),
        intervalWeeks: Number(it.intervalWeeks),
        sessionDates: (it.sessionDates as string[] | undefined) ?? [],
        cancelled: it.cancelled === true,
      });
    }
    start = res.LastEvaluatedKey;
  } while (start);
  return { plans, queries };
}

export type KpiSource = "ROLLUPS" | "PLANS" | "OUTCOME_RECORDS";

export interface KpiValue extends Ratio {
  id: KpiId;
  name: string;
  unit: string;
  definition: string;
  source: KpiSource;
  /** The filter fields this KPI applied; the others do not describe what it counts. */
  filtersApplied: string[];
}

export interface IntervalKpi extends KpiValue, IntervalAdherence {}

export interface KpiReport {
  asOf: string;
  graceDays: number;
  courseCompletion: KpiValue;
  rebooking: KpiValue;
  adverseEvents: KpiValue;
  timeBetweenSessions: IntervalKpi;
  /** What producing the report read: plans counted and DynamoDB calls by source. */
  plansCounted: number;
}

const setFields = (f: OutcomeFilter): (keyof OutcomeFilter)[] =>
  (Object.keys(f) as (keyof OutcomeFilter)[]).filter((k) => f[k] != null && f[k] !== "");

function definition(id: KpiId): Pick<KpiValue, "id" | "name" | "unit" | "definition"> {
  const d = Kpi.KPI_DEFINITIONS[id];
  return { id, name: d.name, unit: d.unit, definition: d.definition };
}

/** Adverse events per 100 sessions: from rollups when they answer the filter exactly. */
async function adverseEventKpi(db: Db, groupId: string, f: OutcomeFilter): Promise<KpiValue> {
  const set = setFields(f);
  // Sessions performed in the filter's months (the summaries' rule), from the counters when they
  // can answer the filter (analytics/summary.ts filteredTotals).
  const totals = await filteredTotals(db, groupId, f);
  if (totals) {
    return {
      ...definition("adverseEventRatePer100"),
      ...Kpi.ratioFromCounts(totals.adverseEvents, totals.sessions),
      source: "ROLLUPS",
      filtersApplied: set,
    };
  }
  // Filters the counters cannot answer: the outcome records carry sessions and counted events per
  // concern (courses that started in the months).
  const records = await allOutcomeRecords(db, groupId, f);
  const sessions = records.reduce((a, r) => a + r.sessionCount, 0);
  const events = records.reduce((a, r) => a + r.adverseEventsCounted, 0);
  return {
    ...definition("adverseEventRatePer100"),
    ...Kpi.ratioFromCounts(events, sessions),
    source: "OUTCOME_RECORDS",
    filtersApplied: set,
  };
}

/** Σ(actual − planned days) over consecutive sessions: the numerator of core's mean deviation. */
function totalDeviationDays(plans: readonly KpiPlan[]): number {
  let sum = 0;
  for (const p of plans) {
    const d = [...p.sessionDates].sort();
    for (let i = 1; i < d.length; i++) sum += daysBetween(d[i - 1]!, d[i]!) - p.intervalWeeks * 7;
  }
  return sum;
}

export async function kpiReport(db: Db, groupId: string, f: OutcomeFilter, asOf: string): Promise<KpiReport> {
  const settingsItem = await getItem(db, Keys.settings(groupId));
  const grace = Number(settingsItem?.rebookingGraceDays ?? Settings.DEFAULT_SETTINGS.rebookingGraceDays);
  const planFilters = setFields(f).filter((k) => (PLAN_FILTERS as readonly string[]).includes(k));
  const [{ plans }, adverseEvents] = await Promise.all([
    loadKpiPlans(db, groupId, f),
    adverseEventKpi(db, groupId, f),
  ]);
  const intervals = Kpi.timeBetweenSessionsVsPlan(plans, grace);
  return {
    asOf,
    graceDays: grace,
    courseCompletion: {
      ...definition("courseCompletionRate"),
      ...Kpi.courseCompletionRate(plans, asOf, grace),
      source: "PLANS",
      filtersApplied: planFilters,
    },
    rebooking: {
      ...definition("rebookingRate"),
      ...Kpi.rebookingRate(plans, asOf, grace),
      source: "PLANS",
      filtersApplied: planFilters,
    },
    adverseEvents,
    timeBetweenSessions: {
      ...definition("timeBetweenSessionsVsPlan"),
      ...intervals,
      numerator: totalDeviationDays(plans),
      denominator: intervals.gaps,
      value: intervals.meanDeviationDays,
      source: "PLANS",
      filtersApplied: planFilters,
    },
    plansCounted: plans.length,
  };
}

import { expect } from "vitest";
import {
  Kpi,
  Scales,
  Schedule,
  type ImprovementDimension,
  type ImprovementRow,
  type KpiPlan,
  type ScaleId,
  type Zone,
} from "@needlework/core";
import { toGlobalId } from "@needlework/api";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { Keys } from "@needlework/store";
import type { TestApi } from "../support/api";
import { readCollections, TODAY, type Item, type Raw } from "./cohort";

/**
 * Every analytics answer of a group against a recomputation from the patients' collections as they
 * are now (the rule of test/analytics/summary.test.ts, with every patient counted under the
 * Fitzpatrick type and site of its profile today): outcome summaries (sessions, adverse events and
 * improvement per dimension value), the de-identified outcome records (filtered by Fitzpatrick type
 * too) and the KPIs (unfiltered and per Fitzpatrick type). Used after a Fitzpatrick type changes and
 * after a patient is erased.
 */
interface Measured extends ImprovementRow {
  bands: string[];
  serums: string[];
}

function measurements(raw: Raw): Measured[] {
  const rows: Measured[] = [];
  for (const c of raw.concerns) {
    const scored = raw.assessments.filter((a) => a.concernId === c.id);
    const scales = [...new Set(scored.map((a) => a.scale as ScaleId))];
    const profile = raw.profiles.find((p) => p.id === c.patientId)!;
    const sessions = raw.sessions.filter((s) => (s.concernIds as string[]).includes(String(c.id)));
    const inArea = sessions.some((s) => (s.zones as { zone: Zone }[]).some((z) => z.zone === c.bodyArea));
    const zones = sessions.flatMap((s) =>
      (s.zones as { zone: Zone; depthMm: number }[]).filter((z) => !inArea || z.zone === c.bodyArea),
    );
    const serums = sessions.flatMap((s) =>
      (s.serums as { serumId: string; zone: Zone }[]).filter((x) => !inArea || x.zone === c.bodyArea),
    );
    for (const scale of scales) {
      const onScale = scored
        .filter((a) => a.scale === scale)
        .sort((a, b) =>
          `${String(a.assessedOn)}#${String(a.id)}`.localeCompare(`${String(b.assessedOn)}#${String(b.id)}`),
        );
      const base =
        scale === c.baselineScale
          ? { score: Number(c.baselineScore), on: String(c.baselineOn) }
          : Scales.SCALES[scale].kind === "CHANGE"
            ? { score: Scales.GAIS_NO_CHANGE, on: String(c.baselineOn) }
            : { score: Number(onScale[0]!.score), on: String(onScale[0]!.assessedOn) };
      const latest = onScale.at(-1)!;
      if (String(latest.assessedOn) <= base.on) continue;
      rows.push({
        scale,
        baseline: base.score,
        latest: Number(latest.score),
        indication: String(c.indication),
        fitzpatrick: (profile.fitzpatrick as string | undefined) ?? null,
        site: String(profile.siteId),
        bands: [...new Set(zones.map((z) => Schedule.depthBand(z.depthMm)))],
        serums: [...new Set(serums.map((x) => x.serumId))],
      });
    }
  }
  return rows;
}

function expand(rows: readonly Measured[], field: ImprovementDimension): ImprovementRow[] {
  return rows.flatMap((r) => {
    if (field === "depthBand") return r.bands.map((depthBand) => ({ ...r, depthBand }));
    if (field === "serum") return r.serums.map((serum) => ({ ...r, serum }));
    return r[field] == null ? [] : [r];
  });
}

interface SummaryRowOut {
  key: string;
  n: number;
  sessions: number;
  adverseEvents: number;
  byScale: {
    scale: string;
    n: number;
    meanImprovement: number;
    meanImprovementPercent: number | null;
    improvedShare: number;
  }[];
}

async function summary(api: TestApi, groupBy: string): Promise<SummaryRowOut[]> {
  const r = await api.gql<{ outcomeSummary: { rows: SummaryRowOut[] } }>(
    `query($g: OutcomeDimension!) { outcomeSummary(groupBy: $g) { rows { key n sessions adverseEvents byScale { scale n meanImprovement meanImprovementPercent improvedShare } } } }`,
    { g: groupBy },
    api.users.leo,
  );
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.outcomeSummary.rows;
}

async function outcomeRecords(
  api: TestApi,
  filter: Record<string, unknown> | null,
): Promise<{ fitzpatrick: string | null; indication: string }[]> {
  const out: { fitzpatrick: string | null; indication: string }[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const r: Awaited<
      ReturnType<
        typeof api.gql<{
          outcomeRecords: {
            edges: { node: { fitzpatrick: string | null; indication: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }>
      >
    > = await api.gql(
      `query($f: OutcomeFilter, $after: String) { outcomeRecords(filter: $f, first: 100, after: $after) { edges { node { fitzpatrick indication } } pageInfo { hasNextPage endCursor } } }`,
      { f: filter, after },
      api.users.leo,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    out.push(...r.data!.outcomeRecords.edges.map((e) => e.node));
    if (!r.data!.outcomeRecords.pageInfo.hasNextPage) return out;
    after = r.data!.outcomeRecords.pageInfo.endCursor;
  }
  throw new Error("paging did not end");
}

interface KpisOut {
  plansCounted: number;
  courseCompletion: { numerator: number; denominator: number };
  rebooking: { numerator: number; denominator: number };
  adverseEvents: { numerator: number; denominator: number; source: string };
}

async function kpis(api: TestApi, filter: Record<string, unknown> | null): Promise<KpisOut> {
  const r = await api.gql<{ kpis: KpisOut }>(
    `query($f: OutcomeFilter, $d: Date) { kpis(filter: $f, asOf: $d) { plansCounted courseCompletion { numerator denominator } rebooking { numerator denominator } adverseEvents { numerator denominator source } } }`,
    { f: filter, d: TODAY },
    api.users.leo,
  );
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.kpis;
}

type AdverseEventLike = { type: "PIH"; onsetOn: string; durationDays?: number };

/**
 * Reads the collections of `patientIds` (local ids; every patient of the group that has any record)
 * and asserts that summaries, outcome records and KPIs agree with them. `fitzpatrick` lists the types
 * to check the filtered answers for. Returns what was read.
 */
export async function expectAnalyticsAgree(
  api: TestApi,
  groupId: string,
  patientIds: readonly string[],
  opts: { fitzpatrick: readonly string[] },
): Promise<Raw> {
  const raw = await readCollections(api, groupId, [...patientIds]);
  // A patient being erased has no profile: what is left of it is counted under the type and site
  // its erasure item keeps until the end.
  for (const id of patientIds) {
    if (raw.profiles.some((p) => p.id === id)) continue;
    const got = await api.db.doc.send(
      new GetCommand({
        TableName: api.db.tableName,
        Key: Keys.patientErasure(groupId, id),
        ConsistentRead: true,
      }),
    );
    if (got.Item?.status === "ERASING") raw.profiles.push(got.Item);
  }
  const profileOf = (it: Item) => raw.profiles.find((p) => p.id === it.patientId);
  // Records of patients without a profile (erased) must be gone with their collection.
  for (const kind of [raw.sessions, raw.assessments, raw.plans, raw.concerns])
    for (const it of kind)
      expect(profileOf(it), `a record without its profile: ${String(it.sk)}`).toBeTruthy();

  // 1. Sessions and adverse events per dimension value.
  const valuesOf: Record<string, (s: Item) => string[]> = {
    CONCERN: (s) => [...new Set(s.indications as string[])],
    DEPTH_BAND: (s) => [
      ...new Set((s.zones as { depthMm: number }[]).map((z) => Schedule.depthBand(z.depthMm))),
    ],
    DEVICE: (s) => [String(s.device)],
    SITE: (s) => [toGlobalId("Site", String(s.siteId))],
    PRACTITIONER: (s) => [toGlobalId("User", String(s.practitionerId))],
    SERUM: (s) => [
      ...new Set((s.serums as { serumId: string }[]).map((x) => toGlobalId("SerumAddOn", x.serumId))),
    ],
    FITZPATRICK: (s) => {
      const f = profileOf(s)?.fitzpatrick as string | undefined;
      return f ? [f] : [];
    },
  };
  const summaries = new Map<string, SummaryRowOut[]>();
  for (const [dimension, values] of Object.entries(valuesOf)) {
    const expected = new Map<string, { sessions: number; adverseEvents: number }>();
    for (const s of raw.sessions) {
      const events = (s.adverseEvents as AdverseEventLike[]).filter((e) =>
        Kpi.countsAsAdverseEvent(e),
      ).length;
      for (const v of values(s)) {
        const e = expected.get(v) ?? { sessions: 0, adverseEvents: 0 };
        e.sessions++;
        e.adverseEvents += events;
        expected.set(v, e);
      }
    }
    const rows = await summary(api, dimension);
    summaries.set(dimension, rows);
    const got = new Map(
      rows
        .filter((r) => r.sessions !== 0 || r.adverseEvents !== 0)
        .map((r) => [r.key, { sessions: r.sessions, adverseEvents: r.adverseEvents }]),
    );
    expect(got, `${dimension}: sessions and adverse events`).toEqual(expected);
  }

  // 2. Mean improvement per dimension value and scale (core's meanImprovement).
  const rows = measurements(raw);
  const cases: [string, ImprovementDimension, (v: string) => string][] = [
    ["CONCERN", "indication", (v) => v],
    ["DEPTH_BAND", "depthBand", (v) => v],
    ["SERUM", "serum", (v) => toGlobalId("SerumAddOn", v)],
    ["FITZPATRICK", "fitzpatrick", (v) => v],
    ["SITE", "site", (v) => toGlobalId("Site", v)],
  ];
  for (const [dimension, field, keyOf] of cases) {
    const expected = Kpi.meanImprovement(expand(rows, field), [field]);
    const got = summaries.get(dimension)!;
    for (const g of expected) {
      const row = got.find((r) => r.key === keyOf(String(g.key[field])));
      expect(
        row?.byScale.find((b) => b.scale === g.scale),
        `${dimension} ${String(g.key[field])} ${g.scale}`,
      ).toMatchObject({
        n: g.n,
        meanImprovement: g.meanAbsolute,
        meanImprovementPercent: g.meanPercent,
        improvedShare: g.improvedShare,
      });
    }
    // Nothing counted that the records do not have (a contribution left behind would show here).
    const perScale = (list: { scale: string; n: number }[]) =>
      list.reduce<Record<string, number>>((a, b) => ({ ...a, [b.scale]: (a[b.scale] ?? 0) + b.n }), {});
    expect(perScale(got.flatMap((r) => r.byScale)), `${dimension}: measurements per scale`).toEqual(
      perScale(expected.map((g) => ({ scale: g.scale, n: g.n }))),
    );
  }

  // 3. Outcome records: one per concern with a session or an assessment, with the current type.
  const treated = raw.concerns.filter(
    (c) =>
      raw.sessions.some((s) => (s.concernIds as string[]).includes(String(c.id))) ||
      raw.assessments.some((a) => a.concernId === c.id),
  );
  const records = await outcomeRecords(api, null);
  expect(records, "outcome records").toHaveLength(treated.length);
  const typeOf = (c: Item) => (profileOf(c)?.fitzpatrick as string | undefined) ?? null;
  expect(records.map((r) => `${r.indication}/${r.fitzpatrick}`).sort()).toEqual(
    treated.map((c) => `${String(c.indication)}/${typeOf(c)}`).sort(),
  );
  for (const f of opts.fitzpatrick) {
    const filtered = await outcomeRecords(api, { fitzpatrick: f });
    expect(filtered, `outcome records of Fitzpatrick ${f}`).toHaveLength(
      treated.filter((c) => typeOf(c) === f).length,
    );
    for (const r of filtered) expect(r.fitzpatrick).toBe(f);
  }

  // 4. KPIs: over the plans (per type: the plans of patients of that type now) and the sessions.
  const toKpi = (p: Item): KpiPlan => ({
    startOn: String(p.startDate),
    sessionsPlanned: Number(p.sessionsPlanned),
    intervalWeeks: Number(p.intervalWeeks),
    sessionDates: (p.sessionDates as string[]) ?? [],
    cancelled: p.status === "CANCELLED",
  });
  const kpiCases: [Record<string, unknown> | null, (it: Item) => boolean][] = [
    [null, () => true],
    ...opts.fitzpatrick.map((f): [Record<string, unknown>, (it: Item) => boolean] => [
      { fitzpatrick: f },
      (it) => profileOf(it)?.fitzpatrick === f,
    ]),
  ];
  for (const [filter, keep] of kpiCases) {
    const plans = raw.plans.filter(keep).map(toKpi);
    const sessions = raw.sessions.filter(keep);
    const got = await kpis(api, filter);
    const label = JSON.stringify(filter);
    expect(got.plansCounted, `${label}: plans`).toBe(plans.length);
    const cc = Kpi.courseCompletionRate(plans, TODAY, 14);
    const rb = Kpi.rebookingRate(plans, TODAY, 14);
    expect(got.courseCompletion, `${label}: course completion`).toEqual({
      numerator: cc.numerator,
      denominator: cc.denominator,
    });
    expect(got.rebooking, `${label}: rebooking`).toEqual({
      numerator: rb.numerator,
      denominator: rb.denominator,
    });
    const ae = Kpi.adverseEventRatePer100(
      sessions.length,
      sessions.flatMap((s) => s.adverseEvents as AdverseEventLike[]),
    );
    expect(got.adverseEvents, `${label}: adverse events`).toMatchObject({
      numerator: ae.numerator,
      denominator: ae.denominator,
      source: "ROLLUPS",
    });
  }
  return raw;
}

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
  /** The course's start month: its first session's, or its baseline's before any session. */
  startMonth: string;
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
    const startMonth =
      sessions.map((s) => String(s.performedOn).slice(0, 7)).sort()[0] ?? String(c.baselineOn).slice(0, 7);
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
        startMonth,
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

// ---- Per site: where a patient's records are counted --------------------------------------------

type Range = { from?: string; to?: string };
const inMonths = (m: string, r: Range): boolean =>
  (!r.from || m >= r.from.slice(0, 7)) && (!r.to || m <= r.to.slice(0, 7));

interface Totals {
  sessions: number;
  adverseEvents: number;
  byScale: Map<string, { n: number; sum: number }>;
}
const emptyTotals = (): Totals => ({ sessions: 0, adverseEvents: 0, byScale: new Map() });

function addSession(t: Totals, s: Item): void {
  t.sessions++;
  t.adverseEvents += (s.adverseEvents as AdverseEventLike[]).filter((e) =>
    Kpi.countsAsAdverseEvent(e),
  ).length;
}
function addMeasurement(t: Totals, m: Measured): void {
  const b = t.byScale.get(m.scale) ?? { n: 0, sum: 0 };
  b.n++;
  b.sum += Scales.improvement(m.scale, m.baseline, m.latest).absolute;
  t.byScale.set(m.scale, b);
}

/** Rows as the API answers them, zero rows dropped, for comparing with Totals. */
function expectRows(
  label: string,
  got: {
    key: string;
    sessions: number;
    adverseEvents: number;
    byScale: { scale: string; n: number; meanImprovement: number }[];
  }[],
  expected: Map<string, Totals>,
): void {
  const nonZero = (t: { sessions: number; adverseEvents: number; n: number }) =>
    t.sessions !== 0 || t.adverseEvents !== 0 || t.n !== 0;
  const gotMap = new Map(
    got
      .map((r) => ({
        key: r.key,
        sessions: r.sessions,
        adverseEvents: r.adverseEvents,
        n: r.byScale.reduce((a, b) => a + b.n, 0),
        byScale: Object.fromEntries(
          r.byScale.filter((b) => b.n !== 0).map((b) => [b.scale, { n: b.n, mean: b.meanImprovement }]),
        ),
      }))
      .filter(nonZero)
      .map((r) => [r.key, r]),
  );
  const wantMap = new Map(
    [...expected.entries()]
      .map(([key, t]) => ({
        key,
        sessions: t.sessions,
        adverseEvents: t.adverseEvents,
        n: [...t.byScale.values()].reduce((a, b) => a + b.n, 0),
        byScale: Object.fromEntries(
          [...t.byScale.entries()].map(([s, b]) => [s, { n: b.n, mean: b.sum / b.n }]),
        ),
      }))
      .filter(nonZero)
      .map((r) => [r.key, r]),
  );
  expect([...gotMap.keys()].sort(), `${label}: rows`).toEqual([...wantMap.keys()].sort());
  for (const [key, want] of wantMap) {
    const g = gotMap.get(key)!;
    expect({ sessions: g.sessions, adverseEvents: g.adverseEvents }, `${label} ${key}: sessions`).toEqual({
      sessions: want.sessions,
      adverseEvents: want.adverseEvents,
    });
    expect(Object.keys(g.byScale).sort(), `${label} ${key}: scales`).toEqual(
      Object.keys(want.byScale).sort(),
    );
    for (const [scale, w] of Object.entries(want.byScale)) {
      expect(g.byScale[scale]!.n, `${label} ${key} ${scale}: n`).toBe(w.n);
      expect(g.byScale[scale]!.mean, `${label} ${key} ${scale}: mean`).toBeCloseTo(w.mean, 6);
    }
  }
}

const ROW = `key sessions adverseEvents byScale { scale n meanImprovement }`;

/**
 * The per-site answers against a recomputation, with the rule for where a patient's records are
 * counted: a session at the site where it was performed (its own `siteId`), a course (outcome record)
 * and a plan (KPIs) at the patient's site on its profile now. For each of `sites` (local ids), with
 * and without `range`: outcome records filtered by the site, outcomeSummary grouped by CONCERN
 * filtered by the site, outcomeSummary grouped by SITE, concernDepthMatrix filtered by the site,
 * and kpis filtered by the site.
 */
export async function expectSitesAgree(
  api: TestApi,
  groupId: string,
  patientIds: readonly string[],
  opts: { sites: readonly string[]; range: Range },
): Promise<Raw> {
  const raw = await readCollections(api, groupId, [...patientIds]);
  const siteOf = (it: Item) => String(raw.profiles.find((p) => p.id === it.patientId)!.siteId);
  const measured = measurements(raw);
  const ask = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const r = await api.gql<T>(query, variables, api.users.leo);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };
  const bandsOf = (s: Item) => [
    ...new Set((s.zones as { depthMm: number }[]).map((z) => Schedule.depthBand(z.depthMm))),
  ];
  const performedIn = (s: Item, r: Range) => inMonths(String(s.performedOn).slice(0, 7), r);

  for (const range of [{}, opts.range] as Range[]) {
    const label = JSON.stringify(range);
    // SITE: sessions where performed, courses at the patient's site.
    const bySite = new Map<string, Totals>();
    const at = (m: Map<string, Totals>, k: string) => m.get(k) ?? m.set(k, emptyTotals()).get(k)!;
    for (const s of raw.sessions.filter((s) => performedIn(s, range)))
      addSession(at(bySite, toGlobalId("Site", String(s.siteId))), s);
    for (const m of measured.filter((m) => inMonths(m.startMonth, range)))
      addMeasurement(at(bySite, toGlobalId("Site", String(m.site))), m);
    const siteRows = await ask<{ outcomeSummary: { rows: Parameters<typeof expectRows>[1] } }>(
      `query($f: OutcomeFilter) { outcomeSummary(groupBy: SITE, filter: $f) { rows { ${ROW} } } }`,
      { f: range },
    );
    expectRows(`SITE ${label}`, siteRows.outcomeSummary.rows, bySite);

    for (const site of opts.sites) {
      const f = { ...range, siteId: toGlobalId("Site", site) };
      const sl = `${site} ${label}`;
      const sessions = raw.sessions.filter((s) => s.siteId === site && performedIn(s, range));
      const courses = measured.filter((m) => m.site === site && inMonths(m.startMonth, range));

      // Concern summary filtered by the site.
      const byConcern = new Map<string, Totals>();
      for (const s of sessions)
        for (const i of new Set(s.indications as string[])) addSession(at(byConcern, i), s);
      for (const m of courses) addMeasurement(at(byConcern, String(m.indication)), m);
      const concernRows = await ask<{ outcomeSummary: { rows: Parameters<typeof expectRows>[1] } }>(
        `query($f: OutcomeFilter) { outcomeSummary(groupBy: CONCERN, filter: $f) { rows { ${ROW} } } }`,
        { f },
      );
      expectRows(`CONCERN at ${sl}`, concernRows.outcomeSummary.rows, byConcern);

      // The matrix filtered by the site: concern × depth band.
      const cells = new Map<string, Totals>();
      for (const s of sessions)
        for (const i of new Set(s.indications as string[]))
          for (const b of bandsOf(s)) addSession(at(cells, `${i}|${b}`), s);
      for (const m of courses) for (const b of m.bands) addMeasurement(at(cells, `${m.indication}|${b}`), m);
      const matrix = await ask<{
        concernDepthMatrix: {
          indication: string;
          depthBand: string;
          summary: Parameters<typeof expectRows>[1][number];
        }[];
      }>(
        `query($f: OutcomeFilter) { concernDepthMatrix(filter: $f) { indication depthBand summary { ${ROW} } } }`,
        { f },
      );
      expectRows(
        `matrix at ${sl}`,
        matrix.concernDepthMatrix.map((c) => ({ ...c.summary, key: `${c.indication}|${c.depthBand}` })),
        cells,
      );

      // Outcome records of the site: one per treated concern of its patients (courses started in the months).
      const treated = raw.concerns.filter((c) => {
        if (siteOf(c) !== site) return false;
        const mine = raw.sessions.filter((s) => (s.concernIds as string[]).includes(String(c.id)));
        if (mine.length === 0 && !raw.assessments.some((a) => a.concernId === c.id)) return false;
        const start =
          mine.map((s) => String(s.performedOn).slice(0, 7)).sort()[0] ?? String(c.baselineOn).slice(0, 7);
        return inMonths(start, range);
      });
      const records: { site: { id: string }; indication: string }[] = [];
      let after: string | null = null;
      do {
        const page: {
          outcomeRecords: {
            edges: { node: { site: { id: string }; indication: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } = await ask(
          `query($f: OutcomeFilter, $after: String) { outcomeRecords(filter: $f, first: 100, after: $after) { edges { node { site { id } indication } } pageInfo { hasNextPage endCursor } } }`,
          { f, after },
        );
        records.push(...page.outcomeRecords.edges.map((e) => e.node));
        after = page.outcomeRecords.pageInfo.hasNextPage ? page.outcomeRecords.pageInfo.endCursor : null;
      } while (after);
      expect(records.map((r) => r.indication).sort(), `outcome records at ${sl}`).toEqual(
        treated.map((c) => String(c.indication)).sort(),
      );
      for (const r of records) expect(r.site.id).toBe(toGlobalId("Site", site));

      // KPIs of the site: plans of its patients (started in the months), sessions performed there.
      const plans = raw.plans
        .filter((p) => siteOf(p) === site && inMonths(String(p.startDate).slice(0, 7), range))
        .map((p): KpiPlan => ({
          startOn: String(p.startDate),
          sessionsPlanned: Number(p.sessionsPlanned),
          intervalWeeks: Number(p.intervalWeeks),
          sessionDates: (p.sessionDates as string[]) ?? [],
          cancelled: p.status === "CANCELLED",
        }));
      const got = (
        await ask<{ kpis: KpisOut }>(
          `query($f: OutcomeFilter, $d: Date) { kpis(filter: $f, asOf: $d) { plansCounted courseCompletion { numerator denominator } rebooking { numerator denominator } adverseEvents { numerator denominator source } } }`,
          { f, d: TODAY },
        )
      ).kpis;
      expect(got.plansCounted, `KPIs at ${sl}: plans`).toBe(plans.length);
      const cc = Kpi.courseCompletionRate(plans, TODAY, 14);
      const rb = Kpi.rebookingRate(plans, TODAY, 14);
      expect(got.courseCompletion, `KPIs at ${sl}: course completion`).toEqual({
        numerator: cc.numerator,
        denominator: cc.denominator,
      });
      expect(got.rebooking, `KPIs at ${sl}: rebooking`).toEqual({
        numerator: rb.numerator,
        denominator: rb.denominator,
      });
      const ae = Kpi.adverseEventRatePer100(
        sessions.length,
        sessions.flatMap((s) => s.adverseEvents as AdverseEventLike[]),
      );
      expect(got.adverseEvents, `KPIs at ${sl}: adverse events`).toMatchObject({
        numerator: ae.numerator,
        denominator: ae.denominator,
        source: "ROLLUPS",
      });
    }
  }
  return raw;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Concerns,
  Kpi,
  Scales,
  Schedule,
  type DepthBand,
  type ImprovementDimension,
  type ImprovementRow,
  type Indication,
  type KpiPlan,
  type ScaleId,
  type Zone,
} from "@needlework/core";
import { Analytics, resetCounter } from "@needlework/store";
import { demoGroups } from "@needlework/store/local";
import { parseGlobalId, toGlobalId } from "@needlework/api";
import { startTestApi, type TestApi } from "../support/api";
import { readCollections, recordCohort, TODAY, type Item, type Raw } from "./cohort";

/**
 * Summaries and KPIs equal a recomputation from the raw records: the test reads every patient
 * collection itself (sessions, assessments, concerns, plans) and recomputes each figure with core's
 * functions (depth bands, improvement, adverse-event rule, KPI definitions), then compares with what
 * the API answers from the rollups and the KPI items. It also checks that the de-identified outcome
 * records give the same improvement as the rollups.
 */
interface Measured extends ImprovementRow {
  concernId: string;
  bands: string[];
  serums: string[];
}

/** Per concern and scale, the latest score after the scale's baseline (the documented rule). */
function measurements(raw: Raw): Measured[] {
  const rows: Measured[] = [];
  for (const c of raw.concerns) {
    const scored = raw.assessments.filter((a) => a.concernId === c.id);
    const scales = [...new Set(scored.map((a) => a.scale as ScaleId))];
    const profile = raw.profiles.find((p) => p.id === c.patientId)!;
    const sessions = raw.sessions.filter((s) => (s.concernIds as string[]).includes(String(c.id)));
    // What was done for the concern: its body area's zones and serums when treated, else everything.
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
        concernId: String(c.id),
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

/** One row per value of a dimension: a concern counts once under each depth band or serum it had. */
function expand(rows: readonly Measured[], field: ImprovementDimension): ImprovementRow[] {
  return rows.flatMap((r) => {
    if (field === "depthBand") return r.bands.map((depthBand) => ({ ...r, depthBand }));
    if (field === "serum") return r.serums.map((serum) => ({ ...r, serum }));
    return r[field] == null ? [] : [r];
  });
}

describe("outcome summaries and KPIs equal a recomputation from the raw records", () => {
  let api: TestApi;
  let raw: Raw;
  beforeAll(async () => {
    api = await startTestApi();
    const created = await recordCohort(api);
    // Every patient of the group: the demo's seeded history counts as much as the cohort's.
    const ids = [
      ...demoGroups()
        .find((g) => g.group.id === "glow")!
        .patients.map((p) => p.id),
      ...created.map((p) => parseGlobalId(p.id)!.localId),
    ];
    raw = await readCollections(api, "glow", ids);
  }, 120_000);
  afterAll(async () => api?.stop());

  const summary = async (groupBy: string, filter?: Record<string, unknown>) => {
    const r = await api.gql<{
      outcomeSummary: {
        rows: {
          key: string;
          n: number;
          sessions: number;
          adverseEvents: number;
          meanImprovement: number | null;
          meanImprovementPercent: number | null;
          byScale: {
            scale: string;
            n: number;
            meanImprovement: number;
            meanImprovementPercent: number | null;
            improvedShare: number;
          }[];
        }[];
      };
    }>(
      `query($g: OutcomeDimension!, $f: OutcomeFilter) { outcomeSummary(groupBy: $g, filter: $f) { rows { key n sessions adverseEvents meanImprovement meanImprovementPercent byScale { scale n meanImprovement meanImprovementPercent improvedShare } } } }`,
      { g: groupBy, f: filter ?? null },
      api.users.leo,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.outcomeSummary.rows;
  };

  it("recorded the cohort (and reads the seeded history too)", () => {
    expect(raw.sessions.length).toBeGreaterThanOrEqual(12);
    expect(raw.assessments.length).toBeGreaterThanOrEqual(9);
    expect(raw.plans.length).toBeGreaterThanOrEqual(5);
  });

  it("sessions and adverse events per concern, depth band, device, site, practitioner, serum and Fitzpatrick type", async () => {
    const profileOf = (s: Item) => raw.profiles.find((p) => p.id === s.patientId)!;
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
      FITZPATRICK: (s) => [String(profileOf(s).fitzpatrick)],
    };
    for (const [dimension, values] of Object.entries(valuesOf)) {
      const expected = new Map<string, { sessions: number; adverseEvents: number }>();
      for (const s of raw.sessions) {
        const events = (s.adverseEvents as { type: "PIH"; onsetOn: string; durationDays?: number }[]).filter(
          (e) => Kpi.countsAsAdverseEvent(e),
        ).length;
        for (const v of values(s)) {
          const e = expected.get(v) ?? { sessions: 0, adverseEvents: 0 };
          e.sessions++;
          e.adverseEvents += events;
          expected.set(v, e);
        }
      }
      const rows = await summary(dimension);
      const got = new Map(
        rows
          .filter((r) => r.sessions > 0)
          .map((r) => [r.key, { sessions: r.sessions, adverseEvents: r.adverseEvents }]),
      );
      expect(got, dimension).toEqual(expected);
    }
  });

  it("mean improvement per concern, depth band, Fitzpatrick type and site, per scale, with core's meanImprovement", async () => {
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
      expect(expected.length, dimension).toBeGreaterThan(0);
      const got = await summary(dimension);
      for (const g of expected) {
        const row = got.find((r) => r.key === keyOf(String(g.key[field])));
        const s = row?.byScale.find((b) => b.scale === g.scale);
        expect(s, `${dimension} ${String(g.key[field])} ${g.scale}`).toMatchObject({
          n: g.n,
          meanImprovement: g.meanAbsolute,
          meanImprovementPercent: g.meanPercent,
          improvedShare: g.improvedShare,
        });
      }
      const measured = got.reduce((a, r) => a + r.n, 0);
      expect(measured, `${dimension}: every measurement accounted for`).toBe(
        expected.reduce((a, g) => a + g.n, 0),
      );
    }
  });

  it("the concern × depth band matrix equals the recomputation, and so does the depth summary filtered by concern", async () => {
    const expected = Kpi.meanImprovement(expand(measurements(raw), "depthBand"), ["indication", "depthBand"]);
    expect(expected.length).toBeGreaterThan(3);
    const r = await api.gql<{
      concernDepthMatrix: {
        indication: Indication;
        depthBand: DepthBand;
        summary: { n: number; byScale: { scale: string; n: number; meanImprovement: number }[] };
      }[];
    }>(
      `{ concernDepthMatrix { indication depthBand summary { n byScale { scale n meanImprovement } } } }`,
      {},
      api.users.leo,
    );
    expect(r.errors).toBeUndefined();
    for (const g of expected) {
      const cell = r.data!.concernDepthMatrix.find(
        (c) => c.indication === g.key.indication && c.depthBand === g.key.depthBand,
      );
      expect(
        cell?.summary.byScale.find((b) => b.scale === g.scale),
        JSON.stringify(g.key),
      ).toMatchObject({ n: g.n, meanImprovement: g.meanAbsolute });
    }
    const acne = await summary("DEPTH_BAND", { indication: "ACNE_SCARRING" });
    const acneExpected = expected.filter((g) => g.key.indication === "ACNE_SCARRING");
    expect(acne.reduce((a, x) => a + x.n, 0)).toBe(acneExpected.reduce((a, g) => a + g.n, 0));
  });

  it("the de-identified outcome records give the rollups' improvement per concern and scale", async () => {
    const records = await Analytics.allOutcomeRecords(api.db, "glow");
    expect(records).toHaveLength(
      raw.concerns.filter(
        (c) =>
          raw.sessions.some((s) => (s.concernIds as string[]).includes(String(c.id))) ||
          raw.assessments.some((a) => a.concernId === c.id),
      ).length,
    );
    const fromRecords: ImprovementRow[] = records.flatMap((r) =>
      [r.outcome, ...r.otherScales]
        .filter((o) => o.latestScore !== null)
        .map((o) => ({
          indication: r.indication,
          scale: o.scale,
          baseline: o.baselineScore,
          latest: o.latestScore!,
        })),
    );
    const expected = Kpi.meanImprovement(fromRecords, ["indication"]);
    expect(expected.length).toBeGreaterThan(3);
    const got = await summary("CONCERN");
    for (const g of expected) {
      const s = got.find((r) => r.key === g.key.indication)?.byScale.find((b) => b.scale === g.scale);
      expect(s, `${String(g.key.indication)} ${g.scale}`).toMatchObject({
        n: g.n,
        meanImprovement: g.meanAbsolute,
      });
    }
  });

  it("a summary costs the same requests whatever the sessions: it never reads a session", async () => {
    resetCounter(api.db);
    await summary("CONCERN");
    const ops = api.db.counter.byOperation;
    expect(ops.Scan).toBeUndefined();
    // The CONCERN partition's all-time items (10 concerns × 8 shards at most): one Query.
    expect(ops.Query).toBe(1);
    // Plus the caller's user check.
    expect(ops.BatchGetItem ?? 0).toBeLessThanOrEqual(1);
  });

  it("filters a summary only where the counters can answer exactly; otherwise BAD_USER_INPUT", async () => {
    const r = await api.gql(
      `{ outcomeSummary(groupBy: SERUM, filter: { fitzpatrick: II }) { rows { key } } }`,
      {},
      api.users.leo,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const site = await summary("SITE", { siteId: toGlobalId("Site", "harbour") });
    expect(site.map((x) => x.key)).toEqual([toGlobalId("Site", "harbour")]);
  });

  it("KPIs equal core's functions over the raw plans and sessions, with their definitions", async () => {
    const plans: KpiPlan[] = raw.plans.map((p) => ({
      startOn: String(p.startDate),
      sessionsPlanned: Number(p.sessionsPlanned),
      intervalWeeks: Number(p.intervalWeeks),
      sessionDates: (p.sessionDates as string[]) ?? [],
      cancelled: p.status === "CANCELLED",
    }));
    const grace = 14;
    const r = await api.gql<{
      kpis: Record<
        string,
        { numerator: number; denominator: number; value: number | null; definition: string; source: string }
      > & { plansCounted: number };
    }>(
      `query($d: Date) { kpis(asOf: $d) { plansCounted
        courseCompletion { numerator denominator value definition source }
        rebooking { numerator denominator value definition source }
        adverseEvents { numerator denominator value definition source }
        timeBetweenSessions { numerator denominator value definition source } } }`,
      { d: TODAY },
      api.users.leo,
    );
    expect(r.errors).toBeUndefined();
    const k = r.data!.kpis;
    // The cohort makes every KPI non-trivial.
    for (const kpi of [k.courseCompletion, k.rebooking, k.adverseEvents, k.timeBetweenSessions])
      expect(kpi!.denominator).toBeGreaterThan(0);
    expect(k.plansCounted).toBe(plans.length);
    expect(k.courseCompletion).toMatchObject({
      ...Kpi.courseCompletionRate(plans, TODAY, grace),
      source: "PLANS",
      definition: Kpi.KPI_DEFINITIONS.courseCompletionRate.definition,
    });
    expect(k.rebooking).toMatchObject({ ...Kpi.rebookingRate(plans, TODAY, grace), source: "PLANS" });
    const events = raw.sessions.flatMap(
      (s) => s.adverseEvents as { type: "PIH"; onsetOn: string; durationDays?: number }[],
    );
    expect(k.adverseEvents).toMatchObject({
      ...Kpi.adverseEventRatePer100(raw.sessions.length, events),
      source: "ROLLUPS",
    });
    const intervals = Kpi.timeBetweenSessionsVsPlan(plans, grace);
    expect(k.timeBetweenSessions).toMatchObject({
      denominator: intervals.gaps,
      value: intervals.meanDeviationDays,
    });
    expect(Concerns.INDICATIONS.length).toBeGreaterThan(0);
  });

  it("KPIs filtered by site (gsi1 key condition) and by concern equal core's functions over those plans", async () => {
    const toKpi = (p: Item): KpiPlan => ({
      startOn: String(p.startDate),
      sessionsPlanned: Number(p.sessionsPlanned),
      intervalWeeks: Number(p.intervalWeeks),
      sessionDates: (p.sessionDates as string[]) ?? [],
      cancelled: p.status === "CANCELLED",
    });
    const indicationsOf = (p: Item) =>
      raw.concerns.filter((c) => (p.concernIds as string[]).includes(String(c.id))).map((c) => c.indication);
    const cases: [Record<string, unknown>, (p: Item) => boolean][] = [
      [{ siteId: toGlobalId("Site", "harbour") }, (p) => p.siteId === "harbour"],
      [{ siteId: toGlobalId("Site", "riverside") }, (p) => p.siteId === "riverside"],
      [{ indication: "ACNE_SCARRING" }, (p) => indicationsOf(p).includes("ACNE_SCARRING")],
    ];
    for (const [filter, keep] of cases) {
      const plans = raw.plans.filter(keep).map(toKpi);
      const r = await api.gql<{
        kpis: {
          plansCounted: number;
          courseCompletion: { numerator: number; denominator: number };
          rebooking: { numerator: number; denominator: number };
        };
      }>(
        `query($f: OutcomeFilter, $d: Date) { kpis(filter: $f, asOf: $d) { plansCounted courseCompletion { numerator denominator } rebooking { numerator denominator } } }`,
        { f: filter, d: TODAY },
        api.users.mia,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.kpis.plansCounted, JSON.stringify(filter)).toBe(plans.length);
      const cc = Kpi.courseCompletionRate(plans, TODAY, 14);
      const rb = Kpi.rebookingRate(plans, TODAY, 14);
      expect(r.data!.kpis.courseCompletion).toEqual({ numerator: cc.numerator, denominator: cc.denominator });
      expect(r.data!.kpis.rebooking).toEqual({ numerator: rb.numerator, denominator: rb.denominator });
    }
  });
});

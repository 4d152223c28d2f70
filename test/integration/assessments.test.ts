import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Calendar } from "@needlework/core";
import { Analytics, resetCounter, Rollups } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";
import {
  consultAndPlan,
  daysAgo,
  demoPatient,
  fieldPaths,
  RECORD_SESSION,
  serum,
  sessionInput,
  site,
  withoutAudit,
  type RecordedSession,
} from "../support/clinical";

const ISLA = demoPatient(6); // harbour
const KEIRA = demoPatient(8); // riverside
const D0 = daysAgo(90);
const acneScars = {
  indication: "ACNE_SCARRING",
  bodyArea: "CHEEKS",
  zones: ["CHEEKS"],
  baselineScale: "GOODMAN_BARON_QUANTITATIVE",
  baselineScore: 40,
};
const GBQ = "GOODMAN_BARON_QUANTITATIVE";

const RECORD = /* GraphQL */ `
  mutation Assess($patientId: ID!, $input: AssessmentInput!) {
    recordAssessment(patientId: $patientId, input: $input) {
      assessment {
        id
        scale
        score
        label
        rater
        assessedOn
        baseline
        baselineOn
        improvement {
          absolute
          percent
          improved
        }
        concern {
          id
          indication
        }
        session {
          id
        }
        patient {
          id
        }
      }
    }
  }
`;
const TREND = /* GraphQL */ `
  query Trend($patientId: ID!, $concernId: ID!, $scale: ScaleId) {
    outcomeTrend(patientId: $patientId, concernId: $concernId, scale: $scale) {
      scale
      baseline
      baselineOn
      direction
      points {
        assessedOn
        score
        label
        rater
        improvement {
          absolute
          percent
          improved
        }
        assessment {
          id
        }
      }
      latest {
        assessedOn
        score
        improvement {
          absolute
          percent
          improved
        }
      }
      best {
        assessedOn
        score
      }
      concern {
        indication
      }
    }
  }
`;

interface AssessmentOut {
  id: string;
  score: number;
  label: string | null;
  baseline: number | null;
  improvement: { absolute: number; percent: number | null; improved: boolean } | null;
}

/** Counters summed over a value's shards, less what the demo seed put there (recorded in beforeAll). */
const seeded = new Map<string, Record<string, number>>();
async function counters(api: TestApi, dimension: string, value: string): Promise<Record<string, number>> {
  const now = await rawCounters(api, dimension, value);
  const base = seeded.get(`${dimension}#${value}`) ?? {};
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(now))
    if (Math.abs(v - (base[k] ?? 0)) > 1e-9) out[k] = Math.round((v - (base[k] ?? 0)) * 1e6) / 1e6;
  return out;
}

async function rawCounters(api: TestApi, dimension: string, value: string): Promise<Record<string, number>> {
  // A concern × band cell is the band's counters per concern.
  return dimension === "CONCERN_DEPTH_BAND"
    ? Analytics.rollupCounters(api.db, "glow", "DEPTH_BAND", value.split("|")[1]!, {
        prefix: { dimension: "CONCERN", value: value.split("|")[0]! },
      })
    : Analytics.rollupCounters(api.db, "glow", dimension as Rollups.RollupDimension, value);
}

describe("outcome assessments through GraphQL on DynamoDB Local", () => {
  let api: TestApi;
  let concernId: string;
  let sessionId: string;
  const assess = (input: Record<string, unknown>, patientId = ISLA, as = api.users.ava) =>
    api.gql<{ recordAssessment: { assessment: AssessmentOut } }>(
      RECORD,
      { patientId, input: { concernId, rater: "CLINICIAN", scale: GBQ, ...input } },
      as,
    );

  beforeAll(async () => {
    api = await startTestApi();
    for (const [d, v] of [
      ["CONCERN", "ACNE_SCARRING"],
      ["CONCERN_DEPTH_BAND", Rollups.concernDepthValue("ACNE_SCARRING", "1.0–1.5")],
      ["SERUM", "srm-hyaluronic-acid"],
      ["PRACTITIONER", "u-ava"],
    ] as const)
      seeded.set(`${d}#${v}`, await rawCounters(api, d, v));
    const set = await consultAndPlan(api, { patientId: ISLA, date: D0, concerns: [acneScars] });
    concernId = set.concernIds[0]!;
    const s = await api.gql<RecordedSession>(RECORD_SESSION, {
      patientId: ISLA,
      input: sessionInput(set.plan, {
        performedOn: D0,
        serumsApplied: [{ serumId: serum("hyaluronic-acid"), lotNumber: "HYAL-2511", zone: "CHEEKS" }],
      }),
    });
    expect(s.errors).toBeUndefined();
    sessionId = s.data!.recordTreatmentSession.session.id;
  });
  afterAll(async () => api?.stop());

  it("scores the baseline visit: no improvement yet, nothing added to the rollups", async () => {
    const before = await counters(api, "CONCERN", "ACNE_SCARRING");
    const r = await assess({ score: 40, assessedOn: D0 });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordAssessment.assessment).toMatchObject({
      score: 40,
      baseline: 40,
      improvement: { absolute: 0, percent: 0, improved: false },
    });
    expect(await counters(api, "CONCERN", "ACNE_SCARRING")).toEqual(before);
  });

  it("measures a later score against the baseline with the scale's direction, and adds it to the rollups in the same transaction", async () => {
    resetCounter(api.db);
    const r = await assess({ score: 30, assessedOn: Calendar.addWeeks(D0, 4), sessionId });
    expect(r.errors).toBeUndefined();
    expect(api.db.counter.byOperation.TransactWriteItems).toBe(1);
    expect(r.data!.recordAssessment.assessment).toMatchObject({
      improvement: { absolute: 10, percent: 25, improved: true },
      session: { id: sessionId },
    });
    const c = await counters(api, "CONCERN", "ACNE_SCARRING");
    expect(c[Rollups.RollupAttr.improvementSum(GBQ)]).toBe(10);
    expect(c[Rollups.RollupAttr.improvementCount(GBQ)]).toBe(1);
    expect(c[Rollups.RollupAttr.improvementPercentSum(GBQ)]).toBe(25);
    // What the session did for the concern: its depth band, serum, device and practitioner.
    expect(
      (await counters(api, "CONCERN_DEPTH_BAND", Rollups.concernDepthValue("ACNE_SCARRING", "1.0–1.5")))[
        Rollups.RollupAttr.improvementSum(GBQ)
      ],
    ).toBe(10);
    expect(
      (await counters(api, "SERUM", "srm-hyaluronic-acid"))[Rollups.RollupAttr.improvementCount(GBQ)],
    ).toBe(1);
    expect((await counters(api, "PRACTITIONER", "u-ava"))[Rollups.RollupAttr.improvementSum(GBQ)]).toBe(10);
  });

  it("replaces the concern's contribution when a newer score arrives; an older one changes nothing", async () => {
    await assess({ score: 24, assessedOn: Calendar.addWeeks(D0, 8) });
    let c = await counters(api, "CONCERN", "ACNE_SCARRING");
    expect(c[Rollups.RollupAttr.improvementSum(GBQ)]).toBe(16);
    expect(c[Rollups.RollupAttr.improvementCount(GBQ)]).toBe(1);
    expect(c[Rollups.RollupAttr.improvementPercentSum(GBQ)]).toBe(40);
    const older = await assess({ score: 35, assessedOn: Calendar.addWeeks(D0, 2) });
    expect(older.data!.recordAssessment.assessment.improvement).toEqual({
      absolute: 5,
      percent: 12.5,
      improved: true,
    });
    c = await counters(api, "CONCERN", "ACNE_SCARRING");
    expect(c[Rollups.RollupAttr.improvementSum(GBQ)]).toBe(16);
    expect(c[Rollups.RollupAttr.improvementCount(GBQ)]).toBe(1);
  });

  it("reads GAIS against 'No change' (label and number), kept apart from the other scale", async () => {
    const r = await assess({
      scale: "GAIS",
      rater: "PATIENT",
      score: 2,
      assessedOn: Calendar.addWeeks(D0, 8),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordAssessment.assessment).toMatchObject({
      label: "Much improved",
      baseline: 4,
      improvement: { absolute: 2, percent: null, improved: true },
    });
    const c = await counters(api, "CONCERN", "ACNE_SCARRING");
    expect(c[Rollups.RollupAttr.improvementSum("GAIS")]).toBe(2);
    expect(c[Rollups.RollupAttr.improvementPercentCount("GAIS")]).toBeUndefined();
    expect(c[Rollups.RollupAttr.improvementSum(GBQ)]).toBe(16);
  });

  it("answers the trend from one Query of the patient collection: baseline, dated points, latest improvement", async () => {
    resetCounter(api.db);
    const r = await api.gql<{
      outcomeTrend: {
        baseline: number;
        direction: string;
        points: { assessedOn: string; score: number }[];
        latest: { score: number; improvement: { absolute: number; percent: number } };
        best: { score: number };
      };
    }>(TREND, { patientId: ISLA, concernId });
    expect(r.errors).toBeUndefined();
    expect(api.db.counter.byOperation.Query).toBe(1);
    expect(r.data!.outcomeTrend).toMatchObject({
      baseline: 40,
      direction: "IMPROVED",
      latest: { score: 24, improvement: { absolute: 16, percent: 40 } },
      best: { score: 24 },
    });
    expect(r.data!.outcomeTrend.points.map((p) => [p.assessedOn, p.score])).toEqual([
      [D0, 40],
      [Calendar.addWeeks(D0, 2), 35],
      [Calendar.addWeeks(D0, 4), 30],
      [Calendar.addWeeks(D0, 8), 24],
    ]);
    const gais = await api.gql<{ outcomeTrend: { baseline: number; points: unknown[] } }>(TREND, {
      patientId: ISLA,
      concernId,
      scale: "GAIS",
    });
    expect(gais.data!.outcomeTrend).toMatchObject({ baseline: 4, points: [expect.anything()] });
    expect(fieldPaths(await api.gql(TREND, { patientId: ISLA, concernId, scale: "MMASI" }))).toEqual([
      "scale",
    ]);
  });

  it("answers bad input with the field at fault and leaves the table exactly as it was", async () => {
    const before = await snapshotTable(api.db);
    const wrongScale = await assess({ scale: "MMASI", score: 10, assessedOn: daysAgo(1) });
    expect(codes(wrongScale)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(wrongScale)).toEqual(["input.scale"]);
    expect(fieldPaths(await assess({ score: 90, assessedOn: daysAgo(1) }))).toEqual(["input.score"]);
    expect(fieldPaths(await assess({ score: 20.5, assessedOn: daysAgo(1) }))).toEqual(["input.score"]);
    expect(fieldPaths(await assess({ rater: "PATIENT", score: 20, assessedOn: daysAgo(1) }))).toEqual([
      "input.rater",
    ]);
    expect(fieldPaths(await assess({ score: 20, assessedOn: Calendar.addWeeks(D0, -1) }))).toEqual([
      "input.assessedOn",
    ]);
    expect(codes(await assess({ scale: "FOO", score: 20, assessedOn: daysAgo(1) }))).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(codes(await assess({ rater: "NURSE", score: 20, assessedOn: daysAgo(1) }))).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(codes(await assess({ assessedOn: daysAgo(1) }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await assess({ score: 20, assessedOn: "2026-02-30" }))).toEqual(["BAD_USER_INPUT"]);
    expect(
      fieldPaths(
        await assess({
          score: 20,
          assessedOn: daysAgo(1),
          sessionId: toGlobalId("TreatmentSession", `demo-glow-p06|${D0}|nope`),
        }),
      ),
    ).toEqual(["input.sessionId"]);
    expect(
      codes(await assess({ score: 20, assessedOn: daysAgo(1), concernId: toGlobalId("Patient", "x") })),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("hides another site's patient and concern exactly like missing ones", async () => {
    const keira = await consultAndPlan(api, {
      patientId: KEIRA,
      date: daysAgo(5),
      concerns: [acneScars],
      siteId: site("riverside"),
      as: api.users.sam,
    });
    const before = withoutAudit(await snapshotTable(api.db));
    const other = await assess(
      { score: 30, assessedOn: daysAgo(1), concernId: keira.concernIds[0] },
      KEIRA,
      api.users.ava,
    );
    const missing = await assess(
      { score: 30, assessedOn: daysAgo(1), concernId: toGlobalId("Concern", `nope|${daysAgo(5)}|x`) },
      toGlobalId("Patient", "nope"),
      api.users.ava,
    );
    expect([codes(other), codes(missing)]).toEqual([["NOT_FOUND"], ["NOT_FOUND"]]);
    // A concern of another patient named under this one.
    expect(
      codes(
        await assess(
          { score: 30, assessedOn: daysAgo(1), concernId: keira.concernIds[0] },
          ISLA,
          api.users.ava,
        ),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(await api.gql(TREND, { patientId: KEIRA, concernId: keira.concernIds[0] }, api.users.ava)),
    ).toEqual(["NOT_FOUND"]);
    expect(codes(await api.gql(TREND, { patientId: ISLA, concernId }, api.users.leo))).toEqual(["FORBIDDEN"]);
    expect(withoutAudit(await snapshotTable(api.db))).toEqual(before);
  });
});

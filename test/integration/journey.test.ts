import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Calendar } from "@needlework/core";
import { resetCounter, type RequestCounter } from "@needlework/store";
import { codes, startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";
import {
  daysAgo,
  fieldPaths,
  noAnswers,
  RECORD_SESSION,
  reasonCodes,
  serum,
  sessionInput,
  site,
  TODAY,
  type PlanOut,
  type RecordedSession,
} from "../support/clinical";

/**
 * The clinical journey of issue 3, through the GraphQL endpoint on DynamoDB Local: a consultation
 * blocked by a contraindication and overridden with a reason; a plan from the protocol; three
 * sessions with serums, one refused for an allergy; assessments at baseline and after sessions; the
 * timeline in exactly one DynamoDB request; the improvement and the next due date; the lot trace.
 */
const D0 = daysAgo(84);
const D1 = Calendar.addWeeks(D0, 4);
const D2 = Calendar.addWeeks(D0, 8);
const PRP = serum("prp");
const HA = serum("hyaluronic-acid");
const TXA = serum("tranexamic-acid");
const GBQ = "GOODMAN_BARON_QUANTITATIVE";

const snapshotOps = (c: RequestCounter) => ({ total: c.total, byOperation: { ...c.byOperation } });

describe("a patient's clinical journey through GraphQL on DynamoDB Local", () => {
  let api: TestApi;
  let patientId: string;
  let consultation: { id: string; version: number; concerns: { id: string }[] };
  let concernId: string;
  let plan: PlanOut;
  const sessions: { id: string; version: number }[] = [];

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it("registers the patient: allergic to hyaluronic acid, isotretinoin stopped three months ago", async () => {
    const r = await api.gql<{ createPatient: { patient: { id: string } } }>(
      `mutation($input: PatientInput!) { createPatient(input: $input) { patient { id } } }`,
      {
        input: {
          siteId: site("harbour"),
          givenName: "Rosa",
          familyName: "Delgado",
          dateOfBirth: "1994-03-09",
          fitzpatrick: "III",
          allergies: [
            { substance: "Sodium hyaluronate", kind: "ALLERGY", severity: "MODERATE", reaction: "urticaria" },
          ],
          medications: [
            {
              name: "Isotretinoin 20 mg",
              class: "ISOTRETINOIN",
              startedOn: "2025-01-10",
              stoppedOn: Calendar.addWeeks(D0, -12),
            },
          ],
        },
      },
    );
    expect(r.errors).toBeUndefined();
    patientId = r.data!.createPatient.patient.id;
  });

  it("records a consultation the screen blocks, then a prescriber overrides the BLOCK with a reason", async () => {
    const r = await api.gql<{
      recordConsultation: {
        consultation: typeof consultation & { cleared: boolean; unresolvedBlocks: { code: string }[] };
      };
    }>(
      `mutation($patientId: ID!, $input: ConsultationInput!) {
        recordConsultation(patientId: $patientId, input: $input) { consultation { id version cleared unresolvedBlocks { code } concerns { id } } }
      }`,
      {
        patientId,
        input: {
          date: D0,
          siteId: site("harbour"),
          concerns: [
            {
              indication: "ACNE_SCARRING",
              bodyArea: "CHEEKS",
              zones: ["CHEEKS"],
              baselineScale: GBQ,
              baselineScore: 36,
            },
          ],
          answers: noAnswers,
        },
      },
    );
    expect(r.errors).toBeUndefined();
    consultation = r.data!.recordConsultation.consultation;
    expect(r.data!.recordConsultation.consultation).toMatchObject({
      cleared: false,
      unresolvedBlocks: [{ code: "ISOTRETINOIN" }],
    });
    concernId = consultation.concerns[0]!.id;

    // No plan while the BLOCK stands.
    const blocked = await api.gql(
      `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id } } }`,
      {
        input: {
          consultationId: consultation.id,
          concernIds: [concernId],
          siteId: site("harbour"),
          startDate: D0,
          zones: [{ zone: "CHEEKS", depthMm: 1.5 }],
          sessionsPlanned: 4,
          intervalWeeks: 4,
        },
      },
    );
    expect(codes(blocked)).toEqual(["CONTRAINDICATED"]);

    const o = await api.gql<{
      overrideContraindication: {
        consultation: {
          version: number;
          cleared: boolean;
          overrides: { code: string; reason: string; by: { name: string } }[];
        };
      };
    }>(
      `mutation($id: ID!, $version: Int!, $code: String!, $reason: String!) {
        overrideContraindication(consultationId: $id, version: $version, code: $code, reason: $reason) { consultation { version cleared overrides { code reason by { name } } } }
      }`,
      {
        id: consultation.id,
        version: consultation.version,
        code: "ISOTRETINOIN",
        reason: "Low-dose course; dermatologist agrees; test spot healed normally",
      },
    );
    expect(o.errors).toBeUndefined();
    expect(o.data!.overrideContraindication.consultation).toMatchObject({
      cleared: true,
      overrides: [
        {
          code: "ISOTRETINOIN",
          reason: "Low-dose course; dermatologist agrees; test spot healed normally",
          by: { name: "Ava Reid" },
        },
      ],
    });
  });

  it("builds the plan from the acne scarring protocol", async () => {
    const s = await api.gql<{
      suggestPlan: {
        zones: { zone: string; depthMm: number; depthMinMm: number; depthMaxMm: number }[];
        sessions: number;
        intervalWeeks: number;
        device: string;
        serumIds: string[];
      };
    }>(
      `query($patientId: ID!, $concernIds: [ID!]!) { suggestPlan(patientId: $patientId, concernIds: $concernIds) { zones { zone depthMm depthMinMm depthMaxMm } sessions intervalWeeks device serumIds } }`,
      { patientId, concernIds: [concernId] },
    );
    expect(s.errors).toBeUndefined();
    const suggestion = s.data!.suggestPlan;
    // DOMAIN.md: acne scarring 1.5–2.0 mm (capped at the cheeks' 1.5), 4–6 sessions, 4–6 weeks.
    expect(suggestion).toMatchObject({
      sessions: 4,
      intervalWeeks: 4,
      device: "PEN",
      zones: [{ zone: "CHEEKS", depthMm: 1.5, depthMinMm: 1.5, depthMaxMm: 1.5 }],
    });
    expect(suggestion.serumIds).toEqual(expect.arrayContaining([PRP, HA]));
    const p = await api.gql<{ createTreatmentPlan: { plan: PlanOut } }>(
      `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id version status progress { done planned remaining } nextDueOn lastSessionOn zones { zone depthMm depthMinMm depthMaxMm } } } }`,
      {
        input: {
          consultationId: consultation.id,
          concernIds: [concernId],
          siteId: site("harbour"),
          startDate: D0,
          zones: suggestion.zones,
          sessionsPlanned: suggestion.sessions,
          intervalWeeks: suggestion.intervalWeeks,
          device: suggestion.device,
          plannedSerums: [{ serumId: PRP }],
        },
      },
    );
    expect(p.errors).toBeUndefined();
    plan = p.data!.createTreatmentPlan.plan;
    expect(plan).toMatchObject({ status: "PLANNED", progress: { done: 0, planned: 4 }, nextDueOn: D0 });
  });

  it("scores the baseline", async () => {
    const r = await api.gql<{ recordAssessment: { assessment: { improvement: { absolute: number } } } }>(
      `mutation($patientId: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $patientId, input: $input) { assessment { improvement { absolute } } } }`,
      { patientId, input: { concernId, scale: GBQ, score: 36, rater: "CLINICIAN", assessedOn: D0 } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordAssessment.assessment.improvement.absolute).toBe(0);
  });

  it("records the first session with PRP; the consultation's override carries over", async () => {
    const r = await api.gql<RecordedSession>(RECORD_SESSION, {
      patientId,
      input: sessionInput(plan, {
        performedOn: D0,
        serumsApplied: [{ serumId: PRP, lotNumber: "PRP-2511", zone: "CHEEKS" }],
      }),
    });
    expect(r.errors).toBeUndefined();
    const s = r.data!.recordTreatmentSession;
    expect(s.session.rescreen.carriedOverrides.map((o) => o.code)).toEqual(["ISOTRETINOIN"]);
    expect(s.plan).toMatchObject({ progress: { done: 1, planned: 4 }, nextDueOn: D1 });
    sessions.push(s.session);
  });

  it("refuses hyaluronic acid at the second session for her allergy (CONTRAINDICATED with the reasons), then records it with tranexamic acid", async () => {
    const before = await snapshotTable(api.db);
    const refused = await api.gql<RecordedSession>(RECORD_SESSION, {
      patientId,
      input: sessionInput(plan, {
        performedOn: D1,
        serumsApplied: [{ serumId: HA, lotNumber: "HYAL-2511", zone: "CHEEKS" }],
      }),
    });
    expect(codes(refused)).toEqual(["CONTRAINDICATED"]);
    expect(reasonCodes(refused)).toEqual(["SERUM_ALLERGY"]);
    const reason = (
      refused.errors![0]!.extensions!.reasons as { reason: string; level: string; source: string }[]
    )[0]!;
    expect(reason.level).toBe("BLOCK");
    expect(reason.reason).toContain("allergic to Sodium hyaluronate");
    expect(reason.source).toContain("allergy: Sodium hyaluronate");
    const after = await snapshotTable(api.db);
    // A refusal of the data writes nothing at all, not even an audit entry.
    expect(after).toEqual(before);

    const r = await api.gql<RecordedSession>(RECORD_SESSION, {
      patientId,
      input: sessionInput(plan, {
        performedOn: D1,
        serumsApplied: [{ serumId: TXA, lotNumber: "TRAN-2511", zone: "CHEEKS" }],
      }),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordTreatmentSession.plan).toMatchObject({ progress: { done: 2 }, nextDueOn: D2 });
    sessions.push(r.data!.recordTreatmentSession.session);
  });

  it("scores after the second session", async () => {
    const r = await api.gql<{
      recordAssessment: {
        assessment: { improvement: { absolute: number; percent: number; improved: boolean } };
      };
    }>(
      `mutation($patientId: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $patientId, input: $input) { assessment { improvement { absolute percent improved } } } }`,
      {
        patientId,
        input: {
          concernId,
          scale: GBQ,
          score: 30,
          rater: "CLINICIAN",
          assessedOn: D1,
          sessionId: sessions[1]!.id,
        },
      },
    );
    expect(r.data!.recordAssessment.assessment.improvement).toEqual({
      absolute: 6,
      percent: 16.7,
      improved: true,
    });
  });

  it("records the third session with PRP; the next session is due one interval later", async () => {
    const r = await api.gql<RecordedSession>(RECORD_SESSION, {
      patientId,
      input: sessionInput(plan, {
        performedOn: D2,
        serumsApplied: [{ serumId: PRP, lotNumber: "prp-2511", zone: "CHEEKS" }],
      }),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordTreatmentSession.plan).toMatchObject({
      status: "IN_PROGRESS",
      progress: { done: 3, planned: 4, remaining: 1 },
      lastSessionOn: D2,
      nextDueOn: Calendar.addWeeks(D2, 4),
    });
    expect(Calendar.addWeeks(D2, 4)).toBe(TODAY);
    sessions.push(r.data!.recordTreatmentSession.session);
  });

  it("scores after the third session: 36 → 24 on Goodman & Baron is 12 points (33.3 %) better", async () => {
    const r = await api.gql<{
      recordAssessment: {
        assessment: { improvement: { absolute: number; percent: number; improved: boolean } };
      };
    }>(
      `mutation($patientId: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $patientId, input: $input) { assessment { improvement { absolute percent improved } } } }`,
      {
        patientId,
        input: {
          concernId,
          scale: GBQ,
          score: 24,
          rater: "CLINICIAN",
          assessedOn: Calendar.addWeeks(D2, 2),
          sessionId: sessions[2]!.id,
        },
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordAssessment.assessment.improvement).toEqual({
      absolute: 12,
      percent: 33.3,
      improved: true,
    });
    const t = await api.gql<{
      outcomeTrend: {
        baseline: number;
        direction: string;
        points: { score: number }[];
        latest: { improvement: { absolute: number; percent: number } };
      };
    }>(
      `query($patientId: ID!, $concernId: ID!) { outcomeTrend(patientId: $patientId, concernId: $concernId) { baseline direction points { score } latest { improvement { absolute percent } } } }`,
      { patientId, concernId },
    );
    expect(t.data!.outcomeTrend).toEqual({
      baseline: 36,
      direction: "IMPROVED",
      points: [{ score: 36 }, { score: 30 }, { score: 24 }],
      latest: { improvement: { absolute: 12, percent: 33.3 } },
    });
  });

  it("reads the whole timeline in exactly one DynamoDB request", async () => {
    const PROFILE = `query($id: ID!) { patient(id: $id) { id givenName } }`;
    const PAGE = /* GraphQL */ `
      query ($id: ID!) {
        patient(id: $id) {
          id
          givenName
          timeline(first: 20) {
            edges {
              date
              node {
                __typename
                ... on Consultation {
                  id
                  date
                  cleared
                }
                ... on TreatmentPlan {
                  id
                  status
                  nextDueOn
                  progress {
                    done
                    planned
                  }
                }
                ... on TreatmentSession {
                  id
                  performedOn
                  zones {
                    zone
                    depthMm
                  }
                  serumsApplied {
                    serumName
                    lotNumber
                  }
                }
                ... on Assessment {
                  id
                  scale
                  score
                  assessedOn
                  improvement {
                    absolute
                  }
                }
              }
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      }
    `;
    resetCounter(api.db);
    await api.gql(PROFILE, { id: patientId });
    const profileOnly = snapshotOps(api.db.counter);
    resetCounter(api.db);
    const r = await api.gql<{
      patient: {
        timeline: {
          edges: { date: string; node: { __typename: string; score?: number } }[];
          pageInfo: { hasNextPage: boolean };
        };
      };
    }>(PAGE, { id: patientId });
    expect(r.errors).toBeUndefined();
    const withTimeline = snapshotOps(api.db.counter);
    expect(withTimeline.total - profileOnly.total).toBe(1);
    expect(withTimeline.byOperation.Query).toBe(1);
    expect(profileOnly.byOperation.Query).toBeUndefined();

    const edges = r.data!.patient.timeline.edges;
    expect(r.data!.patient.timeline.pageInfo.hasNextPage).toBe(false);
    expect(edges.map((e) => e.node.__typename).sort()).toEqual([
      "Assessment",
      "Assessment",
      "Assessment",
      "Consultation",
      "TreatmentPlan",
      "TreatmentSession",
      "TreatmentSession",
      "TreatmentSession",
    ]);
    // Newest first.
    expect(edges.map((e) => e.date)).toEqual([...edges.map((e) => e.date)].sort().reverse());
    expect(edges[0]!.node).toMatchObject({ __typename: "Assessment", score: 24 });

    // Paged: two pages of four, still one Query each.
    resetCounter(api.db);
    const p1 = await api.gql<{
      patient: { timeline: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    }>(
      `query($id: ID!) { patient(id: $id) { timeline(first: 4) { edges { date } pageInfo { hasNextPage endCursor } } } }`,
      { id: patientId },
    );
    expect(api.db.counter.byOperation.Query).toBe(1);
    expect(p1.data!.patient.timeline).toMatchObject({ pageInfo: { hasNextPage: true } });
    const p2 = await api.gql<{
      patient: { timeline: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } };
    }>(
      `query($id: ID!, $after: String) { patient(id: $id) { timeline(first: 4, after: $after) { edges { date } pageInfo { hasNextPage } } } }`,
      { id: patientId, after: p1.data!.patient.timeline.pageInfo.endCursor },
    );
    expect(p2.data!.patient.timeline.edges).toHaveLength(4);
    expect(p2.data!.patient.timeline.pageInfo.hasNextPage).toBe(false);
  });

  it("keeps the patient's standing contraindications in view on the patient page", async () => {
    const r = await api.gql<{
      patient: { activeFlags: { code: string; level: string }[]; concerns: { indication: string }[] };
    }>(`query($id: ID!) { patient(id: $id) { activeFlags { code level } concerns { indication } } }`, {
      id: patientId,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.patient.concerns).toEqual([{ indication: "ACNE_SCARRING" }]);
    // Isotretinoin stopped less than six months ago (the clinic's default).
    expect(r.data!.patient.activeFlags).toEqual([{ code: "ISOTRETINOIN", level: "BLOCK" }]);
  });

  it("finds who received the PRP lot", async () => {
    const r = await api.gql<{
      sessionsByLot: {
        edges: {
          performedOn: string;
          zone: string;
          node: { id: string; patient: { id: string; familyName: string } };
        }[];
      };
    }>(
      `query($serumId: ID!, $lotNumber: String!) { sessionsByLot(serumId: $serumId, lotNumber: $lotNumber) { edges { performedOn zone node { id patient { id familyName } } } } }`,
      { serumId: PRP, lotNumber: "PRP-2511" },
    );
    expect(r.errors).toBeUndefined();
    const mine = r.data!.sessionsByLot.edges.filter((e) => e.node.patient.id === patientId);
    expect(mine.map((e) => [e.performedOn, e.zone, e.node.id])).toEqual([
      [D2, "CHEEKS", sessions[2]!.id],
      [D0, "CHEEKS", sessions[0]!.id],
    ]);
    expect(mine[0]!.node.patient.familyName).toBe("Delgado");
  });

  it("answers every mutation of the journey tried with bad input with the right code, leaving the table as it was", async () => {
    const before = await snapshotTable(api.db);
    const session = (over: Record<string, unknown>) =>
      api.gql(RECORD_SESSION, { patientId, input: sessionInput(plan, over) });
    // Depth out of range, an unknown enum, a missing field, an expired lot.
    const deep = await session({ zones: [{ zone: "CHEEKS", depthMm: 3, passes: 2 }] });
    expect([codes(deep), fieldPaths(deep)]).toEqual([["BAD_USER_INPUT"], ["input.zones.0.depthMm"]]);
    expect(codes(await session({ device: "LASER" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await session({ aftercareGiven: null }))).toEqual(["BAD_USER_INPUT"]);
    const expired = await session({
      serumsApplied: [
        { serumId: PRP, lotNumber: "PRP-2409", zone: "CHEEKS", overrideReason: "none other in stock" },
      ],
    });
    expect([codes(expired), reasonCodes(expired)]).toEqual([["CONTRAINDICATED"], ["LOT_EXPIRED"]]);
    // A scale that does not fit the concern.
    const scale = await api.gql(
      `mutation($patientId: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $patientId, input: $input) { assessment { id } } }`,
      { patientId, input: { concernId, scale: "LEMPERLE", score: 2, rater: "CLINICIAN", assessedOn: TODAY } },
    );
    expect([codes(scale), fieldPaths(scale)]).toEqual([["BAD_USER_INPUT"], ["input.scale"]]);
    // A stale version.
    const stale = await api.gql(
      `mutation($sessionId: ID!, $version: Int!, $event: AdverseEventInput!) { recordAdverseEvent(sessionId: $sessionId, version: $version, event: $event) { session { id } } }`,
      {
        sessionId: sessions[0]!.id,
        version: 0,
        event: { type: "ERYTHEMA_OEDEMA", onsetOn: D0, durationDays: 2, severity: "MILD" },
      },
    );
    expect(codes(stale)).toEqual(["CONFLICT"]);
    const after = await snapshotTable(api.db);
    // The table is exactly as it was.
    expect(after).toEqual(before);
  });
});

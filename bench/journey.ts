import type { Principal } from "@needlework/core";
import type { BenchStack, GqlResponse } from "./stack";

/**
 * A clinical record made the way the portal makes it, through the API: a consultation with one
 * concern, a plan from core's suggestion, sessions (one serum applied each) and assessments. The
 * bench's screens then read real records, and each main write operation is counted once.
 */
export const NO_ANSWERS = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};

export interface Journey {
  patientId: string;
  consultationId: string;
  concernIds: string[];
  planId: string;
  sessionIds: string[];
  serum?: { id: string; lotNumber: string };
}

export interface CountedCall {
  operation: string;
  requests: number;
  byOperation: Record<string, number>;
}

function daysAgo(today: string, n: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

function ok(res: GqlResponse, what: string): Record<string, unknown> {
  if (res.errors?.length || !res.data) {
    const e = res.errors?.[0];
    const code = e?.extensions?.code;
    throw new Error(
      `${what} answered ${typeof code === "string" ? code : "no data"}: ${e?.message ?? ""} ${JSON.stringify(e?.extensions ?? {}).slice(0, 300)}`,
    );
  }
  return res.data;
}

/** A serum of the group's catalogue with a lot that has not expired, if there is one. */
async function usableSerum(
  stack: BenchStack,
  as: Principal,
  today: string,
): Promise<{ id: string; lotNumber: string } | undefined> {
  const res = await stack.gql(
    `{ serums(first: 50) { edges { node { id allergens clearance lots { lotNumber expiresOn expired } } } } }`,
    {},
    as,
  );
  const edges = (
    ok(res, "serums").serums as {
      edges: {
        node: {
          id: string;
          allergens: string[];
          clearance: string;
          lots: { lotNumber: string; expiresOn: string; expired: boolean }[];
        };
      }[];
    }
  ).edges;
  for (const { node } of edges) {
    if (node.allergens.length > 0 || node.clearance !== "CLEARED_FOR_NEEDLING") continue;
    const lot = node.lots.find((l) => !l.expired && l.expiresOn > today);
    if (lot) return { id: node.id, lotNumber: lot.lotNumber };
  }
  return undefined;
}

export async function recordJourney(
  stack: BenchStack,
  opts: {
    as: Principal;
    patientId: string;
    siteId: string;
    today: string;
    sessions: number;
    assessments: boolean;
    count?: CountedCall[];
  },
): Promise<Journey> {
  const { as, patientId, siteId, today } = opts;
  const counted = async (
    operation: string,
    fn: () => Promise<GqlResponse>,
  ): Promise<Record<string, unknown>> => {
    if (!opts.count || opts.count.some((c) => c.operation === operation)) return ok(await fn(), operation);
    const r = await stack.count(fn);
    opts.count.push({ operation, requests: r.total, byOperation: r.byOperation });
    return ok(r.result, operation);
  };
  const start = daysAgo(today, 10 * opts.sessions + 30);
  const consultation = await counted("recordConsultation", () =>
    stack.gql(
      `mutation($patientId: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $patientId, input: $input) { consultation { id concerns { id } } } }`,
      {
        patientId,
        input: {
          date: start,
          siteId,
          concerns: [
            {
              indication: "ACNE_SCARRING",
              bodyArea: "CHEEKS",
              baselineScale: "GOODMAN_BARON_QUANTITATIVE",
              baselineScore: 24,
            },
          ],
          answers: NO_ANSWERS,
        },
      },
      as,
    ),
  );
  const c = (consultation.recordConsultation as { consultation: { id: string; concerns: { id: string }[] } })
    .consultation;
  const concernIds = c.concerns.map((x) => x.id);
  const suggestion = ok(
    await stack.gql(
      `query($patientId: ID!, $concernIds: [ID!]!) { suggestPlan(patientId: $patientId, concernIds: $concernIds) { zones { zone depthMm depthMinMm depthMaxMm } sessions intervalWeeks device } }`,
      { patientId, concernIds },
      as,
    ),
    "suggestPlan",
  ).suggestPlan as {
    zones: { zone: string; depthMm: number }[];
    sessions: number;
    intervalWeeks: number;
    device: string;
  };
  const plan = await counted("createTreatmentPlan", () =>
    stack.gql(
      `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id } } }`,
      {
        input: {
          consultationId: c.id,
          concernIds,
          siteId,
          startDate: start,
          zones: suggestion.zones,
          sessionsPlanned: Math.max(suggestion.sessions, opts.sessions),
          intervalWeeks: suggestion.intervalWeeks,
          device: suggestion.device,
          plannedSerums: [],
        },
      },
      as,
    ),
  );
  const planId = (plan.createTreatmentPlan as { plan: { id: string } }).plan.id;
  const serum = await usableSerum(stack, as, today);
  const sessionIds: string[] = [];
  for (let i = 0; i < opts.sessions; i++) {
    const performedOn = daysAgo(today, 10 * (opts.sessions - i));
    const s = await counted("recordTreatmentSession", () =>
      stack.gql(
        `mutation($patientId: ID!, $input: TreatmentSessionInput!) { recordTreatmentSession(patientId: $patientId, input: $input) { session { id } } }`,
        {
          patientId,
          input: {
            planId,
            siteId,
            performedOn,
            device: "PEN",
            cartridge: { needleCount: 12, lotNumber: "CART-7781" },
            zones: suggestion.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm, passes: 2 })),
            serumsApplied: serum
              ? [{ serumId: serum.id, lotNumber: serum.lotNumber, zone: suggestion.zones[0]!.zone }]
              : [],
            numbing: { agent: "Topical anaesthetic cream", minutes: 30 },
            immediateReactions: "Mild pinpoint bleeding, even erythema",
            aftercareGiven: true,
            rescreen: NO_ANSWERS,
          },
        },
        as,
      ),
    );
    sessionIds.push((s.recordTreatmentSession as { session: { id: string } }).session.id);
    if (opts.assessments) {
      await counted("recordAssessment", () =>
        stack.gql(
          `mutation($patientId: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $patientId, input: $input) { assessment { id } } }`,
          {
            patientId,
            input: {
              concernId: concernIds[0],
              scale: "GOODMAN_BARON_QUANTITATIVE",
              score: Math.max(2, 22 - 3 * i),
              rater: "CLINICIAN",
              assessedOn: performedOn,
            },
          },
          as,
        ),
      );
    }
  }
  return { patientId, consultationId: c.id, concernIds, planId, sessionIds, ...(serum ? { serum } : {}) };
}

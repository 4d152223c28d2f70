import { expect } from "vitest";
import type { Principal } from "@needlework/core";
import { toGlobalId } from "@needlework/api";
import type { GqlResult, TestApi } from "./api";

/**
 * Clinical set-up through the GraphQL API, for the session, assessment and journey suites: a
 * consultation (overridden where asked), a plan from core's suggestion, and session inputs.
 */
export const TODAY = new Date().toISOString().slice(0, 10);

export function daysAgo(n: number): string {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

export const site = (id: string) => toGlobalId("Site", id);
export const demoPatient = (n: number, group = "glow") =>
  toGlobalId("Patient", `demo-${group}-p${String(n).padStart(2, "0")}`);
export const serum = (key: string) => toGlobalId("SerumAddOn", `srm-${key}`);

export const noAnswers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};

export const fieldPaths = (r: GqlResult<unknown>): string[] =>
  ((r.errors?.[0]?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path).sort();

export const reasonCodes = (r: GqlResult<unknown>): string[] =>
  ((r.errors?.[0]?.extensions?.reasons as { code: string }[] | undefined) ?? []).map((x) => x.code).sort();

/** Table items other than audit entries (refused accesses, NOT_FOUND and FORBIDDEN, are audited). */
export const withoutAudit = (items: string[]): string[] => items.filter((i) => !i.includes("#AUDIT#"));

export interface ConcernSpec {
  indication: string;
  bodyArea: string;
  zones?: string[];
  baselineScale: string;
  baselineScore: number;
}

export interface PlanOut {
  id: string;
  version: number;
  status: string;
  progress: { done: number; planned: number; remaining: number };
  nextDueOn: string | null;
  lastSessionOn: string | null;
  zones: { zone: string; depthMm: number; depthMinMm: number; depthMaxMm: number }[];
}

export const PLAN_FIELDS = /* GraphQL */ `id version status progress { done planned remaining } nextDueOn lastSessionOn zones { zone depthMm depthMinMm depthMaxMm }`;

/** Records a consultation (overriding the BLOCKs named) and a plan from core's suggestion. */
export async function consultAndPlan(
  api: TestApi,
  opts: {
    patientId: string;
    date: string;
    concerns: ConcernSpec[];
    siteId?: string;
    as?: Principal;
    answers?: Record<string, unknown>;
    overrides?: { code: string; reason: string }[];
    plannedSerums?: string[];
  },
): Promise<{ consultationId: string; concernIds: string[]; plan: PlanOut }> {
  const as = opts.as ?? api.users.ava;
  const siteId = opts.siteId ?? site("harbour");
  const c = await api.gql<{
    recordConsultation: { consultation: { id: string; version: number; concerns: { id: string }[] } };
  }>(
    `mutation($patientId: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $patientId, input: $input) { consultation { id version concerns { id } } } }`,
    {
      patientId: opts.patientId,
      input: { date: opts.date, siteId, concerns: opts.concerns, answers: opts.answers ?? noAnswers },
    },
    as,
  );
  expect(c.errors).toBeUndefined();
  const consultation = c.data!.recordConsultation.consultation;
  let version = consultation.version;
  for (const o of opts.overrides ?? []) {
    const r = await api.gql<{ overrideContraindication: { consultation: { version: number } } }>(
      `mutation($id: ID!, $version: Int!, $code: String!, $reason: String!) { overrideContraindication(consultationId: $id, version: $version, code: $code, reason: $reason) { consultation { version } } }`,
      { id: consultation.id, version, code: o.code, reason: o.reason },
      as,
    );
    expect(r.errors).toBeUndefined();
    version = r.data!.overrideContraindication.consultation.version;
  }
  const concernIds = consultation.concerns.map((x) => x.id);
  const s = await api.gql<{
    suggestPlan: {
      zones: { zone: string; depthMm: number; depthMinMm: number; depthMaxMm: number }[];
      sessions: number;
      intervalWeeks: number;
      device: string;
    };
  }>(
    `query($patientId: ID!, $concernIds: [ID!]!) { suggestPlan(patientId: $patientId, concernIds: $concernIds) { zones { zone depthMm depthMinMm depthMaxMm } sessions intervalWeeks device } }`,
    { patientId: opts.patientId, concernIds },
    as,
  );
  expect(s.errors).toBeUndefined();
  const suggestion = s.data!.suggestPlan;
  const p = await api.gql<{ createTreatmentPlan: { plan: PlanOut } }>(
    `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { ${PLAN_FIELDS} } } }`,
    {
      input: {
        consultationId: consultation.id,
        concernIds,
        siteId,
        startDate: opts.date,
        zones: suggestion.zones,
        sessionsPlanned: suggestion.sessions,
        intervalWeeks: suggestion.intervalWeeks,
        device: suggestion.device,
        plannedSerums: (opts.plannedSerums ?? []).map((serumId) => ({ serumId })),
      },
    },
    as,
  );
  expect(p.errors).toBeUndefined();
  return { consultationId: consultation.id, concernIds, plan: p.data!.createTreatmentPlan.plan };
}

/** A session input on the plan's zones at their planned depths, with a pen cartridge. */
export function sessionInput(
  plan: PlanOut,
  over: Record<string, unknown> = {},
  siteId = site("harbour"),
): Record<string, unknown> {
  return {
    planId: plan.id,
    siteId,
    performedOn: TODAY,
    device: "PEN",
    cartridge: { needleCount: 12, lotNumber: "CART-7781" },
    zones: plan.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm, passes: 2 })),
    numbing: { agent: "Topical anaesthetic cream", minutes: 30 },
    immediateReactions: "Mild pinpoint bleeding, even erythema",
    aftercareGiven: true,
    rescreen: noAnswers,
    ...over,
  };
}

export const SESSION_FIELDS = /* GraphQL */ `
  id version performedOn
  patient { id } plan { id progress { done planned } nextDueOn } site { name } practitioner { name }
  device { kind ... on Dermapen { cartridgeNeedleCount cartridgeLot } ... on RfMicroneedling { energyLevel pulseDurationMs } }
  zones { zone depthMm passes depthBand } depthDeviationReason deviations { zone reason }
  serumsApplied { serum { id name } serumName lotNumber lotExpiresOn zone findings { code level } override { reason by { name } } }
  numbing { agent minutes } immediateReactions aftercare { given lines }
  adverseEvents { type severity onsetOn durationDays classification flag serum { name } lotNumber }
  rescreen { findings { code level } added changed resolved overrides { code reason by { name } } carriedOverrides { code } }
`;

export const RECORD_SESSION = /* GraphQL */ `
  mutation RecordSession($patientId: ID!, $input: TreatmentSessionInput!, $key: String) {
    recordTreatmentSession(patientId: $patientId, input: $input, idempotencyKey: $key) {
      session { ${SESSION_FIELDS} }
      plan { id version status progress { done planned remaining } lastSessionOn nextDueOn }
    }
  }
`;

export interface SessionOut {
  id: string;
  version: number;
  performedOn: string;
  plan: { id: string; progress: { done: number; planned: number }; nextDueOn: string | null };
  device: { kind: string; cartridgeNeedleCount?: number; cartridgeLot?: string };
  zones: { zone: string; depthMm: number; passes: number; depthBand: string }[];
  deviations: { zone: string; reason: string }[];
  serumsApplied: {
    serum: { id: string; name: string };
    lotNumber: string;
    zone: string;
    findings: { code: string; level: string }[];
    override: { reason: string; by: { name: string } } | null;
  }[];
  aftercare: { given: boolean; lines: string[] };
  adverseEvents: { type: string; classification: string; flag: string | null }[];
  rescreen: {
    findings: { code: string }[];
    added: string[];
    overrides: { code: string; reason: string; by: { name: string } }[];
    carriedOverrides: { code: string }[];
  };
}

export interface RecordedSession {
  recordTreatmentSession: { session: SessionOut; plan: PlanOut & { lastSessionOn: string | null } };
}

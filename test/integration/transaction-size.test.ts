import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, Protocols, Sessions } from "@needlework/core";
import { parseGlobalId, toGlobalId } from "@needlework/api";
import { startTestApi, type TestApi } from "../support/api";
import { noAnswers, site } from "../support/clinical";

/**
 * The worst case of a session's and an assessment's transaction within the validation limits
 * (docs/STORAGE.md "Transaction size"): a plan of MAX_CONCERNS_PER_PLAN concerns, every zone (all
 * five depth bands), MAX_SERUMS_PER_SESSION applications of MAX_DISTINCT_SERUMS_PER_SESSION serums,
 * adverse events and an idempotency key; then, once every concern has outcomes on several scales, a
 * second session that brings every course a new depth band, five new serums, a new device and a new
 * practitioner (each course's counters move on every item it has). Recorded on DynamoDB Local, each
 * TransactWriteItems is measured: items, and the longest update expression (DynamoDB: 4 KB).
 */
const TODAY = new Date().toISOString().slice(0, 10);
const D0 = addDays(TODAY, -200);
const on = (days: number) => addDays(D0, days);

/** Every zone, at a depth in each of the five bands across them (plan ranges: the zone's own). */
const ZONES: { zone: string; depthMm: number; min: number; max: number; later: number }[] = [
  { zone: "FOREHEAD", depthMm: 0.5, min: 0.25, max: 0.5, later: 0.3 },
  { zone: "PERIORBITAL", depthMm: 0.25, min: 0.25, max: 0.3, later: 0.25 },
  { zone: "CHEEKS", depthMm: 1.5, min: 0.5, max: 1.5, later: 1.0 },
  { zone: "NOSE", depthMm: 0.5, min: 0.25, max: 0.5, later: 0.5 },
  { zone: "PERIORAL", depthMm: 1.0, min: 0.25, max: 1.0, later: 1.0 },
  { zone: "CHIN", depthMm: 1.0, min: 0.5, max: 1.0, later: 1.0 },
  { zone: "JAWLINE", depthMm: 1.5, min: 0.5, max: 1.5, later: 1.5 },
  { zone: "NECK", depthMm: 1.0, min: 0.5, max: 1.0, later: 0.5 },
  { zone: "DECOLLETAGE", depthMm: 1.0, min: 0.25, max: 1.0, later: 1.0 },
  { zone: "SCALP", depthMm: 1.5, min: 0.5, max: 1.5, later: 1.0 },
  { zone: "ABDOMEN", depthMm: 2.5, min: 1.0, max: 2.5, later: 1.8 },
  { zone: "THIGHS", depthMm: 2.0, min: 1.0, max: 2.5, later: 2.0 },
  { zone: "ARMS", depthMm: 2.0, min: 0.5, max: 2.0, later: 2.0 },
  { zone: "BUTTOCKS", depthMm: 2.5, min: 1.0, max: 2.5, later: 2.5 },
  { zone: "BACK", depthMm: 2.5, min: 1.0, max: 2.5, later: 2.5 },
  { zone: "HANDS", depthMm: 0.5, min: 0.25, max: 0.5, later: 0.5 },
];

/** Five concerns, each on its own zone (so each course sees its zone's band and serums). */
const CONCERNS = [
  {
    indication: "ACNE_SCARRING",
    bodyArea: "CHEEKS",
    baselineScale: "GOODMAN_BARON_QUALITATIVE",
    baselineScore: 3,
  },
  { indication: "WRINKLES", bodyArea: "FOREHEAD", baselineScale: "LEMPERLE", baselineScore: 3 },
  { indication: "STRETCH_MARKS", bodyArea: "ABDOMEN", baselineScale: "SATISFACTION", baselineScore: 3 },
  { indication: "ALOPECIA", bodyArea: "SCALP", baselineScale: "HAIR_COUNT", baselineScore: 70 },
  { indication: "LAXITY", bodyArea: "NECK", baselineScale: "SATISFACTION", baselineScore: 4 },
];

interface Measured {
  operation: string;
  items: number;
  longestUpdate: number;
  mostAdds: number;
}

describe("transaction size: the worst case within the validation limits fits DynamoDB's 100 items", () => {
  let api: TestApi;
  const calls: Measured[] = [];
  const serumIds: string[] = [];
  let patientId: string;
  let planId: string;
  let concernIds: string[];
  let consultationId: string;

  /** The TransactWriteItems of what `fn` sends. */
  const measure = async <T>(fn: () => Promise<T>): Promise<{ result: T; tx: Measured[] }> => {
    const from = calls.length;
    const result = await fn();
    return { result, tx: calls.slice(from).filter((c) => c.operation === "TransactWriteItems") };
  };

  beforeAll(async () => {
    api = await startTestApi();
    api.db.responseHook = ({ operation, input, output }) => {
      if (operation === "TransactWriteItems") {
        const items = (input.TransactItems as { Update?: { UpdateExpression: string } }[]) ?? [];
        const updates = items.map((i) => i.Update?.UpdateExpression ?? "");
        calls.push({
          operation,
          items: items.length,
          longestUpdate: Math.max(0, ...updates.map((u) => u.length)),
          mostAdds: Math.max(0, ...updates.map((u) => (u.split(" ADD ")[1] ?? "").split(",").length)),
        });
      }
      return output;
    };
    const admin = api.users.mia!;
    // Ten serums cleared for needling, each with a current lot.
    for (let i = 0; i < 10; i++) {
      const r = await api.gql<{ createSerum: { serum: { id: string; version: number } } }>(
        `mutation($input: SerumInput!) { createSerum(input: $input) { serum { id version } } }`,
        {
          input: {
            name: `Worst-case serum ${i}`,
            ingredients: ["sodium hyaluronate"],
            clearance: "CLEARED_FOR_NEEDLING",
            sterile: true,
          },
        },
        admin,
      );
      expect(r.errors).toBeUndefined();
      const s = r.data!.createSerum.serum;
      const lot = await api.gql(
        `mutation($id: ID!, $version: Int!, $lot: SerumLotInput!) { addSerumLot(id: $id, version: $version, lot: $lot) { serum { id } } }`,
        { id: s.id, version: s.version, lot: { lotNumber: `WC-${i}`, expiresOn: addDays(TODAY, 365) } },
        admin,
      );
      expect(lot.errors).toBeUndefined();
      serumIds.push(s.id);
    }
    const p = await api.gql<{ createPatient: { patient: { id: string } } }>(
      `mutation($input: PatientInput!) { createPatient(input: $input) { patient { id } } }`,
      {
        input: {
          givenName: "Wren",
          familyName: "Castellano",
          dateOfBirth: "1980-02-02",
          fitzpatrick: "III",
          siteId: site("harbour"),
        },
      },
      api.users.sam,
    );
    expect(p.errors).toBeUndefined();
    patientId = p.data!.createPatient.patient.id;
    const c = await api.gql<{
      recordConsultation: { consultation: { id: string; concerns: { id: string }[] } };
    }>(
      `mutation($patientId: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $patientId, input: $input) { consultation { id concerns { id } } } }`,
      {
        patientId,
        input: {
          date: D0,
          siteId: site("harbour"),
          concerns: CONCERNS.map((x) => ({ ...x, zones: [x.bodyArea] })),
          answers: noAnswers,
        },
      },
      api.users.sam,
    );
    expect(c.errors).toBeUndefined();
    concernIds = c.data!.recordConsultation.consultation.concerns.map((x) => x.id);
    consultationId = c.data!.recordConsultation.consultation.id;
    expect(concernIds).toHaveLength(Protocols.MAX_CONCERNS_PER_PLAN);
    const plan = await api.gql<{ createTreatmentPlan: { plan: { id: string } } }>(
      `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id } } }`,
      {
        input: {
          consultationId,
          concernIds,
          siteId: site("harbour"),
          startDate: on(1),
          zones: ZONES.map((z) => ({
            zone: z.zone,
            depthMm: z.depthMm,
            depthMinMm: z.min,
            depthMaxMm: z.max,
          })),
          sessionsPlanned: 6,
          intervalWeeks: 6,
          device: "PEN",
        },
      },
      api.users.sam,
    );
    expect(plan.errors).toBeUndefined();
    planId = plan.data!.createTreatmentPlan.plan.id;
  }, 120_000);
  afterAll(async () => api?.stop());

  /** 20 applications: serums `from`..`from+4`, each on four zones, the concerns' zones first. */
  const applications = (from: number) => {
    const zones = ["CHEEKS", "FOREHEAD", "ABDOMEN", "SCALP", "NECK", "CHIN", "ARMS", "BACK"];
    return Array.from({ length: Sessions.MAX_SERUMS_PER_SESSION }, (_, i) => {
      const s = from + (i % Sessions.MAX_DISTINCT_SERUMS_PER_SESSION);
      return {
        serumId: serumIds[s]!,
        lotNumber: `WC-${s}`,
        zone: zones[(i + Math.floor(i / Sessions.MAX_DISTINCT_SERUMS_PER_SESSION)) % zones.length]!,
      };
    });
  };

  const record = (input: Record<string, unknown>, as = api.users.sam, key?: string) =>
    api.gql<{ recordTreatmentSession: { session: { id: string } } }>(
      `mutation($patientId: ID!, $input: TreatmentSessionInput!, $key: String) { recordTreatmentSession(patientId: $patientId, input: $input, idempotencyKey: $key) { session { id } } }`,
      { patientId, input, key },
      as,
    );

  const sessionInput = (performedOn: string, over: Record<string, unknown>) => ({
    planId,
    siteId: site("harbour"),
    performedOn,
    device: "PEN",
    cartridge: { needleCount: 12, lotNumber: "CART-WC" },
    zones: ZONES.map((z) => ({ zone: z.zone, depthMm: z.depthMm, passes: 2 })),
    aftercareGiven: true,
    rescreen: noAnswers,
    adverseEvents: [
      { type: "ERYTHEMA_OEDEMA", severity: "MILD", onsetOn: performedOn, durationDays: 5 },
      { type: "PIH", severity: "MODERATE", onsetOn: performedOn },
    ],
    ...over,
  });

  it("refuses a plan of more concerns and a session of more different serums than the limits", async () => {
    const plan = await api.gql(
      `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id } } }`,
      {
        input: {
          consultationId,
          concernIds: [...concernIds, toGlobalId("Concern", `${parseGlobalId(concernIds[0]!)!.localId}x`)],
          siteId: site("harbour"),
          startDate: on(1),
          zones: [{ zone: "CHEEKS", depthMm: 1 }],
          sessionsPlanned: 3,
          intervalWeeks: 4,
          device: "PEN",
        },
      },
      api.users.sam,
    );
    expect(plan.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(plan.errors?.[0]?.extensions?.fields)).toContain("at most 5 concerns");
    const six = await record(
      sessionInput(on(10), {
        serumsApplied: serumIds
          .slice(0, 6)
          .map((serumId, i) => ({ serumId, lotNumber: `WC-${i}`, zone: "CHEEKS" })),
      }),
    );
    expect(six.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(six.errors?.[0]?.extensions?.fields)).toContain("different serums");
  });

  it("records the worst first session of a plan in one transaction within 100 items", async () => {
    const { result, tx } = await measure(() =>
      record(sessionInput(on(10), { serumsApplied: applications(0) }), api.users.sam, "worst-case-1"),
    );
    expect(result.errors).toBeUndefined();
    expect(tx).toHaveLength(1);
    console.log(`worst first session: ${JSON.stringify(tx[0])}`);
    expect(tx[0]!.items).toBeLessThanOrEqual(100);
    expect(tx[0]!.longestUpdate).toBeLessThan(4096);
  });

  it("records scores on several scales for every concern; each assessment fits", async () => {
    const scores: [number, string, number, string][] = [
      [0, "GOODMAN_BARON_QUALITATIVE", 2, "CLINICIAN"],
      [0, "GAIS", 2, "CLINICIAN"],
      [0, "GOODMAN_BARON_QUANTITATIVE", 30, "CLINICIAN"],
      [0, "SATISFACTION", 5, "PATIENT"],
      [1, "LEMPERLE", 2, "CLINICIAN"],
      [1, "GAIS", 3, "CLINICIAN"],
      [2, "SATISFACTION", 6, "PATIENT"],
      [3, "HAIR_COUNT", 82, "CLINICIAN"],
      [4, "SATISFACTION", 7, "PATIENT"],
    ];
    let most = 0;
    for (const [day, [concern, scale, score, rater]] of [
      ...scores.map((s) => [40, s] as const),
      // A second score on the scales measured against their first: the outcome on them exists now.
      [45, [0, "GOODMAN_BARON_QUANTITATIVE", 24, "CLINICIAN"]] as const,
      [45, [0, "SATISFACTION", 8, "PATIENT"]] as const,
    ]) {
      const { result, tx } = await measure(() =>
        api.gql(
          `mutation($patientId: ID!, $input: AssessmentInput!, $key: String) { recordAssessment(patientId: $patientId, input: $input, idempotencyKey: $key) { assessment { id } } }`,
          {
            patientId,
            input: { concernId: concernIds[concern], scale, score, rater, assessedOn: on(day) },
            key: `wc-${concern}-${scale}-${day}`,
          },
          api.users.sam,
        ),
      );
      expect(result.errors, `${scale} ${day}`).toBeUndefined();
      expect(tx).toHaveLength(1);
      expect(tx[0]!.longestUpdate).toBeLessThan(4096);
      most = Math.max(most, tx[0]!.items);
    }
    console.log(`largest assessment: ${most} items`);
    expect(most).toBeLessThanOrEqual(100);
  });

  it("records a later session that changes every course (new band, serums, device and practitioner) within 100 items", async () => {
    const { result, tx } = await measure(() =>
      record(
        sessionInput(on(70), {
          device: "RF_MICRONEEDLING",
          cartridge: null,
          rf: { energyLevel: 30, pulseDurationMs: 100 },
          zones: ZONES.map((z) => ({ zone: z.zone, depthMm: z.later, passes: 2 })),
          serumsApplied: applications(5),
        }),
        api.users.ava,
        "worst-case-2",
      ),
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(tx).toHaveLength(1);
    console.log(`worst later session: ${JSON.stringify(tx[0])}`);
    expect(tx[0]!.items).toBeLessThanOrEqual(100);
    expect(tx[0]!.longestUpdate).toBeLessThan(4096);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { addDays, type Principal } from "@needlework/core";
import { Patients, type Db } from "@needlework/store";
import { demoGroups } from "@needlework/store/local";
import { parseGlobalId } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";
import { recordCohort, TODAY, type CreatedPatient } from "./cohort";
import { PATIENT_FIELDS, patientInputOf, type PatientOut } from "./patient-edit";
import { expectAnalyticsAgree } from "./recompute";

/**
 * A patient's Fitzpatrick type changed after sessions and assessments: outcome summaries, outcome
 * records and KPIs, filtered by the old and by the new type, agree with a recomputation that counts
 * every patient under the type on its profile now (the rule: packages/store/src/clinical/
 * patient-facts.ts). Later writes (a late adverse event, a new score) land under the new type, and a
 * write racing the change turns the change into CONFLICT rather than being left under the old type.
 */
const PATIENT = `query($id: ID!) { patient(id: $id) { ${PATIENT_FIELDS}
  timeline(first: 100) { edges { node { __typename ... on TreatmentSession { id version } } } } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: PatientInput!) { updatePatient(id: $id, version: $v, input: $input) { patient { id version fitzpatrick } } }`;

describe("a patient's Fitzpatrick type changed after sessions and assessments", () => {
  let api: TestApi;
  let created: CreatedPatient[];
  let ids: string[];
  let zelda: CreatedPatient;
  let ava: Principal;

  const read = async (id: string): Promise<PatientOut> => {
    const r = await api.gql<{ patient: PatientOut }>(PATIENT, { id }, ava);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.patient;
  };
  const inputOf = (p: PatientOut, fitzpatrick: string | null) => patientInputOf(p, { fitzpatrick });

  const setType = async (fitzpatrick: string | null) => {
    const p = await read(zelda.id);
    const r = await api.gql<{ updatePatient: { patient: { fitzpatrick: string | null } } }>(
      UPDATE,
      { id: zelda.id, v: p.version, input: inputOf(p, fitzpatrick) },
      ava,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data!.updatePatient.patient.fitzpatrick).toBe(fitzpatrick);
  };

  beforeAll(async () => {
    api = await startTestApi();
    ava = api.users.ava!;
    created = await recordCohort(api);
    zelda = created.find((p) => p.familyName === "Quistgaard")!;
    ids = [
      ...demoGroups()
        .find((g) => g.group.id === "glow")!
        .patients.map((p) => p.id),
      ...created.map((p) => parseGlobalId(p.id)!.localId),
    ];
  }, 120_000);
  afterAll(async () => api?.stop());

  it("agrees with the recomputation before any change", async () => {
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II", "V"] });
  });

  it("II -> V: summaries, outcome records and KPIs filtered by V and by II move the patient's sessions, outcomes and plans", async () => {
    const beforeV = (
      await api.gql<{ kpis: { plansCounted: number } }>(
        `{ kpis(filter: { fitzpatrick: V }) { plansCounted } }`,
        {},
        api.users.leo,
      )
    ).data!.kpis.plansCounted;
    await setType("V");
    const raw = await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II", "V"] });
    // Zelda's plan is counted under V now (and not under II).
    const after = await api.gql<{ kpis: { plansCounted: number } }>(
      `{ kpis(filter: { fitzpatrick: V }) { plansCounted } }`,
      {},
      api.users.leo,
    );
    expect(after.data!.kpis.plansCounted).toBe(beforeV + 1);
    expect(
      raw.sessions.some((s) => s.fitzpatrick === "II" && s.patientId === parseGlobalId(zelda.id)!.localId),
    ).toBe(true);
  });

  it("later writes land under the new type: a late adverse event and a newer score", async () => {
    const p = await read(zelda.id);
    const timeline = (
      await api.gql<{
        patient: { timeline: { edges: { node: { __typename: string; id: string; version: number } }[] } };
      }>(PATIENT, { id: zelda.id }, ava)
    ).data!.patient.timeline.edges;
    const session = timeline.map((e) => e.node).find((n) => n.__typename === "TreatmentSession")!;
    const event = await api.gql(
      `mutation($id: ID!, $v: Int!, $e: AdverseEventInput!) { recordAdverseEvent(sessionId: $id, version: $v, event: $e) { session { id } } }`,
      {
        id: session.id,
        v: session.version,
        e: { type: "PIH", severity: "MILD", onsetOn: addDays(TODAY, -20) },
      },
      ava,
    );
    expect(event.errors, JSON.stringify(event.errors)).toBeUndefined();
    const concerns = await api.gql<{ patient: { concerns: { id: string }[] } }>(
      `query($id: ID!) { patient(id: $id) { concerns { id } } }`,
      { id: p.id },
      ava,
    );
    expect(concerns.errors, JSON.stringify(concerns.errors)).toBeUndefined();
    const score = await api.gql(
      `mutation($p: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $p, input: $input) { assessment { id } } }`,
      {
        p: p.id,
        input: {
          concernId: concerns.data!.patient.concerns[0]!.id,
          scale: "GOODMAN_BARON_QUANTITATIVE",
          score: 20,
          rater: "CLINICIAN",
          assessedOn: addDays(TODAY, -5),
        },
      },
      ava,
    );
    expect(score.errors, JSON.stringify(score.errors)).toBeUndefined();
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II", "V"] });
  });

  it("cleared, then set again: nothing is left under any type while none is recorded", async () => {
    await setType(null);
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II", "V"] });
    await setType("II");
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II", "V"] });
  });

  /** The store's update of Zelda's type, on a client that lets `interfere` commit just before the update's transaction. */
  const raceWith = async (to: string, interfere: (p: PatientOut) => Promise<void>) => {
    const p = await read(zelda.id);
    let interfered = false;
    const racing: Db = {
      ...api.db,
      doc: {
        send: async (command: unknown) => {
          if (command instanceof TransactWriteCommand && !interfered) {
            interfered = true;
            await interfere(p);
          }
          return api.db.doc.send(command as never);
        },
      } as unknown as Db["doc"],
    };
    const attempt = Patients.updatePatient(racing, ava, parseGlobalId(p.id)!.localId, p.version, {
      ...inputOf(p, to),
      siteId: parseGlobalId(p.siteId.id)!.localId,
    } as never);
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
    expect(interfered).toBe(true);
  };

  it("a write landing between the change's reads and its commit makes the change CONFLICT, and nothing is miscounted", async () => {
    // A score: the outcome record it rewrites is at another version than the change read.
    await raceWith("VI", async (p) => {
      const concerns = await api.gql<{ patient: { concerns: { id: string }[] } }>(
        `query($id: ID!) { patient(id: $id) { concerns { id } } }`,
        { id: p.id },
        ava,
      );
      const r = await api.gql(
        `mutation($p: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $p, input: $input) { assessment { id } } }`,
        {
          p: p.id,
          input: {
            concernId: concerns.data!.patient.concerns[0]!.id,
            scale: "GAIS",
            score: 1,
            rater: "PATIENT",
            assessedOn: addDays(TODAY, -3),
          },
        },
        api.users.mia,
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    });
    // A new plan: only the profile's recordSeq tells the change that a KPI item appeared.
    await raceWith("VI", async (p) => {
      const c = await api.gql<{
        patient: {
          timeline: { edges: { node: { __typename: string; id: string; concerns?: { id: string }[] } }[] };
        };
      }>(
        `query($id: ID!) { patient(id: $id) { timeline(first: 100) { edges { node { __typename ... on Consultation { id concerns { id } } } } } } }`,
        { id: p.id },
        ava,
      );
      const consultation = c
        .data!.patient.timeline.edges.map((e) => e.node)
        .find((n) => n.__typename === "Consultation")!;
      const r = await api.gql(
        `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id } } }`,
        {
          input: {
            consultationId: consultation.id,
            concernIds: consultation.concerns!.map((x) => x.id),
            siteId: p.siteId.id,
            startDate: addDays(TODAY, -1),
            zones: [{ zone: "CHEEKS", depthMm: 1.5, depthMinMm: 1.0, depthMaxMm: 2.0 }],
            sessionsPlanned: 3,
            intervalWeeks: 4,
            device: "PEN",
          },
        },
        api.users.mia,
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    });
    expect((await read(zelda.id)).fitzpatrick).toBe("II");
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II", "VI"] });
    // Retried on what is there now, it goes through.
    await setType("VI");
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II", "VI"] });
  });

  it("another group's admin cannot change it (NOT_FOUND, nothing moved)", async () => {
    const p = await read(zelda.id);
    const r = await api.gql(UPDATE, { id: zelda.id, v: p.version, input: inputOf(p, "I") }, api.users.ian);
    expect(codes(r)).toEqual(["NOT_FOUND"]);
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["I", "VI"] });
  });
});

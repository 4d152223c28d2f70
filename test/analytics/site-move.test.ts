import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type Principal } from "@needlework/core";
import { Patients, TreatmentPlans } from "@needlework/store";
import { demoGroups } from "@needlework/store/local";
import { parseGlobalId, toGlobalId } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";
import { interferingDb } from "../support/interfere";
import { recordCohort, TODAY, type CreatedPatient } from "./cohort";
import { PATIENT_FIELDS, patientInputOf, type PatientOut } from "./patient-edit";
import { expectAnalyticsAgree, expectSitesAgree } from "./recompute";

/**
 * A patient moved to another site after sessions and assessments. The rule
 * (packages/store/src/clinical/patient-facts.ts): a session stays counted at the site where it was
 * performed (its own site); the patient's courses (outcome records, their rollups and record counters)
 * and plans (KPI items) follow the patient's current site, recounted in the profile's transaction.
 * Outcome records, summaries grouped by site and filtered by each site (with a date range), the
 * concern × depth band matrix per site and the KPIs per site, for the old and the new site, agree with
 * a recomputation; a practitioner of the old site no longer sees the patient, one of the new site does.
 */
const PATIENT = `query($id: ID!) { patient(id: $id) { ${PATIENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: PatientInput!) { updatePatient(id: $id, version: $v, input: $input) { patient { id version site { id } } } }`;
const ASSESS = `mutation($p: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $p, input: $input) { assessment { id } } }`;

const harbour = toGlobalId("Site", "harbour");
const riverside = toGlobalId("Site", "riverside");
/** A range that cuts through the cohort's months (courses and sessions on both sides of it). */
const RANGE = { from: addDays(TODAY, -250), to: addDays(TODAY, -90) };

describe("a patient moved to another site after sessions and assessments", () => {
  let api: TestApi;
  let created: CreatedPatient[];
  let ids: string[];
  let zelda: CreatedPatient;
  let sam: Principal;

  const agree = async () => {
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II"] });
    await expectSitesAgree(api, "glow", ids, { sites: ["harbour", "riverside"], range: RANGE });
  };
  const read = async (id: string, as: Principal = sam): Promise<PatientOut> => {
    const r = await api.gql<{ patient: PatientOut }>(PATIENT, { id }, as);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.patient;
  };
  const inputOf = (p: PatientOut, siteId: string) => patientInputOf(p, { siteId });

  const move = async (siteId: string) => {
    const p = await read(zelda.id);
    const r = await api.gql<{ updatePatient: { patient: { site: { id: string } } } }>(
      UPDATE,
      { id: zelda.id, v: p.version, input: inputOf(p, siteId) },
      sam,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data!.updatePatient.patient.site.id).toBe(siteId);
  };
  const recordCount = async (siteId: string) => {
    const r = await api.gql<{ outcomeExport: { progress: { total: number | null } } }>(
      `query($f: OutcomeFilter) { outcomeExport(filter: $f, rows: 1) { progress { total } } }`,
      { f: { siteId } },
      api.users.leo,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.outcomeExport.progress.total;
  };
  const listed = async (siteId: string, as: Principal) => {
    const r = await api.gql<{ patients: { edges: { node: { id: string } }[] } }>(
      `query($s: ID!) { patients(siteId: $s, search: "Quistgaard", first: 50) { edges { node { id } } } }`,
      { s: siteId },
      as,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.patients.edges.map((e) => e.node.id);
  };

  beforeAll(async () => {
    api = await startTestApi();
    sam = api.users.sam!;
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

  it("agrees with the recomputation before the move", async () => {
    expect((await read(zelda.id)).siteId.id).toBe(harbour);
    await agree();
  });

  it("harbour -> riverside: courses, outcome records, record counters and plans move; sessions stay where performed", async () => {
    const before = { harbour: await recordCount(harbour), riverside: await recordCount(riverside) };
    const sessionsAt = async () =>
      (
        await api.gql<{ outcomeSummary: { rows: { key: string; sessions: number }[] } }>(
          `{ outcomeSummary(groupBy: SITE) { rows { key sessions } } }`,
          {},
          api.users.leo,
        )
      ).data!.outcomeSummary.rows;
    const sessionsBefore = await sessionsAt();
    await move(riverside);
    const raw = await expectSitesAgree(api, "glow", ids, { sites: ["harbour", "riverside"], range: RANGE });
    await expectAnalyticsAgree(api, "glow", ids, { fitzpatrick: ["II"] });
    // Zelda's treated concerns moved between the sites' record counters (the export's total).
    const local = parseGlobalId(zelda.id)!.localId;
    const treated = raw.concerns.filter(
      (c) =>
        c.patientId === local &&
        (raw.sessions.some((s) => (s.concernIds as string[]).includes(String(c.id))) ||
          raw.assessments.some((a) => a.concernId === c.id)),
    ).length;
    expect(treated).toBeGreaterThan(0);
    expect(await recordCount(harbour)).toBe(before.harbour! - treated);
    expect(await recordCount(riverside)).toBe(before.riverside! + treated);
    // Her sessions were performed at harbour and are still counted there.
    expect(raw.sessions.some((s) => s.patientId === local && s.siteId === "harbour")).toBe(true);
    expect(await sessionsAt()).toEqual(sessionsBefore);
  });

  it("her plan moved with her: due on the new site's list, off the old one's", async () => {
    const DUE = `query($s: ID!, $from: Date!, $to: Date!) { plansDue(siteId: $s, from: $from, to: $to, first: 100) { edges { node { id site { id } } } } }`;
    const due = async (siteId: string) => {
      const r = await api.gql<{ plansDue: { edges: { node: { id: string; site: { id: string } } }[] } }>(
        DUE,
        { s: siteId, from: addDays(TODAY, -3650), to: addDays(TODAY, 3650) },
        sam,
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data!.plansDue.edges.map((e) => e.node);
    };
    const plan = await api.gql<{ node: { site: { id: string }; dueOn: string | null; version: number } }>(
      `query($id: ID!) { node(id: $id) { ... on TreatmentPlan { site { id } dueOn version } } }`,
      { id: zelda.planId! },
      sam,
    );
    expect(plan.errors, JSON.stringify(plan.errors)).toBeUndefined();
    expect(plan.data!.node.site.id).toBe(riverside);
    expect(plan.data!.node.dueOn).not.toBeNull();
    expect((await due(riverside)).map((n) => n.id)).toContain(zelda.planId);
    expect((await due(harbour)).map((n) => n.id)).not.toContain(zelda.planId);
  });

  it("a practitioner of the old site no longer sees the patient (NOT_FOUND); one of the new site does", async () => {
    const ava = api.users.ava!; // harbour only
    const hidden = await api.gql(PATIENT, { id: zelda.id }, ava);
    expect(codes(hidden)).toEqual(["NOT_FOUND"]);
    const p = await read(zelda.id, sam); // harbour and riverside
    expect(p.siteId.id).toBe(riverside);
    const write = await api.gql(UPDATE, { id: zelda.id, v: p.version, input: inputOf(p, harbour) }, ava);
    expect(codes(write)).toEqual(["NOT_FOUND"]);
    // The site patient lists: gone from harbour's, in riverside's.
    expect(await listed(harbour, ava)).not.toContain(zelda.id);
    expect(await listed(harbour, sam)).not.toContain(zelda.id);
    expect(await listed(riverside, sam)).toContain(zelda.id);
    expect((await read(zelda.id)).version).toBe(p.version);
  });

  it("later writes land at the new site: a newer score and a late adverse event", async () => {
    const concerns = await api.gql<{ patient: { concerns: { id: string }[] } }>(
      `query($id: ID!) { patient(id: $id) { concerns { id } } }`,
      { id: zelda.id },
      sam,
    );
    expect(concerns.errors, JSON.stringify(concerns.errors)).toBeUndefined();
    const score = await api.gql(
      ASSESS,
      {
        p: zelda.id,
        input: {
          concernId: concerns.data!.patient.concerns[0]!.id,
          scale: "GOODMAN_BARON_QUANTITATIVE",
          score: 18,
          rater: "CLINICIAN",
          assessedOn: addDays(TODAY, -4),
        },
      },
      sam,
    );
    expect(score.errors, JSON.stringify(score.errors)).toBeUndefined();
    const timeline = await api.gql<{
      patient: { timeline: { edges: { node: { __typename: string; id?: string; version?: number } }[] } };
    }>(
      `query($id: ID!) { patient(id: $id) { timeline(first: 100) { edges { node { __typename ... on TreatmentSession { id version } } } } } }`,
      { id: zelda.id },
      sam,
    );
    const session = timeline.data!.patient.timeline.edges.map((e) => e.node).find((n) => n.id)!;
    const event = await api.gql(
      `mutation($id: ID!, $v: Int!, $e: AdverseEventInput!) { recordAdverseEvent(sessionId: $id, version: $v, event: $e) { session { id } } }`,
      {
        id: session.id,
        v: session.version,
        e: { type: "PIH", severity: "MILD", onsetOn: addDays(TODAY, -20) },
      },
      sam,
    );
    expect(event.errors, JSON.stringify(event.errors)).toBeUndefined();
    await agree();
  });

  it("a write landing between the move's reads and its commit makes the move CONFLICT; retried, it goes through", async () => {
    const p = await read(zelda.id);
    const racing = interferingDb(api.db, async () => {
      const concerns = await api.gql<{ patient: { concerns: { id: string }[] } }>(
        `query($id: ID!) { patient(id: $id) { concerns { id } } }`,
        { id: zelda.id },
        sam,
      );
      const r = await api.gql(
        ASSESS,
        {
          p: zelda.id,
          input: {
            concernId: concerns.data!.patient.concerns[0]!.id,
            scale: "GAIS",
            score: 2,
            rater: "PATIENT",
            assessedOn: addDays(TODAY, -2),
          },
        },
        api.users.mia,
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    });
    const attempt = Patients.updatePatient(racing.db, sam, parseGlobalId(zelda.id)!.localId, p.version, {
      ...inputOf(p, "harbour"),
    } as never);
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
    expect(racing.interfered()).toBe(true);
    expect((await read(zelda.id)).siteId.id).toBe(riverside);
    await agree();
    await move(harbour);
    await agree();
  });

  it("a plan edited with the patient read before a move is CONFLICT, not left at the old site", async () => {
    const p = await read(zelda.id);
    const planId = zelda.planId!;
    const plan = await api.gql<{ node: { version: number } }>(
      `query($id: ID!) { node(id: $id) { ... on TreatmentPlan { version } } }`,
      { id: planId },
      sam,
    );
    expect(plan.errors, JSON.stringify(plan.errors)).toBeUndefined();
    // The move commits between the plan update's reads and its transaction.
    const racing = interferingDb(api.db, () => move(riverside));
    const ref = parseGlobalId(planId)!.localId.split("|");
    const attempt = TreatmentPlans.updateTreatmentPlan(
      racing.db,
      sam,
      { patientId: ref[0]!, date: ref[1]!, id: ref[2]! },
      plan.data!.node.version,
      { notes: "moved patient" },
    );
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
    expect(racing.interfered()).toBe(true);
    expect((await read(zelda.id)).version).toBe(p.version + 1);
    await agree();
  });
});

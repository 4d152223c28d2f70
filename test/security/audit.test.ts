import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseGlobalId, toGlobalId } from "@needlework/api";
import { DomainError } from "@needlework/core";
import { Audit, Keys, Patients, Tx } from "@needlework/store";
import { codes, startTestApi, type TestApi } from "../support/api";
import {
  Fixtures,
  NO_ANSWERS,
  patientId,
  patientInput,
  siteId,
  TODAY,
  type FixtureConsultation,
} from "./fixtures";

/**
 * The audit trail over a scripted journey: exactly one entry per access to patient data (reads,
 * writes, refused attempts), none for a request that touched no patient data, writes' entries in the
 * write's transaction, and entries that cannot be overwritten.
 */
interface Entry {
  at: string;
  userId: string;
  userEmail: string;
  role: string;
  action: string;
  patientId: string | null;
  siteId: string | null;
  outcome: string;
}
type Trail = { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const ENTRY = `at userId userEmail role action patientId siteId outcome`;
const TRAIL = `query($p: ID!, $first: Int, $after: String) { auditTrail(patientId: $p, first: $first, after: $after) { edges { node { ${ENTRY} } } pageInfo { hasNextPage endCursor } } }`;
const BY_USER = `query($u: ID!, $first: Int, $after: String) { auditByUser(userId: $u, first: $first, after: $after) { edges { node { ${ENTRY} } } pageInfo { hasNextPage endCursor } } }`;
const CREATE = `mutation($input: PatientInput!, $key: String) { createPatient(input: $input, idempotencyKey: $key) { patient { id version } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: PatientInput!) { updatePatient(id: $id, version: $v, input: $input) { patient { version } } }`;
const READ = `query($id: ID!) { patient(id: $id) { id givenName } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Patient { site { name } } } }`;
const LIST = `query($s: ID!, $q: String) { patients(siteId: $s, search: $q) { edges { node { id } } } }`;

const user = (id: string) => toGlobalId("User", id);
const brief = (e: Entry) => `${e.action} ${e.outcome} ${e.role}`;

describe("audit trail", () => {
  let api: TestApi;
  let P = "";
  const started = new Date().toISOString();
  let consultationStarted = "";

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  const trail = async (p: string, as = api.users.mia) => {
    const r = await api.gql<{ auditTrail: Trail }>(TRAIL, { p, first: 100 }, as);
    expect(r.errors).toBeUndefined();
    return r.data!.auditTrail.edges.map((e) => e.node);
  };
  const byUser = async (u: string, as = api.users.mia) => {
    const r = await api.gql<{ auditByUser: Trail }>(BY_USER, { u, first: 100 }, as);
    expect(r.errors).toBeUndefined();
    return r.data!.auditByUser.edges.map((e) => e.node);
  };

  it("records one entry per access to patient data over a scripted journey", async () => {
    const { ava, leo, mia, zoe } = api.users;
    const R = patientId("otherSite");
    const N = patientId("otherGroup");
    const input = patientInput(siteId("own"), { givenName: "Journey", familyName: "Walker" });

    // Practitioner at Harbour Street.
    const created = await api.gql<{ createPatient: { patient: { id: string } } }>(CREATE, { input }, ava); // 1
    P = created.data!.createPatient.patient.id;
    expect((await api.gql(READ, { id: P }, ava)).errors).toBeUndefined(); // 2
    expect((await api.gql(NODE, { id: P }, ava)).errors).toBeUndefined(); // 3
    expect(
      (await api.gql(UPDATE, { id: P, v: 1, input: { ...input, givenName: "Journeyed" } }, ava)).errors,
    ).toBeUndefined(); // 4
    // A stale write is a refusal of the data, not of the person: it writes nothing, not even an entry.
    expect(codes(await api.gql(UPDATE, { id: P, v: 1, input }, ava))).toEqual(["CONFLICT"]); // none
    expect((await api.gql(LIST, { s: siteId("own") }, ava)).errors).toBeUndefined(); // 5
    expect((await api.gql(LIST, { s: siteId("own"), q: "wal" }, ava)).errors).toBeUndefined(); // 6
    expect(codes(await api.gql(READ, { id: R }, ava))).toEqual(["NOT_FOUND"]); // 7
    expect(codes(await api.gql(LIST, { s: siteId("otherSite") }, ava))).toEqual(["NOT_FOUND"]); // 8
    expect(codes(await api.gql(UPDATE, { id: R, v: 1, input }, ava))).toEqual(["NOT_FOUND"]); // 9
    expect(codes(await api.gql(READ, { id: N }, ava))).toEqual(["NOT_FOUND"]); // 10
    expect(codes(await api.gql(CREATE, { input: { ...input, givenName: " " } }, ava))).toEqual([
      "BAD_USER_INPUT",
    ]); // no data touched: none
    expect(codes(await api.gql(CREATE, { input: { ...input, siteId: siteId("otherSite") } }, ava))).toEqual([
      "NOT_FOUND",
    ]); // 11
    const key = "audit-journey-create-1";
    expect(
      (await api.gql(CREATE, { input: { ...input, familyName: "Once" }, key }, ava)).errors,
    ).toBeUndefined(); // 12
    expect(
      (await api.gql(CREATE, { input: { ...input, familyName: "Once" }, key }, ava)).errors,
    ).toBeUndefined(); // replay: none
    // Analyst: every identified read refused for the role, and audited.
    expect(codes(await api.gql(READ, { id: P }, leo))).toEqual(["FORBIDDEN"]);
    expect(codes(await api.gql(NODE, { id: P }, leo))).toEqual(["FORBIDDEN"]);
    expect(codes(await api.gql(LIST, { s: siteId("own") }, leo))).toEqual(["FORBIDDEN"]);
    // Clinic admin reads; a practitioner of another group tries the same id.
    expect((await api.gql(READ, { id: P }, mia)).errors).toBeUndefined();
    expect(codes(await api.gql(READ, { id: P }, zoe))).toEqual(["NOT_FOUND"]);

    const onP = await trail(P);
    expect(onP.map(brief)).toEqual([
      "READ_PATIENT OK CLINIC_ADMIN",
      "READ_PATIENT DENIED ANALYST", // node(P)
      "READ_PATIENT DENIED ANALYST", // patient(P)
      "UPDATE_PATIENT OK PRACTITIONER",
      "READ_PATIENT OK PRACTITIONER",
      "READ_PATIENT OK PRACTITIONER",
      "CREATE_PATIENT OK PRACTITIONER",
    ]);
    // Newest first, each with who, role, action, patient, when, site and outcome.
    expect(onP.map((e) => e.at)).toEqual([...onP.map((e) => e.at)].sort().reverse());
    const read = onP[4]!;
    expect(read).toMatchObject({
      userId: user("u-ava"),
      userEmail: "ava.reid@glow.example",
      role: "PRACTITIONER",
      action: "READ_PATIENT",
      patientId: P,
      siteId: siteId("own"),
      outcome: "OK",
    });
    expect(read.at >= started && read.at <= new Date().toISOString()).toBe(true);

    const ofAva = await byUser(user("u-ava"));
    expect(ofAva).toHaveLength(12);
    expect(ofAva.every((e) => e.userId === user("u-ava"))).toBe(true);
    expect(
      ofAva
        .filter((e) => e.outcome === "NOT_FOUND")
        .map((e) => e.action)
        .sort(),
    ).toEqual(["CREATE_PATIENT", "LIST_PATIENTS", "READ_PATIENT", "READ_PATIENT", "UPDATE_PATIENT"]);
    expect(ofAva.filter((e) => e.patientId === R).map(brief)).toEqual([
      "UPDATE_PATIENT NOT_FOUND PRACTITIONER",
      "READ_PATIENT NOT_FOUND PRACTITIONER",
    ]);
    // The probe of another group's id is recorded in Ava's own group, never in Northside's.
    expect(ofAva.filter((e) => e.patientId === N).map(brief)).toEqual([
      "READ_PATIENT NOT_FOUND PRACTITIONER",
    ]);

    const ofLeo = await byUser(user("u-leo"));
    expect(ofLeo.map(brief)).toEqual([
      "LIST_PATIENTS DENIED ANALYST",
      "READ_PATIENT DENIED ANALYST",
      "READ_PATIENT DENIED ANALYST",
    ]);

    // Northside's admin sees Zoe's probe in Northside's trail; Glow's patient stays invisible to them.
    const ofZoe = await byUser(user("u-zoe"), api.users.ian);
    expect(ofZoe.map((e) => [e.action, e.outcome, e.patientId])).toEqual([["READ_PATIENT", "NOT_FOUND", P]]);
    expect(codes(await api.gql(TRAIL, { p: P }, api.users.ian))).toEqual(["NOT_FOUND"]);
    consultationStarted = new Date().toISOString();
  });

  it("records one entry per access over a clinical journey: screen, consult, plan, session, assessment", async () => {
    const { ava, leo, sam } = api.users;
    const fx = new Fixtures(api);
    const C = patientId("own"); // Isla Graham, Harbour Street
    const gql = async <T>(q: string, v: Record<string, unknown>, as = ava) => {
      const r = await api.gql<T>(q, v, as);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data!;
    };
    const concern = {
      indication: "WRINKLES",
      bodyArea: "FOREHEAD",
      zones: ["FOREHEAD"],
      baselineScale: "LEMPERLE",
      baselineScore: 3,
    };

    await gql(
      `query($p: ID!, $a: ScreeningAnswersInput!) { screenPatient(patientId: $p, answers: $a, onDate: "${TODAY}") { cleared } }`,
      { p: C, a: NO_ANSWERS },
    );
    const consultation = (
      await gql<{
        recordConsultation: { consultation: FixtureConsultation & { concerns: { id: string }[] } };
      }>(
        `mutation($p: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $p, input: $input) { consultation { id version concerns { id } patient { givenName } } } }`,
        { p: C, input: { date: TODAY, siteId: siteId("own"), concerns: [concern], answers: NO_ANSWERS } },
      )
    ).recordConsultation.consultation;
    const concernIds = consultation.concerns.map((c) => c.id);
    await gql(
      `query($id: ID!) { node(id: $id) { ... on Consultation { concerns { indication } patient { givenName } } } }`,
      { id: consultation.id },
    );
    await gql(`query($p: ID!, $c: [ID!]!) { suggestPlan(patientId: $p, concernIds: $c) { sessions } }`, {
      p: C,
      c: concernIds,
    });
    const plan = (
      await gql<{ createTreatmentPlan: { plan: { id: string } } }>(
        `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id patient { givenName } } } }`,
        { input: fx.planInput("own", { ...consultation, concernIds, patientId: C }) },
      )
    ).createTreatmentPlan.plan;
    const session = (
      await gql<{ recordTreatmentSession: { session: { id: string } } }>(
        `mutation($p: ID!, $input: TreatmentSessionInput!) { recordTreatmentSession(patientId: $p, input: $input) { session { id patient { givenName } } plan { id } } }`,
        { p: C, input: fx.sessionInput("own", plan.id) },
      )
    ).recordTreatmentSession.session;
    await gql(
      `query($id: ID!) { node(id: $id) { ... on TreatmentSession { plan { id } patient { givenName } } } }`,
      { id: session.id },
    );
    await gql(
      `mutation($p: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $p, input: $input) { assessment { id } } }`,
      {
        p: C,
        input: fx.assessmentInput(concernIds[0]!),
      },
    );
    await gql(`query($p: ID!, $c: ID!) { outcomeTrend(patientId: $p, concernId: $c) { points { score } } }`, {
      p: C,
      c: concernIds[0],
    });
    await gql(
      `query($id: ID!) { patient(id: $id) { timeline { edges { date } } activeFlags { code } concerns { id } } }`,
      { id: C },
    );
    // Refused: the analyst reading the session (audited) and Ava's stale plan update (writes nothing). Then Sam (who also works at
    // Harbour Street) reads the session: one entry under him.
    expect(codes(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: session.id }, leo))).toEqual(
      ["FORBIDDEN"],
    );
    expect(
      codes(
        await api.gql(
          `mutation($id: ID!) { updateTreatmentPlan(id: $id, version: 99, input: { notes: "stale" }) { plan { id } } }`,
          { id: plan.id },
        ),
      ),
    ).toEqual(["CONFLICT"]);
    await gql(
      `query($id: ID!) { node(id: $id) { ... on TreatmentSession { id } } }`,
      { id: session.id },
      sam,
    );

    const onC = (await trail(C)).filter((e) => e.at >= consultationStarted).map(brief);
    expect(onC.reverse()).toEqual([
      "SCREEN_PATIENT OK PRACTITIONER",
      "RECORD_CONSULTATION OK PRACTITIONER",
      "READ_CONSULTATION OK PRACTITIONER",
      "SUGGEST_PLAN OK PRACTITIONER",
      "CREATE_TREATMENT_PLAN OK PRACTITIONER",
      "RECORD_TREATMENT_SESSION OK PRACTITIONER",
      "READ_TREATMENT_SESSION OK PRACTITIONER",
      "RECORD_ASSESSMENT OK PRACTITIONER",
      "READ_OUTCOME_TREND OK PRACTITIONER",
      "READ_PATIENT OK PRACTITIONER",
      "READ_TREATMENT_SESSION DENIED ANALYST",
      "READ_TREATMENT_SESSION OK PRACTITIONER",
    ]);
  });

  it("does not change a patient's trail by reading it, and counts the same in the table", async () => {
    const before = await trail(P);
    const again = await trail(P);
    expect(again).toEqual(before);
    const local = parseGlobalId(P)!.localId;
    const raw = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": Keys.auditByPatientPk("glow", local) },
        Select: "COUNT",
      }),
    );
    expect(raw.Count).toBe(7);
    // The reads of the trail are themselves recorded, in the group's trail under the admin.
    const ofMia = await byUser(user("u-mia"));
    expect(ofMia.filter((e) => e.action === "READ_AUDIT_TRAIL").length).toBeGreaterThanOrEqual(3);
  });

  it("pages a trail with cursors", async () => {
    const first = await api.gql<{ auditTrail: Trail }>(TRAIL, { p: P, first: 3 }, api.users.mia);
    const seen = first.data!.auditTrail.edges.map((e) => e.node.at);
    expect(first.data!.auditTrail.pageInfo.hasNextPage).toBe(true);
    const next = await api.gql<{ auditTrail: Trail }>(
      TRAIL,
      { p: P, first: 3, after: first.data!.auditTrail.pageInfo.endCursor },
      api.users.mia,
    );
    const more = next.data!.auditTrail.edges.map((e) => e.node.at);
    expect(more).toHaveLength(3);
    expect(more.every((at) => at < seen.at(-1)!)).toBe(true);
  });

  describe("append-only", () => {
    const existing = async () => {
      const local = parseGlobalId(P)!.localId;
      const res = await api.db.doc.send(
        new QueryCommand({
          TableName: api.db.tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": Keys.auditByPatientPk("glow", local) },
          Limit: 1,
        }),
      );
      return res.Items![0]!;
    };
    const stored = async (item: Record<string, unknown>) =>
      (
        await api.db.doc.send(
          new GetCommand({
            TableName: api.db.tableName,
            Key: { pk: item.pk, sk: item.sk },
            ConsistentRead: true,
          }),
        )
      ).Item;

    it("refuses to overwrite an entry through the store's writer", async () => {
      const item = await existing();
      const attempt = Audit.putAuditItem(api.db, {
        ...item,
        action: "TAMPERED",
        outcome: "OK",
        userId: "u-someone-else",
      });
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await stored(item)).toEqual(item);
    });

    it("refuses a PutItem with the same key under the append-only condition", async () => {
      const item = await existing();
      await expect(
        api.db.doc.send(
          new PutCommand({
            TableName: api.db.tableName,
            Item: { ...item, outcome: "OK", detail: "rewritten" },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        ),
      ).rejects.toBeInstanceOf(ConditionalCheckFailedException);
      expect(await stored(item)).toEqual(item);
    });

    it("cancels the write it belongs to when its entry would overwrite another", async () => {
      const item = await existing();
      const mia = api.users.mia!;
      const local = parseGlobalId(P)!.localId;
      const before = await Patients.loadPatient(api.db, mia, local);
      const tx = new Tx();
      tx.put(Patients.patientItem({ ...before, givenName: "Smuggled", version: before.version + 1 }), {
        condition: "version = :v",
        values: { ":v": before.version },
      });
      Audit.addAuditItem(tx, { ...item, action: "UPDATE_PATIENT" });
      await expect(tx.commit(api.db)).rejects.toMatchObject({
        code: "CONFLICT",
        message: "An audit entry cannot be overwritten.",
      });
      expect((await Patients.loadPatient(api.db, mia, local)).givenName).toBe(before.givenName);
      expect(await stored(item)).toEqual(item);
    });

    it("offers no way to update or delete an entry", () => {
      expect(Object.keys(Audit).filter((k) => /update|delete|remove|overwrite|erase/i.test(k))).toEqual([]);
    });
  });
});
